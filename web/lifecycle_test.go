package web

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/store"
)

// The test binary doubles as a jixiao serve process: with helperEnv set to a folder,
// TestMain serves that folder on 127.0.0.1 (printing the address) until SIGTERM or SIGINT,
// then closes the store, as the command does.
const helperEnv = "JIXIAO_WEB_HELPER"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		if err := helper(dir); err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func helper(dir string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, store.DefaultPath(dir))
	if err != nil {
		return err
	}
	srv, err := New(ctx, Options{Inputs: []string{dir}, Store: st, Poll: -1})
	if err != nil {
		st.Close()
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		st.Close()
		return err
	}
	fmt.Println(ln.Addr().String())
	if err := srv.Serve(ctx, ln); err != nil {
		st.Close()
		return err
	}
	return st.Close()
}

// startHelper runs a jixiao serve process over dir and returns it with its address.
func startHelper(t *testing.T, dir string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cmd.Process.Kill() // a no-op once it has exited
		cmd.Wait()
	})
	sc := bufio.NewScanner(out)
	require.True(t, sc.Scan(), "the server printed its address")
	go io.Copy(io.Discard, out)
	return cmd, "http://" + sc.Text()
}

// saver puts reviews of one indicator, one after another, with rising scores, and keeps
// what the server acknowledged.
type saver struct {
	id     string
	n      int
	ref    string  // the indicator's store ref
	acked  float64 // the last score the server answered 200 for; -1 for none
	tried  map[string]bool
	client *http.Client
}

func newSaver(id string, n int) *saver {
	return &saver{id: id, n: n, acked: -1, tried: map[string]bool{}, client: &http.Client{}}
}

// put sends one save of score to base within ctx; it reports whether it was acknowledged.
func (s *saver) put(ctx context.Context, base string, score float64) bool {
	text := strconv.FormatFloat(score, 'f', 2, 64)
	s.tried[strings.TrimRight(strings.TrimRight(text, "0"), ".")] = true
	body := fmt.Sprintf(`{"score": %s, "reason": "第 %s 次", "reviewer": "压测"}`, text, text)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, fmt.Sprintf("%s/api/projects/%s/indicators/%d/review", base, s.id, s.n), strings.NewReader(body))
	if err != nil {
		return false
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return false
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		s.acked = score
		return true
	}
	return false
}

// checkKept reopens the store and checks, for each saver, that the record is one that was
// sent, whole (its reason goes with its score), and no older than the last acknowledged
// save; and that the audit replays every record.
func checkKept(t *testing.T, dir string, keyOf map[string]string, savers []*saver) {
	t.Helper()
	st, err := store.Open(context.Background(), store.DefaultPath(dir))
	require.NoError(t, err, "the store opens after the server stopped")
	defer st.Close()
	for _, s := range savers {
		rec, err := st.Project(context.Background(), keyOf[s.id])
		require.NoError(t, err)
		ir, ok := rec.Indicator(s.ref)
		if s.acked < 0 {
			continue
		}
		require.True(t, ok, "indicator %d of %s: an acknowledged save is kept", s.n, s.id)
		got, _ := ir.Review.Score.Float64()
		assert.GreaterOrEqual(t, got, s.acked, "indicator %d of %s: nothing acknowledged is lost", s.n, s.id)
		assert.True(t, s.tried[ir.Review.Score.String()], "indicator %d: stored score %s was sent", s.n, ir.Review.Score)
		assert.Equal(t, "第 "+strconv.FormatFloat(got, 'f', 2, 64)+" 次", ir.Review.Reason, "the record is whole: its reason goes with its score")
		history, err := st.History(context.Background(), keyOf[s.id], s.ref)
		require.NoError(t, err)
		last := map[string]string{}
		for _, c := range history {
			last[c.Field] = c.New
		}
		assert.Equal(t, ir.Review.Score.String(), last[store.FieldScore], "the audit's last score is the record's")
		assert.Equal(t, ir.Review.Reason, last[store.FieldReason])
	}
}

// The seed's projects by ID, with their keys, and savers for their indicators.
func seedSavers(t *testing.T, dir string) (map[string]string, []*saver) {
	t.Helper()
	f := serve(t, dir, Options{})
	keyOf := map[string]string{}
	var savers []*saver
	for _, e := range f.srv.cur.Load().entries {
		keyOf[e.id] = e.key
		for n := range e.result.Indicators {
			if e.result.Indicators[n].Indicator.Weight >= 10 {
				sv := newSaver(e.id, n+1)
				sv.ref = e.refs[n]
				savers = append(savers, sv)
			}
		}
	}
	f.close()
	require.NotEmpty(t, savers)
	return keyOf, savers
}

// The server is stopped mid-write by a cancelled context: requests cut off while their
// saves run. Nothing acknowledged is lost, nothing is half-written, and the audit replays.
func TestCancelledMidWrite(t *testing.T) {
	dir := copySeed(t)
	keyOf, savers := seedSavers(t, dir)
	f := serve(t, dir, Options{})
	rng := rand.New(rand.NewPCG(1, 2))
	var wg sync.WaitGroup
	cut := 0
	var mu sync.Mutex
	for _, s := range savers {
		delays := make([]time.Duration, 40)
		for k := range delays {
			delays[k] = time.Duration(rng.IntN(3000)) * time.Microsecond
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k, d := range delays {
				ctx, cancel := context.WithTimeout(context.Background(), d)
				if !s.put(ctx, f.http.URL, float64(k)*0.25) {
					mu.Lock()
					cut++
					mu.Unlock()
				}
				cancel()
			}
		}()
	}
	wg.Wait()
	t.Logf("%d of %d saves were cut off", cut, 40*len(savers))
	require.Positive(t, cut, "no save was cut off: the test proves nothing")
	f.close()
	checkKept(t, dir, keyOf, savers)
}

// A jixiao serve process killed (SIGKILL) while saves are being written loses nothing it
// acknowledged; one stopped by SIGTERM finishes what it was doing, closes the database
// cleanly (no journal left) and exits 0.
func TestKilledMidWrite(t *testing.T) {
	for _, sig := range []os.Signal{os.Kill, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := copySeed(t)
			keyOf, savers := seedSavers(t, dir)
			cmd, base := startHelper(t, dir)
			acks := make(chan struct{}, 1000)
			var wg sync.WaitGroup
			stop := make(chan struct{})
			for _, s := range savers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := 1; k < 1000; k++ { // scores rise by 0.01 and stay within the weight
						select {
						case <-stop:
							return
						default:
						}
						ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
						ok := s.put(ctx, base, float64(k)/100)
						cancel()
						if ok {
							select {
							case acks <- struct{}{}:
							default:
							}
						} else if k > 1 {
							return // the server is gone
						}
					}
				}()
			}
			for range 60 { // well into the run
				select {
				case <-acks:
				case <-time.After(30 * time.Second):
					t.Fatal("the saves are not acknowledged")
				}
			}
			require.NoError(t, cmd.Process.Signal(sig))
			err := cmd.Wait()
			close(stop)
			wg.Wait()
			if sig == syscall.SIGTERM {
				require.NoError(t, err, "a server stopped by SIGTERM exits 0")
				_, statErr := os.Stat(store.DefaultPath(dir) + "-wal")
				assert.True(t, errors.Is(statErr, os.ErrNotExist), "the database was closed cleanly: no journal left (%v)", statErr)
			}
			checkKept(t, dir, keyOf, savers)
		})
	}
}

// A server started again over the same folder finds the reviews, with who made them.
func TestRestartFindsTheReviews(t *testing.T) {
	dir := copySeed(t)
	st, err := store.Open(context.Background(), store.DefaultPath(dir))
	require.NoError(t, err)
	srv, err := New(context.Background(), Options{Inputs: []string{dir}, Store: st, Poll: -1, Log: io.Discard})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	var id string
	for _, e := range srv.cur.Load().entries {
		if e.project.Name == seedShebao {
			id = e.id
		}
	}
	put := func(path, body string) {
		req, _ := http.NewRequest(http.MethodPut, base+path, strings.NewReader(body))
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	put("/api/projects/"+id+"/indicators/2/review", `{"score": 6, "reason": "到位资金不足", "rule": "unassessable-30", "reviewer": "张三"}`)
	put("/api/projects/"+id+"/indicators/6/review", `{"score": 18, "reason": "按评分标准", "reviewer": "李四"}`)
	put("/api/projects/"+id+"/review", `{"reviewer": "张三", "date": "2024-05-20"}`)
	cancel()
	select {
	case err := <-served:
		require.NoError(t, err, "Serve returns cleanly once its context ends")
	case <-time.After(ShutdownTimeout + 5*time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	_, err = http.Get(base + "/")
	require.Error(t, err, "nothing listens after the shutdown")
	require.NoError(t, st.Close())

	f := serve(t, dir, Options{})
	require.Equal(t, id, f.id(t, seedShebao), "the project's ID stays across restarts")
	doc := decode[map[string]any](t, f.get(t, "/api/projects/"+id))
	inds := doc["indicators"].([]any)
	two := inds[1].(map[string]any)
	subset(t, map[string]any{"score": 6.0, "reason": "到位资金不足", "rule": "unassessable-30"}, two["review"])
	assert.Equal(t, "张三", two["changed"].(map[string]any)["by"])
	six := inds[5].(map[string]any)
	assert.Equal(t, 18.0, six["review"].(map[string]any)["score"])
	assert.Equal(t, "李四", six["changed"].(map[string]any)["by"])
	subset(t, map[string]any{"reviewer": "张三", "date": "2024-05-20"}, doc["review"])
	page := text(f.get(t, "/projects/"+id).body)
	assert.Contains(t, page, "到位资金不足")
	assert.Contains(t, page, "李四 ·")
}

// A submission changed on disk is read again: its new figures show, and, when its review
// was recorded before, its page says so until the review is saved again. Files added and
// removed come and go; the reviews of a removed one are kept and counted.
func TestSubmissionsReadAgain(t *testing.T) {
	dir := copySeed(t)
	f := serve(t, dir, Options{})
	e := f.entry(t, seedShebao)
	r := f.do(t, http.MethodPut, "/api/projects/"+e.id+"/indicators/2/review", `{"score": 6, "reason": "到位资金不足", "reviewer": "张三"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	assert.NotContains(t, f.get(t, "/projects/"+e.id).body, "自评表在复核之后被修改过")

	path := filepath.Join(dir, seedShebao+".toml")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	edited := strings.Replace(string(data), "actual = 13.87", "actual = 73.00", 1)
	require.NotEqual(t, string(data), edited, "the seed file has the line the test edits")
	require.NoError(t, os.WriteFile(path, []byte(edited), 0o644))
	later := time.Now().Add(2 * time.Second)
	require.NoError(t, os.Chtimes(path, later, later))
	require.NoError(t, f.srv.Reload(context.Background()))

	page := f.get(t, "/projects/"+e.id)
	assert.Contains(t, page.body, "自评表在复核之后被修改过")
	assert.Contains(t, text(page.body), "73.00 万元 73.00", "the new actual value is read")
	assert.Equal(t, true, decode[map[string]any](t, f.get(t, "/api/projects/"+e.id))["stale"])
	assert.Contains(t, f.get(t, "/").body, "已改动")
	other := f.entry(t, seedYanglao)
	assert.False(t, other.row.Stale)

	// Saving the review again confirms it against the new submission.
	r = f.do(t, http.MethodPut, "/api/projects/"+e.id+"/indicators/2/review", `{"score": 10, "reason": "已足额到位", "reviewer": "张三"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	assert.NotContains(t, f.get(t, "/projects/"+e.id).body, "自评表在复核之后被修改过")

	// Files added and removed.
	generate(t, dir, "新增", 3, 9)
	require.NoError(t, os.Remove(path))
	require.NoError(t, f.srv.Reload(context.Background()))
	st := f.srv.cur.Load()
	assert.Len(t, st.entries, 4)
	_, still := st.byID[e.id]
	assert.False(t, still)
	assert.Equal(t, http.StatusNotFound, f.get(t, "/projects/"+e.id).status)
	batch := text(f.get(t, "/").body)
	assert.Contains(t, batch, "找不到对应项目或指标的复核记录")
	assert.Contains(t, batch, "社保工作运行经费.toml · 社保工作运行经费", "the orphan names its file and project")
	assert.Contains(t, batch, "产出指标 / 成本指标 / 资金投入：复核得分 10 · 已足额到位", "…and each indicator's review")

	// A file that breaks is shown with its errors; the others stay.
	bad := filepath.Join(dir, "坏.toml")
	require.NoError(t, os.WriteFile(bad, []byte("[project]\nname = \"坏\"\n[[indicator]]\nname = 1\n"), 0o644))
	require.NoError(t, f.srv.Reload(context.Background()))
	home := f.get(t, "/")
	assert.Contains(t, text(home.body), "无法读取的自评表")
	assert.Contains(t, home.body, "坏.toml")
	assert.Len(t, f.srv.cur.Load().entries, 4)
}

// The poller notices a changed file by itself.
func TestWatchNoticesChanges(t *testing.T) {
	dir := copySeed(t)
	f := serve(t, dir, Options{Poll: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); f.srv.Watch(ctx) }()
	defer func() { cancel(); <-done }()
	generate(t, dir, "后来", 2, 5)
	assert.Eventually(t, func() bool { return f.srv.Projects() == 4 }, 5*time.Second, 10*time.Millisecond)
}

// A published report in the folder is named on the batch page with what to do, not read.
func TestPublishedReportNamed(t *testing.T) {
	dir := copySeed(t)
	data, err := os.ReadFile("../testdata/quangang-2021-report.txt")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "部门决算.txt"), data, 0o644))
	f := serve(t, dir, Options{Inputs: []string{dir, filepath.Join(dir, "部门决算.txt")}})
	assert.Equal(t, 2, f.srv.Projects())
	page := text(f.get(t, "/").body)
	assert.Contains(t, page, "部门决算.txt")
	assert.Contains(t, page, "jixiao import -o 文件夹 部门决算.txt")
}

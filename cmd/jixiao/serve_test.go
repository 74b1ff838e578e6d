package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/store"
)

// syncBuffer is a buffer written by the command and read by the test at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// jixiao serve starts on a free port of 127.0.0.1, prints where, serves the batch and keeps a
// review in the folder's database; when its context ends (Ctrl-C) it stops, closes the
// database and exits 0.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"社保工作运行经费.toml", "城乡居民养老金及个账补贴.toml"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/quangang-2021", name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"serve", "--addr", "127.0.0.1:0", dir}, strings.NewReader(""), &out, &errOut)
	}()
	var base string
	require.Eventually(t, func() bool {
		m := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(out.String())
		base = m
		return m != ""
	}, 30*time.Second, 20*time.Millisecond, "the address is printed: %s %s", out.String(), errOut.String())
	assert.Contains(t, out.String(), "jixiao serve：2 个项目；新建复核记录库 "+store.DefaultPath(dir))

	resp, err := http.Get(base + "api/projects")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	id := regexp.MustCompile(`"id":"([0-9a-f]+)","name":"社保工作运行经费"`).FindStringSubmatch(string(body))
	require.NotNil(t, id, "%s", body)
	req, _ := http.NewRequest(http.MethodPut, base+"api/projects/"+id[1]+"/indicators/2/review", strings.NewReader(`{"score": 8, "reviewer": "张三"}`))
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	stop()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code, errOut.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
	assert.Contains(t, out.String(), "jixiao serve：已停止，复核记录库已关闭")
	_, err = os.Stat(store.DefaultPath(dir) + "-wal")
	assert.True(t, os.IsNotExist(err), "the database was closed cleanly")
	st, err := store.Open(context.Background(), store.DefaultPath(dir))
	require.NoError(t, err)
	defer st.Close()
	rec, err := st.Project(context.Background(), store.ProjectKey("社保工作运行经费.toml", "社保工作运行经费", 1))
	require.NoError(t, err)
	ir, ok := rec.Indicator(store.IndicatorRef("产出指标", "成本指标", "资金投入", 1))
	require.True(t, ok, "the review is kept under the file's and the indicator's names")
	assert.Equal(t, "8", ir.Review.Score.String())
}

// serve refuses, before it listens, a path that does not exist and a batch with nothing to
// review (an empty folder, only a published report), naming it, exit 2 as check does.
func TestServeRefusesNothingToReview(t *testing.T) {
	empty := t.TempDir()
	reports := t.TempDir()
	data, err := os.ReadFile("../../testdata/quangang-2021-report.txt")
	require.NoError(t, err)
	report := filepath.Join(reports, "report.txt")
	require.NoError(t, os.WriteFile(report, data, 0o644))
	broken := filepath.Join(t.TempDir(), "broken.toml")
	require.NoError(t, os.WriteFile(broken, []byte("name = \"broken\n[[indicator"), 0o644))
	for name, c := range map[string]struct {
		args []string
		want string
	}{
		"an empty folder":    {[]string{empty}, empty + ": 文件夹里没有 jixiao 能读的文件"},
		"no such path":       {[]string{filepath.Join(empty, "nonexist")}, filepath.Join(empty, "nonexist") + ": 文件不存在，请检查路径"},
		"only a report":      {[]string{report}, report + "：没有可复核的项目（" + report + " 无法读取或不是自评表）；请用 jixiao check " + report + " 查看原因"},
		"only a broken file": {[]string{broken}, broken + "：没有可复核的项目（broken.toml 无法读取或不是自评表）"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runIn(append([]string{"serve", "--addr", "127.0.0.1:0"}, c.args...)...)
			assert.Equal(t, exitInput, code, "stderr: %s", errOut)
			assert.Contains(t, errOut, c.want)
			assert.NotContains(t, out, "请在浏览器中打开", "it never listened")
			_, err := os.Stat(filepath.Join(reports, ".jixiao"))
			assert.True(t, os.IsNotExist(err), "no review database is made for reports alone")
		})
	}
}

// The start-up message names the files that could not be read and an existing database;
// a second serve on the same port is refused with what to do.
func TestServeStartMessageAndPortInUse(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../testdata/quangang-2021/社保工作运行经费.toml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.toml"), data, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("name = \"broken\n[[indicator"), 0o644))
	st, err := store.Open(context.Background(), store.DefaultPath(dir))
	require.NoError(t, err)
	require.NoError(t, st.Close())

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"serve", "--addr", "127.0.0.1:0", dir}, strings.NewReader(""), &out, &errOut)
	}()
	var addr string
	require.Eventually(t, func() bool {
		addr = regexp.MustCompile(`127\.0\.0\.1:\d+`).FindString(out.String())
		return addr != ""
	}, 30*time.Second, 20*time.Millisecond, "the address is printed: %s %s", out.String(), errOut.String())
	assert.Contains(t, out.String(), "jixiao serve：1 个项目，1 个文件无法读取：broken.toml（原因见页面，或用 jixiao check 查看）；复核记录库 "+store.DefaultPath(dir)+"\n")

	code, _, errText := runIn("serve", "--addr", addr, dir)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errText, "无法监听 "+addr+"：该端口已被另一个程序（或另一个 jixiao serve）占用；请换一个端口，例如 --addr 127.0.0.1:9000，或用 --addr 127.0.0.1:0 任选空闲端口")
	code, _, errText = runIn("serve", "--lang", "en", "--addr", addr, dir)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errText, "cannot listen on "+addr+": another program (or another jixiao serve) holds the port")
	assert.NotContains(t, errText, "bind:", "no system text")

	stop()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code, errOut.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
}

// --db in a folder that does not exist is refused (a typo must not start an empty store),
// and the folder is not made.
func TestServeDBFolderMustExist(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../testdata/quangang-2021/社保工作运行经费.toml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.toml"), data, 0o644))
	missing := filepath.Join(dir, "typo", "review.db")
	code, out, errText := runIn("serve", "--addr", "127.0.0.1:0", "--db", missing, dir)
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out)
	assert.Contains(t, errText, "--db "+missing+"：文件夹 "+filepath.Dir(missing)+" 不存在；请检查路径")
	_, err = os.Stat(filepath.Dir(missing))
	assert.True(t, os.IsNotExist(err), "the folder is not made")
}

// A listen on every address prints 127.0.0.1 for this machine's browser and the
// machine's own addresses for colleagues, never 0.0.0.0 or [::].
func TestBrowseURLs(t *testing.T) {
	addrs := []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("192.168.1.5"), net.ParseIP("fe80::1"), net.ParseIP("2001:db8::5"), net.ParseIP("::1")}
	local, others := browseURLs(&net.TCPAddr{IP: net.IPv4zero, Port: 18433}, "s3cret", addrs)
	assert.Equal(t, "http://127.0.0.1:18433/?token=s3cret", local)
	assert.Equal(t, []string{"http://192.168.1.5:18433/?token=s3cret"}, others, "an IPv4 listen: IPv4 addresses, not link-local or loopback")
	_, others = browseURLs(&net.TCPAddr{IP: net.IPv6unspecified, Port: 18433}, "a b", addrs)
	assert.Equal(t, []string{"http://192.168.1.5:18433/?token=a+b", "http://[2001:db8::5]:18433/?token=a+b"}, others)
	local, others = browseURLs(&net.TCPAddr{IP: net.ParseIP("192.168.1.5"), Port: 80}, "", addrs)
	assert.Equal(t, "http://192.168.1.5:80/", local, "an address given is printed as given")
	assert.Empty(t, others)
}

// The batch page says what to do with a published report: import its self-evaluations
// when it holds some, else check the report itself.
func TestServeReportHint(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	data, err := os.ReadFile("../../testdata/quangang-2021/社保工作运行经费.toml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.toml"), data, 0o644))
	data, err = os.ReadFile("../../testdata/quangang-2021-report.txt")
	require.NoError(t, err)
	with, without := filepath.Join(other, "with.txt"), filepath.Join(other, "without.txt")
	require.NoError(t, os.WriteFile(with, data, 0o644))
	require.NoError(t, os.WriteFile(without, []byte("某区民政局2024年度部门决算\n\n一、部门职责\n负责全区民政工作。\n"), 0o644))

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"serve", "--addr", "127.0.0.1:0", dir, with, without}, strings.NewReader(""), &out, &errOut)
	}()
	var base string
	require.Eventually(t, func() bool {
		base = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(out.String())
		return base != ""
	}, 30*time.Second, 20*time.Millisecond, "the address is printed: %s %s", out.String(), errOut.String())
	resp, err := http.Get(base)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	page := string(body)
	assert.Contains(t, page, "这是公开的部门决算报告，其中有 2 张项目支出绩效自评表；serve 不直接复核报告：请先用 jixiao import -o 文件夹 "+with)
	assert.Contains(t, page, "这是公开的部门决算报告，jixiao 没有从中读出项目支出绩效自评表，没有可复核或导入的项目；报告本身（决算表等）用 jixiao check "+without+" 检查")
	assert.NotContains(t, page, "jixiao import -o 文件夹 "+without, "no import hint for a report without self-evaluations")
	stop()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code, errOut.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
}

package main

import (
	"bytes"
	"context"
	"io"
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
	assert.Contains(t, out.String(), "jixiao serve：2 个项目，复核记录库 "+store.DefaultPath(dir))

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

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

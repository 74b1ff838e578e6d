package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"jixiao/internal/synth"
	"jixiao/store"
)

// seedDir is the bundled example: two projects, with errors to find.
const seedDir = "../testdata/quangang-2021"

// The seed's projects as the tests name them.
const (
	seedShebao  = "社保工作运行经费"
	seedYanglao = "城乡居民养老金及个账补贴"
)

// copySeed copies the bundled example into a new folder, as a batch to serve.
func copySeed(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(seedDir)
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(seedDir, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644))
	}
	return dir
}

// generate writes n synthetic projects (as jixiao gen --format toml does) into dir/sub.
func generate(t testing.TB, dir, sub string, n int, seed uint64) {
	t.Helper()
	out := filepath.Join(dir, sub)
	require.NoError(t, os.MkdirAll(out, 0o755))
	g := synth.New(seed)
	for i := range n {
		var b bytes.Buffer
		require.NoError(t, synth.WriteTOML(&b, g.Next()))
		require.NoError(t, os.WriteFile(filepath.Join(out, fmt.Sprintf("%06d.toml", i)), b.Bytes(), 0o644))
	}
}

// fixture is a server over a batch, with its store, on a real socket of 127.0.0.1.
type fixture struct {
	dir   string
	db    string
	store *store.Store
	srv   *Server
	http  *httptest.Server
}

// serve opens the store of dir and serves dir; opts may set more.
func serve(t testing.TB, dir string, opts Options) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{dir: dir, db: store.DefaultPath(dir)}
	st, err := store.Open(ctx, f.db)
	require.NoError(t, err)
	f.store = st
	opts.Store = st
	if opts.Inputs == nil {
		opts.Inputs = []string{dir}
	}
	if opts.Poll == 0 {
		opts.Poll = -1 // tests reload when they mean to
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	f.srv, err = New(ctx, opts)
	require.NoError(t, err)
	f.http = httptest.NewServer(f.srv)
	t.Cleanup(f.close)
	return f
}

func (f *fixture) close() {
	if f.http != nil {
		f.http.Close()
		f.http = nil
	}
	if f.store != nil {
		f.store.Close()
		f.store = nil
	}
}

// response is what a request gave.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends a request to the fixture's server; header lines are "Name: value".
func (f *fixture) do(t testing.TB, method, path, body string, header ...string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, f.http.URL+path, rd)
	require.NoError(t, err)
	for _, h := range header {
		k, v, _ := strings.Cut(h, ":")
		if strings.EqualFold(k, "Host") {
			req.Host = strings.TrimSpace(v)
			continue
		}
		req.Header.Set(k, strings.TrimSpace(v))
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	require.NoError(t, err, "%s %s", method, path)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return response{status: resp.StatusCode, header: resp.Header, body: string(data)}
}

func (f *fixture) get(t testing.TB, path string, header ...string) response {
	t.Helper()
	return f.do(t, http.MethodGet, path, "", header...)
}

// id is the ID of the project named name.
func (f *fixture) id(t testing.TB, name string) string {
	t.Helper()
	for _, e := range f.srv.cur.Load().entries {
		if e.project.Name == name {
			return e.id
		}
	}
	t.Fatalf("no project named %q", name)
	return ""
}

// entry is the current entry of the project named name.
func (f *fixture) entry(t testing.TB, name string) *entry {
	t.Helper()
	st, err := f.srv.current(context.Background())
	require.NoError(t, err)
	return st.byID[f.id(t, name)]
}

// decode reads a JSON body.
func decode[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(r.body), &v), "body: %s", r.body)
	return v
}

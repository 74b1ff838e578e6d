package web

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// batch1000 serves the 1,000 projects jixiao gen -n 1000 --format toml writes (seed 1).
func batch1000(b *testing.B) *fixture {
	b.Helper()
	dir := b.TempDir()
	generate(b, dir, "gen", 1000, 1)
	return serve(b, dir, Options{})
}

// BenchmarkStart reads and checks 1,000 projects and opens the store: the wait before
// jixiao serve answers.
func BenchmarkStart(b *testing.B) {
	dir := b.TempDir()
	generate(b, dir, "gen", 1000, 1)
	for b.Loop() {
		f := serve(b, dir, Options{})
		if f.srv.Projects() != 1000 {
			b.Fatalf("%d projects", f.srv.Projects())
		}
		f.close()
	}
}

// BenchmarkBatchPage renders the batch page of 1,000 projects (the charts, the filters and
// every row), as a browser asks for it, without the network. The target is under 200 ms.
// "cold" writes every row afresh, as after a start or with every project's review changed;
// the others reuse the rows already written, as the server does between changes.
func BenchmarkBatchPage(b *testing.B) {
	f := batch1000(b)
	entries := f.srv.cur.Load().entries
	for _, c := range []struct {
		name, query string
		cold        bool
	}{
		{"cold", "/", true},
		{"default", "/", false},
		{"sorted-by-total", "/?sort=-total", false},
		{"filtered", "/?code=score-mismatch", false},
	} {
		b.Run(c.name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				if c.cold {
					for _, e := range entries {
						for k := range e.row.html {
							e.row.html[k].Store(nil)
						}
					}
				}
				req := httptest.NewRequest(http.MethodGet, c.query, nil)
				req.Host = "127.0.0.1"
				w := httptest.NewRecorder()
				f.srv.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
				size = w.Body.Len()
			}
			b.ReportMetric(float64(size)/1024, "KiB/page")
		})
	}
}

// BenchmarkLoad is the load test: 20 clients, each sending 200 requests one after another,
// over real sockets on 127.0.0.1, against the 1,000 generated projects; a reviewer's mix of
// project pages, API reads, saves, and the batch page. It reports the latency of every
// request at the 50th and 99th percentile, and of each kind. Run it once:
// go test ./web -run '^$' -bench Load -benchtime 1x.
func BenchmarkLoad(b *testing.B) {
	f := batch1000(b)
	ids := make([]string, 0, 1000)
	weights := map[string]float64{}
	for _, e := range f.srv.cur.Load().entries {
		ids = append(ids, e.id)
		weights[e.id] = e.result.Indicators[0].Indicator.Weight
	}
	const clients, requests = 20, 200
	type sample struct {
		kind string
		d    time.Duration
	}
	for b.Loop() {
		samples := make([][]sample, clients)
		var wg sync.WaitGroup
		errs := make(chan error, clients)
		start := time.Now()
		for c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(c), 7))
				client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
				defer client.CloseIdleConnections()
				for k := range requests {
					id := ids[rng.IntN(len(ids))]
					var kind, method, path, body string
					switch x := rng.IntN(100); {
					case x < 45:
						kind, method, path = "project page", http.MethodGet, "/projects/"+id
					case x < 70:
						kind, method, path = "GET /api/projects/{id}", http.MethodGet, "/api/projects/"+id
					case x < 85:
						kind, method, path = "PUT review", http.MethodPut, fmt.Sprintf("/api/projects/%s/indicators/1/review", id)
						body = fmt.Sprintf(`{"score": %v, "reason": "压测 %d-%d", "reviewer": "压测%d"}`, weights[id]/2, c, k, c)
					case x < 95:
						kind, method, path = "GET /api/projects", http.MethodGet, "/api/projects"
					default:
						kind, method, path = "batch page", http.MethodGet, "/"
					}
					req, err := http.NewRequest(method, f.http.URL+path, strings.NewReader(body))
					if err != nil {
						errs <- err
						return
					}
					t0 := time.Now()
					resp, err := client.Do(req)
					if err != nil {
						errs <- err
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					d := time.Since(t0)
					if resp.StatusCode != http.StatusOK {
						errs <- fmt.Errorf("%s %s: status %d", method, path, resp.StatusCode)
						return
					}
					samples[c] = append(samples[c], sample{kind, d})
				}
			}()
		}
		wg.Wait()
		wall := time.Since(start)
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		byKind := map[string][]time.Duration{}
		var all []time.Duration
		for _, ss := range samples {
			for _, s := range ss {
				byKind[s.kind] = append(byKind[s.kind], s.d)
				all = append(all, s.d)
			}
		}
		if len(all) != clients*requests {
			b.Fatalf("%d requests answered, want %d", len(all), clients*requests)
		}
		b.ReportMetric(ms(percentile(all, 50)), "p50-ms")
		b.ReportMetric(ms(percentile(all, 99)), "p99-ms")
		b.ReportMetric(float64(len(all))/wall.Seconds(), "req/s")
		kinds := make([]string, 0, len(byKind))
		for k := range byKind {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		for _, k := range kinds {
			ds := byKind[k]
			b.Logf("%-24s %5d requests  p50 %7.2f ms  p99 %7.2f ms", k, len(ds), ms(percentile(ds, 50)), ms(percentile(ds, 99)))
		}
		b.Logf("%d requests in %v", len(all), wall.Round(time.Millisecond))
	}
	// The saves are all kept: the store's version counts them.
	v, err := f.store.Version(context.Background())
	if err != nil || v == 0 {
		b.Fatalf("store version %d, %v", v, err)
	}
}

// percentile is the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(i-1, 0)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkProjectPage renders one generated project's page, as a browser asks for it.
func BenchmarkProjectPage(b *testing.B) {
	f := batch1000(b)
	id := f.srv.cur.Load().entries[0].id
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, "/projects/"+id, nil)
		req.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

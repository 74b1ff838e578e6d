package web

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/store"
)

// A submission file as last read: when it was modified and how large it was then (a
// change of either reads it again), and the projects in it, or why it could not be used.
type source struct {
	path string // as found below the inputs
	rel  string // relative to the root, with forward slashes: the project keys start with it
	mod  time.Time
	size int64

	projects []*entry
	err      error // the file could not be used; an indicators.ErrorList where possible
}

// entry is one project of a submission, scored and reviewed: the base result as read from
// the file, and the result with the store's review applied.
type entry struct {
	id          string // the page's and the API's name for it: see projectID
	key         string // the store's key: store.ProjectKey(rel, name, nth)
	placeKey    string // the key a store of schema 1 gave it: store.PlaceKey(rel, place)
	rel         string
	place       int      // 1-based place in its file
	fingerprint string   // of the bytes it was read from (its file, or its line of JSON Lines)
	refs        []string // each indicator's store ref (store.IndicatorRef), in the file's order
	// orphans are the stored indicator reviews of the project that match none of its
	// indicators now (renamed or removed): shown, never applied.
	orphans []store.IndicatorRecord

	project *indicators.Project // as read from the file
	base    *engine.Result      // checked, without the store's review
	result  *engine.Result      // checked with the store's review applied (base when none)
	record  store.Record        // the store's review of it, as applied
	row     *row                // how the batch lists it, with the review applied
	errors  int
	warns   int
}

// projectID is a project's name in URLs: the first 16 hex digits of the SHA-256 of its
// store key. It stays the same across restarts and files added to the batch, and no part
// of a URL is ever a path.
func projectID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// stat is what the poller compares: a file's modification time and size.
type stat struct {
	mod  time.Time
	size int64
}

// scan lists the submission files below the inputs with their stats. A file that vanished
// between the listing and its stat is left out; an input that does not exist is an error.
func scan(inputs []string) (map[string]stat, []string, error) {
	files, err := indicators.Files(inputs)
	if err != nil {
		return nil, nil, err
	}
	out := make(map[string]stat, len(files))
	order := files[:0:0]
	for _, f := range files {
		if f == "-" {
			continue
		}
		fi, err := os.Stat(f)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, nil, err
		}
		if _, dup := out[f]; dup {
			continue
		}
		out[f] = stat{mod: fi.ModTime(), size: fi.Size()}
		order = append(order, f)
	}
	return out, order, nil
}

// relative is path relative to root, with forward slashes; the absolute path when it lies
// outside root.
func relative(root, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// readSource reads one submission: its bytes once, for the fingerprint, then its projects,
// named by their path relative to the root, as the pages show them.
// The stat is taken before reading, so a file written meanwhile is read again at the next
// poll.
func readSource(path, rel string, st stat, lim indicators.Limits, reportProjects func(string) (int, error)) *source {
	src := &source{path: path, rel: rel, mod: st.mod, size: st.size}
	maxSize := lim.MaxFileSize
	if maxSize <= 0 {
		maxSize = indicators.DefaultMaxFileSize
	}
	if st.size > maxSize {
		src.err = indicators.ErrorList{{Pos: indicators.Pos{File: path}, Kind: indicators.ErrLimit, Msg: i18n.T(
			"文件大小 %d 字节，超过上限 %d 字节", "the file is %d bytes, over the limit of %d", st.size, maxSize)}}
		return src
	}
	data, err := os.ReadFile(path)
	if err != nil {
		src.err = err
		return src
	}
	names := map[string]int{} // projects of the file by name so far
	keys := map[string]bool{} // the keys given so far
	add := func(p *indicators.Project, place int, fingerprint string) {
		// The nth of a name is bumped past a key another name already took: the second
		// "X" and a project named "X#2" never share one.
		var key string
		for {
			names[p.Name]++
			if key = store.ProjectKey(rel, p.Name, names[p.Name]); !keys[key] {
				break
			}
		}
		keys[key] = true
		src.projects = append(src.projects, &entry{id: projectID(key), key: key, placeKey: store.PlaceKey(rel, place),
			rel: rel, place: place, fingerprint: fingerprint, refs: indicatorRefs(p), project: p})
	}
	switch indicators.FormatOf(path) {
	case indicators.Report:
		// A published report is a document checked whole (jixiao check); its projects are
		// reviewed here once imported as files of their own, if it holds any.
		src.err = indicators.ErrorList{{Pos: indicators.Pos{File: rel}, Kind: indicators.ErrRead, Msg: reportHint(path, rel, reportProjects)}}
		return src
	case indicators.JSONLines:
		// One project a line: each line its own fingerprint, so editing one project of a
		// stream flags that project alone.
		var jp indicators.JSONParser
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, int(maxSize))
		// A project's place is its place among the non-blank lines, failed ones included, so
		// a line that breaks moves no other project's key.
		var errs indicators.ErrorList
		place := 0
		for line := 1; sc.Scan(); line++ {
			text := bytes.TrimSpace(sc.Bytes())
			if len(text) == 0 {
				continue
			}
			place++
			p, err := jp.Parse(rel, line, text, lim)
			if err != nil {
				errs = append(errs, asList(err)...)
				continue
			}
			add(p, place, store.Fingerprint(text))
		}
		if err := sc.Err(); err != nil {
			errs = append(errs, asList(err)...)
		}
		if len(errs) > 0 {
			src.err = errs
		}
	case indicators.Workbook:
		ps, err := indicators.LoadWorkbook(path, lim)
		if err != nil {
			src.err = err
			return src
		}
		fp := store.Fingerprint(data)
		for i, p := range ps {
			p.File = rel
			add(p, i+1, fp)
		}
	default:
		p, err := indicators.Parse(rel, data, lim)
		if err != nil {
			src.err = err
			return src
		}
		add(p, 1, store.Fingerprint(data))
	}
	return src
}

// indicatorRefs are the store refs of p's indicators: each its name under its headings,
// the n-th of identical ones told apart by n.
func indicatorRefs(p *indicators.Project) []string {
	refs := make([]string, len(p.Indicators))
	seen := map[[3]string]int{}
	for i, ind := range p.Indicators {
		k := [3]string{ind.Level1, ind.Level2, ind.Name}
		seen[k]++
		refs[i] = store.IndicatorRef(ind.Level1, ind.Level2, ind.Name, seen[k])
	}
	return refs
}

// reportHint says what to do with a published report: import its self-evaluations and
// review those, when it holds any; else check the report itself.
func reportHint(path, rel string, count func(string) (int, error)) i18n.Text {
	n, err := -1, error(nil)
	if count != nil {
		n, err = count(path)
	}
	switch {
	case n > 0 && err == nil:
		return i18n.T(
			"这是公开的部门决算报告，其中有 %d 张项目支出绩效自评表；serve 不直接复核报告：请先用 jixiao import -o 文件夹 %s 把它们存为 TOML 文件，再复核它们；报告本身的检查用 jixiao check %s",
			"this is a published report holding %d self-evaluations, which serve does not review as it is: save them as TOML files with jixiao import -o DIR %s and review those; check the report itself with jixiao check %s", n, rel, rel)
	case n == 0 || err != nil:
		return i18n.T(
			"这是公开的部门决算报告，jixiao 没有从中读出项目支出绩效自评表，没有可复核或导入的项目；报告本身（决算表等）用 jixiao check %s 检查",
			"this is a published report in which jixiao found no self-evaluation to review or import; check the report itself (its final-accounts tables) with jixiao check %s", rel)
	}
	return i18n.T(
		"这是公开的部门决算报告，serve 不直接复核报告：如其中有项目支出绩效自评表，请先用 jixiao import -o 文件夹 %s 把它们存为 TOML 文件，再复核它们；报告本身的检查用 jixiao check %s",
		"this is a published report, which serve does not review as it is: if it holds self-evaluations, save them as TOML files with jixiao import -o DIR %s and review those; check the report itself with jixiao check %s", rel, rel)
}

func asList(err error) indicators.ErrorList {
	var list indicators.ErrorList
	if errors.As(err, &list) {
		return list
	}
	return indicators.ErrorList{{Msg: i18n.T("%s", "%s", err.Error())}}
}

// engines lends each goroutine an engine of its own (an engine is not safe for concurrent
// use); each keeps its compiled criteria across loads.
type engines struct {
	pool chan *engine.Engine
}

func newEngines(opts engine.Options) *engines {
	n := runtime.GOMAXPROCS(0)
	e := &engines{pool: make(chan *engine.Engine, n)}
	for range n {
		e.pool <- engine.New(opts)
	}
	return e
}

// check runs fn with an engine, waiting for one to be free.
func (e *engines) check(ctx context.Context, fn func(*engine.Engine)) error {
	select {
	case eng := <-e.pool:
		defer func() { e.pool <- eng }()
		fn(eng)
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// readAll reads and checks the files, in parallel, one engine per worker; the sources come
// back in the order of paths.
func (s *Server) readAll(ctx context.Context, paths []string, stats map[string]stat) ([]*source, error) {
	out := make([]*source, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	for range cap(s.engines.pool) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				src := readSource(paths[i], relative(s.root, paths[i]), stats[paths[i]], s.opts.Limits, s.opts.ReportProjects)
				for _, e := range src.projects {
					s.engines.check(ctx, func(eng *engine.Engine) {
						r, err := eng.Check(e.project)
						if err != nil {
							src.err = errors.Join(src.err, err)
							return
						}
						e.base, e.result = r, r
						e.errors, e.warns, _ = engine.Count(r.Findings)
					})
				}
				if src.err != nil {
					// A file with an expression that does not compile is not shown half-scored.
					src.projects = keepScored(src.projects)
				}
				out[i] = src
			}
		}()
	}
	var err error
	for i := range paths {
		select {
		case work <- i:
			continue
		case <-ctx.Done():
			err = ctx.Err()
		}
		break
	}
	close(work)
	wg.Wait()
	return out, err
}

// keepScored drops the projects that could not be scored.
func keepScored(es []*entry) []*entry {
	out := es[:0]
	for _, e := range es {
		if e.base != nil {
			out = append(out, e)
		}
	}
	return out
}

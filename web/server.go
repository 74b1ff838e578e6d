package web

import (
	"context"
	"crypto/rand"
	"errors"
	"html/template"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
	"jixiao/store"
)

// Options configure a Server.
type Options struct {
	// Inputs are the submissions: files and folders, as on the command line.
	Inputs []string
	// Root is the folder the project keys are relative to (store.ProjectKey); default: the
	// first input if it is a folder, else its folder.
	Root string
	// Store keeps the reviews. The Server uses it and never closes it: its opener does,
	// after the server has shut down.
	Store *store.Store
	// Engine configures scoring and the checks (a province's thresholds).
	Engine engine.Options
	// Limits bound what one submission may hold.
	Limits indicators.Limits
	// ReportProjects counts the self-evaluations a published report (.pdf, .docx, text)
	// holds, for the batch page to say what to do with it: import them to review them, or
	// check the report itself. Nil: the page says both.
	ReportProjects func(path string) (int, error)
	// Token, when set, is required of every request (for a server reachable from other
	// machines); without it, only requests addressed to a loopback host are served.
	Token string
	// Poll is how often the submissions are checked for changes (modification time and
	// size); default DefaultPoll, negative for never (Reload then reads them again).
	Poll time.Duration
	// Log receives one line per problem the server meets outside a request (a submission
	// that vanished, a poll that failed); default standard error.
	Log io.Writer
}

// DefaultPoll is how often a Server looks for changed submissions by default.
const DefaultPoll = 2 * time.Second

// Server is the review web application over one batch of submissions and one review
// store. It is an http.Handler; Serve runs it on a listener.
type Server struct {
	opts    Options
	root    string
	store   *store.Store
	engines *engines
	log     *log.Logger
	pages   templates
	// rowTemplate writes a row of the batch page.
	rowTemplate *template.Template
	secret      []byte // signs the pages' form tokens; new at every start
	handler     http.Handler

	mu    sync.Mutex // one reload or rebuild at a time
	stats map[string]stat
	cur   atomic.Pointer[state]
}

// state is one consistent picture of the batch: the submissions as last read, each with
// the store's review as of version applied. It is never changed once published; a reload
// or a save makes a new one.
type state struct {
	sources []*source // in input order
	entries []*entry  // every project, in input order
	byID    map[string]*entry
	orphans []store.Record // stored reviews of projects no submission holds now
	version int64          // the store's version the reviews are from
	read    time.Time      // when the submissions were last looked at
}

// New reads and checks the submissions and the store's reviews, and returns the server.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("web: no review store")
	}
	if len(opts.Inputs) == 0 {
		return nil, errors.New("web: no submissions")
	}
	root := opts.Root
	if root == "" {
		root = opts.Inputs[0]
		if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
			root = filepath.Dir(root)
		}
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if opts.Poll == 0 {
		opts.Poll = DefaultPoll
	}
	logw := opts.Log
	if logw == nil {
		logw = os.Stderr
	}
	s := &Server{opts: opts, root: root, store: opts.Store, engines: newEngines(opts.Engine),
		log: log.New(logw, "jixiao serve: ", log.LstdFlags), secret: make([]byte, 32)}
	if _, err := rand.Read(s.secret); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	if s.rowTemplate, err = parseRow(); err != nil {
		return nil, err
	}
	s.cur.Store(&state{byID: map[string]*entry{}, version: -1})
	if err := s.Reload(ctx); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP serves the pages, the API and the export.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Reload looks at the submissions again: files new or changed since they were last read
// (by modification time and size) are read and checked, files gone are dropped. The
// reviews are applied afresh.
func (s *Server) Reload(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	stats, order, err := scan(s.opts.Inputs)
	if err != nil {
		return err
	}
	old := s.cur.Load()
	prev := make(map[string]*source, len(old.sources))
	for _, src := range old.sources {
		prev[src.path] = src
	}
	var changed []string
	for _, path := range order {
		if p, ok := prev[path]; !ok || !p.mod.Equal(stats[path].mod) || p.size != stats[path].size {
			changed = append(changed, path)
		}
	}
	gone := len(order) != len(old.sources)
	if len(changed) == 0 && !gone && old.version >= 0 {
		st := *old
		st.read = time.Now()
		s.cur.Store(&st)
		return nil
	}
	fresh, err := s.readAll(ctx, changed, stats)
	if err != nil {
		return err
	}
	read := make(map[string]*source, len(fresh))
	for _, src := range fresh {
		read[src.path] = src
	}
	sources := make([]*source, len(order))
	for i, path := range order {
		if src, ok := read[path]; ok {
			sources[i] = src
		} else {
			sources[i] = prev[path]
		}
	}
	s.stats = stats
	version, recs, err := s.records(ctx, sources)
	if err != nil {
		return err
	}
	st, err := s.build(ctx, sources, version, recs)
	if err != nil {
		return err
	}
	st.read = time.Now()
	s.cur.Store(st)
	return nil
}

// current is the state with the store's latest reviews applied: the store's version is
// read on every call (one small query) and, when it moved, every record is read again and
// the projects whose review changed are checked again.
func (s *Server) current(ctx context.Context) (*state, error) {
	st := s.cur.Load()
	v, err := s.store.Version(ctx)
	if err != nil {
		return nil, err
	}
	if v == st.version {
		return st, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if st = s.cur.Load(); st.version >= v {
		return st, nil
	}
	version, recs, err := s.records(ctx, st.sources)
	if err != nil {
		return nil, err
	}
	next, err := s.build(ctx, st.sources, version, recs)
	if err != nil {
		return nil, err
	}
	next.read = st.read
	s.cur.Store(next)
	return next, nil
}

// records reads the store's version, then every record: the records are at least as new
// as the version says. Records kept by place (a store of schema 1) are first moved to
// their project's key, where the submission is still the one they were saved against.
func (s *Server) records(ctx context.Context, sources []*source) (int64, map[string]store.Record, error) {
	for range 2 {
		v, err := s.store.Version(ctx)
		if err != nil {
			return 0, nil, err
		}
		all, err := s.store.All(ctx)
		if err != nil {
			return 0, nil, err
		}
		recs := make(map[string]store.Record, len(all))
		for _, r := range all {
			recs[r.Key] = r
		}
		moved, err := s.moveByPlace(ctx, sources, recs)
		if err != nil || !moved {
			return v, recs, err
		}
	}
	return 0, nil, &Error{Msg: msgMovedTwice}
}

// systemAuthor names the server in the audit of what it does of itself.
var systemAuthor = store.Author{Name: "jixiao serve"}

// moveByPlace moves each record kept by place (store.Record.Positional) to its project's
// key and its indicators' refs: the project now at the place it names, if the submission
// there is the very one its last save was made against (same fingerprint), so its
// places still mean what they meant. Any other is left where it is: an orphan, shown and
// never applied. It reports whether it moved any.
func (s *Server) moveByPlace(ctx context.Context, sources []*source, recs map[string]store.Record) (bool, error) {
	var byPlace map[string]*entry
	moved := false
	for key, rec := range recs {
		if !rec.Positional {
			continue
		}
		if byPlace == nil {
			byPlace = map[string]*entry{}
			for _, src := range sources {
				for _, e := range src.projects {
					byPlace[e.placeKey] = e
				}
			}
		}
		e, ok := byPlace[key]
		if !ok || rec.Last.Fingerprint == "" || rec.Last.Fingerprint != e.fingerprint {
			continue
		}
		if _, taken := recs[e.key]; taken {
			continue
		}
		refs := make(map[string]string, len(e.refs))
		for i, ref := range e.refs {
			refs[store.PlaceRef(i+1)] = ref
		}
		if err := s.store.Move(ctx, key, e.key, refs, systemAuthor); err != nil {
			return moved, err
		}
		s.log.Printf("the review record %s, kept by place, now follows its project and indicators by name: %s", key, e.key)
		moved = true
	}
	return moved, nil
}

// build makes the state of sources with the records applied, reusing each project whose
// submission and review are unchanged.
func (s *Server) build(ctx context.Context, shared []*source, version int64, recs map[string]store.Record) (*state, error) {
	sources := append([]*source(nil), shared...)
	st := &state{sources: sources, byID: map[string]*entry{}, version: version}
	seen := map[string]bool{}
	owner := map[string]*entry{} // the first project of each ID
	for k, old := range sources {
		// Sources are shared with the states published before: copy what changes.
		src := &source{}
		*src = *old
		src.projects = append([]*entry(nil), old.projects...)
		sources[k] = src
		if err := clash(src, owner); err != nil {
			// Two projects with one ID are never merged: this submission fails alone.
			src.err, src.projects = err, nil
			continue
		}
		for i, e := range src.projects {
			rec, ok := recs[e.key]
			if !ok {
				rec = store.Record{Key: e.key}
			}
			if !sameRecord(e.record, rec) {
				ne, err := s.applyReview(ctx, e, rec)
				if err != nil {
					return nil, err
				}
				src.projects[i], e = ne, ne
			}
			st.byID[e.id] = e
			st.entries = append(st.entries, e)
			seen[e.key] = true
		}
	}
	for key, rec := range recs {
		if !seen[key] {
			st.orphans = append(st.orphans, rec)
		}
	}
	sortRecords(st.orphans)
	return st, nil
}

// clash is the error of a submission with a project whose ID an earlier project has
// (owner: the projects so far by ID, to which src's are added when there is none): a
// file whose path and project name spell another's key ("a.toml#p:X" in a file
// "a.toml#p:X"…). Nil when every ID of src is its own.
func clash(src *source, owner map[string]*entry) error {
	mine := make(map[string]*entry, len(src.projects))
	for _, e := range src.projects {
		other, dup := owner[e.id]
		if !dup {
			other, dup = mine[e.id]
		}
		if dup {
			return indicators.ErrorList{{Pos: indicators.Pos{File: src.rel}, Kind: indicators.ErrValue, Msg: i18n.T(
				"项目“%s”的复核记录键 %s 与 %s 中项目“%s”的相同，无法区分两者的复核记录：请修改其中一个项目的名称或文件名",
				"the review key %[2]s of the project %[1]q is that of the project %[4]q of %[3]s, so their reviews cannot be told apart: rename one of the projects or files",
				e.project.Name, e.key, other.rel, other.project.Name)}}
		}
		mine[e.id] = e
	}
	for id, e := range mine {
		owner[id] = e
	}
	return nil
}

// results are the results of every project, in input order.
func (st *state) results() []*engine.Result {
	out := make([]*engine.Result, len(st.entries))
	for i, e := range st.entries {
		out[i] = e.result
	}
	return out
}

// summary is report's summary across the batch.
func (st *state) summary() *report.Summary {
	sum := report.NewSummary()
	for _, e := range st.entries {
		sum.Add(e.result)
	}
	for _, src := range st.sources {
		if src.err != nil {
			sum.Fail()
		}
	}
	return sum
}

// Unread are the submissions that could not be read (or hold a published report rather
// than self-evaluations), by their path relative to the root, in input order.
func (s *Server) Unread() []string {
	var out []string
	for _, src := range s.cur.Load().sources {
		if src.err != nil {
			out = append(out, src.rel)
		}
	}
	return out
}

// Projects is the number of projects the server shows.
func (s *Server) Projects() int { return len(s.cur.Load().entries) }

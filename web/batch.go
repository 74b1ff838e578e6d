package web

import (
	"cmp"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// The batch page's sort keys, as ?sort= names them; "-" before one sorts descending.
var sortKeys = map[string]func(a, b *row) int{
	"file":      func(a, b *row) int { return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Place, b.Place)) },
	"name":      func(a, b *row) int { return strings.Compare(a.Name, b.Name) },
	"agency":    func(a, b *row) int { return strings.Compare(a.Agency, b.Agency) },
	"reported":  func(a, b *row) int { return cmpOpt(a.reported, b.reported) },
	"total":     func(a, b *row) int { return cmpOpt(a.total, b.total) },
	"review":    func(a, b *row) int { return cmpOpt(a.review, b.review) },
	"deviation": func(a, b *row) int { return cmpOpt(a.deviation, b.deviation) },
	"errors":    func(a, b *row) int { return cmp.Or(cmp.Compare(a.Errors, b.Errors), cmp.Compare(a.Warns, b.Warns)) },
	"warnings":  func(a, b *row) int { return cmp.Compare(a.Warns, b.Warns) },
}

// defaultSort puts what is most wrong first: the most errors, then the most warnings.
const defaultSort = "-errors"

// cmpOpt orders missing values first.
func cmpOpt(a, b *float64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return cmp.Compare(*a, *b)
}

// batchQuery is what the batch page shows: filters and the sort, from the query.
type batchQuery struct {
	Unit   string // 单位 (agency), exactly
	Change string // "", "changed" (stated grade ≠ jixiao's), "review" (stated ≠ reviewer's), "same"
	Code   string // a finding code the project has
	Q      string // words in the name, unit or file
	Sort   string // a key of sortKeys, "-" before it for descending
}

func readBatchQuery(q url.Values) batchQuery {
	bq := batchQuery{Unit: q.Get("unit"), Change: q.Get("change"), Code: q.Get("code"),
		Q: strings.TrimSpace(q.Get("q")), Sort: q.Get("sort")}
	if _, ok := sortKeys[strings.TrimPrefix(bq.Sort, "-")]; !ok {
		bq.Sort = defaultSort
	}
	return bq
}

// rows are the state's rows that pass the filters, sorted (stable: input order breaks ties).
func (bq batchQuery) rows(st *state) []*row {
	out := make([]*row, 0, len(st.entries))
	q := strings.ToLower(bq.Q)
	for _, e := range st.entries {
		rw := e.row
		switch {
		case bq.Unit != "" && rw.Agency != bq.Unit,
			bq.Change == "changed" && !rw.GradeChanged,
			bq.Change == "review" && !rw.ReviewChanged,
			bq.Change == "same" && (rw.GradeChanged || rw.ReviewChanged),
			bq.Code != "" && !slices.Contains(rw.codes, engine.Code(bq.Code)),
			q != "" && !strings.Contains(strings.ToLower(rw.Name+"\x00"+rw.Agency+"\x00"+rw.File), q):
			continue
		}
		out = append(out, rw)
	}
	key, desc := strings.CutPrefix(bq.Sort, "-")
	less := sortKeys[key]
	slices.SortStableFunc(out, func(a, b *row) int {
		if desc {
			return less(b, a)
		}
		return less(a, b)
	})
	return out
}

// values is the query that shows this view again, without the sort.
func (bq batchQuery) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"unit": bq.Unit, "change": bq.Change, "code": bq.Code, "q": bq.Q} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

type batchPage struct {
	page
	Query    batchQuery
	Rows     []numbered
	All      int // projects in the batch
	Units    []string
	Codes    []codeCount
	Failures []failure
	Orphans  []orphanView // records of projects no submission holds now
	// Strays are the projects with indicator reviews that match none of their indicators.
	Strays  []strayProject
	Figures batchFigures
	Charts  []chart
}

// strayProject is a project with indicator reviews that match none of its indicators.
type strayProject struct {
	Name, Href string
	Count      int
}

// numbered is a row with its place in the list shown, and its cells as written.
type numbered struct {
	N    int
	HTML template.HTML
}

type codeCount struct {
	Code  string
	Title string
	Count int
	Class string // the severity, for the style
}

// failure is a submission that could not be used, with every problem in it.
type failure struct {
	File     string
	Messages []string
}

// batchFigures are the counts above the charts.
type batchFigures struct {
	Projects, Files, Failed        int
	Errors, Warnings, Changed      int
	Reviewed, ReviewChanged, Stale int
}

// SortHref is the link of a column heading: sorted by key, descending first for the
// figures where more is worse, the other way when already so sorted.
func (p *batchPage) SortHref(key string) string {
	cur := p.Query.Sort
	next := key
	switch {
	case cur == key:
		next = "-" + key
	case cur == "-"+key:
		next = key
	case key == "errors" || key == "warnings" || key == "deviation":
		next = "-" + key
	}
	v := p.Query.values()
	v.Set("sort", next)
	return p.Href("/?" + v.Encode())
}

// SortMark is the arrow of the column the page is sorted by.
func (p *batchPage) SortMark(key string) string {
	switch p.Query.Sort {
	case key:
		return "▲"
	case "-" + key:
		return "▼"
	}
	return ""
}

// ExportHref is the review workbook's link.
func (p *batchPage) ExportHref() string { return p.Href("/export.xlsx") }

func (s *Server) batchPage(w http.ResponseWriter, r *http.Request) {
	st, err := s.current(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	bq := readBatchQuery(r.URL.Query())
	p := &batchPage{page: s.newPage(r, "", "batch"), Query: bq, All: len(st.entries)}
	for _, rec := range st.orphans {
		p.Orphans = append(p.Orphans, projectOrphan(rec, p.Lang))
	}
	for _, e := range st.entries {
		if len(e.orphans) > 0 {
			p.Strays = append(p.Strays, strayProject{Name: e.project.Name, Href: p.Href("/projects/" + e.id), Count: len(e.orphans)})
		}
	}
	for i, rw := range bq.rows(st) {
		h, err := s.rowHTML(rw, &p.page)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		p.Rows = append(p.Rows, numbered{N: i + 1, HTML: h})
	}
	p.Title = p.T("项目清单", "Projects")
	lang := p.Lang
	units := map[string]bool{}
	codes := map[engine.Code]int{}
	fig := &p.Figures
	fig.Projects, fig.Files = len(st.entries), len(st.sources)
	for _, e := range st.entries {
		rw := e.row
		if rw.Agency != "" {
			units[rw.Agency] = true
		}
		for _, f := range e.result.Findings {
			codes[f.Code]++
		}
		fig.Errors += rw.Errors
		fig.Warnings += rw.Warns
		if rw.GradeChanged {
			fig.Changed++
		}
		if rw.Reviewed > 0 {
			fig.Reviewed++
		}
		if rw.ReviewChanged {
			fig.ReviewChanged++
		}
		if rw.Stale {
			fig.Stale++
		}
	}
	for u := range units {
		p.Units = append(p.Units, u)
	}
	slices.Sort(p.Units)
	for _, c := range engine.Checks() { // in catalogue order
		if n := codes[c.Code]; n > 0 {
			p.Codes = append(p.Codes, codeCount{Code: string(c.Code), Title: c.Title.String(lang), Count: n, Class: severityClass(c.Severity)})
		}
	}
	for _, src := range st.sources {
		if src.err != nil {
			fig.Failed++
			p.Failures = append(p.Failures, failure{File: src.rel, Messages: errorMessages(src.err, lang)})
		}
	}
	p.Charts = batchCharts(st, p.Codes, &p.page)
	s.render(w, r, "batch.html", p)
}

// errorMessages are an input's errors, each in its long form (with the line and a caret).
func errorMessages(err error, lang i18n.Lang) []string {
	var list indicators.ErrorList
	if errors.As(err, &list) {
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Long(lang)
		}
		return out
	}
	return []string{err.Error()}
}

func severityClass(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "error"
	case engine.Warning:
		return "warning"
	}
	return "info"
}

// render writes a page: executed into a buffer first, so a failure is a clean 500, never
// half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) {
	s.renderStatus(w, r, http.StatusOK, name, data)
}

func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	buf := getBuffer()
	defer putBuffer(buf)
	if err := s.pages.ExecuteTemplate(buf, name, data); err != nil {
		s.failErr(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// rowHTML is the cells of a row as the batch page writes them (all but its number), made
// once per row and page variant (language, and whether links carry it): a row is never
// changed once made, so a batch of a thousand projects is written from these, and only
// the rows of projects whose review changed are made again.
func (s *Server) rowHTML(rw *row, p *page) (template.HTML, error) {
	k := int(p.Lang) * 2
	if p.explicit {
		k++
	}
	if k >= len(rw.html) {
		k = 0
	}
	if h := rw.html[k].Load(); h != nil {
		return *h, nil
	}
	data := struct {
		R                           *row
		Lang                        string
		StaleTitle, Stale, Reviewed string
	}{R: rw, StaleTitle: p.T("复核记录之后自评表被修改过", "the submission was edited after its review was recorded"),
		Stale: p.T("已改动", "edited"), Reviewed: p.T("复核", "reviewed")}
	if p.explicit {
		data.Lang = p.LangQuery()
	}
	var b strings.Builder
	if err := s.rowTemplate.ExecuteTemplate(&b, "row", data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	rw.html[k].Store(&h)
	return h, nil
}

// chart is one of the batch page's small charts: a title and its SVG, drawn here.
type chart struct {
	Title string
	Note  string
	SVG   template.HTML
}

package web

import (
	"net/http"

	"jixiao/engine"
	"jixiao/report"
)

// maxFindingsShown bounds the findings of one code a page lists; the count says how many
// there are in all.
const maxFindingsShown = 2000

type findingsPage struct {
	page
	Codes      []codeCount
	Code       string // the code shown, "" for the list of codes
	CheckTitle string
	Doc        string
	Class      string
	Items      []findingItem
	Count      int // findings of Code in all
	Clipped    bool
}

// findingItem is one finding with the project and indicator it is about.
type findingItem struct {
	findingView
	ID, Project, Agency string
	N                   int // the indicator's number, 0 for the project
	Indicator           string
}

func (s *Server) findingsPage(w http.ResponseWriter, r *http.Request) {
	st, err := s.current(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	p := &findingsPage{page: s.newPage(r, "", "findings")}
	p.page.Title = p.T("问题清单", "Findings")
	lang := p.Lang
	counts := map[engine.Code]int{}
	for _, e := range st.entries {
		for _, f := range e.result.Findings {
			counts[f.Code]++
		}
	}
	for _, c := range engine.Checks() {
		if n := counts[c.Code]; n > 0 {
			p.Codes = append(p.Codes, codeCount{Code: string(c.Code), Title: c.Title.String(lang), Count: n, Class: severityClass(c.Severity)})
		}
	}
	code := r.URL.Query().Get("code")
	if code == "" {
		s.render(w, r, "findings.html", p)
		return
	}
	c, ok := engine.LookupCheck(engine.Code(code))
	if !ok {
		s.fail(w, r, http.StatusNotFound, msgNotFound)
		return
	}
	p.Code, p.CheckTitle, p.Doc, p.Class = code, c.Title.String(lang), c.Doc.String(lang), severityClass(c.Severity)
	for _, e := range st.entries {
		res := e.result
		for k := range res.Findings {
			f := &res.Findings[k]
			if f.Code != c.Code {
				continue
			}
			p.Count++
			if len(p.Items) == maxFindingsShown {
				p.Clipped = true
				continue
			}
			msg, hint := report.Message(res, f, lang)
			it := findingItem{findingView: findingView{Severity: report.SeverityLabel(f.Severity, lang), Class: severityClass(f.Severity),
				Code: code, Message: msg, Hint: hint, Where: res.Pos(f).String()},
				ID: e.id, Project: e.row.Name, Agency: e.row.Agency}
			if f.Indicator >= 0 {
				it.N = f.Indicator + 1
				it.Indicator = res.Indicators[f.Indicator].Indicator.Name
			}
			p.Items = append(p.Items, it)
		}
	}
	p.page.Title = code
	s.render(w, r, "findings.html", p)
}

// Severity is the label of a severity class, in the page's language.
func (p *findingsPage) Severity(class string) string {
	switch class {
	case "error":
		return report.SeverityLabel(engine.Error, p.Lang)
	case "warning":
		return report.SeverityLabel(engine.Warning, p.Lang)
	}
	return report.SeverityLabel(engine.Info, p.Lang)
}

package published

import (
	"jixiao/internal/num"
)

// Default tolerances.
const (
	// DefaultTolerance is how far apart, in points, two scores may be and still match.
	DefaultTolerance = 0.005
	// DefaultMoneyTolerance is how far apart two amounts may be and still match, in the
	// tables' unit (0.01 万元): the 尾数误差 of converting 元 to 万元 that the reports admit.
	DefaultMoneyTolerance = 0.01
)

// Options are Check's tolerances. Zero values mean the defaults; for an exact comparison give
// a tiny positive tolerance (1e-9).
type Options struct {
	Tolerance      float64 // points: a table's score and its report's within this match
	MoneyTolerance float64 // money: amounts within this match (the 尾数误差)
}

func (o Options) withDefaults() Options {
	if o.Tolerance <= 0 {
		o.Tolerance = DefaultTolerance
	}
	if o.MoneyTolerance <= 0 {
		o.MoneyTolerance = DefaultMoneyTolerance
	}
	return o
}

// Result is a report as jixiao reviewed it: the document as read and, once its projects are
// scored, every finding about it (Check). It is what a pipeline carries from reading to
// output beside the engine's results of the report's projects.
type Result struct {
	Document *Document
	Findings []Finding // by place in the report; nil when the report was not checked
}

// Check returns every finding about the document, sorted by place: what reading noticed
// (Document.Notes), each project's table against its evaluation report, the 目录 against the
// tables found, the final-accounts tables within and across tables, the 情况说明's figures
// against the tables, and the narrative against the tables and the projects.
//
// grades holds each project's grade as jixiao computes it (engine results), in the order of
// doc.Projects, for comparing with the grades the narrative states; "" where a project's grade
// cannot be decided. With nil, the narrative is compared with the grades the tables state.
func Check(doc *Document, grades []string, opts Options) []Finding {
	opts = opts.withDefaults()
	out := append([]Finding(nil), doc.Notes...)
	for _, p := range doc.Projects {
		out = append(out, checkProject(p, opts)...)
	}
	out = append(out, checkContents(doc)...)
	out = append(out, checkAccounts(doc.Tables, opts)...)
	out = append(out, checkExplanation(doc, opts)...)
	out = append(out, checkNarrative(doc, grades, opts)...)
	sortFindings(out)
	return out
}

// checkProject compares each figure the table and the evaluation report both state.
func checkProject(p *Project, opts Options) []Finding {
	var out []Finding
	for _, pr := range p.pairs {
		t, r, same := comparePair(pr, opts)
		if same {
			continue
		}
		f := newFinding(CodeEvalMismatch)
		f.Pos, f.Other = pr.table.pos, pr.report.pos
		f.Subject, f.Item, f.Names = p.Project.Name, pr.indicator, []string{pr.figure}
		f.Actual, f.Expected = t, r
		if tv, ok := t.(float64); ok {
			if rv, ok := r.(float64); ok {
				f.Diff = num.Round(tv-rv, 2)
			}
		}
		switch {
		case pr.money:
			f.Unit = "万元"
		case pr.figure == "weight" || pr.figure == "score" || pr.figure == "total":
			f.Unit = "分"
		}
		out = append(out, f)
	}
	return out
}

// comparePair reads both figures and reports whether they match: amounts and scores within
// their tolerance, targets and actual values as numbers where both are, else as written.
func comparePair(pr pair, opts Options) (table, report any, same bool) {
	switch pr.figure {
	case "target", "actual":
		tv, rv := cellValue(pr.table.text), cellValue(pr.report.text)
		if tv.IsNum && rv.IsNum {
			return tv.Num, rv.Num, num.Within(tv.Num, rv.Num, 1e-9)
		}
		return pr.table.text, pr.report.text, key(pr.table.text) == key(pr.report.text)
	}
	tv, tok := parseAmount(pr.table.text)
	rv, rok := parseAmount(pr.report.text)
	if !tok || !rok {
		return pr.table.text, pr.report.text, key(pr.table.text) == key(pr.report.text)
	}
	tol := opts.Tolerance
	if pr.money {
		tol = opts.MoneyTolerance
	}
	return tv, rv, num.Within(tv, rv, tol)
}

package web

import (
	"html/template"
	"slices"
	"strconv"
	"sync/atomic"

	"jixiao/engine"
	"jixiao/internal/num"
	"jixiao/report"
)

// row is a project as the batch lists it: worked out once per state, so the batch page
// only sorts, filters and writes.
type row struct {
	ID, Name, Agency, File string
	Place                  int    // the project's place in its file
	Where                  string // the file, and the place in it when it holds several projects

	Reported      string // 自评得分 as stated (the text's score, else the table's total)
	ReportedGrade string // 自评等次 as stated
	Total         string // jixiao's total, or its range
	Grade         string // jixiao's grade (a range of grades when the total is a range)
	GradeChanged  bool   // the stated grade differs from jixiao's
	ReviewTotal   string // the reviewer's 复核总分 (a range until every indicator has its score), "" when not reviewed
	ReviewGrade   string
	ReviewChanged bool   // the reviewer's grade differs from the stated one
	Deviation     string // 偏离度 as a percentage, "" when there is none
	Errors, Warns int
	Reviewed      int  // indicators with a review stored
	Stale         bool // the submission changed after its review was recorded

	html [4]atomic.Pointer[template.HTML] // the row's cells as written, by page variant (see rowHTML)

	// for sorting and the API
	reported, total, review, deviation *float64
	reviewGrade                        string // the reviewer's grade, once the review total is exact
	codes                              []engine.Code
}

func newRow(e *entry) *row {
	r := e.result
	p := r.Project
	d := p.Scoring.Decimals
	rw := &row{ID: e.id, Name: p.Name, Agency: p.Agency, File: e.rel, Place: e.place,
		Total: report.TotalText(r, d), Grade: r.Grade, Errors: e.errors, Warns: e.warns,
		ReportedGrade: p.Reported.Grade, Stale: e.stale()}
	rw.Where = e.rel
	if e.place > 1 {
		rw.Where += "#" + strconv.Itoa(e.place)
	}
	if !r.Exact && r.GradeMax != r.Grade {
		rw.Grade = r.Grade + "–" + r.GradeMax
	}
	if r.Exact {
		rw.total = ptr(r.Total)
	}
	stated := p.Reported.Score
	if stated == nil {
		stated = p.Reported.Total
	}
	if stated != nil {
		rw.reported = ptr(*stated)
		rw.Reported = num.Short(*stated, d)
	}
	canon, ok := engine.CanonicalGrade(p.Scoring.Grades, p.Reported.Grade)
	rw.GradeChanged = ok && r.Exact && canon != r.Grade
	total, grade, dev := reviewFigures(r)
	if total != nil {
		rw.review, rw.reviewGrade = total, grade
		rw.ReviewTotal = num.Format(*total, d)
		rw.ReviewGrade = grade
		rw.ReviewChanged = ok && canon != grade
	} else if rv := r.Review; rv != nil { // begun: a range until every indicator has its score
		rw.ReviewTotal = num.Format(rv.TotalMin, d) + "–" + num.Format(rv.TotalMax, d)
		rw.ReviewGrade = rv.Grade
		if rv.GradeMax != rv.Grade {
			rw.ReviewGrade += "–" + rv.GradeMax
		}
	}
	if dev != nil {
		rw.deviation = dev
		rw.Deviation = num.Format(*dev*100, 2) + "%"
	}
	for _, ir := range e.record.Indicators {
		if !ir.Review.IsZero() {
			rw.Reviewed++
		}
	}
	for _, f := range r.Findings {
		if !slices.Contains(rw.codes, f.Code) {
			rw.codes = append(rw.codes, f.Code)
		}
	}
	return rw
}

func ptr(x float64) *float64 { return &x }

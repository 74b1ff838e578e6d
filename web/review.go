package web

import (
	"context"
	"errors"
	"slices"
	"sort"
	"time"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
	"jixiao/store"
)

// This file is where the store's records meet the model: the one place that maps a
// store.Record onto a project and reads the review figures back from a result.

// applyReview returns e with the store's record rec applied: each stored indicator review
// set on a copy of the project's model (in place of what the submission itself carries for
// that indicator), the reviewer and date likewise, and the copy checked again by the
// engine, which totals the review (复核总分, 等次, 偏离度) and runs the review-* checks. A
// project with nothing stored keeps its base result.
func (s *Server) applyReview(ctx context.Context, e *entry, rec store.Record) (*entry, error) {
	ne := *e
	ne.record = rec
	ne.result = e.base
	ne.orphans = nil
	for _, ir := range rec.Indicators {
		if !slices.Contains(e.refs, ir.Ref) {
			ne.orphans = append(ne.orphans, ir)
		}
	}
	if p, ok := withReview(e.project, e.refs, rec); ok {
		var checkErr error
		err := s.engines.check(ctx, func(eng *engine.Engine) {
			var r *engine.Result
			if r, checkErr = eng.Check(p); checkErr == nil {
				ne.result = r
			}
		})
		if err = errors.Join(err, checkErr); err != nil {
			return nil, err
		}
	}
	ne.errors, ne.warns, _ = engine.Count(ne.result.Findings)
	ne.row = newRow(&ne)
	return &ne, nil
}

// withReview is a copy of p with the stored review applied, each indicator's found by its
// ref (refs, in p's order); false when nothing is stored. A stored review whose ref is
// none of p's is not applied. The submission's own model is never changed: results
// already published share it.
func withReview(p *indicators.Project, refs []string, rec store.Record) (*indicators.Project, bool) {
	stored := rec.Project != (store.Project{})
	for _, ir := range rec.Indicators {
		stored = stored || !ir.Review.IsZero() && slices.Contains(refs, ir.Ref)
	}
	if !stored {
		return p, false
	}
	np := *p
	if rec.Project != (store.Project{}) {
		np.Reviewer = indicators.Reviewer{Name: rec.Project.Reviewer, Date: rec.Project.Date}
	}
	np.Indicators = make([]*indicators.Indicator, len(p.Indicators))
	for i, ind := range p.Indicators {
		np.Indicators[i] = ind
		ir, ok := rec.Indicator(refs[i])
		if !ok || ir.Review.IsZero() {
			continue
		}
		ni := *ind
		ni.Review = modelReview(ir.Review)
		np.Indicators[i] = &ni
	}
	return &np, true
}

// modelReview is a stored indicator review as the model holds one.
func modelReview(r store.Indicator) *indicators.Review {
	mr := &indicators.Review{Reason: r.Reason, Rule: r.Rule, Note: r.Note}
	if r.Actual != "" {
		mr.Actual = indicators.ParseValue(r.Actual)
	}
	if x, ok := r.Score.Float64(); ok {
		mr.Score = &x
	}
	return mr
}

// reviewFigures are a result's review total, grade and 偏离度 (a fraction), as the engine
// computes them from the reviewer's scores: the total and grade only when every applicable
// indicator has a 复核得分 (otherwise the total is a range, rv says which); nil and "" when
// the project carries no review.
func reviewFigures(r *engine.Result) (total *float64, grade string, deviation *float64) {
	rv := r.Review
	if rv == nil {
		return nil, "", nil
	}
	if rv.Exact {
		total, grade = &rv.Total, rv.Grade
	}
	if rv.HasDeviation {
		deviation = &rv.Deviation
	}
	return total, grade, deviation
}

// staleAt reports whether indicator i's stored review was saved or confirmed against
// another version of the submission than the one read now.
func (e *entry) staleAt(i int) bool {
	ir, ok := e.record.Indicator(e.refs[i])
	return ok && ir.Stale(e.fingerprint)
}

// stale reports whether any indicator's review was recorded against another version of
// the submission (an orphan review, applied to nothing, does not count).
func (e *entry) stale() bool {
	for i := range e.refs {
		if e.staleAt(i) {
			return true
		}
	}
	return false
}

// sameRecord reports whether two records hold the same review, stamps included.
func sameRecord(a, b store.Record) bool {
	if a.Key != b.Key || a.Positional != b.Positional || a.Project != b.Project || !sameStamp(a.Changed, b.Changed) || !sameSeen(a.First, b.First) ||
		!sameSeen(a.Last, b.Last) || len(a.Indicators) != len(b.Indicators) {
		return false
	}
	for i, x := range a.Indicators {
		y := b.Indicators[i]
		if x.Ref != y.Ref || x.N != y.N || x.Fingerprint != y.Fingerprint || x.Review != y.Review || !sameStamp(x.Changed, y.Changed) {
			return false
		}
	}
	return true
}

func sameStamp(a, b store.Stamp) bool { return a.By == b.By && a.At.Equal(b.At) }

func sameSeen(a, b store.Seen) bool {
	return a.Fingerprint == b.Fingerprint && a.By == b.By && a.At.Equal(b.At)
}

func sortRecords(recs []store.Record) {
	sort.Slice(recs, func(i, j int) bool { return recs[i].Key < recs[j].Key })
}

// apiProjectDoc is a project as GET /api/projects/{id} gives it: the check JSON of the
// project with the store's review applied (each indicator's review, the review's total,
// grade and 偏离度, the review-* findings), with its ID and key, whether the submission
// changed after its review was recorded, and who changed each record last and when.
type apiProjectDoc struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	Stale bool   `json:"stale"`
	// Version is the submission's fingerprint: a save may send it back ("version") to be
	// refused when the submission changed since.
	Version string `json:"version"`
	report.JSONProject
	Indicators []apiIndicator `json:"indicators"`
	Changed    *apiStamp      `json:"changed,omitempty"` // of the reviewer and date
}

type apiIndicator struct {
	report.JSONIndicator
	Changed *apiStamp `json:"changed,omitempty"` // of the indicator's review
	// Stale: the review was saved against another version of the submission and has
	// not been saved or confirmed since.
	Stale bool `json:"stale"`
}

type apiStamp struct {
	By string    `json:"by"`
	At time.Time `json:"at"`
}

func stampJSON(s store.Stamp) *apiStamp {
	if s.At.IsZero() {
		return nil
	}
	return &apiStamp{By: s.By, At: s.At}
}

// projectJSON is e as GET /api/projects/{id} gives it.
func projectJSON(e *entry, lang i18n.Lang) apiProjectDoc {
	jp := report.NewJSONProject(e.result, lang)
	findings := report.NewJSONFindings(e.result, lang)
	jp.Findings = &findings
	doc := apiProjectDoc{ID: e.id, Key: e.key, Stale: e.stale(), Version: e.fingerprint, JSONProject: jp,
		Indicators: make([]apiIndicator, len(jp.Indicators)), Changed: stampJSON(e.record.Changed)}
	for i, ji := range jp.Indicators {
		doc.Indicators[i] = apiIndicator{JSONIndicator: ji}
		if ir, ok := e.record.Indicator(e.refs[i]); ok {
			doc.Indicators[i].Changed = stampJSON(ir.Changed)
		}
		doc.Indicators[i].Stale = e.staleAt(i)
	}
	return doc
}

package web

import (
	"context"
	"reflect"
	"sort"
	"time"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/report"
	"jixiao/store"
)

// This file is where the store's records meet the model: the one place that maps a
// store.Record onto a project and reads the review figures back from a result.

// applyReview returns e with the store's record rec applied: the record kept beside the
// result, for the pages and the API to show what was entered, by whom and when.
func (s *Server) applyReview(ctx context.Context, e *entry, rec store.Record) (*entry, error) {
	ne := *e
	ne.record = rec
	ne.result = e.base
	ne.row = newRow(&ne)
	return &ne, nil
}

// reviewFigures are a result's review total, grade and 偏离度 (a fraction), as the engine
// computes them from the reviewer's scores; nil and "" when it has none.
func reviewFigures(r *engine.Result) (total *float64, grade string, deviation *float64) {
	return nil, "", nil
}

// sameRecord reports whether two records hold the same review, stamps included.
func sameRecord(a, b store.Record) bool { return reflect.DeepEqual(a, b) }

func sortRecords(recs []store.Record) {
	sort.Slice(recs, func(i, j int) bool { return recs[i].Key < recs[j].Key })
}

// apiProjectDoc is a project as GET /api/projects/{id} gives it: the check JSON of the
// project, with its ID and key, whether the submission changed after its review was
// recorded, each indicator's review and who changed it last and when.
type apiProjectDoc struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	Stale bool   `json:"stale"`
	report.JSONProject
	Indicators []apiIndicator `json:"indicators"`
	Review     *apiReview     `json:"review,omitempty"`
	Changed    *apiStamp      `json:"changed,omitempty"` // of the reviewer and date
}

type apiIndicator struct {
	report.JSONIndicator
	Review  *apiIndicatorReview `json:"review,omitempty"`
	Changed *apiStamp           `json:"changed,omitempty"`
}

// apiIndicatorReview is an indicator's review as entered.
type apiIndicatorReview struct {
	Actual string   `json:"actual,omitempty"`
	Score  *float64 `json:"score"`
	Reason string   `json:"reason,omitempty"`
	Rule   string   `json:"rule,omitempty"`
	Note   string   `json:"note,omitempty"`
}

// apiReview is the project's review: who reviewed and when, as they wrote it.
type apiReview struct {
	Reviewer string `json:"reviewer,omitempty"`
	Date     string `json:"date,omitempty"`
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
	doc := apiProjectDoc{ID: e.id, Key: e.key, Stale: e.record.Stale(e.fingerprint), JSONProject: jp,
		Indicators: make([]apiIndicator, len(jp.Indicators)), Changed: stampJSON(e.record.Changed)}
	if p := e.record.Project; p != (store.Project{}) {
		doc.Review = &apiReview{Reviewer: p.Reviewer, Date: p.Date}
	}
	for i, ji := range jp.Indicators {
		doc.Indicators[i] = apiIndicator{JSONIndicator: ji}
		ir, ok := e.record.Indicator(i + 1)
		if !ok || ir.Review.IsZero() {
			continue
		}
		rv := &apiIndicatorReview{Actual: ir.Review.Actual, Reason: ir.Review.Reason, Rule: ir.Review.Rule, Note: ir.Review.Note}
		if x, ok := ir.Review.Score.Float64(); ok {
			rv.Score = &x
		}
		doc.Indicators[i].Review = rv
		doc.Indicators[i].Changed = stampJSON(ir.Changed)
	}
	return doc
}

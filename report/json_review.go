package report

import (
	"strconv"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/num"
)

// JSONReview is a project's 复核 by a reviewer, totalled: the review total (null when it is
// a range, then bounded by total_min and total_max), its grade, and the 偏离度.
type JSONReview struct {
	Reviewer string   `json:"reviewer,omitempty"`
	Date     string   `json:"date,omitempty"`
	Total    *float64 `json:"total"`
	TotalMin *float64 `json:"total_min,omitempty"`
	TotalMax *float64 `json:"total_max,omitempty"`
	Grade    string   `json:"grade"`
	GradeMax string   `json:"grade_max,omitempty"`
	// Self is the 自评得分 the deviation is measured from.
	Self *float64 `json:"self,omitempty"`
	// Deviation is the 偏离度, (自评得分 − 复核总分) / 自评得分, a fraction with 4 decimals;
	// null when the review total is a range or there is no 自评得分 above 0.
	Deviation *float64 `json:"deviation"`
	Scored    int      `json:"scored"` // applicable indicators with a 复核得分
}

// JSONIndicatorReview is one indicator's 复核: what the reviewer entered, the 得分差 (自评得分
// − 复核得分, points) and the 完成率 (复核完成值, else the actual value, over the target).
type JSONIndicatorReview struct {
	Actual     any      `json:"actual,omitempty"`
	Score      *float64 `json:"score"`
	Reason     string   `json:"reason,omitempty"`
	Rule       string   `json:"rule,omitempty"`
	Note       string   `json:"note,omitempty"`
	Difference *float64 `json:"difference,omitempty"`
	Completion *float64 `json:"completion,omitempty"` // a fraction, 4 decimals
}

// newJSONReview is the project's review in its JSON form; nil when it carries none.
func newJSONReview(r *engine.Result) *JSONReview {
	rv := r.Review
	if rv == nil {
		return nil
	}
	p := r.Project
	j := &JSONReview{Reviewer: p.Reviewer.Name, Date: p.Reviewer.Date, Grade: rv.Grade, Scored: rv.Scored}
	if rv.Exact {
		j.Total = ptr(rv.Total)
	} else {
		j.TotalMin, j.TotalMax = ptr(rv.TotalMin), ptr(rv.TotalMax)
		if rv.GradeMax != rv.Grade {
			j.GradeMax = rv.GradeMax
		}
	}
	if rv.HasSelf {
		j.Self = ptr(rv.Self)
	}
	if rv.HasDeviation {
		j.Deviation = ptr(num.Round(rv.Deviation, 4))
	}
	return j
}

// newJSONIndicatorReview is indicator i's review in its JSON form; nil when it has none.
func newJSONIndicatorReview(r *engine.Result, i int) *JSONIndicatorReview {
	rec := r.Indicators[i].Indicator.Review
	if rec == nil || r.Review == nil {
		return nil
	}
	return jsonReviewOf(rec, &r.Review.Indicators[i])
}

// newJSONExecutionReview is the 预算执行率 line's review in its JSON form; nil when it has none.
func newJSONExecutionReview(r *engine.Result) *JSONIndicatorReview {
	rec, iv := executionReview(r)
	if rec == nil {
		return nil
	}
	return jsonReviewOf(rec, iv)
}

// executionReview is the 预算执行率 line's record and what follows from it; nil when none.
func executionReview(r *engine.Result) (*indicators.Review, *engine.IndicatorReview) {
	p := r.Project
	if r.Review == nil || p.Funds == nil || p.Funds.Review == nil {
		return nil, nil
	}
	if iv := r.Review.Execution; iv != nil {
		return p.Funds.Review, iv
	}
	return p.Funds.Review, &engine.IndicatorReview{}
}

// jsonReviewOf is one line's review, its record and what follows from it.
func jsonReviewOf(rec *indicators.Review, iv *engine.IndicatorReview) *JSONIndicatorReview {
	j := &JSONIndicatorReview{Actual: valueJSON(rec.Actual), Reason: rec.Reason, Rule: rec.Rule, Note: rec.Note}
	if iv.HasScore {
		j.Score = ptr(iv.Score)
	}
	if iv.HasDifference {
		j.Difference = ptr(iv.Difference)
	}
	if iv.HasCompletion {
		j.Completion = ptr(num.Round(iv.Completion, 4))
	}
	return j
}

// appendReview writes what newJSONReview gives encoding/json, with its key, if any.
func appendReview(b []byte, r *engine.Result) []byte {
	rv := r.Review
	if rv == nil {
		return b
	}
	p := r.Project
	b = append(b, `,"review":{`...)
	start := len(b)
	b = appendOptString(b, `"reviewer":`, p.Reviewer.Name)
	if p.Reviewer.Date != "" {
		if len(b) > start {
			b = append(b, ',')
		}
		b = appendString(append(b, `"date":`...), p.Reviewer.Date)
	}
	if len(b) > start {
		b = append(b, ',')
	}
	if rv.Exact {
		b = appendFloat(append(b, `"total":`...), rv.Total)
	} else {
		b = append(b, `"total":null`...)
		b = appendFloat(append(b, `,"total_min":`...), rv.TotalMin)
		b = appendFloat(append(b, `,"total_max":`...), rv.TotalMax)
	}
	b = appendString(append(b, `,"grade":`...), rv.Grade)
	if !rv.Exact && rv.GradeMax != rv.Grade {
		b = appendOptString(b, `,"grade_max":`, rv.GradeMax)
	}
	if rv.HasSelf {
		b = appendFloat(append(b, `,"self":`...), rv.Self)
	}
	b = append(b, `,"deviation":`...)
	if rv.HasDeviation {
		b = appendFloat(b, num.Round(rv.Deviation, 4))
	} else {
		b = append(b, "null"...)
	}
	b = strconv.AppendInt(append(b, `,"scored":`...), int64(rv.Scored), 10)
	return append(b, '}')
}

// appendIndicatorReview writes what newJSONIndicatorReview gives encoding/json, with its
// key, if any.
func appendIndicatorReview(b []byte, r *engine.Result, i int) []byte {
	rec := r.Indicators[i].Indicator.Review
	if rec == nil || r.Review == nil {
		return b
	}
	return appendReviewOf(b, rec, &r.Review.Indicators[i])
}

// appendExecutionReview writes what newJSONExecutionReview gives encoding/json, with its key,
// if any.
func appendExecutionReview(b []byte, r *engine.Result) []byte {
	rec, iv := executionReview(r)
	if rec == nil {
		return b
	}
	return appendReviewOf(b, rec, iv)
}

// appendReviewOf writes one line's review, with its key.
func appendReviewOf(b []byte, rec *indicators.Review, iv *engine.IndicatorReview) []byte {
	b = append(b, `,"review":{`...)
	if rec.Actual.Set {
		b = appendValue(append(b, `"actual":`...), rec.Actual)
		b = append(b, ',')
	}
	if iv.HasScore {
		b = appendFloat(append(b, `"score":`...), iv.Score)
	} else {
		b = append(b, `"score":null`...)
	}
	b = appendOptString(b, `,"reason":`, rec.Reason)
	b = appendOptString(b, `,"rule":`, rec.Rule)
	b = appendOptString(b, `,"note":`, rec.Note)
	if iv.HasDifference {
		b = appendFloat(append(b, `,"difference":`...), iv.Difference)
	}
	if iv.HasCompletion {
		b = appendFloat(append(b, `,"completion":`...), num.Round(iv.Completion, 4))
	}
	return append(b, '}')
}

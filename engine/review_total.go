package engine

import (
	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules"
)

// Review is a reviewer's 复核 of a project, totalled the way the re-scored total is: each 复核得分
// rounded half-up to the project's decimals, the total the sum of them (with the budget-
// execution line's 复核得分, else its computed score, rescaled to full marks when indicators do not apply),
// rounded again, and its grade from the same bands. An applicable indicator without a 复核得分
// makes the total a range (0 to its weight), never a guess.
type Review struct {
	Indicators []IndicatorReview // by indicator
	// Execution is the 复核 of the 预算执行率 line ([funds.review]) when it gives a 复核得分;
	// nil otherwise, and the total then counts the line's computed score.
	Execution *IndicatorReview

	Total              float64
	TotalMin, TotalMax float64
	Exact              bool
	Grade              string // the grade of Total; of TotalMin when not exact
	GradeMax           string // the grade of TotalMax when not exact (may equal Grade)

	// Self is the 自评得分 the 偏离度 is measured from: reported.score, else reported.total,
	// else the sum of the reported scores (rescaled alike) when every line has one.
	Self    float64
	HasSelf bool
	// Deviation is the project's 偏离度, (自评得分 − 复核总分) / 自评得分, a fraction: positive
	// when the review cut. Valid when HasDeviation: the 复核总分 is exact and 自评得分 above 0.
	Deviation    float64
	HasDeviation bool
	Scored       int // applicable indicators with a 复核得分
}

// IndicatorReview is one indicator's 复核, with what follows from it.
type IndicatorReview struct {
	Score    float64 // the 复核得分, rounded
	HasScore bool
	// Difference is the 得分差: 自评得分 − 复核得分, in points (positive when the review cut);
	// valid when HasDifference, both scores given.
	Difference    float64
	HasDifference bool
	// Completion is the 完成率: 复核完成值 / 指标值 (the 实际完成值 when the reviewer gives
	// none), a fraction; valid when HasCompletion, both numbers and the target above 0.
	Completion    float64
	HasCompletion bool
	// Rule is the rule review.rule cites, nil when none is cited or the code is unknown.
	Rule *indicators.ReviewRule
}

// Reviewed reports whether a project carries a reviewer's 复核: a review of some indicator or
// of the 预算执行率 line, or the reviewer's name or date.
func Reviewed(p *indicators.Project) bool {
	if p.Reviewer != (indicators.Reviewer{}) || p.Funds != nil && !p.Funds.Review.IsZero() {
		return true
	}
	for _, ind := range p.Indicators {
		if !ind.Review.IsZero() {
			return true
		}
	}
	return false
}

// reviewOf totals the reviewer's 复核 of a scored result; nil when the project carries none.
func reviewOf(r *Result, rules []indicators.ReviewRule) *Review {
	p := r.Project
	if !Reviewed(p) {
		return nil
	}
	d := p.Scoring.Decimals
	rv := &Review{Indicators: make([]IndicatorReview, len(r.Indicators))}
	var lo, hi, weight float64
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		iv := &rv.Indicators[i]
		rec := ind.Review
		if rec != nil {
			if rec.Score != nil {
				iv.Score, iv.HasScore = num.Round(*rec.Score, d), true
				if ind.Reported != nil {
					iv.Difference, iv.HasDifference = num.Round(*ind.Reported-iv.Score, d), true
				}
			}
			if rec.Rule != "" {
				iv.Rule, _ = LookupRule(rules, rec.Rule)
			}
		}
		iv.Completion, iv.HasCompletion = completion(ind)
		if !ind.Applicable {
			continue
		}
		weight += ind.Weight
		if iv.HasScore {
			rv.Scored++
			lo, hi = lo+iv.Score, hi+iv.Score
		} else {
			hi += num.Round(max(ind.Weight, 0), d)
		}
	}
	if x := r.Execution; x != nil {
		weight += x.Weight
		score := x.Score
		if rec := p.Funds.Review; rec != nil && rec.Score != nil {
			rv.Execution = &IndicatorReview{Score: num.Round(*rec.Score, d), HasScore: true}
			if rec.Rule != "" {
				rv.Execution.Rule, _ = LookupRule(rules, rec.Rule)
			}
			if x.Reported != nil {
				rv.Execution.Difference, rv.Execution.HasDifference = num.Round(*x.Reported-rv.Execution.Score, d), true
			}
			score = rv.Execution.Score
		}
		lo, hi = lo+score, hi+score
	}
	lo, hi = rescale(r, lo, weight), rescale(r, hi, weight)
	rv.TotalMin, rv.TotalMax = num.Round(lo, d), num.Round(hi, d)
	rv.Exact = rv.TotalMin == rv.TotalMax
	rv.Total = rv.TotalMin
	rv.Grade = GradeOf(p.Scoring.Grades, rv.TotalMin)
	rv.GradeMax = GradeOf(p.Scoring.Grades, rv.TotalMax)
	rv.Self, rv.HasSelf = selfScore(r)
	if rv.HasSelf && rv.Exact && rv.Self > 0 {
		rv.Deviation, rv.HasDeviation = (rv.Self-rv.Total)/rv.Self, true
	}
	return rv
}

// selfScore is the project's 自评得分: as stated in the text, else the table's total, else
// the sum of the reported scores when every line has one.
func selfScore(r *Result) (float64, bool) {
	rep := &r.Project.Reported
	switch {
	case rep.Score != nil:
		return *rep.Score, true
	case rep.Total != nil:
		return *rep.Total, true
	}
	sum, _, ok := reportedSum(r)
	return sum, ok
}

// completion is an indicator's 完成率: the reviewer's completion value (else the actual
// value) over the target.
func completion(ind *indicators.Indicator) (float64, bool) {
	actual := ind.Actual
	if ind.Review != nil && ind.Review.Actual.Set {
		actual = ind.Review.Actual
	}
	if !actual.IsNum || !ind.Target.IsNum || ind.Target.Num <= 0 {
		return 0, false
	}
	return actual.Num / ind.Target.Num, true
}

// eachReviewed calls f for each applicable indicator of a project that carries a 复核, with
// its record (nil when the indicator has none) and what follows from it.
func (rv *reviewer) eachReviewed(f func(i int, ir *IndicatorResult, rec *indicators.Review, iv *IndicatorReview)) {
	review := rv.r.Review
	if review == nil {
		return
	}
	for i := range rv.r.Indicators {
		if ir := &rv.r.Indicators[i]; ir.Applicable {
			f(i, ir, ir.Indicator.Review, &review.Indicators[i])
		}
	}
}

// cutFrom reports whether a 复核得分 is a cut: below the computed score (the bottom of a
// discretionary range) or else below the self-assessed score, by more than tol. It returns
// the score it is below and whether that is the self-assessed one.
func cutFrom(ir *IndicatorResult, score, tol float64) (below bool, from float64, self bool) {
	computed, known := ir.Score, ir.HasScore
	if !known && ir.Kind == rules.Ranged {
		computed, known = ir.Min, true
	}
	if known && score < computed-tol {
		return true, computed, false
	}
	if rep := ir.Indicator.Reported; rep != nil && score < *rep-tol {
		return true, *rep, true
	}
	return false, 0, false
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkReviewScoreOverWeight = &Check{
	Code:     ReviewScoreOverWeight,
	Severity: Error,
	Title:    i18n.T("复核得分超过分值或为负数", "review score above the weight or below zero"),
	Doc: i18n.T(
		"复核得分（review.score）高于该指标的分值，或小于 0；预算执行率的复核得分（funds.review.score）亦然。复核得分在 0 与分值之间：超额完成不加分，扣分扣完为止。",
		"A review score (review.score) is above the indicator's weight or below zero, or the 预算执行率 line's "+
			"(funds.review.score) outside 0 to the line's weight. A review score lies "+
			"between 0 and the weight: over-achievement earns no bonus, and cuts stop at 0."),
	// Expected the weight, Actual the review score.
	run: func(rv *reviewer) {
		tol := rv.cfg.Tolerance
		rv.eachReviewed(func(i int, ir *IndicatorResult, _ *indicators.Review, iv *IndicatorReview) {
			w := ir.Indicator.Weight
			if iv.HasScore && w >= 0 && (iv.Score > w+tol || iv.Score < -tol) {
				rv.report(i, FieldReviewScore, Finding{Expected: Num(w), Actual: Num(iv.Score)})
			}
		})
		if rv.r.Review == nil {
			return
		}
		if x, e := rv.r.Execution, rv.r.Review.Execution; e != nil && x != nil && (e.Score > x.Weight+tol || e.Score < -tol) {
			rv.report(-1, FieldFundsReviewScore, Finding{Expected: Num(x.Weight), Actual: Num(e.Score)}) // the 预算执行率 line's
		}
	},
}

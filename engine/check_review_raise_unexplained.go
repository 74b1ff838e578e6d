package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkReviewRaiseUnexplained = &Check{
	Code:     ReviewRaiseUnexplained,
	Severity: Warning,
	Title:    i18n.T("复核得分高于自评得分且未写理由", "review score above the self-assessment without a reason"),
	Doc: i18n.T(
		"复核得分高于自评得分，却没有写理由（review.reason）。复核调高得分同样要说明依据。低于计算得分的情形由 review-cut-unexplained 报告。",
		"A review score is above the self-assessed score, and no reason (review.reason) is given. Raising a "+
			"score needs its grounds as much as a cut does. A score below the computed one is reported by "+
			"review-cut-unexplained instead."),
	// Expected the self-assessed score, Actual the review score.
	run: func(rv *reviewer) {
		tol := rv.cfg.Tolerance
		rv.eachReviewed(func(i int, ir *IndicatorResult, rec *indicators.Review, iv *IndicatorReview) {
			rep := ir.Indicator.Reported
			if !iv.HasScore || rep == nil || iv.Score <= *rep+tol || rec.Reason != "" {
				return
			}
			if below, _, _ := cutFrom(ir, iv.Score, tol); !below {
				rv.report(i, FieldReviewScore, Finding{Expected: Num(*rep), Actual: Num(iv.Score)})
			}
		})
	},
}

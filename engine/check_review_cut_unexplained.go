package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkReviewCutUnexplained = &Check{
	Code:     ReviewCutUnexplained,
	Severity: Error,
	Title:    i18n.T("复核扣分未写理由或口径", "review cut without a reason or a rule"),
	Doc: i18n.T(
		"复核得分低于计算得分（自由裁量档取区间下限），或低于自评得分，但没有写扣分理由（review.reason）或没有注明所依据的复核口径（review.rule）。"+
			"每一处扣分都要写明理由和口径，复核报告才站得住。",
		"A review score is below the computed score (the bottom of a discretionary range) or below the "+
			"self-assessed score, and the cut gives no reason (review.reason) or cites no review rule "+
			"(review.rule). Every cut must state its reason and the rule it follows, or the review report does "+
			"not stand."),
	// Detail ReviewNoReason, ReviewNoRule or ReviewNoReasonNorRule; Expected the score it is
	// below, Actual the review score; Args[0] 1 when that is the self-assessed score.
	run: func(rv *reviewer) {
		tol := rv.cfg.Tolerance
		rv.eachReviewed(func(i int, ir *IndicatorResult, rec *indicators.Review, iv *IndicatorReview) {
			if !iv.HasScore {
				return
			}
			below, from, self := cutFrom(ir, iv.Score, tol)
			if !below {
				return
			}
			var d Detail
			switch {
			case rec.Reason == "" && rec.Rule == "":
				d = ReviewNoReasonNorRule
			case rec.Reason == "":
				d = ReviewNoReason
			case rec.Rule == "":
				d = ReviewNoRule
			default:
				return
			}
			f := Finding{Detail: d, Expected: Num(from), Actual: Num(iv.Score)}
			if self {
				f.Args[0] = 1
			}
			rv.report(i, FieldReviewScore, f)
		})
	},
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkReviewScoreMissing = &Check{
	Code:     ReviewScoreMissing,
	Severity: Warning,
	Title:    i18n.T("复核已开始，指标缺少复核得分", "review begun, indicator without a review score"),
	Doc: i18n.T(
		"复核人已开始复核该项目（某个指标有 [indicator.review]，或填写了 [reviewer]），但这个适用的指标没有复核得分（review.score）。"+
			"复核总分因此只能显示为区间。同意计算得分的，也请照填（复核工作簿已预填计算得分）。",
		"The reviewer has begun the project's 复核 (some indicator has an [indicator.review], or [reviewer] is "+
			"filled in), but this applicable indicator has no review score (review.score). The review total is then "+
			"only a range. Where the reviewer agrees with the computed score, enter it all the same (the review "+
			"workbook comes filled with the computed scores)."),
	run: func(rv *reviewer) {
		rv.eachReviewed(func(i int, _ *IndicatorResult, _ *indicators.Review, iv *IndicatorReview) {
			if !iv.HasScore {
				rv.report(i, FieldReviewScore, Finding{})
			}
		})
	},
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkReviewNoteMissing = &Check{
	Code:     ReviewNoteMissing,
	Severity: Warning,
	Title:    i18n.T("复核口径要求备注而未填", "review rule requires a note, none given"),
	Doc: i18n.T(
		"所注明的复核口径要求填写备注（口径的 note = true，如完成率超过 130% 不扣分但须备注），但复核备注（review.note）为空。",
		"The review rule cited requires a note (the rule's note = true, such as completion above 130 %: no cut, "+
			"but a note), and the review note (review.note) is empty."),
	run: func(rv *reviewer) {
		rv.eachReviewed(func(i int, _ *IndicatorResult, rec *indicators.Review, iv *IndicatorReview) {
			if iv.Rule != nil && iv.Rule.Note && rec.Note == "" {
				rv.report(i, FieldReviewNote, Finding{})
			}
		})
	},
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkReviewRuleUnknown = &Check{
	Code:     ReviewRuleUnknown,
	Severity: Error,
	Title:    i18n.T("复核口径不在口径清单中", "review rule not in the list"),
	Doc: i18n.T(
		"复核口径（review.rule）写的代码不在口径清单中：清单是文件自己的 [[review_rules]]，否则是 --config 文件中的，否则是 jixiao 自带的。"+
			"口径写错，扣分就无据可查，也无法核对扣分是否符合口径。",
		"The review rule (review.rule) names a code that is not in the list of rules: the file's own "+
			"[[review_rules]], else the --config file's, else the rules jixiao ships with. A cut citing a rule "+
			"that does not exist has no grounds, and cannot be checked against its rule."),
	// Actual the code as written.
	run: func(rv *reviewer) {
		rv.eachReviewed(func(i int, _ *IndicatorResult, rec *indicators.Review, iv *IndicatorReview) {
			if rec != nil && rec.Rule != "" && iv.Rule == nil {
				rv.report(i, FieldReviewRule, Finding{Actual: TextOf(rec.Rule)})
			}
		})
	},
}

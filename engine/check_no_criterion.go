package engine

import (
	"jixiao/internal/i18n"
)

var checkNoCriterion = &Check{
	Code:     NoCriterion,
	Severity: Info,
	Title:    i18n.T("没有评分标准，按默认方法计分", "no criterion: scored by the default method"),
	Doc: i18n.T(
		"某指标既没有分档（tiers）也没有指定计分方法，已按默认方法（[scoring] method，默认比例法：分值 × min(实际/指标, 1)）计分。"+
			"自评表应为每个指标写明评分标准；复核得分以默认方法为准时应予说明。",
		"An indicator has neither tiers nor a method of its own, and was scored by the default method ([scoring] "+
			"method; proportional by default: weight × min(actual / target, 1)). A self-evaluation should state a "+
			"criterion for every indicator; say so when the re-score rests on the default."),
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			if ir := &rv.r.Indicators[i]; ir.Applicable && ir.Criterion.Default {
				rv.report(i, FieldNone, Finding{})
			}
		}
	},
}

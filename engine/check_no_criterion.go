package engine

import (
	"jixiao/internal/i18n"
)

var checkNoCriterion = &Check{
	Code:     NoCriterion,
	Severity: Info,
	Title:    i18n.T("没有评分标准，按默认方法计分", "no criterion: scored by the default method"),
	Doc: i18n.T(
		"某指标既没有分档（tiers）也没有指定计分方法，已按默认方法计分：[scoring] method 指定的方法，未指定时按指标值的方向——"+
			"≥、＞或不带符号的数字按比例法，≤、＜按反向线性法（[scoring] lower），＝按等值法，日期按期限法，文字按定性分档法。"+
			"自评表应为每个指标写明评分标准；计算得分以默认方法为准时应予说明。",
		"An indicator has neither tiers nor a method of its own, and was scored by the default method: [scoring] "+
			"method where set, else the one its target calls for — proportional for ≥, ＞ or a plain number, "+
			"reverse-linear for ≤ and ＜ ([scoring] lower), equal for ＝, deadline for a date, qualitative for text. "+
			"A self-evaluation should state a criterion for every indicator; say so when the computed score rests on the default."),
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			if ir := &rv.r.Indicators[i]; ir.Applicable && ir.Criterion.Default {
				rv.report(i, FieldNone, Finding{})
			}
		}
	},
}

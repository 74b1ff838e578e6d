package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkPercentAsFraction = &Check{
	Code:     PercentAsFraction,
	Severity: Warning,
	Title:    i18n.T("百分数疑似写成了小数", "a percentage written as a fraction"),
	Doc: i18n.T(
		"指标值是百分数（如“≥95%”，不低于 10%），实际完成值却是 0 到 1 之间不带 %、也不带单位的数（如 0.98）："+
			"多半是把 98% 写成了小数。jixiao 按所写的 0.98% 计分，不会替填报人改；请核对，若指的是 98%，写作 98%。",
		"The target is a percentage (\"≥95%\", at least 10%) but the actual value is a number between 0 and 1 "+
			"written without % or a unit (0.98): most likely 98% written as a fraction. jixiao scores it as written, 0.98%, "+
			"and does not change it: check it, and if 98% was meant, write 98%."),
	// Actual the actual value; Args[0] the percentage it probably means.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			if ind := ir.Indicator; ir.Applicable && fractionOfPercent(ind) {
				rv.report(i, FieldActual, Finding{Actual: Num(ind.Actual.Num), Args: [4]float64{ind.Actual.Num * 100}})
			}
		}
	},
}

// fractionOfPercent reports whether an indicator's actual looks like a percentage written as
// a fraction: a target in % of at least 10, and an actual above 0 and at most 1, written
// without % or a unit (one with a unit is unit-mismatch's).
func fractionOfPercent(ind *indicators.Indicator) bool {
	t, a := &ind.Target, &ind.Actual
	percent := t.Percent || ind.Unit == "%"
	return percent && t.IsNum && t.Num >= 10 && a.IsNum && !a.Percent && a.Unit == "" && a.Num > 0 && a.Num <= 1
}

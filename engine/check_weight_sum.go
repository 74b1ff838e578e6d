package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkWeightSum = &Check{
	Code:     WeightSum,
	Severity: Error,
	Title:    i18n.T("分值合计不等于满分", "weights do not add up to full marks"),
	Doc: i18n.T(
		"全部指标的分值（含预算执行率分值、含不适用指标）之和不等于满分（[scoring] full_marks，默认 100）。"+
			"分值合计不对，总分和等次都失去意义；请核对指标表的分值栏。",
		"The weights of all indicators (with the budget-execution weight, and indicators that do not apply) do "+
			"not add up to full marks ([scoring] full_marks, 100 by default). With wrong weights the total and the "+
			"grade mean nothing: check the table's weight column."),
	// Expected full marks, Actual the sum of the weights.
	run: func(rv *reviewer) {
		var sum float64
		for i := range rv.r.Indicators {
			sum += rv.r.Indicators[i].Indicator.Weight
		}
		if x := rv.r.Execution; x != nil {
			sum += x.Weight
		}
		full := rv.r.Project.Scoring.FullMarks
		if num.Within(sum, full, rv.cfg.Tolerance) {
			return
		}
		rv.report(-1, FieldIndicators, Finding{Expected: Num(full), Actual: Num(num.Round(sum, rv.d))})
	},
}

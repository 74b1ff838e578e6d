package engine

import (
	"jixiao/internal/i18n"
)

var checkWeightNegative = &Check{
	Code:     WeightNegative,
	Severity: Error,
	Title:    i18n.T("分值为负数", "negative weight"),
	Doc: i18n.T(
		"某指标的分值小于 0。分值是该指标在满分中所占的分数，不可能为负；负分值会让总分和等次失去意义，"+
			"通常是用“满分减去其他各项”倒推分值时算错了。该指标仍按所写的分值计分，以便看清其影响。",
		"An indicator's weight is below zero. A weight is the indicator's share of full marks and cannot be "+
			"negative; with one, the total and the grade mean nothing. It usually comes from deriving a weight as "+
			"full marks minus the others and getting it wrong. The indicator is still scored with the weight as "+
			"written, so that its effect can be seen."),
	// Actual the weight.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			if w := rv.r.Indicators[i].Indicator.Weight; w < 0 {
				rv.report(i, FieldWeight, Finding{Actual: Num(w)})
			}
		}
	},
}

package engine

import "jixiao/internal/i18n"

var checkMissingValue = &Check{
	Code:     MissingValue,
	Severity: Error,
	Title:    i18n.T("缺少实际完成值、分值或自评得分", "missing actual value, weight or reported score"),
	Doc: i18n.T(
		"某指标没有实际完成值、分值为 0，或在其他指标都有自评得分时唯独它没有。缺了这些，得分无法核对。",
		"An indicator has no actual value, a weight of 0, or no reported score where the other indicators have "+
			"one. Without them the score cannot be checked."),
	// Detail MissingActual, MissingWeight (Actual 0) or MissingReported (Args[0] how many
	// indicators have a reported score).
	run: func(rv *reviewer) {
		withReported := 0
		for i := range rv.r.Indicators {
			if rv.r.Indicators[i].Indicator.Reported != nil {
				withReported++
			}
		}
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if !ind.Applicable {
				continue
			}
			if !ind.Actual.Set {
				rv.report(i, FieldNone, Finding{Detail: MissingActual})
			}
			if ind.Weight == 0 {
				rv.report(i, FieldWeight, Finding{Detail: MissingWeight, Actual: Num(0)})
			}
			if ind.Reported == nil && withReported > 0 {
				rv.report(i, FieldNone, Finding{Detail: MissingReported, Args: [4]float64{float64(withReported)}})
			}
		}
	},
}

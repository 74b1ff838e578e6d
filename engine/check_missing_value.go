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
				rv.indicator(i, "", i18n.T("没有填写实际完成值", "no actual value is given"), i18n.Text{}, nil, nil)
			}
			if ind.Weight == 0 {
				rv.indicator(i, "weight", i18n.T("分值为 0：该指标不影响总分，请核对分值", "the weight is 0, so the indicator does not count: check the weight"),
					i18n.Text{}, nil, 0.0)
			}
			if ind.Reported == nil && withReported > 0 {
				rv.indicator(i, "", i18n.T("没有自评得分，而其他 %d 个指标都有", "no reported score, though %d other indicators have one", withReported),
					i18n.Text{}, nil, nil)
			}
		}
	},
}

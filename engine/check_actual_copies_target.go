package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkActualCopiesTarget = &Check{
	Code:     ActualCopiesTarget,
	Severity: Warning,
	Title:    i18n.T("实际完成值照抄指标值", "actual value copies the target"),
	Doc: i18n.T(
		"实际完成值与指标值写法完全相同（如都写“≥266米”）。这样的填法视为已完成、按默认方法得满分，"+
			"但它没有说明实际做到了多少，复核时应要求填写实际数值。",
		"The actual value is written exactly like the target (both \"≥266米\"). It counts as met, with full marks "+
			"under the default method, but it does not say what was achieved: ask for the real figure."),
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if ind.Applicable && indicators.SameText(ind.Actual, ind.Target) {
				rv.indicator(i, "actual", i18n.T("实际完成值 %q 照抄了指标值，没有给出实际数值", "the actual value %q repeats the target instead of giving a figure",
					ind.Actual.Text), i18n.Text{}, nil, ind.Actual.Text)
			}
		}
	},
}

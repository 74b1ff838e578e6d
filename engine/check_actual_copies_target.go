package engine

import (
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
	// Actual the actual value as written.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			if ir := &rv.r.Indicators[i]; ir.Applicable && rv.envs[i].RepeatsTarget() {
				rv.report(i, FieldActual, Finding{Actual: TextOf(ir.Indicator.Actual.Text)})
			}
		}
	},
}

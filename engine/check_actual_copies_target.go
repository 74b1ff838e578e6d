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
		"实际完成值与指标值写法完全相同，而指标值带有比较符号或期限（如都写“≥266米”“≥80%”“12月底前”），"+
			"或是没有度量的定性目标（如都写“有效”）。这样的填法视为已完成、按默认方法得满分，"+
			"但它没有说明实际做到了多少，复核时应要求填写实际数值。实际值等于不带符号的数字指标值（如都写“100%”）只是完成了，不报告。",
		"The actual value is written exactly like a target that carries an operator or a deadline (both \"≥266米\", "+
			"\"≥80%\", \"12月底前\"), or like a qualitative target with nothing measured (both \"有效\"). It counts as met, "+
			"with full marks under the default method, but it does not say what was achieved: ask for the real figure. "+
			"An actual equal to a plain numeric target (both \"100%\") is simply met, and is not reported."),
	// Actual the actual value as written.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			if ir := &rv.r.Indicators[i]; ir.Applicable && rv.envs[i].RepeatsTarget() && copiesThreshold(&ir.Indicator.Target) {
				rv.report(i, FieldActual, Finding{Actual: TextOf(ir.Indicator.Actual.Text)})
			}
		}
	},
}

// copiesThreshold reports whether a target copied as the actual says nothing of what was
// done: a threshold with an operator or a deadline ("≥266米", "12月底前"), or a qualitative
// target ("有效"). A plain number ("100%") copied is an actual that met it.
func copiesThreshold(t *indicators.Value) bool {
	return t.Op != indicators.OpNone || !t.IsNum
}

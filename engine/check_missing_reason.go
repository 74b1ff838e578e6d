package engine

import "jixiao/internal/i18n"

var checkMissingReason = &Check{
	Code:     MissingReason,
	Severity: Warning,
	Title:    i18n.T("未完成指标没有说明原因", "unmet target without a reason"),
	Doc: i18n.T(
		"实际完成值没有达到指标值，却没有填写偏差原因（未完成原因）。按规定，未完成的指标应分析原因并提出改进措施。",
		"The actual value did not reach the target, and no reason (偏差原因 / 未完成原因) is given. An unmet "+
			"target must be explained, with the steps taken to improve."),
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			if ir := &rv.r.Indicators[i]; ir.Applicable && ir.MetKnown && !ir.Met && ir.Indicator.Reason == "" {
				rv.report(i, FieldNone, Finding{})
			}
		}
	},
}

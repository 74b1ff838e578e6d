package engine

import (
	"jixiao/internal/i18n"
)

var checkMissingReason = &Check{
	Code:     MissingReason,
	Severity: Warning,
	Title:    i18n.T("未完成指标没有说明原因", "unmet target without a reason"),
	Doc: i18n.T(
		"实际完成值没有达到指标值，或完成时间晚于期限（消息给出逾期多久）、早于起始时间，却没有填写偏差原因（未完成原因）。"+
			"按规定，未完成的指标应分析原因并提出改进措施。",
		"The actual value did not reach the target, or was done after its deadline (the message says how late) or "+
			"before its start, "+
			"and no reason (偏差原因 / 未完成原因) is given. An unmet target must be explained, with the steps "+
			"taken to improve."),
	// A missed deadline (Detail MissedDeadline): Args[0] the days late, Args[1] the months
	// (begun) late, Args[2] 1 when the actual is a whole month (say months, not days). An
	// actual before a start target (Detail BeforeStart) is not late.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			if !ir.Applicable || !ir.MetKnown || ir.Met || ir.Indicator.Reason != "" {
				continue
			}
			var f Finding
			if ind := ir.Indicator; ind.Target.IsDate && ind.Actual.IsDate {
				switch l := rv.envs[i].Lateness(); {
				case l.Known && !l.Met && l.Start:
					f.Detail = BeforeStart
				case l.Known && !l.Met:
					f.Detail, f.Args[0], f.Args[1] = MissedDeadline, float64(l.Days), float64(l.Months)
					if l.InMonths {
						f.Args[2] = 1
					}
				}
			}
			rv.report(i, FieldNone, f)
		}
	},
}

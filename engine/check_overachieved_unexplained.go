package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkOverachievedUnexplained = &Check{
	Code:     OverachievedUnexplained,
	Severity: Warning,
	Title:    i18n.T("大幅超额完成且未说明原因", "large over-achievement unexplained"),
	Doc: i18n.T(
		"越高越好的指标，实际完成值达到指标值的 130% 以上（[review] overachieved_ratio），却没有说明原因。"+
			"大幅超额通常说明指标值定得过低，应说明原因并在下一年调整目标。",
		"A higher-is-better indicator's actual value is 130 % of its target or more ([review] "+
			"overachieved_ratio), and no reason is given. Large over-achievement usually means the target was set "+
			"too low: it must be explained, and the target raised next year."),
	// Actual the actual value; Args[0] actual / target, Args[1] the ratio allowed.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if !ind.Applicable || ind.Direction != indicators.Higher || ind.Reason != "" || !ind.Actual.IsNum || !ind.Target.IsNum || ind.Target.Num <= 0 {
				continue
			}
			// The actual in the target's unit; NaN, and never over, in a unit that is not.
			if ratio := rv.envs[i].Actual / ind.Target.Num; ratio >= rv.cfg.OverachievedRatio {
				rv.report(i, FieldActual, Finding{Actual: Num(ind.Actual.Num), Args: [4]float64{ratio, rv.cfg.OverachievedRatio}})
			}
		}
	},
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
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
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if !ind.Applicable || ind.Direction != indicators.Higher || ind.Reason != "" || !ind.Actual.IsNum || !ind.Target.IsNum || ind.Target.Num <= 0 {
				continue
			}
			ratio := ind.Actual.Num / ind.Target.Num
			if ratio >= rv.cfg.OverachievedRatio {
				rv.indicator(i, "actual", i18n.T("实际完成值 %s 是指标值 %s 的 %s%%，超过 %s%%，但没有说明原因：指标值可能定得过低",
					"the actual value %s against the target %s is %s%%, over %s%%, with no reason given: the target may be set too low",
					ind.Actual.Text, ind.Target.Text, num.Format(ratio*100, 1), num.Short(rv.cfg.OverachievedRatio*100, 1)),
					i18n.Text{}, nil, ind.Actual.Num)
			}
		}
	},
}

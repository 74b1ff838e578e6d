package engine

import (
	"fmt"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkTierNonMonotonic = &Check{
	Code:     TierNonMonotonic,
	Severity: Warning,
	Lint:     true,
	Title:    i18n.T("更好的完成值反而得分更低", "a better value scores lower"),
	Doc: i18n.T(
		"按先匹配原则计分时，越高越好的指标有较高的值得分反而较低（越低越好的指标则相反）。"+
			"消息给出一对例子。这样的评分标准会惩罚做得更好的单位，应修改档次。",
		"Scored under first match, a higher-is-better indicator has a higher value that scores lower than a "+
			"lower one (the reverse for lower-is-better). The message gives a pair of examples. Such a criterion "+
			"penalises doing better: fix the tiers."),
	run: func(rv *reviewer) {
		d := rv.decimals()
		for i, a := range rv.eachAnalysis() {
			if a.Inversion == nil {
				continue
			}
			ind := rv.r.Indicators[i].Indicator
			inv := a.Inversion
			dir := i18n.T("越高越好", "higher is better")
			if ind.Direction == indicators.Lower {
				dir = i18n.T("越低越好", "lower is better")
			}
			rv.indicator(i, fmt.Sprintf("tiers[%d]", inv.BetterTier-1), sampled(a, i18n.T(
				"%s的指标，%s 得 %s 分（第%d档），而更好的%s 只得 %s 分（第%d档）",
				"%s, yet %s scores %s (tier %d) while the better %s scores %s (tier %d)",
				dir, pointText(inv.Worse, a.Var, ind), num.Short(inv.WorseScore, d), inv.WorseTier,
				pointText(inv.Better, a.Var, ind), num.Short(inv.BetterScore, d), inv.BetterTier)), i18n.Text{}, nil, nil)
		}
	},
}

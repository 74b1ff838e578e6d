package engine

import (
	"jixiao/internal/i18n"
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
	// Index the tier of the better value, Tier that of the worse (1-based); Args the worse
	// and the better value, and their scores.
	run: func(rv *reviewer) {
		for i, a := range rv.analyses() {
			if a == nil {
				continue
			}
			if inv := a.Inversion; inv != nil {
				rv.report(i, FieldTier, fromAnalysis(a, Finding{Index: inv.BetterTier - 1, Tier: inv.WorseTier,
					Args: [4]float64{inv.Worse, inv.Better, inv.WorseScore, inv.BetterScore}}))
			}
		}
	},
}

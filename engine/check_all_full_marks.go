package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkAllFullMarks = &Check{
	Code:     AllFullMarks,
	Severity: Info,
	Title:    i18n.T("全部指标自评满分", "every indicator at full marks"),
	Doc: i18n.T(
		"每个指标的自评得分都等于其分值。全部满分的自评可能没有认真开展，复核时宜抽查佐证材料。",
		"Every indicator's reported score equals its weight. A self-evaluation at full marks throughout may not "+
			"have been done in earnest: spot-check the evidence."),
	// Args[0] how many indicators.
	run: func(rv *reviewer) {
		n := 0
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if !ind.Applicable {
				continue
			}
			if ind.Reported == nil || !num.Within(*ind.Reported, ind.Weight, rv.cfg.Tolerance) {
				return
			}
			n++
		}
		if n >= 2 {
			rv.report(-1, FieldIndicators, Finding{Args: [4]float64{float64(n)}})
		}
	},
}

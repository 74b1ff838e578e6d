package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkScoreOverWeight = &Check{
	Code:     ScoreOverWeight,
	Severity: Error,
	Title:    i18n.T("得分超过分值或为负数", "score above the weight or below zero"),
	Doc: i18n.T(
		"自评得分或按评分标准算出的得分高于该指标的分值，或小于 0。超额完成不加分：得分以分值为上限。"+
			"若是评分标准本身给出了超过分值的分数，应修改评分标准。",
		"A reported score, or the score the criterion computes, is above the indicator's weight or below zero. "+
			"Over-achievement earns no bonus: the weight is the ceiling. If the criterion itself gives more than the "+
			"weight, the criterion needs fixing."),
	run: func(rv *reviewer) {
		d := rv.decimals()
		tol := rv.cfg.Tolerance
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			w := ir.Indicator.Weight
			if w < 0 {
				continue // weight-negative reports it; no range of scores makes sense
			}
			if rep := ir.Indicator.Reported; rep != nil && (*rep > w+tol || *rep < -tol) {
				rv.indicator(i, "reported", i18n.T("自评得分 %s 超出 0–%s 分的范围", "the reported score %s is outside 0–%s",
					num.Short(*rep, d), num.Short(w, d)), i18n.Text{}, w, *rep)
			}
			if ir.HasScore && !ir.Accepted && (ir.Score > w+tol || ir.Score < -tol) {
				rv.indicator(i, "tiers", i18n.T("按评分标准算出的得分 %s 超出 0–%s 分的范围（%s）：请修改评分标准",
					"the criterion gives %s, outside 0–%s (%s): fix the criterion", num.Format(ir.Score, d), num.Short(w, d), Basis(ir)),
					i18n.Text{}, w, ir.Score)
			}
		}
	},
}

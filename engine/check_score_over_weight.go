package engine

import (
	"jixiao/internal/i18n"
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
	// Field reported (Actual the reported score) or tiers (Actual the computed score);
	// Expected the weight.
	run: func(rv *reviewer) {
		tol := rv.cfg.Tolerance
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			w := ir.Indicator.Weight
			if w < 0 {
				continue // weight-negative reports it; no range of scores makes sense
			}
			if rep := ir.Indicator.Reported; rep != nil && (*rep > w+tol || *rep < -tol) {
				rv.report(i, FieldReported, Finding{Expected: Num(w), Actual: Num(*rep)})
			}
			if ir.HasScore && !ir.Accepted && (ir.Score > w+tol || ir.Score < -tol) {
				rv.report(i, FieldTiers, Finding{Expected: Num(w), Actual: Num(ir.Score)})
			}
		}
	},
}

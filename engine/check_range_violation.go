package engine

import (
	"jixiao/internal/i18n"
	"jixiao/rules"
)

var checkRangeViolation = &Check{
	Code:     RangeViolation,
	Severity: Error,
	Title:    i18n.T("自评得分不在允许区间内", "reported score outside its allowed range"),
	Doc: i18n.T(
		"评分标准给出的是一个区间（如“按完成情况得15~18分”，或定性指标的 达成 80–100%、部分达成 60–80%、未达成 0–60%），"+
			"但自评得分不在该区间内。复核人应在区间内重新定分。",
		"The criterion allows a range (\"15 to 18 points by degree of completion\", or a qualitative band: 达成 "+
			"80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight), and the reported score lies outside it. "+
			"The reviewer should choose a score within the range."),
	// Expected the allowed range, Actual the reported score.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			if rep := ir.Indicator.Reported; rep != nil && ir.Kind == rules.Ranged && !ir.Accepted {
				rv.report(i, FieldReported, Finding{Expected: RangeOf(ir.Min, ir.Max), Actual: Num(*rep)})
			}
		}
	},
}

package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkScoreMismatch = &Check{
	Code:     ScoreMismatch,
	Severity: Error,
	Title:    i18n.T("自评得分与评分标准不符", "reported score does not follow the criterion"),
	Doc: i18n.T(
		"某指标的自评得分与按其自身评分标准（没有评分标准时按默认方法，并在消息中写明方法和依据）计算的得分相差超过容差（默认 0.005 分）。"+
			"提示会给出自评得分可能的来历：按比例计分而不是按所写的分档、取了另一档（档次重叠时）的分数、未达到指标值却给了满分（或四舍五入成了满分）、截尾而不是四舍五入等。"+
			"预算执行率得分与“执行率 × 分值”不符时也报告此项。复核时以计算得分为准，或先修正评分标准。",
		"An indicator's reported score differs from the score its own criterion gives (or the default method, "+
			"named in the message with what it rests on, where no criterion is written) by more than the tolerance (0.005 points by default). The hint says how "+
			"the reported score may have come about: proportional scoring instead of the written tiers, the score of "+
			"another tier where tiers overlap, full marks for a target not met (or rounded up to them), truncation "+
			"instead of rounding. A budget-execution score that is not "+
			"rate × weight is reported too. Re-score with the computed score, or fix the criterion first."),
	// Indicator: Expected the computed score, Actual the reported one; the hint in Detail
	// (Tier, Args[0]). Project (funds.reported): the budget-execution score, likewise.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			rep := ir.Indicator.Reported
			if rep == nil || !ir.HasScore || ir.Accepted || num.Within(*rep, ir.Score, rv.cfg.Tolerance) {
				continue
			}
			f := Finding{Expected: Num(ir.Score), Actual: Num(*rep)}
			inferScore(rv, i, ir, &f)
			rv.report(i, FieldReported, f)
		}
		if x := rv.r.Execution; x != nil && x.HasScore && x.Reported != nil && !num.Within(*x.Reported, x.Score, rv.cfg.Tolerance) {
			rv.report(-1, FieldFundsReported, Finding{Expected: Num(x.Score), Actual: Num(*x.Reported)})
		}
	},
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
)

var checkReviewRuleMismatch = &Check{
	Code:     ReviewRuleMismatch,
	Severity: Error,
	Title:    i18n.T("复核得分与所注口径不符", "review score does not follow its rule"),
	Doc: i18n.T(
		"复核得分与所注明的复核口径不符：口径为按评分标准计分，复核得分却不是计算得分（自由裁量档：不在区间内）；口径为得 0 分，复核得分却不是 0；口径为扣分值的一定比例（如 60%），复核得分却不等于扣分前得分减去该比例的分值"+
			"（扣分前得分为计算得分或自评得分，扣完为止）；口径为不扣分，复核得分却不等于扣分前得分；或口径只适用于完成率（复核完成值 ÷ 指标值，未填复核完成值时用实际完成值）"+
			"超过某一比例的指标（如超过 130%），而该指标的完成率没有超过。",
		"A review score does not follow the review rule it cites: the rule scores by the criterion and the "+
			"score is not the computed one (nor within its discretionary range); the rule scores 0 and the score is not 0; the "+
			"rule cuts a share of the weight (60 %, say) and the score is not the score before the review (the "+
			"computed or the self-assessed score) less that share, floored at 0; the rule cuts nothing and the score "+
			"is not the score before the review; or the rule applies only above a completion rate (复核完成值 / "+
			"target, the actual value when the reviewer gives none; 130 %, say) that this indicator does not exceed."),
	// Detail RuleScoreDiffers (Expected what the rule gives from the computed score, else from
	// the self-assessed one, or the discretionary range; Actual the review score) or RuleCompletionBelow (Args[0] the
	// completion rate, Args[1] the rate the rule applies above).
	run: func(rv *reviewer) {
		tol, d := rv.cfg.Tolerance, rv.d
		rv.eachReviewed(func(i int, ir *IndicatorResult, _ *indicators.Review, iv *IndicatorReview) {
			rule := iv.Rule
			if rule == nil {
				return
			}
			if above := rule.CompletionAbove; above != nil && iv.HasCompletion && iv.Completion <= *above {
				rv.report(i, FieldReviewRule, Finding{Detail: RuleCompletionBelow, Args: [4]float64{iv.Completion, *above}})
			}
			if !iv.HasScore {
				return
			}
			w := ir.Indicator.Weight
			var bases []float64
			switch {
			case rule.Effect == indicators.EffectZero:
				bases = []float64{0}
			case rule.Effect == indicators.EffectCriterion && ir.Kind == rules.Ranged && !ir.Accepted:
				if iv.Score < ir.Min-tol || iv.Score > ir.Max+tol {
					rv.report(i, FieldReviewScore, Finding{Detail: RuleScoreDiffers, Expected: RangeOf(ir.Min, ir.Max), Actual: Num(iv.Score)})
				}
				return
			case rule.Effect == indicators.EffectCriterion:
				if ir.HasScore {
					bases = []float64{ir.Score}
				}
			default:
				if ir.HasScore {
					bases = append(bases, ir.Score)
				}
				if rep := ir.Indicator.Reported; rep != nil {
					bases = append(bases, *rep)
				}
			}
			for _, b := range bases {
				if num.Within(num.Round(RuleScore(rule, b, w), d), iv.Score, tol) {
					return
				}
			}
			if len(bases) > 0 {
				want := num.Round(RuleScore(rule, bases[0], w), d)
				rv.report(i, FieldReviewScore, Finding{Detail: RuleScoreDiffers, Expected: Num(want), Actual: Num(iv.Score)})
			}
		})
	},
}

package engine

import (
	"slices"

	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// defaultRules are the 复核口径 that ship with jixiao, as reviewers apply them: a
// configuration's [[review_rules]] replace them whole.
var defaultRules = []indicators.ReviewRule{
	{Code: "by-criterion", Title: "按评分标准计分", TitleEn: "scored by the criterion", Effect: indicators.EffectCriterion},
	{Code: "no-evidence", Title: "无佐证材料", TitleEn: "no supporting evidence", Effect: indicators.EffectZero},
	{Code: "unrelated", Title: "指标与项目无关", TitleEn: "indicator unrelated to the project", Effect: indicators.EffectZero},
	{Code: "unassessable-30", Title: "无法评价（轻微），扣分值的30%", TitleEn: "not assessable (minor): 30 % of the weight cut",
		Effect: indicators.EffectCut, Cut: 0.3},
	{Code: "unassessable-60", Title: "无法评价（较重），扣分值的60%", TitleEn: "not assessable (serious): 60 % of the weight cut",
		Effect: indicators.EffectCut, Cut: 0.6},
	{Code: "unassessable-100", Title: "无法评价（严重），扣分值的100%", TitleEn: "not assessable (severe): 100 % of the weight cut",
		Effect: indicators.EffectCut, Cut: 1},
	{Code: "over-130", Title: "完成率超过130%，不扣分，须备注", TitleEn: "completion above 130 %: no cut, a note required",
		Effect: indicators.EffectNone, CompletionAbove: ptrTo(1.3), Note: true},
	{Code: "no-survey", Title: "满意度无调查数据", TitleEn: "satisfaction without survey data", Effect: indicators.EffectZero},
}

func ptrTo[T any](v T) *T { return &v }

// DefaultReviewRules returns the review rules (复核口径) that ship with jixiao: scored by the
// criterion (the score jixiao computes, or one within its discretionary range); no supporting
// evidence → 0; an indicator unrelated to the project → 0; not assessable → 30 %, 60 % or
// 100 % of the weight cut by severity; completion above 130 % → no cut, but a note;
// satisfaction without survey data → 0.
func DefaultReviewRules() []indicators.ReviewRule { return slices.Clone(defaultRules) }

// rulesInForce is a project's review rules: its own, else the shared configuration's, else
// the defaults. The slice is shared: not to be modified.
func rulesInForce(own, shared []indicators.ReviewRule) []indicators.ReviewRule {
	switch {
	case len(own) > 0:
		return own
	case len(shared) > 0:
		return shared
	}
	return defaultRules
}

// LookupRule finds the rule with the given code.
func LookupRule(rules []indicators.ReviewRule, code string) (*indicators.ReviewRule, bool) {
	for i := range rules {
		if rules[i].Code == code {
			return &rules[i], true
		}
	}
	return nil, false
}

// RuleTitle is a rule's title in lang: the English title falls back to the Chinese.
func RuleTitle(r *indicators.ReviewRule, lang i18n.Lang) string {
	if lang == i18n.En && r.TitleEn != "" {
		return r.TitleEn
	}
	return r.Title
}

// RuleScore is the score a rule gives an indicator of weight w whose score before the review
// is base: 0 for a rule to zero, base less the rule's share of w (never below 0) for a cut,
// base for no cut (and for the criterion's score, when base is the computed score).
func RuleScore(r *indicators.ReviewRule, base, w float64) float64 {
	switch r.Effect {
	case indicators.EffectZero:
		return 0
	case indicators.EffectCut:
		return max(0, base-r.Cut*w)
	}
	return base
}

package engine

import (
	"jixiao/internal/i18n"
	"jixiao/rules/analysis"
)

var checkTierUnreachable = &Check{
	Code:     TierUnreachable,
	Severity: Warning,
	Lint:     true,
	Title:    i18n.T("某档永远不会生效", "tier that can never fire"),
	Doc: i18n.T(
		"按先匹配原则，某一档永远轮不到：它的条件在取值范围内从不成立，或它成立的取值都已被前面的档次取走。"+
			"这一档写了等于没写，通常是档次顺序或条件写错了。",
		"Under first match a tier can never fire: its condition never holds within the range the value can take, "+
			"or every value where it holds is taken by an earlier tier. The tier is dead: usually the order of the "+
			"tiers or a condition is wrong."),
	// Index the tier; Detail TierNeverHolds (Set the domain) or TierTaken.
	run: func(rv *reviewer) {
		for i, a := range rv.analyses() {
			if a == nil {
				continue
			}
			for _, k := range a.Unreachable {
				f := Finding{Index: k - 1, Detail: TierTaken}
				if a.Conds[k-1].Empty() {
					f.Detail, f.Set = TierNeverHolds, analysis.Set{a.Domain}
				}
				rv.report(i, FieldTier, fromAnalysis(a, f))
			}
		}
	},
}

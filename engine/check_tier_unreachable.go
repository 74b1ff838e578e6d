package engine

import (
	"jixiao/internal/i18n"
	"jixiao/rules"
	"jixiao/rules/analysis"
)

var checkTierUnreachable = &Check{
	Code:     TierUnreachable,
	Severity: Warning,
	Lint:     true,
	Title:    i18n.T("某档永远不会生效", "tier that can never fire"),
	Doc: i18n.T(
		"按先匹配原则，某一档永远轮不到：它的条件在取值范围内从不成立，或它成立的取值都已被前面的档次取走。"+
			"这一档写了等于没写，通常是档次顺序或条件写错了。与前面某档完全相同的各档（评分标准重复粘贴）合为一条报告。",
		"Under first match a tier can never fire: its condition never holds within the range the value can take, "+
			"or every value where it holds is taken by an earlier tier. The tier is dead: usually the order of the "+
			"tiers or a condition is wrong. Tiers that are the same as an earlier one (a criterion pasted twice) are "+
			"reported once, with how many they are."),
	// Index the tier; Detail TierNeverHolds (Set the domain), TierTaken, or TierRepeated:
	// the tiers that are the same as an earlier one (condition and score) are one finding, at the first of
	// them (Tier the one they repeat, Args[0] how many).
	run: func(rv *reviewer) {
		for i, a := range rv.analyses() {
			if a == nil {
				continue
			}
			tiers := rv.r.Indicators[i].Criterion.Tiers
			repeats := map[int]int{} // the finding of the copies, by the tier repeated
			for _, k := range a.Unreachable {
				if j := repeated(tiers, k-1); j > 0 && !a.Conds[k-1].Empty() {
					if at, ok := repeats[j]; ok {
						rv.findings[at].Args[0]++
						continue
					}
					rv.report(i, FieldTier, fromAnalysis(a, Finding{Index: k - 1, Detail: TierRepeated, Tier: j, Args: [4]float64{1}}))
					repeats[j] = len(rv.findings) - 1
					continue
				}
				f := Finding{Index: k - 1, Detail: TierTaken}
				if a.Conds[k-1].Empty() {
					f.Detail, f.Set = TierNeverHolds, analysis.Set{a.Domain}
				}
				rv.report(i, FieldTier, fromAnalysis(a, f))
			}
		}
	},
}

// repeated is the 1-based earlier tier that tier k (0-based) is the same as, or 0.
func repeated(tiers []rules.Tier, k int) int {
	t := &tiers[k]
	for j := range k {
		o := &tiers[j]
		if o.When == t.When && o.Score == t.Score && o.Range == t.Range && o.Min == t.Min && o.Max == t.Max {
			return j + 1
		}
	}
	return 0
}

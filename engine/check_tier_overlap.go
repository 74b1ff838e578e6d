package engine

import (
	"jixiao/internal/i18n"
)

var checkTierOverlap = &Check{
	Code:     TierOverlap,
	Severity: Warning,
	Lint:     true,
	Title:    i18n.T("档次重叠", "overlapping tiers"),
	Doc: i18n.T(
		"有一段取值同时满足两档的条件。按先匹配原则取前一档，但评分人可能取了另一档。两档分数不同时为警告，相同时为提示。"+
			"如“资金投入≤项目进度80%得8分；资金未全部投入得5分”：完成率不超过 80% 时两档都成立。",
		"Some values meet the conditions of two tiers. First match gives the earlier tier, but a scorer may have "+
			"taken the other. A warning when the two scores differ, info when they are equal. For example \"≤80 % "+
			"invested: 8 points; not all invested: 5 points\": up to 80 % both hold."),
	// Index the later tier, Tier the earlier (1-based), Set where both hold.
	run: func(rv *reviewer) {
		for i, a := range rv.analyses() {
			if a == nil {
				continue
			}
			tiers := rv.r.Indicators[i].Criterion.Tiers
			for _, o := range a.Overlaps {
				ta, tb := &tiers[o.A-1], &tiers[o.B-1]
				f := rv.report(i, FieldTier, fromAnalysis(a, Finding{Index: o.B - 1, Tier: o.A, Set: o.Region}))
				sa, oka := ta.ConstScore()
				sb, okb := tb.ConstScore()
				if oka && okb && sa == sb && !ta.Range && !tb.Range {
					f.Severity = Info
				}
			}
		}
	},
}

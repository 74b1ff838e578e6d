package engine

import (
	"fmt"

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
	run: func(rv *reviewer) {
		d := rv.decimals()
		for i, a := range rv.eachAnalysis() {
			ir := &rv.r.Indicators[i]
			for _, o := range a.Overlaps {
				ta, tb := &ir.Criterion.Tiers[o.A-1], &ir.Criterion.Tiers[o.B-1]
				sa, oka := ta.ConstScore()
				sb, okb := tb.ConstScore()
				f := rv.newIndicatorFinding(i, fmt.Sprintf("tiers[%d]", o.B-1),
					sampled(a, i18n.T("%s与%s同时适用于 %s；按先匹配取第%d档", "%s and %s both hold for %s; first match gives tier %d",
						tierText(ir.Criterion, o.A, d), tierText(ir.Criterion, o.B, d), describeSet(o.Region, a.Var, ir.Indicator), o.A)),
					i18n.Text{}, nil, nil)
				if oka && okb && sa == sb && !ta.Range && !tb.Range {
					f.Severity = Info
				}
				rv.add(f)
			}
		}
	},
}

package engine

import (
	"fmt"

	"jixiao/internal/i18n"
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
	run: func(rv *reviewer) {
		d := rv.decimals()
		for i, a := range rv.eachAnalysis() {
			ir := &rv.r.Indicators[i]
			for _, k := range a.Unreachable {
				why := i18n.T("它成立的取值都已被前面的档次取走", "every value where it holds is taken by an earlier tier")
				if a.Conds[k-1].Empty() {
					why = i18n.T("它的条件在取值范围 %s 内从不成立", "its condition never holds within %s", a.Domain.String())
				}
				rv.indicator(i, fmt.Sprintf("tiers[%d]", k-1), sampled(a, i18n.T("%s永远不会生效：%s", "%s can never fire: %s",
					tierText(ir.Criterion, k, d), why)), i18n.Text{}, nil, nil)
			}
		}
	},
}

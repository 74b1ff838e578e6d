package engine

import "jixiao/internal/i18n"

var checkTierGap = &Check{
	Code:     TierGap,
	Severity: Warning,
	Lint:     true,
	Title:    i18n.T("评分标准有缺口", "gap between the tiers"),
	Doc: i18n.T(
		"在实际值可能的取值范围内（百分比 0–100%，完成率 0–1，人数、金额等 ≥ 0，或指标声明的 domain），有一段取值没有任何一档适用："+
			"落在这里的实际值无法计分。常见于笔误，如“95%>覆盖面<90%”。消息给出确切的区间，开闭端点与所写的一致。",
		"Within the range the actual value can take (0–100 % for a percentage, 0–1 for a completion rate, ≥ 0 "+
			"for counts and money, or the indicator's declared domain), some values meet no tier: an actual value "+
			"there cannot be scored. Typos cause most of them, such as \"95%>覆盖面<90%\". The message gives the "+
			"exact interval, open and closed ends as written."),
	// Set the values no tier scores.
	run: func(rv *reviewer) {
		for i, a := range rv.analyses() {
			if a == nil {
				continue
			}
			if !a.Gaps.Empty() {
				rv.report(i, FieldTiers, fromAnalysis(a, Finding{Set: a.Gaps}))
			}
		}
	},
}

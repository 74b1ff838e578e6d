package engine

import (
	"math"

	"jixiao/internal/i18n"
	"jixiao/rules/analysis"
)

var checkTargetThreshold = &Check{
	Code:     TargetThreshold,
	Severity: Warning,
	Lint:     true,
	Title:    i18n.T("满分起点与指标值不一致", "full marks do not begin at the target"),
	Doc: i18n.T(
		"评分标准给满分的起点不是指标值：例如指标值 99.60%，评分标准却从 99.22% 起就给满分。"+
			"这样，未达到目标也能得满分（或达到目标却得不到满分），评分标准与绩效目标互相矛盾。按完成率写的评分标准，满分应从完成率 100% 起。",
		"The criterion's full marks do not begin at the target: say the target is 99.60 %, yet full marks start "+
			"at 99.22 %. A unit then gets full marks without meeting its target (or meets it without full marks): "+
			"the criterion contradicts the target. For a criterion on the completion rate, full marks should begin "+
			"at a rate of 100 %."),
	// Expected where full marks should begin (the target, or a rate of 1), Actual where they do.
	run: func(rv *reviewer) {
		for i, a := range rv.analyses() {
			if a == nil {
				continue
			}
			ind := rv.r.Indicators[i].Indicator
			if !a.FullMarksOK || !ind.Target.IsNum {
				continue
			}
			target := ind.Target.Num
			if a.Var == analysis.VarRate {
				target = 1
			}
			if math.Abs(a.FullMarksFrom-target) > 1e-9*max(1, math.Abs(target)) {
				rv.report(i, FieldTarget, fromAnalysis(a, Finding{Expected: Num(target), Actual: Num(a.FullMarksFrom)}))
			}
		}
	},
}

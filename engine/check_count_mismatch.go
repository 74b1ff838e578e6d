package engine

import "jixiao/internal/i18n"

var checkCountMismatch = &Check{
	Code:     CountMismatch,
	Severity: Warning,
	Title:    i18n.T("绩效目标个数不符", "stated target counts do not match"),
	Doc: i18n.T(
		"报告所述“设置绩效目标 N 个，实际完成 M 个”与指标表不符：N 应为填有指标值的适用指标的个数，M 应为其中达到指标值的个数。"+
			"有指标无法判断是否完成时，完成个数是一个区间，自述个数在区间内即不报告。",
		"The stated \"N targets set, M met\" does not match the table: N should be the number of applicable "+
			"indicators that have a target and M the number of them that met it. When some indicator cannot be judged met "+
			"or not, the met count is a range, and a stated count within it is not reported."),
	// Field reported.targets_set or reported.targets_met: Expected the count in the table (for
	// targets_met, the targets known met, Args[0] with those that cannot be judged),
	// Actual the stated one.
	run: func(rv *reviewer) {
		rep := rv.r.Project.Reported
		if rep.TargetsSet != nil && *rep.TargetsSet != rv.r.TargetsSet {
			rv.report(-1, FieldReportedTargetsSet, Finding{Expected: CountOf(rv.r.TargetsSet), Actual: CountOf(*rep.TargetsSet)})
		}
		if rep.TargetsMet == nil {
			return
		}
		// Some targets that cannot be judged met or not make the count a range: a stated count
		// within it may be right.
		lo, hi := rv.r.TargetsMet, rv.r.TargetsMet+rv.r.TargetsUnknown
		if *rep.TargetsMet >= lo && *rep.TargetsMet <= hi {
			return
		}
		rv.report(-1, FieldReportedTargetsMet, Finding{Expected: CountOf(lo), Actual: CountOf(*rep.TargetsMet), Args: [4]float64{float64(hi)}})
	},
}

package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
)

var checkExecutionUnexplained = &Check{
	Code:     ExecutionUnexplained,
	Severity: Warning,
	Title:    i18n.T("预算执行率偏低且未说明原因", "low budget execution unexplained"),
	Doc: i18n.T(
		"预算执行率（实际支出 / 全年预算数，全年预算数默认为年初预算 + 年中调整）低于 90%（[review] execution_rate_min），"+
			"而资金栏没有说明原因（[funds] reason）。执行率低说明资金没有按计划使用，应说明原因。",
		"Budget execution (spent / full-year budget; the full-year budget is budget + adjustment unless given) is "+
			"below 90 % ([review] execution_rate_min), and the funds give no reason ([funds] reason). Money not spent "+
			"as planned must be explained."),
	// Expected the lowest rate without a reason, Actual the rate (4 decimals); Args[0] the
	// rate, Args[1] the full-year budget, Args[2] the amount spent.
	run: func(rv *reviewer) {
		f := rv.r.Project.Funds
		if f == nil || f.Reason != "" {
			return
		}
		rate, ok := rules.ExecutionRate(f)
		if !ok || rate >= rv.cfg.ExecutionRateMin {
			return
		}
		avail, _ := f.Available()
		rv.report(-1, FieldFundsSpent, Finding{Expected: Num(rv.cfg.ExecutionRateMin), Actual: Num(num.Round(rate, 4)),
			Args: [4]float64{rate, avail, *f.Spent}})
	},
}

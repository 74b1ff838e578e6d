package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
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
	run: func(rv *reviewer) {
		f := rv.r.Project.Funds
		if f == nil || f.Reason != "" {
			return
		}
		rate, ok := ExecutionRate(f)
		if !ok || rate >= rv.cfg.ExecutionRateMin {
			return
		}
		avail, _ := f.Available()
		rv.project("funds.spent", i18n.T("预算执行率只有 %s%%：全年预算 %s %s，实际支出 %s %s，低于 %s%%，且没有说明原因",
			"budget execution is only %s%%: of %s %s budgeted, %s %s was spent, below %s%%, and no reason is given",
			num.Format(rate*100, 1), num.Format(avail, 2), f.Unit, num.Format(*f.Spent, 2), f.Unit, num.Short(rv.cfg.ExecutionRateMin*100, 1)),
			i18n.T("请在 [funds] reason 中说明资金未按计划支出的原因", "give the reason in [funds] reason"), rv.cfg.ExecutionRateMin, num.Round(rate, 4))
	},
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkTargetBelowPrior = &Check{
	Code:     TargetBelowPrior,
	Severity: Info,
	Title:    i18n.T("指标值低于上年实际", "target set below last year's value"),
	Doc: i18n.T(
		"越高越好的指标，其指标值低于上年度数值：目标定得比去年已做到的还低，可能是为了容易完成。"+
			"成本指标不检查：其金额是预算，而不是努力方向。",
		"A higher-is-better target is set below last year's value: a target easier than what was already "+
			"achieved. Cost indicators (成本指标) are left alone: their amount is a budget, not an ambition."),
	// Expected last year's value, Actual the target.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if ind.Applicable && ind.Direction == indicators.Higher && ind.Target.IsNum && ind.Prior.IsNum &&
				ind.Target.Num < ind.Prior.Num && !isCost(ind) {
				rv.report(i, FieldTarget, Finding{Expected: Num(ind.Prior.Num), Actual: Num(ind.Target.Num)})
			}
		}
	},
}

package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
)

var checkSpendResultsGap = &Check{
	Code:     SpendResultsGap,
	Severity: Warning,
	Title:    i18n.T("绩效得分远高于资金执行", "results score far above the money spent"),
	Doc: i18n.T(
		"各指标计算得分占其分值的比例，比预算执行率高出 5 个百分点以上（[review] spend_gap_max）：钱没怎么花，目标却几乎全部完成。"+
			"这通常说明目标定得太低，或完成情况报得太高，应核实。",
		"The indicators' computed scores, as a share of their weight, exceed the budget execution rate by more "+
			"than 5 percentage points ([review] spend_gap_max): the money was not spent, yet the targets were nearly "+
			"all met. Usually the targets were set too low or the results over-reported: verify them."),
	// Expected the execution rate, Actual the share of the weight scored (both 4 decimals);
	// Args[0] that share, Args[1] that rate.
	run: func(rv *reviewer) {
		f := rv.r.Project.Funds
		if f == nil {
			return
		}
		rate, ok := rules.ExecutionRate(f)
		if !ok {
			return
		}
		var score, weight float64
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			if !ir.Applicable {
				continue
			}
			if !ir.HasScore {
				return // the share is not known
			}
			score += ir.Score
			weight += ir.Indicator.Weight
		}
		if weight <= 0 {
			return
		}
		share, spent := score/weight, min(rate, 1)
		if share-spent > rv.cfg.SpendGapMax+1e-9 { // 1 − 0.95 is a hair above 0.05 in floats
			rv.report(-1, FieldFundsSpent, Finding{Expected: Num(num.Round(spent, 4)), Actual: Num(num.Round(share, 4)), Args: [4]float64{share, spent}})
		}
	},
}

package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkSpendResultsGap = &Check{
	Code:     SpendResultsGap,
	Severity: Warning,
	Title:    i18n.T("绩效得分远高于资金执行", "results score far above the money spent"),
	Doc: i18n.T(
		"各指标复核得分占其分值的比例，比预算执行率高出 5 个百分点以上（[review] spend_gap_max）：钱没怎么花，目标却几乎全部完成。"+
			"这通常说明目标定得太低，或完成情况报得太高，应核实。",
		"The indicators' re-scored points, as a share of their weight, exceed the budget execution rate by more "+
			"than 5 percentage points ([review] spend_gap_max): the money was not spent, yet the targets were nearly "+
			"all met. Usually the targets were set too low or the results over-reported: verify them."),
	run: func(rv *reviewer) {
		f := rv.r.Project.Funds
		if f == nil {
			return
		}
		rate, ok := ExecutionRate(f)
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
			rv.project("funds.spent", i18n.T("各指标得分达到分值的 %s%%，而预算只执行了 %s%%", "the indicators score %s%% of their weight, while only %s%% of the budget was spent",
				num.Format(share*100, 1), num.Format(spent*100, 1)), i18n.Text{}, num.Round(spent, 4), num.Round(share, 4))
		}
	},
}

package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkBalanceRateHigh = &Check{
	Code:     BalanceRateHigh,
	Severity: Warning,
	Title:    i18n.T("结余率过高", "high balance rate"),
	Doc: i18n.T(
		"结余率高于 20%（[review] balance_rate_max）：表中给出结余率⑧时以⑧为准，否则按（预算 − 支出）/ 预算计算。"+
			"资金大量结余说明预算编制或执行有问题。",
		"The balance rate is above 20 % ([review] balance_rate_max): the table's own unspent rate ⑧ where given, "+
			"else (budget − spent) / budget. Much money left over points to a problem in budgeting or execution."),
	run: func(rv *reviewer) {
		f := rv.r.Project.Funds
		if f == nil {
			return
		}
		var rate float64
		var path string
		switch avail, ok := f.Available(); {
		case f.UnspentRate != nil:
			rate, path = *f.UnspentRate/100, "funds.unspent_rate"
		case ok && avail > 0 && f.Spent != nil:
			rate, path = (avail-*f.Spent)/avail, "funds.spent"
		default:
			return
		}
		if rate > rv.cfg.BalanceRateMax {
			rv.project(path, i18n.T("结余率 %s%%，高于 %s%%", "the balance rate is %s%%, above %s%%",
				num.Format(rate*100, 2), num.Short(rv.cfg.BalanceRateMax*100, 1)), i18n.Text{}, rv.cfg.BalanceRateMax, num.Round(rate, 4))
		}
	},
}

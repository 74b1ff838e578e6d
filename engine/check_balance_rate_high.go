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
	// Field funds.unspent_rate (the table's own rate) or funds.spent (computed): Expected
	// the highest rate allowed, Actual the rate (4 decimals); Args[0] the rate.
	run: func(rv *reviewer) {
		f := rv.r.Project.Funds
		if f == nil {
			return
		}
		var rate float64
		var field Field
		switch avail, ok := f.Available(); {
		case f.UnspentRate != nil:
			rate, field = *f.UnspentRate/100, FieldFundsUnspentRate
		case ok && avail > 0 && f.Spent != nil:
			rate, field = (avail-*f.Spent)/avail, FieldFundsSpent
		default:
			return
		}
		if rate > rv.cfg.BalanceRateMax {
			rv.report(-1, field, Finding{Expected: Num(rv.cfg.BalanceRateMax), Actual: Num(num.Round(rate, 4)), Args: [4]float64{rate}})
		}
	},
}

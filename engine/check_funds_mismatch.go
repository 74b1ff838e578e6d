package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkFundsMismatch = &Check{
	Code:     FundsMismatch,
	Severity: Error,
	Title:    i18n.T("资金栏目勾稽关系不符", "funds columns do not add up"),
	Doc: i18n.T(
		"资金情况各栏之间的勾稽关系不成立：本年度结余④ ≠ 年初预算① + 年中调整② − 年度拨付③，结余⑦ ≠ 实际到位⑤ − 实际支出⑥，"+
			"或结余率⑧ ≠ ⑦ / ⑤。允许 0.01 的尾数误差（[review] money_tolerance，结余率按百分点计）。",
		"The funds columns do not add up: balance ④ ≠ budget ① + adjustment ② − allocated ③, unspent ⑦ ≠ "+
			"received ⑤ − spent ⑥, or unspent rate ⑧ ≠ ⑦ / ⑤. A difference of 0.01 (the rounding 尾数误差 published "+
			"tables admit; [review] money_tolerance, in percentage points for the rate) is tolerated."),
	// Field funds.balance, funds.unspent or funds.unspent_rate: Expected what the other
	// columns give, Actual the column as stated.
	run: func(rv *reviewer) {
		f := rv.r.Project.Funds
		if f == nil {
			return
		}
		tol := rv.cfg.MoneyTolerance
		zero := func(p *float64) float64 {
			if p == nil {
				return 0
			}
			return *p
		}
		if f.Balance != nil && f.Budget != nil && f.Allocated != nil {
			want := *f.Budget + zero(f.Adjustment) - *f.Allocated
			if !num.Within(*f.Balance, want, tol) {
				rv.report(-1, FieldFundsBalance, Finding{Expected: Num(num.Round(want, 2)), Actual: Num(*f.Balance)})
			}
		}
		if f.Unspent != nil && f.Received != nil && f.Spent != nil {
			want := *f.Received - *f.Spent
			if !num.Within(*f.Unspent, want, tol) {
				rv.report(-1, FieldFundsUnspent, Finding{Expected: Num(num.Round(want, 2)), Actual: Num(*f.Unspent)})
			}
		}
		if f.UnspentRate != nil && f.Unspent != nil && f.Received != nil && *f.Received != 0 {
			want := *f.Unspent / *f.Received * 100
			if !num.Within(*f.UnspentRate, num.Round(want, 2), tol) {
				rv.report(-1, FieldFundsUnspentRate, Finding{Expected: Num(num.Round(want, 2)), Actual: Num(*f.UnspentRate)})
			}
		}
	},
}

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
				rv.project("funds.balance", i18n.T("本年度结余④ %s ≠ ①+②−③ = %s", "balance ④ %s ≠ ①+②−③ = %s",
					num.Format(*f.Balance, 2), num.Format(want, 2)), i18n.Text{}, num.Round(want, 2), *f.Balance)
			}
		}
		if f.Unspent != nil && f.Received != nil && f.Spent != nil {
			want := *f.Received - *f.Spent
			if !num.Within(*f.Unspent, want, tol) {
				rv.project("funds.unspent", i18n.T("结余⑦ %s ≠ ⑤−⑥ = %s", "unspent ⑦ %s ≠ ⑤−⑥ = %s",
					num.Format(*f.Unspent, 2), num.Format(want, 2)), i18n.Text{}, num.Round(want, 2), *f.Unspent)
			}
		}
		if f.UnspentRate != nil && f.Unspent != nil && f.Received != nil && *f.Received != 0 {
			want := *f.Unspent / *f.Received * 100
			if !num.Within(*f.UnspentRate, num.Round(want, 2), tol) {
				rv.project("funds.unspent_rate", i18n.T("结余率⑧ %s%% ≠ ⑦/⑤ = %s%%", "unspent rate ⑧ %s%% ≠ ⑦/⑤ = %s%%",
					num.Format(*f.UnspentRate, 2), num.Format(want, 2)), i18n.Text{}, num.Round(want, 2), *f.UnspentRate)
			}
		}
	},
}

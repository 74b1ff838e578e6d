package engine

import (
	"math"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules/analysis"
)

var checkTierOverWeight = &Check{
	Code:     TierOverWeight,
	Severity: Error,
	Lint:     true,
	Title:    i18n.T("某档分数超过分值或为负", "tier scoring above the weight or below zero"),
	Doc: i18n.T(
		"某一档给出的分数（或自由裁量区间的上限）高于该指标的分值，或低于 0。得分以分值为上限、以 0 为下限，"+
			"这样的档次一旦生效就会算出不可能的得分。按公式计分的档次在其生效区间的端点和中点抽样检查。",
		"A tier gives a score (or a discretionary range whose top) above the indicator's weight, or below zero. "+
			"A score lies between 0 and the weight, so such a tier yields an impossible score whenever it fires. A "+
			"tier whose score is a formula is sampled at the ends and middle of where it fires."),
	// Index the tier; Expected the weight, Actual the score beyond it.
	run: func(rv *reviewer) {
		tol := rv.cfg.Tolerance
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			w := ir.Indicator.Weight
			if w < 0 {
				continue // weight-negative reports it
			}
			for k := range ir.Criterion.Tiers {
				t := &ir.Criterion.Tiers[k]
				lo, hi, known := t.Min, t.Max, t.Range
				if s, ok := t.ConstScore(); ok {
					lo, hi, known = s, s, true
				} else if !t.Range {
					lo, hi, known = formulaBounds(rv, i, k)
				}
				if known && (hi > w+tol || lo < -tol) {
					rv.report(i, FieldTier, Finding{Index: k, Expected: Num(w), Actual: Num(num.Round(max(hi, -lo), rv.d))})
				}
			}
		}
	},
}

// formulaBounds is the least and most tier k's formula scores, sampled at the ends and a
// middle value of where the tier fires.
func formulaBounds(rv *reviewer, i, k int) (lo, hi float64, known bool) {
	a := rv.analyses()[i]
	if a == nil || k >= len(a.Regions) {
		return 0, 0, false
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, iv := range a.Regions[k] {
		for _, x := range []float64{iv.Lo, iv.Hi, analysis.Representative(iv)} {
			if math.IsInf(x, 0) {
				continue
			}
			if s, ok := rv.progs[i].ScoreAt(k, &rv.envs[i], a.Var, x); ok {
				lo, hi, known = math.Min(lo, s), math.Max(hi, s), true
			}
		}
	}
	return lo, hi, known
}

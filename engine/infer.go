package engine

import (
	"math"
	"slices"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/analysis"
)

// inferScore looks for the way a mismatched reported score of indicator i was computed, so
// that the reviewer can tell the unit what it did, and puts it in f as the hint: another
// tier's score (saying whether that tier's condition holds too), proportional scoring,
// reverse proportional scoring, truncation instead of rounding, rounding to whole points.
// It leaves f without a hint when none of them reproduces the reported score.
func inferScore(rv *reviewer, i int, ir *IndicatorResult, f *Finding) {
	ind := ir.Indicator
	rep := *ind.Reported
	d := rv.d
	same := func(x float64) bool { return num.Within(num.Round(x, d), rep, rv.cfg.Tolerance) }

	// Another tier's score.
	if tiers := ir.Criterion.Tiers; len(tiers) > 0 {
		for k := range tiers {
			s, ok := tiers[k].ConstScore()
			if !ok || k+1 == ir.Tier || !same(s) {
				continue
			}
			f.Detail, f.Tier = HintOtherTier, k+1
			rv.hits = rv.progs[i].Matching(&rv.envs[i], rv.hits[:0])
			if slices.Contains(rv.hits, k+1) {
				f.Detail = HintOverlappingTier
			}
			return
		}
	}
	actual := rv.envs[i].Actual // in the target's unit; NaN in a unit that is not
	numeric := ind.Actual.IsNum && ind.Target.IsNum && ind.Target.Num > 0 && actual > 0
	if ir.MetKnown && !ir.Met && same(ind.Weight) {
		// Full marks for a target not met: perhaps a share of the weight rounded up to them.
		f.Detail = HintFullUnmet
		if numeric && ind.Direction != indicators.Lower && ind.Direction != indicators.Equal && same(ind.Weight*actual/ind.Target.Num) {
			f.Args[0] = 1
		}
		return
	}
	// Proportional scoring is no explanation where the method is proportional, nor for a
	// target where less is better.
	proportional := ind.Direction != indicators.Lower &&
		(len(ir.Criterion.Tiers) > 0 || ir.Criterion.Method != indicators.MethodProportional)
	if numeric {
		a, t, w := actual, ind.Target.Num, ind.Weight
		if proportional && (same(w*a/t) || same(w*math.Min(a/t, 1))) {
			f.Detail = HintProportional
			return
		}
		if an := rv.analyses()[i]; an != nil && an.Var == analysis.VarActual && an.FullMarksOK && an.FullMarksFrom > 0 {
			if th := an.FullMarksFrom; proportional && th != t && same(w*math.Min(a/th, 1)) {
				f.Detail, f.Args[0] = HintProportionalFrom, th
				return
			}
		}
		if same(w * t / a) {
			f.Detail = HintReverse
			return
		}
	}
	if raw := rv.raw[i]; ir.Kind == rules.Scored {
		p := num.Pow10(d)
		if trunc := math.Trunc(raw*p) / p; trunc != ir.Score && same(trunc) {
			f.Detail, f.Args[0] = HintTruncated, trunc
			return
		}
		if whole := num.Round(raw, 0); whole != ir.Score && same(whole) {
			f.Detail = HintWhole
		}
	}
}

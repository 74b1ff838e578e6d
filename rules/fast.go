package rules

import (
	"math"
	"sort"

	"jixiao/indicators"
	"jixiao/rules/analysis"
)

// table is a criterion's tiers flattened into sorted, disjoint stretches of one variable,
// each with the tier that fires there under first match. Evaluating it is a binary search:
// no expression runs. It is built only for criteria whose every condition the interval
// reader follows exactly and reads nothing but actual, or nothing but rate.
type table struct {
	rate    bool
	stretch []analysis.Interval
	tier    []int // the 0-based tier of each stretch
	lowEnds []float64
	conds   []analysis.Set // where each tier's condition holds, for Matching
	// out holds, per tier, its outcome when that does not depend on the environment (a
	// constant score or a range); final says which do.
	out   []Outcome
	final []bool
}

// input is the value the table looks up in env, and whether the table can take it (NaN and
// infinities are left to the expressions, which say why they cannot score).
func (t *table) input(env *Env) (float64, bool) {
	x := env.Actual
	if t.rate {
		x = env.Rate
	}
	return x, x-x == 0 // false for NaN and ±Inf
}

// lookup returns the 0-based tier that fires at x, or -1 where none does. A short table
// (the usual four or five tiers) is scanned; a long one is searched.
func (t *table) lookup(x float64) int {
	if len(t.stretch) <= 8 {
		for k := range t.stretch {
			if s := &t.stretch[k]; (x > s.Lo || x == s.Lo && s.LoClosed) && (x < s.Hi || x == s.Hi && s.HiClosed) {
				return t.tier[k]
			}
		}
		return -1
	}
	// The first stretch starting after x; x lies in the one before it, or at the start of it.
	i := sort.SearchFloat64s(t.lowEnds, x)
	for _, k := range [2]int{i, i - 1} {
		if k >= 0 && k < len(t.stretch) && t.stretch[k].Contains(x) {
			return t.tier[k]
		}
	}
	return -1
}

// fastTable builds the table of p, or returns nil when p's conditions are not all plain
// comparisons of actual alone or of rate alone.
func (p *Program) fastTable() *table {
	v, ok := p.variable()
	if !ok || p.uses != varActual && p.uses != varRate {
		return nil
	}
	conds := p.analysisTiers()
	for k := range conds { // the scores do not matter here: only where each tier fires
		conds[k].Score = analysis.Score{}
	}
	nan := func(string) float64 { return math.NaN() }
	a := analysis.Analyze(&analysis.Input{Var: v, Domain: analysis.Interval{Lo: math.Inf(-1), Hi: math.Inf(1)}, Tiers: conds,
		Values: nan, Direction: indicators.Equal})
	if a == nil {
		return nil
	}
	tb := &table{rate: v == analysis.VarRate, conds: a.Conds}
	type entry struct {
		iv   analysis.Interval
		tier int
	}
	var entries []entry
	for k, region := range a.Regions {
		for _, iv := range region {
			entries = append(entries, entry{iv, k})
		}
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i].iv, entries[j].iv
		if a.Lo != b.Lo {
			return a.Lo < b.Lo
		}
		return a.LoClosed && !b.LoClosed
	})
	for _, e := range entries {
		tb.stretch = append(tb.stretch, e.iv)
		tb.tier = append(tb.tier, e.tier)
		tb.lowEnds = append(tb.lowEnds, e.iv.Lo)
	}
	tiers := p.Criterion.Tiers
	tb.out = make([]Outcome, len(tiers))
	tb.final = make([]bool, len(tiers))
	for k := range tiers {
		t := &tiers[k]
		switch {
		case t.Range:
			tb.out[k], tb.final[k] = Outcome{Kind: Ranged, Min: t.Min, Max: t.Max, Tier: k + 1}, true
		case t.constant:
			tb.out[k], tb.final[k] = Outcome{Kind: Scored, Score: t.value, Tier: k + 1}, true
		}
	}
	return tb
}

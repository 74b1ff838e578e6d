package analysis

import (
	"math"
	"sort"
)

// sampleConds finds where each condition holds by evaluating the conditions, for criteria
// whose conditions cannot all be read as sets. The line is cut at every constant of every
// condition (as written, and converted between actual and rate); each condition is taken
// to be constant on each open stretch between cuts and is evaluated at the cut itself and
// in the middle of each stretch. The results are then as good as the cuts: sampled, not
// proved.
func sampleConds(in *Input, a *Analysis) []Set {
	var cuts []float64
	keep := func(x float64) {
		if !math.IsNaN(x) && !math.IsInf(x, 0) && a.Domain.Contains(x) {
			cuts = append(cuts, x)
		}
	}
	keep(a.Domain.Lo)
	keep(a.Domain.Hi)
	target := in.Values("target")
	for _, t := range in.Tiers {
		for _, x := range t.Consts {
			keep(x)
			if target > 0 {
				keep(x * target)
				keep(x / target)
			}
		}
	}
	sort.Float64s(cuts)
	cuts = dedupe(cuts)
	// Sample points: each cut, the middle of each stretch, and beyond the ends.
	type sample struct {
		x     float64
		point bool // a cut, not a stretch
	}
	var samples []sample
	if len(cuts) == 0 {
		samples = append(samples, sample{x: Representative(a.Domain)})
	}
	for i, x := range cuts {
		if i == 0 && a.Domain.Lo < x {
			samples = append(samples, sample{x: x - math.Max(1, math.Abs(x))})
		}
		samples = append(samples, sample{x: x, point: true})
		if i+1 < len(cuts) {
			samples = append(samples, sample{x: (x + cuts[i+1]) / 2})
		} else if a.Domain.Hi > x {
			samples = append(samples, sample{x: x + math.Max(1, math.Abs(x))})
		}
	}
	// The interval each sample stands for.
	spans := make([]Interval, len(samples))
	for i, s := range samples {
		switch {
		case s.point:
			spans[i] = Interval{Lo: s.x, Hi: s.x, LoClosed: true, HiClosed: true}
		default:
			lo, hi := math.Inf(-1), math.Inf(1)
			if i > 0 {
				lo = samples[i-1].x
			}
			if i+1 < len(samples) {
				hi = samples[i+1].x
			}
			spans[i] = Interval{Lo: lo, Hi: hi}
		}
	}
	dom := Range(a.Domain)
	out := make([][]Interval, len(in.Tiers))
	var hits []int
	for i, s := range samples {
		hits = in.Matching(s.x, hits[:0])
		for _, k := range hits {
			out[k-1] = append(out[k-1], spans[i])
		}
	}
	sets := make([]Set, len(in.Tiers))
	for k := range out {
		sets[k] = normalize(out[k]).Intersect(dom)
	}
	return sets
}

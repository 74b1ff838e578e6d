package analysis

import (
	"container/heap"
	"math"
	"sort"

	"jixiao/indicators"
)

// Variable is the quantity a criterion's conditions speak of.
type Variable uint8

// The variables an analysis can be carried out over.
const (
	VarActual Variable = iota
	VarRate
)

// String is the variable's name in expressions: actual or rate.
func (v Variable) String() string {
	if v == VarRate {
		return "rate"
	}
	return "actual"
}

// Tier is what the analysis needs of one tier.
type Tier struct {
	Cond   *Cond     // the condition, when it could be put in the form the analysis reads; nil otherwise
	Consts []float64 // the numbers the condition is written with: where sampling cuts the line
	Score  Score
}

// Score is what a tier scores, as far as the analysis needs it.
type Score struct {
	Kind     ScoreKind
	Min, Max float64 // ScoreConstant: both the score; ScoreRange: the range
}

// ScoreKind says what a tier scores.
type ScoreKind uint8

// The kinds of tier scores.
const (
	ScoreFormula  ScoreKind = iota // an expression: not known without a value
	ScoreConstant                  // one number
	ScoreRange                     // a discretionary range, the reviewer's choice
)

// Input is a tiered criterion of one indicator, to analyse.
type Input struct {
	Var       Variable
	Domain    Interval
	Tiers     []Tier
	Values    Values               // target, weight, prior and the funds, for the conditions' other variables
	Weight    float64              // the indicator's weight: a tier scoring it gives full marks
	Direction indicators.Direction // which way is better; Equal leaves monotonicity and full marks alone
	// Matching returns the 1-based tiers whose conditions hold where the variable is x,
	// appended to into. It is used to sample the conditions that cannot be read as sets;
	// without it such a criterion is left unanalysed.
	Matching func(x float64, into []int) []int
}

// Analysis is what a criterion's tiers do over the whole domain of its variable, found
// without any actual value: where no tier scores (gaps), where two tiers both hold
// (overlaps), which tiers can never fire under first-match order, whether a better value
// can score worse, and where full marks begin.
type Analysis struct {
	Var    Variable
	Domain Interval
	// Proved is true when every condition was read exactly as intervals; false when some
	// condition could not be, and the results come from evaluating the conditions at sample
	// points (every constant, just above and below it, and between neighbours).
	Proved bool

	Conds       []Set     // per tier, where its condition holds within the domain
	Regions     []Set     // per tier, where it fires under first match
	Gaps        Set       // where no tier holds
	Overlaps    []Overlap // where two tiers both hold
	Unreachable []int     // 1-based tiers that never fire
	Inversion   *Inversion
	// FullMarks is where a tier scoring the full weight fires, and FullMarksFrom where that
	// region begins (for lower-is-better, ends); FullMarksOK is false when there is no such
	// single region.
	FullMarks     Set
	FullMarksFrom float64
	FullMarksOK   bool
}

// Overlap is a region where tiers A and B (1-based, A < B) both hold: A fires there.
type Overlap struct {
	A, B   int
	Region Set
}

// Inversion is a pair of values where the better one scores lower.
type Inversion struct {
	Worse, Better           float64 // the values
	WorseTier, BetterTier   int     // the tiers that fire there
	WorseScore, BetterScore float64 // and their scores (the range's ends for a discretionary tier)
}

// Analyze analyses a tiered criterion. It returns nil when some condition cannot be read
// as a set and in.Matching is nil, so that it cannot be sampled either.
func Analyze(in *Input) *Analysis {
	a := &Analysis{Var: in.Var, Domain: in.Domain, Proved: true}
	dom := Range(a.Domain)
	for _, t := range in.Tiers {
		var s Set
		ok := t.Cond != nil
		if ok {
			s, ok = t.Cond.Set(in.Values, in.Var)
		}
		if !ok {
			a.Proved = false
			break
		}
		a.Conds = append(a.Conds, s.Intersect(dom))
	}
	if !a.Proved {
		if in.Matching == nil {
			return nil
		}
		a.Conds = sampleConds(in, a)
	}
	a.sweep(in)
	a.fullMarks(in)
	return a
}

// DomainOf is the range the variable can take for an indicator: its declared domain, else
// [0, 100] for a percentage, [0, 1] for rate, [0, +∞) for counts and money.
func DomainOf(ind *indicators.Indicator, v Variable, target float64) Interval {
	if ind.Domain != nil {
		lo, hi := ind.Domain[0], ind.Domain[1]
		if v == VarRate && target > 0 {
			lo, hi = lo/target, hi/target
		}
		return Interval{Lo: lo, Hi: hi, LoClosed: !math.IsInf(lo, -1), HiClosed: !math.IsInf(hi, 1)}
	}
	if v == VarRate {
		return Interval{Lo: 0, Hi: 1, LoClosed: true, HiClosed: true}
	}
	if ind.Unit == "%" || ind.Target.Percent || ind.Actual.Percent {
		return Interval{Lo: 0, Hi: 100, LoClosed: true, HiClosed: true}
	}
	return Interval{Lo: 0, Hi: math.Inf(1), LoClosed: true}
}

// pieces is the line cut at every boundary: each point v[i], and the open stretch after it.
type pieces struct{ v []float64 }

// index maps an interval end to its piece: point v[i] is 2i+1, the open stretch after v[i]
// is 2i+2, and the stretch before v[0] is 0.
func (ps pieces) index(x float64) int {
	i := sort.SearchFloat64s(ps.v, x)
	return 2*i + 1
}

func (ps pieces) start(iv Interval) int {
	if math.IsInf(iv.Lo, -1) {
		return 0
	}
	if iv.LoClosed {
		return ps.index(iv.Lo)
	}
	return ps.index(iv.Lo) + 1
}

func (ps pieces) end(iv Interval) int {
	if math.IsInf(iv.Hi, 1) {
		return 2 * len(ps.v)
	}
	if iv.HiClosed {
		return ps.index(iv.Hi)
	}
	return ps.index(iv.Hi) - 1
}

// interval is the interval that pieces from..to cover.
func (ps pieces) interval(from, to int) Interval {
	var iv Interval
	if from == 0 {
		iv.Lo = math.Inf(-1)
	} else if from%2 == 1 {
		iv.Lo, iv.LoClosed = ps.v[from/2], true
	} else {
		iv.Lo = ps.v[from/2-1]
	}
	if to == 2*len(ps.v) {
		iv.Hi = math.Inf(1)
	} else if to%2 == 1 {
		iv.Hi, iv.HiClosed = ps.v[to/2], true
	} else {
		iv.Hi = ps.v[to/2]
	}
	return iv
}

// intHeap is a min-heap of tier indices.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sweep walks the domain once, in O(n log n) for n interval ends, keeping the tiers whose
// condition holds in a heap: the smallest fires (first match), the next smallest overlaps.
func (a *Analysis) sweep(in *Input) {
	var bounds []float64
	add := func(x float64) {
		if !math.IsInf(x, 0) {
			bounds = append(bounds, x)
		}
	}
	add(a.Domain.Lo)
	add(a.Domain.Hi)
	for _, s := range a.Conds {
		for _, iv := range s {
			add(iv.Lo)
			add(iv.Hi)
		}
	}
	sort.Float64s(bounds)
	ps := pieces{v: dedupe(bounds)}
	n := 2*len(ps.v) + 1
	starts := make([][]int, n+1)
	ends := make([][]int, n+1)
	for k, s := range a.Conds {
		for _, iv := range s {
			from, to := ps.start(iv), ps.end(iv)
			if from > to {
				continue
			}
			starts[from] = append(starts[from], k)
			ends[to+1] = append(ends[to+1], k)
		}
	}
	domFrom, domTo := ps.start(a.Domain), ps.end(a.Domain)
	active := make([]bool, len(a.Conds))
	h := &intHeap{}
	top := func() int { // the smallest active tier, dropping stale entries
		for h.Len() > 0 && !active[(*h)[0]] {
			heap.Pop(h)
		}
		if h.Len() == 0 {
			return -1
		}
		return (*h)[0]
	}
	var runs []sweepRun
	for p := 0; p < n; p++ {
		for _, k := range ends[p] {
			active[k] = false
		}
		for _, k := range starts[p] {
			active[k] = true
			heap.Push(h, k)
		}
		if p < domFrom || p > domTo {
			continue
		}
		first, second := top(), -1
		if first >= 0 {
			heap.Pop(h)
			second = top()
			heap.Push(h, first)
		}
		if m := len(runs); m > 0 && runs[m-1].first == first && runs[m-1].second == second && runs[m-1].to == p-1 {
			runs[m-1].to = p
		} else {
			runs = append(runs, sweepRun{first, second, p, p})
		}
	}
	a.Regions = make([]Set, len(a.Conds))
	overlaps := map[[2]int]int{} // pair → index in a.Overlaps
	var gaps []Interval
	regions := make([][]Interval, len(a.Conds))
	for _, r := range runs {
		iv := ps.interval(r.from, r.to)
		if r.first < 0 {
			gaps = append(gaps, iv)
			continue
		}
		regions[r.first] = append(regions[r.first], iv)
		if r.second >= 0 {
			key := [2]int{r.first, r.second}
			i, ok := overlaps[key]
			if !ok {
				i = len(a.Overlaps)
				overlaps[key] = i
				a.Overlaps = append(a.Overlaps, Overlap{A: r.first + 1, B: r.second + 1})
			}
			a.Overlaps[i].Region = append(a.Overlaps[i].Region, iv)
		}
	}
	a.Gaps = normalize(gaps)
	for k := range regions {
		a.Regions[k] = normalize(regions[k])
		if a.Regions[k].Empty() {
			a.Unreachable = append(a.Unreachable, k+1)
		}
	}
	for i := range a.Overlaps {
		a.Overlaps[i].Region = normalize(a.Overlaps[i].Region)
	}
	a.Inversion = inversion(in, runs, ps)
}

// sweepRun is a stretch of pieces where the same tier fires and the same tier (or none,
// -1) holds next.
type sweepRun struct {
	first, second int
	from, to      int
}

func dedupe(xs []float64) []float64 {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// inversion finds the first place, walking the domain upwards, where a better value scores
// lower than a worse one: for higher-is-better, a higher value; for lower-is-better, lower.
func inversion(in *Input, runs []sweepRun, ps pieces) *Inversion {
	dir := in.Direction
	if dir == indicators.Equal {
		return nil
	}
	type seen struct {
		tier   int
		score  float64 // the worst the tier can score (for higher-is-better, its low end)
		region Interval
	}
	var best *seen
	order := runs
	if dir == indicators.Lower {
		order = make([]sweepRun, len(runs))
		for i := range runs {
			order[len(runs)-1-i] = runs[i]
		}
	}
	for _, r := range order {
		if r.first < 0 {
			continue
		}
		s := in.Tiers[r.first].Score
		if s.Kind == ScoreFormula {
			continue
		}
		lo, hi := s.Min, s.Max
		iv := ps.interval(r.from, r.to)
		if best != nil && hi < best.score {
			worse, better := Representative(best.region), Representative(iv)
			return &Inversion{Worse: worse, Better: better, WorseTier: best.tier + 1, BetterTier: r.first + 1,
				WorseScore: best.score, BetterScore: hi}
		}
		if best == nil || lo > best.score {
			best = &seen{tier: r.first, score: lo, region: iv}
		}
	}
	return nil
}

// Representative picks a value inside the interval that a person would pick: the one with
// the fewest decimals nearest its middle.
func Representative(iv Interval) float64 {
	if iv.Point() {
		return iv.Lo
	}
	lo, hi := iv.Lo, iv.Hi
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		return 0
	case math.IsInf(hi, 1):
		hi = lo + math.Max(1, math.Abs(lo))
	case math.IsInf(lo, -1):
		lo = hi - math.Max(1, math.Abs(hi))
	}
	mid := (lo + hi) / 2
	for d := 0; d <= 9; d++ {
		step := math.Pow(10, -float64(d))
		x := math.Round(math.Round(mid/step)*step*1e9) / 1e9
		if x > iv.Lo && x < iv.Hi { // strictly inside: an end is no example of the middle
			return x
		}
	}
	return mid
}

// fullMarks finds where a tier scoring the whole weight fires, and where that begins.
func (a *Analysis) fullMarks(in *Input) {
	w := in.Weight
	var full Set
	for k, t := range in.Tiers {
		if t.Score.Kind == ScoreConstant && w > 0 && math.Abs(t.Score.Min-w) < 1e-9 {
			full = full.Union(a.Regions[k])
		}
	}
	a.FullMarks = full
	if len(full) != 1 {
		return
	}
	iv := full[0]
	switch in.Direction {
	case indicators.Higher:
		if iv.Hi == a.Domain.Hi && !math.IsInf(iv.Lo, -1) {
			a.FullMarksFrom, a.FullMarksOK = iv.Lo, true
		}
	case indicators.Lower:
		if iv.Lo == a.Domain.Lo && !math.IsInf(iv.Hi, 1) {
			a.FullMarksFrom, a.FullMarksOK = iv.Hi, true
		}
	}
}

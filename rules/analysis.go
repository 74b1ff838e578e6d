package rules

import (
	"container/heap"
	"math"
	"sort"

	"github.com/expr-lang/expr/ast"

	"jixiao/indicators"
)

// Variable is the quantity a criterion's conditions speak of.
type Variable string

// The variables an analysis can be carried out over.
const (
	VarActual Variable = "actual"
	VarRate   Variable = "rate"
)

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

// Analyze analyses a tiered criterion of indicator ind in project p. It reports false when
// there is nothing to analyse: no tiers, or conditions on the text of the actual value.
func (c *Criterion) Analyze(p *indicators.Project) (*Analysis, bool) {
	if len(c.Tiers) == 0 {
		return nil, false
	}
	var uses variable
	for _, t := range c.Tiers {
		uses |= t.when.uses
	}
	if uses&varText != 0 || uses&(varActual|varRate) == 0 {
		return nil, false
	}
	ind := c.Indicator
	env := NewEnv(p, ind)
	a := &Analysis{Var: VarActual, Proved: true}
	if uses&varActual == 0 {
		a.Var = VarRate
	}
	a.Domain = domainOf(ind, a.Var, env.Target)
	dom := Range(a.Domain)
	for _, t := range c.Tiers {
		node := t.when.program.Node()
		s, ok := condSet(node, &env, a.Var)
		if !ok {
			a.Proved = false
			break
		}
		a.Conds = append(a.Conds, s.Intersect(dom))
	}
	if !a.Proved {
		a.Conds = c.sampleConds(p, a, &env)
	}
	a.sweep(c)
	a.fullMarks(c)
	return a, true
}

// analysisKey is what an analysis depends on besides the tiers themselves.
type analysisKey struct {
	weight, target, prior float64
	targetNum, priorNum   bool
	percent, hasDomain    bool
	domain                [2]float64
	direction             indicators.Direction
}

// maxAnalyses bounds the analyses one set of tiers keeps.
const maxAnalyses = 1000

// CachedAnalysis is Analyze, shared among criteria written alike (the same tiers on the same
// weight, target and unit): the analysis of a repeated criterion is looked up, not redone.
// Criteria whose conditions read funds or text are analysed each time.
func (c *Criterion) CachedAnalysis(p *indicators.Project) (*Analysis, bool) {
	t := c.template
	if t == nil || !c.shareable() {
		return c.Analyze(p)
	}
	ind := c.Indicator
	key := analysisKey{weight: ind.Weight, target: ind.Target.Num, prior: ind.Prior.Num, targetNum: ind.Target.IsNum,
		priorNum: ind.Prior.IsNum, percent: ind.Unit == "%" || ind.Target.Percent || ind.Actual.Percent, direction: ind.Direction}
	if ind.Domain != nil {
		key.hasDomain, key.domain = true, *ind.Domain
	}
	if a, ok := t.analyses[key]; ok {
		return a, a != nil
	}
	a, ok := c.Analyze(p)
	if !ok {
		a = nil
	}
	if t.analyses == nil {
		t.analyses = map[analysisKey]*Analysis{}
	}
	if len(t.analyses) < maxAnalyses {
		t.analyses[key] = a
	}
	return a, ok
}

// shareable reports whether the analysis depends only on the tiers and the indicator's
// weight, target, prior, unit, domain and direction.
func (c *Criterion) shareable() bool {
	for _, t := range c.Tiers {
		if t.when == nil || t.when.uses&^(varActual|varRate|varTarget|varPrior) != 0 {
			return false
		}
	}
	return true
}

// domainOf is the range the variable can take: the indicator's declared domain, else
// [0, 100] for a percentage, [0, 1] for rate, [0, +∞) for counts and money.
func domainOf(ind *indicators.Indicator, v Variable, target float64) Interval {
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

// linear is a·x + b in the analysed variable x.
type linear struct{ a, b float64 }

// linearOf reads a numeric expression as linear in the variable, substituting the
// indicator's known values for target, weight, prior and funds.
func linearOf(n ast.Node, env *Env, v Variable) (linear, bool) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return linear{b: float64(n.Value)}, true
	case *ast.FloatNode:
		return linear{b: n.Value}, true
	case *ast.ConstantNode:
		switch x := n.Value.(type) {
		case int:
			return linear{b: float64(x)}, true
		case float64:
			return linear{b: x}, true
		}
	case *ast.IdentifierNode:
		switch n.Value {
		case "actual":
			if v == VarActual {
				return linear{a: 1}, true
			}
			return constant(env.Target, 0) // actual = rate × target
		case "rate":
			if v == VarRate {
				return linear{a: 1}, true
			}
			if env.Target > 0 { // rate = actual / target
				return linear{a: 1 / env.Target}, true
			}
		case "target":
			return constant(0, env.Target)
		case "weight":
			return constant(0, env.Weight)
		case "prior":
			return constant(0, env.Prior)
		}
	case *ast.MemberNode:
		if id, ok := n.Node.(*ast.IdentifierNode); ok && id.Value == "funds" {
			if prop, ok := n.Property.(*ast.StringNode); ok {
				return constant(0, fundsField(env.Funds, prop.Value))
			}
		}
	case *ast.UnaryNode:
		if x, ok := linearOf(n.Node, env, v); ok {
			switch n.Operator {
			case "-":
				return linear{-x.a, -x.b}, true
			case "+":
				return x, true
			}
		}
	case *ast.BinaryNode:
		l, ok1 := linearOf(n.Left, env, v)
		r, ok2 := linearOf(n.Right, env, v)
		if !ok1 || !ok2 {
			return linear{}, false
		}
		switch n.Operator {
		case "+":
			return linear{l.a + r.a, l.b + r.b}, true
		case "-":
			return linear{l.a - r.a, l.b - r.b}, true
		case "*":
			if l.a == 0 {
				return linear{r.a * l.b, r.b * l.b}, true
			}
			if r.a == 0 {
				return linear{l.a * r.b, l.b * r.b}, true
			}
		case "/":
			if r.a == 0 && r.b != 0 {
				return linear{l.a / r.b, l.b / r.b}, true
			}
		}
	}
	return linear{}, false
}

// constant is a linear form that does not depend on the variable; for "actual" read as a
// rate it is target·x, hence the two arguments (a, b).
func constant(a, b float64) (linear, bool) {
	if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return linear{}, false
	}
	return linear{a: a, b: b}, true
}

func fundsField(f FundsEnv, name string) float64 {
	switch name {
	case "budget":
		return f.Budget
	case "adjustment":
		return f.Adjustment
	case "allocated":
		return f.Allocated
	case "balance":
		return f.Balance
	case "received":
		return f.Received
	case "spent":
		return f.Spent
	case "unspent":
		return f.Unspent
	case "unspent_rate":
		return f.UnspentRate
	case "full_year_budget":
		return f.FullYearBudget
	case "execution_rate":
		return f.ExecutionRate
	}
	return math.NaN()
}

// condSet reads a condition as the set of values of the variable where it holds.
func condSet(n ast.Node, env *Env, v Variable) (Set, bool) {
	switch n := n.(type) {
	case *ast.BoolNode:
		if n.Value {
			return All(), true
		}
		return nil, true
	case *ast.ConstantNode:
		if b, ok := n.Value.(bool); ok {
			if b {
				return All(), true
			}
			return nil, true
		}
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			if s, ok := condSet(n.Node, env, v); ok {
				return s.Complement(), true
			}
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "&&", "and":
			l, ok1 := condSet(n.Left, env, v)
			r, ok2 := condSet(n.Right, env, v)
			return l.Intersect(r), ok1 && ok2
		case "||", "or":
			l, ok1 := condSet(n.Left, env, v)
			r, ok2 := condSet(n.Right, env, v)
			return l.Union(r), ok1 && ok2
		case "<", "<=", ">", ">=", "==", "!=":
			l, ok1 := linearOf(n.Left, env, v)
			r, ok2 := linearOf(n.Right, env, v)
			if !ok1 || !ok2 {
				return nil, false
			}
			return compare(linear{l.a - r.a, l.b - r.b}, n.Operator), true
		}
	}
	return nil, false
}

// compare returns where a·x + b (op) 0.
func compare(f linear, op string) Set {
	if f.a == 0 {
		holds := false
		switch op {
		case "<":
			holds = f.b < 0
		case "<=":
			holds = f.b <= 0
		case ">":
			holds = f.b > 0
		case ">=":
			holds = f.b >= 0
		case "==":
			holds = f.b == 0
		case "!=":
			holds = f.b != 0
		}
		if holds {
			return All()
		}
		return nil
	}
	x := -f.b / f.a
	if f.a < 0 { // dividing by a negative turns the comparison round
		switch op {
		case "<":
			op = ">"
		case "<=":
			op = ">="
		case ">":
			op = "<"
		case ">=":
			op = "<="
		}
	}
	inf := math.Inf(1)
	switch op {
	case "<":
		return Range(Interval{Lo: -inf, Hi: x})
	case "<=":
		return Range(Interval{Lo: -inf, Hi: x, HiClosed: true})
	case ">":
		return Range(Interval{Lo: x, Hi: inf})
	case ">=":
		return Range(Interval{Lo: x, Hi: inf, LoClosed: true})
	case "==":
		return Range(Interval{Lo: x, Hi: x, LoClosed: true, HiClosed: true})
	}
	return Range(Interval{Lo: x, Hi: x, LoClosed: true, HiClosed: true}).Complement() // !=
}

// piece is one elementary part of the line cut at every boundary: the point v[i] (point)
// or the open stretch after it.
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
func (a *Analysis) sweep(c *Criterion) {
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
	a.Inversion = inversion(c, runs, ps)
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

// scoreRange is what a tier can score: its constant, its discretionary range, or false
// when the score is an expression.
func scoreRange(t *Tier) (lo, hi float64, ok bool) {
	if t.Range {
		return t.Min, t.Max, true
	}
	if s, isConst := t.ConstScore(); isConst {
		return s, s, true
	}
	return 0, 0, false
}

// inversion finds the first place, walking the domain upwards, where a better value scores
// lower than a worse one: for higher-is-better, a higher value; for lower-is-better, lower.
func inversion(c *Criterion, runs []sweepRun, ps pieces) *Inversion {
	dir := c.Indicator.Direction
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
		lo, hi, ok := scoreRange(&c.Tiers[r.first])
		if !ok {
			continue
		}
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
func (a *Analysis) fullMarks(c *Criterion) {
	w := c.Indicator.Weight
	var full Set
	for k, t := range c.Tiers {
		if s, ok := t.ConstScore(); ok && w > 0 && math.Abs(s-w) < 1e-9 {
			full = full.Union(a.Regions[k])
		}
	}
	a.FullMarks = full
	if len(full) != 1 {
		return
	}
	iv := full[0]
	switch c.Indicator.Direction {
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

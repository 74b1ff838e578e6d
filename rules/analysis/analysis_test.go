package analysis

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
)

// cmp is actual (op) x.
func cmp(op string, x float64) *Cond {
	return &Cond{Op: Compare, Cmp: op, L: &Term{Name: "actual"}, R: &Term{Num: x}}
}

func and(x, y *Cond) *Cond { return &Cond{Op: And, X: x, Y: y} }

func constScore(s float64) Score { return Score{Kind: ScoreConstant, Min: s, Max: s} }

func noValues(string) float64 { return math.NaN() }

// The seed's 社保参保率 criterion, read as sets without any expression.
func TestAnalyzeConds(t *testing.T) {
	in := &Input{
		Var: VarActual, Domain: Interval{Lo: 0, Hi: 100, LoClosed: true, HiClosed: true},
		Tiers: []Tier{
			{Cond: cmp(">=", 99.22), Score: constScore(20)},
			{Cond: and(cmp(">=", 98.5), cmp("<", 99.22)), Score: constScore(18)},
			{Cond: and(cmp(">=", 98), cmp("<", 98.5)), Score: constScore(15)},
			{Cond: cmp("<", 95), Score: constScore(0)},
		},
		Values: noValues, Weight: 20, Direction: indicators.Higher,
	}
	a := Analyze(in)
	require.NotNil(t, a)
	assert.True(t, a.Proved)
	assert.Equal(t, "[95, 98)", a.Gaps.String())
	assert.True(t, a.FullMarksOK)
	assert.Equal(t, 99.22, a.FullMarksFrom)
	assert.Nil(t, a.Inversion)
}

// Terms in other variables take the indicator's values; rate is actual / target.
func TestCondValues(t *testing.T) {
	vals := func(name string) float64 {
		return map[string]float64{"target": 80, "weight": 10}[name]
	}
	// actual >= target × 0.9
	c := &Cond{Op: Compare, Cmp: ">=", L: &Term{Name: "actual"}, R: &Term{Op: '*', X: &Term{Name: "target"}, Y: &Term{Num: 0.9}}}
	s, ok := c.Set(vals, VarActual)
	require.True(t, ok)
	assert.Equal(t, "[72, +∞)", s.String())
	// rate < 1, read over actual
	c = &Cond{Op: Compare, Cmp: "<", L: &Term{Name: "rate"}, R: &Term{Num: 1}}
	s, ok = c.Set(vals, VarActual)
	require.True(t, ok)
	assert.Equal(t, "(−∞, 80)", s.String())
	// -actual > -50 turns round
	c = &Cond{Op: Compare, Cmp: ">", L: &Term{Op: 'n', X: &Term{Name: "actual"}}, R: &Term{Num: -50}}
	s, ok = c.Set(vals, VarActual)
	require.True(t, ok)
	assert.Equal(t, "(−∞, 50)", s.String())
	// actual × actual is not linear; prior is not given
	for _, c := range []*Cond{
		{Op: Compare, Cmp: ">", L: &Term{Op: '*', X: &Term{Name: "actual"}, Y: &Term{Name: "actual"}}, R: &Term{Num: 1}},
		{Op: Compare, Cmp: ">", L: &Term{Name: "actual"}, R: &Term{Name: "prior"}},
	} {
		_, ok := c.Set(func(name string) float64 {
			if name == "prior" {
				return math.NaN()
			}
			return vals(name)
		}, VarActual)
		assert.False(t, ok)
	}
}

// A condition not in the form is sampled through Matching, and the analysis says so; without
// Matching there is no analysis.
func TestAnalyzeSamples(t *testing.T) {
	in := &Input{
		Var: VarActual, Domain: Interval{Lo: 0, Hi: 100, LoClosed: true, HiClosed: true},
		Tiers: []Tier{
			{Consts: []float64{90}, Score: constScore(10)}, // round(actual) >= 90, say
			{Cond: cmp("<", 80), Consts: []float64{80}, Score: constScore(0)},
		},
		Values: noValues, Weight: 10, Direction: indicators.Higher,
	}
	assert.Nil(t, Analyze(in))
	in.Matching = func(x float64, into []int) []int {
		if math.Round(x) >= 90 {
			into = append(into, 1)
		}
		if x < 80 {
			into = append(into, 2)
		}
		return into
	}
	a := Analyze(in)
	require.NotNil(t, a)
	assert.False(t, a.Proved)
	assert.True(t, a.Gaps.Contains(85), "85 is in no tier: %s", a.Gaps)
	assert.False(t, a.Gaps.Contains(95))
}

func TestSetOperations(t *testing.T) {
	inf := math.Inf(1)
	a := Range(Interval{Lo: 0, Hi: 10, LoClosed: true})
	b := Range(Interval{Lo: 5, Hi: inf, LoClosed: true})
	assert.Equal(t, "[5, 10)", a.Intersect(b).String())
	assert.Equal(t, "[0, +∞)", a.Union(b).String())
	assert.Equal(t, "(−∞, 0) ∪ [10, +∞)", a.Complement().String())
	assert.Equal(t, "[0, 5)", a.Minus(b).String())
	assert.Equal(t, "[0, 10]", a.Union(Range(Interval{Lo: 10, Hi: 10, LoClosed: true, HiClosed: true})).String())
	assert.True(t, a.Contains(0))
	assert.False(t, a.Contains(10))
}

func TestRepresentative(t *testing.T) {
	for _, tt := range []struct {
		iv   Interval
		want float64
	}{
		{Interval{Lo: 0, Hi: 0.8, LoClosed: true, HiClosed: true}, 0.4},
		{Interval{Lo: 0.8, Hi: 1}, 0.9},
		{Interval{Lo: 90, Hi: 95, LoClosed: true}, 93},
		{Interval{Lo: 98.5, Hi: 99.22, LoClosed: true}, 99},
		{Interval{Lo: 217100, Hi: math.Inf(1), LoClosed: true}, 325650},
		{Interval{Lo: 7, Hi: 7, LoClosed: true, HiClosed: true}, 7},
	} {
		assert.Equal(t, tt.want, Representative(tt.iv), "Representative(%s)", tt.iv)
	}
}

package rules

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
)

// bothPaths compiles one indicator's tiers with and without the fast path.
func bothPaths(t testing.TB, tiers []string, target float64) (fast, slow *Program, p *indicators.Project) {
	var b strings.Builder
	fmt.Fprintf(&b, "[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\ntarget = %v\nactual = 1\nweight = 20\ntiers = [\n", target)
	for _, tr := range tiers {
		b.WriteString("  " + tr + ",\n")
	}
	b.WriteString("]\n")
	p, err := indicators.Parse("t.toml", []byte(b.String()), indicators.Limits{MaxTiers: 1000})
	require.NoError(t, err)
	fc, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	c := NewCompiler(Limits{})
	c.NoFastPath = true
	sc, err := c.Project(p)
	require.NoError(t, err)
	return fc[0], sc[0], p
}

// same reports whether two outcomes are the same in every respect a result shows.
func same(a, b Outcome) bool {
	return a.Kind == b.Kind && a.Tier == b.Tier && a.Reason == b.Reason &&
		(a.Score == b.Score || math.IsNaN(a.Score) && math.IsNaN(b.Score)) && a.Min == b.Min && a.Max == b.Max
}

// compareAt evaluates both paths at x and fails on any difference.
func compareAt(t testing.TB, fast, slow *Program, p *indicators.Project, x float64) {
	ind := p.Indicators[0]
	ind.Actual = indicators.NumberValue(x)
	env := NewEnv(p, ind)
	a, b := fast.Eval(&env), slow.Eval(&env)
	if !same(a, b) {
		t.Fatalf("at %v: fast path %+v, expressions %+v", x, a, b)
	}
}

// probes are the values worth trying: every constant, a hair either side, and randoms.
func probes(constants []float64, rng *rand.Rand, n int) []float64 {
	var out []float64
	for _, c := range constants {
		out = append(out, c, math.Nextafter(c, math.Inf(-1)), math.Nextafter(c, math.Inf(1)), c-0.001, c+0.001)
	}
	for i := 0; i < n; i++ {
		out = append(out, rng.Float64()*120-10)
	}
	return append(out, 0, -1, 1e9, math.Inf(1), math.Inf(-1))
}

func TestFastPathMatchesExpressions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	criteria := []struct {
		tiers  []string
		target float64
		consts []float64
	}{
		{[]string{tier("actual >= 99.22", 20), tier("actual >= 98.5 && actual < 99.22", 18), tier("actual >= 98 && actual < 98.5", 15), tier("actual < 98", 0)}, 99.6, []float64{99.22, 98.5, 98}},
		{[]string{tier("rate >= 1", 10), tier("rate <= 0.8", 8), tier("rate < 1", 5)}, 73, []float64{73, 58.4}},
		{[]string{tier("actual >= 100", 10), tier("actual >= 95 && actual < 100", 5), tier("actual < 95 && actual < 90", 0)}, 100, []float64{100, 95, 90}},
		{[]string{tier("actual > 98.5", 10), tier("actual < 98.5", 0)}, 99, []float64{98.5}},
		{[]string{tier("!(actual < 90) || actual == 50", 10), tier("actual >= 60 && actual != 70", 5)}, 99, []float64{90, 50, 60, 70}},
		{[]string{tier("actual >= 100", 20), `{ when = "actual > 0 && actual < 100", min = 15, max = 18 }`, tier("actual <= 0", 0)}, 100, []float64{100, 0}},
		{[]string{tier("actual >= 90", 10), `{ when = "actual < 90", score = "weight * actual / 100" }`}, 100, []float64{90}},
	}
	for i, cr := range criteria {
		fast, slow, p := bothPaths(t, cr.tiers, cr.target)
		require.NotNil(t, fast.fast, "criterion %d has a fast table", i)
		require.Nil(t, slow.fast)
		for _, x := range probes(cr.consts, rng, 2000) {
			compareAt(t, fast, slow, p, x)
		}
	}
}

func TestFastPathNotForOtherConditions(t *testing.T) {
	for _, tiers := range [][]string{
		{tier("round(actual) >= 90", 10)},
		{tier("actual >= target", 10)},
		{tier("actual >= 90 && rate >= 1", 10)},
		{`{ when = "text == '达成'", score = "10" }`},
	} {
		fast, _, _ := bothPaths(t, tiers, 100)
		require.Nil(t, fast.fast, "%v", tiers)
	}
}

// FuzzFastPath builds a criterion of random thresholds and operators and compares the two
// paths at a random value and at every threshold.
func FuzzFastPath(f *testing.F) {
	f.Add(99.22, 98.5, 98.0, uint8(0), 98.67)
	f.Add(1.0, 0.8, 0.5, uint8(7), 0.8)
	f.Add(100.0, 95.0, 90.0, uint8(3), 92.0)
	f.Fuzz(func(t *testing.T, a, b, c float64, ops uint8, x float64) {
		for _, v := range []float64{a, b, c, x} {
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e12 {
				return
			}
		}
		sign := []string{">=", ">", "<=", "<"}
		cond := func(i int, v float64) string {
			return fmt.Sprintf("actual %s %v", sign[(int(ops)>>(2*i))&3], v)
		}
		tiers := []string{
			tier(cond(0, a), 10),
			tier(cond(1, b)+" && "+cond(2, a), 8),
			tier("!("+cond(3, c)+") || actual == "+fmt.Sprint(b), 5),
		}
		fast, slow, p := bothPaths(t, tiers, 100)
		if fast.fast == nil {
			t.Fatalf("no fast table for %v", tiers)
		}
		for _, v := range []float64{x, a, b, c, math.Nextafter(a, math.Inf(1)), math.Nextafter(b, math.Inf(-1))} {
			compareAt(t, fast, slow, p, v)
		}
	})
}

func benchmarkEval(b *testing.B, noFast bool) {
	fast, slow, p := bothPaths(b, []string{tier("actual >= 99.22", 20), tier("actual >= 98.5 && actual < 99.22", 18),
		tier("actual >= 98 && actual < 98.5", 15), tier("actual < 98", 0)}, 99.6)
	crit := fast
	if noFast {
		crit = slow
	}
	rng := rand.New(rand.NewPCG(20240601, 0))
	values := make([]float64, 1<<20)
	for i := range values {
		values[i] = float64(97000+rng.IntN(3001)) / 1000 // the anchors' grid: 97.000 … 100.000
	}
	env := NewEnv(p, p.Indicators[0])
	b.ResetTimer()
	i := 0
	for b.Loop() {
		env.Actual = values[i&(len(values)-1)]
		if o := crit.Eval(&env); o.Kind != Scored {
			b.Fatal(o)
		}
		i++
	}
}

// The seed's 社保参保率 criterion, as the anchors measure it (see BENCHMARKS.md).
func BenchmarkEvalFastPath(b *testing.B) { benchmarkEval(b, false) }
func BenchmarkEvalExprPath(b *testing.B) { benchmarkEval(b, true) }

// The program that runs every condition at once gives what trying the tiers one by one
// gives: the first tier that holds, the input a tier lacks (stopping the tiers there, even
// if a later tier holds), the tier that fails and why.
func TestFirstTierProgramMatchesTiers(t *testing.T) {
	criteria := [][]string{
		{tier("round(actual) >= 90", 10), tier("round(actual) >= 60", 6), tier("true", 0)},
		{tier("actual >= target", 10), tier("actual >= prior", 8), tier("text == '达成'", 5)},
		{tier("text == '达成'", 10), tier("actual >= 90", 8), tier("!(actual < 50)", 4)},
		{tier("actual > 90 || rate >= 1", 10), tier("len(repeat('x', int(actual) * 100000)) > 5", 5), tier("actual >= 0", 1)},
		{tier("actual >= 90", 10), `{ when = "actual >= 60", score = "weight * actual / 100" }`, tier("actual / (actual - 50) > 1", 2)},
		{tier("funds.execution_rate >= 0.9 && actual >= 90", 10), tier("actual >= 0", 3)},
	}
	values := []indicators.Value{indicators.NumberValue(95), indicators.NumberValue(70), indicators.NumberValue(50),
		indicators.NumberValue(-1), indicators.NumberValue(1e6), indicators.ParseValue("达成"), indicators.ParseValue("较好"), {}}
	for i, tiers := range criteria {
		var b strings.Builder
		fmt.Fprintf(&b, "[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\ntarget = 80\nweight = 20\ntiers = [\n")
		for _, tr := range tiers {
			b.WriteString("  " + tr + ",\n")
		}
		b.WriteString("]\n")
		p, err := indicators.Parse("t.toml", []byte(b.String()), indicators.Limits{})
		require.NoError(t, err)
		c := NewCompiler(Limits{})
		c.NoFastPath = true
		progs, err := c.Project(p)
		require.NoError(t, err)
		one := progs[0]
		require.NotNil(t, one.first, "criterion %d has a program of its conditions", i)
		byTier := *one
		byTier.first = nil
		for _, v := range values {
			p.Indicators[0].Actual = v
			env := NewEnv(p, p.Indicators[0])
			a, b := one.Eval(&env), byTier.Eval(&env)
			assert.Equal(t, b, a, "criterion %d at %q", i, v.Text)
		}
	}
}

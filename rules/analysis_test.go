package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/rules/analysis"
)

// analyze compiles one indicator with the given tiers and analyses it.
func analyze(t *testing.T, head string, tiers ...string) *analysis.Analysis {
	t.Helper()
	body := head + "\ntiers = [\n"
	for _, tier := range tiers {
		body += "  " + tier + ",\n"
	}
	body += "]\n"
	p := project(t, body)
	crit, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	env := NewEnv(p, p.Indicators[0])
	a := crit[0].Analysis(&env, p.Indicators[0])
	require.NotNil(t, a, "nothing to analyse")
	return a
}

func tier(when string, score float64) string {
	return fmt.Sprintf("{ when = %q, score = \"%v\" }", when, score)
}

const pct = "target = 100\nunit = \"%\"\nweight = 10"

func TestAnalysisSeedCriteria(t *testing.T) {
	t.Run("覆盖乡镇率: a gap [90, 95)", func(t *testing.T) {
		a := analyze(t, pct, tier("actual >= 100", 10), tier("actual >= 95 && actual < 100", 5), tier("actual < 95 && actual < 90", 0))
		assert.True(t, a.Proved)
		assert.Equal(t, "[90, 95)", a.Gaps.String())
		assert.Empty(t, a.Overlaps)
		assert.Empty(t, a.Unreachable)
		assert.Nil(t, a.Inversion)
	})
	t.Run("资金投入: overlap rate ∈ [0, 0.8], non-monotonic", func(t *testing.T) {
		a := analyze(t, "target = 73\nweight = 10", tier("rate >= 1", 10), tier("rate <= 0.8", 8), tier("rate < 1", 5))
		assert.Equal(t, analysis.VarRate, a.Var)
		assert.Equal(t, "[0, 1]", a.Domain.String())
		assert.Empty(t, a.Gaps)
		require.Len(t, a.Overlaps, 1)
		assert.Equal(t, analysis.Overlap{A: 2, B: 3, Region: analysis.Set{{Lo: 0, Hi: 0.8, LoClosed: true, HiClosed: true}}}, a.Overlaps[0])
		require.NotNil(t, a.Inversion)
		assert.Equal(t, analysis.Inversion{Worse: 0.4, Better: 0.9, WorseTier: 2, BetterTier: 3, WorseScore: 8, BetterScore: 5}, *a.Inversion)
		assert.Equal(t, "(0.8, 1)", a.Regions[2].String(), "tier 3 fires only above 0.8")
	})
	t.Run("社保参保率: full marks from 99.22", func(t *testing.T) {
		a := analyze(t, "target = 99.60\nunit = \"%\"\nweight = 20",
			tier("actual >= 99.22", 20), tier("actual >= 98.5 && actual < 99.22", 18), tier("actual >= 98 && actual < 98.5", 15), tier("actual < 98", 0))
		assert.Empty(t, a.Gaps)
		assert.Empty(t, a.Overlaps)
		assert.Nil(t, a.Inversion)
		assert.True(t, a.FullMarksOK)
		assert.Equal(t, 99.22, a.FullMarksFrom)
	})
}

func TestAnalysisEnds(t *testing.T) {
	tests := []struct {
		name  string
		tiers []string
		gaps  string
	}{
		{"closed next to open at the same constant: no gap", []string{tier("actual >= 98.5", 10), tier("actual < 98.5", 0)}, "∅"},
		{"open on both sides: a gap at exactly 98.5", []string{tier("actual > 98.5", 10), tier("actual < 98.5", 0)}, "[98.5, 98.5]"},
		{"closed on both sides: no gap, an overlap", []string{tier("actual >= 98.5", 10), tier("actual <= 98.5", 0)}, "∅"},
		{"descending order", []string{tier("actual < 60", 0), tier("actual >= 60 && actual < 90", 5), tier("actual >= 90", 10)}, "∅"},
		{"|| joins two stretches", []string{tier("actual < 10 || actual >= 90", 10), tier("actual >= 10 && actual < 80", 5)}, "[80, 90)"},
		{"! complements", []string{tier("!(actual < 90)", 10), tier("not (actual >= 60)", 0)}, "[60, 90)"},
		{"rate vs actual mixed", []string{tier("rate >= 0.9", 10), tier("actual < 80", 0)}, "[80, 90)"},
		{"linear in actual", []string{tier("actual / target >= 0.95", 10), tier("actual * 2 < 150", 0)}, "[75, 95)"},
		{"beyond the domain is no gap", []string{tier("actual >= 50", 10), tier("actual >= 0 && actual < 50", 5)}, "∅"},
		{"below zero is outside a percentage", []string{tier("actual >= 50", 10), tier("actual > 0 && actual < 50", 5)}, "[0, 0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyze(t, pct, tt.tiers...)
			assert.True(t, a.Proved)
			assert.Equal(t, tt.gaps, a.Gaps.String())
		})
	}
}

func TestAnalysisOverlapAndUnreachable(t *testing.T) {
	a := analyze(t, pct, tier("actual >= 98.5", 10), tier("actual <= 98.5", 0))
	require.Len(t, a.Overlaps, 1)
	assert.Equal(t, "[98.5, 98.5]", a.Overlaps[0].Region.String())

	a = analyze(t, pct, tier("actual >= 60", 10), tier("actual >= 90", 10), tier("actual < 60", 0))
	assert.Equal(t, []int{2}, a.Unreachable, "tier 2 lies inside tier 1")
	require.Len(t, a.Overlaps, 1)
	assert.Equal(t, 1, a.Overlaps[0].A)
	assert.Equal(t, 2, a.Overlaps[0].B)

	a = analyze(t, pct, tier("actual > 100", 10), tier("actual <= 100", 5))
	assert.Equal(t, []int{1}, a.Unreachable, "nothing in [0, 100] exceeds 100")
}

func TestAnalysisMonotonic(t *testing.T) {
	a := analyze(t, "target = \"≤5天\"\nweight = 10", tier("actual <= 5", 10), tier("actual > 5 && actual <= 8", 6), tier("actual > 8", 0))
	assert.Nil(t, a.Inversion, "lower-is-better, scores fall as days rise")
	a = analyze(t, "target = \"≤5天\"\nweight = 10", tier("actual <= 5", 6), tier("actual > 5", 10))
	require.NotNil(t, a.Inversion, "lower-is-better scoring more for more days")
	assert.Equal(t, 2, a.Inversion.WorseTier, "more days: worse")
	assert.Equal(t, 1, a.Inversion.BetterTier)
	a = analyze(t, pct, tier("actual >= 90", 10), tier("actual < 90", 0), tier("actual < 50", 5))
	assert.Nil(t, a.Inversion, "an unreachable tier does not count")
	assert.Equal(t, []int{3}, a.Unreachable)
}

func TestAnalysisSampled(t *testing.T) {
	// round() is not linear: the analysis falls back to sampling at the constants.
	a := analyze(t, pct, tier("round(actual) >= 90", 10), tier("actual < 80", 0))
	assert.False(t, a.Proved)
	require.NotEmpty(t, a.Gaps)
	assert.True(t, a.Gaps.Contains(85), "85 is in no tier: %s", a.Gaps)
	assert.False(t, a.Gaps.Contains(95))
}

func TestAnalysisDeclaredDomain(t *testing.T) {
	a := analyze(t, "target = 4\nweight = 10\ndomain = [0, 12]", tier("actual >= 4", 10), tier("actual >= 3 && actual < 4", 5))
	assert.Equal(t, "[0, 3)", a.Gaps.String())
	a = analyze(t, "target = 4\nweight = 10", tier("actual >= 4", 10), tier("actual >= 3 && actual < 4", 5))
	assert.Equal(t, "[0, 3)", a.Gaps.String(), "counts start at 0")
}

func TestAnalysisSkipsText(t *testing.T) {
	p := project(t, "actual = \"达成\"\nweight = 10\ntiers = [ { when = \"text == '达成'\", score = \"10\" } ]\n")
	crit, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	env := NewEnv(p, p.Indicators[0])
	assert.Nil(t, crit[0].Analysis(&env, p.Indicators[0]))
}

// A criterion of n tiers, each a band [i, i+1), analysed in O(n log n).
func benchmarkAnalyze(b *testing.B, n int) {
	var sb strings.Builder
	sb.WriteString("[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\ntarget = 1\nweight = 10\ntiers = [\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "  { when = \"actual >= %d && actual < %d\", score = \"%v\" },\n", i, i+1, float64(i%10))
	}
	sb.WriteString("]\n")
	p, err := indicators.Parse("b.toml", []byte(sb.String()), indicators.Limits{MaxTiers: n})
	require.NoError(b, err)
	crit, err := NewCompiler(Limits{}).Project(p)
	require.NoError(b, err)
	b.ResetTimer()
	for b.Loop() {
		env := NewEnv(p, p.Indicators[0])
		if crit[0].analyze(&env, p.Indicators[0], analysis.VarActual) == nil {
			b.Fatal("not analysed")
		}
	}
}

func BenchmarkAnalyze1k(b *testing.B)  { benchmarkAnalyze(b, 1_000) }
func BenchmarkAnalyze10k(b *testing.B) { benchmarkAnalyze(b, 10_000) }

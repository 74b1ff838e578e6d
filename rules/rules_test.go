package rules

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
)

// project parses a one-indicator project whose indicator body is given.
func project(t *testing.T, body string) *indicators.Project {
	t.Helper()
	src := "[project]\nname = \"p\"\n[funds]\nbudget = 100\nspent = 80\n[[indicator]]\nname = \"指标\"\n" + body
	p, err := indicators.Parse("t.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err, "parsing:\n%s", src)
	return p
}

func evalOne(t *testing.T, body string) Outcome {
	t.Helper()
	p := project(t, body)
	progs, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	env := NewEnv(p, p.Indicators[0])
	return progs[0].Eval(&env)
}

const seedTiers = `target = 99.60
weight = 20
tiers = [
  { when = "actual >= 99.22", score = "20" },
  { when = "actual >= 98.5 && actual < 99.22", score = "18" },
  { when = "actual >= 98 && actual < 98.5", score = "15" },
  { when = "actual < 98", score = "0" },
]
`

func TestTiersFirstMatch(t *testing.T) {
	tests := []struct {
		actual float64
		score  float64
		tier   int
	}{
		{100, 20, 1}, {99.22, 20, 1}, {99.2199, 18, 2}, {98.67, 18, 2}, {98.5, 18, 2},
		{98.49, 15, 3}, {98, 15, 3}, {97.99, 0, 4}, {0, 0, 4},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.actual), func(t *testing.T) {
			o := evalOne(t, fmt.Sprintf("actual = %v\n%s", tt.actual, seedTiers))
			assert.Equal(t, Scored, o.Kind)
			assert.Equal(t, tt.score, o.Score)
			assert.Equal(t, tt.tier, o.Tier)
		})
	}
}

func TestOverlappingTiersFirstWins(t *testing.T) {
	body := `target = 73
actual = 13.87
weight = 10
tiers = [
  { when = "rate >= 1", score = "10" },
  { when = "rate <= 0.8", score = "8" },
  { when = "rate < 1", score = "5" },
]
`
	p := project(t, body)
	crit, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	env := NewEnv(p, p.Indicators[0])
	o := crit[0].Eval(&env)
	assert.Equal(t, 8.0, o.Score)
	assert.Equal(t, 2, o.Tier)
	assert.Equal(t, []int{2, 3}, crit[0].Matching(&env, nil), "tiers 2 and 3 both hold")
}

func TestScoreExpression(t *testing.T) {
	o := evalOne(t, `target = 99.60
actual = 98.67
weight = 20
tiers = [ { when = "true", score = "weight * min(actual / target, 1)" } ]
`)
	assert.Equal(t, Scored, o.Kind)
	assert.InDelta(t, 20*98.67/99.60, o.Score, 1e-12)
}

func TestScoreSeesFunds(t *testing.T) {
	o := evalOne(t, `actual = 1
weight = 10
tiers = [ { when = "funds.execution_rate < 0.9", score = "weight * funds.execution_rate" } ]
`)
	assert.Equal(t, Scored, o.Kind)
	assert.InDelta(t, 8.0, o.Score, 1e-12)
}

func TestDiscretionaryTier(t *testing.T) {
	o := evalOne(t, `target = 100
actual = 90
weight = 20
tiers = [
  { when = "actual >= 100", score = "20" },
  { when = "actual > 0 && actual < 100", min = 15, max = 18 },
]
`)
	assert.Equal(t, Ranged, o.Kind)
	assert.Equal(t, 15.0, o.Min)
	assert.Equal(t, 18.0, o.Max)
	assert.Equal(t, 2, o.Tier)
}

// The reasons an indicator is left unscored, with the facts their messages state (report
// renders the messages).
func TestUnscored(t *testing.T) {
	tiers := `tiers = [ { when = "actual >= 90", score = "10" }, { when = "actual >= 80 && actual < 90", score = "5" } ]`
	tests := []struct {
		name string
		body string
		want Reason
	}{
		{"no tier matched", "target = 90\nactual = 70\nweight = 10\n" + tiers, Reason{Code: NoTierMatched}},
		{"no actual", "target = 90\nweight = 10\n" + tiers, Reason{Code: ActualMissing}},
		{"text actual", "target = 90\nactual = \"基本完成\"\nweight = 10\n" + tiers, Reason{Code: ActualText}},
		{"rate with target 0", "target = 0\nactual = 5\nweight = 10\ntiers = [ { when = \"rate >= 1\", score = \"10\" } ]", Reason{Code: TargetZero}},
		{"prior missing", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"actual >= prior\", score = \"10\" } ]", Reason{Code: PriorMissing}},
		{"score not finite", "target = 0\nactual = 5\nweight = 10\ntiers = [ { when = \"true\", score = \"actual / 0\" } ]",
			Reason{Code: NotANumber, Tier: 1, Expr: "actual / 0", Value: math.Inf(1)}},
		{"memory budget", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"len(repeat('x', 100000000)) > 0\", score = \"10\" } ]",
			Reason{Code: EvalError, Tier: 1, Expr: "len(repeat('x', 100000000)) > 0", Budget: true}},
		{"nested loops stop too", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"all(1..1000, all(1..1000, all(1..1000, # > 0)))\", score = \"10\" } ]",
			Reason{Code: EvalError, Tier: 1, Expr: "all(1..1000, all(1..1000, all(1..1000, # > 0)))", Budget: true}},
		{"score implausibly large", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"true\", score = \"1e300 * actual\" } ]",
			Reason{Code: NotANumber, Tier: 1, Expr: "1e300 * actual", Value: 5e300}},
		{"proportional with text target", "target = \"较好\"\nactual = 5\nweight = 10\nmethod = \"proportional\"", Reason{Code: TargetMissing}},
		{"proportional with target 0", "target = 0\nactual = 5\nweight = 10", Reason{Code: TargetZero}},
		{"qualitative unknown label", "actual = \"还行\"\nweight = 10\nmethod = \"qualitative\"", Reason{Code: UnknownQuality}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := evalOne(t, tt.body)
			require.Equal(t, Unscored, o.Kind, "outcome %+v", o)
			if tt.want.Budget {
				assert.Contains(t, o.Reason.Err, "memory budget exceeded")
				o.Reason.Err = ""
			}
			assert.Equal(t, tt.want, o.Reason)
		})
	}
}

func TestMethods(t *testing.T) {
	tests := []struct {
		name   string
		method string
		target string
		actual string
		score  float64
	}{
		{"proportional below target", "proportional", "2000", "1062", 10.62},
		{"proportional capped at the weight", "proportional", "95", "99", 20},
		{"proportional negative actual scores 0", "proportional", "95", "-3", 0},
		{"default method is proportional", "", "100", "99", 19.8},
		{"reverse met", "reverse", `"≤5"`, "4", 20},
		{"reverse missed", "reverse", `"≤5"`, "8", 12.5},
		{"reverse-linear missed", "reverse-linear", `"≤5"`, "7", 12},
		{"reverse-linear zero at twice the target", "reverse-linear", `"≤5"`, "11", 0},
		{"equal met", "equal", `"=12期"`, "12", 20},
		{"equal missed by one in twelve", "equal", `"=12期"`, "11", 20 * (1 - 1.0/12)},
		{"equal zero at twice the target", "equal", `"=12期"`, "24", 0},
		{"equal target 0 met by 0", "equal", "0", "0", 20},
		{"actual copying the target is met", "", `"≥266米"`, `"≥266米"`, 20},
		{"percent text actual", "", "100", `"98.67%"`, 19.734},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := fmt.Sprintf("target = %s\nactual = %s\nweight = 20\n", tt.target, tt.actual)
			if tt.method != "" {
				body += fmt.Sprintf("method = %q\n", tt.method)
			}
			o := evalOne(t, body)
			require.Equal(t, Scored, o.Kind, "outcome %+v", o)
			assert.InDelta(t, tt.score, o.Score, 1e-9)
		})
	}
}

func TestQualitativeBands(t *testing.T) {
	tests := []struct {
		actual   string
		min, max float64
	}{
		{"达成", 8, 10},
		{"达成年度指标", 8, 10},
		{"部分达成年度指标并具有一定效果", 6, 8},
		{"基本达成", 6, 8},
		{"未达成年度指标且效果较差", 0, 6},
	}
	for _, tt := range tests {
		t.Run(tt.actual, func(t *testing.T) {
			o := evalOne(t, fmt.Sprintf("actual = %q\nweight = 10\nmethod = \"qualitative\"\n", tt.actual))
			require.Equal(t, Ranged, o.Kind)
			assert.InDelta(t, tt.min, o.Min, 1e-9)
			assert.InDelta(t, tt.max, o.Max, 1e-9)
		})
	}
}

func TestTextTiers(t *testing.T) {
	o := evalOne(t, `actual = "达成"
weight = 10
tiers = [ { when = "text == '达成'", score = "10" }, { when = "text == '未达成'", score = "0" } ]
`)
	assert.Equal(t, Scored, o.Kind)
	assert.Equal(t, 10.0, o.Score)
}

func TestMet(t *testing.T) {
	tests := []struct {
		body  string
		met   bool
		known bool
	}{
		{"target = 99.60\nactual = 98.67", false, true},
		{"target = 100\nactual = 100", true, true},
		{"target = \"≤5天\"\nactual = 5", true, true},
		{"target = \"<5天\"\nactual = 5", false, true},
		{"target = \">5\"\nactual = 5", false, true},
		{"target = \"=12期\"\nactual = 12", true, true},
		{"target = \"≥266米\"\nactual = \"≥266米\"", true, true},
		{"target = \"有效\"\nactual = \"较好\"", false, false},
		{"actual = \"达成\"\nmethod = \"qualitative\"", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			p := project(t, tt.body+"\nweight = 1\n")
			ind := p.Indicators[0]
			m := ind.Method
			if m == "" {
				m = indicators.MethodProportional
			}
			env := NewEnv(p, ind)
			met, known := Met(ind, &env, m)
			assert.Equal(t, tt.met, met)
			assert.Equal(t, tt.known, known)
		})
	}
}

// Compile errors point at the character of the file where the problem stands.
func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name string
		tier string
		en   string
	}{
		{"unknown variable", `{ when = "参保率 >= 99.22", score = "20" }`,
			`t.toml:12:13: p › 指标: condition "参保率 >= 99.22" uses the unknown variable 参保率; the variables are: ` + Variables},
		{"unknown variable deeper in", `{ when = "actual >= 1 && actul < 2", score = "20" }`,
			`t.toml:12:28: p › 指标: condition "actual >= 1 && actul < 2" uses the unknown variable actul; the variables are: ` + Variables},
		{"condition not boolean", `{ when = "actual + 1", score = "20" }`,
			`t.toml:12:13: p › 指标: the condition "actual + 1" is not true or false: write a comparison such as actual >= 90`},
		{"score not a number", `{ when = "actual > 1", score = "'二十'" }`,
			`t.toml:12:35: p › 指标: the score expression "'二十'" does not give a number: write a score such as "20" or "weight * rate"`},
		{"syntax", `{ when = "actual >= ", score = "20" }`,
			`t.toml:12:22: p › 指标: condition "actual >= " does not compile: unexpected token EOF`},
		{"time builtins are disabled", `{ when = "now().Year() > 2000", score = "20" }`,
			`t.toml:12:13: p › 指标: condition "now().Year() > 2000" uses the unknown variable now; the variables are: ` + Variables},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := project(t, "target = 1\nactual = 1\nweight = 1\ntiers = [\n  "+tt.tier+",\n]\n")
			_, err := NewCompiler(Limits{}).Project(p)
			require.Error(t, err)
			var list indicators.ErrorList
			require.True(t, errors.As(err, &list))
			require.Len(t, list, 1)
			assert.Equal(t, indicators.ErrExpr, list[0].Kind)
			assert.Equal(t, tt.en, list[0].Error())
		})
	}
}

func TestCompileReportsEveryExpression(t *testing.T) {
	p := project(t, "target = 1\nactual = 1\nweight = 1\ntiers = [\n  { when = \"x > 1\", score = \"y\" },\n  { when = \"x > 1\", score = \"1\" },\n]\n")
	_, err := NewCompiler(Limits{}).Project(p)
	var list indicators.ErrorList
	require.True(t, errors.As(err, &list))
	assert.Len(t, list, 3, "both uses of the same bad text are reported, and the bad score: %v", list)
}

func TestNodeLimit(t *testing.T) {
	cond := "actual > 1" + strings.Repeat("+1", 1500) // 3,000 nodes in 3,010 characters
	p := project(t, fmt.Sprintf("actual = 1\nweight = 1\ntiers = [ { when = %q, score = \"1\" } ]\n", cond))
	_, err := NewCompiler(Limits{}).Project(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "too complex (over the node limit)")
	_, err = NewCompiler(Limits{MaxNodes: 10000}).Project(p)
	assert.NoError(t, err, "accepted under a raised limit")
}

func TestCompilerCachesPrograms(t *testing.T) {
	p := project(t, seedTiers+"actual = 1\n")
	q := project(t, "target = 100\nweight = 10\nactual = 1\ntiers = [ { when = \"actual >= 98.5 && actual < 99.22\", score = \"5\" } ]\n")
	c := NewCompiler(Limits{})
	a, err := c.Project(p)
	require.NoError(t, err)
	b, err := c.Project(q)
	require.NoError(t, err)
	assert.NotSame(t, a[0], b[0])
	assert.Same(t, a[0].conds[1].program, b[0].conds[0].program, "the same text compiles once")
}

// A criterion whose score does not compile is reported every time, and never reused as if
// it had compiled.
func TestBrokenTiersAreNotRemembered(t *testing.T) {
	p := project(t, "target = 1\nactual = 1\nweight = 1\ntiers = [ { when = \"actual > 1\", score = \"nope\" } ]\n")
	c := NewCompiler(Limits{})
	for i := 0; i < 3; i++ {
		_, err := c.Project(p)
		require.Error(t, err, "attempt %d", i+1)
	}
}

// Criteria written alike, in different projects, share one program: compiled, read and
// analysed once. The program holds nothing of either indicator.
func TestRepeatedCriteriaShareOneProgram(t *testing.T) {
	body := seedTiers + "actual = 98.67\n"
	a, b := project(t, body), project(t, strings.Replace(body, "98.67", "99.5", 1))
	c := NewCompiler(Limits{})
	ca, err := c.Project(a)
	require.NoError(t, err)
	cb, err := c.Project(b)
	require.NoError(t, err)
	assert.Same(t, ca[0], cb[0])
	ea, eb := NewEnv(a, a.Indicators[0]), NewEnv(b, b.Indicators[0])
	assert.Equal(t, 2, ca[0].Eval(&ea).Tier)
	assert.Equal(t, 1, cb[0].Eval(&eb).Tier, "each evaluated with its own values")
	assert.Same(t, ca[0].Analysis(&ea, a.Indicators[0]), cb[0].Analysis(&eb, b.Indicators[0]), "analysed once")

	prose := "target = 100\nunit = \"%\"\nweight = 10\nactual = 96\ncriterion = \"≥95%得10分；<95%不得分\"\n"
	pa, pb := project(t, prose), project(t, prose)
	other := project(t, strings.Replace(prose, "weight = 10", "weight = 20", 1))
	da, err := c.Project(pa)
	require.NoError(t, err)
	db, err := c.Project(pb)
	require.NoError(t, err)
	do, err := c.Project(other)
	require.NoError(t, err)
	assert.Same(t, da[0], db[0], "the same prose in the same context is read once")
	assert.NotSame(t, da[0], do[0], "another weight is another context")
	assert.True(t, da[0].Criterion.Derived)
}

// A criterion whose texts a decoder interned is found by the addresses of its texts, once
// seen twice there; the same strings with other discretionary ranges are another criterion,
// and texts read afresh (a TOML file each time) are found by what they say and never kept
// by address.
func TestCriteriaFoundByAddress(t *testing.T) {
	when, score := strings.Clone("actual >= 90"), strings.Clone("10")
	other := strings.Clone("actual < 90")
	tiers := func(lo, hi float64) []indicators.Tier {
		out := []indicators.Tier{{When: indicators.Expr{Text: when}, Score: indicators.Expr{Text: score}}, {When: indicators.Expr{Text: other}}}
		out[1].Min, out[1].Max = &lo, &hi
		return out
	}
	proj := func(tiers []indicators.Tier) *indicators.Project {
		return &indicators.Project{Name: "p", Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100},
			Indicators: []*indicators.Indicator{{Name: "x", Weight: 10, Applicable: true, Tiers: tiers}}}
	}
	c := NewCompiler(Limits{})
	first, err := c.Project(proj(tiers(0, 5)))
	require.NoError(t, err)
	assert.Empty(t, c.addressed, "seen once")
	again, err := c.Project(proj(tiers(0, 5)))
	require.NoError(t, err)
	assert.Same(t, first[0], again[0])
	assert.Len(t, c.addressed, 1, "seen twice at the same addresses")
	byAddress, err := c.Project(proj(tiers(0, 5)))
	require.NoError(t, err)
	assert.Same(t, first[0], byAddress[0])

	ranged, err := c.Project(proj(tiers(2, 6)))
	require.NoError(t, err)
	assert.NotSame(t, first[0], ranged[0], "the same strings with another range")
	assert.Equal(t, 6.0, ranged[0].Criterion.Tiers[1].Max)

	c = NewCompiler(Limits{})
	body := "target = 100\nweight = 10\nactual = 95\ntiers = [ { when = \"actual >= 90\", score = \"10\" }, { when = \"actual < 90\", score = \"0\" } ]\n"
	var progs []*Program
	var kept []*indicators.Project // alive, so that no file's memory is used again for the next
	for range 3 {
		kept = append(kept, project(t, body))
		got, err := c.Project(kept[len(kept)-1])
		require.NoError(t, err)
		progs = append(progs, got[0])
	}
	assert.Same(t, progs[0], progs[2], "found by its texts")
	assert.Empty(t, c.addressed, "texts read afresh are not kept by address")
}

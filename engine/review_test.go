package engine

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules"
	"jixiao/rules/prose"
)

var wantComment = regexp.MustCompile(`#\s*want\s+([a-z\- ]+)`)

// TestReviewExpectations runs every file in testdata/review: a "# want CODE…" comment on a
// line says which findings must be reported at that line, and no other finding may be.
func TestReviewExpectations(t *testing.T) {
	files, err := filepath.Glob("testdata/review/*.toml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			require.NoError(t, err)
			want := map[int][]string{}
			for i, line := range strings.Split(string(src), "\n") {
				if m := wantComment.FindStringSubmatch(line); m != nil {
					want[i+1] = strings.Fields(m[1])
					slices.Sort(want[i+1])
				}
			}
			p, err := indicators.Parse(file, src, indicators.Limits{})
			require.NoError(t, err)
			r, err := New(Options{}).Check(p)
			require.NoError(t, err)
			got := map[int][]string{}
			for k := range r.Findings {
				f := &r.Findings[k]
				pos := r.Pos(f)
				require.True(t, pos.IsValid(), "finding %s has no position", f.Code)
				got[pos.Line] = append(got[pos.Line], string(f.Code))
			}
			for line := range got {
				slices.Sort(got[line])
			}
			for line, codes := range want {
				assert.Equal(t, codes, got[line], "%s:%d: findings", file, line)
			}
			for line, codes := range got {
				if _, ok := want[line]; !ok {
					assert.Fail(t, "unexpected finding", "%s:%d: %v", file, line, codes)
				}
			}
		})
	}
}

// The acceptance list of docs/seed-cases.md, for the re-scoring checks.
func TestReviewSeed(t *testing.T) {
	type about struct {
		code      Code
		indicator string // "" for the project
	}
	tests := map[string][]about{
		"社保工作运行经费.toml": {
			{TotalMismatch, ""}, {ExecutionUnexplained, ""}, {SpendResultsGap, ""},
			{ScoreMismatch, "资金投入"}, {ScoreMismatch, "社保参保率"},
			{TierOverlap, "资金投入"}, {TierNonMonotonic, "资金投入"}, {TierGap, "覆盖乡镇率"}, {TargetThreshold, "社保参保率"},
		},
		"城乡居民养老金及个账补贴.toml": {
			{GradeMismatch, ""},
			{TargetBelowPrior, "城乡居民基本养老保险参保人数"}, {TargetBelowPrior, "60周岁以上待遇发放率"},
			{ScoreMismatch, "全民参保率"}, {ScoreMismatch, "待遇领取增长人数"},
			{NoCriterion, "待遇领取增长人数"}, {NoCriterion, "群众满意度"},
		},
	}
	for file, want := range tests {
		t.Run(file, func(t *testing.T) {
			p, err := indicators.Load(filepath.Join("..", "testdata", "quangang-2021", file), indicators.Limits{})
			require.NoError(t, err)
			r, err := New(Options{}).Check(p)
			require.NoError(t, err)
			var got []about
			for _, f := range r.Findings {
				a := about{code: f.Code}
				if f.Indicator >= 0 {
					a.indicator = r.Indicators[f.Indicator].Indicator.Name
				}
				got = append(got, a)
			}
			assert.ElementsMatch(t, want, got)
		})
	}
}

// How a reported score that does not follow its criterion came about, as the hint's data.
func TestScoreMismatchHints(t *testing.T) {
	hint := func(file, indicator string) Finding {
		p, err := indicators.Load(filepath.Join("..", "testdata", "quangang-2021", file), indicators.Limits{})
		require.NoError(t, err)
		r, err := New(Options{}).Check(p)
		require.NoError(t, err)
		for _, f := range r.Findings {
			if f.Code == ScoreMismatch && r.Indicators[f.Indicator].Indicator.Name == indicator {
				return f
			}
		}
		t.Fatalf("no score-mismatch on %s", indicator)
		return Finding{}
	}
	assert.Equal(t, HintProportional, hint("社保工作运行经费.toml", "社保参保率").Detail)
	assert.Equal(t, HintProportional, hint("城乡居民养老金及个账补贴.toml", "全民参保率").Detail)
	f := hint("社保工作运行经费.toml", "资金投入")
	assert.Equal(t, HintOverlappingTier, f.Detail)
	assert.Equal(t, 3, f.Tier, "the score of tier 3, whose condition holds too")
	assert.Equal(t, NoDetail, hint("城乡居民养老金及个账补贴.toml", "待遇领取增长人数").Detail, "15 has no method that explains it")
}

func TestConfigPrecedence(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	p := &indicators.Project{Thresholds: indicators.Thresholds{Tolerance: f(0.01), SpendGapMax: f(0.1)}}
	e := New(Options{
		Config:   indicators.Config{Review: indicators.Thresholds{Tolerance: f(0.02), ExecutionRateMin: f(0.8), Disable: []string{"all-full-marks"}}},
		Override: indicators.Thresholds{Tolerance: f(0.05)},
	})
	c := e.Config(p)
	assert.Equal(t, 0.05, c.Tolerance, "a flag overrides everything")
	assert.Equal(t, 0.1, c.SpendGapMax, "the file's own [review]")
	assert.Equal(t, 0.8, c.ExecutionRateMin, "the shared configuration")
	assert.Equal(t, DefaultBalanceRateMax, c.BalanceRateMax, "the default")
	assert.True(t, c.Disabled[AllFullMarks])
}

func TestCatalogueIsDocumented(t *testing.T) {
	seen := map[Code]bool{}
	for _, c := range Checks() {
		assert.False(t, seen[c.Code], "duplicate code %s", c.Code)
		seen[c.Code] = true
		assert.Regexp(t, `^[a-z]+(-[a-z]+)*$`, c.Code)
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			assert.NotEmpty(t, c.Title.String(lang), "%s title", c.Code)
			assert.Greater(t, len([]rune(c.Doc.String(lang))), 40, "%s doc", c.Code)
		}
		got, ok := LookupCheck(c.Code)
		assert.True(t, ok)
		assert.Same(t, c, got)
	}
}

func TestOverlapSeverity(t *testing.T) {
	p, err := indicators.Load("testdata/review/lint_tiers.toml", indicators.Limits{})
	require.NoError(t, err)
	r, err := New(Options{}).Check(p)
	require.NoError(t, err)
	severities := map[string][]Severity{}
	for _, f := range r.Findings {
		if f.Code == TierOverlap {
			name := r.Indicators[f.Indicator].Indicator.Name
			severities[name] = append(severities[name], f.Severity)
		}
	}
	assert.Equal(t, []Severity{Info, Warning}, severities["同分重叠"], "10 and 10 at 80 are equal; 20 vs 10 at 100 differ")
	assert.Equal(t, []Severity{Info}, severities["永不生效"], "both tiers score 20")
}

// The seed projects with their tiers deleted, so that only the criterion prose remains,
// re-score to the same totals, grades and findings as the hand-written files.
func TestSeedFromProseAlone(t *testing.T) {
	tiersBlock := regexp.MustCompile(`(?ms)^tiers = \[.*?^\]\n`)
	for _, file := range []string{"社保工作运行经费.toml", "城乡居民养老金及个账补贴.toml"} {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "quangang-2021", file)
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			prose := tiersBlock.ReplaceAll(src, nil)
			require.False(t, strings.Contains(string(prose), "tiers = ["), "every tiers block removed")

			written, err := indicators.Parse(path, src, indicators.Limits{})
			require.NoError(t, err)
			read, err := indicators.Parse(path, prose, indicators.Limits{})
			require.NoError(t, err)
			want, err := New(Options{}).Check(written)
			require.NoError(t, err)
			got, err := New(Options{}).Check(read)
			require.NoError(t, err)

			assert.Equal(t, want.Total, got.Total)
			assert.Equal(t, want.Grade, got.Grade)
			assert.Equal(t, want.TargetsMet, got.TargetsMet)
			for i := range want.Indicators {
				w, g := want.Indicators[i], got.Indicators[i]
				assert.Equal(t, w.Score, g.Score, "score of %s", w.Indicator.Name)
				assert.Equal(t, w.Tier, g.Tier, "tier of %s", w.Indicator.Name)
				assert.Equal(t, len(w.Indicator.Tiers) > 0, g.Criterion.Derived, "%s: derived from prose", w.Indicator.Name)
				for k := range w.Criterion.Tiers {
					assert.Equal(t, w.Criterion.Tiers[k].When, g.Criterion.Tiers[k].When, "%s tier %d", w.Indicator.Name, k+1)
				}
			}
			assert.Equal(t, want.Findings, got.Findings)
		})
	}
}

// Each reason a part of a criterion is left unread is kept with the part.
func TestCriterionUnparsedSaysWhy(t *testing.T) {
	reason := func(criterion string) rules.Unparsed {
		src := "[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\ntarget = 5\nunit = \"%\"\nactual = 6\nweight = 100\nreported = 100\n" +
			"criterion = \"" + criterion + "\"\n"
		p, err := indicators.Parse("p.toml", []byte(src), indicators.Limits{})
		require.NoError(t, err)
		r, err := New(Options{}).Check(p)
		require.NoError(t, err)
		for _, f := range r.Findings {
			if f.Code == CriterionUnparsed {
				return r.Indicators[f.Indicator].Criterion.Unparsed[f.Index]
			}
		}
		return rules.Unparsed{}
	}
	assert.Equal(t, rules.UnparsedLastYear, reason("较上年增长5%及以上得100分，未增长不得分").Reason)
	assert.Equal(t, rules.UnparsedNoScore, reason("增长5%及以上得100分；由评审组研究确定").Reason)
	assert.Equal(t, prose.Rank, reason("增长5%及以上得100分；全省前三名得50分").Reason)
}

// One engine checks project after project, reusing what it built for the one before (its
// compiled criteria, environments, analyses and scratch): every result is the same as a
// fresh engine's, whatever came before it.
func TestEngineReuse(t *testing.T) {
	files, err := filepath.Glob("testdata/review/*.toml")
	require.NoError(t, err)
	seeds, err := filepath.Glob("../testdata/quangang-2021/*.toml")
	require.NoError(t, err)
	files = append(files, seeds...)
	var projects []*indicators.Project
	for _, file := range files {
		p, err := indicators.Load(file, indicators.Limits{})
		require.NoError(t, err)
		projects = append(projects, p)
	}
	shared := New(Options{})
	for round := 0; round < 2; round++ { // forwards, then backwards
		for k := range projects {
			p := projects[k]
			if round == 1 {
				p = projects[len(projects)-1-k]
			}
			want, err := New(Options{}).Check(p)
			require.NoError(t, err)
			got, err := shared.Check(p)
			require.NoError(t, err)
			assert.Equal(t, want, got, "%s, after %d others", p.File, k)
		}
	}
}

// A code in [review] disable that names no check makes the file unusable, placed at the
// code, with the nearest code as a suggestion; known codes are accepted.
func TestUnknownDisabledCodeIsAnError(t *testing.T) {
	src := "[project]\nname = \"p\"\n[review]\ndisable = [\"all-full-marks\", \"score-mismach\", \"zzz\"]\n" +
		"[[indicator]]\nname = \"a\"\ntarget = 1\nactual = 1\nweight = 100\n"
	p, err := indicators.Parse("p.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	for _, run := range []func(*indicators.Project) (*Result, error){New(Options{}).Score, New(Options{}).Check, New(Options{}).Lint} {
		_, err = run(p)
		var list indicators.ErrorList
		require.ErrorAs(t, err, &list)
		require.Len(t, list, 2)
		assert.Equal(t, `p.toml:4:30: p: "score-mismach" in disable is no check's code; did you mean "score-mismatch"?`, list[0].Error())
		assert.Equal(t, `p.toml:4:47: p: "zzz" in disable is no check's code; jixiao check --list lists them all`, list[1].Error())
		assert.Equal(t, indicators.ErrValue, list[0].Kind)
	}

	ok, err := indicators.Parse("p.toml", []byte(strings.Replace(src, `, "score-mismach", "zzz"`, "", 1)), indicators.Limits{})
	require.NoError(t, err)
	_, err = New(Options{}).Check(ok)
	assert.NoError(t, err)

	assert.Empty(t, DisableErrors([]string{"tier-gap"}, nil), "a known code")
	assert.Equal(t, Code("tier-gap"), SuggestCode("tier-gpa"))
	assert.Equal(t, Code(""), SuggestCode("nothing-like-it"))
}

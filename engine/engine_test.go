package engine

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/rules"
)

func scoreFile(t *testing.T, name string) *Result {
	t.Helper()
	p, err := indicators.Load(filepath.Join("..", "testdata", "quangang-2021", name), indicators.Limits{})
	require.NoError(t, err)
	r, err := New(Options{}).Score(p)
	require.NoError(t, err)
	return r
}

func scoreText(t *testing.T, src string) *Result {
	t.Helper()
	p, err := indicators.Parse("t.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	r, err := New(Options{}).Score(p)
	require.NoError(t, err)
	return r
}

// The acceptance figures of docs/seed-cases.md, computed from each indicator's own criterion.
func TestSeedProjects(t *testing.T) {
	tests := []struct {
		file     string
		total    float64
		grade    string
		set, met int
		scores   []float64
		tiers    []int
	}{
		{"社保工作运行经费.toml", 96.00, "优", 7, 5,
			[]float64{20, 8, 10, 10, 20, 18, 10}, []int{1, 2, 1, 1, 1, 2, 1}},
		{"城乡居民养老金及个账补贴.toml", 88.52, "良", 9, 6,
			[]float64{5, 10, 10, 5, 10, 10, 18, 10.62, 9.9}, []int{1, 1, 1, 1, 1, 1, 2, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := scoreFile(t, tt.file)
			assert.True(t, r.Exact)
			assert.Equal(t, tt.total, r.Total)
			assert.Equal(t, tt.grade, r.Grade)
			assert.Equal(t, tt.set, r.TargetsSet)
			assert.Equal(t, tt.met, r.TargetsMet)
			require.Len(t, r.Indicators, len(tt.scores))
			for i, ir := range r.Indicators {
				assert.True(t, ir.HasScore, "%s has a score", ir.Indicator.Name)
				assert.Equal(t, tt.scores[i], ir.Score, "score of %s", ir.Indicator.Name)
				assert.Equal(t, tt.tiers[i], ir.Tier, "tier of %s", ir.Indicator.Name)
			}
		})
	}
}

func TestDiscretionaryReportedAccepted(t *testing.T) {
	base := `[project]
name = "p"
[[indicator]]
name = "完成时间"
target = 100
actual = 90
weight = 20
%s
tiers = [
  { when = "actual >= 100", score = "20" },
  { when = "actual > 0 && actual < 100", min = 15, max = 18 },
]
[[indicator]]
name = "其他"
target = 1
actual = 1
weight = 80
`
	r := scoreText(t, fmt.Sprintf(base, "reported = 16.5"))
	ir := r.Indicators[0]
	assert.True(t, ir.HasScore)
	assert.True(t, ir.Accepted)
	assert.Equal(t, 16.5, ir.Score)
	assert.True(t, r.Exact)
	assert.Equal(t, 96.5, r.Total)

	r = scoreText(t, fmt.Sprintf(base, "reported = 18.004"))
	assert.True(t, r.Indicators[0].Accepted, "within the tolerance of the range's top")

	r = scoreText(t, fmt.Sprintf(base, "reported = 19"))
	assert.False(t, r.Indicators[0].HasScore, "outside the range: the reviewer decides")
	assert.False(t, r.Exact)
	assert.Equal(t, 95.0, r.TotalMin)
	assert.Equal(t, 98.0, r.TotalMax)
	assert.Equal(t, "优", r.Grade)

	r = scoreText(t, fmt.Sprintf(base, ""))
	assert.False(t, r.Exact, "no reported score: the total is a range")
	assert.Equal(t, 15.0, r.Indicators[0].Min)
	assert.Equal(t, 18.0, r.Indicators[0].Max)
}

func TestUnscoredIsNeverZero(t *testing.T) {
	r := scoreText(t, `[project]
name = "p"
[[indicator]]
name = "满意度"
target = 90
actual = "较满意"
weight = 10
[[indicator]]
name = "其他"
target = 1
actual = 1
weight = 85
`)
	assert.False(t, r.Indicators[0].HasScore)
	assert.False(t, r.Exact)
	assert.Equal(t, 85.0, r.TotalMin)
	assert.Equal(t, 95.0, r.TotalMax)
	assert.Equal(t, "良", r.Grade)
	assert.Equal(t, "优", r.GradeMax)
	assert.False(t, r.Indicators[0].MetKnown)
}

func TestNotApplicableRescales(t *testing.T) {
	r := scoreText(t, `[project]
name = "p"
[[indicator]]
name = "a"
target = 100
actual = 90
weight = 60
[[indicator]]
name = "b"
target = 100
actual = 50
weight = 20
[[indicator]]
name = "c"
target = 100
actual = 0
weight = 20
applicable = false
`)
	assert.True(t, r.Rescaled)
	assert.Equal(t, 2, r.TargetsSet)
	assert.Equal(t, 80.0, r.Weight)
	// (54 + 10) × 100 / 80 = 80
	assert.Equal(t, 80.0, r.Total)
	assert.Equal(t, "良", r.Grade)
}

func TestExecutionLineCounts(t *testing.T) {
	r := scoreText(t, `[project]
name = "p"
[funds]
budget = 200
adjustment = -20
spent = 162
weight = 10
reported = 9
[[indicator]]
name = "a"
target = 100
actual = 100
weight = 90
`)
	require.NotNil(t, r.Execution)
	assert.InDelta(t, 0.9, r.Execution.Rate, 1e-12, "162 / (200 − 20)")
	assert.Equal(t, 9.0, r.Execution.Score)
	assert.Equal(t, 99.0, r.Total)
	assert.Equal(t, 100.0, r.Weight)
}

func TestGrades(t *testing.T) {
	g := indicators.DefaultGrades()
	for total, want := range map[float64]string{100: "优", 90: "优", 89.99: "良", 80: "良", 79.99: "中", 60: "中", 59.99: "差", 0: "差"} {
		assert.Equal(t, want, GradeOf(g, total), "GradeOf(%v)", total)
	}
	custom := []indicators.Grade{{Name: "优秀", Min: 90.01}, {Name: "良好", Min: 80}, {Name: "合格", Min: 60}, {Name: "不合格", Min: 0}}
	assert.Equal(t, "良好", GradeOf(custom, 90), "a band of >90 leaves 90 out")
}

func TestCanonicalGrade(t *testing.T) {
	g := indicators.DefaultGrades()
	for stated, want := range map[string]string{"优秀": "优", "优": "优", " 良好 ": "良", "中等": "中", "较差": "差", "优级": "优"} {
		got, ok := CanonicalGrade(g, stated)
		assert.True(t, ok, "CanonicalGrade(%q)", stated)
		assert.Equal(t, want, got, "CanonicalGrade(%q)", stated)
	}
	_, ok := CanonicalGrade(g, "甲等")
	assert.False(t, ok)
	long := []indicators.Grade{{Name: "优秀", Min: 90}, {Name: "良好", Min: 80}}
	got, ok := CanonicalGrade(long, "优")
	assert.True(t, ok)
	assert.Equal(t, "优秀", got, "a short stated grade matches configured long names")
}

func TestTotalsAreRoundedSums(t *testing.T) {
	r := scoreText(t, `[project]
name = "p"
[[indicator]]
name = "a"
target = 3
actual = 1
weight = 50
[[indicator]]
name = "b"
target = 3
actual = 1
weight = 50
`)
	// Each 16.666… rounds to 16.67; the total is 33.34, not round(33.333…) = 33.33.
	assert.Equal(t, 16.67, r.Indicators[0].Score)
	assert.Equal(t, 33.34, r.Total)
}

// The examples: a cost overrun scored by the default reverse-linear method, a met
// cost at full marks, an unread criterion unscored, a target without a value not counted.
func TestDefaultsOnUnitsTables(t *testing.T) {
	r := scoreText(t, `[project]
name = "p"
year = 2022
[[indicator]]
level2 = "成本指标"
name = "人均成本"
target = "≤1500"
unit = "元"
actual = 1800
weight = 10
[[indicator]]
level2 = "成本指标"
name = "人均成本（达标）"
target = "≤1500"
unit = "元"
actual = 1480
weight = 10
[[indicator]]
name = "投诉率"
target = "<5%"
actual = 3
weight = 10
[[indicator]]
name = "读不懂"
target = 100
actual = 90
weight = 10
criterion = "由评审组酌情打分"
[[indicator]]
name = "完成时间"
target = "2022年12月31日前"
actual = "2022年11月20日"
weight = 10
[[indicator]]
name = "制度建设"
target = "健全"
actual = "基本健全"
weight = 10
reported = 7
[[indicator]]
name = "没有指标值"
actual = "已完成"
weight = 40
reported = 36
`)
	want := []struct {
		kind     rules.Kind
		score    float64
		min, max float64
		met      bool
	}{
		{rules.Scored, 8, 0, 0, false},
		{rules.Scored, 10, 0, 0, true},
		{rules.Scored, 10, 0, 0, true},
		{rules.Unscored, 0, 0, 10, false},
		{rules.Scored, 10, 0, 0, true},
		{rules.Ranged, 7, 6, 8, false},
		{rules.Ranged, 36, 32, 40, true},
	}
	for i, w := range want {
		ir := r.Indicators[i]
		assert.Equal(t, w.kind, ir.Kind, "%s: %+v", ir.Indicator.Name, ir)
		if w.kind == rules.Scored || ir.Accepted {
			assert.Equal(t, w.score, ir.Score, ir.Indicator.Name)
		}
		if w.kind != rules.Scored {
			assert.Equal(t, w.min, ir.Min, ir.Indicator.Name)
			assert.Equal(t, w.max, ir.Max, ir.Indicator.Name)
		}
	}
	assert.Equal(t, 7, r.Applicable)
	assert.Equal(t, 6, r.TargetsSet, "an indicator without a target sets none")
	assert.Equal(t, 3, r.TargetsMet, "the cost within its bound, the complaint rate and the deadline")
	assert.Equal(t, rules.CriterionUnread, r.Indicators[3].Reason.Code)
}

func TestMissedDeadlineSaysHowLate(t *testing.T) {
	p, err := indicators.Parse("t.toml", []byte(`[project]
name = "p"
year = 2022
[[indicator]]
name = "按月"
target = "2022年12月31日前"
actual = "2023年3月"
weight = 50
[[indicator]]
name = "按日"
target = "12月底前"
actual = "2023-01-20"
weight = 50
`), indicators.Limits{})
	require.NoError(t, err)
	r, err := New(Options{}).Check(p)
	require.NoError(t, err)
	var got []Finding
	for _, f := range r.Findings {
		if f.Code == MissingReason {
			got = append(got, f)
		}
	}
	require.Len(t, got, 2)
	assert.Equal(t, MissedDeadline, got[0].Detail)
	assert.Equal(t, [4]float64{60, 3, 1, 0}, got[0].Args, "three months late, counted in months")
	assert.Equal(t, [4]float64{20, 1, 0, 0}, got[1].Args, "twenty days late")
	for _, ir := range r.Indicators {
		assert.Equal(t, rules.Unscored, ir.Kind, "a missed deadline without a rule for lateness is unscored")
		assert.Equal(t, rules.Late, ir.Reason.Code)
	}
}

// A start ("2023年3月起", "≥2023年3月") is no deadline: an actual before it is not met, but
// it is not late, whatever [scoring] late_per_month says; on or after it, it is met.
func TestStartIsNoDeadline(t *testing.T) {
	p, err := indicators.Parse("t.toml", []byte(`[project]
name = "p"
year = 2023
[scoring]
late_per_month = 0.2
[[indicator]]
name = "开工"
target = "2023年3月起"
actual = "2023年3月15日"
weight = 50
reported = 50
[[indicator]]
name = "开工2"
target = "≥2023年3月"
actual = "2023年1月10日"
weight = 50
reported = 50
`), indicators.Limits{})
	require.NoError(t, err)
	r, err := New(Options{}).Check(p)
	require.NoError(t, err)
	on, before := r.Indicators[0], r.Indicators[1]
	assert.True(t, on.HasScore && on.Score == 50 && on.Met && on.MetKnown, "on or after the start: met, full marks: %+v", on)
	assert.Equal(t, rules.Unscored, before.Kind, "before the start: no lateness to score")
	assert.Equal(t, rules.BeforeStart, before.Reason.Code)
	assert.True(t, before.MetKnown && !before.Met, "before the start: not met")
	var codes []Code
	for _, f := range r.Findings {
		codes = append(codes, f.Code)
		if f.Code == MissingReason {
			assert.Equal(t, BeforeStart, f.Detail, "not a missed deadline")
			assert.Zero(t, f.Args, "no days late")
		}
	}
	assert.Contains(t, codes, MissingReason)
	assert.NotContains(t, codes, ScoreMismatch, "no lateness deducted from the reported 50")
}

// GradePossible: whether some total within a range has a grade, bands' lower bounds
// included, the top band open above and the bottom below.
func TestGradePossible(t *testing.T) {
	g := indicators.DefaultGrades()
	for _, tt := range []struct {
		lo, hi float64
		grade  string
		want   bool
	}{
		{70, 80, "良", true}, {70, 80, "中", true}, {70, 80, "优", false}, {70, 79.99, "良", false},
		{70, 80, "差", false}, {59.99, 70, "差", true}, {90, 120, "优", true}, {-5, 0, "差", true}, {89.99, 90, "良", true},
	} {
		assert.Equal(t, tt.want, GradePossible(g, tt.lo, tt.hi, tt.grade), "%s within %v–%v", tt.grade, tt.lo, tt.hi)
	}
}

// A stated met count within the range that targets not judged leave is not a count-mismatch.
func TestCountMismatchWithinRange(t *testing.T) {
	for stated, want := range map[int]bool{0: true, 1: false, 2: false, 3: true} {
		p, err := indicators.Parse("t.toml", []byte(fmt.Sprintf(`[project]
name = "p"
[reported]
targets_met = %d
[[indicator]]
name = "甲"
target = 100
actual = 100
weight = 50
[[indicator]]
name = "乙"
target = ">=abc"
actual = 100
weight = 50
`, stated)), indicators.Limits{})
		require.NoError(t, err)
		r, err := New(Options{}).Check(p)
		require.NoError(t, err)
		assert.Equal(t, 1, r.TargetsMet)
		assert.Equal(t, 1, r.TargetsUnknown)
		got := false
		for _, f := range r.Findings {
			if f.Code == CountMismatch {
				got = true
				assert.Equal(t, 2.0, f.Args[0], "the most that may be met")
			}
		}
		assert.Equal(t, want, got, "stated %d of 1–2", stated)
	}
}

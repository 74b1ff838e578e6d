package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
)

func reviewed(t *testing.T, src string, opts Options) *Result {
	t.Helper()
	p, err := indicators.Parse("r.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	r, err := New(opts).Check(p)
	require.NoError(t, err)
	return r
}

const threeIndicators = `[project]
name = "复核合计"
%s
[[indicator]]
name = "a"
target = 100
actual = 100
weight = 50
reported = 50
%s
[[indicator]]
name = "b"
target = 100
actual = 100
weight = 30
reported = 30
%s
[[indicator]]
name = "c"
target = 100
actual = 100
weight = 20
reported = 20
%s
`

func three(head, a, b, c string) string {
	return fmt.Sprintf(threeIndicators, head, a, b, c)
}

// The 复核总分 is totalled as the re-scored total is: each 复核得分 rounded half-up, summed,
// rescaled when indicators do not apply, rounded again, graded by the same bands; an
// indicator without a 复核得分 makes it a range, never 0.
func TestReviewTotals(t *testing.T) {
	r := reviewed(t, three("", "", "", ""), Options{})
	assert.Nil(t, r.Review, "no record, no review")
	assert.NotEmpty(t, r.Rules, "the rules in force all the same")

	r = reviewed(t, three("", "review = { score = 40.125 }", "review = { score = 25 }", "review = { score = 10.005 }"), Options{})
	require.NotNil(t, r.Review)
	rv := r.Review
	assert.True(t, rv.Exact)
	assert.Equal(t, 75.14, rv.Total, "40.13 + 25 + 10.01, each rounded half-up first")
	assert.Equal(t, "中", rv.Grade)
	assert.True(t, rv.HasSelf)
	assert.Equal(t, 100.0, rv.Self, "the sum of the reported scores, none being stated")
	assert.InDelta(t, (100-75.14)/100, rv.Deviation, 1e-12)
	assert.Equal(t, 3, rv.Scored)
	assert.Equal(t, 9.87, rv.Indicators[0].Difference, "得分差: 50 − 40.13")

	r = reviewed(t, three("[reported]\nscore = 96\n", "review = { score = 40 }", "", "review = { reason = \"待核\" }"), Options{})
	rv = r.Review
	assert.False(t, rv.Exact)
	assert.Equal(t, 40.0, rv.TotalMin, "b and c have no 复核得分: 0 each at least")
	assert.Equal(t, 90.0, rv.TotalMax, "and their weights at most")
	assert.Equal(t, "差", rv.Grade)
	assert.Equal(t, "优", rv.GradeMax)
	assert.Equal(t, 96.0, rv.Self, "the stated score")
	assert.False(t, rv.HasDeviation, "no 偏离度 of a range")

	r = reviewed(t, three("", "review = { score = 40 }", "review = { score = 30 }", "applicable = false\nreview = { score = 0 }"), Options{})
	rv = r.Review
	assert.Equal(t, 87.5, rv.Total, "70 of the 80 points that apply, rescaled to 100; c's review does not count")
	assert.Equal(t, 2, rv.Scored)

	r = reviewed(t, three("[reviewer]\nname = \"王五\"\n", "", "", ""), Options{})
	require.NotNil(t, r.Review, "the reviewer's name begins the review")
	assert.Equal(t, 0, r.Review.Scored)
}

func TestReviewTotalCountsTheExecutionLine(t *testing.T) {
	src := `[project]
name = "执行率"
[funds]
budget = 100
spent = 50
weight = 10
reported = 5
[[indicator]]
name = "a"
target = 100
actual = 100
weight = 90
reported = 90
[indicator.review]
score = 81
reason = "部分无佐证"
rule = "unassessable-30"
`
	r := reviewed(t, src, Options{})
	require.NotNil(t, r.Review)
	assert.Equal(t, 86.0, r.Review.Total, "81 + the computed 5 of the 预算执行率 line")
	assert.Equal(t, 95.0, r.Review.Self)
	assert.Nil(t, r.Review.Execution, "the line carries no 复核 of its own")

	// The line's own 复核得分 ([funds.review]) counts instead of its computed score, and a
	// review of the line alone begins the project's review.
	withLine := func(src, review string) string {
		return strings.Replace(src, "reported = 5\n", "reported = 5\nreview = "+review+"\n", 1)
	}
	r = reviewed(t, withLine(src, `{ score = 2, reason = "支出凭证不全", rule = "unassessable-30" }`), Options{})
	require.NotNil(t, r.Review.Execution)
	assert.Equal(t, 83.0, r.Review.Total, "81 + the reviewer's 2 of the 预算执行率 line")
	assert.Equal(t, 3.0, r.Review.Execution.Difference, "自评 5 − 复核 2")
	require.NotNil(t, r.Review.Execution.Rule)
	assert.Equal(t, "unassessable-30", r.Review.Execution.Rule.Code)

	unreviewed := src[:strings.Index(src, "[indicator.review]")]
	r = reviewed(t, withLine(unreviewed, "{ score = 12 }"), Options{})
	require.NotNil(t, r.Review, "the line's review alone begins the review")
	var codes []string
	for _, f := range r.Findings {
		if strings.HasPrefix(string(f.Code), "review-") {
			codes = append(codes, string(f.Code)+" "+f.Field.Key())
		}
	}
	assert.Equal(t, []string{"review-score-over-weight funds.review.score", "review-score-missing review.score"}, codes,
		"12 of a line of 10 points is over its weight; the indicator is not yet reviewed")
}

func TestCompletionRate(t *testing.T) {
	r := reviewed(t, three("", "review = { actual = 140, score = 50 }", "review = { score = 30 }", "review = { actual = \"达成\", score = 20 }"), Options{})
	rv := r.Review
	assert.True(t, rv.Indicators[0].HasCompletion)
	assert.Equal(t, 1.4, rv.Indicators[0].Completion, "复核完成值 / 指标值")
	assert.Equal(t, 1.0, rv.Indicators[1].Completion, "the actual value when the reviewer gives none")
	assert.False(t, rv.Indicators[2].HasCompletion, "text has no rate")
}

// The rules in force: a file's own, else the shared configuration's, else the defaults; a
// rule cited is found among them.
func TestReviewRulesInForce(t *testing.T) {
	shared := indicators.Config{ReviewRules: []indicators.ReviewRule{{Code: "shared", Title: "共用", Effect: indicators.EffectZero}}}
	r := reviewed(t, three("", "review = { score = 0, reason = \"x\", rule = \"shared\" }", "", ""), Options{Config: shared})
	assert.Equal(t, shared.ReviewRules, r.Rules)
	require.NotNil(t, r.Review.Indicators[0].Rule)
	assert.Equal(t, "共用", r.Review.Indicators[0].Rule.Title)

	own := "[[review_rules]]\ncode = \"own\"\ntitle = \"自有\"\neffect = \"none\"\n"
	r = reviewed(t, three(own, "review = { score = 50, rule = \"shared\" }", "", ""), Options{Config: shared})
	assert.Equal(t, "own", r.Rules[0].Code)
	assert.Nil(t, r.Review.Indicators[0].Rule, "the shared rule is not in force here")

	r = reviewed(t, three("", "", "", ""), Options{})
	assert.Equal(t, DefaultReviewRules(), r.Rules)
	rule, ok := LookupRule(r.Rules, "unassessable-60")
	require.True(t, ok)
	assert.Equal(t, 18.0, RuleScore(rule, 30, 20), "30 less 60 % of the weight 20")
	assert.Equal(t, 0.0, RuleScore(rule, 10, 20), "never below 0")
}

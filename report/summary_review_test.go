package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// The summary's review figures: projects reviewed, the average and largest 偏离度, grades
// changed by the review and cuts by rule; absent when no project was reviewed.
func TestSummaryOfReviews(t *testing.T) {
	s := NewSummary()
	for _, r := range seedResults(t, true) {
		s.Add(r)
	}
	assert.Nil(t, NewSummaryJSON(s).Review, "no project reviewed: no review figures")
	var text strings.Builder
	require.NoError(t, SummaryText(&text, s, i18n.Zh))
	assert.NotContains(t, text.String(), "已复核")

	for _, file := range []string{"review_rules_own.toml", "review_cut_unexplained.toml"} {
		p, err := indicators.Load("../engine/testdata/review/"+file, indicators.Limits{})
		require.NoError(t, err)
		r, err := engine.New(engine.Options{}).Check(p)
		require.NoError(t, err)
		s.Add(r)
	}
	j := NewSummaryJSON(s).Review
	require.NotNil(t, j)
	assert.Equal(t, 2, j.Reviewed)
	// 100 stated, 50 reviewed: 0.5; 98 stated, 65 reviewed: 33/98.
	require.NotNil(t, j.AverageDeviation)
	assert.Equal(t, 0.4184, *j.AverageDeviation)
	require.Len(t, j.LargestDeviations, 2)
	assert.Equal(t, DeviationEntry{Project: "review-rules-own", File: "../engine/testdata/review/review_rules_own.toml", Self: 100, Review: 50, Deviation: 0.5},
		j.LargestDeviations[0])
	assert.Equal(t, 0.3367, j.LargestDeviations[1].Deviation)
	assert.Equal(t, []reviewTransitionJSON{{"—", "中", 1}, {"—", "差", 1}}, j.Grades.Transitions)
	assert.Equal(t, 0, j.Grades.Changed, "no stated grade to change")
	assert.Equal(t, []Count{{"—", 3}, {"half", 2}, {"no-evidence", 2}, {"unassessable-30", 1}}, j.CutsByRule)

	out, err := json.Marshal(NewSummaryJSON(s))
	require.NoError(t, err)
	assert.Contains(t, string(out), `"review":{"reviewed":2,"average_deviation":0.4184,"largest_deviations":[{"project":"review-rules-own"`)

	text.Reset()
	require.NoError(t, SummaryText(&text, s, i18n.Zh))
	assert.Contains(t, text.String(), "复核：2 个项目已复核，平均偏离度 41.84%；复核改变等次的项目 0 个\n")
	assert.Contains(t, text.String(), "  review-rules-own        ../engine/testdata/review/review_rules_own.toml        100.00  50.00  50.00%\n")
	text.Reset()
	require.NoError(t, SummaryText(&text, s, i18n.En))
	assert.Contains(t, text.String(), "Review: 2 projects reviewed, average deviation 41.84%; grades changed by the review: 0\n")
	assert.Contains(t, text.String(), "Cuts by review rule (— none cited):\n  —                3\n")
}

// A reviewed project's text output adds the reviewer's 复核 below its table.
func TestTextShowsTheReview(t *testing.T) {
	p, err := indicators.Load("../engine/testdata/review/review_rules_own.toml", indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, Text(&b, []*engine.Result{r}, i18n.Zh, true))
	assert.Contains(t, b.String(), "\n复核人复核（李四 2024-05-20）\n")
	assert.Contains(t, b.String(), "1  按本文件口径              40        40     40.00     20.00   20.00  half         资料不全\n")
	assert.Contains(t, b.String(), "复核人复核总分 50.00，等次 差；自评得分 100，偏离度 50.00%\n")

	seed := seedResults(t, true)
	b.Reset()
	require.NoError(t, Text(&b, seed, i18n.Zh, true))
	assert.NotContains(t, b.String(), "复核人复核", "nothing where no review is recorded")
}

package report

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
	"jixiao/sheets"
)

// Every code that has a message template has a template of its facts, and no other: the
// 事实及判定 of a finding comes from its code's own template.
func TestEveryCodeStatesItsFacts(t *testing.T) {
	assert.ElementsMatch(t, slices.Collect(maps.Keys(templates)), slices.Collect(maps.Keys(factTemplates)))
	assert.ElementsMatch(t, slices.Collect(maps.Keys(docTemplates)), slices.Collect(maps.Keys(docFactTemplates)))
}

// The facts of the seed's findings name each figure for what it is: a threshold as a
// threshold, a rate as a rate, the score stated and the score computed; never 填报值 or 核定值
// for everything.
func TestFactsLabelEachFigure(t *testing.T) {
	results := seedResults(t, true)
	got := map[engine.Code][2]string{}
	for _, r := range results {
		for k := range r.Findings {
			f := &r.Findings[k]
			facts := findingFacts(r, f)
			if _, ok := got[f.Code]; !ok && !facts.IsZero() {
				got[f.Code] = [2]string{facts.String(i18n.Zh), facts.String(i18n.En)}
			}
		}
	}
	for code, want := range map[engine.Code][2]string{
		engine.ExecutionUnexplained: {"预算执行率 19.0%；不须说明原因的最低执行率 90%", "execution rate 19.0%; lowest rate without a reason 90%"},
		engine.SpendResultsGap:      {"得分占分值的比例 96.0%；预算执行率 19.0%", "share of the weight scored 96.0%; execution rate 19.0%"},
		engine.TargetThreshold:      {"满分起点 99.22%；指标值 99.6%", "full marks from 99.22%; target 99.6%"},
		engine.TotalMismatch:        {"表中合计 100；各项自评得分之和 94.81", "table total 100; sum of the scores stated 94.81"},
		engine.GradeMismatch:        {"自评等次 优秀；计算总分 88.52；计算等次 良", "grade stated 优秀; computed total 88.52; computed grade 良"},
		engine.TargetBelowPrior:     {"指标值 217100.00；上年度数值 217997", "target 217100.00; last year's value 217997"},
	} {
		assert.Equal(t, want, got[code], "%s", code)
	}
	assert.Contains(t, [][2]string{{"自评得分 19.81；计算得分 18.00", "score stated 19.81; computed score 18.00"},
		{"自评得分 19.89；计算得分 18.00", "score stated 19.89; computed score 18.00"},
		{"自评得分 5；计算得分 8.00", "score stated 5; computed score 8.00"},
		{"自评得分 15；计算得分 10.62", "score stated 15; computed score 10.62"}}, got[engine.ScoreMismatch])

	// In the workbook's 问题清单.
	var buf bytes.Buffer
	require.NoError(t, Workbook(&buf, results, i18n.Zh))
	path := filepath.Join(t.TempDir(), "r.xlsx")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	b, err := sheets.Open(path)
	require.NoError(t, err)
	defer b.Close()
	g, err := b.Grid(indicators.SheetFindings.String(i18n.Zh))
	require.NoError(t, err)
	for _, row := range g.Rows[1:] {
		require.Len(t, row, 10)
		assert.NotContains(t, row[6], "填报值", "%s", row[9])
		assert.NotContains(t, row[6], "核定值", "%s", row[9])
		if row[9] == string(engine.ExecutionUnexplained) {
			assert.Equal(t, "预算执行率 19.0%；不须说明原因的最低执行率 90%", row[6])
		}
	}
}

// A published report's findings state their figures by what they are too: a rate stated
// against the rate of the full-year budget, a total against the sum of its lines.
func TestDocumentFactsLabelEachFigure(t *testing.T) {
	for _, c := range []struct {
		f      published.Finding
		zh, en string
	}{
		{published.Finding{Code: published.CodeNarrativeNoBase, Actual: 95.89, Expected: 95.89, Names: []string{"rate", "年初预算"}},
			"文中比率 95.89%；对全年预算的完成率 95.89%", "rate stated 95.89%; rate of the full-year budget 95.89%"},
		{published.Finding{Code: published.CodeNarrativeNoBase, Actual: 100.0, Names: []string{"growth"}}, "文中比率 100.00%", "rate stated 100.00%"},
		{published.Finding{Code: published.CodeTotalMismatch, Actual: 18081.38, Expected: 18671.27, Diff: -589.89, Unit: "万元"},
			"所写合计 18,081.38；各行之和 18,671.27；相差 589.89 万元", "total stated 18,081.38; sum of the lines 18,671.27; difference 589.89 万元"},
		{published.Finding{Code: published.CodeNarrativeGrades, Item: "rescored", Actual: []published.GradeCount{{Grade: "优", Count: 2}},
			Expected: []published.GradeCount{{Grade: "优", Count: 1}, {Grade: "良", Count: 1}}},
			"文中等次 优 2 个；按计算等次 优 1 个、良 1 个", "grades stated 优 2; by the computed grades 优 1, 良 1"},
		{published.Finding{Code: published.CodeRowUnread}, "", ""},
	} {
		got := docFindingFacts(&c.f)
		assert.Equal(t, c.zh, got.String(i18n.Zh), "%s", c.f.Code)
		assert.Equal(t, c.en, got.String(i18n.En), "%s", c.f.Code)
	}
}

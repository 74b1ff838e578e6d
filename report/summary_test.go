package report

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

func TestSummaryOfTheSeedTables(t *testing.T) {
	results := seedResults(t, true)
	require.Len(t, results, 2)
	s := NewSummary()
	findings := 0
	var sev [3]int
	for _, r := range results {
		s.Add(r)
		findings += len(r.Findings)
		for _, f := range r.Findings {
			sev[f.Severity]++
		}
	}
	s.Fail() // an input that could not be used
	assert.Equal(t, 2, s.Read)
	assert.Equal(t, 1, s.Failed)
	assert.Equal(t, findings, s.Findings)
	assert.Equal(t, sev, s.BySeverity)
	total := 0
	for _, c := range Top(s.ByCode, 0) {
		total += c.Count
	}
	assert.Equal(t, findings, total)

	transitions := 0
	for _, n := range s.Transitions {
		transitions += n
	}
	assert.Equal(t, 2, transitions, "one transition per project")
	// The seed's pension table states 优 but re-scores to 良 (docs/seed-cases.md).
	assert.Equal(t, 1, s.Transitions[[2]string{"优", "良"}])
	assert.GreaterOrEqual(t, s.Changed, 1)

	// Both seed tables come from one unit.
	errs := sev[engine.Error]
	assert.Equal(t, []Unit{{Name: "泉港区社会保险中心", Projects: 2, Errors: errs, Changed: 1}}, s.WorstUnits(10))

	deltas := s.Deltas()
	require.NotEmpty(t, deltas)
	for i := 1; i < len(deltas); i++ {
		assert.GreaterOrEqual(t, math.Abs(deltas[i-1].Change), math.Abs(deltas[i].Change))
	}
	for _, d := range deltas {
		assert.InDelta(t, d.Rescored-d.Stated, d.Change, 1e-9)
	}
}

func TestSummaryKeepsOnlyTheLargestDeltas(t *testing.T) {
	s := NewSummary()
	for _, r := range generatedResults(t, 7, 300) {
		s.Add(r)
	}
	assert.Equal(t, 300, s.Read)
	d := s.Deltas()
	assert.Len(t, d, MaxDeltas, "more projects change total than are kept")
	for i := 1; i < len(d); i++ {
		assert.GreaterOrEqual(t, math.Abs(d[i-1].Change), math.Abs(d[i].Change))
	}
}

func TestTopOrdersByCountThenName(t *testing.T) {
	got := Top(map[string]int{"b": 2, "a": 2, "c": 5, "d": 1}, 3)
	assert.Equal(t, []Count{{"c", 5}, {"a", 2}, {"b", 2}}, got)
}

func TestWorstUnitsOrderByErrorsThenChangesThenName(t *testing.T) {
	s := NewSummary()
	s.Units = map[string]*Unit{
		"乙": {Name: "乙", Projects: 3, Errors: 2, Changed: 0},
		"甲": {Name: "甲", Projects: 1, Errors: 2, Changed: 1},
		"丙": {Name: "丙", Projects: 5, Errors: 2, Changed: 0},
		"丁": {Name: "丁", Projects: 9, Errors: 0, Changed: 0}, // nothing wrong: left out
		"戊": {Name: "戊", Projects: 1, Errors: 0, Changed: 2},
	}
	var names []string
	for _, u := range s.WorstUnits(0) {
		names = append(names, u.Name)
	}
	assert.Equal(t, []string{"甲", "丙", "乙", "戊"}, names)
	assert.Len(t, s.WorstUnits(2), 2)
}

// A total that is a range spanning grades counts under "?"; it is a change of grade when no
// total within it has the stated grade, and not when one may.
func TestSummaryGradeOfARange(t *testing.T) {
	result := func(stated string) *engine.Result {
		p := &indicators.Project{Name: "p", Reported: indicators.Reported{Grade: stated},
			Scoring: indicators.Scoring{Grades: indicators.DefaultGrades(), Decimals: 2, FullMarks: 100}}
		return &engine.Result{Project: p, TotalMin: 70, TotalMax: 80, Grade: "中", GradeMax: "良"}
	}
	s := NewSummary()
	s.Add(result("优"))
	assert.Equal(t, 1, s.Transitions[[2]string{"优", "?"}])
	assert.Equal(t, 1, s.Changed, "70–80 is never 优")
	s.Add(result("良"))
	assert.Equal(t, 1, s.Transitions[[2]string{"良", "?"}])
	assert.Equal(t, 1, s.Changed, "80 is 良")
}

// Each command's summary shows what the command produced: score no findings (it does not
// check), lint no grades or changes of total (it does not score), check both.
func TestSummaryShowsWhatTheCommandProduced(t *testing.T) {
	checked := seedResults(t, true)
	for _, c := range []struct {
		name               string
		out                Output
		grades, findings   bool
		gradeKey, findsKey bool
	}{
		{"score", Output{Format: "text"}, true, false, true, false},
		{"check", Output{Format: "text", Findings: true}, true, true, true, true},
		{"lint", Output{Format: "text", Findings: true, Lint: true}, false, true, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
				out := c.out
				out.Lang, out.Summary = lang, true
				text := stream(t, out, checked)
				summary := text[strings.Index(text, i18n.Pick(lang, "汇总：", "Summary:")):]
				assert.Equal(t, c.grades, strings.Contains(summary, i18n.Pick(lang, "等次（行：自评", "Grades (rows: stated")), "grade table")
				assert.Equal(t, c.grades, strings.Contains(summary, i18n.Pick(lang, "总分变化最大的项目", "Largest changes of total")), "changes of total")
				assert.Equal(t, c.findings, strings.Contains(summary, i18n.Pick(lang, "问题：共", "Findings:")), "findings")
				assert.Equal(t, c.findings, strings.Contains(summary, "score-mismatch"), "findings by code")
				assert.Equal(t, c.grades && c.findings, strings.Contains(summary, i18n.Pick(lang, "最常与评分标准不符", "most often ignores")), "mis-scored indicators")
				assert.NotContains(t, summary, i18n.Pick(lang, "复核", "re-scored"), "jixiao's own figures are computed, not reviewed")
			}
			out := c.out
			out.Format, out.Summary = "json", true
			var doc struct {
				Summary map[string]json.RawMessage `json:"summary"`
			}
			require.NoError(t, json.Unmarshal([]byte(stream(t, out, checked)), &doc))
			_, grades := doc.Summary["grades"]
			_, changes := doc.Summary["largest_changes"]
			_, findings := doc.Summary["findings"]
			assert.Equal(t, c.gradeKey, grades, "grades key")
			assert.Equal(t, c.gradeKey, changes, "largest_changes key")
			assert.Equal(t, c.findsKey, findings, "findings key")
		})
	}
}

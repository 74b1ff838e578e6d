package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/sheets"
)

// failures are the inputs of a folder that could not be used: a TOML file with two errors,
// and a bad line of a JSON Lines stream.
func failures() []Failure {
	toml := indicators.ErrorList{
		{Pos: indicators.Pos{File: "mix/e1.toml", Line: 1, Col: 1}, Kind: indicators.ErrMissing,
			Msg: i18n.T("缺少必填项 name（专项名称）", "the required name is missing")},
		{Pos: indicators.Pos{File: "mix/e1.toml", Line: 20, Col: 1}, Kind: indicators.ErrType, Project: "错字", Indicator: "乙",
			Msg: i18n.T("weight（分值）应为数字", "weight must be a number")},
	}
	line := indicators.ErrorList{{Pos: indicators.Pos{File: "mix/s.jsonl", Line: 3}, Kind: indicators.ErrSyntax,
		Msg: i18n.T("JSON 语法错误", "JSON syntax error")}}
	return []Failure{NewFailure("mix/e1.toml", 0, toml), NewFailure("mix/s.jsonl", 3, line)}
}

// Every format files the inputs that could not be used, with their places and errors in the
// reader's language: nothing read vanishes from the outputs.
func TestFailedInputsAreFiledInEveryFormat(t *testing.T) {
	results := seedResults(t, true)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		first := i18n.Pick(lang, "缺少必填项 name（专项名称）", "the required name is missing")
		second := i18n.Pick(lang, "错字 › 乙：weight（分值）应为数字", "错字 › 乙: weight must be a number")

		// JSON: a top-level errors array, with or without the summary.
		var doc struct {
			Projects []json.RawMessage `json:"projects"`
			Errors   []InputError      `json:"errors"`
		}
		require.NoError(t, json.Unmarshal([]byte(stream(t, Output{Format: "json", Lang: lang, Findings: true}, results, failures()...)), &doc))
		assert.Len(t, doc.Projects, 2)
		assert.Equal(t, []InputError{
			{File: "mix/e1.toml", Line: 1, Column: 1, Kind: "missing", Message: i18n.Pick(lang, "缺少必填项 name（专项名称）", "the required name is missing")},
			{File: "mix/e1.toml", Line: 20, Column: 1, Project: "错字", Indicator: "乙", Kind: "type", Message: i18n.Pick(lang, "weight（分值）应为数字", "weight must be a number")},
			{File: "mix/s.jsonl", Line: 3, Kind: "syntax", Message: i18n.Pick(lang, "JSON 语法错误", "JSON syntax error")},
		}, doc.Errors)

		// JSON Lines: an {"errors": […]} line where each input stood.
		lines := strings.Split(strings.TrimSuffix(stream(t, Output{Format: "jsonl", Lang: lang, Findings: true}, results[:1], failures()...), "\n"), "\n")
		require.Len(t, lines, 3)
		var line struct {
			Errors []InputError `json:"errors"`
		}
		require.NoError(t, json.Unmarshal([]byte(lines[1]), &line))
		assert.Len(t, line.Errors, 2)
		assert.Equal(t, "mix/e1.toml", line.Errors[0].File)
		line.Errors = nil
		require.NoError(t, json.Unmarshal([]byte(lines[2]), &line))
		assert.Equal(t, []InputError{{File: "mix/s.jsonl", Line: 3, Kind: "syntax", Message: i18n.Pick(lang, "JSON 语法错误", "JSON syntax error")}}, line.Errors)

		// SARIF: the invocation failed, each error a notification at its place.
		var log struct {
			Runs []struct {
				Invocations []struct {
					ExecutionSuccessful bool `json:"executionSuccessful"`
					Notifications       []struct {
						Level     string          `json:"level"`
						Message   sarifMessage    `json:"message"`
						Locations []sarifLocation `json:"locations"`
					} `json:"toolExecutionNotifications"`
				} `json:"invocations"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal([]byte(stream(t, Output{Format: "sarif", Lang: lang, Findings: true}, results, failures()...)), &log))
		require.Len(t, log.Runs[0].Invocations, 1)
		inv := log.Runs[0].Invocations[0]
		assert.False(t, inv.ExecutionSuccessful)
		require.Len(t, inv.Notifications, 3)
		assert.Equal(t, "error", inv.Notifications[1].Level)
		assert.Equal(t, second, inv.Notifications[1].Message.Text)
		assert.Equal(t, "mix/e1.toml", inv.Notifications[1].Locations[0].PhysicalLocation.ArtifactLocation.URI)
		assert.Equal(t, 20, inv.Notifications[1].Locations[0].PhysicalLocation.Region.StartLine)
		assert.Equal(t, 3, inv.Notifications[2].Locations[0].PhysicalLocation.Region.StartLine, "a stream's line")

		// The text summary names each input with its first error.
		text := stream(t, Output{Format: "text", Lang: lang, Findings: true, Summary: true}, results, failures()...)
		summary := text[strings.Index(text, i18n.Pick(lang, "汇总：", "Summary:")):]
		assert.Contains(t, summary, i18n.Pick(lang, "未能读入 2 个输入，均未计分", "2 inputs could not be read, none of them scored"))
		assert.Contains(t, summary, "  mix/e1.toml:1:1"+i18n.Pick(lang, "：", ": ")+first+i18n.Pick(lang, "（另有 1 处错误）", " (and 1 more error)")+"\n")
		assert.Contains(t, summary, "  mix/s.jsonl:3"+i18n.Pick(lang, "：JSON 语法错误", ": JSON syntax error")+"\n")

		// The workbook: a block in the summary sheet, and rows in the list of findings.
		var buf bytes.Buffer
		require.NoError(t, workbook(&buf, filed{results: results, failed: failures()}, lang))
		path := filepath.Join(t.TempDir(), "review.xlsx")
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		b, err := sheets.Open(path)
		require.NoError(t, err)
		g, err := b.Grid(indicators.SheetSummary.String(lang))
		require.NoError(t, err)
		at := rowOf(g, notRead(2).String(lang))
		require.GreaterOrEqual(t, at, 0, "the summary sheet says what was not read")
		assert.Equal(t, []string{"mix/e1.toml", "mix/e1.toml:1:1", first}, g.Rows[at+2][:3])
		assert.Equal(t, []string{"mix/e1.toml", "mix/e1.toml:20:1", second}, g.Rows[at+3][:3])
		assert.Equal(t, []string{"mix/s.jsonl:3", "mix/s.jsonl:3", i18n.Pick(lang, "JSON 语法错误", "JSON syntax error")}, g.Rows[at+4][:3])
		g, err = b.Grid(indicators.SheetFindings.String(lang))
		require.NoError(t, err)
		at = rowOf(g, second)
		require.GreaterOrEqual(t, at, 0, "the list of findings has the input's errors")
		assert.Equal(t, []string{"mix/e1.toml", "乙", SeverityLabel(0, lang)}, g.Rows[at][:3])
		b.Close()
	}
}

// rowOf is the 0-based row of g with a cell holding text, or -1.
func rowOf(g *sheets.Grid, text string) int {
	for r, row := range g.Rows {
		for _, c := range row {
			if c == text {
				return r
			}
		}
	}
	return -1
}

// A failure from an error that carries no place is placed at its input, and the summary keeps
// the names of at most MaxFailures inputs while counting them all.
func TestFailureWithoutPlaceAndTheSummaryCap(t *testing.T) {
	f := NewFailure("x.toml", 0, assert.AnError)
	require.Len(t, f.Errors, 1)
	assert.Equal(t, indicators.Pos{File: "x.toml"}, f.Errors[0].Pos)
	s := NewSummary()
	for range MaxFailures + 5 {
		s.AddFailure(&f)
	}
	j := NewSummaryJSON(s)
	assert.Equal(t, MaxFailures+5, j.Failed)
	assert.Len(t, j.FailedInputs, MaxFailures)
	var b strings.Builder
	require.NoError(t, SummaryText(&b, s, i18n.En))
	assert.Contains(t, b.String(), "  5 more not listed\n")
}

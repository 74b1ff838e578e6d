package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
	"jixiao/sheets"
)

// seedReport reads the bundled report, checks its projects and then the report itself with
// the grades computed, as the pipeline does.
func seedReport(t *testing.T) ([]*engine.Result, *published.Result) {
	t.Helper()
	doc, err := published.Read("../testdata/quangang-2021-report.txt")
	require.NoError(t, err)
	eng := engine.New(engine.Options{})
	var results []*engine.Result
	var grades []string
	for _, p := range doc.Projects {
		r, err := eng.Check(p.Project)
		require.NoError(t, err)
		results = append(results, r)
		grades = append(grades, r.Grade)
	}
	return results, &published.Result{Document: doc, Findings: published.Check(doc, grades, published.Options{})}
}

// streamReport writes the report's projects and document as one input of a Stream.
func streamReport(t *testing.T, out Output, results []*engine.Result, doc *published.Result) string {
	t.Helper()
	var buf bytes.Buffer
	s := NewStream(&buf, out)
	encoded, err := out.Encode(results, doc)
	require.NoError(t, err)
	require.NoError(t, s.Add(results, doc, encoded))
	require.NoError(t, s.Close())
	return buf.String()
}

// The report's own findings come out beside its projects' in every format, in both
// languages, each with its place.
func TestDocumentInEveryFormat(t *testing.T) {
	results, doc := seedReport(t)
	require.Len(t, results, 2)
	require.Len(t, doc.Findings, 12)
	engineFindings := len(results[0].Findings) + len(results[1].Findings)

	t.Run("text", func(t *testing.T) {
		zh := streamReport(t, Output{Format: "text", Lang: i18n.Zh, Findings: true}, results, doc)
		var projects bytes.Buffer
		require.NoError(t, Text(&projects, results, i18n.Zh, true))
		require.True(t, strings.HasPrefix(zh, projects.String()+"\n"), "the projects first, as from any input")
		block := strings.TrimPrefix(zh, projects.String()+"\n")
		assert.True(t, strings.HasPrefix(block, "../testdata/quangang-2021-report.txt：报告本身\n  2021 年度 · 项目支出绩效自评 2 个 · 决算表 9 张："), block)
		assert.Contains(t, block, "问题：4 个错误，4 个警告，4 个提示\n")
		assert.Contains(t, block, "  ../testdata/quangang-2021-report.txt:121:25: 错误 [accounts-total-mismatch] 公开01表 › 支出：本年支出合计为 18,081.38，而所列各行之和为 18,671.27，相差 589.89 万元")
		assert.True(t, strings.HasSuffix(block, "结论：报告本身有 4 处错误须更正\n"))
		en := streamReport(t, Output{Format: "text", Lang: i18n.En, Findings: true}, results, doc)
		assert.Contains(t, en, "../testdata/quangang-2021-report.txt: the report itself\n  year 2021 · 2 project self-evaluations · 9 final-accounts tables: 公开01表, ")
		assert.Contains(t, en, "error [narrative-grade-mismatch] the narrative states the grades 优 2, 良 0, 中 0, 差 0, but by the projects' computed totals the grades are 优 1, 良 1")
		assert.True(t, strings.HasSuffix(en, "Verdict: the report itself has 4 errors to correct\n"))

		score := streamReport(t, Output{Format: "text", Lang: i18n.Zh}, results, doc)
		assert.True(t, strings.HasSuffix(score, "：报告本身\n  "+documentFacts(doc.Document, i18n.Zh)+"\n"), "score: what was read, no findings")
		lint := streamReport(t, Output{Format: "text", Lang: i18n.Zh, Findings: true, Lint: true}, results, doc)
		assert.NotContains(t, lint, "报告本身", "lint checks the criteria alone")
	})

	t.Run("json", func(t *testing.T) {
		var got struct {
			Projects  []JSONProject  `json:"projects"`
			Documents []JSONDocument `json:"documents"`
		}
		require.NoError(t, json.Unmarshal([]byte(streamReport(t, Output{Format: "json", Lang: i18n.En, Findings: true}, results, doc)), &got))
		require.Len(t, got.Projects, 2)
		require.Len(t, got.Documents, 1)
		d := got.Documents[0]
		assert.Equal(t, []string{"社保工作运行经费", "城乡居民养老金及个账补贴"}, d.Projects)
		assert.Equal(t, "text", d.Format)
		require.NotNil(t, d.Findings)
		require.Len(t, *d.Findings, len(doc.Findings))
		f := (*d.Findings)[3]
		assert.Equal(t, "eval-report-mismatch", f.Code)
		assert.Equal(t, 100.0, f.Actual)
		assert.Equal(t, 94.81, f.Expected)
		assert.Equal(t, 556, f.Line)
		assert.Equal(t, &JSONPlace{File: "../testdata/quangang-2021-report.txt", Line: 621, Column: 11}, f.Other)

		var none map[string]any
		require.NoError(t, json.Unmarshal([]byte(streamReport(t, Output{Format: "json", Lang: i18n.En, Findings: true, Lint: true}, results, doc)), &none))
		assert.NotContains(t, none, "documents")
	})

	t.Run("jsonl", func(t *testing.T) {
		lines := strings.Split(strings.TrimSuffix(streamReport(t, Output{Format: "jsonl", Lang: i18n.Zh, Findings: true}, results, doc), "\n"), "\n")
		require.Len(t, lines, 3, "two projects, then the document")
		var last struct {
			Document JSONDocument `json:"document"`
		}
		require.NoError(t, json.Unmarshal([]byte(lines[2]), &last))
		require.NotNil(t, last.Document.Findings)
		assert.Len(t, *last.Document.Findings, len(doc.Findings))
		var same struct {
			Documents []json.RawMessage `json:"documents"`
		}
		require.NoError(t, json.Unmarshal([]byte(streamReport(t, Output{Format: "json", Lang: i18n.Zh, Findings: true}, results, doc)), &same))
		var a, b any
		require.NoError(t, json.Unmarshal(same.Documents[0], &a))
		require.NoError(t, json.Unmarshal([]byte(lines[2]), &b))
		assert.Equal(t, a, b.(map[string]any)["document"], "the same object in JSON and JSON Lines")
	})

	t.Run("sarif", func(t *testing.T) {
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			out := streamReport(t, Output{Format: "sarif", Lang: lang, Findings: true, Version: "v"}, results, doc)
			log, err := sarif.FromBytes([]byte(out))
			require.NoError(t, err)
			require.NoError(t, log.Validate(), "schema validation")
			again, err := json.Marshal(log)
			require.NoError(t, err)
			var ours, theirs any
			require.NoError(t, json.Unmarshal([]byte(out), &ours))
			require.NoError(t, json.Unmarshal(again, &theirs))
			assertSubset(t, "$", ours, theirs)
			run := log.Runs[0]
			assert.Len(t, run.Tool.Driver.Rules, len(engine.Checks())+len(published.Codes()))
			require.Len(t, run.Results, engineFindings+len(doc.Findings))
			for _, r := range run.Results[engineFindings:] {
				rule := run.Tool.Driver.Rules[r.RuleIndex]
				assert.Equal(t, *r.RuleID, *rule.ID, "each result's rule")
			}
		}
	})

	t.Run("xlsx", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "review.xlsx")
		require.NoError(t, os.WriteFile(path, []byte(streamReport(t, Output{Format: "xlsx", Lang: i18n.Zh, Findings: true}, results, doc)), 0o644))
		book, err := sheets.Open(path)
		require.NoError(t, err)
		defer book.Close()
		summary, err := book.Grid("汇总")
		require.NoError(t, err)
		require.Greater(t, len(summary.Rows), 4, "the header, two projects, the report, then the summary by unit")
		assert.Equal(t, []string{"社保工作运行经费", "城乡居民养老金及个账补贴", "（报告本身）", ""},
			[]string{summary.Cell(1, 0), summary.Cell(2, 0), summary.Cell(3, 0), summary.Cell(4, 0)})
		assert.Equal(t, "错误", summary.Cell(0, 11))
		assert.Equal(t, "4", summary.Cell(3, 11), "its errors")
		assert.Equal(t, "../testdata/quangang-2021-report.txt", summary.Cell(3, 14))
		findings, err := book.Grid("问题清单")
		require.NoError(t, err)
		// Info findings of one code share a row in the workbook, as in the text output.
		lines := len(findingLines(results[0], i18n.Zh)) + len(findingLines(results[1], i18n.Zh))
		require.Len(t, findings.Rows, 1+lines+len(doc.Findings))
		row := 1 + lines + 1 // the report's second finding
		assert.Equal(t, "公开01表 › 支出", findings.Cell(row, 0))
		assert.Equal(t, "决算报告", findings.Cell(row, 3), "its 复核维度")
		assert.Equal(t, "../testdata/quangang-2021-report.txt:121:25", findings.Cell(row, 4))
		assert.Contains(t, findings.Cell(row, 5), "差额恰好等于“一、一般公共服务支出”一行的金额 589.89")
		assert.Equal(t, "所写合计 18,081.38；各行之和 18,671.27；相差 589.89 万元", findings.Cell(row, 6))
		assert.Equal(t, "accounts-total-mismatch", findings.Cell(row, 9))
	})
}

// The summary counts the report's findings beside its projects'.
func TestSummaryCountsTheDocument(t *testing.T) {
	results, doc := seedReport(t)
	var got struct {
		Summary SummaryJSON `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(streamReport(t, Output{Format: "json", Findings: true, Summary: true}, results, doc)), &got))
	assert.Equal(t, len(results[0].Findings)+len(results[1].Findings)+len(doc.Findings), got.Summary.Findings.Total)
}

// A PDF's page is named in every format: page, line and column in JSON (both encoders),
// the page and line in the reader's words in text and in SARIF's location.
func TestPagePositions(t *testing.T) {
	p, err := indicators.Parse("r.toml", []byte("[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\nweight = 100\nactual = 1\ntarget = 2\n"), indicators.Limits{})
	require.NoError(t, err)
	p.File = "r.pdf"
	p.Place("indicator", indicators.Pos{File: "r.pdf", Page: 3, Line: 4, Col: 2})
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	require.NotEmpty(t, r.Findings)
	assert.Equal(t, indicators.Pos{File: "r.pdf", Page: 3, Line: 4, Col: 2}, r.Pos(&r.Findings[0]))

	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		assert.Equal(t, string(encodingJSON(t, projectJSON(r, lang, true))), string(appendResult(nil, r, lang, true)))
	}
	js := NewJSONFindings(r, i18n.Zh)[0]
	assert.Equal(t, [3]int{3, 4, 2}, [3]int{js.Page, js.Line, js.Column})

	var text bytes.Buffer
	require.NoError(t, Text(&text, []*engine.Result{r}, i18n.Zh, true))
	assert.Contains(t, text.String(), "  r.pdf 第3页第4行: ")
	text.Reset()
	require.NoError(t, Text(&text, []*engine.Result{r}, i18n.En, true))
	assert.Contains(t, text.String(), "  r.pdf page 3, line 4: ")

	var buf bytes.Buffer
	require.NoError(t, SARIF(&buf, []*engine.Result{r}, i18n.Zh, "v"))
	log, err := sarif.FromBytes(buf.Bytes())
	require.NoError(t, err)
	require.NoError(t, log.Validate())
	loc := log.Runs[0].Results[0].Locations[0]
	assert.Nil(t, loc.PhysicalLocation.Region, "a PDF has no lines of text a region could name")
	assert.Equal(t, "第3页第4行", *loc.Message.Text)
	assert.Equal(t, "r.pdf", *loc.PhysicalLocation.ArtifactLocation.URI)
	var raw struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					Properties sarifPage `json:"properties"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &raw))
	assert.Equal(t, sarifPage{Page: 3, Line: 4, Column: 2}, raw.Runs[0].Results[0].Locations[0].Properties)
}

// --list names the report's checks after the projects'; --explain explains either kind.
func TestCatalogueOfBoth(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Catalogue(&b, i18n.Zh, false))
	assert.Contains(t, b.String(), "accounts-total-mismatch    error    合计与所列各行之和不符\n")
	assert.Equal(t, len(engine.Checks())+len(published.Codes()), strings.Count(b.String(), "\n"))
	b.Reset()
	require.NoError(t, Catalogue(&b, i18n.Zh, true))
	assert.NotContains(t, b.String(), "accounts-")

	b.Reset()
	found, err := ExplainCode(&b, "narrative-grade-mismatch", i18n.Zh)
	require.NoError(t, err)
	assert.True(t, found)
	assert.True(t, strings.HasPrefix(b.String(), "narrative-grade-mismatch (错误): 情况说明中的等次与计算等次不符\n\n预算绩效情况说明写了各等次"), b.String())
	b.Reset()
	found, _ = ExplainCode(&b, "score-mismatch", i18n.En)
	assert.True(t, found)
	assert.True(t, strings.HasPrefix(b.String(), "score-mismatch (error): "))
	found, _ = ExplainCode(&b, "no-such-code", i18n.En)
	assert.False(t, found)
}

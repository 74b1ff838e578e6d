package report

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/sheets"
)

// writeBook writes the review workbook of results to a file.
func writeBook(t *testing.T, results []*engine.Result, name string) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Workbook(&buf, results, i18n.Zh))
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// reviewSheet is a project sheet of a review workbook as the reviewer edits it: the row of
// each indicator and the column of each label of the indicator table.
type reviewSheet struct {
	t     *testing.T
	b     *sheets.Book
	sheet string
	rows  map[string]int // by indicator name, 1-based
	cols  map[string]int // by header label, 1-based
}

func openReviewSheet(t *testing.T, b *sheets.Book, sheet string) *reviewSheet {
	g, err := b.Grid(sheet)
	require.NoError(t, err)
	rs := &reviewSheet{t: t, b: b, sheet: sheet, rows: map[string]int{}, cols: map[string]int{}}
	head := -1
	for r, row := range g.Rows {
		if head < 0 && slices.Contains(row, "复核得分") {
			head = r
			for c, v := range row {
				rs.cols[v] = c + 1
			}
			continue
		}
		if head >= 0 && len(row) > 2 && row[2] != "" {
			rs.rows[row[2]] = r + 1
		}
	}
	require.GreaterOrEqual(t, head, 0, "%s has the review columns", sheet)
	return rs
}

func (rs *reviewSheet) cell(indicator, label string) string {
	r, ok := rs.rows[indicator]
	require.True(rs.t, ok, indicator)
	c, ok := rs.cols[label]
	require.True(rs.t, ok, label)
	return sheets.CellName(c, r)
}

func (rs *reviewSheet) number(indicator, label string, v float64) {
	require.NoError(rs.t, rs.b.SetNumber(rs.sheet, rs.cell(indicator, label), v))
}

func (rs *reviewSheet) text(indicator, label, v string) {
	require.NoError(rs.t, rs.b.SetText(rs.sheet, rs.cell(indicator, label), v))
}

// reviewOutcome is what a round trip must keep of a project's 复核: its totals and the
// review-* findings, by indicator.
type reviewOutcome struct {
	Total     float64
	Exact     bool
	Grade     string
	Deviation float64
	Reviewer  string
	Findings  []string
}

func outcome(t *testing.T, p *indicators.Project) reviewOutcome {
	t.Helper()
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	require.NotNil(t, r.Review, "%s carries a review", p.Name)
	o := reviewOutcome{Total: r.Review.Total, Exact: r.Review.Exact, Grade: r.Review.Grade, Deviation: r.Review.Deviation,
		Reviewer: p.Reviewer.Name + " " + p.Reviewer.Date}
	for _, f := range r.Findings {
		if strings.HasPrefix(string(f.Code), "review-") {
			o.Findings = append(o.Findings, string(f.Code)+" "+r.Indicators[f.Indicator].Indicator.Name)
		}
	}
	return o
}

// The reviewer's working file, end to end: the seed's review workbook, filled in as a
// reviewer does (one cut with its reason and rule, one cut with neither, the reviewer and the
// date), is read back with the 复核: the review total, grade and 偏离度 follow, and the cut
// without a reason is the one review-* finding. Written on as TOML ([indicator.review]) or
// JSON Lines and read again, and written as a workbook again, it is the same review.
func TestReviewWorkbookRoundTrip(t *testing.T) {
	path := writeBook(t, seedResults(t, true), "review.xlsx")
	b, err := sheets.Open(path)
	require.NoError(t, err)
	rs := openReviewSheet(t, b, "社保工作运行经费")
	assert.Equal(t, []string{"复核完成值", "复核得分", "扣分理由", "复核口径", "复核备注"},
		[]string{colName(rs, 14), colName(rs, 15), colName(rs, 16), colName(rs, 17), colName(rs, 18)}, "the review columns, right of 偏差原因")
	lists, err := b.DropDowns("社保工作运行经费")
	require.NoError(t, err)
	require.Len(t, lists, 1, "the 复核口径 column is a drop-down")
	for ref, options := range lists {
		assert.True(t, strings.HasPrefix(ref, "Q"), ref)
		assert.Equal(t, `"by-criterion,no-evidence,unrelated,unassessable-30,unassessable-60,unassessable-100,over-130,no-survey"`, options)
	}
	g, err := b.Grid("社保工作运行经费")
	require.NoError(t, err)
	prefilled := g.Cell(rs.rows["社保参保率"]-1, rs.cols["复核得分"]-1)
	assert.Equal(t, "18.00", prefilled, "filled with the computed score")
	assert.Equal(t, "by-criterion", g.Cell(rs.rows["社保参保率"]-1, rs.cols["复核口径"]-1), "where it differs from the reported one, with its rule")
	assert.Contains(t, g.Cell(rs.rows["社保参保率"]-1, rs.cols["扣分理由"]-1), "按评分标准应得 18.00", "and the reason")

	rs.number("城乡保参保人数", "复核得分", 8)
	rs.text("城乡保参保人数", "扣分理由", "参保人数无系统截图佐证，无法核实")
	rs.text("城乡保参保人数", "复核口径", "unassessable-60")
	rs.number("群众满意率", "复核得分", 6)
	require.NoError(t, b.SetText("社保工作运行经费", "B2", "王五"))
	require.NoError(t, b.SetText("社保工作运行经费", "D2", "2022-06-30"))
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	require.NoError(t, b.SaveAs(filled))
	require.NoError(t, b.Close())

	projects, err := indicators.LoadWorkbook(filled, indicators.Limits{})
	require.NoError(t, err)
	require.Len(t, projects, 2)
	var p *indicators.Project
	for _, q := range projects {
		if q.Name == "社保工作运行经费" {
			p = q
		} else {
			assert.False(t, engine.Reviewed(q), "%s, left as jixiao filled it, is not reviewed", q.Name)
		}
	}
	require.NotNil(t, p)
	// 20 + 8 + 10 + 10 + 8 + 18 + 6: the cut of 12 points (60 % of 20) and of 4 points; the
	// 偏离度 from the stated 94.81.
	self := 94.81
	want := reviewOutcome{Total: 80, Exact: true, Grade: "良", Deviation: (self - 80) / self, Reviewer: "王五 2022-06-30",
		Findings: []string{"review-cut-unexplained 群众满意率"}}
	assert.Equal(t, want, outcome(t, p), "read from the workbook")

	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	j := NewJSONProject(r, i18n.Zh)
	require.NotNil(t, j.Review)
	assert.Equal(t, 80.0, *j.Review.Total)
	assert.Equal(t, "良", j.Review.Grade)
	assert.Equal(t, 0.1562, *j.Review.Deviation, "a fraction, 4 decimals")
	assert.Equal(t, "unassessable-60", j.Indicators[4].Review.Rule)
	assert.Equal(t, 12.0, *j.Indicators[4].Review.Difference, "得分差: 自评 20 − 复核 8")

	var toml strings.Builder
	require.NoError(t, indicators.WriteTOML(&toml, p, ""))
	assert.Contains(t, toml.String(), "[indicator.review]\nscore = 8\nreason = \"参保人数无系统截图佐证，无法核实\"\nrule = \"unassessable-60\"\n")
	assert.Contains(t, toml.String(), "[reviewer]\nname = \"王五\"\ndate = \"2022-06-30\"\n")
	fromTOML, err := indicators.Parse("社保工作运行经费.toml", []byte(toml.String()), indicators.Limits{})
	require.NoError(t, err, toml.String())
	assert.Equal(t, want, outcome(t, fromTOML), "through TOML")

	var line bytes.Buffer
	require.NoError(t, indicators.WriteJSON(&line, p))
	for _, validating := range []bool{false, true} {
		jp := indicators.JSONParser{Validating: validating}
		fromJSON, err := jp.Parse("stdin", 1, bytes.TrimSpace(line.Bytes()), indicators.Limits{})
		require.NoError(t, err)
		assert.Equal(t, want, outcome(t, fromJSON), "through JSON Lines, validating: %v", validating)
	}

	again := writeBook(t, []*engine.Result{r}, "again.xlsx")
	back, err := indicators.LoadWorkbook(again, indicators.Limits{})
	require.NoError(t, err)
	require.Len(t, back, 1)
	assert.Equal(t, want, outcome(t, back[0]), "the reviewed project written as a workbook again")
}

func colName(rs *reviewSheet, col int) string {
	for label, c := range rs.cols {
		if c == col {
			return label
		}
	}
	return ""
}

// The sheets a reviewer files: the 自评复核报告表 with each project's 偏离度, the 差值表, the
// 问题清单 with the reviewer's own cuts beside jixiao's findings, the summary by unit with its
// two charts, and the rules.
func TestReviewWorkbookSheets(t *testing.T) {
	src := `[project]
name = "复核样例"
agency = "某局"

[reported]
score = 100
grade = "优"

[reviewer]
name = "王五"
date = "2022-06-30"

[review]
disable = ["no-criterion", "all-full-marks"]

[[indicator]]
level1 = "产出指标"
name = "培训人次"
target = 100
actual = 100
weight = 60
reported = 60

[indicator.review]
score = 24
reason = "签到表缺失"
rule = "unassessable-60"

[[indicator]]
level1 = "满意度指标"
name = "满意度"
target = 90
actual = 95
weight = 40
reported = 40

[indicator.review]
score = 0
reason = "无调查问卷"
rule = "no-survey"
`
	p, err := indicators.Parse("复核样例.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	require.NotNil(t, r.Review)
	assert.Equal(t, 24.0, r.Review.Total)
	assert.Equal(t, "差", r.Review.Grade)
	assert.InDelta(t, 0.76, r.Review.Deviation, 1e-12)
	results := append(seedResults(t, true), r)
	path := writeBook(t, results, "review.xlsx")
	b, err := sheets.Open(path)
	require.NoError(t, err)
	defer b.Close()
	assert.Equal(t, []string{"汇总", "城乡居民养老金及个账补贴", "社保工作运行经费", "复核样例", "自评复核报告表", "差值表", "问题清单", "复核口径", "jixiao"}, b.Sheets())
	hidden, err := b.Hidden("jixiao")
	require.NoError(t, err)
	assert.True(t, hidden, "the projects' models are kept out of sight")

	text := func(sheet string) string {
		g, err := b.Grid(sheet)
		require.NoError(t, err)
		var lines []string
		for _, row := range g.Rows {
			lines = append(lines, strings.Join(row, "|"))
		}
		return strings.Join(lines, "\n")
	}
	summary := text("汇总")
	assert.Contains(t, summary, "复核样例|某局|复核样例|100.00|优|100.00|优|24.00|差|76.00%|王五|")
	assert.Contains(t, summary, "\n某局|1|1|76.00%|1|0|0", "by unit: projects, reviewed, average 偏离度, grades changed by the review")
	assert.Contains(t, summary, "\n优|3|2|0\n良|0|1|0\n", "grades: stated, computed, reviewed")
	assert.True(t, strings.HasSuffix(summary, "\n差|0|0|1"), summary)

	report := text("自评复核报告表")
	assert.Contains(t, report, "项目：复核样例　单位：某局　复核人：王五　复核日期：2022-06-30")
	assert.Contains(t, report, "产出指标||培训人次|60.00|100|100|60.00|60.00||24.00|36.00|100.00%|签到表缺失|unassessable-60")
	assert.Contains(t, report, "等次|自评 优，计算 优，复核 差||偏离度|76.00%")

	diffs := text("差值表")
	assert.Contains(t, diffs, "复核样例|某局|（项目合计）|100.00|100.00|100.00|24.00|0.00|76.00|76.00%")
	assert.Contains(t, diffs, "复核样例|某局|满意度|40.00|40.00|40.00|0.00|0.00|40.00||无调查问卷|no-survey")
	assert.Contains(t, diffs, "社保工作运行经费|泉港区社会保险中心|社保参保率|20.00|19.81|18.00||1.81", "a computed score that differs, before any review")

	findings := text("问题清单")
	assert.True(t, strings.HasPrefix(findings, "项目|指标|等级|复核维度|位置|复核发现|事实及判定|处理建议|核验依据|代码\n"), findings[:200])
	assert.Contains(t, findings, "复核样例|培训人次|复核扣分|产出指标|复核样例.toml:25:1|签到表缺失|自评得分 60，复核得分 24.00，扣 36.00 分||unassessable-60：无法评价（较重），扣分值的60%|unassessable-60")
	assert.Contains(t, findings, "社保工作运行经费|社保参保率|错误|得分|")
	assert.Contains(t, findings, "|自评得分 19.81；计算得分 18.00|")

	rules := text("复核口径")
	assert.Contains(t, rules, "口径代码|口径名称|对得分的影响|须填备注\nby-criterion|按评分标准计分|按评分标准计分\n")
	assert.Contains(t, rules, "over-130|完成率超过130%，不扣分，须备注|不扣分（完成率超过 130% 时适用）|是")

	z, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer z.Close()
	var charts int
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			charts++
		}
	}
	assert.Equal(t, 2, charts, "grades before and after the review; 偏离度 by unit")
}

// A list of rules too long for a written drop-down is offered from the rules sheet; projects
// following different lists each get their own.
func TestReviewDropDownFromTheRulesSheet(t *testing.T) {
	var rules strings.Builder
	for i := 0; i < 12; i++ {
		rules.WriteString("[[review_rules]]\ncode = \"a-rather-long-rule-code-" + string(rune('a'+i)) + "\"\ntitle = \"口径\"\neffect = \"zero\"\n\n")
	}
	src := rules.String() + "[project]\nname = \"长清单\"\n\n[[indicator]]\nname = \"x\"\ntarget = 1\nactual = 1\nweight = 100\nreported = 100\n"
	p, err := indicators.Parse("long.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	path := writeBook(t, append(seedResults(t, true)[:1], r), "review.xlsx")
	b, err := sheets.Open(path)
	require.NoError(t, err)
	defer b.Close()
	lists, err := b.DropDowns("长清单")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"Q4:Q4": "'复核口径'!$A$14:$A$25"}, lists)
	g, err := b.Grid("复核口径")
	require.NoError(t, err)
	assert.Equal(t, "适用于：长清单", g.Cell(11, 0))
	assert.Equal(t, "a-rather-long-rule-code-a", g.Cell(13, 0), "row 14, where the drop-down begins")
	assert.Equal(t, "a-rather-long-rule-code-l", g.Cell(24, 0))
}

// The review workbook's own sheets (汇总, 问题清单…), in either language, are passed over by
// the reader without a note: only the project sheets are read.
func TestReviewWorkbookReadBackWithoutNotes(t *testing.T) {
	results := seedResults(t, true)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		path := filepath.Join(t.TempDir(), "review.xlsx")
		var b bytes.Buffer
		require.NoError(t, Workbook(&b, results, lang))
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		projects, err := indicators.LoadWorkbook(path, indicators.Limits{})
		require.NoError(t, err)
		require.Len(t, projects, len(results))
		for _, p := range projects {
			assert.Empty(t, p.Warnings, "%s: reading back the workbook written in %s", p.Name, lang)
		}
	}
}

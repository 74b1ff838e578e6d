package report

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/published"
	"jixiao/sheets"
)

// What the workbook's cells cannot show, each in a project of its own: a direction the target
// does not carry, tiers and a method, an indicator that does not apply, a domain, the
// [scoring] table, the [review] thresholds, a file's own review rules, a review of the
// 预算执行率 line.
var roundTripSources = map[string]string{
	"direction.toml": `[project]
name = "方向"
year = 2023
[[indicator]]
name = "投诉件数"
target = 10
direction = "lower"
actual = 8
weight = 50
reported = 50
[[indicator]]
name = "完成率"
target = 100
unit = "%"
actual = 100
weight = 50
reported = 50
domain = [0, 120]
`,
	"scoring.toml": `[project]
name = "分档与计分规则"
year = 2023
[scoring]
decimals = 3
lower = "reverse"
late_per_month = 0.5
unread = "default"
band_met = [85, 100]
grades = [ { name = "优", min = 85 }, { name = "良", min = 75 }, { name = "中", min = 60 }, { name = "差", min = 0 } ]
[review]
tolerance = 0.01
disable = ["all-full-marks"]
[[review_rules]]
code = "own-cut"
title = "本省口径：扣一半"
effect = "cut"
cut = 0.5
[reported]
score = 80.5
grade = "良"
[[indicator]]
level1 = "产出指标"
level2 = "数量指标"
name = "覆盖率"
target = 100
unit = "%"
actual = 92
weight = 40
reported = 30
tiers = [ { when = "actual >= 100", score = "40" }, { when = "actual >= 90", score = "30" }, { when = "true", score = "0" } ]
reason = "部分乡镇未覆盖"
[[indicator]]
level2 = "质量指标"
name = "验收"
target = "合格"
actual = "基本合格"
weight = 20
reported = 14
method = "qualitative"
reason = "整改中"
[[indicator]]
name = "不适用项"
target = 100
actual = 0
weight = 10
applicable = false
[[indicator]]
name = "处理时限"
target = "≤10天"
actual = 12
weight = 10
reported = 8.333
reason = "人手不足"
[[indicator]]
name = "完成时间"
target = "2023年6月30日前"
actual = "2023年7月10日"
weight = 20
reported = 10
reason = "材料延误"
[[indicator]]
name = "满意度"
target = "≥90%"
actual = "95%"
weight = 0.001
reported = 0.001
`,
	"line.toml": `[project]
name = "执行率复核"
[funds]
unit = "元"
budget = 1000000
adjustment = 20000
spent = 900000
weight = 10
reported = 9.5
reason = "采购延后"
[funds.review]
score = 8
reason = "部分支出无凭证"
rule = "unassessable-30"
[reviewer]
name = "王五"
date = "2024-03-15"
[[indicator]]
name = "培训人次"
target = "≥500人次"
actual = "520人次"
weight = 90
reported = 90
[indicator.review]
actual = 480
score = 80
reason = "签到表只有480人次"
rule = "unassessable-30"
note = "抽查"
`,
}

// roundTripProjects are every project the repository holds that loads — the seed, the check
// expectations, the file of every key, the loadable files of the malformed corpus, the seed
// report's projects — those above, and generated ones.
func roundTripProjects(t *testing.T) []*indicators.Project {
	t.Helper()
	var projects []*indicators.Project
	for _, glob := range []string{"../testdata/quangang-2021/*.toml", "../engine/testdata/review/*.toml", "../indicators/testdata/every_key.toml", "../testdata/bad/*.toml"} {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		for _, f := range files {
			p, err := indicators.Load(f, indicators.Limits{})
			if strings.Contains(glob, "/bad/") {
				if err != nil {
					continue // a malformed file that does not load has nothing to write
				}
				if _, err := engine.New(engine.Options{}).Check(p); err != nil {
					continue // nor one that cannot be checked
				}
			}
			require.NoError(t, err, f)
			projects = append(projects, p)
		}
	}
	for _, r := range generatedResults(t, 11, 60) {
		projects = append(projects, r.Project)
	}
	doc, err := published.Read("../testdata/quangang-2021-report.txt")
	require.NoError(t, err)
	for _, p := range doc.Projects {
		projects = append(projects, p.Project)
	}
	for _, name := range []string{"direction.toml", "scoring.toml", "line.toml"} {
		p, err := indicators.Parse(name, []byte(roundTripSources[name]), indicators.Limits{})
		require.NoError(t, err, name)
		projects = append(projects, p)
	}
	require.Greater(t, len(projects), 100)
	return projects
}

// computed is what jixiao works out of a project, positions aside: the totals, grade and
// targets, each indicator's score and how it came, every finding with its message, and the
// reviewer's 复核 totalled.
func computed(r *engine.Result) []string {
	d := r.Project.Scoring.Decimals
	f := func(v float64) string { return num.Format(v, d) }
	out := []string{fmt.Sprintf("total %s–%s exact %v grade %s–%s targets %d/%d rescaled %v", f(r.TotalMin), f(r.TotalMax), r.Exact,
		r.Grade, r.GradeMax, r.TargetsSet, r.TargetsMet, r.Rescaled)}
	if x := r.Execution; x != nil {
		out = append(out, fmt.Sprintf("execution %v %s of %s", x.HasScore, f(x.Score), f(x.Weight)))
	}
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		out = append(out, fmt.Sprintf("%d %s: %v %s %s–%s kind %v tier %d applicable %v met %v/%v reason %v", i, ir.Indicator.Name, ir.HasScore,
			f(ir.Score), f(ir.Min), f(ir.Max), ir.Kind, ir.Tier, ir.Applicable, ir.Met, ir.MetKnown, ir.Reason))
	}
	for k := range r.Findings {
		fd := &r.Findings[k]
		msg, hint := Message(r, fd, i18n.Zh)
		if fd.Code == engine.ExecutionUnexplained {
			hint = "" // where to give the reason: the input format's own place (a key, a cell)
		}
		out = append(out, fmt.Sprintf("finding %s %s indicator %d field %s: %s → %s", fd.Code, fd.Severity, fd.Indicator, fd.Field.Key(), msg, hint))
	}
	if rv := r.Review; rv != nil {
		out = append(out, fmt.Sprintf("review %s–%s %s–%s deviation %v %.4f scored %d by %s %s", f(rv.TotalMin), f(rv.TotalMax), rv.Grade, rv.GradeMax,
			rv.HasDeviation, rv.Deviation, rv.Scored, r.Project.Reviewer.Name, r.Project.Reviewer.Date))
		for i, iv := range rv.Indicators {
			out = append(out, fmt.Sprintf("review %d: %v %s", i, iv.HasScore, f(iv.Score)))
		}
		if e := rv.Execution; e != nil {
			out = append(out, "review of the execution line: "+f(e.Score))
		}
	}
	return out
}

// Every good input, written as a review workbook and read back untouched, is scored and
// checked exactly as it was: the workbook keeps what its cells cannot show, and jixiao's
// computed scores filled into the 复核 columns are no review.
func TestReviewWorkbookReadsBackTheSameScores(t *testing.T) {
	projects := roundTripProjects(t)
	eng := engine.New(engine.Options{})
	results := make([]*engine.Result, len(projects))
	for i, p := range projects {
		r, err := eng.Check(p)
		require.NoError(t, err, p.File)
		results[i] = r
	}
	back, err := indicators.LoadWorkbook(writeBook(t, results, "all.xlsx"), indicators.Limits{})
	require.NoError(t, err)
	require.Len(t, back, len(results), "one project a sheet")
	for i, p := range back {
		r, err := eng.Check(p)
		require.NoError(t, err)
		assert.Equal(t, computed(results[i]), computed(r), "%s (%s) read back from the workbook", p.Name, projects[i].File)
		assert.Empty(t, p.Warnings, p.Name)
	}
}

// The 指标性质 of a review workbook's target, a direction, stays in the model: read back, an
// indicator with direction = "lower" is still lower-is-better, where its cells alone say 10.
func TestReviewWorkbookKeepsTheDirection(t *testing.T) {
	p, err := indicators.Parse("direction.toml", []byte(roundTripSources["direction.toml"]), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Score(p)
	require.NoError(t, err)
	assert.Equal(t, 100.0, r.Total)
	back, err := indicators.LoadWorkbook(writeBook(t, []*engine.Result{r}, "dir.xlsx"), indicators.Limits{})
	require.NoError(t, err)
	assert.Equal(t, indicators.Lower, back[0].Indicators[0].Direction)
	again, err := engine.New(engine.Options{}).Score(back[0])
	require.NoError(t, err)
	assert.Equal(t, 100.0, again.Total, "8 complaints of at most 10 is full marks, not 40 of 50")
}

// A review workbook is read from the model and the cells over it: a changed cell counts (an
// actual value, a weight), a cleared one takes the value away, and what the cells cannot show
// (tiers, applicable = false, the scoring table) stays.
func TestReviewWorkbookCellsOverTheModel(t *testing.T) {
	p, err := indicators.Parse("scoring.toml", []byte(roundTripSources["scoring.toml"]), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	path := writeBook(t, []*engine.Result{r}, "edit.xlsx")
	b, err := sheets.Open(path)
	require.NoError(t, err)
	rs := openReviewSheet(t, b, "分档与计分规则")
	rs.number("覆盖率", "实际完成值", 101)
	require.NoError(t, b.Clear(rs.sheet, rs.cell("处理时限", "偏差原因")))
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	require.NoError(t, b.SaveAs(edited))
	require.NoError(t, b.Close())

	back, err := indicators.LoadWorkbook(edited, indicators.Limits{})
	require.NoError(t, err)
	q := back[0]
	assert.Equal(t, 101.0, q.Indicators[0].Actual.Num, "the changed cell")
	assert.Len(t, q.Indicators[0].Tiers, 3, "the tiers stay")
	assert.Empty(t, q.Indicators[3].Reason, "the cleared cell")
	assert.False(t, q.Indicators[2].Applicable)
	assert.Equal(t, 3, q.Scoring.Decimals)
	assert.Equal(t, "own-cut", q.ReviewRules[0].Code)
	again, err := engine.New(engine.Options{}).Check(q)
	require.NoError(t, err)
	assert.Equal(t, 40.0, again.Indicators[0].Score, "the first tier, by the changed actual value")
	var codes []string
	for _, f := range again.Findings {
		if f.Indicator == 3 {
			codes = append(codes, string(f.Code))
		}
	}
	assert.Contains(t, strings.Join(codes, " "), "missing-reason", "the reason taken away")
}

// An indicator whose 评分标准, 指标值 or 分值 a reviewer changed is scored by what the sheet
// shows: the model's tiers, method and direction were made for the old text and are dropped.
func TestReviewWorkbookChangedCriterionDecides(t *testing.T) {
	p, err := indicators.Parse("scoring.toml", []byte(roundTripSources["scoring.toml"]), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	require.Equal(t, 30.0, r.Indicators[0].Score, "the model's second tier")
	b, err := sheets.Open(writeBook(t, []*engine.Result{r}, "criterion.xlsx"))
	require.NoError(t, err)
	rs := openReviewSheet(t, b, "分档与计分规则")
	rs.text("覆盖率", "评分标准", "覆盖率达到100%得40分；未达到不得分。")
	rs.number("验收", "分值", 10)
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	require.NoError(t, b.SaveAs(edited))
	require.NoError(t, b.Close())

	back, err := indicators.LoadWorkbook(edited, indicators.Limits{})
	require.NoError(t, err)
	q := back[0]
	assert.Empty(t, q.Indicators[0].Tiers, "the tiers of the old criterion")
	assert.Empty(t, q.Indicators[1].Method, "the method of the old weight")
	assert.Equal(t, 3, q.Scoring.Decimals, "the rest of the model stays")
	again, err := engine.New(engine.Options{}).Check(q)
	require.NoError(t, err)
	assert.True(t, again.Indicators[0].HasScore)
	assert.Equal(t, 0.0, again.Indicators[0].Score, "92% falls short of the criterion the sheet shows")
}

// The hidden sheet is not trusted blindly: a project whose model was edited there no longer
// matches its digest, and is read from its cells alone, with a warning naming the sheet.
func TestReviewWorkbookEditedModelIsIgnored(t *testing.T) {
	p, err := indicators.Parse("scoring.toml", []byte(roundTripSources["scoring.toml"]), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	b, err := sheets.Open(writeBook(t, []*engine.Result{r}, "model.xlsx"))
	require.NoError(t, err)
	g, err := b.Grid(indicators.ModelSheet)
	require.NoError(t, err)
	edits := 0
	for i, row := range g.Rows {
		for c, v := range row {
			if strings.Contains(v, `"score":"30"`) {
				require.NoError(t, b.SetText(indicators.ModelSheet, sheets.CellName(c+1, i+1), strings.Replace(v, `"score":"30"`, `"score":"40"`, 1)))
				edits++
			}
		}
	}
	require.Equal(t, 1, edits, "the second tier's score in the model")
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	require.NoError(t, b.SaveAs(edited))
	require.NoError(t, b.Close())

	back, err := indicators.LoadWorkbook(edited, indicators.Limits{})
	require.NoError(t, err)
	q := back[0]
	require.Len(t, q.Warnings, 1)
	msg := q.Warnings[0].Error()
	assert.Contains(t, msg, indicators.ModelSheet)
	assert.Contains(t, msg, "was changed")
	assert.Contains(t, msg, "分档与计分规则")
	assert.Empty(t, q.Indicators[0].Tiers, "the edited tiers are not used")
	again, err := engine.New(engine.Options{}).Check(q)
	require.NoError(t, err)
	assert.NotEqual(t, 40.0, again.Indicators[0].Score)
}

// The 预算执行率 line has its 复核 cells in its row of the funds block, and the 复核得分 合计
// counts it: worked out from the cells, the formula is the review total, and follows a
// change of the line's 复核得分, which reads back as the line's review.
func TestReviewWorkbookExecutionLine(t *testing.T) {
	p, err := indicators.Parse("line.toml", []byte(roundTripSources["line.toml"]), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	require.NotNil(t, r.Review)
	require.Equal(t, 88.0, r.Review.Total, "the indicator's 80 and the line's 8")
	path := writeBook(t, []*engine.Result{r}, "line.xlsx")
	b, err := sheets.Open(path)
	require.NoError(t, err)
	defer b.Close()
	sheet := "执行率复核"
	g, err := b.Grid(sheet)
	require.NoError(t, err)
	line, total, scoreCol := -1, -1, -1
	for i, row := range g.Rows {
		switch {
		case len(row) > 0 && row[0] == "年度资金总额":
			line = i
		case len(row) > 0 && row[0] == "合计" && line >= 0:
			total = i
		}
		if c := slices.Index(row, "复核得分"); c >= 0 && scoreCol < 0 {
			scoreCol = c
			assert.Equal(t, "执行率（%）", g.Cell(i, 5), "the funds block's header has the 复核 columns")
		}
	}
	require.True(t, line >= 0 && total >= 0 && scoreCol >= 0, "the line, the 合计 row and the 复核得分 column")
	lineCell, totalCell := sheets.CellName(scoreCol+1, line+1), sheets.CellName(scoreCol+1, total+1)
	assert.Equal(t, "8.00", g.Cell(line, scoreCol), "the line's 复核得分")
	assert.Equal(t, "部分支出无凭证", g.Cell(line, scoreCol+1), "its reason")
	assert.Equal(t, "88", g.Cell(total, scoreCol), "saved with the formula")
	assert.Contains(t, g.Formula(total, scoreCol), ","+lineCell+")", "the formula names the line")
	v, err := b.Calc(sheet, totalCell)
	require.NoError(t, err)
	assert.Equal(t, "88", v, "the formula covers the line")

	require.NoError(t, b.SetNumber(sheet, lineCell, 6))
	v, err = b.Calc(sheet, totalCell)
	require.NoError(t, err)
	assert.Equal(t, "86", v, "and follows it")
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	require.NoError(t, b.SaveAs(edited))
	back, err := indicators.LoadWorkbook(edited, indicators.Limits{})
	require.NoError(t, err)
	require.NotNil(t, back[0].Funds.Review)
	require.NotNil(t, back[0].Funds.Review.Score)
	assert.Equal(t, 6.0, *back[0].Funds.Review.Score)
	again, err := engine.New(engine.Options{}).Check(back[0])
	require.NoError(t, err)
	require.NotNil(t, again.Review)
	assert.Equal(t, 86.0, again.Review.Total)
}

// A review workbook left as jixiao wrote it is no review, with its hidden sheet or without
// it (read from its cells alone): the computed scores, reasons and rules jixiao filled in are
// not the reviewer's. Once the reviewer's hand shows — a name, a 复核得分 other than the
// computed score, a rule of their own — the sheet's 复核 counts, the filled-in scores as
// agreement; the other project stays unreviewed.
func TestUntouchedReviewWorkbookIsNoReview(t *testing.T) {
	results := seedResults(t, true)
	const sheet = "社保工作运行经费"
	for _, hidden := range []bool{true, false} {
		for _, edit := range []string{"", "name", "date", "score", "rule", "note"} {
			t.Run(fmt.Sprintf("hidden sheet %v, %s", hidden, edit), func(t *testing.T) {
				b, err := sheets.Open(writeBook(t, results, "review.xlsx"))
				require.NoError(t, err)
				defer b.Close()
				if !hidden {
					require.NoError(t, b.DeleteSheet(indicators.ModelSheet))
				}
				rs := openReviewSheet(t, b, sheet)
				switch edit {
				case "name":
					require.NoError(t, b.SetText(sheet, "B2", "王五"))
				case "date":
					require.NoError(t, b.SetText(sheet, "D2", "2024-03-15"))
				case "score":
					rs.number("城乡保参保人数", "复核得分", 8)
				case "rule":
					rs.text("社保参保率", "复核口径", "no-evidence")
				case "note":
					rs.text("群众满意率", "复核备注", "抽查")
				}
				path := filepath.Join(t.TempDir(), "edited.xlsx")
				require.NoError(t, b.SaveAs(path))
				back, err := indicators.LoadWorkbook(path, indicators.Limits{})
				require.NoError(t, err)
				require.Len(t, back, 2)
				for _, p := range back {
					r, err := engine.New(engine.Options{}).Check(p)
					require.NoError(t, err)
					if p.Name != sheet || edit == "" {
						assert.False(t, engine.Reviewed(p), "%s as jixiao filled it is no review", p.Name)
						assert.Nil(t, r.Review, p.Name)
						continue
					}
					assert.True(t, engine.Reviewed(p), "%s: the reviewer's %s begins the review", p.Name, edit)
					require.NotNil(t, r.Review)
					assert.Equal(t, len(p.Indicators), r.Review.Scored, "the filled-in 复核得分 count as the reviewer's")
				}
			})
		}
	}
}

// A project read from a unit's own workbook keeps, through the review workbook, the places its
// table had: a blank 度量单位 cell of its own is still a place for the unit (unit-missing), and
// the review workbook's 度量单位 column is none where the project had no such place.
func TestReviewWorkbookKeepsTheTablesPlaces(t *testing.T) {
	src := `[project]
name = "单位栏"
[[indicator]]
name = "件数"
target = 10
actual = 10
weight = 50
reported = 50
[[indicator]]
name = "满意度"
target = "≥90%"
actual = "95%"
weight = 50
reported = 50
`
	p, err := indicators.Parse("units.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	for _, f := range r.Findings {
		require.NotEqual(t, engine.UnitMissing, f.Code, "a file that gives no unit has no place for one")
	}
	b, err := sheets.Open(writeBook(t, append(seedResults(t, true), r), "review.xlsx"))
	require.NoError(t, err)
	require.NoError(t, b.DeleteSheet(indicators.ModelSheet)) // a workbook of the unit's own
	own := filepath.Join(t.TempDir(), "own.xlsx")
	require.NoError(t, b.SaveAs(own))
	require.NoError(t, b.Close())
	projects, err := indicators.LoadWorkbook(own, indicators.Limits{})
	require.NoError(t, err)
	eng := engine.New(engine.Options{})
	var results []*engine.Result
	units := 0
	for _, p := range projects {
		r, err := eng.Check(p)
		require.NoError(t, err)
		results = append(results, r)
		for _, f := range r.Findings {
			if f.Code == engine.UnitMissing {
				units++
			}
		}
	}
	require.Positive(t, units, "the unit's table has a 度量单位 column, blank in places")
	back, err := indicators.LoadWorkbook(writeBook(t, results, "again.xlsx"), indicators.Limits{})
	require.NoError(t, err)
	for i, p := range back {
		r, err := eng.Check(p)
		require.NoError(t, err)
		assert.Equal(t, computed(results[i]), computed(r), p.Name)
	}
}

// The funds' reason is shown in the review workbook, in the funds block's 偏差原因 column,
// and read back from it: with the hidden sheet, and from the cells alone (a workbook of the
// unit's own made from it), in both layouts of the funds block.
func TestReviewWorkbookFundsReason(t *testing.T) {
	for _, c := range []struct{ name, funds string }{
		{"central", "budget = 100\nfull_year_budget = 100\nspent = 80\nweight = 10\nreported = 8\n"},
		{"fujian", "budget = 100\nadjustment = 0\nallocated = 80\nbalance = 20\nreceived = 80\nspent = 60\nunspent = 20\nunspent_rate = 25\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "[project]\nname = \"资金说明\"\n[funds]\n" + c.funds + "reason = \"部分项目延期，资金结转下年\"\n" +
				"[[indicator]]\nname = \"甲\"\ntarget = 100\nactual = 100\nweight = 90\nreported = 90\n"
			p, err := indicators.Parse("reason.toml", []byte(src), indicators.Limits{})
			require.NoError(t, err)
			r, err := engine.New(engine.Options{}).Check(p)
			require.NoError(t, err)
			path := writeBook(t, []*engine.Result{r}, "review.xlsx")

			back, err := indicators.LoadWorkbook(path, indicators.Limits{})
			require.NoError(t, err)
			require.Len(t, back, 1)
			pos, ok := back[0].Cell("funds.reason")
			require.True(t, ok, "the reason's cell")
			b, err := sheets.Open(path)
			require.NoError(t, err)
			g, err := b.Grid(pos.Sheet)
			require.NoError(t, err)
			at := sheets.CellName(pos.Col, pos.Line)
			assert.Equal(t, "部分项目延期，资金结转下年", g.Cell(pos.Line-1, pos.Col-1), "the reason is shown, at %s", at)
			assert.Equal(t, "偏差原因", g.Cell(pos.Line-2, pos.Col-1), "its label above it")
			require.NoError(t, b.DeleteSheet(indicators.ModelSheet))
			own := filepath.Join(t.TempDir(), "own.xlsx")
			require.NoError(t, b.SaveAs(own))
			require.NoError(t, b.Close())

			for _, file := range []string{path, own} {
				back, err := indicators.LoadWorkbook(file, indicators.Limits{})
				require.NoError(t, err)
				require.Len(t, back, 1)
				assert.Equal(t, "部分项目延期，资金结转下年", back[0].Funds.Reason, file)
				pos, ok := back[0].Cell("funds.reason")
				require.True(t, ok, file)
				assert.Equal(t, at, sheets.CellName(pos.Col, pos.Line), file)
			}
		})
	}
}

// A low execution without a reason, read back from the review workbook: the hint names the
// workbook's 偏差原因 cell of the funds block, blank as it is.
func TestReviewWorkbookFundsReasonBlank(t *testing.T) {
	src := "[project]\nname = \"资金说明\"\n[funds]\nbudget = 100\nfull_year_budget = 100\nspent = 60\nweight = 10\nreported = 6\n" +
		"[[indicator]]\nname = \"甲\"\ntarget = 100\nactual = 100\nweight = 90\nreported = 90\n"
	p, err := indicators.Parse("blank.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	back, err := indicators.LoadWorkbook(writeBook(t, []*engine.Result{r}, "review.xlsx"), indicators.Limits{})
	require.NoError(t, err)
	require.Len(t, back, 1)
	rb, err := engine.New(engine.Options{}).Check(back[0])
	require.NoError(t, err)
	var hints []string
	for k := range rb.Findings {
		if f := &rb.Findings[k]; f.Code == engine.ExecutionUnexplained {
			_, hint := Message(rb, f, i18n.Zh)
			hints = append(hints, hint)
		}
	}
	assert.Equal(t, []string{"请在 资金说明!M4（偏差原因）中说明资金未按计划支出的原因"}, hints)
}

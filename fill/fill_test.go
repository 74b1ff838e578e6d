package fill

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
	"jixiao/sheets"
)

// fill fills the workbook at src into a new file and returns the book and the file.
func fill(t *testing.T, src string, opts Options) (*Book, string) {
	t.Helper()
	before, err := os.ReadFile(src)
	require.NoError(t, err)
	b, err := Open(src, opts)
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "filled.xlsx")
	f, err := os.Create(out)
	require.NoError(t, err)
	require.NoError(t, b.Write(f))
	require.NoError(t, f.Close())
	require.NoError(t, b.Close())
	after, err := os.ReadFile(src)
	require.NoError(t, err)
	require.Equal(t, before, after, "the owner's file is never written")
	return b, out
}

var actions = map[report.FillAction]string{
	report.FillWritten: "written", report.FillKept: "kept", report.FillFormulaKept: "formula kept",
	report.FillReplaced: "replaced", report.FillFormulaReplaced: "formula replaced", report.FillOpen: "open", report.FillNeeded: "needed",
}

// noteList is each note as "cell action value".
func noteList(p Project) []string {
	var out []string
	for _, n := range p.Notes {
		out = append(out, strings.TrimSpace(fmt.Sprintf("%s %s %s", sheets.CellName(n.Cell.Col, n.Cell.Line), actions[n.Action], n.Value)))
	}
	return out
}

// readBack opens the filled workbook for a test.
type readBack struct {
	t     *testing.T
	b     *sheets.Book
	sheet string
	grid  *sheets.Grid
	notes map[string]sheets.Comment
}

func open(t *testing.T, path, sheet string) *readBack {
	t.Helper()
	b, err := sheets.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { b.Close() })
	g, err := b.Grid(sheet)
	require.NoError(t, err)
	list, err := b.Comments(sheet)
	require.NoError(t, err)
	rb := &readBack{t: t, b: b, sheet: sheet, grid: g, notes: map[string]sheets.Comment{}}
	for _, c := range list {
		rb.notes[c.Cell] = c
	}
	return rb
}

func (rb *readBack) value(cell string) string {
	c, r, err := sheets.SplitCellName(cell)
	require.NoError(rb.t, err)
	return rb.grid.Cell(r-1, c-1)
}

func (rb *readBack) formula(cell string) string {
	c, r, err := sheets.SplitCellName(cell)
	require.NoError(rb.t, err)
	return rb.grid.Formula(r-1, c-1)
}

func (rb *readBack) style(cell string) sheets.Style {
	s, err := rb.b.CellStyle(rb.sheet, cell)
	require.NoError(rb.t, err)
	return s
}

// comment asserts the cell's comment holds every part, in order.
func (rb *readBack) comment(cell string, parts ...string) {
	rb.t.Helper()
	c, ok := rb.notes[cell]
	if !assert.True(rb.t, ok, "a comment on %s", cell) {
		return
	}
	rest := c.Text
	for _, p := range parts {
		i := strings.Index(rest, p)
		if !assert.GreaterOrEqual(rb.t, i, 0, "%s's comment %q holds %q after what came before", cell, c.Text, p) {
			return
		}
		rest = rest[i+len(p):]
	}
}

// rescored reads the filled workbook back as jixiao reads any workbook, and checks it.
func rescored(t *testing.T, path string) []*engine.Result {
	t.Helper()
	projects, err := indicators.LoadWorkbook(path, indicators.Limits{})
	require.NoError(t, err)
	var out []*engine.Result
	for _, p := range projects {
		r, err := engine.New(engine.Options{}).Check(p)
		require.NoError(t, err)
		out = append(out, r)
	}
	return out
}

// codes are the codes of r's findings, in order, and those of them that dispute a stated
// score, total or grade.
func codes(r *engine.Result) (all, disputed []string) {
	for _, f := range r.Findings {
		all = append(all, string(f.Code))
		switch f.Code {
		case engine.ScoreMismatch, engine.TotalMismatch, engine.GradeMismatch, engine.RangeViolation, engine.ScoreOverWeight:
			disputed = append(disputed, string(f.Code))
		}
	}
	return all, disputed
}

const (
	red    = "FFC7CE"
	yellow = "FFEB9C"
)

// The central template: each computed value in its cell, the owner's differing values in
// comments with the reason, what is missing marked, the formulas that add up kept, and every
// other cell, merge, width and print setting as it was.
func TestFillCentralTemplate(t *testing.T) {
	src := centralTemplate(t).save("central.xlsx")
	b, out := fill(t, src, Options{})
	require.Len(t, b.Projects, 1, "the 填报说明 sheet holds no table")
	assert.Equal(t, []string{
		"I13 written 30.00", "I14 kept 20.00", "I15 formula kept 20.00", "I16 replaced 10.00", "I6 replaced 8.33",
		"I17 formula kept 88.33", "H18 replaced 良好", "J6 needed", "K16 needed", "F13 needed",
	}, noteList(b.Projects[0]))

	rb := open(t, out, "自评表")
	assert.Equal(t, "30.00", rb.value("I13"), "written in the cell's own number format")
	assert.Equal(t, "20.00", rb.value("I14"))
	assert.Equal(t, "H15", rb.formula("I15"), "a formula giving the computed value stays")
	assert.Equal(t, "10.00", rb.value("I16"))
	assert.Equal(t, "8.33", rb.value("I6"))
	assert.Equal(t, "88.33", rb.value("I17"), "the total's formula, saved with its new result")
	assert.Equal(t, "SUM(I13:I16)+I6", rb.formula("I17"))
	assert.Equal(t, "良好", rb.value("H18"), "the grade in the words of the cell's list")

	rb.comment("I16", "按完成比例计算", "已改为 10.00。原填写 18.89", "按评分标准应得 10.00（第2档 实际值 < 90%，由评分标准文字推得）",
		"18.89 = 20 × 85 / 90：这是按比例计分的结果")
	assert.Equal(t, "李四", rb.notes["I16"].Author, "the owner's comment is kept, first")
	rb.comment("I6", "已改为 8.33。原填写 9.00", "预算执行率 83.33% × 分值 10")
	rb.comment("H18", "已改为 良好。原填写 优秀", "总分 88.33 对应的等次是 良好")
	rb.comment("J6", "预算执行率只有 83.3%", "请说明资金未按计划支出的原因")
	assert.Equal(t, "偏差原因", rb.value("J5"), "the funds block had no place for the reason: a column is added, as the reader reads it")
	rb.comment("K16", "实际完成值 85 未达到指标值 ≥90", "请填写偏差原因及改进措施")
	rb.comment("F13", "没有填写度量单位：请填写（如 %、人次、万元）")
	assert.Len(t, rb.notes, 6, "no other cell has a comment")

	assert.Equal(t, sheets.Style{NumFmt: 2, Fill: red}, rb.style("I16"), "marked red, its number format kept")
	assert.Equal(t, sheets.Style{Bold: true, Color: "C00000", Fill: red}, rb.style("H18"), "its font kept")
	assert.Equal(t, sheets.Style{Fill: yellow, Wrap: true, Vertical: "top"}, rb.style("K16"))
	assert.Equal(t, sheets.Style{NumFmt: 2}, rb.style("I13"), "a blank cell filled is not marked")
	assert.Equal(t, sheets.Style{NumFmt: 2}, rb.style("I14"))

	assertKept(t, src, out, map[string][]string{"自评表": {"I13", "I16", "I6", "I17", "H18", "J5", "J6", "K16", "F13"}})

	rs := rescored(t, out)
	require.Len(t, rs, 1)
	r := rs[0]
	assert.Equal(t, 88.33, r.Total)
	assert.Equal(t, 88.33, *r.Project.Reported.Total, "the total's saved result reads back")
	assert.Equal(t, "良好", r.Project.Reported.Grade)
	all, disputed := codes(r)
	assert.Empty(t, disputed, "read back, the scores, total and grade agree")
	assert.Equal(t, []string{"execution-unexplained", "spend-results-gap", "unit-missing", "missing-reason"}, all, "what the owner must add remains, the unit among it")
}

// The Fujian layout of the seed: 资金投入 and 社保参保率 corrected, the 合计's SUM kept with its
// new result (96), the stated 优秀 kept as the grade of 96; the reasons the seed lacks marked
// on the actual values, the table having no column for them.
func TestFillFujianTemplate(t *testing.T) {
	src := fujianTemplate(t).save("fujian.xlsx")
	b, out := fill(t, src, Options{})
	require.Len(t, b.Projects, 1)
	assert.Equal(t, []string{
		"I7 kept 20.00", "I8 replaced 8.00", "I9 kept 10.00", "I10 kept 10.00", "I11 kept 20.00", "I12 replaced 18.00", "I13 kept 10.00",
		"I14 formula kept 96.00", "H15 kept 优", "K5 needed", "G8 needed", "G12 needed",
	}, noteList(b.Projects[0]))

	rb := open(t, out, "Sheet1")
	assert.Equal(t, "8", rb.value("I8"))
	assert.Equal(t, "18", rb.value("I12"))
	assert.Equal(t, "96", rb.value("I14"))
	assert.Equal(t, "SUM(I7:I13)", rb.formula("I14"))
	assert.Equal(t, "优秀", rb.value("H15"), "the stated grade stands")
	rb.comment("I8", "已改为 8.00。原填写 5", "第2档 完成率 ≤ 80%", "自评得分 5 是第3档（完成率 < 100%）的分数", "按先匹配原则应取第2档")
	rb.comment("I12", "已改为 18.00。原填写 19.81", "第2档 98.5% ≤ 实际值 < 99.22%", "19.81 = 20 × 98.67 / 99.6")
	rb.comment("G8", "实际完成值 13.87 未达到指标值 73.00", "请填写偏差原因")
	rb.comment("G12", "实际完成值 98.67% 未达到指标值 99.60%")
	rb.comment("K5", "预算执行率只有 19.0%：全年预算 73.00 万元，实际支出 13.87 万元")
	assert.Equal(t, "偏差原因", rb.value("K4"), "a reason column right of ⑧, where the reader looks for it")
	assert.Len(t, rb.notes, 5)
	assert.Equal(t, sheets.Style{Fill: red}, rb.style("I8"))
	assert.Equal(t, yellow, rb.style("K5").Fill)

	assertKept(t, src, out, map[string][]string{"Sheet1": {"I8", "I12", "I14", "G8", "G12", "K4", "K5"}})

	r := rescored(t, out)[0]
	assert.Equal(t, 96.0, r.Total)
	assert.Equal(t, "优", r.Grade)
	all, disputed := codes(r)
	assert.Empty(t, disputed, "read back, no score, total or grade differs any more")
	assert.Contains(t, all, "missing-reason", "what the owner must add remains")
}

// Scores that cannot be given get no number: a choice within 12–16 is asked for, a number
// outside it taken out, a criterion with a gap said to need a tier (the owner's number kept,
// unchecked); the total and the grade are then ranges, their cells marked, the formula kept.
func TestFillOpenScores(t *testing.T) {
	m := centralTemplate(t)
	s := "自评表"
	m.rows(s, 13, [][]any{
		{"", "产出指标", "数量指标", "培训人次", "≥500", "人次", 450, 30, nil, "完成500人次得30分；未全部完成，按完成情况得12~16分；未开展不得分", "场地受限"},
		{"", "", "质量指标", "培训合格率", "≥95", "%", 92, 20, 20, "合格率达到100%得20分；100%>合格率≥95%得15分；95%>合格率<90%得0分", "部分学员缺考"},
		{"", "", "时效指标", "按时完成率", "100", "%", 90, 20, 18, "按时完成100%得20分；未全部完成，按完成情况得12~16分", "疫情延期"},
	})
	src := m.save("open.xlsx")
	b, out := fill(t, src, Options{Lang: i18n.En})
	assert.Equal(t, []string{
		"I13 open", "I14 open", "I15 open", "I16 replaced 10.00", "I6 replaced 8.33", "I17 open", "H18 open", "J6 needed", "K16 needed",
	}, noteList(b.Projects[0]))

	rb := open(t, out, s)
	assert.Equal(t, "", rb.value("I13"), "no number where the owner must choose")
	assert.Equal(t, "20.00", rb.value("I14"), "the owner's number may be right: it stays")
	assert.Equal(t, "", rb.value("I15"), "18 lies outside 12–16: taken out")
	assert.Equal(t, "SUM(I13:I16)+I6", rb.formula("I17"), "the total's formula stays")
	assert.Equal(t, "", rb.value("H18"), "no total within 42.33–70.33 is graded 优秀: taken out")
	rb.comment("I13", "choose a score within 12.00–16.00", "tier 2: 0人次 < actual < 500人次")
	rb.comment("I14", "cannot be scored: the actual value 92 meets no tier's condition", "Add a tier for this actual value to the criterion", "The owner's 20.00 is kept, unchecked")
	rb.comment("I15", "choose a score within 12.00–16.00", "The owner's 18.00 lies outside what is possible and was taken out")
	rb.comment("I17", "the total lies within 42.33–70.33", "The formula =SUM(I13:I16)+I6 is kept")
	rb.comment("H18", "the grade lies between 差 and 中", "The owner's 优秀 lies outside what is possible and was taken out")
	for _, cell := range []string{"I13", "I14", "I15", "I17", "H18"} {
		assert.Equal(t, yellow, rb.style(cell).Fill, cell)
	}
	assertKept(t, src, out, map[string][]string{s: {"I13", "I14", "I15", "I16", "I6", "I17", "H18", "J5", "J6", "K16"}})

	// A grade some total within the range has stays, unchecked.
	require.NoError(t, m.b.SetText(s, "H18", "中"))
	_, out = fill(t, m.save("open-possible.xlsx"), Options{Lang: i18n.En})
	rb = open(t, out, s)
	assert.Equal(t, "中", rb.value("H18"))
	rb.comment("H18", "the grade lies between 差 and 中", "The owner's 中 is kept, unchecked")
}

// A formula whose result will not equal the computed value is replaced by the value and
// named in the comment with what it would give; so is one jixiao cannot work out. A total
// that is the sum of the weights is said to be so.
func TestFillFormulasThatWillNotAddUp(t *testing.T) {
	m := fujianTemplate(t)
	m.formula("Sheet1", "I14", "SUM(I7:I12)", 84.81) // 群众满意率 left out
	m.formula("Sheet1", "I9", "NOSUCHFUNCTION(H9)", 10)
	src := m.save("formulas.xlsx")
	b, out := fill(t, src, Options{})
	notes := noteList(b.Projects[0])
	assert.Contains(t, notes, "I14 formula replaced 96.00")
	assert.Contains(t, notes, "I9 formula replaced 10.00")
	rb := open(t, out, "Sheet1")
	assert.Equal(t, "96", rb.value("I14"))
	assert.Equal(t, "", rb.formula("I14"))
	assert.Equal(t, "10", rb.value("I9"))
	rb.comment("I14", "已改为 96.00。原为公式 =SUM(I7:I12)，填入计算的得分后结果为 86，与之不符：各项得分之和为 96.00")
	rb.comment("I9", "已改为 10.00。原为公式 =NOSUCHFUNCTION(H9)，jixiao 无法算出它的结果")
	assert.Equal(t, red, rb.style("I14").Fill)

	m = fujianTemplate(t)
	require.NoError(t, m.b.SetNumber("Sheet1", "I14", 100)) // the weights' sum, in the score column
	b, out = fill(t, m.save("weights.xlsx"), Options{})
	assert.Contains(t, noteList(b.Projects[0]), "I14 replaced 96.00")
	open(t, out, "Sheet1").comment("I14", "已改为 96.00。原填写 100；各项得分之和为 96.00", "原填写的是各项分值（满分）之和，不是得分之和")
}

// A budget-execution score without a weight cannot be given: the owner's number stays,
// marked, and the weight is asked for.
func TestFillExecutionWithoutWeight(t *testing.T) {
	m := centralTemplate(t)
	require.NoError(t, m.b.Clear("自评表", "G6"))
	b, out := fill(t, m.save("noweight.xlsx"), Options{})
	assert.Contains(t, noteList(b.Projects[0]), "I6 open")
	rb := open(t, out, "自评表")
	assert.Equal(t, "9.00", rb.value("I6"))
	rb.comment("I6", "预算执行率没有分值，无法计分：请填写分值。原填写 9.00 保留，未能核对")
	assert.Equal(t, yellow, rb.style("I6").Fill)
}

// A workbook jixiao cannot read is an error, and nothing is filled.
func TestFillRejectsWhatIsNotATable(t *testing.T) {
	m := newTemplate(t)
	m.rows("Sheet1", 1, [][]any{{"会议纪要"}})
	_, err := Open(m.save("notes.xlsx"), Options{})
	var list indicators.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Contains(t, list[0].Localize(i18n.En), "no self-evaluation table in this workbook")
}

// executionHint is the hint of r's execution-unexplained finding, or "" when it has none.
func executionHint(r *engine.Result) string {
	for k := range r.Findings {
		if f := &r.Findings[k]; f.Code == engine.ExecutionUnexplained {
			_, hint := report.Message(r, f, i18n.Zh)
			return hint
		}
	}
	return ""
}

// Low execution without a reason: the reason's cell is marked where the funds block has one
// (a 偏差原因 column of its header), and the hint names it; a block without one gets the
// column, which the reader then reads. Written there, the reason settles the finding.
func TestFillFundsReason(t *testing.T) {
	t.Run("the owner's column", func(t *testing.T) {
		m := centralTemplate(t)
		m.rows("自评表", 5, [][]any{{"项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "偏差原因"}})
		src := m.save("reason.xlsx")
		before := rescored(t, src)[0]
		assert.Equal(t, "请在 自评表!J6（偏差原因）中说明资金未按计划支出的原因", executionHint(before))
		b, out := fill(t, src, Options{})
		assert.Contains(t, noteList(b.Projects[0]), "J6 needed", "the reason's cell, not 全年执行数 (F6)")
		assert.NotContains(t, noteList(b.Projects[0]), "F6 needed")
		rb := open(t, out, "自评表")
		rb.comment("J6", "预算执行率只有 83.3%", "请说明资金未按计划支出的原因")
		assert.Equal(t, yellow, rb.style("J6").Fill)
		_, marked := rb.notes["F6"]
		assert.False(t, marked, "全年执行数 is not marked")
	})
	t.Run("a column added", func(t *testing.T) {
		src := centralTemplate(t).save("central.xlsx")
		assert.Equal(t, "请在资金表的表头加一栏“偏差原因”（或在其下加一行“偏差原因”），在其中说明资金未按计划支出的原因",
			executionHint(rescored(t, src)[0]), "no place for the reason yet")
		_, out := fill(t, src, Options{})
		assert.Equal(t, "请在 自评表!J6（偏差原因）中说明资金未按计划支出的原因", executionHint(rescored(t, out)[0]),
			"read back, the column added is the reason's place")

		// The owner writes the reason in the marked cell.
		bk, err := sheets.Open(out)
		require.NoError(t, err)
		require.NoError(t, bk.SetText("自评表", "J6", "培训场地改造延期，部分资金结转下年"))
		reasoned := filepath.Join(t.TempDir(), "reasoned.xlsx")
		require.NoError(t, bk.SaveAs(reasoned))
		require.NoError(t, bk.Close())
		r := rescored(t, reasoned)[0]
		assert.Equal(t, "培训场地改造延期，部分资金结转下年", r.Project.Funds.Reason)
		assert.Empty(t, executionHint(r), "the reason given, execution is explained")
	})
}

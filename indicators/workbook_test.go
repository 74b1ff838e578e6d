package indicators

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
	"jixiao/sheets"
)

// book builds a workbook for a test: sheets of rows, merges and formulas.
type book struct {
	t *testing.T
	f *sheets.Book
}

func newBook(t *testing.T) *book {
	return &book{t: t, f: sheets.New()}
}

func (b *book) sheet(name string, rows [][]any) {
	if name != "Sheet1" {
		require.NoError(b.t, b.f.AddSheet(name))
	}
	for r, row := range rows {
		require.NoError(b.t, b.f.SetRow(name, sheets.CellName(1, r+1), row))
	}
}

func (b *book) merge(sheet, from, to string) { require.NoError(b.t, b.f.Merge(sheet, from, to)) }

func (b *book) save() string {
	path := filepath.Join(b.t.TempDir(), "book.xlsx")
	require.NoError(b.t, b.f.SaveAs(path))
	return path
}

// The seed's Fujian layout: funds ①–⑧, merged 一级/二级 headings, numbers stored as text,
// a percent string, full-width digits, a formula with its cached value, and 合计 / 等次 below.
func fujianBook(t *testing.T) *book {
	b := newBook(t)
	b.sheet("Sheet1", [][]any{
		{"专项名称", "", "社保工作运行经费", "", "", "部门预算功能科目", "", "2080109"},
		{"单位名称", "", "泉港区社会保险中心", "", "", "单位编码", "", "408003"},
		{"财政资金安排和使用情况", "资金结构(万元)", "年初部门预算安排金额(含历年结余结转)①", "年中调整金额②", "年度拨付金额③", "本年度结余金额④=①+②-③", "实际到位金额⑤", "实际支出金额⑥", "本年度结余金额⑦", "结余率(%)⑧=⑦/⑤"},
		{"", "合计", 73.00, 0.00, 13.87, 59.13, 13.87, 13.87, 0.00, 0.00},
		{"年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "评分标准", "绩效目标值", "实际完成值", "指标分值", "得分"},
		{"", "产出指标", "时效指标", "当年投入完成的时间", "1年内完成100%，得20分；未全部完成，按完成情况得15~18分；未开展，不得分。", "100.00", "100", "20", "20"},
		{"", "", "成本指标", "资金投入", "资金投入 100%得 10 分; 资金投入 ≤项目进度 80%得 8 分; 资金未全部投入得 5 分。", "73.00", "13.87", "10", "5"},
		{"", "效益指标", "社会效益指标", "社保参保率", "参保率≥99.22% 得 20 分, 99.22% > 参保率≥98.5% 得 18 分, 98.5% > 参保率≥98%得 15 分, 参保率 < 98%不得分", "99.60", "98.67%", "２０", "19.81"},
		{"", "", "", "城乡保参保人数", "参保人数≥ 217100 得 20 分, 217100>参保人数≥216500 人得 10 分, 参保人数 <216500 人不得分", "217,100", "21.74万", "50", "50"},
		{"", "合计", "", "", "", "", "", 100, nil},
		{"自评得分等次", "", "", "", "", "", "", "优秀"},
	})
	b.merge("Sheet1", "B6", "B7") // 产出指标 over two rows
	b.merge("Sheet1", "B8", "B9") // 效益指标 over two rows
	b.merge("Sheet1", "C8", "C9")
	require.NoError(t, b.f.SetNumber("Sheet1", "I10", 94.81))
	require.NoError(t, b.f.SetFormula("Sheet1", "I10", "SUM(I6:I9)")) // the cached 94.81 stays
	return b
}

func TestWorkbookFujianLayout(t *testing.T) {
	projects, err := LoadWorkbook(fujianBook(t).save(), Limits{})
	require.NoError(t, err)
	require.Len(t, projects, 1)
	p := projects[0]
	assert.Equal(t, "社保工作运行经费", p.Name)
	assert.Equal(t, "泉港区社会保险中心", p.Agency)
	assert.Equal(t, "408003", p.AgencyCode)
	assert.Equal(t, "2080109", p.FunctionCode)
	require.NotNil(t, p.Funds)
	assert.Equal(t, 73.0, *p.Funds.Budget)
	assert.Equal(t, 59.13, *p.Funds.Balance)
	assert.Equal(t, 13.87, *p.Funds.Spent)
	assert.Equal(t, 0.0, *p.Funds.UnspentRate)
	require.Len(t, p.Indicators, 4)
	first, cost, rate, count := p.Indicators[0], p.Indicators[1], p.Indicators[2], p.Indicators[3]
	assert.Equal(t, "产出指标", cost.Level1, "a merged 一级指标 names every row it spans")
	assert.Equal(t, "社会效益指标", count.Level2)
	assert.Equal(t, 20.0, first.Weight)
	assert.Equal(t, "1年内完成100%，得20分；未全部完成，按完成情况得15~18分；未开展，不得分。", first.Criterion)
	assert.Equal(t, 98.67, rate.Actual.Num, "a percent string")
	assert.True(t, rate.Actual.Percent)
	assert.Equal(t, 20.0, rate.Weight, "full-width digits")
	assert.Equal(t, 19.81, *rate.Reported)
	assert.Equal(t, 217100.0, count.Target.Num, "thousands separators")
	assert.Equal(t, 217400.0, count.Actual.Num, "21.74万")
	require.NotNil(t, p.Reported.Total)
	assert.Equal(t, 94.81, *p.Reported.Total, "a formula's cached value")
	assert.Equal(t, "优秀", p.Reported.Grade)
	assert.Equal(t, "book.xlsx:Sheet1!I8", filepath.Base(p.Pos("indicator[2].reported").String()))
	assert.Empty(t, p.Warnings)
}

func TestWorkbookCentralLayoutAndTwoProjects(t *testing.T) {
	b := newBook(t)
	central := func(name string) [][]any {
		return [][]any{
			{"项目名称", name},
			{"主管部门", "某区教育局"},
			{"", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
			{"年度资金总额", "", 200, 180, 162, 10, "90%", 9},
			{"其中：财政拨款", "", 200, 180, 162},
			{"上年结转", "", 0, 0, 0},
			{"其他资金", "", 0, 0, 0},
			{"一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "全年实际值", "权重", "得分", "评（扣）分标准", "偏差原因分析及改进措施"},
			{"产出指标", "数量指标", "培训人次", "≥", "500", "人次", "520", 50, 50, "达到500人次得满分，未达到按比例得分", ""},
			{"效益指标", "满意度指标", "学员满意度", "≥", "90", "%", "85", 40, 36, "≥90%得满分；每降低1个百分点扣2分，扣完为止", "课程安排偏紧"},
			{"总分", "", "", "", "", "", "", 100, 95},
		}
	}
	b.sheet("Sheet1", central("教师培训"))
	b.sheet("第二个", central("学生资助"))
	b.sheet("说明", [][]any{{"本工作簿由某区教育局填报"}})
	projects, err := LoadWorkbook(b.save(), Limits{})
	require.NoError(t, err)
	require.Len(t, projects, 2, "one project per sheet")
	p := projects[0]
	assert.Equal(t, "教师培训", p.Name)
	assert.Equal(t, "学生资助", projects[1].Name)
	assert.Equal(t, "某区教育局", p.Agency)
	require.NotNil(t, p.Funds)
	assert.Equal(t, 200.0, *p.Funds.Budget)
	assert.Equal(t, 180.0, *p.Funds.FullYearBudget)
	assert.Equal(t, 162.0, *p.Funds.Spent)
	assert.Equal(t, 10.0, p.Funds.Weight)
	assert.Equal(t, 9.0, *p.Funds.Reported)
	require.Len(t, p.Indicators, 2)
	assert.Equal(t, OpGE, p.Indicators[0].Target.Op, "指标性质 ≥ joins the target")
	assert.Equal(t, 500.0, p.Indicators[0].Target.Num)
	assert.Equal(t, "课程安排偏紧", p.Indicators[1].Reason)
	assert.Equal(t, 95.0, *p.Reported.Total)
	require.Len(t, p.Warnings, 1, "the sheet that is not a table is named once")
	assert.Contains(t, p.Warnings[0].Localize(i18n.En), `sheet "说明" is not a self-evaluation table`)
}

// The header forms units write: a grade inside one cell of the title or total rows, the
// year in the title, 实施单位 apart from 主管部门, a fact after its label in one cell, and a
// 指标性质 written as a word.
func TestWorkbookHeaderForms(t *testing.T) {
	table := func(title []any, above [][]any, below [][]any) [][]any {
		rows := [][]any{title}
		rows = append(rows, above...)
		rows = append(rows,
			[]any{"一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分"},
			[]any{"产出指标", "成本指标", "人均成本", "反向", "1500", "1480", 50, 50},
			[]any{"效益指标", "社会效益指标", "覆盖率", "正向指标", "90", "95", 50, 50},
		)
		return append(rows, below...)
	}
	tests := []struct {
		name                       string
		rows                       [][]any
		grade, agency, implementer string
		year                       int
	}{
		{"grade in one title cell, year in full-width brackets",
			table([]any{"项目支出绩效自评表（2023年度）", "", "", "", "", "自评等级：优"},
				[][]any{{"项目名称", "乡村道路养护"}, {"主管部门", "某县交通运输局", "", "实施单位", "某县公路事业发展中心"}}, nil),
			"优", "某县交通运输局", "某县公路事业发展中心", 2023},
		{"grade label with its value to the right, year before the title",
			table([]any{"2023年度项目支出绩效自评表"},
				[][]any{{"项目名称：乡村道路养护"}, {"主管部门：某县交通运输局", "", "", "实施单位：某县公路事业发展中心"}, {"自评等次", "良"}}, nil),
			"良", "某县交通运输局", "某县公路事业发展中心", 2023},
		{"grade in one cell of the total rows",
			table([]any{"项目支出绩效自评表(2022年度)"},
				[][]any{{"项目名称", "乡村道路养护"}, {"单位名称", "某县交通运输局"}},
				[][]any{{"合计", "", "", "", "", "", 100, 100}, {"自评得分：100", "", "", "自评等级：优秀"}}),
			"优秀", "某县交通运输局", "", 2022},
		{"a 年度 cell wins over the title",
			table([]any{"项目支出绩效自评表（2023年度）"},
				[][]any{{"项目名称", "乡村道路养护", "年度", "2024"}, {"实施单位", "某县公路事业发展中心"}},
				[][]any{{"自评等次", "", "中"}}),
			"中", "", "某县公路事业发展中心", 2024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Sheet1", tt.rows)
			projects, err := LoadWorkbook(b.save(), Limits{})
			require.NoError(t, err)
			require.Len(t, projects, 1)
			p := projects[0]
			assert.Equal(t, "乡村道路养护", p.Name)
			assert.Equal(t, tt.grade, p.Reported.Grade, "grade")
			assert.Equal(t, tt.agency, p.Agency, "主管部门 / 单位名称")
			assert.Equal(t, tt.implementer, p.Implementer, "实施单位")
			assert.Equal(t, tt.year, p.Year, "year")
			if tt.grade == "优秀" {
				require.NotNil(t, p.Reported.Score, "自评得分：100 in one cell")
				assert.Equal(t, 100.0, *p.Reported.Score)
				require.NotNil(t, p.Reported.Total)
				assert.Equal(t, 100.0, *p.Reported.Total)
			}
			require.Len(t, p.Indicators, 2)
			assert.Equal(t, OpLE, p.Indicators[0].Target.Op, "反向 is ≤")
			assert.Equal(t, Lower, p.Indicators[0].Direction)
			assert.Equal(t, OpGE, p.Indicators[1].Target.Op, "正向指标 is ≥")
		})
	}
}

func TestWorkbookStackedProjects(t *testing.T) {
	b := newBook(t)
	block := func(name string, score float64) [][]any {
		return [][]any{
			{"专项名称", name},
			{"一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"},
			{"产出指标", "数量指标", "期数", "12", "12", 100, score},
			{"合计", "", "", "", "", 100, score},
			{},
		}
	}
	rows := append(block("甲项目", 100), block("乙项目", 90)...)
	b.sheet("Sheet1", rows)
	projects, err := LoadWorkbook(b.save(), Limits{})
	require.NoError(t, err)
	require.Len(t, projects, 2, "two tables stacked in one sheet")
	assert.Equal(t, "甲项目", projects[0].Name)
	assert.Equal(t, "乙项目", projects[1].Name)
	assert.Equal(t, 90.0, *projects[1].Indicators[0].Reported)
}

func TestWorkbookFormulaWithoutValue(t *testing.T) {
	b := fujianBook(t)
	require.NoError(t, b.f.Clear("Sheet1", "I6"))
	require.NoError(t, b.f.SetFormula("Sheet1", "I6", "H6*1")) // no cached value
	projects, err := LoadWorkbook(b.save(), Limits{})
	require.NoError(t, err)
	p := projects[0]
	assert.Nil(t, p.Indicators[0].Reported)
	require.Len(t, p.Warnings, 1)
	assert.Equal(t, "book.xlsx:Sheet1!I6: 社保工作运行经费 › 当年投入完成的时间: the cell holds the formula =H6*1 but the workbook kept no computed value: read as blank; open and save it in Excel or WPS, then try again",
		filepath.Base(p.Warnings[0].Localize(i18n.En)))
}

func TestWorkbookErrors(t *testing.T) {
	b := newBook(t)
	b.sheet("Sheet1", [][]any{{"这是一份会议纪要"}, {"与绩效无关"}})
	_, err := LoadWorkbook(b.save(), Limits{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no self-evaluation table in this workbook: no sheet has a header row with 三级指标, 分值 (weight) and 得分 (score)")

	b = fujianBook(t)
	require.NoError(t, b.f.SetText("Sheet1", "H7", "十分"))
	_, err = LoadWorkbook(b.save(), Limits{})
	var list ErrorList
	require.True(t, errors.As(err, &list))
	assert.Equal(t, `book.xlsx:Sheet1!H7: 社保工作运行经费 › 资金投入: the weight should be a number; the cell holds "十分"`, filepath.Base(list[0].Error()))

	path := filepath.Join(t.TempDir(), "fake.xlsx")
	require.NoError(t, writeFile(path, "not a zip"))
	_, err = LoadWorkbook(path, Limits{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "this file is text (perhaps a CSV or TOML file renamed), not an .xlsx workbook")

	// A workbook of 0 bytes (a save or a copy that never finished) is said to be empty.
	path = filepath.Join(t.TempDir(), "empty.xlsx")
	require.NoError(t, writeFile(path, ""))
	_, err = LoadWorkbook(path, Limits{})
	require.True(t, errors.As(err, &list))
	assert.Equal(t, "empty.xlsx: 文件是空的（0 字节）：多半没有保存完或没有复制完；请重新导出或复制这个工作簿", filepath.Base(list[0].Localize(i18n.Zh)))
	assert.Equal(t, ErrRead, list[0].Kind)
}

func writeFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o644) }

// A workbook is held to the same rules as a TOML file: the decoder they share reports a
// duplicate indicator and a negative execution weight, at their cells.
func TestWorkbookSameValidationAsTOML(t *testing.T) {
	b := fujianBook(t)
	require.NoError(t, b.f.SetText("Sheet1", "D9", "社保参保率")) // the row below says it again
	_, err := LoadWorkbook(b.save(), Limits{})
	var list ErrorList
	require.True(t, errors.As(err, &list), "got %v", err)
	assert.Equal(t, `book.xlsx:Sheet1!D9: 社保工作运行经费 › 社保参保率: duplicate indicator: same name as indicator 3 under the same headings; remove one or rename it`,
		filepath.Base(list[0].Error()))

	b = newBook(t)
	b.sheet("Sheet1", [][]any{
		{"项目名称", "教师培训"},
		{"", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
		{"年度资金总额", "", 200, 180, 162, -10, "90%", 9},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "权重", "得分"},
		{"产出指标", "数量指标", "培训人次", "500", "520", 90, 90},
	})
	_, err = LoadWorkbook(b.save(), Limits{})
	require.True(t, errors.As(err, &list), "got %v", err)
	assert.Equal(t, `book.xlsx:Sheet1!F3: 教师培训: the execution-rate weight cannot be negative`, filepath.Base(list[0].Error()))
}

// One bad cell rejects its own project only: a project on another sheet, and one stacked
// beside it on the same sheet, are still read, and the error names the bad cell by its sheet.
func TestWorkbookBadCellRejectsItsProjectOnly(t *testing.T) {
	block := func(name, weight, review any) [][]any {
		return [][]any{
			{"专项名称", name},
			{"一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "复核得分"},
			{"产出指标", "数量指标", "期数", "12", "12", weight, 100, review},
			{"合计", "", "", "", "", 100, 100},
			{},
		}
	}
	b := newBook(t)
	b.sheet("Sheet1", block("甲项目", 100, nil))
	b.sheet("乙", block("乙项目", "十分", nil))
	b.sheet("丙", append(block("丙项目", 100, 100), block("丁项目", 100, "8分")...))
	projects, err := LoadWorkbook(b.save(), Limits{})
	var names []string
	for _, p := range projects {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"甲项目", "丙项目"}, names, "the projects without a bad cell")
	var list ErrorList
	require.True(t, errors.As(err, &list), "got %v", err)
	var lines []string
	for _, e := range list {
		lines = append(lines, filepath.Base(e.Localize(i18n.Zh)))
	}
	assert.Equal(t, []string{
		`book.xlsx:乙!F3: 乙项目 › 期数: 分值应为数字，单元格里是 "十分"`,
		`book.xlsx:丙!H8: 丁项目 › 期数: 复核得分应为数字，单元格里是 "8分"`,
	}, lines)
}

// The funds block states why execution fell short in the forms units use: a column of its
// header (偏差原因, 原因说明, 未执行原因), or a row below it with the reason beside its label.
// The reason's cell is its place even when blank; a block without one has none.
func TestWorkbookFundsReason(t *testing.T) {
	funds := func(head, data []any, below ...[]any) [][]any {
		rows := [][]any{{"项目名称", "教师培训"}, head, data}
		rows = append(rows, below...)
		return append(rows,
			[]any{"一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "得分"},
			[]any{"产出指标", "数量指标", "培训人次", "≥500", "人次", "520", 90, 90},
		)
	}
	head := []any{"", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"}
	data := []any{"年度资金总额", "", 200, 200, 150, 10, "75%", 7.5}
	for _, c := range []struct {
		name   string
		rows   [][]any
		reason string
		cell   string // "" for no place
	}{
		{"偏差原因 column", funds(append(head, "偏差原因"), append(data, "部分老人入住延后")), "部分老人入住延后", "I3"},
		{"原因说明 column, blank", funds(append(head, "原因说明"), data), "", "I3"},
		{"未执行原因 column, after a gap", funds(append(head, "", "未执行原因"), append(data, "", "采购延期")), "采购延期", "J3"},
		{"reason row", funds(head, data, []any{"其中：财政拨款", "", 200, 200, 150}, []any{"偏差原因", "", "工程款按合同下年支付"}), "工程款按合同下年支付", "C5"},
		{"资金执行偏差原因 row, merged label", funds(head, data, []any{"资金执行偏差原因说明", "资金执行偏差原因说明", "工程款按合同下年支付"}), "工程款按合同下年支付", "C4"},
		{"no place", funds(head, data), "", ""},
		{"a reason below the 总体目标 is the targets'", funds(head, data, []any{"年度总体目标", "完成培训"}, []any{"偏差原因", "", "场地受限"}), "", ""},
		{"a 复核 column is not the owner's reason", funds(append(head, "复核偏差原因"), append(data, "复核人写的")), "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Sheet1", c.rows)
			projects, err := LoadWorkbook(b.save(), Limits{})
			require.NoError(t, err)
			require.Len(t, projects, 1)
			p := projects[0]
			require.NotNil(t, p.Funds)
			assert.Equal(t, 150.0, *p.Funds.Spent)
			assert.Equal(t, c.reason, p.Funds.Reason)
			pos, ok := p.Cell("funds.reason")
			if c.cell == "" {
				assert.False(t, ok, "no place for the reason: %v", pos)
				return
			}
			require.True(t, ok, "the reason's cell")
			assert.Equal(t, c.cell, sheets.CellName(pos.Col, pos.Line))
			assert.Equal(t, "Sheet1", pos.Sheet)
		})
	}
}

package fill

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"jixiao/sheets"
)

// -templates DIR writes the template workbooks the tests fill into DIR, for the office-suite
// smoke test (scripts/xlsx-smoke.sh).
var templatesDir = flag.String("templates", "", "write the test's template workbooks into this folder")

// template builds an owner's workbook as the provinces' templates lay them out: a title,
// merged labels, styled header rows, borders of fill, number formats, column widths, print
// settings, formulas with their saved results, a drop-down list and a comment of the owner's.
type template struct {
	t *testing.T
	b *sheets.Book
}

func newTemplate(t *testing.T) *template {
	return &template{t: t, b: sheets.New()}
}

func (m *template) rows(sheet string, first int, rows [][]any) {
	for r, row := range rows {
		require.NoError(m.t, m.b.SetRow(sheet, sheets.CellName(1, first+r), row))
	}
}

func (m *template) merge(sheet string, ranges ...string) {
	for _, rg := range ranges {
		from, to, _ := strings.Cut(rg, ":")
		require.NoError(m.t, m.b.Merge(sheet, from, to))
	}
}

func (m *template) style(sheet string, s sheets.Style, cells ...string) {
	id, err := m.b.NewStyle(s)
	require.NoError(m.t, err)
	for _, c := range cells {
		require.NoError(m.t, m.b.SetStyle(sheet, c, id))
	}
}

// formula gives a cell a formula and the result the owner's office suite saved with it.
func (m *template) formula(sheet, cell, formula string, saved float64) {
	require.NoError(m.t, m.b.SetFormulaValue(sheet, cell, formula, saved))
}

func (m *template) save(name string) string {
	t := m.t
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, m.b.SaveAs(path))
	if *templatesDir != "" {
		require.NoError(t, os.MkdirAll(*templatesDir, 0o755))
		require.NoError(t, m.b.SaveAs(filepath.Join(*templatesDir, name)))
	}
	require.NoError(t, m.b.Close())
	return path
}

// centralTemplate is the central template (财预〔2020〕10号) as a province extends it: the
// funds block with 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, the 年度总体目标,
// the indicator table with 度量单位, 评（扣）分标准 and 偏差原因分析及改进措施, 总分 as a
// formula, and 自评等级 chosen from a list.
//
// As the owner left it: 培训人次 has no score and no unit; 学员满意度's 18.89 is proportional
// where the criterion deducts 2 points a percentage point (10); 按时完成率's score is a
// formula giving full marks; the execution score 9 is not 150 / 180 × 10 (8.33), and no
// reason is given for it or for 学员满意度; the grade 优秀 is not that of 88.33.
func centralTemplate(t *testing.T) *template {
	m := newTemplate(t)
	s := "自评表"
	require.NoError(t, m.b.RenameSheet("Sheet1", s))
	m.rows(s, 1, [][]any{
		{"项目支出绩效自评表"},
		{"（2023年度）"},
		{"项目名称", "教师培训"},
		{"主管部门", "某区教育局", "", "", "", "实施单位", "某区教师进修学校"},
		{"项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
		{"", "年度资金总额", "", 200, 180, 150, 10, nil, 9},
		{"", "其中：当年财政拨款", "", 200, 180, 150, "—", nil, "—"},
		{"", "上年结转资金", "", 0, 0, 0, "—", nil, "—"},
		{"", "其他资金", "", 0, 0, 0, "—", nil, "—"},
		{"年度总体目标", "预期目标", "", "", "", "", "实际完成情况"},
		{"", "全年培训教师500人次，合格率95%以上", "", "", "", "", "培训520人次，合格率98%"},
		{"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "实际完成值", "分值", "得分", "评（扣）分标准", "偏差原因分析及改进措施"},
		{"", "产出指标", "数量指标", "培训人次", "≥500", "", 520, 30, nil, "达到500人次得满分，未达到按比例得分", ""},
		{"", "", "质量指标", "培训合格率", "≥95", "%", 98, 20, 20, "合格率≥95%得满分；每低1个百分点扣1分", ""},
		{"", "", "时效指标", "按时完成率", "100", "%", 100, 20, nil, "按时完成得满分，未按时完成不得分", ""},
		{"", "效益指标", "满意度指标", "学员满意度", "≥90", "%", 85, 20, 18.89, "≥90%得满分；每降低1个百分点扣2分，扣完为止", ""},
		{"总分", "", "", "", "", "", "", nil, nil, "", ""},
		{"自评等级", "", "", "", "", "", "", "优秀"},
		{"填表人：李四", "", "", "", "联系电话：12345678"},
	})
	m.merge(s, "A1:K1", "A2:K2", "B3:K3", "B4:E4", "G4:K4", "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
		"A10:A11", "B10:F10", "G10:K10", "B11:F11", "G11:K11", "A12:A16", "B13:B15", "A17:G17", "A18:G18", "H18:I18")
	m.formula(s, "H6", "F6/E6", 150.0/180)
	m.formula(s, "I15", "H15", 20)
	m.formula(s, "H17", "SUM(H13:H16)+G6", 100)
	m.formula(s, "I17", "SUM(I13:I16)+I6", 67.89)
	m.style(s, sheets.Style{Bold: true, Wrap: true, Vertical: "center"}, "A1")
	m.style(s, sheets.Style{Bold: true, Fill: "#DDEBF7", Wrap: true, Vertical: "center"}, "A5", "D5", "E5", "F5", "G5", "H5", "I5",
		"B12", "C12", "D12", "E12", "F12", "G12", "H12", "I12", "J12", "K12")
	m.style(s, sheets.Style{NumFmt: 10}, "H6") // 0.00%
	m.style(s, sheets.Style{NumFmt: 2}, "I6", "I13", "I14", "I15", "I16", "I17")
	m.style(s, sheets.Style{Wrap: true, Vertical: "top"}, "J13", "J14", "J15", "J16", "K13", "K14", "K15", "K16")
	m.style(s, sheets.Style{Bold: true, Color: "#C00000"}, "H18")
	for col, w := range []float64{8, 10, 10, 14, 10, 8, 10, 8, 8, 36, 24} {
		require.NoError(t, m.b.SetColWidth(s, col+1, w))
	}
	require.NoError(t, m.b.FitToWidth(s, true))
	require.NoError(t, m.b.DropDown(s, "H18", []string{"优秀", "良好", "中等", "较差"}))
	require.NoError(t, m.b.SetComment(s, sheets.Comment{Cell: "I16", Author: "李四", Text: "按完成比例计算"}))
	require.NoError(t, m.b.AddSheet("填报说明"))
	m.rows("填报说明", 1, [][]any{{"1. 得分保留两位小数。"}, {"2. 未完成的指标须填写偏差原因。"}})
	return m
}

// fujianTemplate is the Fujian layout of the seed (泉港区社会保险中心, 2021): funds ①–⑧, the
// indicator table with 评分标准 and no unit or reason column, 合计 with SUM formulas, and
// 自评得分等次 in a merged cell. The owner's scores are the seed's: 资金投入's 5 is tier 3
// where tier 2 comes first (8), 社保参保率's 19.81 is proportional where the tiers give 18;
// the 合计 formula gives 96 once they are corrected, graded 优 like the stated 优秀.
func fujianTemplate(t *testing.T) *template {
	m := newTemplate(t)
	s := "Sheet1"
	m.rows(s, 1, [][]any{
		{"项目支出绩效自评表（一）"},
		{"专项名称", "", "社保工作运行经费", "", "", "部门预算功能科目", "", "2080109"},
		{"单位名称", "", "泉港区社会保险中心", "", "", "单位编码", "", "408003"},
		{"财政资金安排和使用情况", "资金结构(万元)", "年初部门预算安排金额(含历年结余结转)①", "年中调整金额②", "年度拨付金额③", "本年度结余金额④=①+②-③", "实际到位金额⑤", "实际支出金额⑥", "本年度结余金额⑦", "结余率(%)⑧=⑦/⑤"},
		{"", "合计", 73.00, 0.00, 13.87, 59.13, 13.87, 13.87, 0.00, 0.00},
		{"年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "评分标准", "绩效目标值", "实际完成值", "指标分值", "得分"},
		{"", "产出指标", "时效指标", "当年投入完成的时间", "1年内完成100%，得20分；未全部完成，按完成情况得15~18分；未开展，不得分。", "100%", "100%", 20, 20},
		{"", "", "成本指标", "资金投入", "资金投入100%得10分；资金投入≤项目进度80%得8分；资金未全部投入得5分。", "73.00", "13.87", 10, 5},
		{"", "", "数量指标", "城乡居民保劳务派遣经费支付期数", "≥4期得10分；4期>期数≥3期得5分；低于3期得0分。", "4", "4", 10, 10},
		{"", "", "质量指标", "覆盖乡镇率", "覆盖面达到100%得10分；100%>覆盖面≥95%得5分；95%>覆盖面<90%得0分。", "100%", "100%", 10, 10},
		{"", "效益指标", "经济效益指标", "城乡保参保人数", "参保人数≥217100得20分；217100>参保人数≥216500得10分；参保人数<216500不得分。", "217100", "217418", 20, 20},
		{"", "", "社会效益指标", "社保参保率", "参保率≥99.22%得20分；99.22%>参保率≥98.5%得18分；98.5%>参保率≥98%得15分；参保率<98%不得分。", "99.60%", "98.67%", 20, 19.81},
		{"", "满意度指标", "服务对象满意度指标", "群众满意率", "A≥98%得10分；98%>A≥90%得8分；90%>A≥85%得5分；A<85%不得分。", "98%", "99%", 10, 10},
		{"", "合计", "", "", "", "", "", nil, nil},
		{"自评得分等次", "", "", "", "", "", "", "优秀"},
	})
	m.merge(s, "A1:I1", "A2:B2", "C2:E2", "F2:G2", "H2:I2", "A3:B3", "C3:E3", "F3:G3", "H3:I3", "A4:A5",
		"A6:A13", "B7:B10", "B11:B12", "B14:G14", "A15:G15", "H15:I15")
	m.formula(s, "H14", "SUM(H7:H13)", 100)
	m.formula(s, "I14", "SUM(I7:I13)", 94.81)
	m.style(s, sheets.Style{Bold: true, Vertical: "center"}, "A1")
	m.style(s, sheets.Style{Bold: true, Fill: "#F2F2F2", Wrap: true}, "C4", "D4", "E4", "F4", "G4", "H4", "I4", "J4",
		"B6", "C6", "D6", "E6", "F6", "G6", "H6", "I6")
	m.style(s, sheets.Style{Format: "0.00"}, "C5", "D5", "E5", "F5", "G5", "H5", "I5", "J5")
	m.style(s, sheets.Style{Wrap: true, Vertical: "top"}, "E7", "E8", "E9", "E10", "E11", "E12", "E13")
	for col, w := range []float64{6, 10, 12, 16, 40, 10, 10, 8, 8, 10} {
		require.NoError(t, m.b.SetColWidth(s, col+1, w))
	}
	require.NoError(t, m.b.FitToWidth(s, false))
	return m
}

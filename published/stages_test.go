package published

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/layout"
)

func lines(t *testing.T, text string) *layout.Document {
	t.Helper()
	doc, err := layout.Read("r.txt", layout.Text, []byte(strings.ReplaceAll(text, "|", "\t")))
	require.NoError(t, err)
	return doc
}

func TestParagraphs(t *testing.T) {
	doc := lines(t, "二、绩效分析\n本项目绩效自评得分 94.81 分，具体情况如下：\n(一) 产出指标\n1) 城乡居民保劳务派遣经费支付期数，目标值 4.00，实际完\n\n成 4, 权重 10.00, 得分 10.00。\n涉及资金共计 6880.00 万元。（详见附件一）\n对 2 个项目实施单位评价\n")
	ps := paragraphs(doc.Lines)
	var got []string
	for _, p := range ps {
		got = append(got, p.text)
	}
	assert.Equal(t, []string{
		"二、绩效分析", // a heading stands alone
		"本项目绩效自评得分 94.81 分，具体情况如下：",
		"(一) 产出指标",
		"1) 城乡居民保劳务派遣经费支付期数，目标值 4.00，实际完成 4, 权重 10.00, 得分 10.00。", // a page break inside a word
		"涉及资金共计 6880.00 万元。（详见附件一）",
		"对 2 个项目实施单位评价",
	}, got)
	joined := ps[3]
	at := strings.Index(joined.text, "成 4")
	assert.Equal(t, "r.txt:6:1", joined.posAt(at).String(), "a place in the joined paragraph is the place in its own line")
	assert.Equal(t, "r.txt:6:3", joined.posAt(at+len("成 ")).String())
}

func TestCellValue(t *testing.T) {
	tests := []struct {
		text  string
		num   float64
		isNum bool
		plain bool
		unit  string
		op    indicators.Op
	}{
		{"100.00", 100, true, true, "", indicators.OpNone},
		{"217,418", 217418, true, true, "", indicators.OpNone},
		{"≥ 99.22%", 99.22, true, false, "", indicators.OpGE},
		{"增长两千人", 2000, true, true, "人", indicators.OpNone}, // a growth of 2000 people
		{"达成", 0, false, false, "", indicators.OpNone},
		{"降低两千人", 0, false, false, "", indicators.OpNone}, // not a word that leaves the number as it is
	}
	for _, tt := range tests {
		v := cellValue(tt.text)
		assert.Equal(t, tt.text, v.Text, "the text is kept as written")
		assert.Equal(t, tt.isNum, v.IsNum, "cellValue(%q).IsNum", tt.text)
		assert.Equal(t, tt.num, v.Num, "cellValue(%q).Num", tt.text)
		assert.Equal(t, tt.plain, v.Plain, "cellValue(%q).Plain", tt.text)
		assert.Equal(t, tt.op, v.Op, "cellValue(%q).Op", tt.text)
		if tt.unit != "" {
			assert.Equal(t, tt.unit, v.Unit, "cellValue(%q).Unit", tt.text)
		}
	}
}

func TestPriorValue(t *testing.T) {
	tests := []struct {
		expl, unit string
		want       string // the value's text; "" for none
		num        float64
	}{
		{"1 指标出处:网络查询 2 具体内容:反应资金及时申请拨付到位情况 3 上年度数值:73 万元 100% 已全部拨付到位。 4 计算方法:统计法", "万元", "73", 73},
		{"1 指标出处:网络查询 2 具体内容:反映1年内完成投入情况 3 上年度数值:反映1年内完成投入情况 4 计算方法:统计法", "%", "", 0},
		{"3 上年度数值:全区参加城乡居民保人数 21.62 万人 4 计算方法:统计法", "人", "21.62万人", 216200},
		{"3 上年度数值:参保率 99.22% 4 计算方法:统计法", "%", "99.22", 99.22},
		{"3 上年度数值:群众满意度 ≥95 4 计算方法:采用抽样调查方法", "%", "≥95", 95},
		{"1 指标出处:网络查询 2 具 体内容:全区参加城乡居民 保人数 3 上年度数 值:217997 人 4 计算方法: 统计法", "人", "217997", 217997},
		{"3 上年度数 值:167 元/月. 人 4 计算方法:统计法", "元/月·人", "167", 167},
		{"3 上 年度数值:99.83% 4 计算方 法:统计法", "%", "99.83", 99.83},
		{"3 上年度数值:每月发放养老金 4 计算方法:统计法", "%", "", 0},
		{"1 指标出处:网络查询 2 具体内容:反映城乡保全年劳务派遣支付经费 4 期情况 3 上年度数值:反映城乡保全年劳务派遣支付经费 4 期情况 4 计算方法:统计法", "期", "", 0},
	}
	for _, tt := range tests {
		v, ok := priorValue(tt.expl, tt.unit)
		assert.Equal(t, tt.want != "", ok, "priorValue(%q)", tt.expl)
		assert.Equal(t, tt.want, v.Text, "priorValue(%q)", tt.expl)
		assert.Equal(t, tt.num, v.Num, "priorValue(%q)", tt.expl)
	}
}

func TestInferUnit(t *testing.T) {
	tests := []struct {
		name, target, criterion, expl, want string
	}{
		{"当年投入完成的时间", "100.00", "1年内完成100%，得20分；未全部完成，按完成情况得15~18分；未开展，不得分。", "", "%"},
		{"资金投入", "73.00", "资金投入 100%得 10 分; 资金投入 ≤项目进度 80%得 8 分; 资金未全部投入得 5 分。", "3 上年度数值:73 万元 100% 已全部拨付到位。 4 计算方法", "万元"},
		{"城乡居民保劳务派遣经费支付期数", "4.00", "支付全年劳务派遣经费≥4 期得 10 分; 4 期>支付其数≥3 期得 5 分; 低于 3 期得 0 分。", "", "期"},
		{"城乡保参保人数", "217100.00", "参保人数≥ 217100 得 20 分, 217100>参保人数≥216500 人得 10 分, 参保人数 <216500 人不得分", "3 上年度数值:全区参加城乡居民保人数 21.62 万人 4", "人"},
		{"城乡居民养老金平均水平", "167.00", "养老金 ≥ 167 元/月·人得 10 分, 养老 金 < 167/ 月·人不得分", "", "元/月·人"},
		{"专项资金专款专用", "6807.00", "资金全部拨付 到位得 10 分, 资金拨付 不到位不得分", "3 上年度数值:6812 万元 4 计算方法", "万元"},
		{"待遇领取增长人数", "增长两千人", "", "", "人"},
		{"群众满意度", "100.00", "", "", "%"},
		{"项目验收", "1.00", "按时验收得 10 分", "", ""}, // nothing says: no unit rather than a guess
	}
	for _, tt := range tests {
		ind := &indicators.Indicator{Name: tt.name, Target: cellValue(tt.target), Criterion: tt.criterion}
		assert.Equal(t, tt.want, inferUnit(ind, tt.expl), "inferUnit(%s)", tt.name)
	}
}

func TestSplitNumbering(t *testing.T) {
	tests := []struct{ label, number, rest string }{
		{"八、社会保障和就业支出", "八", "社会保障和就业支出"},
		{"二十六、抗疫特别国债安排的支出", "二十六", "抗疫特别国债安排的支出"},
		{"1. 因公出国（境）费", "1", "因公出国（境）费"},
		{"其中：（1）公务用车购置费", "(1)", "公务用车购置费"},
		{"本年支出合计", "", "本年支出合计"},
	}
	for _, tt := range tests {
		n, rest := splitNumbering(tt.label)
		assert.Equal(t, tt.number, n, "splitNumbering(%q)", tt.label)
		assert.Equal(t, tt.rest, rest, "splitNumbering(%q)", tt.label)
	}
}

func TestSplitSections(t *testing.T) {
	doc := lines(t, "目 录\n一、收入支出决算总表|4\n七、预算绩效情况说明|20\n第二部分 决算表\n一、收入支出决算总表\n收入支出决算总表\n公开 01 表\n单位：万元\n项目|金额\n合计|1.00\n注：本表反映…\n2. 本套报表金额单位转换时可能存在尾数误差。\n七、预算绩效情况说明\n本单位组织对 2021 年度 1 个项目实施单位自评。\n八、其他重要事项情况说明\n项目支出绩效自评表（一）\n专项名称||甲\n二、《项目支出绩效评价报告》\n项目支出绩效评价报告（一）\n一、项目基本情况\n二、绩效分析\n")
	s := split(doc)
	require.Len(t, s.accounts, 1, "the table of contents opens nothing")
	a := s.accounts[0]
	assert.Equal(t, 1, a.number)
	assert.Equal(t, 5, a.title.Pos.Line, "the heading opens the table; the title under it is one of its lines")
	assert.Equal(t, 7, a.label.Pos.Line)
	assert.Len(t, a.lines, 4, "title, 单位, header, 合计: the note ends the table")
	require.Len(t, s.performance, 1)
	assert.Len(t, s.performance[0].lines, 1, "the next numbered heading ends the 预算绩效情况说明")
	require.Len(t, s.selfEvals, 1)
	assert.Len(t, s.selfEvals[0].lines, 1, "an annex heading ends a table")
	require.Len(t, s.reports, 1)
	assert.Len(t, s.reports[0].lines, 2, "an evaluation report's own headings stay in it")
}

// A self-evaluation table in the central layout: a 度量单位 and a 偏差原因 column, the funds
// as 年初预算数, 全年预算数, 全年执行数 with their 分值 and 得分, and no evaluation report.
func TestCentralLayout(t *testing.T) {
	text := `项目支出绩效自评表
项目名称||网格化服务管理|||
主管部门||区委社会工作部|实施单位||区社会工作服务中心
项目资金（万元）||年初预算数|全年预算数|全年执行数|分值|执行率|得分
|年度资金总额|50.00|48.00|45.60|10|95.00%|9.50
|其中：当年财政拨款|50.00|48.00|45.60|—|—|—
一级指标|二级指标|三级指标|年度指标值|度量单位|实际完成值|分值|得分|偏差原因分析及改进措施
产出指标|数量指标|培训场次|≥12|场|10|20|16|两场因疫情取消
|质量指标|培训合格率|≥95|%|97|20|20|
效益指标|社会效益指标|居民满意度|≥90|%|92|40|40|
合计||||||90|85.5|
`
	doc, err := FromLayout(lines(t, text))
	require.NoError(t, err)
	require.Len(t, doc.Projects, 1)
	p := doc.Projects[0].Project
	assert.Equal(t, "网格化服务管理", p.Name)
	assert.Equal(t, "区委社会工作部", p.Agency, "the 主管部门")
	assert.Equal(t, "区社会工作服务中心", p.Implementer, "the 实施单位, kept apart")
	require.NotNil(t, p.Funds)
	assert.Equal(t, 50.0, *p.Funds.Budget)
	assert.Equal(t, 48.0, *p.Funds.FullYearBudget)
	assert.Equal(t, 45.6, *p.Funds.Spent)
	assert.Equal(t, 10.0, p.Funds.Weight)
	assert.Equal(t, 9.5, *p.Funds.Reported)
	require.Len(t, p.Indicators, 3)
	ind := p.Indicators[0]
	assert.Equal(t, "场", ind.Unit, "the 度量单位 column")
	assert.Equal(t, indicators.OpGE, ind.Target.Op)
	assert.Equal(t, "两场因疫情取消", ind.Reason)
	assert.Equal(t, "产出指标", p.Indicators[1].Level1, "a blank heading cell continues the row above")
	assert.Equal(t, "质量指标", p.Indicators[1].Level2)
	assert.Equal(t, 85.5, *p.Reported.Total)
	require.Len(t, doc.Notes, 1)
	assert.Equal(t, CodeReportMissing, doc.Notes[0].Code, "no evaluation report: its figures cannot be compared")
}

// Rows a self-evaluation table cannot read in whole are kept, with findings; a line that is
// not a row at all is named.
func TestSelfEvalPartial(t *testing.T) {
	text := `项目支出绩效自评表（一）
专项名称||甲项目|||部门预算功能科目||2080109||
年度绩效指标完成情况|一级指标|二级指标|三级指标|指标解释|评分标准|绩效目标值|实际完成值|指标分值|得分
|产出指标|数量指标|发放期数|1 指标出处:统计 3 上年度数值:12 期 4 计算方法:统计法|达到 12 期得 5 分|12.00|12|5|5
|||发放人数|1 指标出处:统计 4 计算方法:统计法|达到 100 人得 5 分|100.00
第三页
|效益指标|社会效益指标|满意率|1 指标出处:调查 4 计算方法:调查|≥90%得 90 分|90.00|95|90|90
|合计|||||||100|95
自评得分等次||||||||优秀|
`
	doc, err := FromLayout(lines(t, text))
	require.NoError(t, err)
	require.Len(t, doc.Projects, 1)
	p := doc.Projects[0].Project
	require.Len(t, p.Indicators, 3, "the row read in part is kept")
	assert.Equal(t, "发放人数", p.Indicators[1].Name)
	assert.Equal(t, 0.0, p.Indicators[1].Weight)
	assert.Nil(t, p.Indicators[1].Reported)
	assert.False(t, p.Indicators[1].Actual.Set)
	var got []string
	for _, f := range doc.Notes {
		got = append(got, f.Code+" "+f.Pos.String()+" "+strings.Join(f.Names, ","))
	}
	assert.Equal(t, []string{
		"eval-report-missing r.txt:1:1 ",
		"report-cells-missing r.txt:5:4 实际完成值,指标分值,得分",
		"report-row-unread r.txt:6:1 第三页",
	}, got, "sorted by place")
}

func TestAfterGradeRow(t *testing.T) {
	text := "项目支出绩效自评表\n专项名称||甲\n一级指标|二级指标|三级指标|绩效目标值|实际完成值|指标分值|得分\n产出指标|数量指标|期数|4|4|100|100\n合计|||||100|100\n自评得分等次||||||优秀\n填表人：张三|联系电话：123\n"
	doc, err := FromLayout(lines(t, text))
	require.NoError(t, err)
	require.Len(t, doc.Projects, 1)
	assert.Len(t, doc.Projects[0].Project.Indicators, 1, "a row after the grade is not an indicator")
	assert.Equal(t, "优秀", doc.Projects[0].Project.Reported.Grade)
	var got []string
	for _, f := range doc.Notes {
		got = append(got, f.Code+" "+f.Pos.String())
	}
	assert.Equal(t, []string{"eval-report-missing r.txt:1:1", "report-row-unread r.txt:7:1"}, got)
}

// A title or label printed again at the top of a page does not open another table.
func TestPageHeaders(t *testing.T) {
	doc := lines(t, "收入决算表\n公开 02 表\n单位：万元\n项目|本年收入合计|其他收入\n合计|2.00|2.00\n收入决算表\n公开 02 表\n208|社会保障和就业支出|2.00|2.00\n注：…\n项目支出绩效自评表（一）\n专项名称||甲\n项目支出绩效自评表（一）\n单位名称||乙\n")
	s := split(doc)
	require.Len(t, s.accounts, 1)
	require.Len(t, s.selfEvals, 1)
	tb, notes := readAccounts(s.accounts[0], false)
	assert.Empty(t, notes)
	require.Len(t, tb.Parts, 1)
	assert.Len(t, tb.Parts[0].Rows, 2, "the rows on both sides of the page break")
	se := readSelfEval(s.selfEvals[0])
	assert.Equal(t, "甲", se.name.text)
	assert.Equal(t, "乙", se.agency.text)
}

// A report may state its performance in more than one section (预算绩效情况说明, then
// 预算绩效管理情况): each is read, the statements of both kept, in order.
func TestTwoPerformanceSections(t *testing.T) {
	doc := lines(t, "一、收入支出决算总表\n收入支出决算总表\n公开 01 表\n单位：万元\n项目|金额\n合计|1.00\n注：本表反映…\n"+
		"七、预算绩效情况说明\n本单位组织对 2021 年度 1 个项目实施单位自评。\n八、其他重要事项情况说明\n无。\n"+
		"九、预算绩效管理情况\n绩效自评的 2021 年度项目 2 个，涉及预算金额 10.00 万元，平均得分 95.00 分。\n十、其他\n")
	s := split(doc)
	require.Len(t, s.performance, 2)
	d, err := FromLayout(doc)
	require.NoError(t, err)
	require.Len(t, d.Narrative.Statements, 2)
	assert.Equal(t, 1, d.Narrative.Statements[0].Count)
	assert.Equal(t, 2, d.Narrative.Statements[1].Count)
	assert.Equal(t, s.performance[0].title.Pos, d.Narrative.Pos, "the first section's heading")
}

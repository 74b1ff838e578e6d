package published_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// miniAccounts is a small, consistent set of the nine final-accounts tables, laid out as the
// seed's extracted text lays them out ("|" stands for a tab). Every check holds on it.
const miniAccounts = `2021 年度
第二部分 2021 年度部门决算表
一、收入支出决算总表
收入支出决算总表
公开 01 表
单位：测试中心
2021 年度
单位：万元
收入||支出|
项目|金额|项目(按支出功能分类)|金额
一、一般公共预算财政拨款收入|100.00|一、社会保障和就业支出|130.00
二、政府性基金预算财政拨款收入|50.00|二、城乡社区支出|50.00
三、国有资本经营预算财政拨款收入|0.00||
八、其他收入|10.00||
本年收入合计|160.00|本年支出合计|180.00
使用非财政拨款结余|0.00|结余分配|0.00
年初结转和结余|20.00|年末结转和结余|0.00
总计|180.00|总计|180.00
注：本表反映单位本年度的总收支和年末结转结余情况。
二、收入决算表
收入决算表
公开 02 表
单位：万元
项目|||本年收入 合计|财政拨款收 入|上级 补助 收入|事业 收入|经营 收入|附属 单位 上缴 收入|其他收入
功能分 类科目 编码|科目名称
类|款|项|合计|160.00|150.00|0.00|0.00|0.00|0.00|10.00
208|||社会保障和就业支出|110.00|100.00|0.00|0.00|0.00|0.00|10.00
20801|||人力资源和社会保障管理 事务|110.00|100.00|0.00|0.00|0.00|0.00|10.00
2080109|||社会保险经办机构|110.00|100.00|0.00|0.00|0.00|0.00|10.00
212|城乡社区支出|50.00|50.00|0.00|0.00|0.00|0.00|0.00
21208|国有土地使用权出让收入安排的支出|50.00|50.00|0.00|0.00|0.00|0.00|0.00
2120805|补助被征地农民支出|50.00|50.00|0.00|0.00|0.00|0.00|0.00
注：本表反映单位本年度取得的各项收入情况。
三、支出决算表
支出决算表
公开 03 表
单位：万元
项目|||本年支出 合计|基本 支出|项目 支出|上缴 上级 支出|经营 支出|对附 属单 位补 助支 出
功能分类科 目编码|科目名称
类|款|项|合计
||||180.00|80.00|100.00|0.00|0.00|0.00
208||社会保障和就业支出|130.00|80.00|50.00|0.00|0.00|0.00
20801||人力资源和社会保障管理事务|130.00|80.00|50.00|0.00|0.00|0.00
2080109||社会保险经办机构|130.00|80.00|50.00|0.00|0.00|0.00
212||城乡社区支出|50.00|0.00|50.00|0.00|0.00|0.00
21208||国有土地使用权出让收入安排的支出|50.00|0.00|50.00|0.00|0.00|0.00
2120805||补助被征地农民支出|50.00|0.00|50.00|0.00|0.00|0.00
注：本表反映单位本年度各项支出情况。
四、财政拨款收入支出决算总表
财政拨款收入支出决算总表
公开 04 表
单位：万元
收 入||支 出||||
项目|金额|项目|合计|一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款
一、一般公共预算财政拨款|100.00|一、社会保障和就业支出|120.00|120.00|0.00|0.00
二、政府性基金预算财政拨款|50.00|二、城乡社区支出|50.00|0.00|50.00|0.00
三、国有资本经营财政拨款|0.00|||||
本年收入合计|150.00|本年支出合计|170.00|120.00|50.00|0.00
年初财政拨款结转和结余|20.00|年末财政拨款结转和结余|0.00|0.00|0.00|0.00
一般公共预算财政拨款|20.00|||||
政府性基金预算财政拨款|0.00|||||
国有资本经营预算财政拨款|0.00|||||
总计|170.00|总计|170.00|120.00|50.00|0.00
注：本表反映单位本年度财政拨款的总收支。
五、一般公共预算财政拨款支出决算表
一般公共预算财政拨款支出决算表
公开 05 表
单位：万元
项目||本年支出||
功能分类科目编码|科目名称|小计|基本支出|项目支出
合计||120.00|70.00|50.00
208|社会保障和就业支出|120.00|70.00|50.00
20801|人力资源和社会保障管理事务|120.00|70.00|50.00
2080109|社会保险经办机构|120.00|70.00|50.00
注：本表反映单位本年度一般公共预算财政拨款支出情况。
六、一般公共预算财政拨款基本支出决算表
一般公共预算财政拨款基本支出决算表
公开 06 表
单位：万元
人员经费|||公用经费||
经济分类科目编码|科目名称|金额|经济分类科目编码|科目名称|金额
301|工资福利支出|60.00|302|商品和服务支出|10.00
30101|基本工资|60.00|30201|办公费|10.00
|人员经费合计|60.00||公用经费合计|10.00
注：本表反映单位本年度一般公共预算财政拨款基本支出明细情况。
七、一般公共预算财政拨款“三公”经费支出决算表
一般公共预算财政拨款“三公”经费支出决算表
公开 07 表
单位：万元
项目|行次|本年决算数
合计|1|6.00
1. 因公出国（境）费|2|1.00
2. 公务用车购置及运行维护费|3|3.00
其中：（1）公务用车购置费|4|2.00
（2）公务用车运行维护费|5|1.00
3. 公务接待费|6|2.00
注：本表反映单位本年度“三公”经费支出决算情况。
八、政府性基金预算财政拨款收入支出决算表
政府性基金预算财政拨款收入支出决算表
公开 08 表
部门：测试中心
单位：万元
项目|||年初结转和结余|本年收入|本年支出|||年末结转和结余|
|||||小计|基本支出|项目支出||
支出功能分类科目编码|科目名称
类|款|项
|||合计|0.00|50.00|50.00|0.00|50.00|0.00
212|||城乡社区支出|0.00|50.00|50.00|0.00|50.00|0.00
21208|||国有土地使用权出让收入安排的支出|0.00|50.00|50.00|0.00|50.00|0.00
2120805|||补助被征地农民支出|0.00|50.00|50.00|0.00|50.00|0.00
注：本表反映单位本年度政府性基金预算财政拨款收入、支出及结转和结余情况。
九、国有资本经营预算财政拨款支出决算表
国有资本经营预算财政拨款支出决算表
公开 09 表
单位：万元
项目||本年支出||
功能分类 科目编码|科目名称|合计|基本支出|项目支出
栏次||1|2|3
合计||0.00|0.00|0.00
注：本单位没有使用国有资本经营预算财政拨款安排的支出。
`

func writeReport(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.txt")
	require.NoError(t, os.WriteFile(path, []byte(strings.ReplaceAll(text, "|", "\t")), 0o644))
	return path
}

func codes(fs []published.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	sort.Strings(out)
	return out
}

func TestMiniAccountsRead(t *testing.T) {
	doc, err := published.Read(writeReport(t, miniAccounts))
	require.NoError(t, err)
	assert.Empty(t, published.Check(doc, nil, published.Options{}), "a consistent report has no findings")
	require.Len(t, doc.Tables, 9)
	for i, tb := range doc.Tables {
		assert.Equal(t, i+1, tb.Number)
		assert.Equal(t, "万元", tb.Unit, "%s: unit", tb.Name())
	}
	columns := func(p *published.Part) []string {
		var out []string
		for _, c := range p.Columns {
			out = append(out, c.Name)
		}
		return out
	}
	t01, t04, t06, t08 := doc.Tables[0], doc.Tables[3], doc.Tables[5], doc.Tables[7]
	assert.Equal(t, "测试中心", t01.Agency)
	require.NotNil(t, t01.Part("收入"))
	require.NotNil(t, t01.Part("支出"))
	assert.Equal(t, []string{"合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}, columns(t04.Part("支出")))
	assert.Len(t, t04.Part("收入").Rows, 9, "04 income: three fund lines, 合计, the carry-over with its three parts, 总计")
	require.NotNil(t, t06.Part("公用经费"))
	assert.Len(t, t06.Part("公用经费").Rows, 3, "公用经费: 302, 30201 and 公用经费合计, its amount in the next group of cells")
	assert.Equal(t, []string{"年初结转和结余", "本年收入", "本年支出/小计", "本年支出/基本支出", "本年支出/项目支出", "年末结转和结余"},
		columns(t08.Part("")), "a header word spanning columns names them as a group")
	assert.Equal(t, []string{"本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"},
		columns(doc.Tables[1].Part("")), "names broken by spaces read whole")
	r := doc.Tables[2].Part("").Rows[0]
	assert.Equal(t, "合计", r.Name, "03: 合计 printed in the header, its amounts on the next line")
	assert.Equal(t, 180.0, r.Amounts[0].Value)
	seven := doc.Tables[6].Part("")
	assert.True(t, seven.Columns[0].Ordinal, "07: 行次 numbers the rows")
	assert.Equal(t, "(1)", seven.Rows[3].Number)
	assert.Equal(t, "公务用车购置费", seven.Rows[3].Name)
}

// A table whose 单位 line says 元 while its figures are in 万元, as the other tables': the
// identities it takes part in hold on the figures as printed, so the unit is wrong, once.
func TestUnitMismatch(t *testing.T) {
	i := strings.Index(miniAccounts, "公开 02 表\n单位：万元")
	require.GreaterOrEqual(t, i, 0)
	text := miniAccounts[:i] + strings.Replace(miniAccounts[i:], "单位：万元", "单位：元", 1)
	doc, err := published.Read(writeReport(t, text))
	require.NoError(t, err)
	fs := published.Check(doc, nil, published.Options{})
	require.Equal(t, []string{published.CodeUnitMismatch}, codes(fs))
	f := fs[0]
	assert.Equal(t, "公开02表", f.Subject, "the table whose unit is the odd one out")
	assert.Equal(t, []string{"万元", "元"}, f.Names)
	assert.Equal(t, "公开02表 的单位多半标错：表间关系 公开01表 › 收入 本年收入合计 = 公开02表 合计（本年收入合计） 按各表所标单位（万元、元）换算后不成立，而按所印数字 160.00 与 160.00 正好相等", msg(f, i18n.Zh))
}

// toYuan rewrites one table of the report in 元: its unit line and every amount × 10000.
func toYuan(text, label string) string {
	start := strings.Index(text, label)
	end := start + strings.Index(text[start:], "注：")
	amount := regexp.MustCompile(`\d+\.\d\d`)
	body := strings.Replace(text[start:end], "单位：万元", "单位：元", 1)
	body = amount.ReplaceAllStringFunc(body, func(s string) string {
		v, _ := strconv.ParseFloat(s, 64)
		return money(v * 10000)
	})
	return text[:start] + body + text[end:]
}

func TestMiniAccountsChecks(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		opts     published.Options
		want     []string
	}{
		{"a row's total column", "2080109||社会保险经办机构|130.00|80.00|50.00", "2080109||社会保险经办机构|130.00|75.00|50.00", published.Options{},
			[]string{published.CodeRowMismatch, published.CodeTotalMismatch}}, // 130 ≠ 75 + 50; 20801's 基本支出 80 ≠ 75
		{"a fiscal line above all spending", "2080109|社会保险经办机构|120.00|70.00|50.00", "2080109|社会保险经办机构|135.00|70.00|50.00", published.Options{},
			[]string{published.CodeLineExceeds, published.CodeRowMismatch, published.CodeTotalMismatch}},
		{"a line listed and not counted", "三、国有资本经营预算财政拨款收入|0.00||", "三、国有资本经营预算财政拨款收入|0.00|三、教育支出|10.00", published.Options{},
			[]string{published.CodeLineMissing, published.CodeTotalMismatch}},
		{"a carry-over that does not follow", "|||合计|0.00|50.00|50.00|0.00|50.00|0.00", "|||合计|0.00|50.00|50.00|0.00|50.00|5.00", published.Options{},
			[]string{published.CodeBalanceMismatch, published.CodeTotalMismatch}},
		{"basic spending against 06", "|人员经费合计|60.00||公用经费合计|10.00", "|人员经费合计|61.00||公用经费合计|10.00", published.Options{},
			[]string{published.CodeCrossMismatch, published.CodeTotalMismatch}},
		{"三公 total", "合计|1|6.00", "合计|1|7.00", published.Options{}, []string{published.CodeTotalMismatch}},
		{"one cent tolerated", "合计|1|6.00", "合计|1|6.01", published.Options{}, nil},
		{"one cent, no tolerance", "合计|1|6.00", "合计|1|6.01", published.Options{MoneyTolerance: 1e-9}, []string{published.CodeTotalMismatch}},
		{"two cents", "合计|1|6.00", "合计|1|6.02", published.Options{}, []string{published.CodeTotalMismatch}},
		{"totals that do not balance", "总计|170.00|总计", "总计|171.00|总计", published.Options{},
			[]string{published.CodeBalanceMismatch, published.CodeBalanceMismatch}}, // 150 + 20 ≠ 171; 171 ≠ 170
		{"a class line that differs", "一、社会保障和就业支出|120.00|120.00|0.00|0.00", "一、社会保障和就业支出|120.00|125.00|0.00|0.00", published.Options{},
			[]string{published.CodeLineMismatch, published.CodeRowMismatch, published.CodeTotalMismatch}},
		{"income against 02", "类|款|项|合计|160.00|150.00|0.00|0.00|0.00|0.00|10.00", "类|款|项|合计|160.00|150.00|0.00|0.00|0.00|0.00|12.00", published.Options{},
			[]string{published.CodeCrossMismatch, published.CodeRowMismatch, published.CodeTotalMismatch}},
		{"a fund that does not balance", "一般公共预算财政拨款|20.00|||||\n政府性基金预算财政拨款|0.00|||||", "一般公共预算财政拨款|15.00|||||\n政府性基金预算财政拨款|5.00|||||",
			published.Options{}, []string{published.CodeBalanceMismatch, published.CodeBalanceMismatch}}, // 100 + 15 ≠ 120; 50 + 5 ≠ 50
		{"a row read in part", "2080109|||社会保险经办机构|110.00|100.00|0.00|0.00|0.00|0.00|10.00", "2080109|||社会保险经办机构|110.00|100.00|0.00|0.00|0.00",
			published.Options{}, []string{published.CodeCellsMissing}},
		{"a line not read", "208||社会保障和就业支出|130.00|80.00|50.00|0.00|0.00|0.00\n", "208||社会保障和就业支出|130.00|80.00|50.00|0.00|0.00|0.00\n（续表）\n",
			published.Options{}, []string{published.CodeRowUnread}},
		{"a table without rows", "栏次||1|2|3\n合计||0.00|0.00|0.00\n", "栏次||1|2|3\n", published.Options{}, []string{published.CodeTableUnread}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(miniAccounts, tt.old), "the edit must name one place: %q", tt.old)
			doc, err := published.Read(writeReport(t, strings.Replace(miniAccounts, tt.old, tt.new, 1)))
			require.NoError(t, err)
			fs := published.Check(doc, nil, tt.opts)
			var msgs []string
			for _, f := range fs {
				msgs = append(msgs, msg(f, i18n.Zh))
			}
			assert.Equal(t, tt.want, codes(fs), "findings: %s", strings.Join(msgs, "\n"))
		})
	}

	t.Run("元 and 万元", func(t *testing.T) {
		doc, err := published.Read(writeReport(t, toYuan(miniAccounts, "公开 03 表")))
		require.NoError(t, err)
		assert.Equal(t, "元", doc.Tables[2].Unit)
		assert.Equal(t, 1800000.0, doc.Tables[2].Part("").Rows[0].Amounts[0].Value)
		assert.Empty(t, published.Check(doc, nil, published.Options{}), "amounts in 元 are compared with 万元 after conversion")
	})

	t.Run("blame", func(t *testing.T) {
		doc, err := published.Read(writeReport(t, strings.Replace(miniAccounts, "三、国有资本经营预算财政拨款收入|0.00||", "三、国有资本经营预算财政拨款收入|0.00|三、教育支出|10.00", 1)))
		require.NoError(t, err)
		for _, f := range published.Check(doc, nil, published.Options{}) {
			switch f.Code {
			case published.CodeTotalMismatch:
				require.Len(t, f.Blame, 1)
				assert.Equal(t, "三、教育支出", f.Blame[0].Name)
				assert.Equal(t, "公开01表 › 支出：本年支出合计为 180.00，而所列各行之和为 190.00，相差 10.00 万元；差额恰好等于“三、教育支出”一行的金额 10.00（第13行），多半是这一行列错或漏计",
					msg(f, i18n.Zh))
			case published.CodeLineMissing:
				assert.Equal(t, "公开01表 › 支出 lists “三、教育支出”, 10.00 万元, but 公开03表 has no line for that subject", msg(f, i18n.En))
			}
		}
	})
}

func TestNoRecognisableTable(t *testing.T) {
	path := writeReport(t, "2021 年度工作总结\n\n本单位全年完成各项工作任务。\n单位名称|单位性质|在职人数\n")
	_, err := published.Read(path)
	require.Error(t, err)
	var e *indicators.Error
	require.True(t, errors.As(err, &e), "an *indicators.Error: %v", err)
	assert.Equal(t, path, e.Pos.File, "the error names the file")
	assert.Equal(t, indicators.ErrMissing, e.Kind)
	assert.Equal(t, path+": 没有找到可识别的表格：既没有项目支出绩效自评表、项目支出绩效评价报告，也没有公开01–09表（收入支出决算总表等）",
		e.Localize(i18n.Zh))
}

// The seed report, edited: the narrative's count and funds, and a score the report restates
// otherwise than the table.
func TestSeedEdited(t *testing.T) {
	seed, err := os.ReadFile(seedReport)
	require.NoError(t, err)
	tests := []struct {
		name     string
		old, new string
		grades   []string
		want     map[string]int // codes beyond the seed's own findings
	}{
		{"count", "本单位组织对 2021 年度 2 个项目", "本单位组织对 2021 年度 3 个项目", nil, map[string]int{published.CodeNarrativeCount: 1}},
		{"funds", "涉及财政拨款资金共计 6880.00 万元。（", "涉及财政拨款资金共计 6890.00 万元。（", nil, map[string]int{published.CodeNarrativeFunds: 1}},
		{"a score restated otherwise", "权重 20.00, 得分 19.81", "权重 20.00, 得分 19.80", nil, map[string]int{published.CodeEvalMismatch: 1}},
		{"grades not decided", "", "", []string{"优", ""}, nil},
		{"grades as the tables state them", "", "", nil, nil},
	}
	base := published.Check(readSeed(t), nil, published.Options{})
	baseCodes := map[string]int{}
	for _, f := range base {
		baseCodes[f.Code]++
	}
	assert.Zero(t, baseCodes[published.CodeNarrativeGrades], "the tables state 优秀 twice, as the narrative does")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := string(seed)
			if tt.old != "" {
				require.Equal(t, 1, strings.Count(text, tt.old), "the edit must name one place: %q", tt.old)
				text = strings.Replace(text, tt.old, tt.new, 1)
			}
			path := filepath.Join(t.TempDir(), "report.txt")
			require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
			doc, err := published.Read(path)
			require.NoError(t, err)
			got := map[string]int{}
			for _, f := range published.Check(doc, tt.grades, published.Options{}) {
				got[f.Code]++
			}
			for c, n := range baseCodes {
				got[c] -= n
				if got[c] == 0 {
					delete(got, c)
				}
			}
			if tt.want == nil {
				tt.want = map[string]int{}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCodes(t *testing.T) {
	seen := map[string]bool{}
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)+$`)
	for _, c := range published.Codes() {
		assert.False(t, seen[c.Code], "%s listed twice", c.Code)
		seen[c.Code] = true
		assert.Regexp(t, kebab, c.Code)
		assert.Contains(t, []published.Severity{published.Error, published.Warning, published.Info}, c.Severity, c.Code)
		assert.NotEmpty(t, c.Title.String(i18n.Zh), c.Code)
		assert.NotEmpty(t, c.Title.String(i18n.En), c.Code)
		assert.NotEmpty(t, c.Doc.String(i18n.Zh), c.Code)
		assert.NotEmpty(t, c.Doc.String(i18n.En), c.Code)
	}
	assert.Len(t, seen, 29, "the codes of this package")
}

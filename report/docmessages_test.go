package report

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// Every code of a published report has its template, and renders in both languages from a
// finding with its fields filled, without a formatting slip.
func TestEveryDocumentCodeRenders(t *testing.T) {
	require.NotEmpty(t, published.Codes())
	assert.Len(t, docTemplates, len(published.Codes()), "a template for each code, and no other")
	for _, c := range published.Codes() {
		assert.Contains(t, docTemplates, c.Code, "no message template for %s", c.Code)
		f := published.Finding{Code: c.Code, Severity: c.Severity, Subject: "公开01表", Item: "合计", Actual: 1.0, Expected: 2.0, Diff: -1,
			Names: []string{"x", "y"}, Amounts: []float64{1, 2, 3}, Pos: indicators.Pos{File: "r.txt", Line: 3}, Other: indicators.Pos{File: "r.txt", Line: 4}}
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			msg := DocumentMessage(&f, lang)
			assert.NotContains(t, msg, "%!", "%s: %s", c.Code, msg)
			assert.NotEqual(t, c.Code, msg)
		}
	}
}

// Every finding on the seed report renders in both languages.
func TestSeedReportFindingsRender(t *testing.T) {
	doc, err := published.Read("../testdata/quangang-2021-report.txt")
	require.NoError(t, err)
	fs := published.Check(doc, nil, published.Options{})
	require.NotEmpty(t, fs)
	for i := range fs {
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			msg := DocumentMessage(&fs[i], lang)
			assert.NotEmpty(t, msg)
			assert.NotContains(t, msg, "%!", "%s: %s", fs[i].Code, msg)
		}
	}
}

// Places are named as a reader looks for them: a text line, a .docx cell, a PDF's page and
// line.
func TestPlaceText(t *testing.T) {
	for _, tt := range []struct {
		pos    indicators.Pos
		zh, en string
	}{
		{indicators.Pos{File: "r.txt", Line: 583, Col: 4}, "第583行", "line 583"},
		{indicators.Pos{File: "r.docx", Sheet: "表3", Line: 5, Col: 2}, "表3!B5", "表3!B5"},
		{indicators.Pos{File: "r.pdf", Page: 5, Line: 12, Col: 8}, "第5页第12行", "page 5, line 12"},
		{indicators.Pos{File: "r.pdf", Page: 5}, "第5页", "page 5"},
		{indicators.Pos{File: "r.txt"}, "位置不明", "place unknown"},
	} {
		assert.Equal(t, tt.zh, placeText(tt.pos).String(i18n.Zh))
		assert.Equal(t, tt.en, placeText(tt.pos).String(i18n.En))
	}
}

// Every code's message, rendered in both languages from a finding whose every field holds a
// value of its own, puts each figure where it belongs: the tokens of each language appear in
// the order given (a percentage with its %, a name where a name stands), and every figure of
// one language is in the other. A template whose arguments are swapped in one language fails.
func TestDocumentMessagesPutEachFigureInItsPlace(t *testing.T) {
	base := published.Finding{Subject: "主体", Item: "条目", Actual: 12.34, Expected: 56.78, Diff: -44.44, Unit: "万元",
		Names: []string{"名称甲", "名称乙"}, Amounts: []float64{1111.11, 2222.22, 3333.33},
		Pos: indicators.Pos{File: "r.txt", Line: 33}, Other: indicators.Pos{File: "r.txt", Line: 44}}
	with := func(code string, change func(f *published.Finding)) published.Finding {
		f := base
		f.Code = code
		if change != nil {
			change(&f)
		}
		return f
	}
	names := "名称甲、名称乙"
	cases := []struct {
		f      published.Finding
		zh, en []string
	}{
		{with(published.CodeRowUnread, nil), []string{"主体", "第33行", "名称甲"}, []string{"主体", "line 33", "名称甲"}},
		{with(published.CodeCellsMissing, nil), []string{"主体", "条目", names, "第44行"}, []string{"主体", "条目", names, "line 44"}},
		{with(published.CodeTableUnread, nil), []string{"主体"}, []string{"主体"}},
		{with(published.CodePageNoText, nil), []string{"第33行"}, []string{"line 33"}},
		{with(published.CodeRowFromReport, nil), []string{"主体", "条目"}, []string{"主体", "条目"}},
		{with(published.CodeHeadingDiffers, func(f *published.Finding) { f.Actual, f.Expected = "表的层级", "报告的层级" }),
			[]string{"主体 › 条目", "表的层级", "第44行", "报告的层级"}, []string{"主体 › 条目", "表的层级", "line 44", "报告的层级"}},
		{with(published.CodeReportMissing, nil), []string{"主体"}, []string{"主体"}},
		{with(published.CodeTableMissing, nil), []string{"主体"}, []string{"主体"}},
		{with(published.CodeEvalMismatch, func(f *published.Finding) { f.Names = []string{"score"} }),
			[]string{"主体 › 条目", "得分", "自评表中为 12.34", "评价报告（第44行）中为 56.78"},
			[]string{"主体 › 条目", "the score", "12.34 in the table", "56.78 in the evaluation report (line 44)"}},
		{with(published.CodeTotalMismatch, nil), []string{"主体", "条目为 12.34", "之和为 56.78", "相差 44.44 万元"},
			[]string{"主体", "条目 is 12.34", "add up to 56.78", "difference of 44.44 万元"}},
		{with(published.CodeRowMismatch, nil), []string{"主体", "条目", "左边 12.34", "之和 56.78", "相差 44.44 万元"},
			[]string{"主体", "条目", "12.34 on the left", "56.78 for the columns", "difference of 44.44 万元"}},
		{with(published.CodeBalanceMismatch, nil), []string{"主体", "条目", "左边 12.34", "右边 56.78", "相差 44.44 万元"},
			[]string{"主体", "条目", "12.34 on the left", "56.78 on the right", "difference of 44.44 万元"}},
		{with(published.CodeCrossMismatch, nil), []string{"条目", "12.34 对 56.78（第44行）", "相差 44.44 万元"},
			[]string{"条目", "12.34 against 56.78 (line 44)", "difference of 44.44 万元"}},
		{with(published.CodeLineMissing, nil), []string{"主体", "“条目”12.34 万元", names}, []string{"主体", "“条目”, 12.34 万元", names}},
		{with(published.CodeLineMismatch, nil), []string{"主体", "“条目”为 12.34", names, "（第44行）为 56.78", "相差 44.44 万元"},
			[]string{"主体", "“条目” is 12.34", names, "(line 44) is 56.78", "difference of 44.44 万元"}},
		{with(published.CodeLineExceeds, nil), []string{"主体", "“条目”12.34", names, "全部支出 56.78（第44行）", "多出 44.44 万元"},
			[]string{"主体", "“条目”, 12.34", names, "56.78 (line 44)", "by 44.44 万元"}},
		{with(published.CodeUnitMismatch, nil), []string{"主体", "条目", names, "12.34 与 56.78"}, []string{"主体", "条目", names, "12.34 and 56.78"}},
		{with(published.CodeContentsMissing, nil), []string{"条目", "名称甲"}, []string{"条目", "名称甲"}},
		{with(published.CodeContentsUnlisted, nil), []string{"主体", "条目", "第44行"}, []string{"主体", "条目", "line 44"}},
		{with(published.CodeNarrativeFigure, nil), []string{"主体", "“条目”写为 12.34 万元", "名称甲为 56.78 万元（第44行）", "相差 44.44 万元"},
			[]string{"主体", "“条目” is stated as 12.34 万元", "名称甲 is 56.78 万元 (line 44)", "difference of 44.44 万元"}},
		{with(published.CodeNarrativeShare, nil), []string{"主体", "“条目”1,111.11 万元", "占名称甲的 12.34%", "1,111.11 ÷ 2,222.22 = 56.78%"},
			[]string{"主体", "“条目”, 1,111.11 万元", "12.34% of 名称甲", "1,111.11 ÷ 2,222.22 = 56.78%"}},
		{with(published.CodeNarrativeChange, nil),
			[]string{"主体", "“条目”本年 1,111.11 万元", "变化 2,222.22 万元", "上年为 3,333.33 万元", "变化率应为 56.78%", "写为 12.34%"},
			[]string{"主体", "“条目” is 1,111.11 万元 this year", "change of 2,222.22 万元", "last year's was 3,333.33 万元", "rate of change is 56.78%", "states 12.34%"}},
		{with(published.CodeNarrativeNoBase, func(f *published.Finding) { f.Names = []string{string(published.ClaimRate), "名称乙"} }),
			[]string{"主体", "完成名称乙的 12.34%", "名称乙为 0", "56.78% 是支出决算 2,222.22 万元对全年预算 3,333.33 万元"},
			[]string{"主体", "12.34% of the 名称乙", "the 名称乙 is 0", "56.78% is the spending, 2,222.22 万元, over the full-year budget of 3,333.33 万元"}},
		{with(published.CodeNarrativeNoBase, func(f *published.Finding) { f.Names = []string{string(published.ClaimShare), "名称乙"} }),
			[]string{"主体", "占名称乙的 12.34%", "名称乙为 0"}, []string{"主体", "12.34% of 名称乙, which is 0"}},
		{with(published.CodeNarrativeNoBase, func(f *published.Finding) { f.Names = []string{"growth"} }),
			[]string{"主体", "本年 2,222.22 万元", "文中的 12.34%"}, []string{"主体", "2,222.22 万元 this year", "the 12.34% stated"}},
		{with(published.CodeNarrativeRate, nil), []string{"主体", "“条目”写为完成名称甲的 12.34%", "支出决算 1,111.11 ÷ 名称甲 2,222.22 = 56.78%"},
			[]string{"主体", "“条目” is stated as 12.34% of the 名称甲", "spending 1,111.11 ÷ the 名称甲 2,222.22 = 56.78%"}},
		{with(published.CodeNarrativeCount, func(f *published.Finding) { f.Item, f.Actual, f.Expected, f.Names = "自评", 3, 4, nil }),
			[]string{"自评了 3 个项目", "有 4 份自评表"}, []string{"3 projects were self-evaluated", "holds 4 self-evaluation tables"}},
		{with(published.CodeNarrativeUnchecked, func(f *published.Finding) {
			f.Item, f.Actual, f.Names = "自评", 1, []string{"平均得分100.00分", "评级为“优”的项目1个"}
		}), []string{"自评了 1 个项目（平均得分100.00分，评级为“优”的项目1个）", "没有一份项目支出绩效自评表", "无法与表核对"},
			[]string{"states 1 project self-evaluated (平均得分100.00分, 评级为“优”的项目1个)", "holds no 项目支出绩效自评表", "cannot be checked against a table"}},
		{with(published.CodeNarrativeUnchecked, func(f *published.Finding) { f.Item, f.Actual, f.Names = "评价", 2, nil }),
			[]string{"评价了 2 个项目，而报告中没有一份项目支出绩效评价报告"}, []string{"states 2 projects evaluated, and the report holds no 项目支出绩效评价报告"}},
		{with(published.CodeNarrativeAverage, func(f *published.Finding) { f.Names = []string{"项目甲 94.81", "项目乙 94.79"} }),
			[]string{"平均得分 12.34 分", "（项目甲 94.81，项目乙 94.79）平均为 56.78 分"},
			[]string{"average score of 12.34", "(项目甲 94.81, 项目乙 94.79) average 56.78"}},
		{with(published.CodeNarrativeFunds, nil), []string{"共计 12.34 万元", "之和为 56.78 万元", "相差 44.44"},
			[]string{"funds of 12.34 万元", "add up to 56.78 万元", "difference of 44.44"}},
		{with(published.CodeNarrativeGrades, func(f *published.Finding) {
			f.Item, f.Names = "rescored", []string{"项目甲 良"}
			f.Actual, f.Expected = []published.GradeCount{{Grade: "优", Count: 2}}, []published.GradeCount{{Grade: "良", Count: 1}}
		}), []string{"评价结果为 优 2 个", "计算总分为 良 1 个", "项目甲 良"}, []string{"the grades 优 2", "computed totals the grades are 良 1", "项目甲 良"}},
	}
	seen := map[string]bool{}
	figures := regexp.MustCompile(`\d[\d,]*\.\d+%?`)
	for _, c := range cases {
		seen[c.f.Code] = true
		zh, en := DocumentMessage(&c.f, i18n.Zh), DocumentMessage(&c.f, i18n.En)
		for _, l := range []struct {
			msg  string
			want []string
		}{{zh, c.zh}, {en, c.en}} {
			at := 0
			for _, w := range l.want {
				i := strings.Index(l.msg[at:], w)
				if !assert.GreaterOrEqual(t, i, 0, "%s: %q not found (in order) in %q", c.f.Code, w, l.msg) {
					break
				}
				at += i + len(w)
			}
		}
		zf, ef := figures.FindAllString(zh, -1), figures.FindAllString(en, -1)
		slices.Sort(zf)
		slices.Sort(ef)
		assert.Equal(t, zf, ef, "%s: the same figures in both languages:\n%s\n%s", c.f.Code, zh, en)
	}
	for _, c := range published.Codes() {
		assert.True(t, seen[c.Code], "no case for %s", c.Code)
	}
}

package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// exprSyntax is what of an expression may not reach the Chinese text output: operators,
// variable names, string quotes, booleans, the calls a score formula may make.
var exprSyntax = regexp.MustCompile(`&&|\|\||>=|<=|==|!=|[\w)] \* [\w(]|\b(contains|startsWith|endsWith|matches|actual|rate|text|target|prior|weight|late_days|late_months|funds|true|false|floor|ceil|abs|round|1e-9)\b|'`)

// notExpr are the parts of a line that may hold such words: a finding's code, and the
// interval notation lint writes after a set of values ("（actual ∈ [0, 40)）").
var notExpr = regexp.MustCompile(`\[[a-z-]+\]|（(actual|rate) ∈ [^）]*）`)

// A tier's condition is written in words in every form jixiao or a reviewer writes one:
// a band of a qualitative criterion as the prose wrote it, text tests, funds, several
// variables, and the always-true tier of a criterion on the text actual.
func TestTierConditionInWords(t *testing.T) {
	for _, c := range []struct {
		name, actual, target, when, zh, en string
	}{
		{"contains", `"基本改善"`, `"有效改善"`, `text contains '基本改善'`, `实际值含“基本改善”`, `the actual contains "基本改善"`},
		{"contains, not", `"达成"`, `"达成"`, `text contains '达成' && !(text contains '未达成')`,
			`实际值含“达成” 且 实际值不含“未达成”`, `the actual contains "达成" and the actual does not contain "未达成"`},
		{"variants", `"较好"`, `"好"`, `(text contains '较好' || text contains '較好') && !(text contains '不')`,
			`实际值含“较好”或“較好” 且 实际值不含“不”`, `the actual contains "较好" or "較好" and the actual does not contain "不"`},
		{"equals", `"完成"`, `"完成"`, `text == '完成'`, `实际值为“完成”`, `the actual reads "完成"`},
		{"not equals", `"完成"`, `"完成"`, `'完成' != text`, `实际值不是“完成”`, `the actual does not read "完成"`},
		{"in", `"优"`, `"优"`, `text in ['优', '良']`, `实际值为“优”、“良”之一`, `the actual reads one of "优", "良"`},
		{"starts", `"已完成"`, `"完成"`, `text startsWith '已'`, `实际值以“已”开头`, `the actual begins with "已"`},
		{"text or number", `"好"`, `"好"`, `text contains '好' || actual >= 90`, `实际值含“好” 或 实际值 ≥ 90`, `the actual contains "好" or actual ≥ 90`},
		{"funds", `95`, `100`, `funds.execution_rate >= 0.9`, `预算执行率 ≥ 90%`, `execution rate ≥ 90%`},
		{"funds between", `95`, `100`, `funds.execution_rate >= 0.8 && funds.execution_rate < 0.9`,
			`80% ≤ 预算执行率 < 90%`, `80% ≤ execution rate < 90%`},
		{"funds negated", `95`, `100`, `!(funds.unspent_rate > 10)`, `结余率 ≤ 10%`, `unspent rate ≤ 10%`},
		{"prior not given", `95`, `100`, `actual >= prior`, `实际值 ≥ 上年值`, `actual ≥ last year's value`},
		{"late days", `"2023年12月20日"`, `"2023年11月30日"`, `late_days > 15`, `逾期天数 > 15 天`, `days late > 15 days`},
		{"on time", `"2023年11月20日"`, `"2023年11月30日"`, `late_days <= 0`, `按期完成`, `on time`},
		{"late", `"2023年12月20日"`, `"2023年11月30日"`, `late_months > 0`, `逾期完成`, `late`},
		{"several variables", `"进展顺利"`, `"顺利"`, `funds.spent / funds.budget >= 0.9 || weight - abs(actual) < 3`,
			`实际支出 ÷ 年初预算 ≥ 0.9 或 分值 − |实际值| < 3`, `spent ÷ budget ≥ 0.9 or weight − |actual| < 3`},
		{"never", `95`, `100`, `false`, `从不成立`, `never`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := fmt.Sprintf(`[project]
name = "条件"
[funds]
budget = 100
spent = 85
unspent_rate = 8
[[indicator]]
name = "指标"
target = %s
actual = %s
weight = 10
tiers = [ { when = %q, score = "10" }, { when = "true", score = "0" } ]
`, c.target, c.actual, c.when)
			r := check(t, "t.toml", []byte(src))
			require.Len(t, r.Indicators, 1)
			tiers := Tiers(r, 0, i18n.Zh)
			require.Len(t, tiers, 2, "Tiers(%s)", c.when)
			assert.Equal(t, "第1档（"+c.zh+"，10 分）", tiers[0], "Tiers(%s) in Chinese", c.when)
			assert.Equal(t, "第2档（其余情形，0 分）", tiers[1], "the always-true tier after %s", c.when)
			assert.Equal(t, "tier 1 ("+c.en+", 10 points)", Tiers(r, 0, i18n.En)[0], "Tiers(%s) in English", c.when)
		})
	}
}

// The band of a qualitative criterion read from its prose is written as the prose wrote it,
// in the table's 计分依据 and in the tiers.
func TestTierBandAsWritten(t *testing.T) {
	r := check(t, "t.toml", []byte(`[project]
name = "定性"
[[indicator]]
name = "老人生活改善"
target = "有效改善"
actual = "基本改善"
weight = 20
reported = 16
criterion = "显著改善得20分；基本改善得12-16分；未改善不得分"
`))
	basis, _ := Basis(r, &r.Indicators[0], i18n.Zh)
	assert.Equal(t, "第2档 实际值为“基本改善”（由评分标准文字推得），区间内，采用自评得分", basis)
	assert.Equal(t, []string{"第1档（实际值为“显著改善”，20 分）", "第2档（实际值为“基本改善”，12–16 分）", "第3档（实际值为“未改善”，0 分）"},
		Tiers(r, 0, i18n.Zh))
	basis, _ = Basis(r, &r.Indicators[0], i18n.En)
	assert.Equal(t, `tier 2: the actual reads "基本改善" (read from the criterion's text), in range: reported score accepted`, basis)
}

// qualitative are criteria on a text actual, with actuals that fire each tier.
var qualitative = []struct{ criterion, target string }{
	{"显著改善得20分；基本改善得12-16分；未改善不得分", "有效改善"},
	{"达成年度指标得满分；部分达成得60%-80%；未达成不得分", "达成"},
	{"好得10分，较好得8分，一般得6分，差不得分", "好"},
	{"效果显著得10分，效果较好得7-9分，效果一般得4-6分，无明显效果不得分", "效果显著"},
	{"已建立得10分，未建立不得分", "建立"},
	{"满意得10分，基本满意得6分，其他情况不得分", "满意"},
	{"全部完成得满分，部分完成酌情扣分，未完成不得分", "全部完成"},
}

var textActuals = []string{"基本改善", "显著改善", "未改善", "达成", "部分达成", "未达成", "好", "较好", "較好", "一般", "差",
	"效果显著", "效果较好", "无明显效果", "已建立", "未建立", "满意", "基本满意", "不满意", "全部完成", "部分完成", "未完成", "其他"}

// No criterion read from prose reaches the text output as an expression: every criterion
// of the corpus (beside the checkout) at each of its probes, and qualitative criteria at
// many text actuals, in the table's 计分依据, the findings and the tiers as listed.
func TestNoExpressionInTextOutput(t *testing.T) {
	var projects []*indicators.Project
	add := func(name, criterion string, unit *string, target *float64, targetText string, weight float64, actual any) {
		ind := &indicators.Indicator{Name: name, Weight: weight, Criterion: criterion, Applicable: true, Direction: indicators.Higher}
		if unit != nil {
			ind.Unit = *unit
		}
		switch {
		case target != nil:
			ind.Target = indicators.NumberValue(*target)
		case targetText != "":
			ind.Target = indicators.ParseValue(targetText)
		}
		switch a := actual.(type) {
		case float64:
			ind.Actual = indicators.NumberValue(a)
		case string:
			ind.Actual = indicators.ParseValue(a)
		}
		projects = append(projects, &indicators.Project{Name: name, Indicators: []*indicators.Indicator{ind},
			Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100}})
	}
	for i, q := range qualitative {
		for _, a := range textActuals {
			add(fmt.Sprintf("定性%d", i), q.criterion, nil, nil, q.target, 10, a)
		}
	}
	corpus := filepath.Join("..", "..", "shared", "criteria", "corpus.json")
	if data, err := os.ReadFile(corpus); err == nil {
		var c struct {
			Cases []struct {
				Text      string              `json:"text"`
				Indicator string              `json:"indicator"`
				Unit      *string             `json:"unit"`
				Target    *float64            `json:"target"`
				Weight    float64             `json:"weight"`
				Probes    [][]json.RawMessage `json:"probes"`
			} `json:"cases"`
		}
		require.NoError(t, json.Unmarshal(data, &c), "reading %s", corpus)
		require.NotEmpty(t, c.Cases)
		for _, k := range c.Cases {
			for _, p := range k.Probes {
				var a any
				require.NoError(t, json.Unmarshal(p[0], &a))
				add(k.Indicator, k.Text, k.Unit, k.Target, "", k.Weight, a)
			}
			add(k.Indicator, k.Text, k.Unit, k.Target, "", k.Weight, nil)
		}
	} else {
		t.Logf("the criterion corpus %s is not beside the checkout: qualitative criteria only", corpus)
	}
	eng := engine.New(engine.Options{})
	var results []*engine.Result
	tiers := 0
	for _, p := range projects {
		r, err := eng.Check(p)
		require.NoError(t, err, "Check(%s, %q)", p.Name, p.Indicators[0].Criterion)
		results = append(results, r)
		for _, tier := range Tiers(r, 0, i18n.Zh) {
			tiers++
			assert.NotRegexp(t, exprSyntax, tier, "a tier of %q", p.Indicators[0].Criterion)
		}
	}
	var b strings.Builder
	require.NoError(t, Text(&b, results, i18n.Zh, true))
	for _, line := range strings.Split(b.String(), "\n") {
		assert.NotRegexp(t, exprSyntax, notExpr.ReplaceAllString(line, ""), "a line of the text output")
	}
	assert.Greater(t, tiers, 200, "tiers listed")
	t.Logf("%d projects, %d tiers", len(projects), tiers)
}

package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules"
	"jixiao/sheets"
)

// A project with a criterion no one can read, beside one scored by its tiers.
const unreadProject = `[project]
name = "读不懂的标准"

[[indicator]]
name = "工作成效"
target = 100
unit = "%"
actual = 90
weight = 40
reported = 30
reason = "部分工作延后"
criterion = "由评审组酌情打分"

[[indicator]]
name = "完成率"
target = 100
unit = "%"
actual = 100
weight = 60
reported = 60
tiers = [ { when = "actual >= 100", score = "60" }, { when = "actual < 100", score = "0" } ]
`

// A criterion that cannot be read leaves its row unscored in every output format: no
// number, the range 0–weight, the total a range, and criterion-unparsed naming the span.
func TestUnreadCriterionInEveryFormat(t *testing.T) {
	r := check(t, "t.toml", []byte(unreadProject))
	results := []*engine.Result{r}

	t.Run("text", func(t *testing.T) {
		var b strings.Builder
		require.NoError(t, Text(&b, results, i18n.Zh, true))
		out := b.String()
		row := lineWith(t, out, "工作成效")
		assert.Contains(t, row, "—", "no score in the row: %s", row)
		assert.Contains(t, row, "评分标准未能读懂，未计分")
		assert.Contains(t, out, "计算总分 60.00–100.00")
		assert.Contains(t, out, "[criterion-unparsed] 工作成效：评分标准中这一段未能读懂（没有分数）：「由评审组酌情打分」（第 1–8 个字）")
		assert.Contains(t, out, "→ 该指标因此未计分，总分按该项得 0.00–40.00 分计为区间")
		assert.NotContains(t, out, "[unscored]", "criterion-unparsed tells it once")
		assert.NotContains(t, out, "[no-criterion]", "no default method scored it")
	})
	t.Run("json", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, JSON(&b, results, i18n.En, true))
		var doc struct {
			Projects []struct {
				Total      *float64 `json:"total"`
				TotalMin   *float64 `json:"total_min"`
				TotalMax   *float64 `json:"total_max"`
				Indicators []struct {
					Score    *float64 `json:"score"`
					ScoreMin *float64 `json:"score_min"`
					ScoreMax *float64 `json:"score_max"`
					Method   string   `json:"method"`
					Unscored *struct{ Code, Message string }
				} `json:"indicators"`
				Findings []struct{ Code, Message, Hint string } `json:"findings"`
			} `json:"projects"`
		}
		require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
		p := doc.Projects[0]
		assert.Nil(t, p.Total)
		assert.Equal(t, 60.0, *p.TotalMin)
		assert.Equal(t, 100.0, *p.TotalMax)
		ind := p.Indicators[0]
		assert.Nil(t, ind.Score, "no score")
		assert.Equal(t, 0.0, *ind.ScoreMin)
		assert.Equal(t, 40.0, *ind.ScoreMax)
		assert.Empty(t, ind.Method, "no method scored it")
		require.NotNil(t, ind.Unscored)
		assert.Equal(t, "criterion-unread", ind.Unscored.Code)
		assert.Contains(t, ind.Unscored.Message, "the criterion could not be read")
		var codes []string
		for _, f := range p.Findings {
			codes = append(codes, f.Code)
		}
		assert.Equal(t, []string{"criterion-unparsed"}, codes)
		// The direct JSON Lines encoder writes the same.
		jp := NewJSONProject(r, i18n.En)
		fs := NewJSONFindings(r, i18n.En)
		jp.Findings = &fs
		assert.Equal(t, string(encodingJSON(t, jp)), string(appendResult(nil, r, i18n.En, true)))
	})
	t.Run("sarif", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, SARIF(&b, results, i18n.Zh, "test"))
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID     string `json:"ruleId"`
					Message    struct{ Text string }
					Properties struct{ Indicator, Hint string }
				}
			}
		}
		require.NoError(t, json.Unmarshal(b.Bytes(), &log))
		res := log.Runs[0].Results
		require.Len(t, res, 1)
		assert.Equal(t, "criterion-unparsed", res[0].RuleID)
		assert.Equal(t, "工作成效", res[0].Properties.Indicator)
		assert.Contains(t, res[0].Message.Text, "「由评审组酌情打分」")
		assert.Equal(t, "该指标因此未计分，总分按该项得 0.00–40.00 分计为区间", res[0].Properties.Hint)
	})
	t.Run("xlsx", func(t *testing.T) {
		g := workbookGrid(t, results, "读不懂的标准")
		r, _ := find(t, g, "工作成效")
		score, basis := g.Cell(r, col(t, g, "计算得分")), g.Cell(r, col(t, g, "计分依据"))
		assert.Equal(t, "—", score, "no score in the 计算得分 cell")
		assert.Empty(t, g.Cell(r, col(t, g, "复核得分")), "nothing to pre-fill the reviewer's 复核得分 with")
		assert.Contains(t, basis, "评分标准未能读懂，未计分")
		total, _ := find(t, g, "合计")
		assert.Equal(t, "60.00–100.00", g.Cell(total, col(t, g, "计算得分")))
	})
}

// Info findings of one code are one line per project in the text output and one row in the
// workbook; JSON keeps one finding per indicator.
func TestInfoFindingsGrouped(t *testing.T) {
	var b strings.Builder
	b.WriteString("[project]\nname = \"十个指标\"\n[review]\ndisable = [\"all-full-marks\"]\n")
	for i := range 10 {
		b.WriteString("[[indicator]]\nname = \"指标" + string(rune('A'+i)) + "\"\ntarget = 100\nactual = 100\nweight = 10\nreported = 10\n")
	}
	r := check(t, "t.toml", []byte(b.String()))
	require.Len(t, r.Findings, 10, "one no-criterion finding per indicator")

	var out strings.Builder
	require.NoError(t, Text(&out, []*engine.Result{r}, i18n.Zh, true))
	assert.Equal(t, 1, strings.Count(out.String(), "[no-criterion]"), out.String())
	assert.Contains(t, out.String(), "[no-criterion] 指标A、指标B、指标C、指标D、指标E、指标F、指标G、指标H、指标I、指标J（10 个指标）：没有写评分标准，按默认的比例法计分")
	assert.Contains(t, out.String(), "问题：0 个错误，0 个警告，10 个提示", "the counts are of findings")

	assert.Len(t, NewJSONFindings(r, i18n.Zh), 10, "JSON keeps one finding per indicator")

	g := workbookGrid(t, []*engine.Result{r}, "问题清单")
	rows := 0
	for i := range g.Rows {
		if g.Cell(i, col(t, g, "代码")) == "no-criterion" {
			rows++
			assert.Contains(t, g.Cell(i, col(t, g, "指标")), "指标A、指标B")
		}
	}
	assert.Equal(t, 1, rows, "one row in the workbook's findings")
}

// Every message writes a tier the way lint does, the default method's score names what it
// rests on, and a missed deadline says by how much.
func TestScoringMessages(t *testing.T) {
	r := check(t, "t.toml", []byte(`[project]
name = "p"
year = 2022
[review]
disable = ["no-criterion"]
[[indicator]]
level2 = "成本指标"
name = "人均成本"
target = "≤1500"
unit = "元"
actual = 1800
weight = 10
reported = 10
[[indicator]]
name = "完成时间"
target = "2022年12月31日前"
actual = "2023年3月"
weight = 10
[[indicator]]
name = "参保率"
target = 99.22
unit = "%"
actual = 98.67
weight = 80
reported = 72
tiers = [ { when = "actual >= 99.22", score = "80" }, { when = "actual >= 98.5 && actual < 99.22", score = "72" } ]
`))
	msgs := map[string]string{}
	for k := range r.Findings {
		f := &r.Findings[k]
		msg, hint := Message(r, f, i18n.Zh)
		msgs[string(f.Code)+" "+r.Indicators[f.Indicator].Indicator.Name] = msg + " | " + hint
	}
	assert.Equal(t, "自评得分 10，未写评分标准，按默认的反向线性法应得 8.00（反向指标：超出目标 20%） | 自评得分 10 是满分，但实际完成值 1800 未达到指标值 ≤1500",
		msgs["score-mismatch 人均成本"])
	assert.Equal(t, "实际完成时间 2023年3月 晚于期限 2022年12月31日前（逾期 3 个月），但没有说明原因 | ", msgs["missing-reason 完成时间"])
	assert.Contains(t, msgs["unscored 完成时间"], "逾期 3 个月")
	basis, _ := Basis(r, &r.Indicators[2], i18n.Zh)
	assert.Equal(t, "第2档 98.5% ≤ 实际值 < 99.22%", basis)
	basis, _ = Basis(r, &r.Indicators[0], i18n.Zh)
	assert.Equal(t, "反向线性法（未写评分标准，按默认方法）", basis)
	jp := NewJSONProject(r, i18n.Zh)
	assert.Equal(t, "actual >= 98.5 && actual < 99.22", jp.Indicators[2].When, "JSON keeps the expression")
}

// lineWith is the line of out that holds s.
func lineWith(t *testing.T, out, s string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("no line holds %q in\n%s", s, out)
	return ""
}

// workbookGrid writes results as the review workbook and reads back one of its sheets.
func workbookGrid(t *testing.T, results []*engine.Result, sheet string) *sheets.Grid {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Workbook(&b, results, i18n.Zh))
	path := filepath.Join(t.TempDir(), "review.xlsx")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	f, err := sheets.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	g, err := f.Grid(sheet)
	require.NoError(t, err, "sheets: %v", f.Sheets())
	return g
}

// find is the first cell of g holding s.
func find(t *testing.T, g *sheets.Grid, s string) (int, int) {
	t.Helper()
	for r := range g.Rows {
		for c := range g.Rows[r] {
			if g.Cell(r, c) == s {
				return r, c
			}
		}
	}
	t.Fatalf("no cell holds %q", s)
	return 0, 0
}

// col is the column of g whose header cell holds s.
func col(t *testing.T, g *sheets.Grid, s string) int {
	t.Helper()
	_, c := find(t, g, s)
	return c
}

func TestEveryMethodHasAName(t *testing.T) {
	for _, m := range indicators.Methods {
		name := methodName(m)
		assert.NotEqual(t, string(m), name.Zh, "a Chinese name for %s", m)
		assert.Equal(t, string(m), name.En)
	}
}

// A hint never contradicts the message: full marks for a target missed by a hair are a
// rounding up, not "proportional scoring rather than the proportional method"; a
// lower-is-better target is never explained by actual / target.
func TestScoreHintsAgreeWithTheMethod(t *testing.T) {
	r := check(t, "t.toml", []byte(`[project]
name = "p"
[review]
disable = ["no-criterion", "missing-reason", "weight-sum"]
[[indicator]]
name = "甲"
target = "≥95%"
actual = 94.999
weight = 10
reported = 10
[[indicator]]
name = "乙"
target = "＞100"
actual = 100
weight = 10
reported = 10
[[indicator]]
name = "丙"
target = "3个工作日内"
actual = 5
weight = 10
reported = 10
[[indicator]]
name = "丁"
target = "≤300"
actual = 320
weight = 10
reported = 9.38
[[indicator]]
name = "戊"
target = "≥100"
actual = 80
weight = 10
reported = 8
criterion = "≥100得满分，＜100不得分"
`))
	hints, msgs := map[string]string{}, map[string]string{}
	for k := range r.Findings {
		f := &r.Findings[k]
		if f.Code == engine.ScoreMismatch {
			msg, hint := Message(r, f, i18n.Zh)
			hints[r.Indicators[f.Indicator].Indicator.Name] = hint
			msgs[r.Indicators[f.Indicator].Indicator.Name] = msg
		}
	}
	// Nor does the message: short of the target is never "100%".
	assert.Equal(t, "自评得分 10，未写评分标准，按默认的比例法应得 9.99（完成指标值的 99.998947%，不足 100%）", msgs["甲"])
	assert.Equal(t, "自评得分 10，未写评分标准，按默认的比例法应得 9.99（达到而未超过指标值 ＞100）", msgs["乙"])
	assert.Equal(t, "10 = 10 × 94.999 / 95 四舍五入后是满分，但实际完成值未达到指标值 ≥95%：未达到时至多得 9.99", hints["甲"])
	assert.Equal(t, "10 = 10 × 100 / 100 四舍五入后是满分，但实际完成值未达到指标值 ＞100：未达到时至多得 9.99", hints["乙"])
	assert.Equal(t, "自评得分 10 是满分，但实际完成值 5 未达到指标值 3个工作日内", hints["丙"])
	assert.Equal(t, "9.38 = 10 × 300 / 320：这是按反向比例计分的结果，而不是按反向线性法", hints["丁"])
	assert.Equal(t, "8 = 10 × 80 / 100：这是按比例计分的结果，而不是按所写的评分标准", hints["戊"])
	for name, h := range hints {
		assert.NotContains(t, h, "而不是按比例法", name)
		assert.NotContains(t, h, "min(5 / 3", name)
	}
}

// A comment with no hint has no "→" line: the total-mismatch of a total that is no sum of
// weights says only what differs.
func TestWorkbookCommentWithoutHint(t *testing.T) {
	r := check(t, "t.toml", []byte(`[project]
name = "合计不符"
[review]
disable = ["no-criterion", "all-full-marks"]
[reported]
total = 95
[[indicator]]
name = "甲"
target = 100
actual = 100
weight = 100
reported = 100
`))
	var b bytes.Buffer
	require.NoError(t, Workbook(&b, []*engine.Result{r}, i18n.Zh))
	path := filepath.Join(t.TempDir(), "review.xlsx")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	f, err := sheets.Open(path)
	require.NoError(t, err)
	defer f.Close()
	found := false
	for _, sh := range f.Sheets() {
		cs, err := f.Comments(sh)
		require.NoError(t, err)
		for _, c := range cs {
			if strings.Contains(c.Text, "与各项自评得分之和") {
				found = true
				assert.NotContains(t, c.Text, "→", "%s!%s: an arrow with no hint", sh, c.Cell)
			}
		}
	}
	assert.True(t, found, "the total-mismatch comment")
}

// The line under the table states only what is settled: a met count that cannot be told is
// a range (in JSON, targets_met_max), and "见注" is written only above notes that are printed.
func TestSummaryLineStatesOnlyWhatIsSettled(t *testing.T) {
	text := func(r *engine.Result) string {
		var b strings.Builder
		require.NoError(t, Text(&b, []*engine.Result{r}, i18n.Zh, false))
		return b.String()
	}
	unknown := check(t, "t.toml", []byte(`[project]
name = "p"
[[indicator]]
name = "甲"
target = ">=abc"
actual = 100
weight = 50
reported = 50
[[indicator]]
name = "乙"
target = 100
actual = 100
weight = 50
reported = 50
`))
	out := text(unknown)
	assert.Contains(t, out, "绩效目标设置 2 个，完成 1–2 个。总分为区间：有指标未能确定得分，见注\n")
	assert.Contains(t, out, "注 [1] 甲")
	jp := NewJSONProject(unknown, i18n.Zh)
	assert.Equal(t, 1, jp.TargetsMet)
	if assert.NotNil(t, jp.TargetsMax) {
		assert.Equal(t, 2, *jp.TargetsMax)
	}
	assert.Contains(t, string(appendResult(nil, unknown, i18n.Zh, false)), `"targets_met":1,"targets_met_max":2`)

	ranged := check(t, "t.toml", []byte(`[project]
name = "p"
[[indicator]]
name = "甲"
target = "≥100"
actual = 50
weight = 100
tiers = [ { when = "actual >= 100", score = "100" }, { when = "actual < 100", min = 20, max = 30 } ]
`))
	out = text(ranged)
	assert.Contains(t, out, "完成 0 个。总分为区间：有指标未能确定得分\n")
	assert.NotContains(t, out, "见注", "no note is printed")
	assert.NotContains(t, string(appendResult(nil, ranged, i18n.Zh, false)), "targets_met_max")
}

// A disputed budget-execution score is starred in the text table like any other disputed
// score; one that agrees is not.
func TestDisputedExecutionScoreStarred(t *testing.T) {
	row := func(reported string) string {
		r := check(t, "t.toml", []byte(`[project]
name = "执行率"
[review]
disable = ["no-criterion", "all-full-marks"]
[funds]
budget = 100
spent = 85
weight = 10
reported = `+reported+`
[[indicator]]
name = "甲"
target = 100
actual = 100
weight = 90
reported = 90
`))
		var b strings.Builder
		require.NoError(t, Text(&b, []*engine.Result{r}, i18n.Zh, true))
		return lineWith(t, b.String(), "预算执行率")
	}
	assert.Regexp(t, `\s\*10\s+8\.50\s`, row("10"))
	assert.NotContains(t, row("8.5"), "*")
}

// A criterion pasted many times gives one tier-unreachable finding for each tier it repeats,
// saying how many copies there are, not one for each copy.
func TestRepeatedTiersGrouped(t *testing.T) {
	src, err := os.ReadFile("../engine/testdata/review/tier_repeated.toml")
	require.NoError(t, err)
	r := check(t, "tier_repeated.toml", src)
	var msgs []string
	for k := range r.Findings {
		if f := &r.Findings[k]; f.Code == engine.TierUnreachable {
			m, _ := Message(r, f, i18n.Zh)
			msgs = append(msgs, m)
		}
	}
	assert.Equal(t, []string{
		"从第3档起有 29 档与第1档（实际值 ≥ 95%，10 分）相同，永远不会生效：评分标准是否重复了？",
		"从第4档起有 29 档与第2档（实际值 < 95%，0 分）相同，永远不会生效：评分标准是否重复了？",
	}, msgs)
}

// An actual of 0.98 under a target in % is named as 98% written as a fraction, with the
// score it gets as written.
func TestPercentAsFractionMessage(t *testing.T) {
	src, err := os.ReadFile("../engine/testdata/review/percent_as_fraction.toml")
	require.NoError(t, err)
	r := check(t, "percent_as_fraction.toml", src)
	var msgs []string
	for k := range r.Findings {
		if f := &r.Findings[k]; f.Code == engine.PercentAsFraction {
			m, h := Message(r, f, i18n.Zh)
			msgs = append(msgs, m+" | "+h)
		}
	}
	assert.Equal(t, []string{
		"实际完成值 0.98 不带 %，而指标值是 ≥95%：多半是 98% 写成了小数；按所写的 0.98% 计分，得 0.10 | 若指的是 98%，请写作 98%",
		"实际完成值 0.5 不带 %，而指标值是 95%：多半是 50% 写成了小数；按所写的 0.5% 计分，得 0.05 | 若指的是 50%，请写作 50%",
	}, msgs)
}

// An actual in a unit that is not its target's names both units, and the range the
// indicator is left with; so does the note of the unscored indicator.
func TestUnitMismatchMessage(t *testing.T) {
	src, err := os.ReadFile("../engine/testdata/review/unit_mismatch.toml")
	require.NoError(t, err)
	r := check(t, "unit_mismatch.toml", src)
	var msgs []string
	for k := range r.Findings {
		if f := &r.Findings[k]; f.Code == engine.UnitMismatch {
			m, h := Message(r, f, i18n.Zh)
			msgs = append(msgs, m+" | "+h)
		}
	}
	unscored := "该指标因此未计分，总分按该项得 0.00–10.00 分计为区间；请按指标值的单位填写实际完成值"
	assert.Equal(t, []string{
		"实际完成值 85人 的单位（人）与指标值 ≥90% 的单位（%）不同，无法换算 | " + unscored,
		"实际完成值 0.5万 的单位（万）与指标值 ≥90% 的单位（%）不同，无法换算 | " + unscored,
		"实际完成值 95% 的单位（%）与指标值 ≥100人 的单位（人）不同，无法换算 | " + unscored,
		"实际完成值 85人 的单位（人）与指标值 90 的单位（%）不同，无法换算 | " + unscored,
		"实际完成值 0.9人 的单位（人）与指标值 ≥90% 的单位（%）不同，无法换算 | " + unscored,
	}, msgs)
	ir := &r.Indicators[0]
	require.Equal(t, rules.ActualUnit, ir.Reason.Code, "the reason of %s", ir.Indicator.Name)
	assert.Equal(t, "实际完成值 85人 的单位（人）与指标值 ≥90% 的单位（%）不同，无法换算", reasonText(r, ir).String(i18n.Zh))
}

// A stated met count outside the range that targets not judged leave names the range.
func TestCountMismatchRangeMessage(t *testing.T) {
	src, err := os.ReadFile("../engine/testdata/review/count_mismatch_range.toml")
	require.NoError(t, err)
	r := check(t, "count_mismatch_range.toml", src)
	for k := range r.Findings {
		if f := &r.Findings[k]; f.Code == engine.CountMismatch {
			m, _ := Message(r, f, i18n.Zh)
			assert.Equal(t, "自述完成绩效目标 0 个，按实际完成值应为 1–2 个（有 1 个无法判断是否完成）", m)
			assert.Equal(t, "自述完成个数 0；按实际完成值达到的个数 1–2", findingFacts(r, f).String(i18n.Zh))
			return
		}
	}
	t.Fatal("no count-mismatch")
}

package report

import (
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

// check loads src as a TOML file and checks it.
func check(t *testing.T, name string, src []byte) *engine.Result {
	t.Helper()
	p, err := indicators.Parse(name, src, indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	return r
}

// Every check has a template, and every finding of the review corpus renders in both
// languages without a formatting slip.
func TestEveryFindingRenders(t *testing.T) {
	for _, c := range engine.Checks() {
		assert.Contains(t, templates, c.Code, "no message template for %s", c.Code)
	}
	files, err := filepath.Glob("../engine/testdata/review/*.toml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	seen := map[engine.Code]bool{}
	for _, file := range files {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		r := check(t, file, src)
		for k := range r.Findings {
			f := &r.Findings[k]
			seen[f.Code] = true
			for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
				msg, hint := Message(r, f, lang)
				assert.NotEmpty(t, msg, "%s: %s has no message", file, f.Code)
				for _, text := range []string{msg, hint} {
					assert.NotContains(t, text, "%!", "%s: %s renders badly: %s", file, f.Code, text)
				}
			}
		}
	}
	for _, c := range engine.Checks() {
		assert.True(t, seen[c.Code], "the review corpus has no %s finding to render", c.Code)
	}
}

func seedMessage(t *testing.T, file string, code engine.Code, indicator string, lang i18n.Lang) (msg, hint string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "quangang-2021", file))
	require.NoError(t, err)
	r := check(t, file, src)
	for k := range r.Findings {
		f := &r.Findings[k]
		if f.Code == code && r.Indicators[f.Indicator].Indicator.Name == indicator {
			return Message(r, f, lang)
		}
	}
	t.Fatalf("%s: no %s on %s", file, code, indicator)
	return "", ""
}

// The hints of score-mismatch say how a reported score may have come about.
func TestScoreMismatchHints(t *testing.T) {
	hint := func(file, indicator string) string {
		_, h := seedMessage(t, file, engine.ScoreMismatch, indicator, i18n.En)
		return h
	}
	assert.Equal(t, "19.81 = 20 × 98.67 / 99.60: proportional scoring, not the written criterion", hint("社保工作运行经费.toml", "社保参保率"))
	assert.Equal(t, "19.89 = 20 × 98.67 / 99.22: proportional scoring, not the written criterion", hint("城乡居民养老金及个账补贴.toml", "全民参保率"))
	assert.Equal(t, "5 is the score of tier 3 (completion rate < 100%), whose condition also holds: the tiers overlap, and under first match tier 2 applies",
		hint("社保工作运行经费.toml", "资金投入"))
	assert.Equal(t, "", hint("城乡居民养老金及个账补贴.toml", "待遇领取增长人数"), "15 has no method that explains it")
	msg, _ := seedMessage(t, "社保工作运行经费.toml", engine.ScoreMismatch, "社保参保率", i18n.Zh)
	assert.Equal(t, "自评得分 19.81，按评分标准应得 18.00（第2档 98.5% ≤ 实际值 < 99.22%）", msg, "a tier written as lint writes it")
}

// Each reason a part of a criterion is left unread gets its own words.
func TestCriterionUnparsedSaysWhy(t *testing.T) {
	message := func(criterion string) string {
		src := "[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\ntarget = 5\nunit = \"%\"\nactual = 6\nweight = 100\nreported = 100\n" +
			"criterion = \"" + criterion + "\"\n"
		r := check(t, "p.toml", []byte(src))
		for k := range r.Findings {
			if f := &r.Findings[k]; f.Code == engine.CriterionUnparsed {
				msg, _ := Message(r, f, i18n.Zh)
				return msg
			}
		}
		return ""
	}
	assert.Contains(t, message("较上年增长5%及以上得100分，未增长不得分"), "与上年比较")
	assert.Contains(t, message("增长5%及以上得100分；由评审组研究确定"), "没有分数")
	assert.Equal(t, "评分标准中这一段未能读懂（排名，不是指标值：三名）：「全省前三名得50分」（第 14–22 个字）", message("增长5%及以上得100分；全省前三名得50分"),
		"the reader's own reason, and what it did not understand")
	assert.Contains(t, message("每发生一起安全事故扣2分"), "按事件或项目计数，不是本指标的值")
	assert.Contains(t, message("6月30日前完成得100分"), "日期或期限")
}

// Why an indicator is not scored, in the words of its reason.
func TestReasonMessages(t *testing.T) {
	tiers := `tiers = [ { when = "actual >= 90", score = "10" }, { when = "actual >= 80 && actual < 90", score = "5" } ]`
	tests := []struct {
		name string
		body string
		en   string
	}{
		{"no tier matched", "target = 90\nactual = 70\nweight = 10\n" + tiers,
			"the actual value 70 meets no tier's condition: the criterion has a gap"},
		{"no tier matched, text quoted", "target = 90\nactual = \"70%\"\nweight = 10\n" + tiers,
			`the actual value "70%" meets no tier's condition: the criterion has a gap`},
		{"no actual", "target = 90\nweight = 10\n" + tiers, "no actual value, so it cannot be scored"},
		{"text actual", "target = 90\nactual = \"基本完成\"\nweight = 10\n" + tiers,
			`the actual value "基本完成" is not a number and cannot be compared; give a number, or tiers for text values`},
		{"target text", "target = \"较好\"\nactual = 5\nweight = 10\ntiers = [ { when = \"actual >= target\", score = \"10\" } ]",
			`the criterion uses the target, but the target "较好" is not a number`},
		{"rate with target 0", "target = 0\nactual = 5\nweight = 10\ntiers = [ { when = \"rate >= 1\", score = \"10\" } ]",
			"the target is 0, so the completion rate (rate = actual / target) is undefined"},
		{"prior missing", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"actual >= prior\", score = \"10\" } ]",
			"the criterion uses the prior-year value, which is not given"},
		{"funds missing", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"funds.spent > 0\", score = \"10\" } ]",
			"the criterion uses the funds, but the file has no [funds]"},
		{"score not finite", "target = 0\nactual = 5\nweight = 10\ntiers = [ { when = \"true\", score = \"actual / 0\" } ]",
			`tier 1 score "actual / 0" is not a plausible score (+Inf)`},
		{"memory budget", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"len(repeat('x', 100000000)) > 0\", score = \"10\" } ]",
			`tier 1 expression "len(repeat('x', 100000000)) > 0" was stopped for exceeding its memory budget: no criterion needs lists or text this large, check the expression`},
		{"score implausibly large", "target = 1\nactual = 5\nweight = 10\ntiers = [ { when = \"true\", score = \"1e300 * actual\" } ]",
			`tier 1 score "1e300 * actual" is not a plausible score (5e+300)`},
		{"proportional with text target", "target = \"较好\"\nactual = 5\nweight = 10\nmethod = \"proportional\"",
			`the proportional method needs a numeric target, but the target is "较好"`},
		{"proportional with target 0", "target = 0\nactual = 5\nweight = 10",
			"the target is 0, so the proportional method has no ratio to compute"},
		{"qualitative unknown label", "actual = \"还行\"\nweight = 10\nmethod = \"qualitative\"",
			`the qualitative actual "还行" states no band: the words "还行" are not understood; say 达成, 部分达成 or 未达成 (met, partly met, not met), or write the criterion`},
		{"qualitative words not understood", "target = \"健全\"\nactual = \"详见附件3\"\nweight = 10",
			`the qualitative actual "详见附件3" states no band: the words "详见附件3" are not understood; say 达成, 部分达成 or 未达成 (met, partly met, not met), or write the criterion`},
		{"a missed deadline", "target = \"2022年12月31日前\"\nactual = \"2023年3月\"\nweight = 10\nreason = \"招标延期\"",
			"done 2023年3月, after the deadline 2022年12月31日前 (3 months late), and nothing says how lateness is scored: set [scoring] late_per_month, or write the criterion"},
		{"a deadline without a year", "target = \"12月底前\"\nactual = \"11月\"\nweight = 10",
			`cannot tell whether "12月底前" was met by "11月": not comparable dates (no year and no project year, or a month that straddles the deadline)`},
		{"a tier an unread part could change", "target = 100\nunit = \"%\"\nactual = 100\nweight = 10\ncriterion = \"完成率100%得10分，每发生一起安全事故扣2分\"",
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := check(t, "t.toml", []byte("[project]\nname = \"p\"\n[[indicator]]\nname = \"指标\"\n"+tt.body+"\n"))
			var msgs []string
			for k := range r.Findings {
				if f := &r.Findings[k]; f.Code == engine.Unscored {
					msg, _ := Message(r, f, i18n.En)
					msgs = append(msgs, msg)
					zh, _ := Message(r, f, i18n.Zh)
					assert.NotEqual(t, msg, zh, "a Chinese message of its own")
				}
			}
			if tt.en == "" {
				assert.Empty(t, msgs, "criterion-unparsed tells it")
				return
			}
			assert.Equal(t, []string{tt.en}, msgs)
		})
	}
}

// The seed projects with their tiers deleted, so that only the criterion prose remains,
// read the same findings, word for word.
func TestSeedFromProseReadsAlike(t *testing.T) {
	tiersBlock := regexp.MustCompile(`(?ms)^tiers = \[.*?^\]\n`)
	for _, file := range []string{"社保工作运行经费.toml", "城乡居民养老金及个账补贴.toml"} {
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "testdata", "quangang-2021", file))
			require.NoError(t, err)
			prose := tiersBlock.ReplaceAll(src, nil)
			require.False(t, strings.Contains(string(prose), "tiers = ["), "every tiers block removed")
			messages := func(r *engine.Result) []string {
				var out []string
				for k := range r.Findings {
					msg, hint := Message(r, &r.Findings[k], i18n.En)
					out = append(out, string(r.Findings[k].Code)+" "+msg+" | "+hint)
				}
				return out
			}
			assert.Equal(t, messages(check(t, file, src)), messages(check(t, file, prose)))
		})
	}
}

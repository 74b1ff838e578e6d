package rules

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules/analysis"
)

// scoredProject parses a one-indicator project with a [scoring] table and returns the
// indicator's outcome, its environment and the method that scored it.
func scoredProject(t *testing.T, scoring, body string) (Outcome, bool, bool, indicators.Method) {
	t.Helper()
	src := "[project]\nname = \"p\"\nyear = 2022\n[scoring]\n" + scoring + "\n[[indicator]]\nname = \"指标\"\n" + body
	p, err := indicators.Parse("t.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err, "parsing:\n%s", src)
	progs, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	env := NewEnv(p, p.Indicators[0])
	o := progs[0].Eval(&env)
	met, known := Met(p.Indicators[0], &env, progs[0].Criterion.Method)
	return o, met, known, progs[0].Criterion.Method
}

// Every default method and direction, at the target, at twice the target, above and below,
// with the file's decimals (2) deciding what counts as full marks.
func TestDefaultMethodByDirection(t *testing.T) {
	tests := []struct {
		name    string
		scoring string
		target  string
		actual  string
		method  indicators.Method
		score   float64
		met     bool
	}{
		// ≥, ＞, a plain number: proportional.
		{"≥ at the target", "", `"≥100"`, "100", indicators.MethodProportional, 10, true},
		{"≥ above", "", `"≥100"`, "120", indicators.MethodProportional, 10, true},
		{"≥ at twice the target", "", `"≥100"`, "200", indicators.MethodProportional, 10, true},
		{"≥ below", "", `"≥100"`, "80", indicators.MethodProportional, 8, false},
		{"≥ nothing done", "", `"≥100"`, "0", indicators.MethodProportional, 0, false},
		{"≥ just below: not full marks after rounding", "", `"≥100"`, "99.999", indicators.MethodProportional, 9.99, false},
		{"＞ at the target is not met", "", `">100"`, "100", indicators.MethodProportional, 9.99, false},
		{"＞ beyond the target", "", `">100"`, "100.5", indicators.MethodProportional, 10, true},
		{"≧ as PDF extraction writes it", "", `"≧95%"`, "90", indicators.MethodProportional, 10 * 90.0 / 95, false},
		{"a plain number below", "", "100", "99", indicators.MethodProportional, 9.9, false},
		{"a plain number at", "", "100", "100", indicators.MethodProportional, 10, true},
		{"90%以上 below", "", `"90%以上"`, "85", indicators.MethodProportional, 10 * 85.0 / 90, false},
		// ≤, ＜: reverse-linear, 0 from twice the target on.
		{"≤ cost overrun by 20%", "", `"≤1500"`, "1800", indicators.MethodReverseLinear, 8, false},
		{"≤ under the cost", "", `"≤1500"`, "1480", indicators.MethodReverseLinear, 10, true},
		{"≤ at the target", "", `"≤1500"`, "1500", indicators.MethodReverseLinear, 10, true},
		{"≤ at twice the target", "", `"≤1500"`, "3000", indicators.MethodReverseLinear, 0, false},
		{"≤ beyond twice the target", "", `"≤1500"`, "4000", indicators.MethodReverseLinear, 0, false},
		{"≤ just above: not full marks after rounding", "", `"≤1500"`, "1500.01", indicators.MethodReverseLinear, 9.99, false},
		{"＜ well below", "", `"<5%"`, "3", indicators.MethodReverseLinear, 10, true},
		{"＜ at the target is not met", "", `"<5%"`, "5", indicators.MethodReverseLinear, 9.99, false},
		{"＜ above", "", `"<5%"`, "6", indicators.MethodReverseLinear, 8, false},
		{"≦ as PDF extraction writes it", "", `"≦5天"`, "6", indicators.MethodReverseLinear, 8, false},
		{"5%以下 above", "", `"5%以下"`, "6", indicators.MethodReverseLinear, 8, false},
		{"a duration within a bound", "", `"3个工作日内"`, "4", indicators.MethodReverseLinear, 10 * (1 - 1.0/3), false},
		{"a duration on time", "", `"3个工作日内"`, "3", indicators.MethodReverseLinear, 10, true},
		{"≤ 0: met by none", "", `"≤0"`, "0", indicators.MethodReverseLinear, 10, true},
		{"≤ 0: missed by one", "", `"≤0"`, "1", indicators.MethodReverseLinear, 0, false},
		{"direction written on a plain number", "", "5\ndirection = \"lower\"", "6", indicators.MethodReverseLinear, 8, false},
		// [scoring] lower = "reverse": target / actual × weight.
		{"reverse: at the target", `lower = "reverse"`, `"≤5"`, "5", indicators.MethodReverse, 10, true},
		{"reverse: above", `lower = "reverse"`, `"≤5"`, "8", indicators.MethodReverse, 6.25, false},
		{"reverse: at twice the target", `lower = "reverse"`, `"≤5"`, "10", indicators.MethodReverse, 5, false},
		{"reverse: below", `lower = "reverse"`, `"≤5"`, "4", indicators.MethodReverse, 10, true},
		// ＝: full marks at the target to the file's decimals, else 1 − |a − t| / t.
		{"= at the target", "", `"=12期"`, "12", indicators.MethodEqual, 10, true},
		{"= at the target to two decimals", "", `"=12期"`, "12.004", indicators.MethodEqual, 10, true},
		{"= below", "", `"=12期"`, "9", indicators.MethodEqual, 7.5, false},
		{"= above", "", `"=12期"`, "15", indicators.MethodEqual, 7.5, false},
		{"= at twice the target", "", `"=12期"`, "24", indicators.MethodEqual, 0, false},
		{"= beyond twice the target", "", `"=12期"`, "30", indicators.MethodEqual, 0, false},
		{"= off by a hundredth: not full marks", "", `"=12期"`, "12.01", indicators.MethodEqual, 9.99, false},
		{"═ as PDF extraction writes it", "", `"═100"`, "100", indicators.MethodEqual, 10, true},
		{"= 0 met by 0", "", `"=0"`, "0", indicators.MethodEqual, 10, true},
		{"= 0 missed", "", `"=0"`, "2", indicators.MethodEqual, 0, false},
		// [scoring] method names one method for all.
		{"[scoring] method overrides the direction", `method = "proportional"`, `"≤1500"`, "1800", indicators.MethodProportional, 10, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, met, known, m := scoredProject(t, tt.scoring, fmt.Sprintf("target = %s\nactual = %s\nweight = 10\n", tt.target, tt.actual))
			assert.Equal(t, tt.method, m, "method")
			require.Equal(t, Scored, o.Kind, "outcome %+v", o)
			assert.InDelta(t, tt.score, o.Score, 1e-9, "score")
			assert.True(t, known, "met is known")
			assert.Equal(t, tt.met, met, "met")
		})
	}
}

// Dates in each written form against deadlines: met on time, unscored when late unless
// [scoring] late_per_month says how lateness is scored, a range when it cannot be told.
func TestDeadlines(t *testing.T) {
	tests := []struct {
		name    string
		scoring string
		target  string
		actual  string
		kind    Kind
		score   float64 // Scored
		reason  string  // Unscored
		met     bool
		known   bool
		late    Lateness
	}{
		{"day before the deadline", "", "2022年12月31日前", "2022年11月20日", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
		{"on the deadline", "", "2022年12月31日前", "2022-12-31", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
		{"dots", "", "2022年12月31日前", "2022.11.20", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
		{"slashes", "", "2022年12月31日前", "2022/11/20", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
		{"a month within the deadline", "", "2022年12月31日前", "2022年12月", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
		{"a month three months late", "", "2022年12月31日前", "2023年3月", Unscored, 0, Late, false, true,
			Lateness{Known: true, Days: 60, Months: 3, InMonths: true}},
		{"a day late", "", "2022年12月31日前", "2023年1月1日", Unscored, 0, Late, false, true,
			Lateness{Known: true, Days: 1, Months: 1}},
		{"20 days late", "", "12月底前", "2023-01-20", Unscored, 0, Late, false, true, Lateness{Known: true, Days: 20, Months: 1}},
		{"12月底前 in the project's year", "", "12月底前", "2022年11月20日", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
		{"≤12月 in the project's year", "", "≤12月", "2022年12月", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
		{"6月30日前完成, late by a month begun", "", "6月30日前完成", "2022年7月15日", Unscored, 0, Late, false, true,
			Lateness{Known: true, Days: 15, Months: 1}},
		{"6月30日前完成, late by two months begun", "", "6月30日前完成", "2022年8月15日", Unscored, 0, Late, false, true,
			Lateness{Known: true, Days: 46, Months: 2}},
		{"a month straddling the deadline", "", "2022年12月15日前", "2022年12月", Unscored, 0, DateUnknown, false, false, Lateness{}},
		{"late, scored by late_per_month", "late_per_month = 0.2", "2022年12月31日前", "2023年3月", Scored, 4, "", false, true,
			Lateness{Known: true, Days: 60, Months: 3, InMonths: true}},
		{"late beyond the share", "late_per_month = 0.5", "2022年12月31日前", "2023年3月", Scored, 0, "", false, true,
			Lateness{Known: true, Days: 60, Months: 3, InMonths: true}},
		{"late a day, scored by late_per_month", "late_per_month = 1", "2022年12月31日前", "2023年1月1日", Scored, 0, "", false, true,
			Lateness{Known: true, Days: 1, Months: 1}},
		{"on time under late_per_month", "late_per_month = 0.2", "2022年12月31日前", "2022年12月30日", Scored, 10, "", true, true,
			Lateness{Known: true, Met: true}},
		{"a start met", "", "2022年3月起", "2022年4月1日", Scored, 10, "", true, true, Lateness{Known: true, Met: true, Start: true}},
		{"before a start: not met, not late", "", "2022年3月起", "2022年2月15日", Unscored, 0, BeforeStart, false, true,
			Lateness{Known: true, Start: true}},
		{"before a start ≥: late_per_month does not apply", "late_per_month = 0.2", "≥2022年3月", "2022年1月10日", Unscored, 0, BeforeStart, false, true,
			Lateness{Known: true, Start: true}},
		{"words of completion under a deadline", "", "12月底前", "按时完成", Ranged, 0, "", true, true, Lateness{}},
		{"the actual copies the deadline", "", "12月底前", "12月底前", Scored, 10, "", true, true, Lateness{Known: true, Met: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "[project]\nname = \"p\"\nyear = 2022\n[scoring]\n" + tt.scoring + "\n[[indicator]]\nname = \"完成时间\"\n" +
				fmt.Sprintf("target = %q\nactual = %q\nweight = 10\n", tt.target, tt.actual)
			p, err := indicators.Parse("t.toml", []byte(src), indicators.Limits{})
			require.NoError(t, err)
			progs, err := NewCompiler(Limits{}).Project(p)
			require.NoError(t, err)
			assert.Equal(t, indicators.MethodDeadline, progs[0].Criterion.Method)
			env := NewEnv(p, p.Indicators[0])
			o := progs[0].Eval(&env)
			require.Equal(t, tt.kind, o.Kind, "outcome %+v", o)
			switch tt.kind {
			case Scored:
				assert.InDelta(t, tt.score, o.Score, 1e-9)
			case Unscored:
				assert.Equal(t, tt.reason, o.Reason.Code)
			case Ranged:
				assert.Equal(t, 8.0, o.Min, "按时完成 reads 达成: 80–100 %")
				assert.Equal(t, 10.0, o.Max)
			}
			met, known := Met(p.Indicators[0], &env, progs[0].Criterion.Method)
			assert.Equal(t, tt.met, met, "met")
			assert.Equal(t, tt.known, known, "met known")
			if p.Indicators[0].Actual.IsDate {
				assert.Equal(t, tt.late, env.Lateness(), "lateness")
			}
		})
	}
}

// A target or actual meant as a number or a date that cannot be read as one is never read as
// a shorter number, nor as words: the indicator is unscored for that value, and met unknown.
func TestUnreadableValues(t *testing.T) {
	tests := []struct {
		name           string
		target, actual string
		method         indicators.Method
		reason         string
	}{
		{"a letter O for a 0 in the target", `"≥1OO人"`, "50", indicators.MethodProportional, TargetUnreadable},
		{"a letter O in a percentage target", `"≥9O%"`, `"95%"`, indicators.MethodProportional, TargetUnreadable},
		{"a lower-is-better target keeps its method", `"≤1O天"`, "5", indicators.MethodReverseLinear, TargetUnreadable},
		{"a comparison with nothing to compare", `">=abc"`, "100", indicators.MethodProportional, TargetUnreadable},
		{"a month 13", `"2023年13月底前"`, `"2023年12月1日"`, indicators.MethodDeadline, TargetUnreadable},
		{"a letter O in the actual", `"≥90%"`, `"8O%"`, indicators.MethodProportional, ActualUnreadable},
		{"two decimal points", `"≥90%"`, `"95.5.%"`, indicators.MethodProportional, ActualUnreadable},
		{"a day that does not exist", `"2023年12月底前"`, `"2023年2月30日"`, indicators.MethodDeadline, ActualUnreadable},
		{"a misplaced separator", `"≥1000人"`, `"1,0000"`, indicators.MethodProportional, ActualUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, _, known, m := scoredProject(t, "", fmt.Sprintf("target = %s\nactual = %s\nweight = 10\n", tt.target, tt.actual))
			assert.Equal(t, tt.method, m, "method")
			require.Equal(t, Unscored, o.Kind, "outcome %+v", o)
			assert.Equal(t, tt.reason, o.Reason.Code)
			assert.False(t, known, "met cannot be known")
		})
	}
	// Tiers that match nothing under an unreadable target blame the target, not a gap.
	o, _, known, _ := scoredProject(t, "", "target = \"≥abc\"\nactual = 100\nweight = 10\ncriterion = \"完成得满分，未完成不得分\"\n")
	require.Equal(t, Unscored, o.Kind, "outcome %+v", o)
	assert.Equal(t, TargetUnreadable, o.Reason.Code)
	assert.False(t, known)
	// Tiers that need no target still score.
	o, _, _, _ = scoredProject(t, "", "target = \"≥9O%\"\nunit = \"%\"\nactual = 96\nweight = 10\ncriterion = \"≥95%得满分，＜95%不得分\"\n")
	assert.Equal(t, Outcome{Kind: Scored, Score: 10, Tier: 1}, o)
	// Text meant as text keeps its qualitative reading.
	_, _, _, m := scoredProject(t, "", "target = \"有效\"\nactual = \"有效运行\"\nweight = 10\n")
	assert.Equal(t, indicators.MethodQualitative, m)
}

// An actual in a unit that is not its target's is never compared as a bare number: the
// indicator is unscored for it, by the default method and by tiers, and met unknown. One
// whose unit converts is scored in the target's unit.
func TestActualInAnotherUnit(t *testing.T) {
	tiers := "criterion = \"满意度90%（含）以上得10分；80%-90%得8分；80%以下不得分。\"\n"
	for _, actual := range []string{`"85人"`, `"0.5万"`} {
		for _, criterion := range []string{"", tiers} {
			o, _, known, _ := scoredProject(t, "", "target = \"≥90%\"\nactual = "+actual+"\nweight = 10\n"+criterion)
			require.Equal(t, Unscored, o.Kind, "actual %s, criterion %q: outcome %+v", actual, criterion, o)
			assert.Equal(t, ActualUnit, o.Reason.Code, "actual %s, criterion %q", actual, criterion)
			assert.False(t, known, "actual %s, criterion %q: met cannot be known", actual, criterion)
		}
	}
	o, met, known, _ := scoredProject(t, "", "target = \"≥90%\"\nactual = \"8成\"\nweight = 10\n"+tiers)
	assert.Equal(t, Outcome{Kind: Scored, Score: 8, Tier: 2}, o, "8成 is 80%")
	assert.True(t, known && !met, "8成 falls short of ≥90%%: met %v, known %v", met, known)
	o, _, _, _ = scoredProject(t, "", "target = 10\nunit = \"万元\"\nactual = \"60000元\"\nweight = 10\nmethod = \"proportional\"\n")
	assert.Equal(t, Outcome{Kind: Scored, Score: 6}, o, "60000元 is 6 万元")
}

// Tiers on late_days without an actual date say the actual is missing, not that the dates
// cannot be compared.
func TestLateDaysWithoutAnActual(t *testing.T) {
	o, _, _, _ := scoredProject(t, "", "target = \"2022年6月30日前\"\nweight = 10\ntiers = [ { when = \"late_days <= 0\", score = \"10\" }, { when = \"late_days > 0\", score = \"0\" } ]\n")
	require.Equal(t, Unscored, o.Kind, "%+v", o)
	assert.Equal(t, ActualMissing, o.Reason.Code)
}

// Lateness tiers read from prose are read against the deadline whether or not the actual
// date can be read: an unreadable one leaves the indicator unscored for the actual alone,
// with no part of the criterion left unread.
func TestLatenessProseWithAnUnreadableDate(t *testing.T) {
	tests := []struct {
		target, criterion, actual string
		score                     float64 // NaN: unscored for the unreadable actual
	}{
		{"2024年12月31日前", "按期完成得10分；逾期10天以内得8分；逾期1个月以上不得分。", "2025年1月5日", 8},
		{"2024年12月31日前", "按期完成得10分；逾期10天以内得8分；逾期1个月以上不得分。", "2025年2月30日", math.NaN()},
		{"2024年12月", "按期完成得10分，每逾期1个月扣2分，扣完为止。", "2025年2月", 6},
		{"2024年12月", "按期完成得10分，每逾期1个月扣2分，扣完为止。", "2025年13月", math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.actual, func(t *testing.T) {
			src := fmt.Sprintf("[project]\nname = \"p\"\nyear = 2024\n[[indicator]]\nname = \"完成时间\"\ntarget = %q\nactual = %q\nweight = 10\ncriterion = %q\n",
				tt.target, tt.actual, tt.criterion)
			p, err := indicators.Parse("t.toml", []byte(src), indicators.Limits{})
			require.NoError(t, err)
			progs, err := NewCompiler(Limits{}).Project(p)
			require.NoError(t, err)
			assert.Empty(t, progs[0].Criterion.Unparsed, "no part of the criterion is left unread")
			env := NewEnv(p, p.Indicators[0])
			o := progs[0].Eval(&env)
			if math.IsNaN(tt.score) {
				require.Equal(t, Unscored, o.Kind, "%+v", o)
				assert.Equal(t, ActualUnreadable, o.Reason.Code)
				return
			}
			require.Equal(t, Scored, o.Kind, "%+v", o)
			assert.Equal(t, tt.score, o.Score)
		})
	}
}

// Tiers on late_days see no lateness before a start: they leave the indicator unscored for
// that reason, not for dates that cannot be compared; on or after it late_days is 0.
func TestLateDaysOfAStart(t *testing.T) {
	tiers := "\ntiers = [ { when = \"late_days <= 0\", score = \"10\" }, { when = \"late_days > 0\", score = \"0\" } ]\n"
	o, _, _, _ := scoredProject(t, "", "target = \"2022年3月起\"\nactual = \"2022年2月1日\"\nweight = 10"+tiers)
	require.Equal(t, Unscored, o.Kind, "%+v", o)
	assert.Equal(t, BeforeStart, o.Reason.Code)
	o, met, known, _ := scoredProject(t, "", "target = \"2022年3月起\"\nactual = \"2022年3月2日\"\nweight = 10"+tiers)
	assert.Equal(t, Outcome{Kind: Scored, Score: 10, Tier: 1}, o)
	assert.True(t, met && known)
}

func TestDeadlineWithoutAYear(t *testing.T) {
	src := "[project]\nname = \"p\"\n[[indicator]]\nname = \"完成时间\"\ntarget = \"12月底前\"\nactual = \"11月\"\nweight = 10\n"
	p, err := indicators.Parse("t.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	progs, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	env := NewEnv(p, p.Indicators[0])
	o := progs[0].Eval(&env)
	require.Equal(t, Unscored, o.Kind)
	assert.Equal(t, DateUnknown, o.Reason.Code, "no year anywhere: it cannot be told")
	// The actual's year serves the deadline written without one, and the deadline's the
	// actual written without one.
	p.Indicators[0].Actual = indicators.ParseValue("2023年1月")
	env = NewEnv(p, p.Indicators[0])
	assert.Equal(t, Lateness{Known: true, Met: true}, env.Lateness(), "12月底前 of 2023")
	p.Indicators[0].Target = indicators.ParseValue("2022年12月31日前")
	p.Indicators[0].Actual = indicators.ParseValue("3月")
	env = NewEnv(p, p.Indicators[0])
	assert.Equal(t, Lateness{Known: true, Met: true}, env.Lateness(), "3月 of 2022")
}

// Each word of the lists, alone and in the phrases units write, reads into its band; the
// expected band is written here, not taken from the list.
func TestQualityWords(t *testing.T) {
	want := map[string]Quality{
		// completion
		"达成": QualityMet, "完成": QualityMet, "达到": QualityMet, "达标": QualityMet, "实现": QualityMet,
		"建立": QualityMet, "建成": QualityMet, "健全": QualityMet, "完善": QualityMet, "有效": QualityMet,
		"显著": QualityMet, "明显": QualityMet, "按时": QualityMet, "及时": QualityMet, "按期": QualityMet,
		"到位": QualityMet, "落实": QualityMet, "合格": QualityMet, "满意": QualityMet, "良好": QualityMet,
		"优秀": QualityMet, "优": QualityMet, "好": QualityMet, "提高": QualityMet, "提升": QualityMet,
		"改善": QualityMet, "增强": QualityMet, "规范": QualityMet, "保障": QualityMet, "正常": QualityMet,
		"稳定": QualityMet, "全部": QualityMet, "全面": QualityMet, "是": QualityMet, "符合": QualityMet,
		"准确": QualityMet, "发挥": QualityMet, "促进": QualityMet, "推进": QualityMet, "开展": QualityMet,
		"无误": QualityMet, "零差错": QualityMet, "无差错": QualityMet, "无投诉": QualityMet, "无事故": QualityMet,
		"无违规": QualityMet,
		// qualified
		"基本": QualityPartial, "部分": QualityPartial, "初步": QualityPartial, "较": QualityPartial,
		"大部分": QualityPartial, "大体": QualityPartial, "一般": QualityPartial, "有所": QualityPartial,
		"逐步": QualityPartial, "一定": QualityPartial, "尚可": QualityPartial, "未全部": QualityPartial,
		"没有全部": QualityPartial, "未完全": QualityPartial, "有待": QualityPartial, "尚需": QualityPartial,
		"仍需": QualityPartial, "还需": QualityPartial, "亟待": QualityPartial,
		// negations
		"未": QualityNotMet, "没有": QualityNotMet, "没": QualityNotMet, "不": QualityNotMet,
		"无": QualityNotMet, "否": QualityNotMet, "尚未": QualityNotMet, "仍未": QualityNotMet,
		// failure
		"差": QualityNotMet, "较差": QualityNotMet, "不合格": QualityNotMet, "不足": QualityNotMet,
		"滞后": QualityNotMet, "延误": QualityNotMet, "延期": QualityNotMet, "逾期": QualityNotMet,
		"失败": QualityNotMet, "偏低": QualityNotMet, "下降": QualityNotMet, "欠佳": QualityNotMet,
		// neutral and events alone say nothing
		"不断": QualityUnknown, "已": QualityUnknown, "均": QualityUnknown, "全年": QualityUnknown,
		"年度": QualityUnknown, "目标": QualityUnknown, "指标": QualityUnknown, "预期": QualityUnknown,
		"任务": QualityUnknown, "工作": QualityUnknown, "效果": QualityUnknown, "具有": QualityUnknown,
		"并": QualityUnknown, "的": QualityUnknown, "了": QualityUnknown, "得到": QualityUnknown,
		"取得": QualityUnknown, "成效": QualityUnknown, "机制": QualityUnknown, "制度": QualityUnknown,
		"计划": QualityUnknown, "要求": QualityUnknown, "情况": QualityUnknown, "按": QualityUnknown,
		"很": QualityUnknown, "非常": QualityUnknown, "十分": QualityUnknown, "都": QualityUnknown,
		"发生": QualityUnknown, "出现": QualityUnknown, "事故": QualityUnknown, "安全事故": QualityUnknown,
		"投诉": QualityUnknown, "违规": QualityUnknown, "违纪": QualityUnknown, "违法": QualityUnknown,
		"差错": QualityUnknown, "问题": QualityUnknown, "重大": QualityUnknown, "失误": QualityUnknown,
		"拖欠": QualityUnknown, "上访": QualityUnknown, "负面": QualityUnknown,
	}
	for _, w := range QualityWords {
		t.Run(w.Word, func(t *testing.T) {
			q, ok := want[w.Word]
			require.True(t, ok, "the word %q of the lists has no expectation here", w.Word)
			got, _ := ReadQuality(w.Word)
			assert.Equal(t, q, got, "ReadQuality(%q)", w.Word)
		})
	}
	assert.Len(t, want, len(QualityWords), "every expectation is of a word in the lists")
}

func TestQualityPhrases(t *testing.T) {
	tests := []struct {
		text    string
		q       Quality
		unknown string
	}{
		{"已建立", QualityMet, ""},
		{"健全", QualityMet, ""},
		{"基本健全", QualityPartial, ""},
		{"建立健全并有效运行", QualityMet, "运行"},
		{"达成年度指标", QualityMet, ""},
		{"部分达成年度指标并具有一定效果", QualityPartial, ""},
		{"未达成年度指标且效果较差", QualityNotMet, "且"},
		{"较好", QualityPartial, ""},
		{"效果显著", QualityMet, ""},
		{"初步建立", QualityPartial, ""},
		{"未建立", QualityNotMet, ""},
		{"没有按时完成", QualityNotMet, ""},
		{"不断完善", QualityMet, ""},
		{"发放准确无误", QualityMet, "发放"},
		{"未发生安全事故", QualityMet, ""},
		{"无重大安全事故", QualityMet, ""},
		{"未全部完成", QualityPartial, ""},
		{"无效", QualityNotMet, "效"},
		{"进度滞后", QualityNotMet, "进度"},
		// A word of completion under a negation, a word of degree between, is never completion.
		{"不好", QualityNotMet, ""},
		{"不太好", QualityNotMet, "太"},
		{"不是很好", QualityNotMet, ""},
		{"不太满意", QualityNotMet, "太"},
		{"未能按时完成", QualityNotMet, "能"},
		{"没有达标", QualityNotMet, ""},
		{"效果不明显", QualityNotMet, ""},
		{"非常好", QualityMet, ""},
		{"有待提高", QualityPartial, ""},
		{"尚需完善", QualityPartial, ""},
		{"效果欠佳", QualityNotMet, ""},
		// A word of failure under a negation says no band: not bad is not said to be good.
		{"不差", QualityUnknown, "不差"},
		{"不太差", QualityUnknown, "不太差"},
		{"还行", QualityUnknown, "还行"},
		{"发生2起安全事故", QualityUnknown, "2起"},
		{"详见附件", QualityUnknown, "详见附件"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			q, unknown := ReadQuality(tt.text)
			assert.Equal(t, tt.q, q)
			assert.Equal(t, tt.unknown, unknown, "the words not understood")
		})
	}
}

// A text target is scored in the bands with no criterion; the bands are the project's.
func TestQualitativeDefault(t *testing.T) {
	tests := []struct {
		name     string
		scoring  string
		target   string
		actual   string
		min, max float64
		met      bool
	}{
		{"the same text as the target", "", "健全", "健全", 8, 10, true},
		{"words of completion", "", "建立", "已建立", 8, 10, true},
		{"qualified", "", "健全", "基本健全", 6, 8, false},
		{"negated", "", "健全", "不健全", 0, 6, false},
		{"bands of the project", "band_met = [90, 100]\nband_partial = [70, 90]\nband_unmet = [0, 70]", "健全", "基本健全", 7, 9, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, met, known, m := scoredProject(t, tt.scoring, fmt.Sprintf("target = %q\nactual = %q\nweight = 10\n", tt.target, tt.actual))
			assert.Equal(t, indicators.MethodQualitative, m)
			require.Equal(t, Ranged, o.Kind, "outcome %+v", o)
			assert.InDelta(t, tt.min, o.Min, 1e-9)
			assert.InDelta(t, tt.max, o.Max, 1e-9)
			assert.True(t, known)
			assert.Equal(t, tt.met, met)
		})
	}
	o, _, known, _ := scoredProject(t, "", "target = \"健全\"\nactual = \"详见附件\"\nweight = 10\n")
	assert.Equal(t, Unscored, o.Kind)
	assert.Equal(t, UnknownQuality, o.Reason.Code)
	assert.False(t, known)
}

// A rounding of the agreed score: not met never rounds to full marks, whatever the decimals.
func TestAgreeStep(t *testing.T) {
	for d := 0; d <= 3; d++ {
		env := Env{Weight: 5, decimals: d}
		s := env.agree(false, 4.9999)
		assert.Less(t, num.Round(s, d), 5.0, "decimals %d", d)
		assert.Equal(t, 5.0, env.agree(true, 1), "met is the weight")
	}
}

// A criterion that cannot be read leaves its indicator unscored, never a default-method
// number; [scoring] unread = "default" opts back into the default method, and says so.
func TestUnreadCriterion(t *testing.T) {
	body := "target = 100\nactual = 90\nweight = 10\ncriterion = \"由评审组酌情打分\"\n"
	o, _, _, m := scoredProject(t, "", body)
	require.Equal(t, Unscored, o.Kind, "outcome %+v", o)
	assert.Equal(t, Reason{Code: CriterionUnread, Part: 1}, o.Reason)
	assert.Equal(t, indicators.Method(""), m, "no method scored it")

	src := "[project]\nname = \"p\"\n[scoring]\nunread = \"default\"\n[[indicator]]\nname = \"指标\"\n" + body
	p, err := indicators.Parse("t.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	progs, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	crit := progs[0].Criterion
	assert.True(t, crit.Unread && crit.Default, "read not at all, scored by the default: %+v", crit)
	assert.Equal(t, indicators.MethodProportional, crit.Method)
	env := NewEnv(p, p.Indicators[0])
	o = progs[0].Eval(&env)
	require.Equal(t, Scored, o.Kind)
	assert.InDelta(t, 9, o.Score, 1e-9)

	// Filler alone is no criterion: the default method scores it.
	o, _, _, m = scoredProject(t, "", "target = 100\nactual = 90\nweight = 10\ncriterion = \"查现场和资料。\"\n")
	assert.Equal(t, Scored, o.Kind)
	assert.Equal(t, indicators.MethodProportional, m)
}

// A criterion read in part scores only the values no unread part could change.
func TestPartlyReadCriterion(t *testing.T) {
	tests := []struct {
		name      string
		criterion string
		actual    string
		kind      Kind
		score     float64
		part      int // the unread part named, for an unscored outcome
		tier      int
	}{
		// The unread part stands after the tier that takes 100: under first match it cannot
		// take its values.
		{"a tier before the unread part", "按计划完成得满分，未按计划完成的视情况酌情扣分", "100", Scored, 10, 0, 1},
		{"a value only the unread part speaks of", "按计划完成得满分，未按计划完成的视情况酌情扣分", "90", Unscored, 0, 0, 0},
		// A deduction per event may apply on top of any tier.
		{"a deduction on top of every tier", "完成率100%得10分，每发生一起安全事故扣2分", "100", Unscored, 0, 1, 1},
		// The unread part stands before the tier that fired: it could have taken its values.
		{"a tier after the unread part", "考核排名前三名得10分；完成率100%得8分", "100", Unscored, 0, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, _, _, _ := scoredProject(t, "", fmt.Sprintf("target = 100\nunit = \"%%\"\nactual = %s\nweight = 10\ncriterion = %q\n", tt.actual, tt.criterion))
			require.Equal(t, tt.kind, o.Kind, "outcome %+v", o)
			switch {
			case tt.kind == Scored:
				assert.InDelta(t, tt.score, o.Score, 1e-9)
				assert.Equal(t, tt.tier, o.Tier)
			case tt.part > 0:
				assert.Equal(t, Reason{Code: CriterionUnread, Part: tt.part, Tier: tt.tier}, o.Reason)
			default:
				assert.Equal(t, NoTierMatched, o.Reason.Code)
			}
		})
	}
	// Under [scoring] unread = "default" the tiers read score what they take.
	o, _, _, _ := scoredProject(t, `unread = "default"`, "target = 100\nunit = \"%\"\nactual = 100\nweight = 10\ncriterion = \"完成率100%得10分，每发生一起安全事故扣2分\"\n")
	require.Equal(t, Scored, o.Kind)
	assert.Equal(t, 10.0, o.Score)
}

// The criterion reader reads the look-alikes of signs that PDF extraction leaves as the
// signs, as the target's reader does.
func TestCriterionLookAlikes(t *testing.T) {
	for _, text := range []string{
		"执行率═100%得10分，否则不得分", "执行率≧100%得10分，否则不得分", "执行率＞99%得10分，否则不得分",
		`执行率$\geq$100%得10分，否则不得分`, `执行率\ge 100\%得10分，否则不得分`,
	} {
		t.Run(text, func(t *testing.T) {
			read, unread := ReadCriterion(text, ContextOf(&indicators.Indicator{Name: "执行率", Unit: "%", Weight: 10,
				Target: indicators.NumberValue(100), Direction: indicators.Higher}))
			assert.Empty(t, unread, "every part read")
			require.Len(t, read, 2)
			assert.Contains(t, []string{"actual == 100", "actual >= 100", "actual > 99"}, read[0].When)
		})
	}
}

func TestTierCondition(t *testing.T) {
	p := project(t, "actual = 98.67\n"+seedTiers)
	progs, err := NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	crit := progs[0].Criterion
	s, v, ok := crit.Condition(1, p, p.Indicators[0])
	require.True(t, ok)
	assert.Equal(t, analysis.VarActual, v)
	assert.Equal(t, "[98.5, 99.22)", s.String())

	p = project(t, "target = 73\nactual = 13.87\nweight = 10\ntiers = [ { when = \"rate >= 1\", score = \"10\" }, { when = \"rate <= 0.8\", score = \"8\" } ]\n")
	progs, err = NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	s, v, ok = progs[0].Criterion.Condition(1, p, p.Indicators[0])
	require.True(t, ok)
	assert.Equal(t, analysis.VarRate, v)
	assert.Equal(t, "(−∞, 0.8]", s.String())

	p = project(t, "actual = \"达成\"\nweight = 10\ntiers = [ { when = \"text == '达成'\", score = \"10\" } ]\n")
	progs, err = NewCompiler(Limits{}).Project(p)
	require.NoError(t, err)
	_, _, ok = progs[0].Criterion.Condition(0, p, p.Indicators[0])
	assert.False(t, ok, "a condition on the text is no set of values")
}

// A criterion written as tiers says how lateness is scored, through late_days and
// late_months.
func TestLatenessInTiers(t *testing.T) {
	tiers := "tiers = [ { when = \"late_days <= 0\", score = \"10\" }, { when = \"late_months <= 1\", score = \"8\" }, " +
		"{ when = \"late_months > 1\", score = \"max(0, 10 - 2 * late_months)\" } ]\n"
	tests := []struct {
		actual string
		kind   Kind
		score  float64
	}{
		{"2022年12月20日", Scored, 10},
		{"2023年1月10日", Scored, 8},
		{"2023年3月", Scored, 4},
		{"按时完成", Unscored, 0},
	}
	for _, tt := range tests {
		t.Run(tt.actual, func(t *testing.T) {
			o, _, _, _ := scoredProject(t, "", fmt.Sprintf("target = \"12月底前\"\nactual = %q\nweight = 10\n%s", tt.actual, tiers))
			require.Equal(t, tt.kind, o.Kind, "outcome %+v", o)
			if tt.kind == Scored {
				assert.InDelta(t, tt.score, o.Score, 1e-9)
			} else {
				assert.Equal(t, DateUnknown, o.Reason.Code)
			}
		})
	}
}

// The compiler's environments read each actual text's band once, as ReadQuality reads it,
// and keep no more texts than the bound, nor a long one.
func TestQualitiesRemembered(t *testing.T) {
	want := map[string]Quality{"已建立": QualityMet, "基本健全": QualityPartial, "未建立": QualityNotMet, "还行": QualityUnknown,
		"未发生安全事故": QualityMet, "健全": QualityMet}
	c := NewCompiler(Limits{})
	for text, q := range want {
		p := &indicators.Project{Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100}, Indicators: []*indicators.Indicator{
			{Name: "x", Weight: 10, Applicable: true, Target: indicators.ParseValue("健全"), Actual: indicators.ParseValue(text)}}}
		for round := range 2 {
			envs := c.AppendEnvs(nil, p)
			assert.Equal(t, q, envs[0].Quality(), "%q, round %d", text, round)
			if text != "健全" { // repeats the target: met, no words read
				assert.Contains(t, c.memo.qualities, text, "%q, round %d", text, round)
			}
		}
	}
	qs := qualities{}
	for i := range 3 * maxQualities {
		require.Equal(t, QualityMet, qs.of(fmt.Sprintf("第%d项已完成", i)))
		require.LessOrEqual(t, len(qs), maxQualities)
	}
	long := strings.Repeat("已完成", maxQualityText)
	assert.Equal(t, QualityMet, qs.of(long))
	assert.NotContains(t, qs, long, "a long text is read each time")
}

// The compiler's environments tell a flawed value's text as num.Flawed does, remembering it.
func TestFlawsRemembered(t *testing.T) {
	c := NewCompiler(Limits{})
	for _, text := range []string{"≥1OO人", "95.5.%", "1,0000", "2023年13月底前", ">=abc", "达成", "约85%"} {
		p := &indicators.Project{Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100}, Indicators: []*indicators.Indicator{
			{Name: "x", Weight: 10, Applicable: true, Target: indicators.ParseValue(text), Actual: indicators.ParseValue(text)}}}
		for round := range 2 {
			env := c.AppendEnvs(nil, p)[0]
			assert.Equal(t, num.Flawed(text), env.TextFlaw(text), "%q, round %d", text, round)
			assert.Equal(t, num.Flawed(text), env.targetFlaw, "%q, round %d", text, round)
			assert.Contains(t, c.memo.flaws, text)
		}
	}
	assert.Equal(t, num.FlawLetter, c.memo.flaws["≥1OO人"], "a flaw is remembered")
}

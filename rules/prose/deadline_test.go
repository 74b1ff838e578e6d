package prose_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/prose"
)

// A criterion of timeliness against a deadline target and a date actual reads the dates:
// 按时完成 is late_days <= 0, 未按时完成 and 逾期 the rest, a deduction per day or month late
// counts late_days or late_months. Each is scored through the compiler as the engine
// scores it, from the indicator itself.
func TestDeadlineWords(t *testing.T) {
	tests := []struct {
		text   string
		target string
		tiers  []string
		probes map[string]float64 // actual → score
	}{
		{"按时完成得满分，未按时完成不得分", "6月30日前", []string{"late_days <= 0 → weight", "late_days > 0 → 0"},
			map[string]float64{"2023年6月28日": 10, "2023年6月30日": 10, "2023年7月1日": 0}},
		{"按期完成得10分，逾期不得分", "2023年6月30日前", []string{"late_days <= 0 → 10", "late_days > 0 → 0"},
			map[string]float64{"2023年6月1日": 10, "2023年7月5日": 0}},
		{"如期完成得满分，否则不得分", "2023年12月底前", []string{"late_days <= 0 → weight", "true → 0"},
			map[string]float64{"2023年12月31日": 10, "2024年1月2日": 0}},
		{"不能按期完成的不得分，按期完成得满分", "2023年12月底前", []string{"late_days > 0 → 0", "late_days <= 0 → weight"},
			map[string]float64{"2023年12月31日": 10, "2024年1月2日": 0}},
		{"按时完成得满分，每延迟1个月扣2分", "2023年12月底前",
			[]string{"late_days <= 0 → weight", "late_days > 0 → max(0, weight - 2 * late_months)"},
			map[string]float64{"2023年12月1日": 10, "2024年1月5日": 8, "2024年2月": 6}},
		{"按时完成得满分，逾期1个月以内得5分，逾期1个月以上不得分", "2023年6月30日前",
			[]string{"late_days <= 0 → weight", "late_months <= 1 → 5", "late_months > 1 → 0"},
			map[string]float64{"2023年6月30日": 10, "2023年7月15日": 5, "2023年8月15日": 0}},
		{"按时完成得满分，逾期10天以内得8分，其余不得分", "2023年6月30日前",
			[]string{"late_days <= 0 → weight", "late_days <= 10 → 8", "true → 0"},
			map[string]float64{"2023年6月1日": 10, "2023年7月5日": 8, "2023年7月20日": 0}},
		{"每逾期1天扣1分", "2023年6月30日前", []string{"late_days <= 0 → weight", "late_days > 0 → max(0, weight - late_days)"},
			map[string]float64{"2023年6月30日": 10, "2023年7月3日": 7, "2023年8月30日": 0}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			x := &indicators.Indicator{Name: "资金拨付时间", Weight: 10, Criterion: tt.text, Applicable: true,
				Target: indicators.ParseValue(tt.target)}
			r := prose.Read(tt.text, rules.ContextOf(x))
			require.Empty(t, r.Unread, "%q: left unread", tt.text)
			assert.Equal(t, tt.tiers, tierLines(r), "the tiers read from %q", tt.text)
			for actual, want := range tt.probes {
				x.Actual = indicators.ParseValue(actual)
				require.True(t, x.Actual.IsDate, actual)
				p := &indicators.Project{Name: "p", Year: 2023, Indicators: []*indicators.Indicator{x},
					Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100, Method: indicators.MethodProportional}}
				crits, err := rules.NewCompiler(rules.Limits{}).Project(p)
				require.NoError(t, err)
				env := rules.NewEnv(p, x)
				o := crits[0].Eval(&env)
				if assert.Equal(t, rules.Scored, o.Kind, "%q at %s: %+v", tt.text, actual, o) {
					assert.Equal(t, want, num.Round(o.Score, 2), "%q at %s", tt.text, actual)
				}
			}
		})
	}
}

// The same words under a target that is no deadline, or beside an actual in words, are
// not dates: 按时完成 stays a grade of the text.
func TestTimelinessWordsWithoutADeadline(t *testing.T) {
	x := &indicators.Indicator{Name: "资金拨付时间", Weight: 10, Applicable: true,
		Target: indicators.ParseValue("2023年6月30日前"), Actual: indicators.ParseValue("按时完成")}
	ctx := rules.ContextOf(x)
	assert.False(t, ctx.Deadline, "an actual in words keeps the words as its grades")
	x.Target = indicators.ParseValue("2023年3月起")
	x.Actual = indicators.ParseValue("2023年3月5日")
	assert.False(t, rules.ContextOf(x).Deadline, "a start is no deadline")
	r := prose.Read("每逾期1天扣1分", prose.Context{Weight: 10, Target: 95, Unit: "%"})
	assert.NotEmpty(t, r.Unread, "逾期 per day without a deadline target is not read as lateness")
}

// A deduction per month late before a tier of months late ("每逾期1个月扣5分，逾期3个月以上不得分")
// reads two ways, as the same words on the actual value do: both are left unread, never
// scored by the deduction alone.
func TestLatenessReadTwoWays(t *testing.T) {
	for _, text := range []string{"按时完成得满分，每逾期1个月扣5分，逾期3个月以上不得分", "按时完成得满分，每逾期1天扣1分，逾期30天以上不得分"} {
		x := &indicators.Indicator{Name: "完工时间", Weight: 50, Target: indicators.ParseValue("2023年6月30日前")}
		r := prose.Read(text, rules.ContextOf(x))
		assert.Equal(t, []string{"late_days <= 0 → weight"}, tierLines(r), text)
		if assert.Len(t, r.Unread, 2, text) {
			assert.Equal(t, prose.Ambiguous, r.Unread[0].Reason)
			assert.Equal(t, prose.Ambiguous, r.Unread[1].Reason)
		}
	}
}

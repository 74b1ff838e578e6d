package rules

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

type wantTier struct {
	when, score string
	min, max    float64
}

func tiersOf(ts []DerivedTier) []wantTier {
	out := make([]wantTier, len(ts))
	for i, t := range ts {
		out[i] = wantTier{when: t.When, score: t.Score}
		if t.Min != nil {
			out[i].min, out[i].max = *t.Min, *t.Max
		}
	}
	return out
}

var pctCtx = func(w, target float64) CriterionContext {
	return CriterionContext{Weight: w, Target: target, Percent: true}
}

// The fourteen written criteria of the seed's two tables, as they stand in the files.
func TestReadSeedCriteria(t *testing.T) {
	tests := []struct {
		name string
		text string
		ctx  CriterionContext
		want []wantTier
	}{
		{"当年投入完成的时间", "1年内完成100%，得20分；未全部完成，按完成情况得15~18分；未开展，不得分。", pctCtx(20, 100), []wantTier{
			{when: "actual >= 100", score: "20"}, {when: "actual > 0 && actual < 100", min: 15, max: 18}, {when: "actual <= 0", score: "0"}}},
		{"资金投入", "资金投入 100%得 10 分; 资金投入 ≤项目进度 80%得 8 分; 资金未全部投入得 5 分。", CriterionContext{Weight: 10, Target: 73}, []wantTier{
			{when: "rate >= 1", score: "10"}, {when: "rate <= 0.8", score: "8"}, {when: "rate < 1", score: "5"}}},
		{"劳务派遣经费支付期数", "支付全年劳务派遣经费≥4 期得 10 分; 4 期>支付其数≥3 期得 5 分; 低于 3 期得 0 分。", CriterionContext{Weight: 10, Target: 4}, []wantTier{
			{when: "actual >= 4", score: "10"}, {when: "actual >= 3 && actual < 4", score: "5"}, {when: "actual < 3", score: "0"}}},
		{"覆盖乡镇率", "覆盖面达到 100%得 10 分; 100% > 覆盖面≥95%得 5 分; 95% > 覆盖面 <90%得 0 分。", pctCtx(10, 100), []wantTier{
			{when: "actual >= 100", score: "10"}, {when: "actual >= 95 && actual < 100", score: "5"}, {when: "actual < 95 && actual < 90", score: "0"}}},
		{"城乡保参保人数", "参保人数≥ 217100 得 20 分, 217100>参保人数≥216500 人得 10 分, 参保人数 <216500 人不得分", CriterionContext{Weight: 20, Target: 217100}, []wantTier{
			{when: "actual >= 217100", score: "20"}, {when: "actual >= 216500 && actual < 217100", score: "10"}, {when: "actual < 216500", score: "0"}}},
		{"社保参保率", "参保率≥99.22% 得 20 分, 99.22% > 参保率≥98.5% 得 18 分, 98.5% > 参保率≥98%得 15 分, 参保率 < 98%不得分", pctCtx(20, 99.6), []wantTier{
			{when: "actual >= 99.22", score: "20"}, {when: "actual >= 98.5 && actual < 99.22", score: "18"}, {when: "actual >= 98 && actual < 98.5", score: "15"}, {when: "actual < 98", score: "0"}}},
		{"群众满意率", "抽样调查满意度A ≥98%得 10 分; 98% > A ≥90%得 8 分; 90% > A ≥85% 得 5 分; A < 85% 不得分。", pctCtx(10, 98), []wantTier{
			{when: "actual >= 98", score: "10"}, {when: "actual >= 90 && actual < 98", score: "8"}, {when: "actual >= 85 && actual < 90", score: "5"}, {when: "actual < 85", score: "0"}}},
		{"基础养老金按时足额发放比例", "养老金100%按时发放得5分，不按时不得分", pctCtx(5, 100), []wantTier{
			{when: "actual >= 100", score: "5"}, {when: "actual < 100", score: "0"}}},
		{"专项资金专款专用", "资金全部拨付 到位得 10 分, 资金拨付 不到位不得分", CriterionContext{Weight: 10, Target: 6807}, []wantTier{
			{when: "rate >= 1", score: "10"}, {when: "rate < 1", score: "0"}}},
		{"城乡居民基本养老保险参保人数", "参保人数 ≥ 217100 得 10 分, 217100 > 参保人数 ≥ 216500 人得 5 分, 参保人数 < 216500 人 不得分", CriterionContext{Weight: 10, Target: 217100}, []wantTier{
			{when: "actual >= 217100", score: "10"}, {when: "actual >= 216500 && actual < 217100", score: "5"}, {when: "actual < 216500", score: "0"}}},
		{"养老金发放期数", "达到 12 期得 5 分, 未达到 不得分", CriterionContext{Weight: 5, Target: 12}, []wantTier{
			{when: "actual >= 12", score: "5"}, {when: "actual < 12", score: "0"}}},
		{"城乡居民养老金平均水平", "养老金 ≥ 167 元/月·人得 10 分, 养老 金 < 167/ 月·人不得分", CriterionContext{Weight: 10, Target: 167}, []wantTier{
			{when: "actual >= 167", score: "10"}, {when: "actual < 167", score: "0"}}},
		{"60周岁以上待遇发放率", "发放率 ≥ 99.80%得 10 分, 99.80% > 发放率 ≥ 99.5%得 6 分, 发放率 < 99.5%不得分", pctCtx(10, 99.8), []wantTier{
			{when: "actual >= 99.8", score: "10"}, {when: "actual >= 99.5 && actual < 99.8", score: "6"}, {when: "actual < 99.5", score: "0"}}},
		{"全民参保率", "参保率 ≥ 99.22%得 20 分, 99.22% > 参保率 ≥ 98.5%得 18 分, 98.5% > 参保率 ≥ 98% 得 15 分, 参 保率 < 98%不 得分", pctCtx(20, 99.22), []wantTier{
			{when: "actual >= 99.22", score: "20"}, {when: "actual >= 98.5 && actual < 99.22", score: "18"}, {when: "actual >= 98 && actual < 98.5", score: "15"}, {when: "actual < 98", score: "0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tiers, unparsed := ReadCriterion(tt.text, tt.ctx)
			assert.Empty(t, unparsed)
			assert.Equal(t, tt.want, tiersOf(tiers))
		})
	}
}

var _ = math.NaN

func TestReadCriterionForms(t *testing.T) {
	num := CriterionContext{Weight: 10, Target: 100}
	pct := pctCtx(10, 95)
	tests := []struct {
		name string
		text string
		ctx  CriterionContext
		want []wantTier
	}{
		{"≥ and <", "≥95%得10分，<95%得0分", pct, []wantTier{{when: "actual >= 95", score: "10"}, {when: "actual < 95", score: "0"}}},
		{"full-width ＞ ＜ ≧ ≦ and digits", "完成率≧９５％得１０分；９０％≦完成率＜９５％得８分；完成率＜９０％不得分", pct,
			[]wantTier{{when: "actual >= 95", score: "10"}, {when: "actual >= 90 && actual < 95", score: "8"}, {when: "actual < 90", score: "0"}}},
		{"ASCII >= <= and =", "x>=95得10分;x<=80得5分;x=0得0分", num,
			[]wantTier{{when: "actual >= 95", score: "10"}, {when: "actual <= 80", score: "5"}, {when: "actual == 0", score: "0"}}},
		{"words: 不低于 不高于", "不低于95%得10分，不高于80%得5分", pct, []wantTier{{when: "actual >= 95", score: "10"}, {when: "actual <= 80", score: "5"}}},
		{"words: 大于 小于 高于 低于", "大于95%得10分，小于60%得0分，高于80%得8分，低于80%得5分", pct,
			[]wantTier{{when: "actual > 95", score: "10"}, {when: "actual < 60", score: "0"}, {when: "actual > 80", score: "8"}, {when: "actual < 80", score: "5"}}},
		{"以上 以下", "95%以上得10分，90%（含）以下得0分", pct, []wantTier{{when: "actual >= 95", score: "10"}, {when: "actual <= 90", score: "0"}}},
		{"达到 未达到", "达到12期得5分，未达到12期不得分", CriterionContext{Weight: 5, Target: 12},
			[]wantTier{{when: "actual >= 12", score: "5"}, {when: "actual < 12", score: "0"}}},
		{"超过 不足", "超过30天不得分，不足30天得满分", CriterionContext{Weight: 10, Target: 30},
			[]wantTier{{when: "actual > 30", score: "0"}, {when: "actual < 30", score: "weight"}}},
		{"chained both ways", "99.22%>x≥98.5%得18分；98%≤x<98.5%得15分", pct,
			[]wantTier{{when: "actual >= 98.5 && actual < 99.22", score: "18"}, {when: "actual >= 98 && actual < 98.5", score: "15"}}},
		{"dash and tilde ranges", "90%-95%得8分；85%～90%得6分；80%至85%得4分", pct,
			[]wantTier{{when: "actual >= 90 && actual < 95", score: "8"}, {when: "actual >= 85 && actual < 90", score: "6"}, {when: "actual >= 80 && actual < 85", score: "4"}}},
		{"units 人 万元 天 元/月·人", "≥21.74万人得10分；≤5天得满分；≥167元/月·人得10分", num,
			[]wantTier{{when: "actual >= 217400", score: "10"}, {when: "actual <= 5", score: "weight"}, {when: "actual >= 167", score: "10"}}},
		{"thousands separators", "参保人数≥217,100得20分，参保人数<217,100不得分", num,
			[]wantTier{{when: "actual >= 217100", score: "20"}, {when: "actual < 217100", score: "0"}}},
		{"Chinese numerals", "增长两千人以上得20分，不足两千人得10分", num,
			[]wantTier{{when: "actual >= 2000", score: "20"}, {when: "actual < 2000", score: "10"}}},
		{"得满分 得0分", "完成率100%得满分；完成率低于100%得0分", pct, []wantTier{{when: "actual >= 100", score: "weight"}, {when: "actual < 100", score: "0"}}},
		{"discretionary 15-18分", "全部完成得20分；部分完成得15-18分", pctCtx(20, 100),
			[]wantTier{{when: "actual >= 100", score: "20"}, {when: "actual < 100", min: 15, max: 18}}},
		{"按比例得分", "达到目标值得满分，未达到的按完成比例计分", num,
			[]wantTier{{when: "rate >= 1", score: "weight"}, {when: "rate < 1", score: "weight * min(rate, 1)"}}},
		{"每降低1个百分点扣2分，扣完为止", "达到95%得满分；每降低1个百分点扣2分，扣完为止", pct,
			[]wantTier{{when: "actual >= 95", score: "weight"}, {when: "actual < 95", score: "max(0, weight - max(0, 95 - actual) * 2)"}}},
		{"每低1个百分点 of a completion rate", "完成率达到90%得满分，每低1个百分点扣0.5分，扣完为止", num,
			[]wantTier{{when: "rate >= 0.9", score: "weight"}, {when: "rate < 0.9", score: "max(0, weight - max(0, 0.9 - rate) * 100 * 0.5)"}}},
		{"(含) and (不含) at the ends of a range", "80%（含）-90%得8分；90%-95%（含）得9分；95%(不含)至100%得10分", pct,
			[]wantTier{{when: "actual >= 80 && actual < 90", score: "8"}, {when: "actual >= 90 && actual <= 95", score: "9"}, {when: "actual > 95 && actual < 100", score: "10"}}},
		{"少1期扣1分 without 每", "全年完成培训12期得满分，少1期扣1分", num,
			[]wantTier{{when: "actual >= 12", score: "weight"}, {when: "actual < 12", score: "max(0, weight - max(0, 12 - actual) * 1)"}}},
		{"每超过1天扣1分", "≤5天得满分，每超过1天扣1分，扣完为止", num,
			[]wantTier{{when: "actual <= 5", score: "weight"}, {when: "actual > 5", score: "max(0, weight - max(0, actual - 5) * 1)"}}},
		{"每降低 with no bound before it counts from the target", "每降低1个百分点扣2分", pct,
			[]wantTier{{when: "actual < 95", score: "max(0, weight - max(0, target - actual) * 2)"}}},
		{"每少1人扣0.5分", "达到100人得10分，每少1人扣0.5分", num,
			[]wantTier{{when: "actual >= 100", score: "10"}, {when: "actual < 100", score: "max(0, weight - max(0, 100 - actual) * 0.5)"}}},
		{"qualitative bands with scores", "达成年度指标得10分；部分达成得6分；未达成不得分", CriterionContext{Weight: 10, Text: true},
			[]wantTier{{when: "text startsWith '达成'", score: "10"}, {when: "text startsWith '部分达成'", score: "6"}, {when: "text startsWith '未达成'", score: "0"}}},
		{"qualitative bands as shares of the weight", "好：得分值的80%-100%；较好：得分值的60%-80%；一般：得分值的60%以下", CriterionContext{Weight: 10, Text: true},
			[]wantTier{{when: "text == '好'", min: 8, max: 10}, {when: "text startsWith '较好'", min: 6, max: 8}, {when: "text startsWith '一般'", min: 0, max: 6}}},
		{"numbering and line breaks", "1. ≥95%得10分\n2. 90%≤x<95%得8分\n（3）x<90%不得分", pct,
			[]wantTier{{when: "actual >= 95", score: "10"}, {when: "actual >= 90 && actual < 95", score: "8"}, {when: "actual < 90", score: "0"}}},
		{"circled numbering", "①≥95%得10分；②<95%不得分", pct, []wantTier{{when: "actual >= 95", score: "10"}, {when: "actual < 95", score: "0"}}},
		{"或", "x<60%或x>120%不得分；其他得10分", pct, []wantTier{{when: "actual < 60 || actual > 120", score: "0"}, {when: "true", score: "10"}}},
		{"TeX from PDF extraction", `参保人数 \geq 217100 得 10 分, 217100 $>$ 参保人数 \geq 216500 人得 5 分`, num,
			[]wantTier{{when: "actual >= 217100", score: "10"}, {when: "actual >= 216500 && actual < 217100", score: "5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tiers, unparsed := ReadCriterion(tt.text, tt.ctx)
			assert.Empty(t, unparsed)
			assert.Equal(t, tt.want, tiersOf(tiers))
		})
	}
}

func TestReadCriterionUnparsed(t *testing.T) {
	text := "参保率≥99%得10分；具体由评审组酌情确定。"
	tiers, unparsed := ReadCriterion(text, pctCtx(10, 99))
	assert.Equal(t, []wantTier{{when: "actual >= 99", score: "10"}}, tiersOf(tiers))
	if assert.Len(t, unparsed, 1) {
		assert.Equal(t, "具体由评审组酌情确定", unparsed[0].Source)
		assert.Equal(t, Span{Start: 12, End: 22}, unparsed[0].Span)
		assert.Equal(t, "具体由评审组酌情确定", string([]rune(text)[12:22]))
	}
	// Growth over last year is not a completion rate: the whole criterion is left unread
	// rather than scored on the growth figure alone.
	tiers, unparsed = ReadCriterion("较上年增长5%及以上得10分，增长不足5%得5分，未增长不得分", pctCtx(10, 5))
	assert.Empty(t, tiers)
	if assert.Len(t, unparsed, 1) {
		assert.Equal(t, "compares with last year", unparsed[0].Reason)
		assert.Equal(t, Span{Start: 0, End: 31}, unparsed[0].Span)
	}
	// A part that speaks of a per-unit deduction the reader cannot follow is not read as a
	// plain condition.
	tiers, unparsed = ReadCriterion("按时报送得10分；每季度未报送扣2.5分", pctCtx(10, 100))
	for _, tr := range tiers {
		assert.NotContains(t, tr.Source, "每季度")
	}
	assert.NotEmpty(t, unparsed)
	// Delays, events and several quantities at once are not conditions on the actual value.
	for _, text := range []string{"延期1个月以内得5分", "未发生安全事故得满分", "到位率和执行率均达到90%得10分"} {
		tiers, unparsed = ReadCriterion(text, pctCtx(10, 100))
		assert.Empty(t, tiers, text)
		assert.Len(t, unparsed, 1, text)
	}
	tiers, unparsed = ReadCriterion("这不是评分标准", pctCtx(10, 99))
	assert.Empty(t, tiers)
	assert.Equal(t, []Unparsed{{Span: Span{0, 7}, Source: "这不是评分标准", Reason: "no score in this part"}}, unparsed)
}

func TestReadCriterionSpans(t *testing.T) {
	text := "参保率≥99.22% 得 20 分, 99.22% > 参保率≥98.5% 得 18 分"
	tiers, _ := ReadCriterion(text, pctCtx(20, 99.6))
	if assert.Len(t, tiers, 2) {
		assert.Equal(t, "参保率≥99.22% 得 20 分", tiers[0].Source)
		assert.Equal(t, "99.22% > 参保率≥98.5% 得 18 分", tiers[1].Source)
		assert.Equal(t, tiers[1].Source, string([]rune(text)[tiers[1].Span.Start:tiers[1].Span.End]))
	}
}

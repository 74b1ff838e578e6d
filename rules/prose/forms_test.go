package prose_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/prose"
)

// probe is an actual value and the score the criterion gives there: a number, a
// discretionary range (rng), or unscored (none).
type probe struct {
	actual any // float64, or a string for a text actual
	score  float64
	rng    []float64
	none   bool
}

func at(actual any, score float64) probe      { return probe{actual: actual, score: score} }
func within(actual any, lo, hi float64) probe { return probe{actual: actual, rng: []float64{lo, hi}} }
func unscored(actual any) probe               { return probe{actual: actual, none: true} }
func pct(name string, target, weight float64) ind {
	return ind{name: name, unit: "%", target: target, weight: weight}
}
func qual(name string, weight float64) ind {
	return ind{name: name, weight: weight, target: math.NaN()}
}
func count(name, unit string, target, weight float64) ind {
	return ind{name: name, unit: unit, target: target, weight: weight}
}

// ind is the indicator a criterion belongs to.
type ind struct {
	name   string
	unit   string
	target float64
	weight float64
	dir    prose.Direction
}

func (i ind) context() prose.Context {
	return prose.Context{Name: i.name, Unit: i.unit, Target: i.target, Weight: i.weight, Direction: i.dir}
}

// form is a criterion, the tiers it must read as, and probes scored through the rules
// compiler, as the engine scores them.
type form struct {
	name   string
	text   string
	ind    ind
	tiers  []string // "when → score" or "when → [lo, hi]", when given
	probes []probe
	conv   []prose.Convention // conventions some tier must name
}

// score compiles the criterion from its prose alone and scores it at actual.
func score(t *testing.T, text string, in ind, actual any) (rules.Outcome, *rules.Criterion) {
	t.Helper()
	x := &indicators.Indicator{Name: in.name, Unit: in.unit, Weight: in.weight, Criterion: text, Applicable: true}
	if !math.IsNaN(in.target) {
		x.Target = indicators.NumberValue(in.target)
	}
	switch a := actual.(type) {
	case float64:
		x.Actual = indicators.NumberValue(a)
	case int:
		x.Actual = indicators.NumberValue(float64(a))
	case string:
		x.Actual = indicators.Value{Set: true, Text: a}
	}
	p := &indicators.Project{Name: "p", Indicators: []*indicators.Indicator{x},
		Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100, Method: indicators.MethodProportional}}
	crits, err := rules.NewCompiler(rules.Limits{}).Project(p)
	require.NoError(t, err, "the tiers read from %q do not compile", text)
	env := rules.NewEnv(p, x)
	return crits[0].Eval(&env), crits[0].Criterion
}

func tierLines(r prose.Reading) []string {
	var out []string
	for _, t := range r.Tiers {
		if t.Min != nil {
			out = append(out, fmt.Sprintf("%s → [%s, %s]", t.When, num.Short(*t.Min, 6), num.Short(*t.Max, 6)))
		} else {
			out = append(out, t.When+" → "+t.Score)
		}
	}
	return out
}

func runForms(t *testing.T, forms []form) {
	t.Helper()
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			r := prose.Read(f.text, f.ind.context())
			checkReading(t, f.text, r)
			require.Empty(t, r.Unread, "%q: left unread", f.text)
			if f.tiers != nil {
				assert.Equal(t, f.tiers, tierLines(r), "the tiers read from %q", f.text)
			}
			var convs []prose.Convention
			for _, tr := range r.Tiers {
				convs = append(convs, tr.Conventions...)
			}
			for _, c := range f.conv {
				assert.Contains(t, convs, c, "%q: the convention applied", f.text)
			}
			for _, p := range f.probes {
				o, _ := score(t, f.text, f.ind, p.actual)
				at := fmt.Sprintf("%q at %v (tiers %q)", f.text, p.actual, tierLines(r))
				switch {
				case p.none:
					assert.Equal(t, rules.Unscored, o.Kind, "%s: want unscored, got %+v", at, o)
				case p.rng != nil:
					if assert.Equal(t, rules.Ranged, o.Kind, "%s: want %v", at, p.rng) {
						assert.Equal(t, p.rng, []float64{o.Min, o.Max}, at)
					}
				default:
					if assert.Equal(t, rules.Scored, o.Kind, "%s: want %v, got %+v", at, p.score, o) {
						assert.Equal(t, p.score, num.Round(o.Score, 2), at)
						assert.InDelta(t, p.score, o.Score, 1e-9, "%s: %v is not exact", at, o.Score)
					}
				}
			}
		})
	}
}

var thresholdForms = []form{
	{name: "signs, a chain and below", text: "达标率≥92%得8分；85%≤达标率＜92%得5分；达标率＜85%不得分", ind: pct("水质达标率", 92, 8),
		tiers:  []string{"actual >= 92 → 8", "actual >= 85 && actual < 92 → 5", "actual < 85 → 0"},
		probes: []probe{at(92.0, 8), at(91.99, 5), at(85.0, 5), at(84.9, 0)}},
	{name: "words: 不低于, 但, 低于; 计N分", text: "合格率不低于97%的计6分，不低于90%但低于97%的计3分，低于90%的不计分", ind: pct("合格率", 97, 6),
		probes: []probe{at(97.0, 6), at(96.5, 3), at(90.0, 3), at(89.0, 0)}},
	{name: "a chain written from the top, with units", text: "完成面积≥3.5万亩得10分，3.5万亩＞完成面积≥3万亩得6分，完成面积<3万亩不得分", ind: count("造林面积", "亩", 35000, 10),
		tiers:  []string{"actual >= 35000 → 10", "actual >= 30000 && actual < 35000 → 6", "actual < 30000 → 0"},
		probes: []probe{at(35000.0, 10), at(34999.0, 6), at(29999.0, 0)}},
	{name: "万 kept when the unit has it", text: "完成面积≥3.5万亩得10分，完成面积<3.5万亩不得分", ind: count("造林面积", "万亩", 3.5, 10),
		tiers: []string{"actual >= 3.5 → 10", "actual < 3.5 → 0"}},
	{name: "full-width forms and traditional characters", text: "覆蓋率≧９０％得１０分；覆蓋率＜９０％不得分", ind: pct("覆盖率", 90, 10),
		tiers: []string{"actual >= 90 → 10", "actual < 90 → 0"}},
	{name: "blanks and line breaks inside numbers and words", text: "合格率达到9\n5%得 5 分，每降低1 个百\n分点扣0. 5分",
		ind: pct("合格率", 95, 5), tiers: []string{"actual >= 95 → 5", "actual < 95 → max(0, 5 - 0.5 * (95 - actual))"}},
	{name: "TeX and box-drawing operators", text: `完成率 \geq 95\% 得 10 分；完成率 $<$ 95\% 且 ═ 不计`, ind: pct("完成率", 95, 10)},
	{name: "以上 includes its number; the (含) of the next tier takes 70", text: "知晓率85%以上得6分，70%（含）至85%得3分，70%以下不得分", ind: pct("知晓率", 85, 6),
		tiers:  []string{"actual >= 85 → 6", "actual >= 70 && actual < 85 → 3", "actual < 70 → 0"},
		probes: []probe{at(85.0, 6), at(70.0, 3), at(69.9, 0)},
		conv:   []prose.Convention{prose.ConvInclusiveWords, prose.ConvExplicitWins, prose.ConvOneEndMarked}},
	{name: "an explicit (含) claims its point from a 以下 listed before it", text: "知晓率70%以下不得分，70%（含）至85%得3分，85%（含）以上得6分", ind: pct("知晓率", 85, 6),
		tiers:  []string{"actual < 70 → 0", "actual >= 70 && actual < 85 → 3", "actual >= 85 → 6"},
		probes: []probe{at(70.0, 3), at(69.99, 0), at(85.0, 6)}},
	{name: "a bare range shares its ends with the tiers around it", text: "办结天数3天以内（含）得5分，3-6天得3分，6天以上不得分", ind: count("平均办结天数", "天", 3, 5),
		tiers:  []string{"actual <= 3 → 5", "actual > 3 && actual <= 6 → 3", "actual > 6 → 0"},
		probes: []probe{at(3.0, 5), at(3.5, 3), at(6.0, 3), at(6.5, 0)},
		conv:   []prose.Convention{prose.ConvBareRange, prose.ConvSharedEnd}},
	{name: "未达到 after tiers that reach down to one bound", text: "完成率≥95%得10分，90%-95%得8分，未达到的不得分", ind: pct("完成率", 100, 10),
		tiers: []string{"actual >= 95 → 10", "actual >= 90 && actual < 95 → 8", "actual < 90 → 0"}},
	{name: "为 and 其余", text: "差错率为0得4分，其余不得分", ind: pct("差错率", 0, 4),
		tiers: []string{"actual == 0 → 4", "true → 0"}, probes: []probe{at(0.0, 4), at(1.0, 0)}},
	{name: "或", text: "完成率<60%或完成率>120%不得分；其他得6分", ind: pct("完成率", 100, 6),
		tiers: []string{"actual < 60 || actual > 120 → 0", "true → 6"}},
	{name: "a bare value means reaching it", text: "执行率100%得10分；执行率在90-100%之间得7分；执行率低于90%不得分", ind: pct("执行率", 100, 10),
		tiers:  []string{"actual >= 100 → 10", "actual >= 90 && actual < 100 → 7", "actual < 90 → 0"},
		probes: []probe{at(100.0, 10), at(99.99, 7), at(90.0, 7)}, conv: []prose.Convention{prose.ConvBareValue, prose.ConvSharedEnd}},
	{name: "百分之九十五 and 达到或超过", text: "完成率达到或超过百分之九十五得满分，否则不得分", ind: pct("完成率", 95, 5),
		tiers: []string{"actual >= 95 → weight", "true → 0"}},
	{name: "a share of the weight as the score", text: "满意度≥90%得10分，80%-90%得80%分值，满意度80%（含）以下得该项分值的50%", ind: pct("满意度", 90, 10),
		tiers: []string{"actual >= 90 → 10", "actual > 80 && actual < 90 → 8", "actual <= 80 → 5"}},
	{name: "a percentage of a count is a share of its target", text: "参训人数不少于总人数的30%得满分，否则不得分", ind: count("参训人数", "人", 1000, 5),
		tiers: []string{"rate >= 0.3 → weight", "true → 0"}, probes: []probe{at(300.0, 5), at(299.0, 0)},
		conv: []prose.Convention{prose.ConvPercentRate}},
	{name: "the one unit of a text whose indicator has none", text: "达到 12 期得 5 分, 未达到 不得分", ind: ind{target: 12, weight: 5},
		tiers: []string{"actual >= 12 → 5", "actual < 12 → 0"}},
}

func TestThresholds(t *testing.T) { runForms(t, thresholdForms) }

var deductionForms = []form{
	{name: "per point from the bound before it, floored", text: "合格率达到98%得满分，每降低1个百分点扣0.5分，扣完为止", ind: pct("合格率", 98, 5),
		tiers:  []string{"actual >= 98 → weight", "actual < 98 → max(0, weight - 0.5 * (98 - actual))"},
		probes: []probe{at(98.0, 5), at(97.0, 4.5), at(96.5, 4.25), at(88.0, 0), at(80.0, 0)}},
	{name: "from the target, with full marks implied and no floor written", text: "每少1人扣0.3分", ind: count("培训人数", "人", 50, 6),
		probes: []probe{at(55.0, 6), at(50.0, 6), at(49.0, 5.7), at(40.0, 3), at(30.0, 0)},
		conv:   []prose.Convention{prose.ConvFromTarget, prose.ConvFullImplied, prose.ConvNoFloor}},
	{name: "whole steps of 4 points", text: "完成率达到100%得满分；每低于4%扣1分", ind: pct("完成率", 100, 5),
		probes: []probe{at(97.0, 5), at(96.0, 4), at(92.0, 3), at(80.0, 0), at(70.0, 0)}},
	{name: "whole steps survive float noise (100 − 99.4 is 0.5999999999999943)", text: "及时率达到100%得满分，每低于0.3个百分点扣1分，扣完为止", ind: pct("及时率", 100, 10),
		probes: []probe{at(99.4, 8), at(99.5, 9), at(99.7, 9), at(99.1, 7)}},
	{name: "whole steps of a share of the target", text: "参训人次达到目标值得10分，每低于目标值3%扣2分，扣完为止", ind: count("参训人次", "人次", 3000, 10),
		tiers:  []string{"rate >= 1 → 10", "rate < 1 → max(0, 10 - 2 * floor((target - actual) * 100 / target / 3 + 1e-9))"},
		probes: []probe{at(3000.0, 10), at(2911.0, 10), at(2910.0, 8), at(2700.0, 4), at(2500.0, 0)}},
	{name: "either side of the plan, in whole steps", text: "年度处理量与计划相比，每相差10%扣3分，扣完为止", ind: count("污泥处理量", "吨", 800, 9),
		probes: []probe{at(800.0, 9), at(850.0, 9), at(880.0, 6), at(720.0, 6), at(640.0, 3), at(560.0, 0)}},
	{name: "from the clause's own bound, above a lower-is-better target", text: "差旅费变动率≤0得5分；变动率>0的，每增加1个百分点扣0.5分，扣完为止", ind: pct("差旅费变动率", 0, 5),
		tiers:  []string{"actual <= 0 → 5", "actual > 0 → max(0, 5 - 0.5 * actual)"},
		probes: []probe{at(-3.0, 5), at(0.0, 5), at(2.0, 4), at(10.0, 0)}},
	{name: "扣满N分为止 floors at the weight less N", text: "开工率达到100%得10分，每降低1个百分点扣2分，扣满8分为止", ind: pct("开工率", 100, 10),
		probes: []probe{at(98.0, 6), at(95.0, 2), at(50.0, 2)}},
	{name: "最低为零分", text: "覆盖率100%得4分，每下降1个百分点扣1分，最低为零分", ind: pct("覆盖率", 100, 4),
		probes: []probe{at(99.0, 3), at(90.0, 0)}},
	{name: "个百分点 of a count's completion rate", text: "完成率达到100%得满分，每降低1个百分点扣1分", ind: count("改造户数", "户", 200, 10),
		probes: []probe{at(200.0, 10), at(190.0, 5), at(199.0, 9.5)}},
	{name: "少1期扣1分 without 每", text: "全年完成培训12期得满分，少1期扣1分", ind: count("培训期数", "期", 12, 6),
		probes: []probe{at(12.0, 6), at(11.0, 5)}},
	{name: "扣分不超过该项分值 floors at 0", text: "每少一户扣0.5分，扣分不超过该项分值", ind: count("改造户数", "户", 200, 10),
		tiers: []string{"actual >= 200 → weight", "actual < 200 → max(0, weight - 0.5 * (200 - actual))"}, probes: []probe{at(170.0, 0)}},
	{name: "a requirement, then a deduction below it", text: "全年开展宣讲活动10场，每少1场扣0.5分，扣满4分为止", ind: count("宣讲活动", "场", 10, 4),
		tiers:  []string{"actual >= 10 → weight", "actual < 10 → weight - min(4, 0.5 * (10 - actual))"},
		probes: []probe{at(10.0, 4), at(9.0, 3.5), at(2.0, 0)}},
	{name: "a stated standard is where a deduction counts from", text: "以95%为基准。每低1个百分点扣0.5分", ind: pct("完成率", 100, 10),
		probes: []probe{at(100.0, 10), at(95.0, 10), at(94.0, 9.5)}},
}

func TestDeductions(t *testing.T) { runForms(t, deductionForms) }

var formulaForms = []form{
	{name: "a completion-rate indicator: its rate is actual / 100, capped at the weight", text: "得分=完成率×分值", ind: pct("计划完成率", 100, 10),
		tiers: []string{"true → min(weight, weight * actual / 100)"}, probes: []probe{at(100.0, 10), at(87.5, 8.75), at(110.0, 10)},
		conv: []prose.Convention{prose.ConvFormulaCap}},
	{name: "actual over plan, capped at 100%", text: "得分=实际完成数÷计划数×分值（超过100%的按100%计）", ind: count("危房改造户数", "户", 400, 8),
		tiers: []string{"true → weight * min(actual, target) / target"}, probes: []probe{at(400.0, 8), at(300.0, 6), at(500.0, 8)}},
	{name: "按完成比例计分, capped as written", text: "按完成比例计分，最高不超过分值", ind: count("普法活动", "场次", 20, 5),
		probes: []probe{at(15.0, 3.75), at(25.0, 5)}},
	{name: "a threshold, then a formula", text: "完成率低于50%的不得分；50%及以上的，得分=完成率×分值", ind: pct("任务完成率", 100, 10),
		probes: []probe{at(49.0, 0), at(50.0, 5), at(80.0, 8)}},
	{name: "an OCR 二 for =", text: "得分二完成率×分值", ind: pct("计划完成率", 100, 10),
		probes: []probe{at(90.0, 9)}},
	{name: "a formula without 得分=", text: "实际完成量/计划量×该项分值", ind: count("培训人数", "人", 500, 10),
		probes: []probe{at(450.0, 9), at(600.0, 10)}},
	{name: "a bracket that groups the ratio", text: "得分=（实际完成值/目标值）×分值", ind: pct("满意度", 95, 10),
		tiers: []string{"true → min(weight, weight * actual / target)"}, probes: []probe{at(76.0, 8), at(99.0, 10)}},
	{name: "a definition before the scores", text: "完成率=实际完成数/计划数×100%，完成率100%得满分，每低1个百分点扣1分", ind: count("改造户数", "户", 200, 10),
		tiers: []string{"rate >= 1 → weight", "rate < 1 → max(0, weight - (target - actual) * 100 / target)"}, probes: []probe{at(190.0, 5)}},
	{name: "full marks at the target, the ratio below it", text: "完成率达到100%得满分；未达到的，得分=完成率×分值", ind: count("厂房面积", "平方米", 20000, 10),
		tiers: []string{"rate >= 1 → weight", "rate < 1 → weight * actual / target"}, probes: []probe{at(19000.0, 9.5)}},
}

func TestFormulas(t *testing.T) { runForms(t, formulaForms) }

var allOrNothingForms = []form{
	{name: "完成计划 and its complement", text: "完成年度计划的得满分，未完成的不得分", ind: count("新建站点", "个", 5, 4),
		tiers: []string{"rate >= 1 → weight", "rate < 1 → 0"}, probes: []probe{at(5.0, 4), at(6.0, 4), at(4.0, 0)}},
	{name: "the plan is the target: full marks implied", text: "未完成计划任务的，该项扣4分", ind: count("规划编制", "项", 3, 4),
		probes: []probe{at(3.0, 4), at(2.0, 0)}, conv: []prose.Convention{prose.ConvFullImplied}},
	{name: "one failure is not all", text: "全部按时发放得5分；发现1户未按时发放的，该项不得分", ind: pct("按时发放率", 100, 5),
		tiers: []string{"actual >= 100 → 5", "actual < 100 → 0"}, probes: []probe{at(100.0, 5), at(99.9, 0)}},
	{name: "one failure of a count of failures", text: "违规人数为0得3分；有1人违规的不得分", ind: count("违规人数", "人", 0, 3),
		probes: []probe{at(0.0, 3), at(1.0, 0), at(4.0, 0)}},
	{name: "the indicator counts the events itself", text: "未发生安全生产事故得5分，发生1起及以上不得分", ind: count("安全生产事故起数", "起", 0, 5),
		probes: []probe{at(0.0, 5), at(1.0, 0)}},
}

func TestAllOrNothing(t *testing.T) { runForms(t, allOrNothingForms) }

var deviationForms = []form{
	{name: "bands on the rate, exact where |721/700 − 1| × 100 is 3.0000000000000027", text: "实际值与目标值偏差在±3%（含）以内得满分，±3%至±6%（含）得4分，偏差超过±6%不得分",
		ind: count("供气量", "吨", 700, 8),
		tiers: []string{"rate >= 0.97 && rate <= 1.03 → weight", "rate >= 0.94 && rate < 0.97 || rate > 1.03 && rate <= 1.06 → 4",
			"rate < 0.94 || rate > 1.06 → 0"},
		probes: []probe{at(721.0, 8), at(679.0, 8), at(742.0, 4), at(658.0, 4), at(742.7, 0), at(657.0, 0)}},
	{name: "上下浮动 with (含N%)", text: "出栏量上下浮动10%以内（含10%）得6分，超过10%不得分", ind: count("出栏量", "万头", 50, 6),
		probes: []probe{at(55.0, 6), at(45.0, 6), at(55.5, 0)}},
	{name: "percentage points of an indicator in %", text: "与目标值偏差±2个百分点以内（含）得5分，否则不得分", ind: pct("执行率", 95, 5),
		probes: []probe{at(97.0, 5), at(93.0, 5), at(97.1, 0)}, conv: []prose.Convention{prose.ConvPercentActual}},
	{name: "a deviation the text defines", text: "偏离度=|实际值-目标值|/目标值×100%。偏离度≤5%得4分；偏离度>5%不得分", ind: count("监测样本", "个", 200, 4),
		probes: []probe{at(210.0, 4), at(190.0, 4), at(211.0, 0)}},
}

func TestDeviation(t *testing.T) { runForms(t, deviationForms) }

var scoreFirstForms = []form{
	{name: "N分：condition", text: "6分：完成率达到100%；3分：完成率80%（含）-100%；0分：完成率低于80%", ind: pct("完成率", 100, 6),
		probes: []probe{at(100.0, 6), at(80.0, 3), at(79.9, 0)}},
	{name: "【N分】 and line breaks", text: "【4分】合格率≥96%\n【2分】90%≤合格率<96%\n【0分】合格率<90%", ind: pct("合格率", 96, 4),
		tiers: []string{"actual >= 96 → 4", "actual >= 90 && actual < 96 → 2", "actual < 90 → 0"}},
	{name: "A档（N分）", text: "A档（8分）：完成率≥95%；B档（4分）：完成率<95%", ind: pct("完成率", 95, 8),
		tiers: []string{"actual >= 95 → 8", "actual < 95 → 4"}},
	{name: "score ranges first", text: "5—6分：满意度90%以上；\n0—4分：满意度90%以下", ind: pct("满意度", 90, 6),
		probes: []probe{within(90.0, 5, 6), within(89.0, 0, 4)}},
	{name: "N分——condition", text: "6分——新增30户及以上；3分——新增20～29户；0分——新增不足20户", ind: count("新增户数", "户", 30, 6),
		probes: []probe{at(30.0, 6), at(25.0, 3), at(19.0, 0)}},
}

func TestScoreFirst(t *testing.T) { runForms(t, scoreFirstForms) }

var bonusForms = []form{
	{name: "a base with a capped bonus above and a deduction below", text: "完成目标任务得15分，每超过1个百分点加0.5分，最多加5分；每低于1个百分点扣1分，扣完为止",
		ind: count("新增市场主体", "户", 1000, 20),
		tiers: []string{"rate == 1 → 15", "rate > 1 → 15 + min(5, 0.5 * (actual - target) * 100 / target)",
			"rate < 1 → max(0, 15 - (target - actual) * 100 / target)"},
		probes: []probe{at(1000.0, 15), at(1040.0, 17), at(1100.0, 20), at(1200.0, 20), at(990.0, 14), at(800.0, 0)}},
	{name: "加满N分为止 caps the score", text: "满意度达到85%得6分，每提高1个百分点加0.2分，加满8分为止；每降低1个百分点扣0.3分，扣完为止", ind: pct("满意度", 85, 8),
		probes: []probe{at(85.0, 6), at(90.0, 7), at(100.0, 8), at(80.0, 4.5)}},
	{name: "lower is better: 缩短 earns, 延长 costs", text: "平均处置时间20分钟得6分，每缩短1分钟加0.5分，最多加2分；每延长1分钟扣1分，扣完为止", ind: count("平均处置时间", "分钟", 20, 8),
		probes: []probe{at(20.0, 6), at(18.0, 7), at(10.0, 8), at(25.0, 1), at(30.0, 0)}},
	{name: "whole-step bonus", text: "完成计划得10分，每超额完成10%加1分，最高加2分", ind: count("培训人数", "人", 500, 12),
		probes: []probe{at(500.0, 10), at(549.0, 10), at(550.0, 11), at(700.0, 12)}},
	{name: "最多加减 caps both", text: "完成年度计划得20分，每超出1个百分点加0.5分，每不足1个百分点减0.5分，最多加减4分", ind: count("到位资金", "亿元", 40, 24),
		probes: []probe{at(44.0, 24), at(41.0, 21.25), at(40.0, 20), at(39.0, 18.75), at(36.0, 16), at(20.0, 16)}},
}

func TestBonusPenalty(t *testing.T) { runForms(t, bonusForms) }

var discretionaryForms = []form{
	{name: "all done, partly done in a range, not started", text: "全部完成得10分；未全部完成的，按完成情况得5~8分；未开展的不得分", ind: count("建设项目", "个", 10, 10),
		tiers:  []string{"rate >= 1 → 10", "rate > 0 && rate < 1 → [5, 8]", "rate <= 0 → 0"},
		probes: []probe{at(10.0, 10), within(9.0, 5, 8), within(1.0, 5, 8), at(0.0, 0)}},
	{name: "grades: the longer grade wins, a grade not named is unscored", text: "好：8分；较好：6分；一般：3分；差：0分", ind: qual("档案规范性", 8),
		probes: []probe{at("好", 8), at("较好", 6), at("較好", 6), at("一般", 3), at("差", 0), unscored("较差")}},
	{name: "grades as shares of the weight", text: "达成年度指标的，得分值的80%-100%；部分达成的，得分值的60%-80%；未达成的，得分值的60%以下", ind: qual("社会效益", 5),
		probes: []probe{within("达成", 4, 5), within("部分达成", 3, 4), within("未达成", 0, 3)}},
	{name: "酌情 with a range", text: "合格率≥95%得9-10分；合格率<95%酌情得0-8分", ind: pct("合格率", 95, 10),
		probes: []probe{within(96.0, 9, 10), within(90.0, 0, 8)}},
	{name: "已建立 is 建立, 未建立 is not", text: "建立制度得5分，未建立不得分", ind: qual("制度建设", 5),
		probes: []probe{at("已建立", 5), at("建立", 5), at("未建立", 0)}},
	{name: "a grade under a negation is not the grade", text: "好：5分；较好：4分；一般：2分；差：0分", ind: qual("服务质量", 5),
		probes: []probe{at("好", 5), at("很好", 5), at("非常好", 5), at("较好", 4), unscored("不好"), unscored("不太好"), unscored("不够好"),
			unscored("不是很好"), unscored("并不好"), unscored("不较好"), unscored("不一般"), unscored("不差")}},
	{name: "a negated band falls to the band that names the negation", text: "建立机制得10分，没建立不得分", ind: qual("制度建设", 10),
		probes: []probe{at("已建立机制", 10), at("没建立机制", 0), at("没建立", 0), unscored("未能建立机制")}},
	{name: "达成 under 未能, 没有", text: "达成：10分；部分达成：6分；未达成：0分", ind: qual("社会效益", 10),
		probes: []probe{at("达成", 10), at("部分达成", 6), at("未达成", 0), unscored("未能达成"), unscored("没有达成")}},
	{name: "a band with the indicator's subject: 验收合格 is 合格", text: "验收合格得10分，基本合格得6分，不合格不得分。", ind: qual("验收", 10),
		probes: []probe{at("合格", 10), at("验收合格", 10), at("基本合格", 6), at("不合格", 0), at("验收不合格", 0), unscored("优秀")}},
	{name: "a subject word beside no grade word: 验收通过 of 验收 is 通过", text: "验收通过得10分，基本通过得6分，未通过不得分", ind: qual("验收", 10),
		probes: []probe{at("通过", 10), at("验收通过", 10), at("基本通过", 6), at("未通过", 0), at("验收未通过", 0)}},
	{name: "不满意 is a band, not 不满 (less than)", text: "满意得10分，基本满意得6分，不满意不得分。", ind: qual("评价", 10),
		tiers: []string{
			"(text contains '满意' || text contains '滿意') && !(text contains '基本满意') && !(text contains '基本滿意') && !(text contains '不满意') && !(text contains '不滿意') && !(text matches '(不|未|没有|没|沒有|沒|非|无|無|尚未|仍未|并未|並未|从未|從未)(太|很|够|夠|大|算|甚|怎么|怎麼|是很|是太|是|能|能够|能夠|曾|完全|十分)?(满意|滿意)') → 10",
			"(text contains '基本满意' || text contains '基本滿意') && !(text matches '(不|未|没有|没|沒有|沒|非|无|無|尚未|仍未|并未|並未|从未|從未)(太|很|够|夠|大|算|甚|怎么|怎麼|是很|是太|是|能|能够|能夠|曾|完全|十分)?(基本满意|基本滿意)') → 6",
			"text contains '不满意' || text contains '不滿意' → 0"},
		probes: []probe{at("满意", 10), at("基本满意", 6), at("不满意", 0), unscored("合格")}},
	{name: "high end first: 6分到0分", text: "到位率不足50%(6分到0分)", ind: pct("到位率", 100, 14),
		probes: []probe{within(40.0, 0, 6)}},
}

func TestDiscretionaryAndGrades(t *testing.T) { runForms(t, discretionaryForms) }

var noiseForms = []form{
	{name: "a checking note", text: "查阅相关资料。合格率≥95%得5分，<95%不得分", ind: pct("合格率", 95, 5),
		tiers: []string{"actual >= 95 → 5", "actual < 95 → 0"}},
	{name: "根据…评分，如", text: "根据抽查结果评分，如合格率≥95%得5分，合格率<95%不得分", ind: pct("合格率", 95, 5),
		tiers: []string{"actual >= 95 → 5", "actual < 95 → 0"}},
	{name: "a document and its number", text: "依据《资金管理办法》（某财〔2023〕15号）要求，公开率100%得3分，低于100%不得分", ind: pct("公开率", 100, 3),
		tiers: []string{"actual >= 100 → 3", "actual < 100 → 0"}},
	{name: "a definition and a heading", text: "指标说明：及时率=按时办结数/办结总数×100%。\n评分标准：及时率≥98%得4分，及时率<98%不得分", ind: pct("办结及时率", 98, 4),
		tiers: []string{"actual >= 98 → 4", "actual < 98 → 0"}},
	{name: "a year, a quarter and a data source", text: "2023年度新增就业500人以上得6分，不足500人得2分（数据来源：第3季度统计报表）", ind: count("2023年度新增就业人数", "人", 500, 6),
		tiers: []string{"actual >= 500 → 6", "actual < 500 → 2"}},
	{name: "digits in the indicator's name", text: "12315投诉处理率≥95%得5分，<95%不得分", ind: pct("12315投诉处理率", 95, 5),
		tiers: []string{"actual >= 95 → 5", "actual < 95 → 0"}},
	{name: "a rule for units it does not apply to", text: "没有公务接待支出的单位按满分计算。接待费变动率≤0得4分，>0不得分", ind: pct("接待费变动率", 0, 4),
		tiers: []string{"actual <= 0 → 4", "actual > 0 → 0"}},
	{name: "the weight stated", text: "满分5分，合格率≥95%得满分，否则不得分", ind: pct("合格率", 95, 5),
		tiers: []string{"actual >= 95 → weight", "true → 0"}},
	{name: "a list numbered 一、二、 (二 is no =)", text: "一、满意度达到90%得8分；\n二、每降低1个百分点扣0.4分，扣完为止。", ind: pct("满意度", 90, 8),
		tiers: []string{"actual >= 90 → 8", "actual < 90 → max(0, 8 - 0.4 * (90 - actual))"}},
}

func TestNoise(t *testing.T) { runForms(t, noiseForms) }

// unreadForms are left unread, each with its reason; what else they hold may be read.
var unreadForms = []struct {
	name string
	text string
	ind  ind
	why  prose.Reason
}{
	{"last year", "较上年提高2个百分点以上得满分", pct("完成率", 100, 5), prose.LastYear},
	{"a deadline", "6月底前完成得满分", pct("完成率", 100, 5), prose.Date},
	{"a date", "于9月30日完成全部任务得满分", pct("完成率", 100, 5), prose.Date},
	{"days of delay", "资金下达后30日内拨付得5分", pct("拨付及时率", 100, 5), prose.Date},
	{"a ranking", "全市排名前三得满分", pct("完成率", 100, 5), prose.Rank},
	{"two quantities with 均", "完成率和满意度均达到90%得满分", pct("完成率", 100, 5), prose.SeveralQuantities},
	{"two quantities with 且", "人数达到200人且合格率不低于90%的得满分", count("培训人数", "人", 200, 5), prose.SeveralQuantities},
	{"events the indicator does not count", "每发生一起质量事故扣1分", pct("工程合格率", 100, 5), prose.Events},
	{"problems found", "发现2处问题的不得分", pct("整改完成率", 100, 5), prose.Events},
	{"酌情扣分 without a range", "按完成情况酌情扣分", pct("完成率", 100, 5), prose.NoRange},
	{"a tier the tiers before it cover", "完成率≥80%得6分；完成率≥90%得10分", pct("完成率", 100, 10), prose.Ambiguous},
	{"a point marked (含) twice", "完成率80%（含）以上得6分，80%（含）以下得3分", pct("完成率", 100, 6), prose.Ambiguous},
	{"a deduction after a range: from which end?", "90%-100%得10分，每降低1个百分点扣1分", pct("完成率", 100, 10), prose.Ambiguous},
	{"a negation it does not know before a bare number", "完成率不及95%不得分", pct("完成率", 100, 10), prose.Condition},
	{"a share of the plan, or points?", "低于计划的80%不得分", pct("完成率", 90, 5), prose.Ambiguous},
	{"a bare number beside a description", "基本完成80%得6分", pct("完成率", 100, 6), prose.BareNumber},
	{"a deviation without a target", "偏差在±5%以内得满分", ind{unit: "%", target: math.NaN(), weight: 5}, prose.NoTarget},
	{"a formula on other quantities", "得分=评审得分/总分×100", pct("完成率", 100, 5), prose.OtherQuantity},
	{"another rate in a formula", "得分=到位率×分值", pct("满意度", 100, 5), prose.OtherQuantity},
	{"no score", "由评审组研究确定", pct("完成率", 100, 5), prose.NoScore},
	{"growth needs a base", "增长10%以上得满分", count("接待游客", "人次", 10000, 5), prose.OtherQuantity},
	{"otherwise after a part not read", "全市排名前三得满分，其余不得分", pct("完成率", 100, 5), prose.Rank},
}

func TestLeftUnread(t *testing.T) {
	for _, u := range unreadForms {
		t.Run(u.name, func(t *testing.T) {
			r := prose.Read(u.text, u.ind.context())
			checkReading(t, u.text, r)
			var why []prose.Reason
			for _, x := range r.Unread {
				why = append(why, x.Reason)
			}
			assert.Contains(t, why, u.why, "%q: read as %q, unread %+v", u.text, tierLines(r), r.Unread)
			assert.False(t, r.Whole(), "%q must not be read whole", u.text)
		})
	}
	// 其余 after a part not read depends on it.
	r := prose.Read("全市排名前三得满分，其余不得分", pct("完成率", 100, 5).context())
	assert.Empty(t, r.Tiers)
	if assert.Len(t, r.Unread, 2) {
		assert.Equal(t, prose.Depends, r.Unread[1].Reason)
	}
}

// A partly read criterion keeps what it reads: the first tier of "按计划完成得满分，…酌情扣分",
// and reports the rest, which scores nothing.
func TestPartlyRead(t *testing.T) {
	text := "按计划完成得满分，未按计划完成的视情况酌情扣分。"
	r := prose.Read(text, pct("年度计划完成率", 100, 10).context())
	assert.Equal(t, []string{"actual >= 100 → weight"}, tierLines(r))
	require.Len(t, r.Unread, 1)
	assert.Equal(t, "未按计划完成的视情况酌情扣分", r.Unread[0].Source)
	assert.Equal(t, prose.NoRange, r.Unread[0].Reason)
	assert.Equal(t, prose.Span{Start: 9, End: 23}, r.Unread[0].Span)
}

// Every rune of every criterion here ends in a used, filler or unread part, and the parts
// name what they are.
func TestEveryRuneIsPlaced(t *testing.T) {
	var texts []string
	var ctxs []prose.Context
	for _, fs := range [][]form{thresholdForms, deductionForms, formulaForms, allOrNothingForms, deviationForms, scoreFirstForms, bonusForms, discretionaryForms, noiseForms} {
		for _, f := range fs {
			texts, ctxs = append(texts, f.text), append(ctxs, f.ind.context())
		}
	}
	for _, u := range unreadForms {
		texts, ctxs = append(texts, u.text), append(ctxs, u.ind.context())
	}
	for i, text := range texts {
		r := prose.Read(text, ctxs[i])
		checkReading(t, text, r)
		runes := []rune(text)
		for _, p := range r.Parts {
			s := string(runes[p.Span.Start:p.Span.End])
			switch p.Kind {
			case prose.Used:
				tr := r.Tiers[p.Tier]
				assert.True(t, tr.Span.Start <= p.Span.Start && p.Span.End <= tr.Span.End, "%q: used part %q lies outside its tier's span %v", text, s, tr.Span)
			case prose.Filler:
				assert.NotEmpty(t, p.What, "%q: filler %q names no kind", text, s)
				if p.What == "separator" {
					assert.Empty(t, strings.Trim(s, " \t\n\r，,；;。：:、　—"), "%q: a separator part holds %q", text, s)
				}
			case prose.Left:
				assert.NotEmpty(t, p.What, "%q: unread part %q names no reason", text, s)
			}
		}
	}
}

// A rate that is not the indicator's is not read as the share of its target.
func TestForeignRate(t *testing.T) {
	r := prose.Read("培训人数达到200人得5分，考核合格率≥95%得5分", count("培训人数", "人", 200, 10).context())
	assert.Equal(t, []string{"actual >= 200 → 5"}, tierLines(r))
	if assert.Len(t, r.Unread, 1) {
		assert.Equal(t, prose.OtherQuantity, r.Unread[0].Reason)
		assert.Equal(t, "考核合格率", r.Unread[0].Detail.String(i18n.Zh))
	}
	// The completion rate of the indicator, and a rate of its own name, are its.
	for _, text := range []string{"资金到位率达到100%得满分，否则不得分", "完成率达到100%得满分，否则不得分"} {
		r := prose.Read(text, count("资金投入", "万元", 73, 10).context())
		assert.Equal(t, []string{"rate >= 1 → weight", "true → 0"}, tierLines(r), text)
	}
}

package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/analysis"
	"jixiao/sheets"
)

// Message renders a finding of r in lang: its message and its hint (how it may have come
// about, or what to do; may be empty). Every output renders findings through it, so that a
// finding reads the same in text, JSON, SARIF and a workbook.
func Message(r *engine.Result, f *engine.Finding, lang i18n.Lang) (msg, hint string) {
	m, h := messageText(r, f)
	return textString(m, lang), textString(h, lang)
}

// textString renders t in lang.
func textString(t i18n.Text, lang i18n.Lang) string {
	if len(t.Args) == 0 {
		return i18n.Pick(lang, t.Zh, t.En)
	}
	return string(appendText(nil, t, lang))
}

// messageText is a finding's message and hint in both languages.
func messageText(r *engine.Result, f *engine.Finding) (msg, hint i18n.Text) {
	c := &subject{r: r, f: f, d: r.Project.Scoring.Decimals}
	if f.Indicator >= 0 {
		c.ir = &r.Indicators[f.Indicator]
		c.ind = c.ir.Indicator
	}
	tmpl, ok := templates[f.Code]
	if !ok { // a check without a template is a programmer's error, caught by the tests
		return i18n.T("%s", "%s", string(f.Code)), i18n.Text{}
	}
	return tmpl(c)
}

// subject is what a template renders from: the result, the finding, and the indicator it
// is about (nil for a project finding).
type subject struct {
	r   *engine.Result
	f   *engine.Finding
	ir  *engine.IndicatorResult
	ind *indicators.Indicator
	d   int // the project's decimals
}

// templates renders each check's findings, by code: the finding's numbers, and the
// project's own values as written.
var templates = map[engine.Code]func(*subject) (msg, hint i18n.Text){
	engine.ScoreMismatch: func(c *subject) (i18n.Text, i18n.Text) {
		f, d := c.f, c.d
		if c.ir == nil { // the budget-execution line
			x := c.r.Execution
			return i18n.T("预算执行率得分 %s，按执行率 %s%% × 分值 %s 应得 %s", "the budget-execution score is %s, but rate %s%% × weight %s gives %s",
				num.Short(f.Actual.Num, d), num.Format(x.Rate*100, 2), num.Short(x.Weight, d), num.Format(f.Expected.Num, d)), i18n.Text{}
		}
		ir := c.ir
		msg := i18n.T("自评得分 %s，按评分标准应得 %s（%s）", "reported %s, but the criterion gives %s (%s)",
			num.Short(f.Actual.Num, d), num.Format(ir.Score, d), basisText(c.r, ir))
		switch {
		case ir.Criterion.Default && ir.Criterion.Unread:
			msg = i18n.T("自评得分 %s，评分标准未能读懂，按 [scoring] unread = \"default\" 以默认的%s应得 %s（%s）",
				"reported %s; the criterion could not be read, and under [scoring] unread = \"default\" the default %s method gives %s (%s)",
				num.Short(f.Actual.Num, d), methodName(ir.Criterion.Method), num.Format(ir.Score, d), methodDetail(c))
		case ir.Criterion.Default:
			msg = i18n.T("自评得分 %s，未写评分标准，按默认的%s应得 %s（%s）", "reported %s; no criterion is written, and the default %s method gives %s (%s)",
				num.Short(f.Actual.Num, d), methodName(ir.Criterion.Method), num.Format(ir.Score, d), methodDetail(c))
		case len(ir.Criterion.Tiers) == 0:
			msg = i18n.T("自评得分 %s，按%s应得 %s（%s）", "reported %s, but the %s method gives %s (%s)",
				num.Short(f.Actual.Num, d), methodName(ir.Criterion.Method), num.Format(ir.Score, d), methodDetail(c))
		}
		return msg, scoreHint(c)
	},
	engine.TotalMismatch: func(c *subject) (i18n.Text, i18n.Text) {
		f, d := c.f, c.d
		what := i18n.T("表中合计", "the table's total")
		if f.Field == engine.FieldReportedScore {
			what = i18n.T("自评得分", "the stated self-assessed score")
		}
		var hint i18n.Text
		if f.Detail == engine.HintSumOfWeights {
			hint = i18n.T("%s 是各项分值（满分）之和，不是得分之和", "%s is the sum of the weights (full marks), not of the scores", num.Short(f.Actual.Num, d))
		}
		return i18n.T("%s %s 与各项自评得分之和 %s 不符", "%s, %s, is not the sum of the reported scores, %s",
			what, num.Short(f.Actual.Num, d), num.Format(f.Expected.Num, d)), hint
	},
	engine.GradeMismatch: func(c *subject) (i18n.Text, i18n.Text) {
		f, d, r := c.f, c.d, c.r
		stated := r.Project.Reported.Grade
		switch f.Detail {
		case engine.GradeUnknown:
			grades := r.Project.Scoring.Grades
			names := make([]string, len(grades))
			for i, g := range grades {
				names[i] = g.Name
			}
			return i18n.T("无法识别自评等次 %q：等次应为 %s 之一", "the stated grade %q is none of %s", stated, strings.Join(names, "、")), i18n.Text{}
		case engine.GradeOfStated:
			return i18n.T("自评等次为 %s，但自评总分 %s 对应的等次是 %s", "the stated grade is %s, but the stated total %s is graded %s",
				stated, num.Short(f.Args[0], d), f.Expected.Text), i18n.Text{}
		case engine.GradeRange:
			return i18n.T("自评等次为 %s，但计算总分在 %s–%s 之间，等次为 %s：区间内没有一个总分是 %s",
				"the stated grade is %s, but the computed total lies in %s–%s, graded %s: no total within it is graded %s",
				stated, num.Format(r.TotalMin, d), num.Format(r.TotalMax, d), f.Expected.Text, stated), i18n.Text{}
		}
		return i18n.T("自评等次为 %s，但按评分标准计算总分为 %s，等次应为 %s", "the stated grade is %s, but computed by its criteria the total is %s, graded %s",
			stated, num.Format(r.Total, d), f.Expected.Text), i18n.Text{}
	},
	engine.CountMismatch: func(c *subject) (i18n.Text, i18n.Text) {
		stated, table := int(c.f.Actual.Num), int(c.f.Expected.Num)
		if c.f.Field == engine.FieldReportedTargetsSet {
			return i18n.T("自述设置绩效目标 %s，指标表中有 %d 个", "%s stated as set, but the table has %d", count(stated, "个", "target", "targets"), table), i18n.Text{}
		}
		if most := int(c.f.Args[0]); most > table {
			return i18n.T("自述完成绩效目标 %s，按实际完成值应为 %d–%d 个（有 %d 个无法判断是否完成）", "%s stated as met, but by the actual values %d–%d were met (%d cannot be judged)",
				count(stated, "个", "target", "targets"), table, most, most-table), i18n.Text{}
		}
		return i18n.T("自述完成绩效目标 %s，按实际完成值只有 %s达到指标值", "%s stated as met, but by the actual values %s",
			count(stated, "个", "target", "targets"), count(table, "个", "was met", "were met")), i18n.Text{}
	},
	engine.WeightSum: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("各项分值之和为 %s，不等于满分 %s", "the weights add up to %s, not to full marks, %s",
			num.Short(c.f.Actual.Num, c.d), num.Short(c.f.Expected.Num, c.d)), i18n.Text{}
	},
	engine.WeightNegative: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("分值为 %s，不能为负数", "the weight is %s, which cannot be negative", num.Short(c.f.Actual.Num, c.d)), i18n.Text{}
	},
	engine.ScoreOverWeight: func(c *subject) (i18n.Text, i18n.Text) {
		f, d := c.f, c.d
		if f.Field == engine.FieldReported {
			return i18n.T("自评得分 %s 超出 0–%s 分的范围", "the reported score %s is outside 0–%s",
				num.Short(f.Actual.Num, d), num.Short(f.Expected.Num, d)), i18n.Text{}
		}
		return i18n.T("按评分标准算出的得分 %s 超出 0–%s 分的范围（%s）：请修改评分标准", "the criterion gives %s, outside 0–%s (%s): fix the criterion",
			num.Format(f.Actual.Num, d), num.Short(f.Expected.Num, d), basisText(c.r, c.ir)), i18n.Text{}
	},
	engine.RangeViolation: func(c *subject) (i18n.Text, i18n.Text) {
		f, d := c.f, c.d
		return i18n.T("自评得分 %s 不在允许的 %s 分之间（%s）", "the reported score %s is outside the allowed %s (%s)",
			num.Short(f.Actual.Num, d), valueString(f.Expected, d), basisText(c.r, c.ir)), i18n.Text{}
	},
	engine.MissingValue: func(c *subject) (i18n.Text, i18n.Text) {
		switch c.f.Detail {
		case engine.MissingWeight:
			return i18n.T("分值为 0：该指标不影响总分，请核对分值", "the weight is 0, so the indicator does not count: check the weight"), i18n.Text{}
		case engine.MissingReported:
			return i18n.T("没有自评得分，而其他 %s都有", "no reported score, though %s one", count(int(c.f.Args[0]), "个指标", "other indicator has", "other indicators have")), i18n.Text{}
		}
		return i18n.T("没有填写实际完成值", "no actual value is given"), i18n.Text{}
	},
	engine.ValueUnreadable: func(c *subject) (i18n.Text, i18n.Text) {
		var hint i18n.Text
		switch {
		case c.ir.Kind == rules.Unscored && (c.ir.Reason.Code == rules.TargetUnreadable || c.ir.Reason.Code == rules.ActualUnreadable):
			hint = i18n.T("该指标因此未计分，总分按该项得 %s–%s 分计为区间", "the indicator is therefore not scored: the total counts it as %s–%s",
				num.Format(c.ir.Min, c.d), num.Format(c.ir.Max, c.d))
		case c.f.Field == engine.FieldTarget:
			hint = i18n.T("是否达到指标值因此无法判断", "whether the target was met therefore cannot be told")
		}
		return unreadableText(c.f.Field == engine.FieldTarget, c.f.Actual.Text, c.f.Detail), hint
	},
	engine.Unscored: func(c *subject) (i18n.Text, i18n.Text) {
		return reasonText(c.r, c.ir), i18n.T("总分按该项得 %s–%s 分计为区间", "the total counts it as %s–%s, a range",
			num.Format(c.ir.Min, c.d), num.Format(c.ir.Max, c.d))
	},
	engine.MissingReason: func(c *subject) (i18n.Text, i18n.Text) {
		switch {
		case c.f.Detail == engine.BeforeStart:
			return i18n.T("实际完成时间 %s 早于起始时间 %s，但没有说明原因", "done %s, before the start %s, and no reason is given",
				c.ind.Actual.Text, c.ind.Target.Text), i18n.Text{}
		case c.f.Detail == engine.MissedDeadline:
			return i18n.T("实际完成时间 %s 晚于期限 %s（%s），但没有说明原因", "done %s, after the deadline %s (%s), and no reason is given",
				c.ind.Actual.Text, c.ind.Target.Text, lateText(int(c.f.Args[0]), int(c.f.Args[1]), c.f.Args[2] == 1)), i18n.Text{}
		case c.ind.Direction == indicators.Lower:
			return i18n.T("实际完成值 %s 超出指标值 %s，但没有说明原因", "the actual value %s exceeds the target %s, and no reason is given",
				c.ind.Actual.Text, c.ind.Target.Text), i18n.Text{}
		}
		return i18n.T("实际完成值 %s 未达到指标值 %s，但没有说明原因", "the actual value %s falls short of the target %s, and no reason is given",
			c.ind.Actual.Text, c.ind.Target.Text), i18n.Text{}
	},
	engine.ActualCopiesTarget: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("实际完成值 %q 照抄了指标值，没有给出实际数值", "the actual value %q repeats the target instead of giving a figure",
			c.ind.Actual.Text), i18n.Text{}
	},
	engine.PercentAsFraction: func(c *subject) (i18n.Text, i18n.Text) {
		d, target := c.d, c.ind.Target.Text
		if !c.ind.Target.Percent {
			target += "%" // the unit's
		}
		msg := i18n.T("实际完成值 %s 不带 %%，而指标值是 %s：多半是 %s%% 写成了小数", "the actual value %s has no %%, against a target of %s: most likely %s%% written as a fraction",
			c.ind.Actual.Text, target, num.Short(c.f.Args[0], 6))
		if c.ir.HasScore {
			msg = i18n.T("%s；按所写的 %s%% 计分，得 %s", "%s; scored as written, %s%%, it gets %s", msg, c.ind.Actual.Text, num.Format(c.ir.Score, d))
		}
		return msg, i18n.T("若指的是 %s%%，请写作 %s%%", "if %s%% was meant, write %s%%", num.Short(c.f.Args[0], 6), num.Short(c.f.Args[0], 6))
	},
	engine.UnitMismatch: func(c *subject) (i18n.Text, i18n.Text) {
		hint := i18n.T("请按指标值的单位填写实际完成值", "write the actual value in the target's unit")
		if c.ir.Kind == rules.Unscored && c.ir.Reason.Code == rules.ActualUnit {
			hint = i18n.T("该指标因此未计分，总分按该项得 %s–%s 分计为区间；%s", "the indicator is therefore not scored: the total counts it as %s–%s; %s",
				num.Format(c.ir.Min, c.d), num.Format(c.ir.Max, c.d), hint)
		}
		return unitMismatchText(c.ind), hint
	},
	engine.FundsMismatch: func(c *subject) (i18n.Text, i18n.Text) {
		stated, want := num.Format(c.f.Actual.Num, 2), num.Format(c.f.Expected.Num, 2)
		switch c.f.Field {
		case engine.FieldFundsBalance:
			return i18n.T("本年度结余④ %s ≠ ①+②−③ = %s", "balance ④ %s ≠ ①+②−③ = %s", stated, want), i18n.Text{}
		case engine.FieldFundsUnspent:
			return i18n.T("结余⑦ %s ≠ ⑤−⑥ = %s", "unspent ⑦ %s ≠ ⑤−⑥ = %s", stated, want), i18n.Text{}
		}
		return i18n.T("结余率⑧ %s%% ≠ ⑦/⑤ = %s%%", "unspent rate ⑧ %s%% ≠ ⑦/⑤ = %s%%", stated, want), i18n.Text{}
	},
	engine.CriterionUnparsed: func(c *subject) (i18n.Text, i18n.Text) {
		u := c.ir.Criterion.Unparsed[c.f.Index]
		why := u.Reason.Text() // the reader's own reason, and what it did not understand
		if !u.Detail.IsZero() {
			why = i18n.T("%s：%s", "%s: %s", why, u.Detail)
		}
		msg := i18n.T("评分标准中这一段未能读懂（%s）：「%s」（第 %d–%d 个字）", "this part of the criterion could not be read (%s): \"%s\" (characters %d–%d)",
			why, u.Source, u.Span.Start+1, u.Span.Start+utf8.RuneCountInString(u.Source))
		return msg, unreadHint(c)
	},
	engine.TierGap: func(c *subject) (i18n.Text, i18n.Text) {
		return sampled(c.f, i18n.T("没有任何一档适用的取值：%s", "no tier scores these values: %s", describeSet(c.f.Set, c.f.Var, c.ind))), i18n.Text{}
	},
	engine.TierOverlap: func(c *subject) (i18n.Text, i18n.Text) {
		f, a, b := c.f, c.f.Tier, c.f.Index+1
		return sampled(f, i18n.T("%s与%s同时适用于 %s；按先匹配取第%d档", "%s and %s both hold for %s; first match gives tier %d",
			tierText(c, a), tierText(c, b), describeSet(f.Set, f.Var, c.ind), a)), i18n.Text{}
	},
	engine.TierUnreachable: func(c *subject) (i18n.Text, i18n.Text) {
		why := i18n.T("它成立的取值都已被前面的档次取走", "every value where it holds is taken by an earlier tier")
		if f := c.f; f.Detail == engine.TierRepeated {
			n := int(f.Args[0])
			if n == 1 {
				return sampled(f, i18n.T("第%d档与%s相同，永远不会生效：评分标准是否重复了？", "tier %d is the same as %s and can never fire: is the criterion repeated?",
					f.Index+1, tierText(c, f.Tier))), i18n.Text{}
			}
			return sampled(f, i18n.T("从第%d档起有 %d 档与%s相同，永远不会生效：评分标准是否重复了？", "%[2]d tiers from tier %[1]d on are the same as %[3]s and can never fire: is the criterion repeated?",
				f.Index+1, n, tierText(c, f.Tier))), i18n.Text{}
		}
		if c.f.Detail == engine.TierNeverHolds {
			why = i18n.T("它的条件在取值范围 %s 内从不成立", "its condition never holds within %s", c.f.Set[0].String())
		}
		return sampled(c.f, i18n.T("%s永远不会生效：%s", "%s can never fire: %s", tierText(c, c.f.Index+1), why)), i18n.Text{}
	},
	engine.TierNonMonotonic: func(c *subject) (i18n.Text, i18n.Text) {
		f, d := c.f, c.d
		dir := i18n.T("越高越好", "higher is better")
		if c.ind.Direction == indicators.Lower {
			dir = i18n.T("越低越好", "lower is better")
		}
		worse, better, worseScore, betterScore := f.Args[0], f.Args[1], f.Args[2], f.Args[3]
		return sampled(f, i18n.T("%s的指标，%s 得 %s 分（第%d档），而更好的%s 只得 %s 分（第%d档）",
			"%s, yet %s scores %s (tier %d) while the better %s scores %s (tier %d)",
			dir, pointText(worse, f.Var, c.ind), num.Short(worseScore, d), f.Tier,
			pointText(better, f.Var, c.ind), num.Short(betterScore, d), f.Index+1)), i18n.Text{}
	},
	engine.TierOverWeight: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("%s的分数超出 0–%s 分", "%s scores outside 0–%s", tierText(c, c.f.Index+1), num.Short(c.f.Expected.Num, c.d)), i18n.Text{}
	},
	engine.TargetThreshold: func(c *subject) (i18n.Text, i18n.Text) {
		f, ind := c.f, c.ind
		from := f.Actual.Num
		if f.Var == analysis.VarRate {
			return sampled(f, i18n.T("按完成率计分，但评分标准从%s起就给满分，而不是从完成率 100%% 起", "scored on the completion rate, but the criterion gives full marks from %s, not from 100%%",
				pointText(from, f.Var, ind))), i18n.Text{}
		}
		want := ind.Target.Text
		if ind.Target.Plain && ind.Unit == "%" {
			want += "%"
		}
		return sampled(f, i18n.T("指标值为 %s，但评分标准从 %s 起就给满分：评分标准与绩效目标不一致",
			"the target is %s, but the criterion gives full marks from %s: the criterion and the target disagree",
			want, valueText(from, f.Var, ind))), i18n.Text{}
	},
	engine.NoCriterion: func(c *subject) (i18n.Text, i18n.Text) {
		return noCriterionText(c.ir.Criterion.Method, c.ind.Criterion != "" && c.ir.Criterion.Unread), i18n.Text{}
	},
	engine.TargetBelowPrior: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("指标值 %s 低于上年度数值 %s", "the target %s is below last year's %s", c.ind.Target.Text, c.ind.Prior.Text), i18n.Text{}
	},
	engine.OverachievedUnexplained: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("实际完成值 %s 是指标值 %s 的 %s%%，超过 %s%%，但没有说明原因：指标值可能定得过低",
			"the actual value %s against the target %s is %s%%, over %s%%, with no reason given: the target may be set too low",
			c.ind.Actual.Text, c.ind.Target.Text, num.Format(c.f.Args[0]*100, 1), num.Short(c.f.Args[1]*100, 1)), i18n.Text{}
	},
	engine.ExecutionUnexplained: func(c *subject) (i18n.Text, i18n.Text) {
		f := c.f
		unit := c.r.Project.Funds.Unit
		return i18n.T("预算执行率只有 %s%%：全年预算 %s %s，实际支出 %s %s，低于 %s%%，且没有说明原因",
				"budget execution is only %s%%: of %s %s budgeted, %s %s was spent, below %s%%, and no reason is given",
				num.Format(f.Args[0]*100, 1), num.Format(f.Args[1], 2), unit, num.Format(f.Args[2], 2), unit, num.Short(f.Expected.Num*100, 1)),
			fundsReasonHint(c.r.Project)
	},
	engine.BalanceRateHigh: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("结余率 %s%%，高于 %s%%", "the balance rate is %s%%, above %s%%",
			num.Format(c.f.Args[0]*100, 2), num.Short(c.f.Expected.Num*100, 1)), i18n.Text{}
	},
	engine.SpendResultsGap: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("各指标得分达到分值的 %s%%，而预算只执行了 %s%%", "the indicators score %s%% of their weight, while only %s%% of the budget was spent",
			num.Format(c.f.Args[0]*100, 1), num.Format(c.f.Args[1]*100, 1)), i18n.Text{}
	},
	engine.AllFullMarks: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("全部 %d 个指标都自评满分", "all %d indicators are reported at full marks", int(c.f.Args[0])), i18n.Text{}
	},
	engine.UnitMissing: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("指标值 %s 没有度量单位：请在度量单位一栏填写（如 %%、人次、万元）", "the target %s has no unit of measure: give one in the 度量单位 column (%%, 人次, 万元…)",
			c.ind.Target.Text), i18n.Text{}
	},
	engine.ReviewScoreMissing: func(c *subject) (i18n.Text, i18n.Text) {
		var hint i18n.Text
		if c.ir.HasScore {
			hint = i18n.T("同意计算得分的，复核得分填 %s", "to agree with the computed score, enter %s", num.Format(c.ir.Score, c.d))
		}
		return i18n.T("复核已开始，但该指标没有复核得分：复核总分只能为区间", "the review has begun, but this indicator has no review score: the review total is only a range"), hint
	},
	engine.ReviewScoreOverWeight: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("复核得分 %s 超出 0–%s 分的范围", "the review score %s is outside 0–%s",
			num.Short(c.f.Actual.Num, c.d), num.Short(c.f.Expected.Num, c.d)), i18n.Text{}
	},
	engine.ReviewCutUnexplained: func(c *subject) (i18n.Text, i18n.Text) {
		f, d := c.f, c.d
		from := i18n.T("计算得分", "the computed score")
		if f.Args[0] == 1 {
			from = i18n.T("自评得分", "the self-assessed score")
		}
		lacks := i18n.T("没有写扣分理由，也没有注明复核口径", "gives neither a reason nor a review rule")
		switch f.Detail {
		case engine.ReviewNoReason:
			lacks = i18n.T("没有写扣分理由", "gives no reason")
		case engine.ReviewNoRule:
			lacks = i18n.T("没有注明复核口径", "cites no review rule")
		}
		return i18n.T("复核得分 %s 低于%s %s，但%s", "the review score %s is below %s, %s, but the cut %s",
				num.Short(f.Actual.Num, d), from, num.Format(f.Expected.Num, d), lacks),
			i18n.T("每一处扣分都要写明扣分理由和所依据的复核口径", "every cut must state its reason and the rule it follows")
	},
	engine.ReviewRaiseUnexplained: func(c *subject) (i18n.Text, i18n.Text) {
		return i18n.T("复核得分 %s 高于自评得分 %s，但没有写明理由", "the review score %s is above the self-assessed %s, and no reason is given",
			num.Short(c.f.Actual.Num, c.d), num.Short(c.f.Expected.Num, c.d)), i18n.Text{}
	},
	engine.ReviewRuleUnknown: func(c *subject) (i18n.Text, i18n.Text) {
		codes := make([]string, len(c.r.Rules))
		for i := range c.r.Rules {
			codes[i] = c.r.Rules[i].Code
		}
		return i18n.T("复核口径 %q 不在口径清单中", "the review rule %q is not in the list", c.f.Actual.Text),
			i18n.T("可用的口径：%s", "the rules: %s", strings.Join(codes, ", "))
	},
	engine.ReviewRuleMismatch: func(c *subject) (i18n.Text, i18n.Text) {
		f, d := c.f, c.d
		rule := c.r.Review.Indicators[f.Indicator].Rule
		if f.Detail == engine.RuleCompletionBelow {
			return i18n.T("复核口径 %s（%s）只适用于完成率超过 %s%% 的指标，而该指标的完成率是 %s%%",
				"the review rule %s (%s) applies only above a completion rate of %s%%, and this indicator's is %s%%",
				rule.Code, ruleTitle(rule), num.Short(f.Args[1]*100, 2), num.Format(f.Args[0]*100, 2)), i18n.Text{}
		}
		return i18n.T("按复核口径 %s（%s）应得 %s，复核得分却是 %s", "the review rule %s (%s) gives %s, but the review score is %s",
			rule.Code, ruleTitle(rule), scoreValue(f.Expected, d), num.Short(f.Actual.Num, d)), ruleHint(c, rule)
	},
	engine.ReviewNoteMissing: func(c *subject) (i18n.Text, i18n.Text) {
		rule := c.r.Review.Indicators[c.f.Indicator].Rule
		return i18n.T("复核口径 %s（%s）要求填写备注，但复核备注为空", "the review rule %s (%s) requires a note, and none is given",
			rule.Code, ruleTitle(rule)), i18n.Text{}
	},
}

// scoreValue is a score or a range of scores with the project's decimals.
func scoreValue(v engine.Value, d int) string {
	if v.Kind == engine.NumberValue {
		return num.Format(v.Num, d)
	}
	return valueString(v, d)
}

// ruleTitle is a review rule's title in both languages.
func ruleTitle(r *indicators.ReviewRule) i18n.Text {
	en := r.TitleEn
	if en == "" {
		en = r.Title
	}
	return i18n.Text{Zh: r.Title, En: en}
}

// ruleHint says how a rule gives its score (review-rule-mismatch).
func ruleHint(c *subject, r *indicators.ReviewRule) i18n.Text {
	d, w := c.d, c.ind.Weight
	switch r.Effect {
	case indicators.EffectZero:
		return i18n.T("该口径得 0 分", "the rule scores 0")
	case indicators.EffectCut:
		return i18n.T("扣分前得分减去分值 %s × %s%%（扣完为止），扣分前得分为计算得分或自评得分", "the score before the review less the weight %s × %s%% (floored at 0); before the review: the computed or the self-assessed score",
			num.Short(w, d), num.Short(r.Cut*100, 2))
	case indicators.EffectCriterion:
		if !c.ir.HasScore {
			return i18n.T("该口径按评分标准计分：复核得分应在评分标准给出的区间内（%s）", "the rule scores by the criterion: the review score lies within the criterion's range (%s)", basisText(c.r, c.ir))
		}
		return i18n.T("该口径按评分标准计分：复核得分应等于计算得分（%s）", "the rule scores by the criterion: the review score is the computed score (%s)", basisText(c.r, c.ir))
	}
	return i18n.T("该口径不扣分：复核得分应等于计算得分或自评得分", "the rule cuts nothing: the review score is the computed or the self-assessed score")
}

// noCriterionText is the message of no-criterion: the default method, and whether a text was
// there but could not be read. Most findings of a batch are of this kind, so the message of
// each standard method is made once.
func noCriterionText(m indicators.Method, fromText bool) i18n.Text {
	for k, std := range indicators.Methods {
		if std == m {
			return noCriterionTexts[k][b2i(fromText)]
		}
	}
	return noCriterionMessage(m, fromText)
}

func noCriterionMessage(m indicators.Method, fromText bool) i18n.Text {
	method := methodName(m)
	if fromText {
		return i18n.T("评分标准的文字未能读懂，按 [scoring] unread = \"default\" 以默认的%s计分",
			"the criterion's text could not be read: scored by the default %s method, as [scoring] unread = \"default\" asks", method)
	}
	return i18n.T("没有写评分标准，按默认的%s计分", "no criterion is written: scored by the default %s method", method)
}

var noCriterionTexts = func() [][2]i18n.Text {
	out := make([][2]i18n.Text, len(indicators.Methods))
	for k, m := range indicators.Methods {
		for _, fromText := range []bool{false, true} {
			msg := noCriterionMessage(m, fromText)
			out[k][b2i(fromText)] = i18n.Text{Zh: msg.String(i18n.Zh), En: msg.String(i18n.En)}
		}
	}
	return out
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// scoreHint says how a reported score that does not follow its criterion may have come
// about (score-mismatch).
func scoreHint(c *subject) i18n.Text {
	f, ind, ir, d := c.f, c.ind, c.ir, c.d
	rep := num.Short(f.Actual.Num, d)
	wt, at, tt := num.Short(ind.Weight, d), literalText(ind.Actual), literalText(ind.Target)
	switch f.Detail {
	case engine.HintOverlappingTier:
		return i18n.T("自评得分 %s 是第%d档（%s）的分数：该档条件对实际值同样成立，档次重叠，但按先匹配原则应取第%d档",
			"%s is the score of tier %d (%s), whose condition also holds: the tiers overlap, and under first match tier %d applies",
			rep, f.Tier, condText(c.r, ir, f.Tier), ir.Tier)
	case engine.HintOtherTier:
		return i18n.T("自评得分 %s 是第%d档（%s）的分数，但实际值不满足该档条件", "%s is the score of tier %d (%s), whose condition the actual value does not meet",
			rep, f.Tier, condText(c.r, ir, f.Tier))
	case engine.HintProportional:
		if ind.Actual.Num > ind.Target.Num { // the ratio capped at 1
			at = "min(" + at + " / " + tt + ", 1)"
			if len(ir.Criterion.Tiers) == 0 {
				return i18n.T("%s = %s × %s：这是按比例计分的结果，而不是按%s", "%s = %s × %s: proportional scoring, not the %s method",
					rep, wt, at, methodName(ir.Criterion.Method))
			}
			return i18n.T("%s = %s × %s：这是按比例计分的结果，而不是按所写的评分标准", "%s = %s × %s: proportional scoring, not the written criterion",
				rep, wt, at)
		}
		if len(ir.Criterion.Tiers) == 0 {
			return i18n.T("%s = %s × %s / %s：这是按比例计分的结果，而不是按%s", "%s = %s × %s / %s: proportional scoring, not the %s method",
				rep, wt, at, tt, methodName(ir.Criterion.Method))
		}
		return i18n.T("%s = %s × %s / %s：这是按比例计分的结果，而不是按所写的评分标准", "%s = %s × %s / %s: proportional scoring, not the written criterion",
			rep, wt, at, tt)
	case engine.HintProportionalFrom:
		th := num.Short(f.Args[0], 6)
		return i18n.T("%s = %s × %s / %s：这是按满分起点 %s 比例计分的结果，而不是按所写的评分标准",
			"%s = %s × %s / %s: proportional to %s, where full marks begin, not the written criterion", rep, wt, at, th, th)
	case engine.HintReverse:
		if len(ir.Criterion.Tiers) == 0 {
			return i18n.T("%s = %s × %s / %s：这是按反向比例计分的结果，而不是按%s", "%s = %s × %s / %s: reverse proportional scoring, not the %s method",
				rep, wt, tt, at, methodName(ir.Criterion.Method))
		}
		return i18n.T("%s = %s × %s / %s：这是按反向比例计分的结果，而不是按所写的评分标准", "%s = %s × %s / %s: reverse proportional scoring, not the written criterion",
			rep, wt, tt, at)
	case engine.HintFullUnmet:
		if f.Args[0] == 1 {
			return i18n.T("%s = %s × %s / %s 四舍五入后是满分，但实际完成值未达到指标值 %s：未达到时至多得 %s",
				"%s is %s × %s / %s rounded up to full marks, but the target %s is not met, and an unmet target scores at most %s",
				rep, wt, at, tt, ind.Target.Text, num.Format(ind.Weight-math.Pow(10, -float64(d)), d))
		}
		return i18n.T("自评得分 %s 是满分，但实际完成值 %s 未达到指标值 %s", "%s is full marks, but the actual value %s does not meet the target %s",
			rep, ind.Actual.Text, ind.Target.Text)
	case engine.HintTruncated:
		return i18n.T("自评得分是截尾取值（%s），没有四舍五入", "the reported score was truncated (%s), not rounded half-up", num.Format(f.Args[0], d))
	case engine.HintWhole:
		return i18n.T("自评得分是把 %s 取整到整数分的结果", "the reported score is %s rounded to whole points", num.Format(ir.Score, d))
	}
	return i18n.Text{}
}

// literalText is a number as the file wrote it when it was a plain number, else its value.
func literalText(v indicators.Value) string {
	if v.Plain {
		return v.Text
	}
	return num.Short(v.Num, 6)
}

// unreadableText says why a target (or an actual) as written cannot be read, and what to do.
func unreadableText(target bool, text string, d engine.Detail) i18n.Text {
	what := i18n.T("实际完成值", "the actual value")
	if target {
		what = i18n.T("指标值", "the target")
	}
	var why i18n.Text
	switch d {
	case engine.UnreadableLetter:
		why = i18n.T("数字里混入了字母（把 0 写成了 O？）", "a letter among the digits (O typed for 0?)")
	case engine.UnreadablePoints:
		why = i18n.T("数字里有两个小数点", "two decimal points in one number")
	case engine.UnreadableSeparator:
		why = i18n.T("千分位逗号的位置不对（应每三位一个）", "a thousands separator out of place (one every three digits)")
	case engine.UnreadableDate:
		why = i18n.T("这个日期不存在", "no such date exists")
	default:
		why = i18n.T("比较符号后面没有数字或日期", "no number or date after the comparison sign")
	}
	return i18n.T("%s %q 读不出：%s；请改正所写的值", "%s %q cannot be read: %s; correct the value as written", what, text, why)
}

// flawDetail is a value's flaw as the Detail of value-unreadable.
func flawDetail(text string) engine.Detail {
	switch num.Flawed(text) {
	case num.FlawLetter:
		return engine.UnreadableLetter
	case num.FlawPoints:
		return engine.UnreadablePoints
	case num.FlawSeparator:
		return engine.UnreadableSeparator
	case num.FlawDate:
		return engine.UnreadableDate
	}
	return engine.UnreadableNoValue
}

// unitMismatchText says that an actual's unit is not its target's (unit-mismatch,
// rules.ActualUnit).
func unitMismatchText(ind *indicators.Indicator) i18n.Text {
	target, actual := indicators.Units(ind)
	return i18n.T("实际完成值 %s 的单位（%s）与指标值 %s 的单位（%s）不同，无法换算", "the actual value %s is in %s, the target %s in %s: they do not convert",
		ind.Actual.Text, actual, ind.Target.Text, target)
}

// reasonText says why an indicator could not be scored.
func reasonText(r *engine.Result, ir *engine.IndicatorResult) i18n.Text {
	ind, why := ir.Indicator, ir.Reason
	method := len(ir.Criterion.Tiers) == 0
	switch why.Code {
	case rules.NoTierMatched:
		actual := ind.Actual.Text
		if !ind.Actual.Plain {
			actual = strconv.Quote(actual)
		}
		return i18n.T("实际完成值 %s 不满足任何一档条件：评分标准有缺口", "the actual value %s meets no tier's condition: the criterion has a gap", actual)
	case rules.ActualMissing:
		return i18n.T("没有实际完成值，无法计分", "no actual value, so it cannot be scored")
	case rules.ActualText:
		return i18n.T("实际完成值 %q 不是数字，无法按评分标准比较；请填写数字，或为文字值设定定性档次",
			"the actual value %q is not a number and cannot be compared; give a number, or tiers for text values", ind.Actual.Text)
	case rules.TargetUnreadable:
		return unreadableText(true, ind.Target.Text, flawDetail(ind.Target.Text))
	case rules.ActualUnreadable:
		return unreadableText(false, ind.Actual.Text, flawDetail(ind.Actual.Text))
	case rules.ActualUnit:
		return unitMismatchText(ind)
	case rules.TargetMissing:
		if method {
			return i18n.T("按%s计分需要数字指标值，但指标值 %q 不是数字", "the %s method needs a numeric target, but the target is %q",
				methodName(ir.Criterion.Method), ind.Target.Text)
		}
		return i18n.T("评分标准要用指标值（target），但指标值 %q 不是数字", "the criterion uses the target, but the target %q is not a number", ind.Target.Text)
	case rules.TargetZero:
		if method {
			return i18n.T("指标值为 %v，按%s计分无从计算比例", "the target is %v, so the %s method has no ratio to compute",
				ind.Target.Num, methodName(ir.Criterion.Method))
		}
		return i18n.T("指标值为 0，完成率（rate = actual / target）无从计算", "the target is 0, so the completion rate (rate = actual / target) is undefined")
	case rules.PriorMissing:
		return i18n.T("评分标准要用上年度数值（prior），但没有给出", "the criterion uses the prior-year value, which is not given")
	case rules.FundsMissing:
		return i18n.T("评分标准要用资金数据（funds），但文件没有 [funds]", "the criterion uses the funds, but the file has no [funds]")
	case rules.EvalError:
		switch {
		case why.Tier == 0:
			return i18n.T("未知的计分方法 %q", "unknown scoring method %q", why.Expr)
		case why.Budget:
			return i18n.T("第 %d 档表达式 %q 超出内存预算而被中止：评分标准不需要构造这样大的列表或文本，请检查表达式",
				"tier %d expression %q was stopped for exceeding its memory budget: no criterion needs lists or text this large, check the expression", why.Tier, why.Expr)
		}
		return i18n.T("第 %d 档表达式 %q 计算出错：%s", "tier %d expression %q failed: %s", why.Tier, why.Expr, why.Err)
	case rules.NotANumber:
		return i18n.T("第 %d 档得分 %q 的结果不是合理的分数（%v）", "tier %d score %q is not a plausible score (%v)", why.Tier, why.Expr, why.Value)
	case rules.UnknownQuality:
		_, unknown := rules.ReadQuality(ind.Actual.Text)
		return i18n.T("定性指标的实际完成值 %q 读不出达成程度：不理解的词语「%s」；请写明达成、部分达成或未达成，或写出评分标准",
			"the qualitative actual %q states no band: the words \"%s\" are not understood; say 达成, 部分达成 or 未达成 (met, partly met, not met), or write the criterion",
			ind.Actual.Text, unknown)
	case rules.CriterionUnread:
		crit := ir.Criterion
		part := ""
		if why.Part > 0 && why.Part <= len(crit.Unparsed) {
			part = crit.Unparsed[why.Part-1].Source
		}
		if why.Tier > 0 && why.Tier <= len(crit.Tiers) {
			return i18n.T("第%d档（%s）给出的得分可能被未能读懂的一段「%s」改变，不计分", "tier %d (%s) fired, but the part not read, \"%s\", could change its score: not scored",
				why.Tier, condText(r, ir, why.Tier), part)
		}
		return i18n.T("评分标准未能读懂（「%s」），不按任何方法猜测得分；请写出 tiers，或以 [scoring] unread = \"default\" 改按默认方法计分",
			"the criterion could not be read (\"%s\"), and no method guesses its score: write the tiers, or set [scoring] unread = \"default\" to score it by the default method", part)
	case rules.DateUnknown:
		return i18n.T("无法判断是否按期完成：指标值 %q 与实际完成值 %q 不是可比较的日期（没有年份且项目没有年度，或实际完成的月份跨过期限）",
			"cannot tell whether %q was met by %q: not comparable dates (no year and no project year, or a month that straddles the deadline)",
			ind.Target.Text, ind.Actual.Text)
	case rules.BeforeStart:
		return i18n.T("实际完成时间 %s 早于起始时间 %s：起始时间不是期限，不按逾期计分；请核对指标值（期限应写作“……前”）和实际完成时间，或写出评分标准",
			"done %s, before the start %s: a start is no deadline, and nothing is late to score; check the target (a deadline is written \"…前\") and the date, or write the criterion",
			ind.Actual.Text, ind.Target.Text)
	case rules.Late:
		env := rules.NewEnv(r.Project, ind)
		l := env.Lateness()
		return i18n.T("实际完成时间 %s 晚于期限 %s（%s），但没有规定逾期如何计分：请在 [scoring] late_per_month 中规定，或写出评分标准",
			"done %s, after the deadline %s (%s), and nothing says how lateness is scored: set [scoring] late_per_month, or write the criterion",
			ind.Actual.Text, ind.Target.Text, lateText(l.Days, l.Months, l.InMonths))
	}
	return i18n.T("%s", "%s", why.Code)
}

// findingValue is a finding's value as JSON and workbook cells show it: a number, a count,
// a text, or a range of scores ("15.00–18.00"); nil for none.
func findingValue(v engine.Value, d int) any {
	switch v.Kind {
	case engine.NumberValue:
		return v.Num
	case engine.CountValue:
		return int(v.Num)
	case engine.TextValue:
		return v.Text
	case engine.RangeValue:
		return valueString(v, d)
	}
	return nil
}

// valueString writes a range of scores as "15.00–18.00", and any other value as text.
func valueString(v engine.Value, d int) string {
	if v.Kind == engine.RangeValue {
		return num.Format(v.Num, d) + "–" + num.Format(v.Max, d)
	}
	return fmt.Sprint(findingValue(v, d))
}

// methodName is a standard method's name.
func methodName(m indicators.Method) i18n.Text {
	switch m {
	case indicators.MethodProportional:
		return i18n.T("比例法", "proportional")
	case indicators.MethodReverse:
		return i18n.T("反向比例法", "reverse")
	case indicators.MethodReverseLinear:
		return i18n.T("反向线性法", "reverse-linear")
	case indicators.MethodEqual:
		return i18n.T("等值法", "equal")
	case indicators.MethodDeadline:
		return i18n.T("期限法", "deadline")
	case indicators.MethodQualitative:
		return i18n.T("定性分档法", "qualitative")
	}
	return i18n.T(string(m), string(m))
}

// basisText says how an indicator was scored: "第2档 98.5% ≤ 实际值 < 99.22%", a method
// name, or why it was not scored.
func basisText(r *engine.Result, ir *engine.IndicatorResult) i18n.Text {
	switch {
	case !ir.Applicable:
		return i18n.T("不适用，不计入总分", "not applicable, left out of the total")
	case ir.Kind == rules.Unscored && ir.Reason.Code == rules.CriterionUnread:
		return i18n.T("评分标准未能读懂，未计分", "criterion not read: not scored")
	case ir.Kind == rules.Unscored:
		return i18n.T("未计分", "not scored")
	case ir.Tier > 0:
		return i18n.T("第%d档 %s", "tier %d: %s", ir.Tier, condText(r, ir, ir.Tier))
	}
	name := methodName(ir.Criterion.Method)
	switch {
	case ir.Criterion.Default && ir.Criterion.Unread:
		return i18n.T("%s（评分标准未能读懂，按 [scoring] unread = \"default\" 以默认方法计分）",
			"%s (criterion not read: the default method, as [scoring] unread = \"default\" asks)", name)
	case ir.Criterion.Default:
		return i18n.T("%s（未写评分标准，按默认方法）", "%s (no criterion written: default method)", name)
	}
	return name
}

// methodDetail says what a standard method's score rests on: "反向指标：超出目标 20%",
// "完成指标值的 53.1%", "已达到指标值".
func methodDetail(c *subject) i18n.Text {
	ir, ind := c.ir, c.ind
	env := rules.NewEnv(c.r.Project, ind)
	pct := func(x float64) string { return num.Short(x*100, 2) + "%" }
	switch {
	case env.RepeatsTarget():
		return i18n.T("实际完成值照抄指标值，视为完成", "the actual repeats the target: counted as met")
	case ir.Met && ir.MetKnown:
		return i18n.T("已达到指标值，得满分", "the target is met: full marks")
	}
	a, t := ind.Actual.Num, ind.Target.Num
	numeric := ind.Actual.IsNum && ind.Target.IsNum && t != 0
	switch ir.Criterion.Method {
	case indicators.MethodProportional:
		switch {
		case numeric && ir.MetKnown && !ir.Met && num.Round(a/t*100, 2) >= 100 && a/t < 1:
			// 94.999 of 95: short of the target by less than the figure shown rounds to.
			return i18n.T("完成指标值的 %s，不足 100%%", "%s of the target, short of 100%%", num.Short(a/t*100, 6)+"%")
		case numeric && ir.MetKnown && !ir.Met && a/t >= 1:
			return i18n.T("达到而未超过指标值 %s", "reaches but does not pass the target %s", ind.Target.Text)
		case numeric:
			return i18n.T("完成指标值的 %s", "%s of the target", pct(a/t))
		}
	case indicators.MethodReverseLinear:
		if numeric && a > t {
			return i18n.T("反向指标：超出目标 %s", "lower is better: %s over the target", pct((a-t)/t))
		}
	case indicators.MethodReverse:
		if numeric && a > 0 {
			return i18n.T("反向指标：指标值为实际值的 %s", "lower is better: the target is %s of the actual", pct(t/a))
		}
	case indicators.MethodEqual:
		if numeric {
			return i18n.T("偏离目标 %s", "%s off the target", pct(math.Abs(a-t)/math.Abs(t)))
		}
	case indicators.MethodDeadline:
		if l := env.Lateness(); l.Known && !l.Met {
			return i18n.T("%s，每月扣分值的 %s", "%s, losing %s of the weight a month", lateText(l.Days, l.Months, l.InMonths),
				pct(*c.r.Project.Scoring.LatePerMonth))
		}
	case indicators.MethodQualitative:
		return qualityText(env.Quality())
	}
	return i18n.T("未达到指标值", "the target is not met")
}

// fundsReasonHint says where the reason for low execution goes: a workbook's reason cell
// (its 偏差原因 column or row), else a 偏差原因 column or row to add to its funds block; the
// key of a TOML or JSON file.
func fundsReasonHint(p *indicators.Project) i18n.Text {
	if pos, ok := p.Cell("funds.reason"); ok && pos.Sheet != "" {
		return i18n.T("请在 %s!%s（偏差原因）中说明资金未按计划支出的原因", "give the reason in %s!%s (偏差原因)",
			pos.Sheet, sheets.CellName(pos.Col, pos.Line))
	}
	switch indicators.FormatOf(p.File) {
	case indicators.Workbook:
		return i18n.T("请在资金表的表头加一栏“偏差原因”（或在其下加一行“偏差原因”），在其中说明资金未按计划支出的原因",
			"add a 偏差原因 column to the funds block's header (or a 偏差原因 row below it) and give the reason there")
	case indicators.JSONLines:
		return i18n.T("请在 funds 的 reason 中说明资金未按计划支出的原因", "give the reason in the funds' reason")
	case indicators.Report:
		return i18n.T("请向单位了解资金未按计划支出的原因", "ask the unit why the money was not spent as planned")
	}
	return i18n.T("请在 [funds] reason 中说明资金未按计划支出的原因", "give the reason in [funds] reason")
}

// qualityText names a qualitative band.
func qualityText(q rules.Quality) i18n.Text {
	switch q {
	case rules.QualityMet:
		return i18n.T("实际完成值读作达成年度指标", "the actual reads 达成 (met)")
	case rules.QualityPartial:
		return i18n.T("实际完成值读作部分达成年度指标", "the actual reads 部分达成 (partly met)")
	case rules.QualityNotMet:
		return i18n.T("实际完成值读作未达成年度指标", "the actual reads 未达成 (not met)")
	}
	return i18n.T("实际完成值读不出达成程度", "the actual states no band")
}

// lateText says how late: "逾期 3 个月" for an actual month, "逾期 20 天" for a day.
func lateText(days, months int, inMonths bool) i18n.Text {
	if inMonths {
		return i18n.T("逾期 %s", "%s late", count(months, "个月", "month", "months"))
	}
	return i18n.T("逾期 %s", "%s late", count(days, "天", "day", "days"))
}

// unreadHint says what an unread part of a criterion does to its indicator's score.
func unreadHint(c *subject) i18n.Text {
	ir := c.ir
	switch {
	case ir.Criterion.Unread && ir.Criterion.Default:
		return i18n.T("按 [scoring] unread = \"default\"，该指标改按默认的%s计分", "as [scoring] unread = \"default\" asks, the indicator is scored by the default %s method",
			methodName(ir.Criterion.Method))
	case ir.Kind == rules.Unscored && ir.Reason.Code == rules.CriterionUnread && ir.Reason.Part == c.f.Index+1 && ir.Applicable:
		return i18n.T("该指标因此未计分，总分按该项得 %s–%s 分计为区间", "the indicator is therefore not scored: the total counts it as %s–%s",
			num.Format(ir.Min, c.d), num.Format(ir.Max, c.d))
	}
	return i18n.Text{}
}

// SeverityLabel is a severity in the reader's language.
func SeverityLabel(s engine.Severity, lang i18n.Lang) string {
	switch s {
	case engine.Error:
		return i18n.Pick(lang, "错误", "error")
	case engine.Warning:
		return i18n.Pick(lang, "警告", "warning")
	}
	return i18n.Pick(lang, "提示", "info")
}

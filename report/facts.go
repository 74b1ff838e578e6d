package report

import (
	"fmt"
	"strconv"
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/published"
	"jixiao/rules/analysis"
)

// This file states the figures of each finding for the 问题清单's 事实及判定 column, each
// labelled by what it is — a threshold as a threshold, a rate as a rate, the score stated as
// the score stated — as its code's template says: one template per code, beside the message
// templates (a test holds the two lists of codes equal), from the fields the check documents.

// fact is one figure of a finding: what it is, and its value as written (a string, or an
// i18n.Text where the value reads differently in each language).
type fact struct {
	label i18n.Text
	value any
}

// factsText joins a finding's facts: "预算执行率 19.0%；不须说明原因的最低执行率 90%".
func factsText(fs []fact) i18n.Text {
	if len(fs) == 0 {
		return i18n.Text{}
	}
	zh, en := make([]string, len(fs)), make([]string, len(fs))
	for i, f := range fs {
		zh[i] = f.label.String(i18n.Zh) + " " + valueIn(f.value, i18n.Zh)
		en[i] = f.label.String(i18n.En) + " " + valueIn(f.value, i18n.En)
	}
	return i18n.T(strings.Join(zh, "；"), strings.Join(en, "; "))
}

func valueIn(v any, lang i18n.Lang) string {
	if t, ok := v.(i18n.Text); ok {
		return t.String(lang)
	}
	return fmt.Sprint(v)
}

// findingFacts states the figures of a finding of r, by its code's template; none when the
// message says all there is.
func findingFacts(r *engine.Result, f *engine.Finding) i18n.Text {
	c := &subject{r: r, f: f, d: r.Project.Scoring.Decimals}
	if f.Indicator >= 0 {
		c.ir = &r.Indicators[f.Indicator]
		c.ind = c.ir.Indicator
	}
	tmpl, ok := factTemplates[f.Code]
	if !ok {
		return i18n.Text{}
	}
	return factsText(tmpl(c))
}

// Labels that several codes share.
var (
	labelReported  = i18n.T("自评得分", "score stated")
	labelComputed  = i18n.T("计算得分", "computed score")
	labelWeight    = i18n.T("分值", "weight")
	labelReview    = i18n.T("复核得分", "review score")
	labelTarget    = i18n.T("指标值", "target")
	labelActual    = i18n.T("实际完成值", "actual value")
	labelTableSum  = i18n.T("各项自评得分之和", "sum of the scores stated")
	labelPrior     = i18n.T("上年度数值", "last year's value")
	labelFullMarks = i18n.T("满分", "full marks")
)

// score is a score as the project writes it; stated is a figure as the submission states it
// (no decimals added); pct is a fraction as a percentage with d decimals.
func (c *subject) score(x float64) string  { return num.Format(x, c.d) }
func (c *subject) stated(x float64) string { return num.Short(x, c.d) }
func pct(x float64, d int) string          { return num.Format(x*100, d) + "%" }

// factTemplates states each check's figures, by code. A template returns nil when the message
// holds no figure a column could add to.
var factTemplates = map[engine.Code]func(*subject) []fact{
	engine.ScoreMismatch: func(c *subject) []fact {
		if c.ir == nil {
			return []fact{{i18n.T("预算执行率得分（自评）", "budget-execution score stated"), c.stated(c.f.Actual.Num)},
				{i18n.T("执行率 × 分值", "rate × weight"), c.score(c.f.Expected.Num)}}
		}
		return []fact{{labelReported, c.stated(c.f.Actual.Num)}, {labelComputed, c.score(c.f.Expected.Num)}}
	},
	engine.TotalMismatch: func(c *subject) []fact {
		what := i18n.T("表中合计", "table total")
		if c.f.Field == engine.FieldReportedScore {
			what = labelReported
		}
		return []fact{{what, c.stated(c.f.Actual.Num)}, {labelTableSum, c.score(c.f.Expected.Num)}}
	},
	engine.GradeMismatch: func(c *subject) []fact {
		stated := fact{i18n.T("自评等次", "grade stated"), c.r.Project.Reported.Grade}
		switch c.f.Detail {
		case engine.GradeUnknown:
			return []fact{stated}
		case engine.GradeOfStated:
			return []fact{stated, {i18n.T("自评总分", "total stated"), c.stated(c.f.Args[0])}, {i18n.T("其等次", "its grade"), c.f.Expected.Text}}
		case engine.GradeRange:
			return []fact{stated, {i18n.T("计算总分", "computed total"), c.score(c.r.TotalMin) + "–" + c.score(c.r.TotalMax)},
				{i18n.T("计算等次", "computed grade"), c.f.Expected.Text}}
		}
		return []fact{stated, {i18n.T("计算总分", "computed total"), c.score(c.r.Total)}, {i18n.T("计算等次", "computed grade"), c.f.Expected.Text}}
	},
	engine.CountMismatch: func(c *subject) []fact {
		stated, table := itoa(c.f.Actual.Num), itoa(c.f.Expected.Num)
		if c.f.Field == engine.FieldReportedTargetsSet {
			return []fact{{i18n.T("自述设置个数", "targets stated as set"), stated}, {i18n.T("表中有指标值的个数", "targets in the table"), table}}
		}
		if most := int(c.f.Args[0]); most > int(c.f.Expected.Num) {
			table += "–" + strconv.Itoa(most)
		}
		return []fact{{i18n.T("自述完成个数", "targets stated as met"), stated}, {i18n.T("按实际完成值达到的个数", "targets met by the actual values"), table}}
	},
	engine.WeightSum: func(c *subject) []fact {
		return []fact{{i18n.T("分值合计", "weights' sum"), c.stated(c.f.Actual.Num)}, {labelFullMarks, c.stated(c.f.Expected.Num)}}
	},
	engine.WeightNegative: func(c *subject) []fact { return []fact{{labelWeight, c.stated(c.f.Actual.Num)}} },
	engine.ScoreOverWeight: func(c *subject) []fact {
		if c.f.Field == engine.FieldReported {
			return []fact{{labelReported, c.stated(c.f.Actual.Num)}, {labelWeight, c.stated(c.f.Expected.Num)}}
		}
		return []fact{{labelComputed, c.score(c.f.Actual.Num)}, {labelWeight, c.stated(c.f.Expected.Num)}}
	},
	engine.RangeViolation: func(c *subject) []fact {
		return []fact{{labelReported, c.stated(c.f.Actual.Num)}, {i18n.T("评分标准允许的区间", "range the criterion allows"), valueString(c.f.Expected, c.d)}}
	},
	engine.MissingValue: func(c *subject) []fact {
		if c.f.Detail == engine.MissingWeight {
			return []fact{{labelWeight, "0"}}
		}
		return nil
	},
	engine.Unscored: func(c *subject) []fact {
		return []fact{{i18n.T("得分区间", "score range"), c.score(c.ir.Min) + "–" + c.score(c.ir.Max)}}
	},
	engine.MissingReason: func(c *subject) []fact {
		return []fact{{labelTarget, c.ind.Target.Text}, {labelActual, c.ind.Actual.Text}}
	},
	engine.ActualCopiesTarget: func(c *subject) []fact { return []fact{{labelActual, c.f.Actual.Text}} },
	engine.ValueUnreadable: func(c *subject) []fact {
		if c.f.Field == engine.FieldTarget {
			return []fact{{labelTarget, c.ind.Target.Text}}
		}
		return []fact{{labelActual, c.ind.Actual.Text}}
	},
	engine.PercentAsFraction: func(c *subject) []fact {
		return []fact{{labelActual, c.ind.Actual.Text}, {labelTarget, c.ind.Target.Text}}
	},
	engine.UnitMismatch: func(c *subject) []fact {
		return []fact{{labelActual, c.ind.Actual.Text}, {labelTarget, c.ind.Target.Text}}
	},
	engine.FundsMismatch: func(c *subject) []fact {
		stated, want := num.Format(c.f.Actual.Num, 2), num.Format(c.f.Expected.Num, 2)
		switch c.f.Field {
		case engine.FieldFundsBalance:
			return []fact{{i18n.T("所填结余④", "balance ④ stated"), stated}, {i18n.T("①+②−③", "①+②−③"), want}}
		case engine.FieldFundsUnspent:
			return []fact{{i18n.T("所填结余⑦", "unspent ⑦ stated"), stated}, {i18n.T("⑤−⑥", "⑤−⑥"), want}}
		}
		return []fact{{i18n.T("所填结余率⑧", "unspent rate ⑧ stated"), stated + "%"}, {i18n.T("⑦/⑤", "⑦/⑤"), want + "%"}}
	},
	engine.CriterionUnparsed: func(c *subject) []fact {
		return []fact{{i18n.T("未能读懂的一段", "part not read"), "「" + c.f.Actual.Text + "」"}}
	},
	engine.TierGap:          func(*subject) []fact { return nil },
	engine.TierOverlap:      func(*subject) []fact { return nil },
	engine.TierUnreachable:  func(*subject) []fact { return nil },
	engine.TierNonMonotonic: func(*subject) []fact { return nil },
	engine.TierOverWeight: func(c *subject) []fact {
		return []fact{{i18n.T("该档得分", "the tier's score"), c.score(c.f.Actual.Num)}, {labelWeight, c.stated(c.f.Expected.Num)}}
	},
	engine.TargetThreshold: func(c *subject) []fact {
		from := fact{i18n.T("满分起点", "full marks from"), valueText(c.f.Actual.Num, c.f.Var, c.ind)}
		if c.f.Var == analysis.VarRate {
			return []fact{from, {i18n.T("应为完成率", "should be the rate"), "100%"}}
		}
		return []fact{from, {labelTarget, valueText(c.f.Expected.Num, c.f.Var, c.ind)}}
	},
	engine.NoCriterion: func(*subject) []fact { return nil },
	engine.TargetBelowPrior: func(c *subject) []fact {
		return []fact{{labelTarget, c.ind.Target.Text}, {labelPrior, c.ind.Prior.Text}}
	},
	engine.OverachievedUnexplained: func(c *subject) []fact {
		return []fact{{labelActual, c.ind.Actual.Text}, {labelTarget, c.ind.Target.Text},
			{i18n.T("完成比例", "actual / target"), pct(c.f.Args[0], 1)}, {i18n.T("须说明原因的比例", "ratio that needs a reason"), pct(c.f.Args[1], 0)}}
	},
	engine.ExecutionUnexplained: func(c *subject) []fact {
		return []fact{{i18n.T("预算执行率", "execution rate"), pct(c.f.Actual.Num, 1)},
			{i18n.T("不须说明原因的最低执行率", "lowest rate without a reason"), pct(c.f.Expected.Num, 0)}}
	},
	engine.BalanceRateHigh: func(c *subject) []fact {
		return []fact{{i18n.T("结余率", "balance rate"), pct(c.f.Actual.Num, 2)}, {i18n.T("结余率上限", "highest balance rate"), pct(c.f.Expected.Num, 0)}}
	},
	engine.SpendResultsGap: func(c *subject) []fact {
		return []fact{{i18n.T("得分占分值的比例", "share of the weight scored"), pct(c.f.Actual.Num, 1)},
			{i18n.T("预算执行率", "execution rate"), pct(c.f.Expected.Num, 1)}}
	},
	engine.AllFullMarks: func(c *subject) []fact {
		return []fact{{i18n.T("满分的指标", "indicators at full marks"), itoa(c.f.Args[0])}}
	},
	engine.UnitMissing:        func(c *subject) []fact { return []fact{{labelTarget, c.ind.Target.Text}} },
	engine.ReviewScoreMissing: func(*subject) []fact { return nil },
	engine.ReviewScoreOverWeight: func(c *subject) []fact {
		return []fact{{labelReview, c.score(c.f.Actual.Num)}, {labelWeight, c.stated(c.f.Expected.Num)}}
	},
	engine.ReviewCutUnexplained: func(c *subject) []fact {
		from := labelComputed
		if c.f.Args[0] == 1 {
			from = labelReported
		}
		return []fact{{labelReview, c.score(c.f.Actual.Num)}, {from, c.stated(c.f.Expected.Num)}}
	},
	engine.ReviewRaiseUnexplained: func(c *subject) []fact {
		return []fact{{labelReview, c.score(c.f.Actual.Num)}, {labelReported, c.stated(c.f.Expected.Num)}}
	},
	engine.ReviewRuleUnknown: func(c *subject) []fact { return []fact{{i18n.T("复核口径", "review rule"), c.f.Actual.Text}} },
	engine.ReviewRuleMismatch: func(c *subject) []fact {
		if c.f.Detail == engine.RuleCompletionBelow {
			return []fact{{i18n.T("完成率", "completion rate"), pct(c.f.Args[0], 2)}, {i18n.T("口径适用的完成率下限", "rate the rule applies above"), pct(c.f.Args[1], 0)}}
		}
		return []fact{{labelReview, c.score(c.f.Actual.Num)}, {i18n.T("口径应得", "score the rule gives"), valueString(c.f.Expected, c.d)}}
	},
	engine.ReviewNoteMissing: func(*subject) []fact { return nil },
}

func itoa(x float64) string { return num.Short(x, 0) }

// docFactTemplates states the figures of each code of a published report, by code, from the
// fields its catalogue documents (a test holds the codes equal to the message templates').
var docFactTemplates = map[string]func(*published.Finding) []fact{
	published.CodeRowUnread:        nil,
	published.CodeCellsMissing:     nil,
	published.CodeTableUnread:      nil,
	published.CodePageNoText:       nil,
	published.CodeRowFromReport:    nil,
	published.CodeReportMissing:    nil,
	published.CodeTableMissing:     nil,
	published.CodeContentsMissing:  nil,
	published.CodeContentsUnlisted: nil,
	published.CodeHeadingDiffers: func(f *published.Finding) []fact {
		return []fact{{i18n.T("自评表的层级", "the table's headings"), docString(f.Actual)}, {i18n.T("评价报告的层级", "the report's headings"), docString(f.Expected)}}
	},
	published.CodeEvalMismatch: func(f *published.Finding) []fact {
		return []fact{{i18n.T("自评表中", "in the table"), docString(f.Actual)}, {i18n.T("评价报告中", "in the evaluation report"), docString(f.Expected)}}
	},
	published.CodeTotalMismatch:   docAmounts(i18n.T("所写合计", "total stated"), i18n.T("各行之和", "sum of the lines")),
	published.CodeRowMismatch:     docAmounts(i18n.T("合计栏", "total column"), i18n.T("各栏之和", "sum of the columns")),
	published.CodeBalanceMismatch: docAmounts(i18n.T("等式左边", "left side"), i18n.T("等式右边", "right side")),
	published.CodeCrossMismatch:   docAmounts(i18n.T("本表", "this table"), i18n.T("另一表", "the other table")),
	published.CodeLineMissing: func(f *published.Finding) []fact {
		return []fact{{i18n.T("本表金额", "amount in this table"), fmt.Sprint(docString(f.Actual)) + docUnit(f)}}
	},
	published.CodeLineMismatch: docAmounts(i18n.T("本表", "this table"), i18n.T("另一表", "the other table")),
	published.CodeLineExceeds:  docAmounts(i18n.T("财政拨款支出", "fiscal spending"), i18n.T("该科目全部支出", "all spending on the subject")),
	published.CodeUnitMismatch: func(f *published.Finding) []fact {
		return []fact{{i18n.T("所印数字（左）", "printed (left)"), docString(f.Actual)}, {i18n.T("所印数字（右）", "printed (right)"), docString(f.Expected)},
			{i18n.T("所标单位", "units stated"), strings.Join(f.Names, "、")}}
	},
	published.CodeNarrativeFigure: docAmounts(i18n.T("文中金额", "amount stated"), i18n.T("表中金额", "amount in the table")),
	published.CodeNarrativeShare:  docPercents(i18n.T("文中占比", "share stated"), i18n.T("算出的占比", "share computed")),
	published.CodeNarrativeChange: docPercents(i18n.T("文中变化率", "rate of change stated"), i18n.T("算出的变化率", "rate of change computed")),
	published.CodeNarrativeNoBase: docPercents(i18n.T("文中比率", "rate stated"), i18n.T("对全年预算的完成率", "rate of the full-year budget")),
	published.CodeNarrativeRate:   docPercents(i18n.T("文中完成率", "completion rate stated"), i18n.T("算出的完成率", "completion rate computed")),
	published.CodeNarrativeCount: func(f *published.Finding) []fact {
		return []fact{{i18n.T("文中个数", "number stated"), docString(f.Actual)}, {i18n.T("报告中的份数", "tables in the report"), docString(f.Expected)}}
	},
	published.CodeNarrativeAverage: func(f *published.Finding) []fact {
		return []fact{{i18n.T("文中平均得分", "average stated"), docString(f.Actual)}, {i18n.T("各项目得分的平均", "average of the projects' scores"), docString(f.Expected)}}
	},
	published.CodeNarrativeUnchecked: func(f *published.Finding) []fact {
		out := []fact{{i18n.T("文中个数", "number stated"), docString(f.Actual)}}
		if len(f.Names) > 0 {
			out = append(out, fact{i18n.T("文中其他数字", "other figures stated"), strings.Join(f.Names, "；")})
		}
		return out
	},
	published.CodeNarrativeFunds: docAmounts(i18n.T("文中资金总额", "funds stated"), i18n.T("各项目预算之和", "sum of the projects' budgets")),
	published.CodeNarrativeGrades: func(f *published.Finding) []fact {
		by := i18n.T("按计算等次", "by the computed grades")
		if f.Item == "stated" {
			by = i18n.T("按自评表所填等次", "by the grades the tables state")
		}
		return []fact{{i18n.T("文中等次", "grades stated"), docString(f.Actual)}, {by, docString(f.Expected)}}
	},
}

// docAmounts states a finding's amount as stated and as determined, and their difference.
func docAmounts(stated, other i18n.Text) func(*published.Finding) []fact {
	return func(f *published.Finding) []fact {
		out := []fact{{stated, docString(f.Actual)}, {other, docString(f.Expected)}}
		if f.Diff != 0 {
			out = append(out, fact{i18n.T("相差", "difference"), money(abs(f.Diff)) + docUnit(f)})
		}
		return out
	}
}

// docPercents states a finding's percentage as stated and as computed (when there is one).
func docPercents(stated, other i18n.Text) func(*published.Finding) []fact {
	return func(f *published.Finding) []fact {
		out := []fact{{stated, docPercent(f.Actual) + "%"}}
		if f.Expected != nil {
			out = append(out, fact{other, docPercent(f.Expected) + "%"})
		}
		return out
	}
}

// docString is a document figure as its message writes it: an amount as the tables print it,
// grade counts in the reader's language, anything else as given.
func docString(v any) any {
	if t, ok := docValue(v).(i18n.Text); ok {
		return t
	}
	return fmt.Sprint(docValue(v))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// docFindingFacts states the figures of a report's finding, by its code's template.
func docFindingFacts(f *published.Finding) i18n.Text {
	tmpl := docFactTemplates[f.Code]
	if tmpl == nil {
		return i18n.Text{}
	}
	return factsText(tmpl(f))
}

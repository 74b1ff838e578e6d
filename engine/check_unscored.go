package engine

import (
	"jixiao/internal/i18n"
	"jixiao/rules"
)

var checkUnscored = &Check{
	Code:     Unscored,
	Severity: Warning,
	Title:    i18n.T("指标无法计分", "indicator cannot be scored"),
	Doc: i18n.T(
		"某指标无法按其评分标准计分：实际完成值是文字而评分标准要比较数字、没有一档条件成立（评分标准有缺口）、指标值为 0 无法计算比例、"+
			"逾期完成而没有规定逾期如何计分（[scoring] late_per_month）、定性的实际完成值读不出达成程度等。"+
			"该指标不按 0 分计：总分显示为区间。消息说明原因；请补充数字，或为文字值设定定性档次。",
		"An indicator cannot be scored by its criterion: the actual value is text where the criterion compares "+
			"numbers, no tier's condition holds (the criterion has a gap), the target is 0 so no ratio exists, a "+
			"deadline was missed and nothing says how lateness is scored ([scoring] late_per_month), a qualitative "+
			"actual's words state no band, and so on. It is not counted as 0: the total is shown as a range. The message gives the reason; give a number, "+
			"or tiers for text values."),
	// The reason is the indicator's (IndicatorResult.Reason); the range its Min..Max. A
	// criterion left unread is told by criterion-unparsed, at the part concerned, and a value
	// that cannot be read by value-unreadable, and one in a unit not the target's by
	// unit-mismatch.
	run: func(rv *reviewer) {
		told := !rv.cfg.Disabled[CriterionUnparsed]
		unreadable := !rv.cfg.Disabled[ValueUnreadable]
		units := !rv.cfg.Disabled[UnitMismatch]
		for i := range rv.r.Indicators {
			ir := &rv.r.Indicators[i]
			if !ir.Applicable || ir.Kind != rules.Unscored {
				continue
			}
			switch ir.Reason.Code {
			case rules.CriterionUnread:
				if told {
					continue
				}
			case rules.TargetUnreadable, rules.ActualUnreadable:
				if unreadable {
					continue
				}
			case rules.ActualUnit:
				if units {
					continue
				}
			}
			rv.report(i, FieldActual, Finding{})
		}
	},
}

package engine

import (
	"unicode/utf8"

	"jixiao/internal/i18n"
	"jixiao/rules"
)

var checkCriterionUnparsed = &Check{
	Code:     CriterionUnparsed,
	Severity: Warning,
	Lint:     true,
	Title:    i18n.T("评分标准有未能读懂的部分", "part of the criterion could not be read"),
	Doc: i18n.T(
		"指标只写了评分标准的文字（没有 tiers），jixiao 按文字推出分档时，有一段读不懂：既没有分数，或条件无法理解。"+
			"消息给出这一段的原文和位置；这一段不参与计分，jixiao 不会猜。请把它改写清楚，或直接写出 tiers。"+
			"若整段标准都读不懂，该指标按默认方法计分（另有 no-criterion 提示）。",
		"An indicator gives its criterion as text only (no tiers), and reading it into tiers left a part "+
			"unread: it has no score, or its condition is not understood. The message quotes the part and says "+
			"where it stands; it plays no part in the score, and jixiao does not guess. Rewrite it plainly, or "+
			"write the tiers. If nothing could be read, the indicator is scored by the default method (with a "+
			"no-criterion finding)."),
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			for _, u := range rv.r.Indicators[i].Criterion.Unparsed {
				var why i18n.Text
				switch u.Reason {
				case rules.UnparsedNoScore:
					why = i18n.T("没有分数", "it gives no score")
				case rules.UnparsedLastYear:
					why = i18n.T("与上年比较，需按上年数值计算增长，请直接写出 tiers", "it compares with last year, which needs last year's value: write the tiers")
				default:
					why = i18n.T("条件读不懂", "its condition is not understood")
				}
				f := rv.newIndicatorFinding(i, "criterion", i18n.T("评分标准中这一段未能读懂（%s）：「%s」（第 %d–%d 个字）",
					"this part of the criterion could not be read (%s): \"%s\" (characters %d–%d)",
					why, u.Source, u.Span.Start+1, u.Span.Start+utf8.RuneCountInString(u.Source)), i18n.Text{}, nil, u.Source)
				if u.Pos.IsValid() {
					f.Pos = u.Pos
				}
				rv.add(f)
			}
		}
	},
}

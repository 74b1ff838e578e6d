package engine

import (
	"jixiao/internal/i18n"
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
	// Index the unread part (Criterion.Unparsed); Actual its text.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			unread := rv.r.Indicators[i].Criterion.Unparsed
			for k := range unread {
				rv.report(i, FieldCriterionPart, Finding{Index: k, Actual: TextOf(unread[k].Source)})
			}
		}
	},
}

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
			"消息给出这一段的原文、位置和读不懂的原因；jixiao 不会猜。整段标准都读不懂时该指标不计分（0 至分值的区间），"+
			"只读懂一部分时，读懂的档次只为这一段不可能改变的取值计分（这一段在它之前、或可能在任何一档之上加扣分时，该值也不计分）。"+
			"请把它改写清楚，或直接写出 tiers；[scoring] unread = \"default\" 可改为按默认方法计分，并在该行注明。",
		"An indicator gives its criterion as text only (no tiers), and reading it into tiers left a part "+
			"unread: it has no score, or its condition is not understood. The message quotes the part, says "+
			"where it stands and why it was not read; jixiao does not guess. If nothing could be read, the "+
			"indicator is unscored (a range from 0 to its weight); read in part, the tiers read score only the "+
			"values the unread part could not change (a part before a tier, or one that may add or deduct on top of "+
			"any tier, leaves those values unscored too). Rewrite it plainly, or write the tiers; [scoring] unread "+
			"= \"default\" scores such an indicator by the default method instead, and its row says so."),
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

package prose

import "jixiao/internal/i18n"

// quoted is a part of the criterion's own text as a detail: the same in both languages.
func quoted(s string) i18n.Text {
	if s == "" {
		return i18n.Text{}
	}
	return i18n.Text{Zh: s, En: s}
}

// Text says in words what a rule reads.
func (r Rule) Text() i18n.Text {
	switch r {
	case RuleThreshold:
		return i18n.T("比较", "a comparison")
	case RuleRange:
		return i18n.T("区间", "a range")
	case RuleBare:
		return i18n.T("单独的数值：达到该值", "a bare value: reaching it")
	case RuleCompletion:
		return i18n.T("完成目标或计划", "completing the target or plan")
	case RuleComplement:
		return i18n.T("前一档的其余情形", "the rest of a tier before")
	case RuleNotStarted:
		return i18n.T("未开展、未发生", "nothing done, nothing happened")
	case RuleOneFailure:
		return i18n.T("有一例不达标：并非全部", "one failure: not all")
	case RuleDeviation:
		return i18n.T("与目标值的偏差", "the deviation from the target")
	case RuleGrade:
		return i18n.T("定性等级", "a qualitative grade")
	case RuleRequired:
		return i18n.T("扣分前所写的要求", "the requirement a deduction follows")
	case RuleOnTime:
		return i18n.T("按期完成：不晚于期限", "on time: by the deadline")
	case RuleLate:
		return i18n.T("未按期完成：晚于期限", "late: after the deadline")
	case RulePoints:
		return i18n.T("得分", "points")
	case RuleFull:
		return i18n.T("满分", "full marks")
	case RuleNothing:
		return i18n.T("不得分", "no points")
	case RuleDiscretionary:
		return i18n.T("由复核人在区间内定分", "the reviewer's choice within a range")
	case RuleShare:
		return i18n.T("分值的百分比区间", "a share of the weight")
	case RuleDeduction:
		return i18n.T("按差距逐点扣分", "a deduction per point of the gap")
	case RuleSteps:
		return i18n.T("按整档扣（加）分", "whole steps only")
	case RuleBonus:
		return i18n.T("按超出部分加分", "a bonus per point above")
	case RuleFixed:
		return i18n.T("扣去固定分数", "a fixed deduction")
	case RuleFormula:
		return i18n.T("按公式计分", "a formula")
	}
	return i18n.T(string(r), string(r))
}

// Text says a convention in words.
func (c Convention) Text() i18n.Text {
	switch c {
	case ConvInclusiveWords:
		return i18n.T("“以上”“以下”“以内”包含本数", string(c))
	case ConvExplicitWins:
		return i18n.T("标明“（含）”的档取得该点，“以上”“以下”让出", string(c))
	case ConvBareRange:
		return i18n.T("未标“（含）”的区间两端都包含", string(c))
	case ConvSharedEnd:
		return i18n.T("两档都包含的端点归先列出的一档", string(c))
	case ConvOneEndMarked:
		return i18n.T("区间一端标“（含）”，另一端不含", string(c))
	case ConvFirstMatch:
		return i18n.T("两档都包含的数值归先列出的一档", string(c))
	case ConvBareValue:
		return i18n.T("单独的数值指达到该值", string(c))
	case ConvFromTarget:
		return i18n.T("未写起扣点的扣分从目标值起算", string(c))
	case ConvFullImplied:
		return i18n.T("起扣点及以上（以下）得满分", string(c))
	case ConvNoFloor:
		return i18n.T("未写下限的扣分扣到 0 分为止", string(c))
	case ConvFormulaCap:
		return i18n.T("未写上限的公式以分值为上限", string(c))
	case ConvBonusCap:
		return i18n.T("未写上限的加分以分值为上限", string(c))
	case ConvPercentActual:
		return i18n.T("以百分比计量的指标，文中的百分数是实际值本身", string(c))
	case ConvPercentRate:
		return i18n.T("不以百分比计量的指标，文中的百分数是占目标值的比例", string(c))
	}
	return i18n.T(string(c), string(c))
}

// Text says why a part is left unread, in words.
func (r Reason) Text() i18n.Text {
	switch r {
	case NoScore:
		return i18n.T("没有分数", string(r))
	case ScoreUnread:
		return i18n.T("分数的写法读不懂", string(r))
	case Condition:
		return i18n.T("条件读不懂", string(r))
	case LastYear:
		return i18n.T("与上年比较，需要上年数值", string(r))
	case Date:
		return i18n.T("日期或期限，不是指标值", string(r))
	case Rank:
		return i18n.T("排名，不是指标值", string(r))
	case SeveralQuantities:
		return i18n.T("同时涉及几个数量", string(r))
	case Events:
		return i18n.T("按事件或项目计数，不是本指标的值", string(r))
	case NoRange:
		return i18n.T("酌情扣分却没有给出范围", string(r))
	case Ambiguous:
		return i18n.T("有两种读法且得分不同", string(r))
	case OtherQuantity:
		return i18n.T("涉及本指标以外的数量", string(r))
	case BareNumber:
		return i18n.T("描述旁的数值没有比较词，不知所指", string(r))
	case NoTarget:
		return i18n.T("需要指标值（目标值），但未给出", string(r))
	case NoWeight:
		return i18n.T("需要分值，但未给出", string(r))
	case Depends:
		return i18n.T("依赖未能读懂的部分", string(r))
	}
	return i18n.T(string(r), string(r))
}

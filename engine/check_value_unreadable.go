package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
)

var checkValueUnreadable = &Check{
	Code:     ValueUnreadable,
	Severity: Error,
	Title:    i18n.T("指标值或实际完成值写错，读不出", "target or actual value written wrongly: unreadable"),
	Doc: i18n.T(
		"指标值或实际完成值写成了数字、日期或比较式，却读不出来：数字里混入字母（把 0 写成字母 O，如 “≥1OO人”“8O%”）、"+
			"两个小数点（“95.5.%”）、千分位逗号位置不对（“1,0000”）、不存在的日期（“2023年13月底前”“2023年2月30日”），"+
			"或比较符号后面没有数字（“>=abc”）。jixiao 不把它读成较短的数字，也不当作文字：指标值读不出时无法判断是否完成，"+
			"需要它计分的指标不计分（总分为区间）；实际完成值读不出时该指标不计分。请改正所写的值。",
		"A target or actual value is written as a number, a date or a comparison that cannot be read as one: a letter "+
			"among the digits (O typed for 0: \"≥1OO人\", \"8O%\"), two decimal points (\"95.5.%\"), a thousands "+
			"separator out of place (\"1,0000\"), a date that does not exist (\"2023年13月底前\", \"2023年2月30日\"), or a "+
			"comparison sign with no number after it (\">=abc\"). jixiao neither reads it as a shorter number nor as words: "+
			"with such a target, whether it was met cannot be told and an indicator scored against it is unscored (the "+
			"total is a range); with such an actual, the indicator is unscored. Correct the value as written."),
	// Field target or actual; Detail the flaw (UnreadableLetter…). The indicator's reason
	// (TargetUnreadable, ActualUnreadable) says whether it left it unscored.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if !ind.Applicable {
				continue
			}
			if d := unreadable(&rv.envs[i], &ind.Target); d != NoDetail {
				rv.report(i, FieldTarget, Finding{Detail: d, Actual: TextOf(ind.Target.Text)})
			}
			if d := unreadable(&rv.envs[i], &ind.Actual); d != NoDetail {
				rv.report(i, FieldActual, Finding{Detail: d, Actual: TextOf(ind.Actual.Text)})
			}
		}
	},
}

// unreadable is the flaw of a value written as text that was meant as a number, a date or a
// comparison, as the Detail of its finding; NoDetail for a value that reads, or text. env
// is its indicator's environment, which remembers the flaws of texts read before.
func unreadable(env *rules.Env, v *indicators.Value) Detail {
	if !v.Set || v.IsNum || v.IsDate {
		return NoDetail
	}
	switch env.TextFlaw(v.Text) {
	case num.FlawLetter:
		return UnreadableLetter
	case num.FlawPoints:
		return UnreadablePoints
	case num.FlawSeparator:
		return UnreadableSeparator
	case num.FlawDate:
		return UnreadableDate
	case num.FlawNoValue:
		return UnreadableNoValue
	}
	return NoDetail
}

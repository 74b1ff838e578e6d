package rules

import (
	"math"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules/prose"
)

// What the rest of jixiao sees of a criterion's prose, read by package prose.
type (
	// Span is a stretch of a criterion's text, in runes.
	Span = prose.Span
	// Unparsed is a part of a criterion's text left unread, with the reason.
	Unparsed = prose.Unread
)

// Why a part of a criterion was left unread; prose names more reasons than these.
const (
	UnparsedNoScore   = prose.NoScore
	UnparsedCondition = prose.Condition
	UnparsedLastYear  = prose.LastYear
)

// ReadCriterion reads an indicator's criterion prose into tiers, with what it left unread.
func ReadCriterion(text string, ctx prose.Context) ([]prose.Tier, []Unparsed) {
	r := prose.Read(text, ctx)
	return r.Tiers, r.Unread
}

// ContextOf is what the criterion reader needs to know of an indicator: its name, unit,
// target with the direction its operator gives, and weight.
func ContextOf(ind *indicators.Indicator) prose.Context {
	ctx := prose.Context{Name: ind.Name, Unit: ind.Unit, Weight: ind.Weight, Target: math.NaN(),
		Text: ind.Actual.Set && !ind.Actual.IsNum && !indicators.SameText(ind.Actual, ind.Target)}
	// A deadline against a date actual (or none yet, in a template, or one written wrongly:
	// "2025年2月30日"): timeliness words read the dates. An actual in words ("按时完成") keeps
	// them as its grades.
	if t := &ind.Target; t.IsDate && (t.Op == indicators.OpLE || t.Op == indicators.OpLT || t.Op == indicators.OpNone) &&
		(ind.Actual.IsDate || !ind.Actual.Set || !ind.Actual.IsNum && num.Flawed(ind.Actual.Text) != num.NoFlaw) {
		ctx.Deadline, ctx.Text = true, false
	}
	if ctx.Unit == "" && (ind.Target.Percent || ind.Actual.Percent) {
		ctx.Unit = "%"
	}
	if ind.Target.IsNum {
		ctx.Target = ind.Target.Num
	}
	// A plain number gives Higher in the model; only an operator or a direction written in
	// the file is the indicator's own.
	if ind.Target.Op != indicators.OpNone || ind.Direction != indicators.Higher {
		switch ind.Direction {
		case indicators.Higher:
			ctx.Direction = prose.Higher
		case indicators.Lower:
			ctx.Direction = prose.Lower
		case indicators.Equal:
			ctx.Direction = prose.Equal
		}
	}
	return ctx
}

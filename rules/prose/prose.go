package prose

import (
	"math"

	"jixiao/internal/i18n"
)

// Direction says which way is better for the indicator's actual value.
type Direction uint8

// Directions. Unknown means the target carries no operator: the text decides, and a bare
// value is read as reaching it (a convention, named where it is applied).
const (
	Unknown Direction = iota
	Higher            // ≥ ＞: more is better
	Lower             // ≤ ＜: less is better
	Equal             // ＝: the target exactly
)

// Context is what the reader knows of the criterion's indicator.
type Context struct {
	Name      string    // 三级指标: its digits ("60周岁以上…", "12345热线…") are no thresholds
	Unit      string    // 度量单位: "%", "人", "万亩"…; "" when none is given
	Target    float64   // 指标值 in Unit; NaN when there is none
	Direction Direction // from the target's operator, or Unknown
	Weight    float64   // 分值, in points
	// Text says the actual value is text (定性): conditions without numbers are grades on it.
	// Without a unit and a target the reader assumes the same.
	Text bool
	// Deadline says the target is a deadline and the actual value a date: words of
	// timeliness are read against it (按时完成: late_days <= 0; 未按时完成, 逾期: the rest;
	// 每延迟1个月扣2分: a deduction per month late, late_months).
	Deadline bool
}

func (c Context) hasTarget() bool { return !math.IsNaN(c.Target) && !math.IsInf(c.Target, 0) }

// percent reports whether the indicator is measured in percent: a percentage in the text is
// then the actual value itself, otherwise a share of the target.
func (c Context) percent() bool { return c.Unit == "%" }

// qualitative reports whether conditions without numbers may be grades of a text actual.
func (c Context) qualitative() bool { return !c.Deadline && (c.Text || c.Unit == "" && !c.hasTarget()) }

// Span is a stretch of the criterion's text, in runes: [Start, End).
type Span struct {
	Start, End int
}

// Rule names a reading rule: what read a condition or a consequence. The names are stable;
// the README's criterion-reader section documents each with an example.
type Rule string

// Reading rules for conditions.
const (
	RuleThreshold  Rule = "threshold"   // ≥95%, 不低于93%但低于96%, 95%≤x<97%, 90%以上
	RuleRange      Rule = "range"       // 80-90%, 在80-90%之间, 80%（含）至90%
	RuleBare       Rule = "bare-value"  // 执行率100%, 培养40人: reaching the value
	RuleCompletion Rule = "completion"  // 全部完成, 完成年度计划, 按计划完成, 达到目标值
	RuleComplement Rule = "complement"  // 未达到, 未完成, 不到位, 否则: the rest of a tier before
	RuleNotStarted Rule = "not-started" // 未开展: nothing done
	RuleOneFailure Rule = "one-failure" // 有1人不达标的: not all of a tier before
	RuleDeviation  Rule = "deviation"   // 偏差±4%（含）以内, 上下浮动5%以内, 偏离度≤2%
	RuleGrade      Rule = "grade"       // 好/较好/一般/差, 达成/部分达成/未达成: the text actual
	RuleRequired   Rule = "requirement" // 全年开展12期 before 每少1期扣1分: full marks at the requirement
	RuleOnTime     Rule = "on-time"     // 按时完成, 按期, 如期 against a deadline target: late_days <= 0
	RuleLate       Rule = "late"        // 未按时完成, 逾期 against a deadline target: late_days > 0
)

// Reading rules for consequences.
const (
	RulePoints        Rule = "points"          // 得10分, 计4分, (14分), 【5分】
	RuleFull          Rule = "full-marks"      // 得满分
	RuleNothing       Rule = "nothing"         // 不得分, 得0分
	RuleDiscretionary Rule = "discretionary"   // 得12~16分, 10分到13分, 酌情得0-5分
	RuleShare         Rule = "share-of-weight" // 得分值的80%-100%
	RuleDeduction     Rule = "deduction"       // 每降低1个百分点扣0.5分
	RuleSteps         Rule = "whole-steps"     // 每低于5%扣1.5分: only whole steps of 5 count
	RuleBonus         Rule = "bonus"           // 每超过1个百分点加0.5分
	RuleFixed         Rule = "fixed-deduction" // 该项扣3分
	RuleFormula       Rule = "formula"         // 得分=完成率×分值, 按完成比例计算得分
)

// Convention names a convention of the field that settled a reading another reading could
// have given; the corpus README lists them. `jixiao tiers --explain` shows the ones applied.
type Convention string

// Conventions.
const (
	ConvInclusiveWords Convention = "以上/以下 include their number"
	ConvExplicitWins   Convention = "an explicit (含) claims the point from an implicit 以上/以下"
	ConvBareRange      Convention = "a bare range includes both ends"
	ConvSharedEnd      Convention = "a point two tiers claim goes to the tier listed first"
	ConvOneEndMarked   Convention = "a (含) on one end of a range leaves the other end open"
	ConvFirstMatch     Convention = "values two tiers claim go to the tier listed first"
	ConvBareValue      Convention = "a bare value means reaching it"
	ConvFromTarget     Convention = "a deduction with no threshold of its own counts from the target"
	ConvFullImplied    Convention = "full marks at or beyond the threshold a deduction counts from"
	ConvNoFloor        Convention = "no floor written means 0"
	ConvFormulaCap     Convention = "a formula without a cap stops at the weight"
	ConvBonusCap       Convention = "a bonus without a cap stops at the weight"
	ConvPercentActual  Convention = "a percentage of an indicator measured in % is the actual value"
	ConvPercentRate    Convention = "a percentage of an indicator not measured in % is a share of the target"
)

// Tier is one tier read from the text: When and Score are expressions for the rules
// compiler (over actual, rate, text, weight, target); a discretionary tier has Min and Max
// instead of Score.
type Tier struct {
	When     string
	Score    string // "" for a discretionary range
	Min, Max *float64
	Span     Span   // the text it was read from
	Source   string // the text of Span
	// Cond and Then are the words of its condition and consequence ("" for a condition the
	// consequence implies: a deduction's side of its threshold, full marks implied), and
	// CondRule and ThenRule the rules that read them.
	Cond, Then         string
	CondRule, ThenRule Rule
	Conventions        []Convention // the conventions that settled its reading
}

// Reason says why a part of the text is left unread. The values are stable.
type Reason string

// Reasons.
const (
	NoScore           Reason = "no score in this part"
	ScoreUnread       Reason = "a score written in words the reader does not follow"
	Condition         Reason = "condition not understood"
	LastYear          Reason = "compares with last year"
	Date              Reason = "a date or deadline"
	Rank              Reason = "a ranking"
	SeveralQuantities Reason = "several quantities at once"
	Events            Reason = "counts events or items the indicator does not measure"
	NoRange           Reason = "discretionary deduction without a range"
	Ambiguous         Reason = "two readings score differently"
	OtherQuantity     Reason = "a quantity that is not the indicator's"
	BareNumber        Reason = "a bare number beside a description"
	NoTarget          Reason = "needs a target, and none is given"
	NoWeight          Reason = "needs the weight, and none is given"
	Depends           Reason = "depends on a part not read"
)

// Unread is a part of the text left unread, with why; Detail names an ambiguity or what was
// not understood.
type Unread struct {
	Span   Span
	Source string
	Reason Reason
	Detail i18n.Text
}

// PartKind says what became of a part of the text.
type PartKind uint8

// Part kinds.
const (
	Used   PartKind = iota // read into a tier
	Filler                 // known filler: separators, list labels, preambles, notes
	Left                   // unread, with a reason
)

// Part is a stretch of the text and what became of it. The parts of a Reading cover the
// text in order, without gaps or overlaps.
type Part struct {
	Span Span
	Kind PartKind
	Tier int    // Used: the 0-based tier; otherwise -1
	What string // Filler: what kind ("separator", "list label", "checking note"…); Left: the reason
}

// Reading is what Read makes of a criterion.
type Reading struct {
	Tiers  []Tier
	Unread []Unread
	Parts  []Part
}

// Whole reports whether every part of the text was read or is filler.
func (r Reading) Whole() bool { return len(r.Unread) == 0 && len(r.Tiers) > 0 }

// MaxText bounds the text read, in runes: a criterion is a cell of a table, and anything
// longer is left unread as a whole.
const MaxText = 4000

// Read reads criterion prose into tiers for the indicator described by ctx.
func Read(text string, ctx Context) Reading {
	r := newReader(text, ctx)
	r.read()
	return r.result()
}

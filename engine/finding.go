package engine

import (
	"strconv"

	"jixiao/indicators"
	"jixiao/rules"
	"jixiao/rules/analysis"
)

// Severity ranks a finding.
type Severity uint8

// Severities, most severe first.
const (
	Error   Severity = iota // a number that is wrong: the submission must be corrected
	Warning                 // something a reviewer must look at and usually query
	Info                    // worth knowing; not wrong in itself
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Finding is one inconsistency in a submission, as data: what check found it, about what,
// and the numbers involved. It holds no text: report renders its message and hint from
// its code's template, in either language, the same way for every output.
type Finding struct {
	Code     Code
	Severity Severity
	// Detail says which of its check's messages (and hints) it is, where there are several.
	Detail Detail
	// The subject: Indicator is the 0-based indicator, or −1 for the project; Field is the
	// key of it the finding is about; Index is the 0-based tier of a FieldTier finding, or
	// the 0-based unread part of the criterion (Criterion.Unparsed) of a FieldCriterionPart.
	Field Field
	// Var and Sampled go with Set: the variable its values are values of, and whether the
	// analysis sampled the conditions rather than read them exactly.
	Var       analysis.Variable
	Sampled   bool
	Indicator int
	Index     int
	// Tier is another tier the message names, 1-based; 0 for none.
	Tier int
	// Expected is the value jixiao computes, Actual the value the submission states.
	Expected, Actual Value
	// Args are further numbers the message states, in the order its check documents.
	Args [4]float64
	// Set is what a check of the tiers found: the values concerned (a gap, an overlap, the
	// domain).
	Set analysis.Set
}

// Project reports whether the finding is about the project rather than one indicator.
func (f *Finding) Project() bool { return f.Indicator < 0 }

// Value is a value a finding states: a number, a count, a text or a range of scores.
type Value struct {
	Kind     ValueKind
	Num, Max float64 // NumberValue and CountValue: Num; RangeValue: Num..Max
	Text     string  // TextValue
}

// ValueKind says what a Value holds.
type ValueKind uint8

// The kinds of values.
const (
	NoValue ValueKind = iota
	NumberValue
	CountValue
	TextValue
	RangeValue
)

// Num is a number.
func Num(x float64) Value { return Value{Kind: NumberValue, Num: x} }

// CountOf is a whole count.
func CountOf(n int) Value { return Value{Kind: CountValue, Num: float64(n)} }

// TextOf is a text.
func TextOf(s string) Value { return Value{Kind: TextValue, Text: s} }

// RangeOf is a range of scores, lo..hi.
func RangeOf(lo, hi float64) Value { return Value{Kind: RangeValue, Num: lo, Max: hi} }

// Field is the key of a project or an indicator that a finding is about.
type Field uint8

// The keys findings are about.
const (
	FieldNone Field = iota // the indicator's own table (for a project finding: the file)
	// Of the project.
	FieldIndicators // the indicators as a whole
	FieldFundsBalance
	FieldFundsUnspent
	FieldFundsUnspentRate
	FieldFundsSpent
	FieldFundsReported
	FieldReportedTotal
	FieldReportedScore
	FieldReportedGrade
	FieldReportedTargetsSet
	FieldReportedTargetsMet
	FieldFundsReviewScore // the 预算执行率 line's 复核得分
	// Of an indicator.
	FieldActual
	FieldTarget
	FieldWeight
	FieldReported
	FieldCriterion
	FieldCriterionPart // a part of the criterion's text: Index
	FieldTiers
	FieldTier // one tier: Index
	FieldUnit
	// Of an indicator's 复核 (review.*).
	FieldReviewScore
	FieldReviewReason
	FieldReviewRule
	FieldReviewNote
)

var fieldKeys = [...]string{
	FieldNone: "", FieldIndicators: "indicator", FieldFundsBalance: "funds.balance", FieldFundsUnspent: "funds.unspent",
	FieldFundsUnspentRate: "funds.unspent_rate", FieldFundsSpent: "funds.spent", FieldFundsReported: "funds.reported",
	FieldReportedTotal: "reported.total", FieldReportedScore: "reported.score", FieldReportedGrade: "reported.grade",
	FieldReportedTargetsSet: "reported.targets_set", FieldReportedTargetsMet: "reported.targets_met", FieldFundsReviewScore: "funds.review.score",
	FieldActual: "actual", FieldTarget: "target", FieldWeight: "weight", FieldReported: "reported",
	FieldCriterion: "criterion", FieldCriterionPart: "criterion", FieldTiers: "tiers", FieldTier: "tiers", FieldUnit: "unit",
	FieldReviewScore: "review.score", FieldReviewReason: "review.reason", FieldReviewRule: "review.rule", FieldReviewNote: "review.note",
}

// Key is the field's key path in the file, relative to the project or to its indicator.
func (f Field) Key() string { return fieldKeys[f] }

// Detail says which of its check's messages a finding is, where a check has several, and
// which hint goes with it.
type Detail uint8

// The details of the checks that have several messages or hints.
const (
	NoDetail Detail = iota

	// score-mismatch: how the reported score may have come about (the hint).
	HintOtherTier        // the score of tier Tier, whose condition the actual value does not meet
	HintOverlappingTier  // the score of tier Tier, whose condition holds too
	HintProportional     // proportional scoring
	HintProportionalFrom // proportional to Args[0], where full marks begin
	HintReverse          // reverse proportional scoring
	HintTruncated        // truncated to Args[0], not rounded
	HintWhole            // rounded to whole points
	HintFullUnmet        // full marks for a target not met; Args[0] 1 when w × actual / target rounds to them

	// total-mismatch: the stated total is the sum of the weights (the hint).
	HintSumOfWeights

	// grade-mismatch
	GradeUnknown  // the stated grade is none of the configured ones
	GradeOfStated // not the grade of the stated total, Args[0]
	GradeRescored // not the grade of the re-scored total
	GradeRange    // not the grade of the re-scored range, which lies in one grade

	// missing-value
	MissingActual   // no actual value
	MissingWeight   // a weight of 0
	MissingReported // no reported score, where Args[0] other indicators have one

	// tier-unreachable
	TierNeverHolds // its condition never holds within the domain, Set
	TierTaken      // every value where it holds is taken by an earlier tier
	TierRepeated   // Args[0] tiers from Index on are the same as tier Tier (a criterion pasted twice)

	// missing-reason
	MissedDeadline // a date actual after its deadline: Args[0] days, Args[1] months late
	BeforeStart    // a date actual before its start (a start is no deadline: not late)

	// review-cut-unexplained: what the cut lacks.
	ReviewNoReason        // no 扣分理由
	ReviewNoRule          // no 复核口径
	ReviewNoReasonNorRule // neither

	// review-rule-mismatch
	RuleScoreDiffers    // the score is not what the rule gives
	RuleCompletionBelow // the rule applies above a completion rate, Args[1], the indicator's is Args[0]

	// value-unreadable: what is wrong with the value (num.Flaw).
	UnreadableLetter    // a letter for a digit: O for 0
	UnreadablePoints    // two decimal points
	UnreadableSeparator // a thousands separator out of place
	UnreadableDate      // a date that does not exist
	UnreadableNoValue   // a comparison without a number or date
)

// Count tallies findings by severity.
func Count(fs []Finding) (errors, warnings, infos int) {
	for i := range fs {
		switch fs[i].Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			infos++
		}
	}
	return
}

// Pos places a finding of r in its file: the key of its subject, or, for the tiers read
// from a criterion's prose and the parts of it left unread, the characters of the criterion
// they came from.
func (r *Result) Pos(f *Finding) indicators.Pos {
	p := r.Project
	if p.Source == nil && p.Line() > 0 {
		return p.Pos("") // a project read from a JSON Lines stream is placed at its line, whatever the key
	}
	if f.Indicator < 0 {
		return p.Pos(f.Field.Key())
	}
	ir := &r.Indicators[f.Indicator]
	ind := ir.Indicator
	switch {
	case f.Field == FieldCriterionPart && f.Index < len(ir.Criterion.Unparsed):
		if pos := rules.CriterionSource(ind).PosAt(ir.Criterion.Unparsed[f.Index].Span.Start); pos.IsValid() {
			return pos
		}
	case (f.Field == FieldTiers || f.Field == FieldTier) && ir.Criterion.Derived:
		if f.Field == FieldTier && f.Index < len(ir.Criterion.Tiers) {
			if pos := rules.CriterionSource(ind).PosAt(ir.Criterion.Tiers[f.Index].Span.Start); pos.IsValid() {
				return pos
			}
		}
		return p.Pos(ind.Path() + ".criterion")
	case f.Field == FieldTier:
		return p.Pos(ind.Path() + ".tiers[" + strconv.Itoa(f.Index) + "]")
	}
	if key := f.Field.Key(); key != "" {
		return p.Pos(ind.Path() + "." + key)
	}
	return p.Pos(ind.Path())
}

package indicators

// This file holds the reviewer's own 复核 of a project: per indicator what they found and
// scored ([indicator.review]), who reviewed and when ([reviewer]), and the rules (复核口径)
// a cut follows ([[review_rules]], usually in the shared --config file).

// Review is a reviewer's 复核 of one indicator, as entered: every field optional.
type Review struct {
	Actual Value    // 复核完成值: the completion value the reviewer found, a number or text as written
	Score  *float64 // 复核得分, in points; nil: not scored yet
	Reason string   // 扣分理由: why points were cut (or added)
	Rule   string   // 复核口径: the code of the review rule the score follows
	Note   string   // 备注
}

// IsZero reports whether nothing is entered.
func (r *Review) IsZero() bool {
	return r == nil || !r.Actual.Set && r.Score == nil && r.Reason == "" && r.Rule == "" && r.Note == ""
}

// Reviewer is who made a project's 复核 and when ([reviewer]).
type Reviewer struct {
	Name string // 复核人, as it goes on the report
	Date string // 复核日期, as written ("2024-05-20")
}

// ReviewEffect is what a review rule does to an indicator's score.
type ReviewEffect string

// The effects of review rules.
const (
	EffectZero ReviewEffect = "zero" // the indicator scores 0
	EffectCut  ReviewEffect = "cut"  // a share of the weight is cut from the score it would have had
	EffectNone ReviewEffect = "none" // no cut: the rule records a finding (with a note)
	// EffectCriterion: the score is the one the criterion gives (jixiao's computed score, or
	// one within its discretionary range).
	EffectCriterion ReviewEffect = "criterion"
)

// ReviewRule is one 复核口径: a code the reviewer cites for a score, what it means and what it
// does to the score.
type ReviewRule struct {
	Code    string       // stable, as the reviewer cites it: "no-evidence"
	Title   string       // in Chinese: 无佐证材料
	TitleEn string       // in English; the Chinese title when empty
	Effect  ReviewEffect // zero, cut, none or criterion
	// Cut is the share of the weight cut, for a cut rule (0.3 for 30 %): the score is the
	// score before the review less Cut × weight, and never below 0.
	Cut float64
	// CompletionAbove, when set, is the completion rate (复核完成值 / 指标值) the rule applies
	// above: 1.3 for "completion above 130 %".
	CompletionAbove *float64
	// Note says a 备注 must go with the rule.
	Note bool
}

// Config is a shared configuration file (--config), as a reviewer keeps one per province:
// the [review] thresholds and the [[review_rules]]. A project file may carry either too, and
// its own override the shared ones.
type Config struct {
	Review      Thresholds
	ReviewRules []ReviewRule // nil: the rules that ship with jixiao
}

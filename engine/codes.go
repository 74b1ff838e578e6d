package engine

// Code names a check. Codes are a contract: they do not change meaning, and a retired code
// is never reused. Use the constants, never the text, so that a renamed code fails to compile.
type Code string

// The codes of the checks, in catalogue order.
const (
	// The submission's numbers.
	ScoreMismatch      Code = "score-mismatch"
	TotalMismatch      Code = "total-mismatch"
	GradeMismatch      Code = "grade-mismatch"
	CountMismatch      Code = "count-mismatch"
	WeightSum          Code = "weight-sum"
	WeightNegative     Code = "weight-negative"
	ScoreOverWeight    Code = "score-over-weight"
	RangeViolation     Code = "range-violation"
	MissingValue       Code = "missing-value"
	ValueUnreadable    Code = "value-unreadable"
	Unscored           Code = "unscored"
	MissingReason      Code = "missing-reason"
	ActualCopiesTarget Code = "actual-copies-target"
	PercentAsFraction  Code = "percent-as-fraction"
	UnitMismatch       Code = "unit-mismatch"
	FundsMismatch      Code = "funds-mismatch"
	// The criteria themselves (jixiao lint).
	CriterionUnparsed Code = "criterion-unparsed"
	TierGap           Code = "tier-gap"
	TierOverlap       Code = "tier-overlap"
	TierUnreachable   Code = "tier-unreachable"
	TierNonMonotonic  Code = "tier-non-monotonic"
	TierOverWeight    Code = "tier-over-weight"
	TargetThreshold   Code = "target-threshold"
	// What a reviewer should look at.
	NoCriterion             Code = "no-criterion"
	TargetBelowPrior        Code = "target-below-prior"
	OverachievedUnexplained Code = "overachieved-unexplained"
	ExecutionUnexplained    Code = "execution-unexplained"
	BalanceRateHigh         Code = "balance-rate-high"
	SpendResultsGap         Code = "spend-results-gap"
	AllFullMarks            Code = "all-full-marks"
	UnitMissing             Code = "unit-missing"
	// The reviewer's own 复核 ([indicator.review]).
	ReviewScoreMissing     Code = "review-score-missing"
	ReviewScoreOverWeight  Code = "review-score-over-weight"
	ReviewCutUnexplained   Code = "review-cut-unexplained"
	ReviewRaiseUnexplained Code = "review-raise-unexplained"
	ReviewRuleUnknown      Code = "review-rule-unknown"
	ReviewRuleMismatch     Code = "review-rule-mismatch"
	ReviewNoteMissing      Code = "review-note-missing"
)

package engine

import (
	"jixiao/indicators"
	"jixiao/rules"
)

// Result is one project scored: facts, and (after Engine.Check or Engine.Lint) findings.
// Messages are not part of it: report renders them.
type Result struct {
	Project    *indicators.Project
	Indicators []IndicatorResult
	Execution  *Execution // the 预算执行率 line, when the funds carry a weight

	// Total is the total score when every line is scored; otherwise TotalMin and TotalMax
	// bound it and Exact is false.
	Total              float64
	TotalMin, TotalMax float64
	Exact              bool
	Grade              string // the grade of Total; of TotalMin when not exact
	GradeMax           string // the grade of TotalMax when not exact (may equal Grade)

	Applicable int // indicators that apply
	TargetsSet int // of those, the ones with a target
	TargetsMet int // of those, met
	// TargetsUnknown is how many of the targets set cannot be judged met or not: the met
	// count lies in TargetsMet..TargetsMet+TargetsUnknown.
	TargetsUnknown int
	Rescaled       bool    // some indicators do not apply: the total was rescaled to full marks
	Weight         float64 // the weight of the lines that count

	Findings []Finding // filled by Engine.Check and Engine.Lint: project findings first, then by indicator and catalogue order

	// Review is the reviewer's 复核 totalled (复核总分, 等次, 偏离度), nil when the project
	// carries none; Rules are the review rules (复核口径) in force for it, shared.
	Review *Review
	Rules  []indicators.ReviewRule
}

// IndicatorResult is one indicator scored.
type IndicatorResult struct {
	Indicator *indicators.Indicator
	// Criterion is what scored it, as facts: its tiers (as written, or read from the
	// criterion's prose: Criterion.Derived) or its standard method (Criterion.Method). It is
	// shared by every indicator written alike.
	Criterion *rules.Criterion
	Reason    *rules.Reason // why it is unscored (Kind rules.Unscored); nil otherwise

	// Score is the rounded score when known: a scored tier or method, or a reported score
	// accepted within a discretionary range. Otherwise HasScore is false and Min..Max is
	// what the score may be (0..weight when unscored).
	Score    float64
	Min, Max float64

	Tier       int        // the 1-based tier that fired; 0 for a method, or when none did
	Kind       rules.Kind // scored, a range (the reviewer's choice), or unscored
	Applicable bool
	HasScore   bool
	Accepted   bool // the reported score was accepted within the range
	Met        bool // the target was met
	MetKnown   bool // whether Met could be decided
}

// FiredTier is the tier that fired, or nil.
func (ir *IndicatorResult) FiredTier() *rules.Tier {
	if ir.Tier <= 0 || ir.Tier > len(ir.Criterion.Tiers) {
		return nil
	}
	return &ir.Criterion.Tiers[ir.Tier-1]
}

// Execution is the 预算执行率 line: spent / full-year budget, scored as min(rate, 1) × weight.
type Execution struct {
	Rate     float64 // a fraction: 0.19 for 19 %
	Weight   float64
	Score    float64
	HasScore bool
	Reported *float64
}

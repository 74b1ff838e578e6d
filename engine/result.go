package engine

import (
	"jixiao/indicators"
	"jixiao/rules"
)

// Result is one project scored.
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

	TargetsSet int     // applicable indicators
	TargetsMet int     // of those, met
	Rescaled   bool    // some indicators do not apply: the total was rescaled to full marks
	Weight     float64 // the weight of the lines that count

	Config   Config    // the review configuration in force
	Findings []Finding // filled by Engine.Check, sorted by indicator then code
}

// IndicatorResult is one indicator scored.
type IndicatorResult struct {
	Indicator  *indicators.Indicator
	Criterion  *rules.Criterion
	Outcome    rules.Outcome // the raw evaluation
	Applicable bool

	// Score is the rounded score when known: a scored tier or method, or a reported score
	// accepted within a discretionary range. Otherwise HasScore is false and Min..Max is
	// what the score may be (0..weight when unscored).
	Score    float64
	HasScore bool
	Min, Max float64
	Accepted bool // the reported score was accepted within the range
	Tier     int  // 1-based tier that fired; 0 for none or a method

	Met      bool // the target was met
	MetKnown bool // whether Met could be decided
}

// Execution is the 预算执行率 line: spent / full-year budget, scored as min(rate, 1) × weight.
type Execution struct {
	Rate     float64 // a fraction: 0.19 for 19 %
	Weight   float64
	Score    float64
	HasScore bool
	Reported *float64
}

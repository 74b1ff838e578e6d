package rules

import "jixiao/indicators"

// Criterion is what scores an indicator, as facts: its tiers (as written, or as read from
// the criterion's prose) or its standard method. It is immutable and shared by every
// indicator written alike; results hold it, never the compiled program.
type Criterion struct {
	Method  indicators.Method // the standard method, when there are no tiers
	Default bool              // the method is the project's default, not the indicator's own
	Tiers   []Tier
	// Derived is set when the tiers were read from the criterion's prose (no tiers were
	// written); Unparsed holds what of the prose could not be read.
	Derived  bool
	Unparsed []Unparsed
}

// Tier is one tier of a criterion.
type Tier struct {
	When     string  // the condition, as written or as read from the prose
	Score    string  // the score expression; empty for a discretionary tier
	Min, Max float64 // the discretionary range
	Range    bool    // discretionary: Min..Max, the reviewer's choice
	// Span is where in the criterion's text a tier read from prose came from.
	Span     Span
	constant bool // the score is one number, value
	value    float64
}

// ConstScore returns the tier's score when it is one number.
func (t *Tier) ConstScore() (float64, bool) { return t.value, t.constant }

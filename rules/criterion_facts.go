package rules

import (
	"jixiao/indicators"
	"jixiao/rules/analysis"
)

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
	// Unread is set when the criterion's text holds parts left unread and none read into a
	// tier: the indicator is unscored, unless [scoring] unread = "default" scores it by the
	// default method (then Method and Default are set too).
	Unread bool
	// v is the variable the conditions speak of (hasVar false for text, funds, none): for
	// writing a tier the way a reviewer reads it.
	v      analysis.Variable
	hasVar bool
}

// Tier is one tier of a criterion.
type Tier struct {
	When     string  // the condition, as written or as read from the prose
	Score    string  // the score expression; empty for a discretionary tier
	Min, Max float64 // the discretionary range
	Range    bool    // discretionary: Min..Max, the reviewer's choice
	// Span is where in the criterion's text a tier read from prose came from.
	Span     Span
	band     string // a band of a qualitative criterion's prose, as written: see Band
	constant bool   // the score is one number, value
	value    float64
	// exposed is the 1-based unread part of the criterion that could change what this tier
	// scores (it stands before it, so that under first match it could take its values, or it
	// may apply on top of every tier); 0 for none.
	exposed int
	cond    *analysis.Cond // the condition in the form the interval analysis reads; nil if none
}

// ExposedTo is the 1-based unread part of the criterion that could change this tier's
// score, or 0.
func (t *Tier) ExposedTo() int { return t.exposed }

// ConstScore returns the tier's score when it is one number.
func (t *Tier) ConstScore() (float64, bool) { return t.value, t.constant }

// Condition is tier k's (0-based) condition as the set of values of the variable the
// criterion's conditions speak of (actual, else rate) where it holds, for writing the tier
// the way a reviewer reads it ("98.5% ≤ 实际值 < 99.22%") rather than as its expression. It
// reports false for a condition that is not comparisons of that variable (text, funds) or
// that needs a value the indicator does not give.
func (c *Criterion) Condition(k int, p *indicators.Project, ind *indicators.Indicator) (analysis.Set, analysis.Variable, bool) {
	if k < 0 || k >= len(c.Tiers) || !c.hasVar || c.Tiers[k].cond == nil {
		return nil, 0, false
	}
	env := NewEnv(p, ind)
	s, ok := c.Tiers[k].cond.Set(env.value, c.v)
	return s, c.v, ok
}

package rules

import (
	"math"

	"jixiao/indicators"
	"jixiao/rules/analysis"
)

// Analyze analyses the tiered criterion of its indicator in project p (see package
// analysis). It reports false when there is nothing to analyse: no tiers, or conditions on
// the text of the actual value.
func (c *Criterion) Analyze(p *indicators.Project) (*analysis.Analysis, bool) {
	v, ok := c.variable()
	if !ok {
		return nil, false
	}
	ind := c.Indicator
	env := NewEnv(p, ind)
	in := &analysis.Input{
		Var: v, Domain: analysis.DomainOf(ind, v, env.Target), Tiers: c.analysisTiers(),
		Values: env.value, Weight: ind.Weight, Direction: ind.Direction,
		Matching: func(x float64, into []int) []int {
			probe := env
			probe.set(v, x)
			return c.matching(&probe, into)
		},
	}
	return analysis.Analyze(in), true
}

// variable is the variable the criterion's conditions speak of: actual, else rate. It
// reports false for a criterion without tiers, or with conditions on the text of the actual
// value or on neither variable.
func (c *Criterion) variable() (analysis.Variable, bool) {
	if len(c.Tiers) == 0 {
		return "", false
	}
	var uses variable
	for _, t := range c.Tiers {
		uses |= t.when.uses
	}
	switch {
	case uses&varText != 0 || uses&(varActual|varRate) == 0:
		return "", false
	case uses&varActual == 0:
		return analysis.VarRate, true
	}
	return analysis.VarActual, true
}

// analysisTiers are the tiers as the analysis reads them.
func (c *Criterion) analysisTiers() []analysis.Tier {
	out := make([]analysis.Tier, len(c.Tiers))
	for k := range c.Tiers {
		t := &c.Tiers[k]
		out[k] = analysis.Tier{Cond: t.when.cond, Consts: t.when.consts}
		switch {
		case t.Range:
			out[k].Score = analysis.Score{Kind: analysis.ScoreRange, Min: t.Min, Max: t.Max}
		case t.score.isConst:
			out[k].Score = analysis.Score{Kind: analysis.ScoreConstant, Min: t.score.value, Max: t.score.value}
		}
	}
	return out
}

// analysisKey is what an analysis depends on besides the tiers themselves.
type analysisKey struct {
	weight, target, prior float64
	targetNum, priorNum   bool
	percent, hasDomain    bool
	domain                [2]float64
	direction             indicators.Direction
}

// maxAnalyses bounds the analyses one set of tiers keeps.
const maxAnalyses = 1000

// CachedAnalysis is Analyze, shared among criteria written alike (the same tiers on the same
// weight, target and unit): the analysis of a repeated criterion is looked up, not redone.
// Criteria whose conditions read funds or text are analysed each time.
func (c *Criterion) CachedAnalysis(p *indicators.Project) (*analysis.Analysis, bool) {
	t := c.template
	if t == nil || !c.shareable() {
		return c.Analyze(p)
	}
	ind := c.Indicator
	key := analysisKey{weight: ind.Weight, target: ind.Target.Num, prior: ind.Prior.Num, targetNum: ind.Target.IsNum,
		priorNum: ind.Prior.IsNum, percent: ind.Unit == "%" || ind.Target.Percent || ind.Actual.Percent, direction: ind.Direction}
	if ind.Domain != nil {
		key.hasDomain, key.domain = true, *ind.Domain
	}
	if a, ok := t.analyses[key]; ok {
		return a, a != nil
	}
	a, ok := c.Analyze(p)
	if !ok {
		a = nil
	}
	if t.analyses == nil {
		t.analyses = map[analysisKey]*analysis.Analysis{}
	}
	if len(t.analyses) < maxAnalyses {
		t.analyses[key] = a
	}
	return a, ok
}

// shareable reports whether the analysis depends only on the tiers and the indicator's
// weight, target, prior, unit, domain and direction.
func (c *Criterion) shareable() bool {
	for _, t := range c.Tiers {
		if t.when == nil || t.when.uses&^(varActual|varRate|varTarget|varPrior) != 0 {
			return false
		}
	}
	return true
}

// set puts x in the analysed variable, and what follows from it in the other.
func (e *Env) set(v analysis.Variable, x float64) {
	if v == analysis.VarRate {
		e.Rate, e.Actual = x, x*e.Target
		return
	}
	e.Actual, e.Rate = x, math.NaN()
	if e.Target != 0 && !math.IsNaN(e.Target) {
		e.Rate = x / e.Target
	}
}

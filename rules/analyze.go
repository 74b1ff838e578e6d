package rules

import (
	"math"

	"jixiao/indicators"
	"jixiao/rules/analysis"
)

// Analysis is the analysis of the program's tiers for one indicator (see package analysis),
// or nil when there is nothing to analyse: no tiers, or conditions on the text of the actual
// value. env is the indicator's environment. Programs whose conditions read nothing but the
// variable, target and prior keep the analyses they made, by what else they depend on
// (weight, target, prior, unit, domain and direction): a criterion written alike across
// projects is analysed once.
func (p *Program) Analysis(env *Env, ind *indicators.Indicator) *analysis.Analysis {
	v, ok := p.variable()
	if !ok {
		return nil
	}
	if p.uses&^(varActual|varRate|varTarget|varPrior|varWeight) != 0 {
		return p.analyze(env, ind, v)
	}
	key := analysisKey{weight: ind.Weight, target: ind.Target.Num, prior: ind.Prior.Num, targetNum: ind.Target.IsNum,
		priorNum: ind.Prior.IsNum, percent: ind.Unit == "%" || ind.Target.Percent || ind.Actual.Percent}
	switch ind.Direction {
	case indicators.Lower:
		key.direction = 1
	case indicators.Equal:
		key.direction = 2
	}
	if ind.Domain != nil {
		key.hasDomain, key.domain = true, *ind.Domain
	}
	if p.hasLast && p.last == key { // criteria written alike usually stand on the same figures
		return p.lastA
	}
	a, ok := p.analyses[key]
	if !ok {
		a = p.analyze(env, ind, v)
		if p.analyses == nil {
			p.analyses = map[analysisKey]*analysis.Analysis{}
		}
		if len(p.analyses) < maxAnalyses {
			p.analyses[key] = a
		}
	}
	p.last, p.lastA, p.hasLast = key, a, true
	return a
}

// analysisKey is what an analysis depends on besides the tiers themselves.
type analysisKey struct {
	weight, target, prior float64
	domain                [2]float64
	targetNum, priorNum   bool
	percent, hasDomain    bool
	direction             uint8 // higher, lower, equal
}

// maxAnalyses bounds the analyses one program keeps.
const maxAnalyses = 1000

func (p *Program) analyze(env *Env, ind *indicators.Indicator, v analysis.Variable) *analysis.Analysis {
	in := &analysis.Input{
		Var: v, Domain: analysis.DomainOf(ind, v, env.Target), Tiers: p.analysisTiers(),
		Values: env.value, Weight: ind.Weight, Direction: ind.Direction,
		Matching: func(x float64, into []int) []int {
			probe := *env
			probe.set(v, x)
			return p.Matching(&probe, into)
		},
	}
	return analysis.Analyze(in)
}

// variable is the variable the program's conditions speak of: actual, else rate. It reports
// false for a criterion without tiers, or with conditions on the text of the actual value or
// on neither variable.
func (p *Program) variable() (analysis.Variable, bool) {
	switch {
	case len(p.conds) == 0 || p.uses&varText != 0 || p.uses&(varActual|varRate) == 0:
		return 0, false
	case p.uses&varActual == 0:
		return analysis.VarRate, true
	}
	return analysis.VarActual, true
}

// analysisTiers are the tiers as the analysis reads them.
func (p *Program) analysisTiers() []analysis.Tier {
	tiers := p.Criterion.Tiers
	out := make([]analysis.Tier, len(tiers))
	for k := range tiers {
		t := &tiers[k]
		out[k] = analysis.Tier{Cond: p.conds[k].cond, Consts: p.conds[k].consts}
		switch {
		case t.Range:
			out[k].Score = analysis.Score{Kind: analysis.ScoreRange, Min: t.Min, Max: t.Max}
		case t.constant:
			out[k].Score = analysis.Score{Kind: analysis.ScoreConstant, Min: t.value, Max: t.value}
		}
	}
	return out
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

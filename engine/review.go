package engine

import (
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules"
	"jixiao/rules/analysis"
)

// Check is one review check: a stable code, a default severity, its documentation and the
// functions that look for it. Codes are a contract; a retired code is never reused. The
// documentation is the single source of `jixiao check --list`, `--explain` and the README's
// catalogue.
type Check struct {
	Code     Code
	Severity Severity
	Lint     bool      // a check of the criteria themselves, run by `jixiao lint` too
	Title    i18n.Text // one line
	Doc      i18n.Text // one paragraph: when it fires, why it matters, what to do
	// project looks at the project as a whole, once; indicator looks at one indicator, in
	// the one pass the review makes over them. A check has either or both.
	project   func(*reviewer)
	indicator func(rv *reviewer, i int, ir *IndicatorResult)
}

// Checks returns the catalogue in documentation order.
func Checks() []*Check { return catalogue }

// LookupCheck returns the check with the given code.
func LookupCheck(code Code) (*Check, bool) {
	for _, c := range catalogue {
		if c.Code == code {
			return c, true
		}
	}
	return nil, false
}

// catalogue is every check, in documentation order. It is fixed at compile time.
var catalogue = []*Check{
	// The submission's numbers.
	checkScoreMismatch, checkTotalMismatch, checkGradeMismatch, checkCountMismatch,
	checkWeightSum, checkWeightNegative, checkScoreOverWeight, checkRangeViolation, checkMissingValue,
	checkUnscored, checkMissingReason, checkActualCopiesTarget, checkFundsMismatch,
	// The criteria themselves (jixiao lint).
	checkCriterionUnparsed, checkTierGap, checkTierOverlap, checkTierUnreachable, checkTierNonMonotonic,
	checkTierOverWeight, checkTargetThreshold,
	// What a reviewer should look at.
	checkNoCriterion, checkTargetBelowPrior, checkOverachievedUnexplained,
	checkExecutionUnexplained, checkBalanceRateHigh, checkSpendResultsGap, checkAllFullMarks,
}

// checkSet is the checks of one review, in catalogue order: those that look at the project,
// and those that look at each indicator.
type checkSet struct{ project, indicator []*Check }

func checksInForce(disabled map[Code]bool, lintOnly bool) checkSet {
	var s checkSet
	for _, c := range catalogue {
		if disabled[c.Code] || lintOnly && !c.Lint {
			continue
		}
		if c.project != nil {
			s.project = append(s.project, c)
		}
		if c.indicator != nil {
			s.indicator = append(s.indicator, c)
		}
	}
	return s
}

// review runs the checks of scope s over a scored result: first those of the project, then
// one pass over the indicators. The findings come out in their final order, project findings
// first, then by indicator, then by catalogue order.
func (e *Engine) review(r *Result, cfg *Config, s scope) {
	rv := &e.rv
	*rv = reviewer{r: r, cfg: cfg, d: r.Project.Scoring.Decimals, progs: e.progs, envs: e.envs, raw: e.raw,
		findings: rv.findings[:0], hits: rv.hits[:0]}
	for i := range r.Indicators {
		if r.Indicators[i].Indicator.Reported != nil {
			rv.withReported++
		}
	}
	set := &cfg.inForce[s]
	for _, c := range set.project {
		rv.check = c
		c.project(rv)
	}
	for i := range r.Indicators {
		rv.analysed = false
		ir := &r.Indicators[i]
		for _, c := range set.indicator {
			rv.check = c
			c.indicator(rv, i, ir)
		}
	}
	if len(rv.findings) > 0 {
		r.Findings = append([]Finding(nil), rv.findings...)
	}
}

// reviewer carries one review: the result and what scoring built for it, the configuration,
// the check running and the findings so far.
type reviewer struct {
	r     *Result
	cfg   *Config
	d     int              // the project's decimals
	progs []*rules.Program // by indicator
	envs  []rules.Env      // by indicator
	raw   []float64        // by indicator, the score before rounding
	check *Check

	findings     []Finding
	withReported int // indicators with a reported score

	// The analysis of the indicator in hand, made on first use.
	an       *analysis.Analysis
	analysed bool
	hits     []int // scratch for the tiers that hold
}

// analysis is the analysis of indicator i's tiers (the indicator in hand), or nil when it
// has none to analyse.
func (rv *reviewer) analysis(i int) *analysis.Analysis {
	if !rv.analysed {
		rv.an = rv.progs[i].Analysis(&rv.envs[i], rv.r.Indicators[i].Indicator)
		rv.analysed = true
	}
	return rv.an
}

// report adds a finding of the check running about field of indicator i, or of the project
// for i < 0.
func (rv *reviewer) report(i int, field Field, f Finding) *Finding {
	f.Code, f.Severity, f.Indicator, f.Field = rv.check.Code, rv.check.Severity, i, field
	rv.findings = append(rv.findings, f)
	return &rv.findings[len(rv.findings)-1]
}

// fromAnalysis is a finding carrying what the analysis a found it from: its variable and
// whether it sampled.
func fromAnalysis(a *analysis.Analysis, f Finding) Finding {
	f.Var, f.Sampled = a.Var, !a.Proved
	return f
}

// isCost reports whether an indicator is a cost indicator (成本指标), whose amount is a
// budget rather than an ambition.
func isCost(ind *indicators.Indicator) bool {
	return strings.Contains(ind.Level2, "成本") || strings.Contains(ind.Level1, "成本")
}

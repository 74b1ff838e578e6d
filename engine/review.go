package engine

import (
	"slices"
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
	// run looks at the project, or at each indicator in turn, reading what scoring and the
	// checks before it have worked out once: each indicator's environment and the analysis
	// of its tiers.
	run func(*reviewer)
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
	checkValueUnreadable, checkUnscored, checkMissingReason, checkActualCopiesTarget, checkPercentAsFraction,
	checkUnitMismatch, checkFundsMismatch,
	// The criteria themselves (jixiao lint).
	checkCriterionUnparsed, checkTierGap, checkTierOverlap, checkTierUnreachable, checkTierNonMonotonic,
	checkTierOverWeight, checkTargetThreshold,
	// What a reviewer should look at.
	checkNoCriterion, checkTargetBelowPrior, checkOverachievedUnexplained,
	checkExecutionUnexplained, checkBalanceRateHigh, checkSpendResultsGap, checkAllFullMarks,
	checkUnitMissing,
	// The reviewer's own 复核.
	checkReviewScoreMissing, checkReviewScoreOverWeight, checkReviewCutUnexplained, checkReviewRaiseUnexplained,
	checkReviewRuleUnknown, checkReviewRuleMismatch, checkReviewNoteMissing,
}

// checksInForce is the checks of one review, in catalogue order.
func checksInForce(disabled map[Code]bool, lintOnly bool) []*Check {
	var s []*Check
	for _, c := range catalogue {
		if !disabled[c.Code] && (c.Lint || !lintOnly) {
			s = append(s, c)
		}
	}
	return s
}

// review runs the checks of scope s over a scored result, in catalogue order, and leaves
// the findings in r: project findings first, then by indicator, each in catalogue order.
func (e *Engine) review(r *Result, cfg *Config, s scope) {
	n := len(r.Indicators)
	rv := &e.rv
	*rv = reviewer{r: r, cfg: cfg, d: r.Project.Scoring.Decimals, progs: e.progs, envs: e.envs, raw: e.raw,
		findings: rv.findings[:0], hits: rv.hits[:0],
		an: slices.Grow(rv.an[:0], n)[:n], counts: slices.Grow(rv.counts[:0], n+1)[:n+1]}
	for _, c := range cfg.inForce[s] {
		rv.check = c
		c.run(rv)
	}
	if len(rv.findings) == 0 {
		return
	}
	// The checks report in catalogue order, each by indicator: a stable counting sort by
	// indicator (the project's, −1, first) gives the final order.
	counts := rv.counts
	clear(counts)
	for k := range rv.findings {
		counts[rv.findings[k].Indicator+1]++
	}
	at := 0
	for k, c := range counts {
		counts[k], at = at, at+c
	}
	r.Findings = make([]Finding, len(rv.findings))
	for k := range rv.findings {
		f := &rv.findings[k]
		r.Findings[counts[f.Indicator+1]] = *f
		counts[f.Indicator+1]++
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

	findings []Finding
	counts   []int // scratch for ordering the findings

	// The analysis of each indicator's tiers, made on first use.
	an       []*analysis.Analysis
	analysed bool
	hits     []int // scratch for the tiers that hold
}

// analyses is the analysis of each indicator's tiers, by indicator: nil for an indicator
// without tiers to analyse. They are made on first use, once per review.
func (rv *reviewer) analyses() []*analysis.Analysis {
	if !rv.analysed {
		for i := range rv.an {
			rv.an[i] = nil
			if len(rv.r.Indicators[i].Criterion.Tiers) > 0 {
				rv.an[i] = rv.progs[i].Analysis(&rv.envs[i], rv.r.Indicators[i].Indicator)
			}
		}
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

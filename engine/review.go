package engine

import (
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// Check is one review check: a stable code, a default severity, its documentation and the
// function that looks for it. Codes are a contract; a retired code is never reused.
type Check struct {
	Code     string
	Severity Severity
	Title    i18n.Text // one line
	Doc      i18n.Text // one paragraph: when it fires, why it matters, what to do
	run      func(*reviewer)
}

// Checks returns the catalogue in documentation order.
func Checks() []*Check { return catalogue }

// LookupCheck returns the check with the given code.
func LookupCheck(code string) (*Check, bool) {
	for _, c := range catalogue {
		if c.Code == code {
			return c, true
		}
	}
	return nil, false
}

// catalogue is every check, in documentation order. It is fixed at compile time.
var catalogue = []*Check{
	checkScoreMismatch, checkTotalMismatch, checkGradeMismatch, checkCountMismatch,
	checkWeightSum, checkScoreOverWeight, checkRangeViolation, checkMissingValue,
	checkUnscored, checkMissingReason, checkActualCopiesTarget, checkFundsMismatch,
	checkNoCriterion, checkTargetBelowPrior, checkOverachievedUnexplained,
	checkExecutionUnexplained, checkBalanceRateHigh, checkSpendResultsGap, checkAllFullMarks,
}

// Review runs every check not disabled in cfg over a scored result and returns the
// findings, project findings first, then by indicator.
func Review(r *Result, cfg Config) []Finding {
	rv := &reviewer{r: r, cfg: cfg}
	order := make(map[string]int, len(catalogue))
	for i, c := range catalogue {
		order[c.Code] = i
		if cfg.Disabled[c.Code] {
			continue
		}
		rv.check = c
		c.run(rv)
	}
	sortFindings(rv.findings, order)
	return rv.findings
}

// reviewer carries one review: the result, the configuration, the check running and the
// findings so far.
type reviewer struct {
	r        *Result
	cfg      Config
	check    *Check
	findings []Finding
}

// project reports a project-level finding at the given key path of the file.
func (rv *reviewer) project(path string, msg, hint i18n.Text, expected, actual any) {
	rv.add(Finding{Code: rv.check.Code, Severity: rv.check.Severity, Indicator: -1,
		Pos: rv.r.Project.Pos(path), Msg: msg, Hint: hint, Expected: expected, Actual: actual})
}

// indicator reports a finding on indicator i, at key (e.g. "reported") of its table.
func (rv *reviewer) indicator(i int, key string, msg, hint i18n.Text, expected, actual any) {
	path := rv.r.Indicators[i].Indicator.Path()
	if key != "" {
		path += "." + key
	}
	rv.add(Finding{Code: rv.check.Code, Severity: rv.check.Severity, Indicator: i,
		Pos: rv.r.Project.Pos(path), Msg: msg, Hint: hint, Expected: expected, Actual: actual})
}

func (rv *reviewer) add(f Finding) { rv.findings = append(rv.findings, f) }

// decimals is the project's number of decimals.
func (rv *reviewer) decimals() int { return rv.r.Project.Scoring.Decimals }

// isCost reports whether an indicator is a cost indicator (成本指标), whose amount is a
// budget rather than an ambition.
func isCost(ind *indicators.Indicator) bool {
	return strings.Contains(ind.Level2, "成本") || strings.Contains(ind.Level1, "成本")
}

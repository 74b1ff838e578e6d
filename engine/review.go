package engine

import (
	"fmt"
	"iter"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules/analysis"
)

// Check is one review check: a stable code, a default severity, its documentation and the
// function that looks for it. Codes are a contract; a retired code is never reused.
type Check struct {
	Code     Code
	Severity Severity
	Lint     bool      // a check of the criteria themselves, run by `jixiao lint` too
	Title    i18n.Text // one line
	Doc      i18n.Text // one paragraph: when it fires, why it matters, what to do
	run      func(*reviewer)
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

// Review runs every check not disabled in cfg over a scored result and returns the
// findings, project findings first, then by indicator. With lintOnly, only the checks of
// the criteria themselves run.
func Review(r *Result, cfg Config, lintOnly bool) []Finding {
	rv := &reviewer{r: r, cfg: cfg}
	for _, c := range catalogue {
		if cfg.Disabled[c.Code] || lintOnly && !c.Lint {
			continue
		}
		rv.check = c
		c.run(rv)
	}
	sortFindings(rv.findings, catalogueOrder)
	return rv.findings
}

// catalogueOrder is each check's place in the catalogue, by code: derived once, never changed.
var catalogueOrder = func() map[Code]int {
	order := make(map[Code]int, len(catalogue))
	for i, c := range catalogue {
		order[c.Code] = i
	}
	return order
}()

// reviewer carries one review: the result, the configuration, the check running and the
// findings so far.
type reviewer struct {
	r        *Result
	cfg      Config
	check    *Check
	findings []Finding
	analyses []*analysis.Analysis // by indicator, computed on first use
	analysed []bool
}

// analysis returns the analysis of indicator i's tiers, or nil when it has none to analyse.
func (rv *reviewer) analysis(i int) *analysis.Analysis {
	if rv.analyses == nil {
		rv.analyses = make([]*analysis.Analysis, len(rv.r.Indicators))
		rv.analysed = make([]bool, len(rv.r.Indicators))
	}
	if !rv.analysed[i] {
		if a, ok := rv.r.Indicators[i].Criterion.CachedAnalysis(rv.r.Project); ok {
			rv.analyses[i] = a
		}
		rv.analysed[i] = true
	}
	return rv.analyses[i]
}

// eachAnalysis yields each indicator whose criterion the analysis could read, with it.
func (rv *reviewer) eachAnalysis() iter.Seq2[int, *analysis.Analysis] {
	return func(yield func(int, *analysis.Analysis) bool) {
		for i := range rv.r.Indicators {
			if a := rv.analysis(i); a != nil && !yield(i, a) {
				return
			}
		}
	}
}

// project reports a project-level finding at the given key path of the file.
func (rv *reviewer) project(path string, msg, hint i18n.Text, expected, actual any) {
	rv.add(Finding{Code: rv.check.Code, Severity: rv.check.Severity, Indicator: -1,
		Pos: rv.r.Project.Pos(path), Msg: msg, Hint: hint, Expected: expected, Actual: actual})
}

// indicator reports a finding on indicator i, at key (e.g. "reported") of its table.
func (rv *reviewer) indicator(i int, key string, msg, hint i18n.Text, expected, actual any) {
	rv.add(rv.newIndicatorFinding(i, key, msg, hint, expected, actual))
}

// newIndicatorFinding is the finding indicator would report, for a check to adjust.
func (rv *reviewer) newIndicatorFinding(i int, key string, msg, hint i18n.Text, expected, actual any) Finding {
	ir := &rv.r.Indicators[i]
	path := ir.Indicator.Path()
	if key != "" {
		path += "." + key
	}
	pos := rv.r.Project.Pos(path)
	if ir.Criterion.Derived && strings.HasPrefix(key, "tiers") {
		// Tiers read from prose stand where their text does in the criterion.
		pos = rv.r.Project.Pos(ir.Indicator.Path() + ".criterion")
		var k int
		if _, err := fmt.Sscanf(key, "tiers[%d]", &k); err == nil && k < len(ir.Criterion.Tiers) && ir.Criterion.Tiers[k].Source.Pos.IsValid() {
			pos = ir.Criterion.Tiers[k].Source.Pos
		}
	}
	return Finding{Code: rv.check.Code, Severity: rv.check.Severity, Indicator: i,
		Pos: pos, Msg: msg, Hint: hint, Expected: expected, Actual: actual}
}

func (rv *reviewer) add(f Finding) { rv.findings = append(rv.findings, f) }

// decimals is the project's number of decimals.
func (rv *reviewer) decimals() int { return rv.r.Project.Scoring.Decimals }

// isCost reports whether an indicator is a cost indicator (成本指标), whose amount is a
// budget rather than an ambition.
func isCost(ind *indicators.Indicator) bool {
	return strings.Contains(ind.Level2, "成本") || strings.Contains(ind.Level1, "成本")
}

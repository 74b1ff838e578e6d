package engine

import (
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkTotalMismatch = &Check{
	Code:     TotalMismatch,
	Severity: Error,
	Title:    i18n.T("合计或自评得分与各项得分之和不符", "stated total is not the sum of the reported scores"),
	Doc: i18n.T(
		"表中的合计（reported.total）或报告中的自评得分（reported.score）与各指标自评得分之和（含预算执行率得分；有不适用指标时按百分制折算）相差超过容差。"+
			"常见原因是把分值合计（满分）填进了得分栏，或改了某项得分却没有改合计。只有每个指标都有自评得分时才检查。",
		"The table's total (reported.total) or the score stated in the text (reported.score) differs from the sum "+
			"of the indicators' reported scores (with the budget-execution score, and rescaled when indicators do not "+
			"apply) by more than the tolerance. Often the weights' total (full marks) was written in the score column, "+
			"or one score was changed and the total was not. Checked only when every indicator has a reported score."),
	// Field reported.total or reported.score: Expected the sum of the reported scores,
	// Actual the stated figure; HintSumOfWeights when that is the sum of the weights.
	run: func(rv *reviewer) {
		sum, weights, ok := reportedSum(rv.r)
		if !ok {
			return
		}
		rep := &rv.r.Project.Reported
		for _, s := range [...]struct {
			field Field
			value *float64
		}{{FieldReportedTotal, rep.Total}, {FieldReportedScore, rep.Score}} {
			if s.value == nil || num.Within(*s.value, sum, rv.cfg.Tolerance) {
				continue
			}
			f := Finding{Expected: Num(sum), Actual: Num(*s.value)}
			if num.Within(*s.value, weights, rv.cfg.Tolerance) {
				f.Detail = HintSumOfWeights
			}
			rv.report(-1, s.field, f)
		}
	},
}

// reportedSum adds the reported scores of the lines that count, rescaled like the computed
// total, and the weights of all lines. ok is false when a counted line has no reported score.
func reportedSum(r *Result) (sum, weights float64, ok bool) {
	d := r.Project.Scoring.Decimals
	var counted float64
	for i := range r.Indicators {
		ind := r.Indicators[i].Indicator
		weights += ind.Weight
		if !ind.Applicable {
			continue
		}
		if ind.Reported == nil {
			return 0, 0, false
		}
		sum += *ind.Reported
		counted += ind.Weight
	}
	if x := r.Execution; x != nil {
		weights += x.Weight
		counted += x.Weight
		if x.Reported == nil {
			return 0, 0, false
		}
		sum += *x.Reported
	}
	return num.Round(rescale(r, sum, counted), d), num.Round(weights, d), true
}

package engine

import (
	"math"
	"slices"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/analysis"
)

// inferScore looks for the way a mismatched reported score was computed, so that the
// reviewer can tell the unit what it did: another tier's score (saying whether that tier's
// condition holds too), proportional scoring, reverse proportional scoring, truncation
// instead of rounding, rounding to whole points. It returns an empty text when none of them
// reproduces the reported score.
func inferScore(rv *reviewer, ir *IndicatorResult) i18n.Text {
	ind := ir.Indicator
	rep := *ind.Reported
	d := rv.decimals()
	same := func(x float64) bool { return num.Within(num.Round(x, d), rep, rv.cfg.Tolerance) }
	repText := num.Short(rep, d)

	// Another tier's score.
	if len(ir.Criterion.Tiers) > 0 {
		env := rules.NewEnv(rv.r.Project, ind)
		matching := ir.Criterion.Matching(&env)
		for k, t := range ir.Criterion.Tiers {
			s, ok := t.ConstScore()
			if !ok || k+1 == ir.Tier || !same(s) {
				continue
			}
			if slices.Contains(matching, k+1) {
				return i18n.T("自评得分 %s 是第%d档（%s）的分数：该档条件对实际值同样成立，档次重叠，但按先匹配原则应取第%d档",
					"%s is the score of tier %d (%s), whose condition also holds: the tiers overlap, and under first match tier %d applies",
					repText, k+1, t.Source.When.Text, ir.Tier)
			}
			return i18n.T("自评得分 %s 是第%d档（%s）的分数，但实际值不满足该档条件", "%s is the score of tier %d (%s), whose condition the actual value does not meet",
				repText, k+1, t.Source.When.Text)
		}
	}
	if ind.Actual.IsNum && ind.Target.IsNum && ind.Target.Num > 0 && ind.Actual.Num > 0 {
		a, t, w := ind.Actual.Num, ind.Target.Num, ind.Weight
		at, tt, wt := literalText(ind.Actual), literalText(ind.Target), num.Short(w, d)
		if same(w*a/t) || same(w*math.Min(a/t, 1)) {
			return i18n.T("%s = %s × %s / %s：这是按比例计分的结果，而不是按所写的评分标准", "%s = %s × %s / %s: proportional scoring, not the written criterion",
				repText, wt, at, tt)
		}
		if an := rv.analysis(ir.Indicator.Index); an != nil && an.Var == analysis.VarActual && an.FullMarksOK && an.FullMarksFrom > 0 {
			if th := an.FullMarksFrom; th != t && same(w*math.Min(a/th, 1)) {
				return i18n.T("%s = %s × %s / %s：这是按满分起点 %s 比例计分的结果，而不是按所写的评分标准",
					"%s = %s × %s / %s: proportional to %s, where full marks begin, not the written criterion",
					repText, wt, at, num.Short(th, 6), num.Short(th, 6))
			}
		}
		if same(w * t / a) {
			return i18n.T("%s = %s × %s / %s：这是按反向比例计分的结果，而不是按所写的评分标准", "%s = %s × %s / %s: reverse proportional scoring, not the written criterion",
				repText, wt, tt, at)
		}
	}
	if raw := ir.Outcome.Score; ir.Outcome.Kind == rules.Scored {
		p := math.Pow(10, float64(d))
		if trunc := math.Trunc(raw*p) / p; trunc != ir.Score && same(trunc) {
			return i18n.T("自评得分是截尾取值（%s），没有四舍五入", "the reported score was truncated (%s), not rounded half-up", num.Format(trunc, d))
		}
		if whole := num.Round(raw, 0); whole != ir.Score && same(whole) {
			return i18n.T("自评得分是把 %s 取整到整数分的结果", "the reported score is %s rounded to whole points", num.Format(ir.Score, d))
		}
	}
	return i18n.Text{}
}

// literalText is a number as the file wrote it when it was a plain number, else its value.
func literalText(v indicators.Value) string {
	if v.Plain {
		return v.Text
	}
	return num.Short(v.Num, 6)
}

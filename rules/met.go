package rules

import "jixiao/indicators"

// Met reports whether an indicator met its target, and whether that can be known. The
// direction is the indicator's (from its target's operator unless given): higher is met
// at or above the target (above it for ＞), lower at or below (below for ＜), equal exactly.
// A qualitative indicator is met when its actual reads 达成; an actual that repeats its
// target's text counts as met.
// env is the indicator's environment.
func Met(ind *indicators.Indicator, env *Env, method indicators.Method) (met, known bool) {
	if method == indicators.MethodQualitative {
		q := env.qualityOf()
		return q == QualityMet, q != QualityUnknown
	}
	if env.sameText {
		return true, true
	}
	if !ind.Actual.IsNum || !ind.Target.IsNum {
		return false, false
	}
	a, t := ind.Actual.Num, ind.Target.Num
	switch ind.Direction {
	case indicators.Lower:
		if ind.Target.Op == indicators.OpLT {
			return a < t, true
		}
		return a <= t, true
	case indicators.Equal:
		return a == t, true
	}
	if ind.Target.Op == indicators.OpGT {
		return a > t, true
	}
	return a >= t, true
}

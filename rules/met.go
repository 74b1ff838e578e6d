package rules

import "jixiao/indicators"

// Met reports whether an indicator met its target, and whether that can be known. The
// direction is the indicator's (from its target's operator unless given): higher is met
// at or above the target (above it for ＞), lower at or below (below for ＜), equal at the
// target to the file's decimals (at or below 0 for a target of 0). A date target is met on
// time (see Env.Lateness). A qualitative indicator, or an actual in words under a date
// target, is met when its words read 达成; an actual that repeats its target's text counts
// as met. env is the indicator's environment.
func Met(ind *indicators.Indicator, env *Env, method indicators.Method) (met, known bool) {
	if method == indicators.MethodQualitative {
		q := env.qualityOf()
		return q == QualityMet, q != QualityUnknown
	}
	if env.sameText {
		return true, true
	}
	if ind.Target.IsDate {
		switch {
		case ind.Actual.IsDate:
			l := env.Lateness()
			return l.Met, l.Known
		case ind.Actual.Set && !ind.Actual.IsNum:
			q := env.qualityOf()
			return q == QualityMet, q != QualityUnknown
		}
		return false, false
	}
	if !ind.Actual.IsNum || !ind.Target.IsNum || env.unitMismatch {
		return false, false
	}
	return env.numericMet(), true
}

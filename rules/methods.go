package rules

import (
	"math"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/num"
)

// evalMethod scores an indicator without tiers by its standard method (see the package doc).
func evalMethod(m indicators.Method, env *Env) Outcome {
	w := env.Weight
	if m == indicators.MethodQualitative {
		return qualitative(env)
	}
	// An actual that repeats its target's text ("≥266米" under "≥266米") counts as met.
	if env.sameText {
		return Outcome{Kind: Scored, Score: w}
	}
	if math.IsNaN(env.Actual) {
		return actualProblem(env)
	}
	if math.IsNaN(env.Target) {
		return unscored(TargetMissing)
	}
	a, t := env.Actual, env.Target
	switch m {
	case indicators.MethodProportional:
		if t <= 0 {
			return unscored(TargetZero)
		}
		return Outcome{Kind: Scored, Score: w * max(0, min(a/t, 1))}
	case indicators.MethodReverse:
		if t <= 0 {
			return unscored(TargetZero)
		}
		if a <= t {
			return Outcome{Kind: Scored, Score: w}
		}
		return Outcome{Kind: Scored, Score: w * t / a}
	case indicators.MethodReverseLinear:
		if t <= 0 {
			return unscored(TargetZero)
		}
		if a <= t {
			return Outcome{Kind: Scored, Score: w}
		}
		return Outcome{Kind: Scored, Score: w * max(0, 1-(a-t)/t)}
	case indicators.MethodEqual:
		if t == 0 && a <= 0 || t != 0 && num.Within(a, t, 1e-9*math.Abs(t)) {
			return Outcome{Kind: Scored, Score: w}
		}
		return Outcome{Kind: Scored, Score: 0}
	}
	return Outcome{Kind: Unscored, Reason: Reason{Code: EvalError, Expr: string(m)}}
}

// Quality is a qualitative band (定性).
type Quality int

// The qualitative bands and the share of the weight each allows.
const (
	QualityUnknown Quality = iota
	QualityMet             // 达成年度指标: 80–100 %
	QualityPartial         // 部分达成年度指标并具有一定效果: 60–80 %
	QualityNotMet          // 未达成年度指标且效果较差: 0–60 %
)

// Band returns the share of the weight a quality allows, as fractions.
func (q Quality) Band() (lo, hi float64) {
	switch q {
	case QualityMet:
		return 0.8, 1
	case QualityPartial:
		return 0.6, 0.8
	case QualityNotMet:
		return 0, 0.6
	}
	return 0, 0
}

// ReadQuality reads a qualitative actual value. The order matters: 未达成 and 部分达成 both
// contain 达成.
func ReadQuality(text string) Quality {
	s := text
	if !bare(s) {
		s = strings.ReplaceAll(num.Normalize(text), " ", "")
	}
	switch {
	case s == "":
		return QualityUnknown
	case strings.HasPrefix(s, "未达成"), strings.HasPrefix(s, "未完成"), strings.HasPrefix(s, "未达到"), s == "差", s == "较差":
		return QualityNotMet
	case strings.HasPrefix(s, "部分达成"), strings.HasPrefix(s, "基本达成"), strings.HasPrefix(s, "部分完成"), strings.HasPrefix(s, "基本完成"), s == "一般", s == "较好":
		return QualityPartial
	case strings.HasPrefix(s, "达成"), strings.HasPrefix(s, "已达成"), strings.HasPrefix(s, "完成"), strings.HasPrefix(s, "已完成"), strings.HasPrefix(s, "达到"), s == "好":
		return QualityMet
	}
	return QualityUnknown
}

func qualitative(env *Env) Outcome {
	if !env.actualSet {
		return actualProblem(env)
	}
	q := env.qualityOf()
	if q == QualityUnknown {
		return unscored(UnknownQuality)
	}
	lo, hi := q.Band()
	return Outcome{Kind: Ranged, Min: lo * env.Weight, Max: hi * env.Weight}
}

package rules

import (
	"math"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// evalMethod scores an indicator without tiers by its standard method (see the package doc).
func (c *Criterion) evalMethod(env *Env) Outcome {
	ind := c.Indicator
	w := ind.Weight
	if c.Method == indicators.MethodQualitative {
		return qualitative(ind)
	}
	// An actual that repeats its target's text ("≥266米" under "≥266米") counts as met.
	if indicators.SameText(ind.Actual, ind.Target) {
		return Outcome{Kind: Scored, Score: w}
	}
	if math.IsNaN(env.Actual) {
		return actualProblem(ind)
	}
	if math.IsNaN(env.Target) {
		return unscored(TargetMissing, i18n.T("按%s计分需要数字指标值，但指标值 %q 不是数字", "the %s method needs a numeric target, but the target is %q",
			methodName(c.Method), ind.Target.Text))
	}
	a, t := env.Actual, env.Target
	switch c.Method {
	case indicators.MethodProportional:
		if t <= 0 {
			return targetNotPositive(c.Method, t)
		}
		return Outcome{Kind: Scored, Score: w * math.Max(0, math.Min(a/t, 1))}
	case indicators.MethodReverse:
		if t <= 0 {
			return targetNotPositive(c.Method, t)
		}
		if a <= t {
			return Outcome{Kind: Scored, Score: w}
		}
		return Outcome{Kind: Scored, Score: w * t / a}
	case indicators.MethodReverseLinear:
		if t <= 0 {
			return targetNotPositive(c.Method, t)
		}
		if a <= t {
			return Outcome{Kind: Scored, Score: w}
		}
		return Outcome{Kind: Scored, Score: w * math.Max(0, 1-(a-t)/t)}
	case indicators.MethodEqual:
		if t == 0 && a <= 0 || t != 0 && num.Within(a, t, 1e-9*math.Abs(t)) {
			return Outcome{Kind: Scored, Score: w}
		}
		return Outcome{Kind: Scored, Score: 0}
	}
	return unscored(EvalError, i18n.T("未知的计分方法 %q", "unknown scoring method %q", c.Method))
}

func targetNotPositive(m indicators.Method, t float64) Outcome {
	return unscored(TargetZero, i18n.T("指标值为 %v，按%s计分无从计算比例", "the target is %v, so the %s method has no ratio to compute",
		t, methodName(m)))
}

// methodName is the method's name for messages.
func methodName(m indicators.Method) i18n.Text {
	switch m {
	case indicators.MethodProportional:
		return i18n.T("比例法", "proportional")
	case indicators.MethodReverse:
		return i18n.T("反向比例法", "reverse")
	case indicators.MethodReverseLinear:
		return i18n.T("反向线性法", "reverse-linear")
	case indicators.MethodEqual:
		return i18n.T("等值法", "equal")
	case indicators.MethodQualitative:
		return i18n.T("定性分档法", "qualitative")
	}
	return i18n.T(string(m), string(m))
}

// MethodName is the bilingual name of a standard method.
func MethodName(m indicators.Method) i18n.Text { return methodName(m) }

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
	s := strings.ReplaceAll(num.Normalize(text), " ", "")
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

func qualitative(ind *indicators.Indicator) Outcome {
	if !ind.Actual.Set {
		return actualProblem(ind)
	}
	q := ReadQuality(ind.Actual.Text)
	if q == QualityUnknown {
		return unscored(UnknownQuality, i18n.T("定性指标的实际完成值 %q 不是 达成 / 部分达成 / 未达成 之一",
			"the qualitative actual %q is not one of 达成 / 部分达成 / 未达成 (met / partly met / not met)", ind.Actual.Text))
	}
	lo, hi := q.Band()
	return Outcome{Kind: Ranged, Min: lo * ind.Weight, Max: hi * ind.Weight}
}

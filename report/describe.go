package report

import (
	"math"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules/analysis"
)

// varName is how a reviewer calls the analysed variable.
func varName(v analysis.Variable) i18n.Text {
	if v == analysis.VarRate {
		return i18n.T("完成率", "completion rate")
	}
	return i18n.T("实际值", "actual")
}

// valueText writes a value of the variable as a reviewer would: a rate as a percentage,
// an actual value with its unit.
func valueText(x float64, v analysis.Variable, ind *indicators.Indicator) string {
	if math.IsInf(x, 1) {
		return "+∞"
	}
	if math.IsInf(x, -1) {
		return "−∞"
	}
	if v == analysis.VarRate {
		return num.Short(x*100, 4) + "%"
	}
	unit := ind.Unit
	if unit == "" && ind.Target.Percent {
		unit = "%"
	}
	if len([]rune(unit)) > 4 {
		unit = ""
	}
	return num.Short(x, 6) + unit
}

// describeSet writes a set of values the way a reviewer writes it, then in interval
// notation: "90% ≤ 实际值 < 95%（actual ∈ [90, 95)）".
func describeSet(s analysis.Set, v analysis.Variable, ind *indicators.Indicator) i18n.Text {
	var zh, en []string
	for _, iv := range s {
		z, e := describeInterval(iv, v, ind)
		zh, en = append(zh, z), append(en, e)
	}
	return i18n.T("%s（%s ∈ %s）", "%s (%s ∈ %s)", i18n.Text{Zh: strings.Join(zh, "；"), En: strings.Join(en, "; ")}, v.String(), s.String())
}

func describeInterval(iv analysis.Interval, v analysis.Variable, ind *indicators.Indicator) (zh, en string) {
	name := varName(v)
	lo, hi := valueText(iv.Lo, v, ind), valueText(iv.Hi, v, ind)
	loOp, hiOp := "<", "<"
	if iv.LoClosed {
		loOp = "≤"
	}
	if iv.HiClosed {
		hiOp = "≤"
	}
	build := func(n string) string {
		switch {
		case iv.Point():
			return n + " = " + lo
		case math.IsInf(iv.Lo, -1) && math.IsInf(iv.Hi, 1):
			return n + " ∈ ℝ"
		case math.IsInf(iv.Hi, 1):
			op := ">"
			if iv.LoClosed {
				op = "≥"
			}
			return n + " " + op + " " + lo
		case math.IsInf(iv.Lo, -1):
			return n + " " + hiOp + " " + hi
		}
		return lo + " " + loOp + " " + n + " " + hiOp + " " + hi
	}
	return build(name.Zh), build(name.En)
}

// pointText writes one value of the variable: "完成率 40%", "actual 98.5%".
func pointText(x float64, v analysis.Variable, ind *indicators.Indicator) i18n.Text {
	name := varName(v)
	return i18n.T("%s %s", "%s %s", name, valueText(x, v, ind))
}

// tierText names a tier (1-based k) with its condition and score: "第2档（完成率 ≤ 80%，8 分）".
func tierText(c *subject, k int) i18n.Text {
	return i18n.T("第%d档（%s，%s）", "tier %d (%s, %s)", k, condText(c.r, c.ir, k), tierScoreText(c, k))
}

// condText writes tier k's (1-based) condition the way lint writes values and a reviewer
// reads them: "98.5% ≤ 实际值 < 99.22%" for comparisons of the one variable the criterion
// speaks of, 实际值为“基本改善” for a band of a qualitative criterion, and other conditions
// (text, funds, several variables) in words (phraseText). The expression stays in JSON.
func condText(r *engine.Result, ir *engine.IndicatorResult, k int) i18n.Text {
	t := &ir.Criterion.Tiers[k-1]
	if band := t.Band(); band != "" {
		return i18n.T("实际值为“%s”", "the actual reads \"%s\"", band)
	}
	s, v, ok := ir.Criterion.Condition(k-1, r.Project, ir.Indicator)
	switch {
	case ok && len(s) == 1 && math.IsInf(s[0].Lo, -1) && math.IsInf(s[0].Hi, 1):
		return i18n.T("其余情形", "otherwise")
	case ok && !s.Empty():
		var zh, en []string
		for _, iv := range s {
			z, e := describeInterval(iv, v, ir.Indicator)
			zh, en = append(zh, z), append(en, e)
		}
		return i18n.Text{Zh: strings.Join(zh, " 或 "), En: strings.Join(en, " or ")}
	}
	if p := ir.Criterion.Phrase(k - 1); p != nil {
		return phraseText(p, ir.Indicator)
	}
	return i18n.T("%s", "%s", t.When)
}

// tierScoreText writes what tier k (1-based) scores: "8 分", "12–16 分", a score that rests
// on the weight or target alone as its number for this indicator, else its formula in words
// ("得分 分值 × 实际值 ÷ 指标值").
func tierScoreText(c *subject, k int) i18n.Text {
	t, d := &c.ir.Criterion.Tiers[k-1], c.d
	if t.Range {
		return i18n.T("%s–%s 分", "%s–%s points", num.Short(t.Min, d), num.Short(t.Max, d))
	}
	if s, ok := t.ConstScore(); ok {
		return i18n.T("%s 分", "%s points", num.Short(s, d))
	}
	f := c.ir.Criterion.ScoreFormula(k - 1)
	if f == nil {
		return i18n.T("得分 %s", "score %s", t.Score)
	}
	if s, ok := formulaValue(f, c.ind); ok && !math.IsNaN(s) && !math.IsInf(s, 0) {
		return i18n.T("%s 分", "%s points", num.Short(s, d))
	}
	words := i18n.Text{Zh: termWords(f, "", c.ind, i18n.Zh, 0), En: termWords(f, "", c.ind, i18n.En, 0)}
	return i18n.T("得分 %s", "score %s", words)
}

// sampled marks the message of a finding whose analysis sampled rather than proved.
func sampled(f *engine.Finding, msg i18n.Text) i18n.Text {
	if !f.Sampled {
		return msg
	}
	return i18n.T("%s（抽样判断，未经证明：条件不全是简单比较）", "%s (sampled, not proved: not every condition is a plain comparison)", msg)
}

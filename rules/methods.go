package rules

import (
	"math"
	"time"
	"unicode/utf8"

	"jixiao/indicators"
	"jixiao/internal/num"
)

// DefaultMethod is the method that scores an indicator with neither tiers, a method nor a
// criterion it could read: the project's [scoring] method when it names one, else the one
// its target calls for, the rule the provincial 预算绩效 systems apply —
//
//	a date ("12月底前", "2022年6月30日前")     deadline
//	≥, ＞, a plain number (higher is better)    proportional
//	≤, ＜, a duration within a bound           [scoring] lower: reverse-linear (default) or reverse
//	＝                                         equal
//	text ("健全", "有效")                        qualitative
//
// and qualitative for an indicator without a target whose actual value is text.
func DefaultMethod(ind *indicators.Indicator, s *indicators.Scoring) indicators.Method {
	if s.Method != "" {
		return s.Method
	}
	t := &ind.Target
	switch {
	case t.IsDate:
		return indicators.MethodDeadline
	case t.IsNum:
		switch ind.Direction {
		case indicators.Lower:
			if s.Lower != "" {
				return s.Lower
			}
			return indicators.DefaultLower
		case indicators.Equal:
			return indicators.MethodEqual
		}
		return indicators.MethodProportional
	case t.Set:
		return flawedMethod(t.Text, ind.Direction, s)
	case ind.Actual.Set && !ind.Actual.IsNum && !ind.Actual.IsDate:
		return indicators.MethodQualitative
	}
	return indicators.MethodProportional
}

// flawedMethod is the default method of a text target: qualitative, unless the target was
// meant as a date or a number it fails to be ("2023年13月底前", "≥1OO人"): then the method
// that date or number calls for, which leaves the indicator unscored for its target.
func flawedMethod(text string, d indicators.Direction, s *indicators.Scoring) indicators.Method {
	switch num.Flawed(text) {
	case num.NoFlaw:
		return indicators.MethodQualitative
	case num.FlawDate:
		return indicators.MethodDeadline
	}
	switch sign, _ := utf8.DecodeRuneInString(num.Operators(num.Normalize(text))); {
	case sign == '≤' || sign == '<' || d == indicators.Lower:
		if s.Lower != "" {
			return s.Lower
		}
		return indicators.DefaultLower
	case sign == '=' || d == indicators.Equal:
		return indicators.MethodEqual
	}
	return indicators.MethodProportional
}

// agrees reports whether a method scores the way the indicator's direction runs: then met
// and the score agree (met: the weight; not met: less).
func agrees(m indicators.Method, d indicators.Direction) bool {
	switch m {
	case indicators.MethodProportional:
		return d == indicators.Higher
	case indicators.MethodReverse, indicators.MethodReverseLinear:
		return d == indicators.Lower
	case indicators.MethodEqual:
		return d == indicators.Equal
	}
	return false
}

// evalMethod scores an indicator without tiers by its standard method (see the package doc).
func evalMethod(m indicators.Method, env *Env) Outcome {
	switch m {
	case indicators.MethodQualitative:
		return qualitative(env)
	case indicators.MethodDeadline:
		return deadline(env)
	}
	w := env.Weight
	// An actual that repeats its target's text ("≥266米" under "≥266米") counts as met.
	if env.sameText {
		return Outcome{Kind: Scored, Score: w}
	}
	if math.IsNaN(env.Actual) {
		return actualProblem(env)
	}
	if math.IsNaN(env.Target) {
		return targetProblem(env)
	}
	a, t := env.Actual, env.Target
	var s float64
	switch m {
	case indicators.MethodProportional:
		if t <= 0 {
			return unscored(TargetZero)
		}
		s = w * max(0, min(a/t, 1))
	case indicators.MethodReverse, indicators.MethodReverseLinear:
		switch {
		case t < 0:
			return unscored(TargetZero)
		case a <= t:
			s = w
		case t == 0: // the limit of either formula as the target falls to 0
			s = 0
		case m == indicators.MethodReverse:
			s = w * t / a
		default:
			s = w * max(0, 1-(a-t)/t)
		}
	case indicators.MethodEqual:
		switch {
		case t == 0 && a <= 0, t != 0 && env.atTarget():
			s = w
		case t == 0:
			s = 0
		default:
			s = w * max(0, 1-math.Abs(a-t)/math.Abs(t))
		}
	default:
		return Outcome{Kind: Unscored, Reason: Reason{Code: EvalError, Expr: string(m)}}
	}
	if agrees(m, env.direction) {
		s = env.agree(env.numericMet(), s)
	}
	return Outcome{Kind: Scored, Score: s}
}

// agree makes a default score agree with met: the weight when met, and when not met at
// most one unit of the file's last decimal below it, so that rounding never turns an unmet
// target into full marks (98.999 of a target of 99 under proportional, or a strict ＞ target
// reached but not passed).
func (e *Env) agree(met bool, s float64) float64 {
	w := e.Weight
	if met {
		return w
	}
	return max(0, min(s, w-num.Pow10(-e.decimals)))
}

// atTarget reports whether the actual value equals the target at the file's decimals.
func (e *Env) atTarget() bool {
	return num.Round(e.Actual, e.decimals) == num.Round(e.Target, e.decimals)
}

// numericMet is Met for a numeric actual against a numeric target, by the direction: at or
// beyond the target (strictly beyond for ＞ and ＜), or equal at the file's decimals.
func (e *Env) numericMet() bool {
	a, t := e.Actual, e.Target
	switch e.direction {
	case indicators.Lower:
		if e.strict {
			return a < t
		}
		return a <= t
	case indicators.Equal:
		if t == 0 {
			return a <= 0
		}
		return e.atTarget()
	}
	if e.strict {
		return a > t
	}
	return a >= t
}

// Band returns the share of the weight a quality allows under the national bands, as
// fractions; a project's [scoring] bands may set others (Env.Band).
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

// Band returns the share of the weight a quality allows in the indicator's project, as
// fractions.
func (e *Env) Band(q Quality) (lo, hi float64) {
	if q == QualityUnknown {
		return 0, 0
	}
	b := e.bands[q-1]
	return b[0] / 100, b[1] / 100
}

func qualitative(env *Env) Outcome {
	if !env.actualSet || env.TextFlaw(env.Text) != num.NoFlaw { // "2023年2月30日", "8O%" are no words
		return actualProblem(env)
	}
	q := env.qualityOf()
	if q == QualityUnknown {
		return unscored(UnknownQuality)
	}
	lo, hi := env.Band(q)
	lo, hi = lo*env.Weight, hi*env.Weight
	if q != QualityMet { // a band short of 达成 stays short of full marks, whatever the rounding
		hi = env.agree(false, hi)
		lo = min(lo, hi)
	}
	return Outcome{Kind: Ranged, Min: lo, Max: hi}
}

// deadline scores a date target: full marks on time; a missed deadline loses [scoring]
// late_per_month of the weight for each month late (a month begun counts whole), and is
// unscored when the project sets no such rule. A start is met on or after it; an actual
// before it is not late, and is unscored whatever late_per_month says. An actual written as words ("按时完成") is
// read in the qualitative bands.
func deadline(env *Env) Outcome {
	w := env.Weight
	if env.sameText {
		return Outcome{Kind: Scored, Score: w}
	}
	if !env.actualSet {
		return actualProblem(env)
	}
	if !env.actualDate.ok {
		if math.IsNaN(env.Actual) {
			return qualitative(env)
		}
		return unscored(ActualText)
	}
	if !env.targetDate.ok {
		return targetProblem(env)
	}
	l := env.Lateness()
	switch {
	case !l.Known:
		return unscored(DateUnknown)
	case l.Met:
		return Outcome{Kind: Scored, Score: w}
	case l.Start:
		return unscored(BeforeStart)
	case math.IsNaN(env.latePerMonth):
		return unscored(Late)
	}
	return Outcome{Kind: Scored, Score: env.agree(false, w*max(0, 1-float64(l.Months)*env.latePerMonth))}
}

// Lateness is how a date actual stands against a date target.
type Lateness struct {
	Known bool // whether it can be told: both dates, a year for each, and not a month that straddles the deadline
	Met   bool // on time (for a start: not before it)
	// Start says the target is a start ("2023年3月起", "≥2023年3月"), not a deadline: it is met
	// on or after it, and an actual before it is not met but not late either (Days and
	// Months are 0, and no lateness is scored).
	Start bool
	// How late, when a deadline was missed: in days when the actual is a day, else in
	// months between the deadline's month and the actual's; Months counts the months begun.
	Days, Months int
	InMonths     bool // the actual is a whole month: say Months, not Days
}

// Lateness compares the actual date with the target date. A date without a year takes the
// project's year, else the other date's. A whole month is on time when its last day is;
// late when its first day is; otherwise it cannot be told.
func (e *Env) Lateness() Lateness {
	if !e.targetDate.ok || !e.actualDate.ok {
		return Lateness{}
	}
	t, a := e.targetDate.d, e.actualDate.d
	switch {
	case t.Year == 0 && a.Year == 0 && e.year == 0:
		return Lateness{}
	case e.year != 0:
		t, a = t.In(e.year), a.In(e.year)
	default:
		t, a = t.In(a.Year), a.In(t.Year)
	}
	switch e.targetDate.op {
	case indicators.OpGE, indicators.OpGT: // a start: not before it
		from := t.First()
		if e.targetDate.op == indicators.OpGT {
			from = t.Last() + 1
		}
		switch {
		case a.First() >= from:
			return Lateness{Known: true, Met: true, Start: true}
		case a.Last() < from:
			return Lateness{Known: true, Start: true}
		}
		return Lateness{Start: true}
	}
	by := t.Last() // a month as a deadline is its last day
	if e.targetDate.op == indicators.OpLT {
		by = t.First() - 1
	}
	switch {
	case a.Last() <= by:
		return Lateness{Known: true, Met: true}
	case a.First() <= by: // a month that straddles the deadline
		return Lateness{}
	}
	l := Lateness{Known: true, InMonths: a.WholeMonth(), Days: a.First() - by}
	d := dateOfDay(by)
	l.Months = a.MonthIndex() - d.MonthIndex()
	if !a.WholeMonth() && a.Day > d.Day { // a month begun counts: the 20th after the 15th of the month before is two
		l.Months++
	}
	return l
}

// dateOfDay is the date of a day counted from 1970-01-01.
func dateOfDay(day int) num.Date {
	y, m, d := time.Unix(int64(day)*86400, 0).UTC().Date()
	return num.Date{Year: y, Month: int(m), Day: d}
}

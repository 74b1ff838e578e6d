package rules

import (
	"math"
	"slices"

	"jixiao/indicators"
	"jixiao/internal/num"
)

// Env is what a tier expression sees. Fields that the indicator does not give are NaN,
// and an expression that uses one leaves the indicator unscored rather than scoring it
// against a made-up zero.
type Env struct {
	Actual float64  `expr:"actual"`
	Target float64  `expr:"target"`
	Weight float64  `expr:"weight"`
	Prior  float64  `expr:"prior"`
	Rate   float64  `expr:"rate"`
	Text   string   `expr:"text"`
	Funds  FundsEnv `expr:"funds"`
	// LateDays and LateMonths are how late a date actual is against a deadline target: 0
	// on time (or on or after a start); NaN when the indicator states no such dates, and
	// before a start, which is not lateness (see Lateness).
	LateDays   float64 `expr:"late_days"`
	LateMonths float64 `expr:"late_months"`

	actualSet    bool // an actual value is given, as a number or as text
	unitMismatch bool // a number actual's unit is not its target's, nor converts to it (indicators.ActualInTargetUnit)
	sameText     bool // the actual repeats its target's text ("≥266米" under "≥266米"): met
	quality      Quality
	qualityOK    bool  // quality has been read from Text
	memo         *memo // what the compiler that built the env remembers of texts read; nil: none

	// What the standard methods need of the indicator and its project.
	direction    indicators.Direction
	strict       bool          // the target's operator is ＞ or ＜: met strictly beyond it
	decimals     int           // the project's decimals
	year         int           // the project's year, for dates written without one; 0 if not given
	targetDate   dateValue     // a date target: a deadline, or a start
	actualDate   dateValue     // a date actual
	bands        [3][2]float64 // the qualitative bands, in percent of the weight: met, partial, not met
	latePerMonth float64       // the share of the weight a missed deadline loses a month; NaN: unscored
	targetFlaw   num.Flaw      // why a text target meant as a number or a date cannot be read as one
}

// dateValue is a date as a value states it, with its bound.
type dateValue struct {
	d  num.Date
	op indicators.Op
	ok bool
}

func dateOf(v *indicators.Value) dateValue {
	if !v.IsDate {
		return dateValue{}
	}
	return dateValue{d: v.Date, op: v.Op, ok: true}
}

// scoringEnv is what every indicator's environment takes from its project.
type scoringEnv struct {
	decimals, year int
	bands          [3][2]float64
	latePerMonth   float64
}

func scoringOf(p *indicators.Project) scoringEnv {
	s := &p.Scoring
	out := scoringEnv{decimals: s.Decimals, year: p.Year, latePerMonth: math.NaN(),
		bands: [3][2]float64{indicators.DefaultBandMet, indicators.DefaultBandPartial, indicators.DefaultBandUnmet}}
	for k, b := range []*[2]float64{s.BandMet, s.BandPartial, s.BandUnmet} {
		if b != nil {
			out.bands[k] = *b
		}
	}
	if s.LatePerMonth != nil {
		out.latePerMonth = *s.LatePerMonth
	}
	return out
}

// RepeatsTarget reports whether the actual value is written exactly like the target
// ("≥266米" under "≥266米"), which counts as met.
func (e *Env) RepeatsTarget() bool { return e.sameText }

// qualityOf is the qualitative band the actual value states, read on first use: 达成 for
// an actual that repeats its target, else as ReadQuality reads its words.
func (e *Env) qualityOf() Quality {
	if !e.qualityOK {
		e.quality, e.qualityOK = QualityMet, true
		switch {
		case e.sameText:
		case e.memo != nil:
			e.quality = e.memo.qualities.of(e.Text)
		default:
			e.quality, _ = ReadQuality(e.Text)
		}
	}
	return e.quality
}

// Quality is the qualitative band the actual value states (QualityUnknown when its words
// say none).
func (e *Env) Quality() Quality { return e.qualityOf() }

// sameText is indicators.SameText, answering at once for texts that differ and hold nothing
// it would normalise (no spaces, no full-width forms): most text actuals under text targets.
func sameText(a, b *indicators.Value) bool {
	switch {
	case !a.Set || !b.Set || a.Plain || b.Plain:
		return false
	case a.Text == b.Text:
		return true
	case bare(a.Text) && bare(b.Text):
		return false
	}
	return indicators.SameText(*a, *b)
}

// bare reports whether s has no byte that could begin a space or a full-width form: no ASCII
// space or control, and no lead byte of U+0080–U+00FF, U+1680, U+2000–U+206F, U+3000–U+303F
// or U+FF00–U+FFFF. Normalising such a text changes nothing.
func bare(s string) bool {
	for i := 0; i < len(s); i++ {
		if notBare[s[i]] {
			return false
		}
	}
	return true
}

var notBare = func() (t [256]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3, 0xEF} {
		t[c] = true
	}
	return t
}()

// FundsEnv is the funds block as expressions see it, in the funds' own unit.
type FundsEnv struct {
	Budget         float64 `expr:"budget"`
	Adjustment     float64 `expr:"adjustment"`
	Allocated      float64 `expr:"allocated"`
	Balance        float64 `expr:"balance"`
	Received       float64 `expr:"received"`
	Spent          float64 `expr:"spent"`
	Unspent        float64 `expr:"unspent"`
	UnspentRate    float64 `expr:"unspent_rate"`
	FullYearBudget float64 `expr:"full_year_budget"`
	ExecutionRate  float64 `expr:"execution_rate"` // spent / full-year budget, as a fraction
}

// Variables names the variables an expression may use, for messages.
const Variables = "actual, target, weight, prior, rate, text, late_days, late_months, funds.budget, funds.spent, funds.execution_rate…"

// variable bits record which inputs an expression reads.
type variable uint8

const (
	varActual variable = 1 << iota
	varTarget
	varPrior
	varRate
	varText
	varFunds
	varWeight
	varLate
)

var variableNames = map[string]variable{
	"actual": varActual, "target": varTarget, "prior": varPrior, "rate": varRate, "text": varText, "funds": varFunds,
	"weight": varWeight, "late_days": varLate, "late_months": varLate,
}

// NewEnv builds the environment of one indicator of a project.
func NewEnv(p *indicators.Project, ind *indicators.Indicator) Env {
	var env Env
	sc := scoringOf(p)
	env.init(fundsEnv(p.Funds), &sc, ind, nil)
	return env
}

// AppendEnvs appends the environment of each indicator of p, in order. It is built once
// per indicator, and scoring, inference and the checks share it.
func AppendEnvs(envs []Env, p *indicators.Project) []Env { return appendEnvs(envs, p, nil) }

// AppendEnvs is AppendEnvs with the compiler's memory of the texts read: a batch reads the
// words of each distinct actual text, and whether a value's text is a flawed number or
// date, once.
func (c *Compiler) AppendEnvs(envs []Env, p *indicators.Project) []Env {
	return appendEnvs(envs, p, &c.memo)
}

func appendEnvs(envs []Env, p *indicators.Project, m *memo) []Env {
	funds := fundsEnv(p.Funds)
	sc := scoringOf(p)
	n := len(envs)
	envs = slices.Grow(envs, len(p.Indicators))[:n+len(p.Indicators)]
	for i, ind := range p.Indicators {
		envs[n+i].init(funds, &sc, ind, m)
	}
	return envs
}

// UnitMismatch reports whether the actual is a number in a unit that is not its target's
// and does not convert to it (indicators.ActualInTargetUnit): Actual is then NaN.
func (e *Env) UnitMismatch() bool { return e.unitMismatch }

// TextFlaw is num.Flawed(text), remembered by the compiler that built the environment.
func (e *Env) TextFlaw(text string) num.Flaw {
	if e.memo == nil {
		return num.Flawed(text)
	}
	return e.memo.flaws.of(text)
}

func (env *Env) init(funds FundsEnv, sc *scoringEnv, ind *indicators.Indicator, m *memo) {
	nan := math.NaN()
	// Cleared, then set field by field in place: a composite literal would be built aside
	// and copied.
	*env = Env{}
	env.Actual, env.Target, env.Prior, env.Rate = nan, nan, nan, nan
	env.Weight, env.Text, env.Funds, env.memo = ind.Weight, ind.Actual.Text, funds, m
	env.actualSet, env.sameText = ind.Actual.Set, sameText(&ind.Actual, &ind.Target)
	env.direction, env.strict = ind.Direction, ind.Target.Op == indicators.OpGT || ind.Target.Op == indicators.OpLT
	env.decimals, env.year, env.bands, env.latePerMonth = sc.decimals, sc.year, sc.bands, sc.latePerMonth
	env.targetDate, env.actualDate = dateOf(&ind.Target), dateOf(&ind.Actual)
	if ind.Actual.IsNum {
		var agree bool
		env.Actual, agree = indicators.ActualInTargetUnit(ind)
		if !agree { // 85人 against a target in %: no number to score
			env.Actual, env.unitMismatch = nan, true
		}
	}
	if ind.Target.IsNum {
		env.Target = ind.Target.Num
	} else if ind.Target.Set && !ind.Target.IsDate {
		env.targetFlaw = env.TextFlaw(ind.Target.Text)
	}
	if ind.Prior.IsNum {
		env.Prior = ind.Prior.Num
	}
	if ind.Actual.IsNum && ind.Target.IsNum && ind.Target.Num != 0 {
		env.Rate = env.Actual / ind.Target.Num
	}
	env.LateDays, env.LateMonths = nan, nan
	if env.targetDate.ok && env.actualDate.ok {
		if l := env.Lateness(); l.Known && (l.Met || !l.Start) { // before a start is not late: no lateness
			env.LateDays, env.LateMonths = 0, 0
			if !l.Met {
				env.LateDays, env.LateMonths = float64(l.Days), float64(l.Months)
			}
		}
	}
}

// value is the value of a variable other than actual and rate, for the interval analysis:
// NaN for a variable the indicator does not give, or that is not a number.
func (e *Env) value(name string) float64 {
	switch name {
	case "target":
		return e.Target
	case "weight":
		return e.Weight
	case "prior":
		return e.Prior
	case "late_days":
		return e.LateDays
	case "late_months":
		return e.LateMonths
	case "funds.budget":
		return e.Funds.Budget
	case "funds.adjustment":
		return e.Funds.Adjustment
	case "funds.allocated":
		return e.Funds.Allocated
	case "funds.balance":
		return e.Funds.Balance
	case "funds.received":
		return e.Funds.Received
	case "funds.spent":
		return e.Funds.Spent
	case "funds.unspent":
		return e.Funds.Unspent
	case "funds.unspent_rate":
		return e.Funds.UnspentRate
	case "funds.full_year_budget":
		return e.Funds.FullYearBudget
	case "funds.execution_rate":
		return e.Funds.ExecutionRate
	}
	return math.NaN()
}

func fundsEnv(f *indicators.Funds) FundsEnv {
	val := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	if f == nil {
		nan := math.NaN()
		return FundsEnv{nan, nan, nan, nan, nan, nan, nan, nan, nan, nan}
	}
	e := FundsEnv{
		Budget: val(f.Budget), Adjustment: val(f.Adjustment), Allocated: val(f.Allocated),
		Balance: val(f.Balance), Received: val(f.Received), Spent: val(f.Spent),
		Unspent: val(f.Unspent), UnspentRate: val(f.UnspentRate), ExecutionRate: math.NaN(),
	}
	e.FullYearBudget = math.NaN()
	if avail, ok := f.Available(); ok {
		e.FullYearBudget = avail
	}
	if rate, ok := ExecutionRate(f); ok {
		e.ExecutionRate = rate
	}
	return e
}

// ExecutionRate is 预算执行率: spent / the full-year budget, as a fraction, when the funds
// give both (and the budget is above 0).
func ExecutionRate(f *indicators.Funds) (float64, bool) {
	avail, ok := f.Available()
	if !ok || avail <= 0 || f.Spent == nil {
		return 0, false
	}
	return *f.Spent / avail, true
}

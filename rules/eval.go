package rules

import (
	"math"
	"strings"

	"jixiao/internal/num"
	"jixiao/rules/analysis"
)

// Kind says what an evaluation produced.
type Kind uint8

const (
	// Scored: one score.
	Scored Kind = iota
	// Ranged: a range of scores, the reviewer's choice within it (a discretionary tier or a
	// qualitative band).
	Ranged
	// Unscored: no score could be given; Reason says why.
	Unscored
)

// Outcome is the result of evaluating one criterion.
type Outcome struct {
	Kind     Kind
	Score    float64 // Scored: the score, not yet rounded
	Min, Max float64 // Ranged: the range, inclusive
	Tier     int     // the 1-based tier that fired; 0 when a method scored or nothing fired
	Reason   Reason  // Unscored: why; otherwise empty
}

// Reason is why an indicator could not be scored: a stable code and the facts its message
// states (the indicator's own values it takes from the indicator).
type Reason struct {
	Code   string
	Tier   int     // EvalError, NotANumber: the 1-based tier whose expression failed (0 for a method); CriterionUnread: the tier that fired
	Expr   string  // that expression as written; for EvalError without a tier, the unknown method
	Err    string  // EvalError: what the expression machine said
	Budget bool    // EvalError: the expression was stopped for exceeding its memory budget
	Value  float64 // NotANumber: what the score came to
	// Part is, for CriterionUnread, the 1-based unread part of the criterion
	// (Criterion.Unparsed) that leaves the indicator unscored: the first of a criterion read
	// not at all, or the one that could change the score of the tier that fired (Tier).
	Part int
}

// Reason codes.
const (
	NoTierMatched  = "no-tier-matched" // no tier's condition holds for the actual value
	ActualMissing  = "actual-missing"  // no actual value given
	ActualText     = "actual-text"     // the actual value is text where a number is needed
	TargetMissing  = "target-missing"  // no usable target where one is needed
	TargetZero     = "target-zero"     // a ratio to a target of 0 (or below, for a method)
	PriorMissing   = "prior-missing"   // the criterion uses prior, which is not given
	FundsMissing   = "funds-missing"   // the criterion uses funds, which are not given
	EvalError      = "eval-error"      // the expression failed while running
	NotANumber     = "not-a-number"    // the score came out NaN or infinite
	UnknownQuality = "unknown-quality" // a qualitative actual whose words say no band
	// The criterion's text could not be read: nothing of it (under [scoring] unread =
	// "unscored"), or not the part that could change the score of the tier that fired.
	CriterionUnread = "criterion-unread"
	DateUnknown     = "date-unknown" // a date without a year and nothing to take one from, or a month that straddles the deadline
	Late            = "late"         // a missed deadline, and no rule for scoring lateness
	BeforeStart     = "before-start" // a date actual before a start target: not met, and not late
	// A target or actual written as a number, a date or a comparison that cannot be read as
	// one (num.Flawed: "≥1OO人", "95.5.%", "2023年13月底前", ">=abc"): never read as a
	// shorter number, nor as words.
	TargetUnreadable = "target-unreadable"
	ActualUnreadable = "actual-unreadable"
	// A number actual in a unit that is not its target's and does not convert to it (85人,
	// 0.5万 under a target in %): see indicators.ActualInTargetUnit.
	ActualUnit = "actual-unit"
)

func unscored(code string) Outcome { return Outcome{Kind: Unscored, Reason: Reason{Code: code}} }

// Program is a criterion compiled: its facts and the expression programs, threshold table
// and analyses that evaluate it. It is shared by every indicator written alike that its
// Compiler compiled, and belongs to that Compiler's goroutine.
type Program struct {
	Criterion *Criterion
	conds     []*compiled // per tier, its condition
	scores    []*compiled // per tier, its score; nil for a discretionary tier
	uses      variable    // what the conditions read
	fast      *table      // the tiers as a sorted table, when they are plain comparisons of one variable
	first     *compiled   // otherwise, the conditions in one program giving the first tier that holds
	m         *machine    // the compiler's expression machine
	prose     string      // for tiers read from prose: the text and context they were read from
	at        uint64      // for written tiers: the addresses of the texts it was last found by (addressKey)
	analyses  map[analysisKey]*analysis.Analysis
	last      analysisKey // the key of the analysis made or found last, lastA
	lastA     *analysis.Analysis
	hasLast   bool
}

// Eval scores the criterion against env. It never panics: a failing expression leaves the
// indicator unscored with the reason.
func (p *Program) Eval(env *Env) Outcome {
	c := p.Criterion
	if len(c.Tiers) == 0 {
		if c.Unread && !c.Default {
			return Outcome{Kind: Unscored, Reason: Reason{Code: CriterionUnread, Part: 1}}
		}
		return evalMethod(c.Method, env)
	}
	o := p.eval(env)
	if o.Kind == Unscored && o.Reason.Code == NoTierMatched && env.targetFlaw != num.NoFlaw {
		// A target that cannot be read ("≥abc") leaves the tiers nothing to match: the
		// target is the cause, not a gap in the criterion.
		return unscored(TargetUnreadable)
	}
	if o.Tier > 0 {
		if part := c.Tiers[o.Tier-1].exposed; part > 0 {
			return Outcome{Kind: Unscored, Reason: Reason{Code: CriterionUnread, Tier: o.Tier, Part: part}}
		}
	}
	return o
}

// eval is Eval of tiers, by the threshold table, the program of all the conditions, or tier
// by tier.
func (p *Program) eval(env *Env) Outcome {
	c := p.Criterion
	if p.fast != nil {
		if x, ok := p.fast.input(env); ok {
			k := p.fast.lookup(x)
			if k < 0 {
				return unscored(NoTierMatched)
			}
			if p.fast.final[k] {
				return p.fast.out[k]
			}
			return p.fired(k, env)
		}
	}
	if p.first != nil {
		if o, ok := p.evalFirst(env); ok {
			return o
		}
	}
	for k := range c.Tiers {
		when := p.conds[k]
		if o, missing := missing(when.uses, env); missing {
			return o
		}
		hit, err := p.m.runBool(when, env)
		if err != nil {
			return evalFailed(k, c.Tiers[k].When, err)
		}
		if hit {
			return p.fired(k, env)
		}
	}
	return unscored(NoTierMatched)
}

// evalFirst is Eval in one run of the machine: the program of all the conditions gives the
// first tier that holds. Tiers are tried in order and the first whose condition reads an
// input env lacks stops them (it leaves the indicator unscored), so the program's answer
// counts only if it comes before that tier. It reports false when the program fails, for
// the tiers one by one to say which failed and how.
func (p *Program) evalFirst(env *Env) (Outcome, bool) {
	stop := len(p.conds)
	if _, lacks := missing(p.uses, env); lacks { // some tier reads an input env lacks: the first such stops the tiers
		for k, when := range p.conds {
			if _, missing := missing(when.uses, env); missing {
				stop = k
				break
			}
		}
	}
	k, err := p.m.runIndex(p.first, env)
	switch {
	case err != nil:
		return Outcome{}, false
	case k >= 1 && k-1 < stop:
		return p.fired(k-1, env), true
	case stop < len(p.conds):
		o, _ := missing(p.conds[stop].uses, env)
		return o, true
	}
	return unscored(NoTierMatched), true
}

// fired is the outcome of tier k (0-based) firing: its score, its range, or its score
// expression's value.
func (p *Program) fired(k int, env *Env) Outcome {
	t := &p.Criterion.Tiers[k]
	if t.Range {
		return Outcome{Kind: Ranged, Min: t.Min, Max: t.Max, Tier: k + 1}
	}
	if t.constant {
		return Outcome{Kind: Scored, Score: t.value, Tier: k + 1}
	}
	score := p.scores[k]
	if o, missing := missing(score.uses, env); missing {
		return o
	}
	s, err := p.m.runFloat(score, env)
	if err != nil {
		return evalFailed(k, t.Score, err)
	}
	if math.IsNaN(s) || math.IsInf(s, 0) || math.Abs(s) > MaxScore {
		return Outcome{Kind: Unscored, Reason: Reason{Code: NotANumber, Tier: k + 1, Expr: t.Score, Value: s}}
	}
	return Outcome{Kind: Scored, Score: s, Tier: k + 1}
}

// MaxScore bounds the magnitude of any computed score: beyond it a score expression is
// broken or hostile, and the indicator is left unscored rather than let a total overflow.
const MaxScore = 1e9

// evalFailed records an expression that failed while running; a memory budget exceeded
// means an expression that builds huge lists or strings, which no criterion needs.
func evalFailed(k int, text string, err error) Outcome {
	msg := err.Error()
	return Outcome{Kind: Unscored, Reason: Reason{Code: EvalError, Tier: k + 1, Expr: text, Err: msg,
		Budget: strings.Contains(msg, "memory budget exceeded")}}
}

// Matching appends to out the 1-based numbers of every tier whose condition holds,
// whichever fires first. Tiers whose inputs are missing or that fail are left out.
func (p *Program) Matching(env *Env, out []int) []int {
	if p.fast != nil {
		if x, ok := p.fast.input(env); ok {
			for k, s := range p.fast.conds {
				if s.Contains(x) {
					out = append(out, k+1)
				}
			}
			return out
		}
	}
	for k, when := range p.conds {
		if _, missing := missing(when.uses, env); missing {
			continue
		}
		if hit, err := p.m.runBool(when, env); err == nil && hit {
			out = append(out, k+1)
		}
	}
	return out
}

// missing reports an input that an expression reads but the indicator does not give.
func missing(uses variable, env *Env) (Outcome, bool) {
	switch {
	case uses&(varActual|varRate) != 0 && math.IsNaN(env.Actual):
		return actualProblem(env), true
	case uses&(varTarget|varRate) != 0 && math.IsNaN(env.Target):
		return targetProblem(env), true
	case uses&varRate != 0 && math.IsNaN(env.Rate):
		return unscored(TargetZero), true
	case uses&varPrior != 0 && math.IsNaN(env.Prior):
		return unscored(PriorMissing), true
	case uses&varText != 0 && !env.actualSet:
		return actualProblem(env), true
	case uses&varLate != 0 && math.IsNaN(env.LateDays):
		if !env.actualSet || env.TextFlaw(env.Text) != num.NoFlaw {
			return actualProblem(env), true // no date to be late with, or none that reads
		}
		if l := env.Lateness(); l.Known && l.Start {
			return unscored(BeforeStart), true // a start has no lateness
		}
		return unscored(DateUnknown), true
	case uses&varFunds != 0 && math.IsNaN(env.Funds.Budget) && math.IsNaN(env.Funds.FullYearBudget) && math.IsNaN(env.Funds.Spent):
		return unscored(FundsMissing), true
	}
	return Outcome{}, false
}

func actualProblem(env *Env) Outcome {
	switch {
	case !env.actualSet:
		return unscored(ActualMissing)
	case env.unitMismatch:
		return unscored(ActualUnit)
	case env.TextFlaw(env.Text) != num.NoFlaw:
		return unscored(ActualUnreadable)
	}
	return unscored(ActualText)
}

// targetProblem is why a target that is needed gives no number: none is written, or what is
// written cannot be read.
func targetProblem(env *Env) Outcome {
	if env.targetFlaw != num.NoFlaw {
		return unscored(TargetUnreadable)
	}
	return unscored(TargetMissing)
}

// ScoreAt evaluates tier k's (0-based) score expression with the analysed variable set to
// x, for checking a formula score over the values where the tier fires.
func (p *Program) ScoreAt(k int, env *Env, v analysis.Variable, x float64) (float64, bool) {
	t := &p.Criterion.Tiers[k]
	if t.Range {
		return 0, false
	}
	if t.constant {
		return t.value, true
	}
	score := p.scores[k]
	probe := *env
	probe.set(v, x)
	if _, missing := missing(score.uses, &probe); missing {
		return 0, false
	}
	s, err := p.m.runFloat(score, &probe)
	if err != nil || math.IsNaN(s) || math.IsInf(s, 0) {
		return 0, false
	}
	return s, true
}

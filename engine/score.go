package engine

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules"
)

// Options configure an Engine. Zero values take the defaults.
type Options struct {
	// Config is the shared review configuration (a province's thresholds and review rules,
	// from --config). A file's own [review] table and [[review_rules]] override it, and
	// Override overrides the thresholds of both (flags such as --tolerance).
	Config   indicators.Config
	Override indicators.Thresholds
	Limits   rules.Limits // bounds on untrusted expressions
}

// Engine compiles, scores and reviews projects. Its compiler keeps each distinct criterion
// compiled (and analysed) once across projects. It is not safe for concurrent use: give
// each goroutine its own.
type Engine struct {
	opts     Options
	compiler *rules.Compiler
	base     *Config // the configuration of a project without its own [review]
	// The project being scored, shared by scoring and the review: each indicator's program
	// and its environment, built once.
	progs []*rules.Program
	envs  []rules.Env
	raw   []float64 // each indicator's score before rounding
	rv    reviewer
}

// New returns an Engine.
func New(opts Options) *Engine {
	return &Engine{opts: opts, compiler: rules.NewCompiler(opts.Limits)}
}

// Config returns the review configuration in force for p.
func (e *Engine) Config(p *indicators.Project) *Config {
	own := p.Thresholds
	if own.Tolerance == nil && own.MoneyTolerance == nil && own.OverachievedRatio == nil && own.ExecutionRateMin == nil &&
		own.BalanceRateMax == nil && own.SpendGapMax == nil && len(own.Disable) == 0 && len(p.ReviewRules) == 0 {
		if e.base == nil {
			e.base = NewConfig(e.opts.Override.Over(e.opts.Config.Review))
			e.base.Rules = rulesInForce(nil, e.opts.Config.ReviewRules)
		}
		return e.base
	}
	c := NewConfig(e.opts.Override.Over(own.Over(e.opts.Config.Review)))
	c.Rules = rulesInForce(p.ReviewRules, e.opts.Config.ReviewRules)
	return c
}

// Score compiles p's criteria and scores it. The error, if any, is an
// indicators.ErrorList of expressions that do not compile.
func (e *Engine) Score(p *indicators.Project) (*Result, error) { return e.run(p, noReview) }

// Check scores p and reviews it: the result carries every finding of the checks in force.
func (e *Engine) Check(p *indicators.Project) (*Result, error) { return e.run(p, reviewAll) }

// Lint scores p and runs only the checks of its criteria themselves (gaps, overlaps,
// unreachable and non-monotonic tiers, impossible scores, full marks off the target). A
// template without actual values is fine.
func (e *Engine) Lint(p *indicators.Project) (*Result, error) { return e.run(p, reviewLint) }

// scope is which checks a run makes.
type scope uint8

const (
	reviewAll  scope = iota // every check in force
	reviewLint              // the checks of the criteria themselves
	noReview                // none: scores only
)

func (e *Engine) run(p *indicators.Project, s scope) (*Result, error) {
	progs, err := e.compiler.AppendProject(e.progs[:0], p)
	if err != nil {
		return nil, err
	}
	e.progs = progs
	if len(p.Thresholds.Disable) > 0 {
		if errs := disableErrors(p); errs != nil {
			return nil, errs
		}
	}
	cfg := e.Config(p)
	r := e.score(p, cfg)
	r.Review, r.Rules = reviewOf(r, cfg.Rules), cfg.Rules
	if s != noReview {
		e.review(r, cfg, s)
	}
	return r, nil
}

func (e *Engine) score(p *indicators.Project, cfg *Config) *Result {
	d := p.Scoring.Decimals
	n := len(p.Indicators)
	r := &Result{Project: p, Indicators: make([]IndicatorResult, n)}
	e.envs = e.compiler.AppendEnvs(e.envs[:0], p)
	e.raw = slices.Grow(e.raw[:0], n)[:n]
	var lo, hi, weight float64 // totals in points, of rounded scores
	exact := true
	for i, ind := range p.Indicators {
		ir := &r.Indicators[i]
		prog := e.progs[i]
		env := &e.envs[i]
		o := prog.Eval(env)
		ir.Indicator, ir.Criterion, ir.Applicable = ind, prog.Criterion, ind.Applicable
		ir.Kind, ir.Tier = o.Kind, o.Tier
		if o.Kind == rules.Unscored {
			why := o.Reason
			ir.Reason = &why
		}
		e.raw[i] = o.Score
		resolve(ir, o, d, cfg.Tolerance)
		ir.Met, ir.MetKnown = rules.Met(ind, env, prog.Criterion.Method)
		if !ind.Applicable {
			continue
		}
		r.Applicable++
		if ind.Target.Set { // a target set is one written down: an indicator without one sets none
			r.TargetsSet++
			switch {
			case !ir.MetKnown:
				r.TargetsUnknown++
			case ir.Met:
				r.TargetsMet++
			}
		}
		weight += ind.Weight
		if ir.HasScore {
			lo, hi = lo+ir.Score, hi+ir.Score
		} else {
			lo, hi = lo+ir.Min, hi+ir.Max
			exact = false
		}
	}
	if x := execution(p.Funds, d); x != nil {
		r.Execution = x
		weight += x.Weight
		lo, hi = lo+x.Score, hi+x.Score
	}
	r.Weight = num.Round(weight, d)
	r.Rescaled = len(r.Indicators) > r.Applicable && weight > 0
	lo, hi = rescale(r, lo, weight), rescale(r, hi, weight)
	r.TotalMin, r.TotalMax = num.Round(lo, d), num.Round(hi, d)
	r.Exact = exact && r.TotalMin == r.TotalMax
	r.Total = r.TotalMin
	r.Grade = GradeOf(p.Scoring.Grades, r.TotalMin)
	r.GradeMax = GradeOf(p.Scoring.Grades, r.TotalMax)
	return r
}

// rescale turns points out of the weight of the lines that count into points out of full
// marks, when some indicators do not apply (按百分制折算).
func rescale(r *Result, points, weight float64) float64 {
	if !r.Rescaled || weight <= 0 {
		return points
	}
	return points * r.Project.Scoring.FullMarks / weight
}

// resolve rounds the outcome into the result's score or range. A reported score inside a
// discretionary range (within the tolerance) is accepted as the score.
func resolve(ir *IndicatorResult, o rules.Outcome, d int, tol float64) {
	switch o.Kind {
	case rules.Scored:
		ir.Score, ir.HasScore = num.Round(o.Score, d), true
	case rules.Ranged:
		ir.Min, ir.Max = num.Round(o.Min, d), num.Round(o.Max, d)
		if rep := ir.Indicator.Reported; rep != nil && *rep >= o.Min-tol && *rep <= o.Max+tol {
			ir.Score, ir.HasScore, ir.Accepted = num.Round(*rep, d), true, true
		}
	default:
		ir.Min, ir.Max = 0, num.Round(ir.Indicator.Weight, d)
	}
}

// execution scores 预算执行率 when the funds carry a weight: min(spent / budget, 1) × weight.
func execution(f *indicators.Funds, d int) *Execution {
	if f == nil || f.Weight <= 0 {
		return nil
	}
	x := &Execution{Weight: f.Weight, Reported: f.Reported}
	if rate, ok := rules.ExecutionRate(f); ok {
		x.Rate = rate
		x.Score, x.HasScore = num.Round(f.Weight*min(max(rate, 0), 1), d), true
	}
	return x
}

// GradeOf returns the grade of a total: the first band, highest first, whose lower bound
// (inclusive) the total reaches.
func GradeOf(grades []indicators.Grade, total float64) string {
	for _, g := range grades {
		if total >= g.Min {
			return g.Name
		}
	}
	if len(grades) > 0 {
		return grades[len(grades)-1].Name
	}
	return ""
}

// GradePossible reports whether some total within [lo, hi] is given the grade name.
func GradePossible(grades []indicators.Grade, lo, hi float64, name string) bool {
	for i, g := range grades {
		if g.Name != name {
			continue
		}
		// The band is [g.Min, the band above's Min); the first band has no top, the last
		// no bottom (a total below every bound takes it).
		if i > 0 && lo >= grades[i-1].Min {
			continue
		}
		if i < len(grades)-1 && hi < g.Min {
			continue
		}
		return true
	}
	return false
}

// gradeAliases maps the long forms that tables write to the one-character grades.
var gradeAliases = map[string]string{"优秀": "优", "良好": "良", "中等": "中", "较差": "差", "合格": "中", "不合格": "差"}

// normalised reports whether reading a grade changes r: a space or a full-width form.
func normalised(r rune) bool { return unicode.IsSpace(r) || r >= 0xFF01 && r <= 0xFF5E }

// CanonicalGrade maps a stated grade (优秀, 良好, "优 ") onto one of the configured grade
// names, reporting false if it matches none.
func CanonicalGrade(grades []indicators.Grade, stated string) (string, bool) {
	if !strings.HasSuffix(stated, "级") && strings.IndexFunc(stated, normalised) < 0 {
		for _, g := range grades { // a grade written as configured, the usual case
			if g.Name == stated {
				return g.Name, true
			}
		}
	}
	s := strings.ReplaceAll(num.Normalize(stated), " ", "")
	s = strings.TrimSuffix(s, "级")
	for _, try := range []string{s, gradeAliases[s]} {
		if try == "" {
			continue
		}
		for _, g := range grades {
			if g.Name == try || gradeAliases[g.Name] == try {
				return g.Name, true
			}
		}
	}
	return "", false
}

// disableErrors checks the codes of p's own [review] disable, placed in its file.
func disableErrors(p *indicators.Project) indicators.ErrorList {
	errs := DisableErrors(p.Thresholds.Disable, func(i int) indicators.Pos { return p.Pos("review.disable[" + strconv.Itoa(i) + "]") })
	for _, e := range errs {
		e.Project = p.Name
		if e.Pos.Col > 0 {
			e.Snippet = p.Source.Line(e.Pos.Line)
		}
	}
	return errs
}

package rules

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules/analysis"
)

// Limits bound what an untrusted expression may cost. Zero fields take the defaults.
type Limits struct {
	MaxNodes     uint // AST nodes per expression; default DefaultMaxNodes
	MemoryBudget uint // expr VM memory units per evaluation; default DefaultMemoryBudget
}

// Default limits. No written criterion comes near them: a tier condition has a few dozen
// nodes.
const (
	DefaultMaxNodes     = 2000
	DefaultMemoryBudget = 100_000
)

// Compiler compiles criteria. It keeps every program it has compiled, keyed by kind and
// text, so criteria repeated across indicators and projects are compiled once. A Compiler
// is not safe for concurrent use; give each goroutine its own.
type Compiler struct {
	vm     *vm.VM // one expression machine for every criterion compiled here
	limits Limits
	conds  map[string]*compiled
	scores map[string]*compiled
	// known holds each set of tiers compiled so far, by their texts: criteria repeat across
	// projects, and a repeat costs one lookup.
	known map[string]*Criterion
	key   []byte // scratch for building keys
	// NoFastPath makes every criterion evaluate its expressions, for comparing the two paths.
	NoFastPath bool
}

type compiled struct {
	program *vm.Program
	uses    variable
	cond    *analysis.Cond // a condition in the form the interval analysis reads; nil when it is not one
	consts  []float64      // the numbers a condition is written with, for sampling it
	err     *file.Error    // a compile error, kept so a repeat reports it too
	errMsg  string
	isConst bool // a score that is one number
	value   float64
}

// NewCompiler returns a Compiler with the given limits.
func NewCompiler(lim Limits) *Compiler {
	if lim.MaxNodes == 0 {
		lim.MaxNodes = DefaultMaxNodes
	}
	if lim.MemoryBudget == 0 {
		lim.MemoryBudget = DefaultMemoryBudget
	}
	return &Compiler{limits: lim, conds: map[string]*compiled{}, scores: map[string]*compiled{}, known: map[string]*Criterion{}}
}

// Criterion is one indicator's compiled criterion: its tiers, or the method that scores it.
type Criterion struct {
	Indicator *indicators.Indicator
	Method    indicators.Method // set when the indicator has no tiers
	Default   bool              // the method is the project's default, not the indicator's own
	Tiers     []Tier
	// Derived is set when the tiers were read from the criterion's prose (no tiers were
	// written); Unparsed holds what of the prose could not be read, with its place.
	Derived  bool
	Unparsed []UnparsedSpan
	budget   uint
	fast     *table // the tiers as a sorted table, when they are plain comparisons of one variable
	vm       *vm.VM // shared by the criteria of one compiler
	// template is the criterion compiled first for the same tiers; it keeps the analyses
	// of its repeats by what else they depend on.
	template *Criterion
	analyses map[analysisKey]*analysis.Analysis
}

// UnparsedSpan is a part of a criterion's prose that could not be read, placed in the file.
type UnparsedSpan struct {
	Unparsed
	Pos indicators.Pos
}

// Tier is one compiled tier.
type Tier struct {
	Source   *indicators.Tier
	when     *compiled
	score    *compiled // nil for a discretionary tier
	Min, Max float64   // the discretionary range
	Range    bool      // discretionary: Min..Max, the reviewer's choice
}

// ConstScore returns the tier's score when it is one number.
func (t *Tier) ConstScore() (float64, bool) {
	if t.score == nil || !t.score.isConst {
		return 0, false
	}
	return t.score.value, true
}

// Project compiles every indicator of p. The criteria are in the order of p.Indicators.
// On failure the error is an indicators.ErrorList with every expression error, placed at
// the character of the file where it stands.
func (c *Compiler) Project(p *indicators.Project) ([]*Criterion, error) {
	out := make([]*Criterion, len(p.Indicators))
	var errs indicators.ErrorList
	if c.vm == nil {
		c.vm = &vm.VM{MemoryBudget: c.limits.MemoryBudget}
	}
	for i, ind := range p.Indicators {
		crit := &Criterion{Indicator: ind, budget: c.limits.MemoryBudget, vm: c.vm}
		tiers := ind.Tiers
		if len(tiers) == 0 && ind.Method == "" && ind.Criterion != "" {
			tiers = derive(ind, crit)
		}
		if len(tiers) == 0 {
			crit.Method = ind.Method
			if crit.Method == "" {
				crit.Method = p.Scoring.Method
				crit.Default = true
			}
		}
		if len(tiers) > 0 && c.reuse(crit, tiers) {
			out[i] = crit
			continue
		}
		before := len(errs)
		for k := range tiers {
			src := &tiers[k]
			t := Tier{Source: src}
			var err *indicators.Error
			if t.when, err = c.compile(c.conds, src.When, true); err != nil {
				errs = append(errs, located(p, ind, err))
			}
			if src.Discretionary() {
				t.Range = true
				if src.Min != nil && src.Max != nil {
					t.Min, t.Max = *src.Min, *src.Max
				}
			} else if t.score, err = c.compile(c.scores, src.Score, false); err != nil {
				errs = append(errs, located(p, ind, err))
			}
			crit.Tiers = append(crit.Tiers, t)
		}
		if len(crit.Tiers) > 0 && len(errs) == before { // only what compiled whole is kept
			if !c.NoFastPath {
				crit.fast = crit.fastTable()
			}
			c.remember(crit)
		}
		out[i] = crit
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return out, nil
}

// tiersKey writes what identifies a set of tiers: their texts and ranges.
func (c *Compiler) tiersKey(tiers []indicators.Tier) []byte {
	b := c.key[:0]
	for k := range tiers {
		t := &tiers[k]
		b = append(b, t.When.Text...)
		b = append(b, 0)
		b = append(b, t.Score.Text...)
		if t.Min != nil {
			b = strconv.AppendFloat(append(b, 1), *t.Min, 'g', -1, 64)
		}
		if t.Max != nil {
			b = strconv.AppendFloat(append(b, 2), *t.Max, 'g', -1, 64)
		}
		b = append(b, 0)
	}
	c.key = b
	return b
}

// reuse fills crit with the tiers compiled before for the same texts, if there were any.
func (c *Compiler) reuse(crit *Criterion, tiers []indicators.Tier) bool {
	known, ok := c.known[string(c.tiersKey(tiers))]
	if !ok {
		return false
	}
	crit.Tiers = make([]Tier, len(known.Tiers))
	for k, t := range known.Tiers {
		t.Source = &tiers[k] // the same expressions, placed in this indicator
		crit.Tiers[k] = t
	}
	crit.fast = known.fast
	crit.template = known
	return true
}

// remember keeps a compiled criterion's tiers for the next one written alike.
func (c *Compiler) remember(crit *Criterion) {
	if len(c.known) >= maxKnownCriteria {
		clear(c.known)
	}
	// The template keeps detached copies of the tiers: pointing into this indicator would
	// keep the whole project and its file alive for as long as the compiler lives.
	tiers := make([]indicators.Tier, len(crit.Tiers))
	kept := make([]Tier, len(crit.Tiers))
	for k, t := range crit.Tiers {
		src := *t.Source
		src.When, src.Score = src.When.Detached(), src.Score.Detached()
		tiers[k] = src
		t.Source = &tiers[k]
		kept[k] = t
	}
	known := &Criterion{Tiers: kept, fast: crit.fast}
	c.known[string(c.tiersKey(tiers))] = known
	crit.template = known
}

// Bounds on what a compiler keeps, so that its memory stays flat over any batch: when a
// cache is full it starts again (criteria repeat across projects, so it refills with the
// ones that recur).
const (
	maxKnownCriteria = 2_000
	maxPrograms      = 4_000
)

// derive reads an indicator's criterion prose into tiers, each placed at the start of the
// span it came from, and records on crit what could not be read.
func derive(ind *indicators.Indicator, crit *Criterion) []indicators.Tier {
	read, unparsed := ReadCriterion(ind.Criterion, ContextOf(ind))
	src := ind.CriterionSource
	if src.Text != ind.Criterion {
		src = indicators.Expr{Text: ind.Criterion, Pos: ind.Pos}
	}
	for _, u := range unparsed {
		crit.Unparsed = append(crit.Unparsed, UnparsedSpan{Unparsed: u, Pos: src.PosAt(u.Span.Start)})
	}
	if len(read) == 0 {
		return nil
	}
	crit.Derived = true
	tiers := make([]indicators.Tier, len(read))
	for k, t := range read {
		pos := src.PosAt(t.Span.Start)
		tiers[k] = indicators.Tier{When: indicators.Expr{Text: t.When, Pos: pos}, Pos: pos, Min: t.Min, Max: t.Max}
		if t.Min == nil {
			tiers[k].Score = indicators.Expr{Text: t.Score, Pos: pos}
		}
	}
	return tiers
}

// ContextOf is what the criterion reader needs to know of an indicator.
func ContextOf(ind *indicators.Indicator) CriterionContext {
	ctx := CriterionContext{Weight: ind.Weight, Target: math.NaN(),
		Percent: ind.Unit == "%" || ind.Target.Percent || ind.Actual.Percent,
		Text:    ind.Actual.Set && !ind.Actual.IsNum && !indicators.SameText(ind.Actual, ind.Target)}
	if ind.Target.IsNum {
		ctx.Target = ind.Target.Num
	}
	return ctx
}

func located(p *indicators.Project, ind *indicators.Indicator, e *indicators.Error) *indicators.Error {
	e.Project, e.Indicator = p.Name, ind.Name
	if p.Source != nil {
		e.Snippet = p.Source.Line(e.Pos.Line)
	}
	return e
}

// compile compiles one expression, or returns the program compiled before for the same text.
func (c *Compiler) compile(cache map[string]*compiled, e indicators.Expr, cond bool) (*compiled, *indicators.Error) {
	cp, ok := cache[e.Text]
	if !ok {
		if len(cache) >= maxPrograms {
			clear(cache) // a bound on memory: real criteria repeat, so the cache refills with what recurs
		}
		cp = c.build(e.Text, cond)
		cache[e.Text] = cp
	}
	if cp.err != nil || cp.errMsg != "" {
		return nil, exprError(e, cp, cond)
	}
	return cp, nil
}

func (c *Compiler) build(text string, cond bool) *compiled {
	opts := []expr.Option{
		expr.Env(Env{}),
		expr.MaxNodes(c.limits.MaxNodes),
		expr.DisableBuiltin("now"), expr.DisableBuiltin("date"),
		expr.DisableBuiltin("duration"), expr.DisableBuiltin("timezone"),
	}
	if cond {
		opts = append(opts, expr.AsBool())
	} else {
		opts = append(opts, expr.AsFloat64())
	}
	program, err := expr.Compile(text, opts...)
	if err != nil {
		cp := &compiled{}
		var fe *file.Error
		if errors.As(err, &fe) {
			cp.err = fe
		} else {
			cp.errMsg = err.Error()
		}
		return cp
	}
	cp := &compiled{program: program}
	node := program.Node()
	ast.Walk(&node, usesVisitor{&cp.uses})
	if cond {
		cp.cond, cp.consts = condForm(node), constsOf(node)
	} else {
		if v, err := strconv.ParseFloat(strings.TrimSpace(text), 64); err == nil {
			cp.isConst, cp.value = true, v
		}
	}
	return cp
}

type usesVisitor struct{ uses *variable }

func (v usesVisitor) Visit(node *ast.Node) {
	if id, ok := (*node).(*ast.IdentifierNode); ok {
		*v.uses |= variableNames[id.Value]
	}
}

// exprError turns an expr compile error into a located, bilingual error.
func exprError(e indicators.Expr, cp *compiled, cond bool) *indicators.Error {
	what := i18n.T("得分表达式", "score expression")
	if cond {
		what = i18n.T("条件", "condition")
	}
	pos := e.PosAt(0)
	msg := cp.errMsg
	if cp.err != nil {
		msg = cp.err.Message
		if !strings.Contains(msg, "exceeds maximum allowed nodes") { // that one is about the whole
			pos = e.PosAt(runeOffset(e.Text, cp.err.Line, cp.err.Column))
		}
	}
	var text i18n.Text
	switch {
	case strings.HasPrefix(msg, "unknown name "):
		name := strings.TrimPrefix(msg, "unknown name ")
		text = i18n.T("%s %q 中有未知的变量 %s；可用的变量：%s", "%s %q uses the unknown variable %s; the variables are: %s",
			what, e.Text, name, Variables)
	case strings.HasPrefix(msg, "expected bool, but got "):
		text = i18n.T("条件 %q 不是真假判断：应写成比较，如 actual >= 90", "the condition %q is not true or false: write a comparison such as actual >= 90", e.Text)
	case strings.HasPrefix(msg, "expected float64, but got "), strings.HasPrefix(msg, "expected int, but got "):
		text = i18n.T("得分表达式 %q 的结果不是数字：应写成分数，如 \"20\" 或 \"weight * rate\"",
			"the score expression %q does not give a number: write a score such as \"20\" or \"weight * rate\"", e.Text)
	case strings.Contains(msg, "exceeds maximum allowed nodes"):
		text = i18n.T("%s %q 过于复杂，超过节点上限；真实的评分标准远比这简单，请检查", "%s %q is too complex (over the node limit); no real criterion is this large: check it", what, abbreviate(e.Text))
	default:
		text = i18n.T("%s %q 无法编译：%s", "%s %q does not compile: %s", what, abbreviate(e.Text), msg)
	}
	return &indicators.Error{Pos: pos, Kind: indicators.ErrExpr, Msg: text}
}

func abbreviate(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	return string([]rune(s)[:77]) + "…"
}

// runeOffset converts expr's 1-based line and 0-based rune column into a rune offset.
func runeOffset(text string, line, column int) int {
	if line < 1 {
		return 0
	}
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			break
		}
		off += utf8.RuneCountInString(text[:i+1])
		text = text[i+1:]
	}
	return off + column
}

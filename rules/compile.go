package rules

import (
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules/analysis"
	"jixiao/rules/prose"
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

// Compiler compiles criteria into programs. Criteria repeat across indicators and projects:
// each distinct criterion is compiled (and read from prose, and analysed) once, and every
// indicator written alike gets the same *Program. Every expression text is compiled once.
// The caches are bounded. A Compiler and its programs are not safe for concurrent use;
// give each goroutine its own.
type Compiler struct {
	m      *machine // one expression machine for every program compiled here
	limits Limits
	conds  map[string]*compiled
	scores map[string]*compiled
	known  map[uint64]*Program // programs of tiers written or read from prose, by a hash of their texts
	// Programs of written tiers by the addresses of their texts, for decoders that intern
	// what they read (see addressed).
	addressed map[uint64]*addressed
	seed      maphash.Seed
	salt      uint64     // from seed: keys differ from one compiler to the next
	methods   []*Program // the standard methods
	key       []byte     // scratch for building keys
	memo      memo       // what the texts read say, for the environments (see AppendEnvs)
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
	seed := maphash.MakeSeed()
	return &Compiler{limits: lim, m: newMachine(lim.MemoryBudget), conds: map[string]*compiled{}, scores: map[string]*compiled{},
		known: map[uint64]*Program{}, addressed: map[uint64]*addressed{}, memo: memo{qualities: qualities{}, flaws: flaws{}}, seed: seed, salt: maphash.String(seed, "jixiao")}
}

// Bounds on what a compiler keeps, so that its memory stays flat over any batch: when a
// cache is full it starts again (criteria repeat across projects, so it refills with the
// ones that recur).
const (
	maxKnownCriteria = 2_000
	maxPrograms      = 4_000
)

// Project compiles every indicator of p: the programs are in the order of p.Indicators.
// On failure the error is an indicators.ErrorList with every expression error, placed at
// the character of the file where it stands.
func (c *Compiler) Project(p *indicators.Project) ([]*Program, error) {
	out := make([]*Program, len(p.Indicators))
	return c.AppendProject(out[:0], p)
}

// AppendProject is Project, appending the programs to out.
func (c *Compiler) AppendProject(out []*Program, p *indicators.Project) ([]*Program, error) {
	var errs indicators.ErrorList
	for _, ind := range p.Indicators {
		out = append(out, c.program(p, ind, &errs))
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return out, nil
}

// program is the program of one indicator: its written tiers, the tiers read from its
// criterion's prose, or its standard method.
func (c *Compiler) program(p *indicators.Project, ind *indicators.Indicator, errs *indicators.ErrorList) *Program {
	if len(ind.Tiers) > 0 {
		at := addressKey(ind.Tiers)
		if a := c.addressed[at]; a != nil && a.holds(ind.Tiers) {
			return a.prog
		}
		key := c.tiersKey(ind.Tiers)
		if prog, ok := c.known[key]; ok && prog.writtenAs(ind.Tiers) {
			c.sighted(prog, at, ind.Tiers)
			return prog
		}
		crit := &Criterion{Tiers: make([]Tier, len(ind.Tiers))}
		for k := range ind.Tiers {
			t := &ind.Tiers[k]
			crit.Tiers[k] = Tier{When: t.When.Text, Score: t.Score.Text}
			if t.Discretionary() {
				crit.Tiers[k].Range = true
				crit.Tiers[k].Min, crit.Tiers[k].Max = rangeOf(t)
			}
		}
		exprs := func(k int) (when, score indicators.Expr) { return ind.Tiers[k].When, ind.Tiers[k].Score }
		prog := c.tiered(key, crit, exprs, p, ind, errs)
		prog.at = at
		return prog
	}
	if ind.Method == "" && ind.Criterion != "" {
		return c.derived(p, ind, errs)
	}
	if ind.Method != "" {
		return c.method(ind.Method, false)
	}
	return c.method(DefaultMethod(ind, &p.Scoring), true)
}

// method is the program of a standard method.
func (c *Compiler) method(m indicators.Method, deflt bool) *Program {
	for _, prog := range c.methods {
		if crit := prog.Criterion; crit.Method == m && crit.Default == deflt {
			return prog
		}
	}
	prog := &Program{Criterion: &Criterion{Method: m, Default: deflt}, m: c.m}
	c.methods = append(c.methods, prog)
	return prog
}

// derived is the program of tiers read from an indicator's criterion prose: read once for
// each text and context, each tier placed at the start of the span it came from.
func (c *Compiler) derived(p *indicators.Project, ind *indicators.Indicator, errs *indicators.ErrorList) *Program {
	ctx := ContextOf(ind)
	b := append(c.key[:0], ind.Criterion...)
	b = strconv.AppendFloat(append(b, 0), ctx.Weight, 'g', -1, 64)
	b = strconv.AppendFloat(append(b, 0), ctx.Target, 'g', -1, 64) // NaN writes as NaN
	b = append(append(append(append(b, 0), ctx.Name...), 0), ctx.Unit...)
	b = strconv.AppendInt(append(b, 0), int64(ctx.Direction), 10)
	b = strconv.AppendBool(append(b, 0), ctx.Text)
	b = strconv.AppendBool(append(b, 0), ctx.Deadline)
	deflt := DefaultMethod(ind, &p.Scoring)
	b = append(append(b, 0), deflt...)
	unreadDefault := p.Scoring.Unread == indicators.UnreadDefault
	b = strconv.AppendBool(append(b, 0), unreadDefault)
	c.key = b
	key := maphash.Bytes(c.seed, b) ^ proseKey
	if prog, ok := c.known[key]; ok && prog.prose == string(b) {
		return prog
	}
	read, unparsed := ReadCriterion(ind.Criterion, ctx)
	crit := &Criterion{Unparsed: unparsed}
	if len(read) == 0 {
		// Nothing read: a text of filler alone is no criterion, and the default method
		// scores it; a text with parts left unread leaves the indicator unscored, unless the
		// project opts into the default method.
		crit.Unread = len(unparsed) > 0
		if !crit.Unread || unreadDefault {
			crit.Method, crit.Default = deflt, true
		}
		prog := &Program{Criterion: crit, m: c.m, prose: string(b)}
		c.remember(key, prog)
		return prog
	}
	crit.Derived = true
	crit.Tiers = make([]Tier, len(read))
	for k, t := range read {
		crit.Tiers[k] = Tier{When: t.When, Score: t.Score, Span: t.Span, Range: t.Min != nil}
		if t.CondRule == prose.RuleGrade {
			crit.Tiers[k].band = t.Cond
		}
		if t.Min != nil {
			crit.Tiers[k].Min, crit.Tiers[k].Max = *t.Min, *t.Max
		}
	}
	src := CriterionSource(ind)
	exprs := func(k int) (when, score indicators.Expr) {
		pos := src.PosAt(read[k].Span.Start)
		return indicators.Expr{Text: read[k].When, Pos: pos}, indicators.Expr{Text: read[k].Score, Pos: pos}
	}
	if !unreadDefault {
		expose(crit)
	}
	prog := c.tiered(key, crit, exprs, p, ind, errs)
	prog.prose = string(b)
	return prog
}

// additive are the reasons of unread parts that may apply on top of whatever tier fires
// (每发生一起事故扣2分, 排名每后退1位扣1分, 每逾期1天扣0.5分): they could change every score.
var additive = map[prose.Reason]bool{prose.Events: true, prose.Rank: true, prose.Date: true, prose.LastYear: true}

// expose marks each tier read from a criterion's prose whose score an unread part could
// change: a part that stands before it in the text could take its values under first match,
// and a part that may apply on top of any tier could change them all. A part that gives no
// score changes none. The values such a tier takes are then unscored, never a score a part
// not read might contradict.
func expose(crit *Criterion) {
	for k := range crit.Tiers {
		t := &crit.Tiers[k]
		for u := range crit.Unparsed {
			part := &crit.Unparsed[u]
			if part.Reason == prose.NoScore {
				continue
			}
			if additive[part.Reason] || part.Span.Start < t.Span.Start {
				t.exposed = u + 1
				break
			}
		}
	}
}

// proseKey sets the keys of criteria read from prose apart from those of written tiers.
const proseKey = 0x9e3779b97f4a7c15

// CriterionSource is an indicator's criterion text with the place of each character in the
// file, where known; else the text placed at the indicator.
func CriterionSource(ind *indicators.Indicator) indicators.Expr {
	if src := ind.CriterionSource; src.Text == ind.Criterion {
		return src
	}
	return indicators.Expr{Text: ind.Criterion, Pos: ind.Pos}
}

// tiered compiles the tiers of crit, whose expressions (placed in the file, for errors) exprs
// gives, and remembers the program under key when every expression compiles.
func (c *Compiler) tiered(key uint64, crit *Criterion, exprs func(k int) (when, score indicators.Expr),
	p *indicators.Project, ind *indicators.Indicator, errs *indicators.ErrorList) *Program {
	prog := &Program{Criterion: crit, m: c.m, conds: make([]*compiled, len(crit.Tiers)), scores: make([]*compiled, len(crit.Tiers))}
	before := len(*errs)
	for k := range crit.Tiers {
		t := &crit.Tiers[k]
		when, score := exprs(k)
		var err *indicators.Error
		if prog.conds[k], err = c.compile(c.conds, when, true); err != nil {
			*errs = append(*errs, located(p, ind, err))
		} else {
			prog.uses |= prog.conds[k].uses
		}
		if t.Range {
			continue
		}
		if prog.scores[k], err = c.compile(c.scores, score, false); err != nil {
			*errs = append(*errs, located(p, ind, err))
		} else if prog.scores[k].isConst {
			t.constant, t.value = true, prog.scores[k].value
		}
	}
	if len(*errs) > before {
		return prog // not kept: only what compiled whole is remembered
	}
	keepTexts(crit.Tiers)
	for k := range crit.Tiers {
		crit.Tiers[k].cond = prog.conds[k].cond
	}
	crit.v, crit.hasVar = prog.variable()
	if !c.NoFastPath {
		prog.fast = prog.fastTable()
	}
	if prog.fast == nil && len(crit.Tiers) > 1 {
		prog.first = c.firstTier(crit)
	}
	c.remember(key, prog)
	return prog
}

// keepTexts copies the tiers' texts into one block of their own: they outlive the file they
// came from, and a program found again is checked against them, in one place in memory.
func keepTexts(tiers []Tier) {
	n := 0
	for k := range tiers {
		n += len(tiers[k].When) + len(tiers[k].Score)
	}
	var b strings.Builder
	b.Grow(n)
	for k := range tiers {
		b.WriteString(tiers[k].When)
		b.WriteString(tiers[k].Score)
	}
	block, at := b.String(), 0
	for k := range tiers {
		t := &tiers[k]
		t.When, at = block[at:at+len(t.When)], at+len(t.When)
		t.Score, at = block[at:at+len(t.Score)], at+len(t.Score)
	}
}

func (c *Compiler) remember(key uint64, prog *Program) {
	if len(c.known) >= maxKnownCriteria {
		clear(c.known)
		clear(c.addressed)
	}
	c.known[key] = prog
}

// addressed is a program found by the addresses of the texts of written tiers. A decoder
// that interns the texts it reads (the JSON Lines decoder does) gives every project whose
// criterion is written alike the same strings: their addresses then identify the criterion
// without reading a byte of it. The entry holds the strings, so that no other text can come
// to stand at their addresses while it is kept.
type addressed struct {
	texts []string // each tier's condition and score
	prog  *Program
}

// addressKey hashes the addresses and lengths of the tiers' texts, and whether each tier
// is discretionary.
func addressKey(tiers []indicators.Tier) uint64 {
	h := uint64(len(tiers))
	for k := range tiers {
		t := &tiers[k]
		h = mix(h, uint64(uintptr(unsafe.Pointer(unsafe.StringData(t.When.Text))))^uint64(len(t.When.Text))<<48)
		h = mix(h, uint64(uintptr(unsafe.Pointer(unsafe.StringData(t.Score.Text))))^uint64(len(t.Score.Text))<<48)
		if t.Discretionary() {
			h = mix(h, 1)
		}
	}
	return h
}

// holds reports whether tiers are written with the very strings of the entry, and with the
// ranges of its program's tiers.
func (a *addressed) holds(tiers []indicators.Tier) bool {
	if len(a.texts) != 2*len(tiers) {
		return false
	}
	have := a.prog.Criterion.Tiers
	for k := range tiers {
		t := &tiers[k]
		if !sameString(t.When.Text, a.texts[2*k]) || !sameString(t.Score.Text, a.texts[2*k+1]) {
			return false
		}
		if h := &have[k]; h.Range || t.Discretionary() {
			if lo, hi := rangeOf(t); !h.Range || lo != h.Min || hi != h.Max {
				return false
			}
		}
	}
	return true
}

// sameString reports whether a and b are the same string: the same bytes at the same address.
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

// sighted notes that prog was found by the texts of tiers, at addresses at: seen there a
// second time (from the project it was compiled from, or the one found last), the texts
// are interned, and the program is then found by their addresses. Texts read afresh for
// each file never come back at the same addresses, and are not kept.
func (c *Compiler) sighted(prog *Program, at uint64, tiers []indicators.Tier) {
	if prog.at != at {
		prog.at = at
		return
	}
	if len(c.addressed) >= maxKnownCriteria {
		clear(c.addressed)
	}
	a := &addressed{texts: make([]string, 0, 2*len(tiers)), prog: prog}
	for k := range tiers {
		a.texts = append(a.texts, tiers[k].When.Text, tiers[k].Score.Text)
	}
	c.addressed[at] = a
}

// tiersKey hashes what identifies a set of written tiers: their texts and ranges. A program
// found under it is checked against the tiers (writtenAs), so that a collision is only a miss.
func (c *Compiler) tiersKey(tiers []indicators.Tier) uint64 {
	h := c.salt ^ uint64(len(tiers))
	for k := range tiers {
		t := &tiers[k]
		h = hashString(h, t.When.Text)
		h = hashString(h, t.Score.Text)
		if lo, hi := rangeOf(t); t.Discretionary() {
			h = mix(mix(h, math.Float64bits(lo)), math.Float64bits(hi))
		}
	}
	return h
}

// hashString folds s into h, eight bytes at a time: a cheap hash for a cache whose every hit
// is checked, so that it needs to spread keys, not to resist an adversary.
func hashString(h uint64, s string) uint64 {
	n := len(s)
	h = mix(h, uint64(n))
	if n < 8 {
		var tail uint64
		for i := range n {
			tail |= uint64(s[i]) << (8 * i)
		}
		return mix(h, tail)
	}
	for i := 0; i+8 <= n; i += 8 {
		h = mix(h, word(s[i:]))
	}
	return mix(h, word(s[n-8:])) // the last eight bytes, overlapping the words before
}

// word is the first eight bytes of s, little-endian.
func word(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func mix(h, x uint64) uint64 {
	h = (h ^ x) * 0x9e3779b97f4a7c15
	return h ^ h>>32
}

// rangeOf is a written discretionary tier's range; 0..0 unless both ends are given.
func rangeOf(t *indicators.Tier) (lo, hi float64) {
	if t.Min != nil && t.Max != nil {
		return *t.Min, *t.Max
	}
	return 0, 0
}

// writtenAs reports whether the program's tiers are the written tiers given.
func (p *Program) writtenAs(tiers []indicators.Tier) bool {
	have := p.Criterion.Tiers
	if p.prose != "" || len(have) != len(tiers) {
		return false
	}
	for k := range tiers {
		t, h := &tiers[k], &have[k]
		if t.When.Text != h.When || t.Score.Text != h.Score {
			return false
		}
		if h.Range || t.Min != nil || t.Max != nil {
			if lo, hi := rangeOf(t); !h.Range || lo != h.Min || hi != h.Max {
				return false
			}
		}
	}
	return true
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
		cache[strings.Clone(e.Text)] = cp
	}
	if cp.err != nil || cp.errMsg != "" {
		return nil, exprError(e, cp, cond)
	}
	return cp, nil
}

func (c *Compiler) build(text string, cond bool) *compiled {
	opts := []expr.Option{
		expr.Env(typeEnv()),
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

// firstTier compiles the tiers' conditions into one program that gives the number of the
// first tier whose condition holds, or 0: one run of the machine instead of one per tier.
// It is left nil if it does not compile (every condition compiled alone, so it should).
func (c *Compiler) firstTier(crit *Criterion) *compiled {
	var b strings.Builder
	for k := range crit.Tiers {
		fmt.Fprintf(&b, "(\n%s\n) ? %d : ", crit.Tiers[k].When, k+1)
	}
	b.WriteString("0")
	lim := c.limits.MaxNodes * uint(len(crit.Tiers)+1)
	program, err := expr.Compile(b.String(), expr.Env(typeEnv()), expr.MaxNodes(lim), expr.AsInt(),
		expr.DisableBuiltin("now"), expr.DisableBuiltin("date"), expr.DisableBuiltin("duration"), expr.DisableBuiltin("timezone"))
	if err != nil {
		return nil
	}
	cp := &compiled{program: program}
	node := program.Node()
	ast.Walk(&node, usesVisitor{&cp.uses})
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

package prose

import (
	"math"

	"jixiao/internal/i18n"
)

// draft is a tier being built from a clause.
type draft struct {
	cl       *clause
	any      [][]bound
	always   bool
	grade    *grade
	score    string // an expression; "" for a range
	rng      bool
	lo, hi   dec
	konst    *dec // the score when it is one number
	fullMark bool // the score is full marks
	condRule Rule // what read the condition
	thenRule Rule // what read the consequence
	conv     []Convention
	isFull   bool   // the condition is full completion or a reach: what 未达到 refers to
	reach    *bound // that reach as written, before a bonus narrowed it to its point
	s, e     int    // tokens of its own text, when not the whole clause's
	implied  bool   // not written: full marks where a deduction starts
	adjust   bool   // the score is a deduction or bonus
	dead     bool   // left unread after all
	then     string
}

func (d *draft) addConv(cs ...Convention) {
	for _, c := range cs {
		found := false
		for _, x := range d.conv {
			if x == c {
				found = true
			}
		}
		if !found {
			d.conv = append(d.conv, c)
		}
	}
}

// variable is what the draft's condition speaks of.
func (d *draft) variable() variable {
	for _, g := range d.any {
		for _, b := range g {
			return b.on
		}
	}
	return onActual
}

// single returns the draft's condition when it is one bound.
func (d *draft) single() (bound, bool) {
	if len(d.any) == 1 && len(d.any[0]) == 1 && !d.always && d.grade == nil {
		return d.any[0][0], true
	}
	return bound{}, false
}

func (r *reader) add(d *draft) {
	r.drafts = append(r.drafts, d)
	d.cl.drafts = append(d.cl.drafts, len(r.drafts)-1)
}

// resolve turns the clauses into drafts.
func (r *reader) resolve() {
	var gs []*grade
	notStarted := false
	var both *dec
	for _, cl := range r.clauses {
		if cl.cond.kind == condText && cl.unread == "" {
			gs = append(gs, cl.cond.grade)
		}
		if cl.cond.ref == refNotStarted {
			notStarted = true
		}
		if cl.mods.both != nil {
			both = cl.mods.both
		}
	}
	gradeKeys(gs, simplifiedName(r.ctx.Name))
	// 最多加减5分 after the penalty caps the bonus before it too.
	if both != nil {
		for _, cl := range r.clauses {
			if cl.cu.kind == cuAdjust && cl.mods.both == nil && cl.mods.maxBonus == nil && cl.mods.maxDeduct == nil {
				cl.mods.both = both
			}
		}
	}
	for _, cl := range r.clauses {
		switch {
		case cl.unread != "":
			r.leave(cl, cl.unread, cl.detail)
		case cl.cond.unread != "":
			r.leave(cl, cl.cond.unread, cl.cond.detail)
		case cl.cu.kind == cuUnread:
			r.leave(cl, cl.cu.unread, cl.cu.detail)
		case cl.cu.kind == cuAdjust:
			r.resolveAdjust(cl)
		default:
			r.resolvePlain(cl, notStarted)
		}
	}
	r.claims()
	r.ambiguities()
}

// scoreOf fills a draft's score from its clause's consequence.
func (r *reader) scoreOf(d *draft) bool {
	x := d.cl.cu
	d.thenRule = x.rule
	d.then = r.words(x.s, x.e)
	switch x.kind {
	case cuPoints:
		if x.pts.big() {
			r.leave(d.cl, Condition, i18n.T("分数过大", "a score too large"))
			return false
		}
		d.score = x.pts.String()
		p := x.pts
		d.konst = &p
	case cuFull:
		d.score, d.fullMark = "weight", true
	case cuRange:
		d.rng, d.lo, d.hi = true, x.lo, x.hi
	case cuFixed:
		d.score = "max(0, weight - " + x.pts.String() + ")"
	case cuFormula:
		d.score = r.formulaExpr(d, x.f)
	default:
		r.leave(d.cl, Condition, i18n.Text{})
		return false
	}
	return true
}

// formulaExpr writes a formula: the ratio (actual / target, or actual / 100 for an
// indicator in %) times its points, multiplied before dividing so that whole numbers give
// exact results; capped as written, or at the weight by convention.
func (r *reader) formulaExpr(d *draft, f *formula) string {
	mods := f.mod
	mods.merge(d.cl.mods)
	coef := "weight"
	if !f.coefWeight {
		coef = f.coef.String()
	}
	num, den := "actual", "target"
	if f.ratio == ratioPercent {
		den = "100"
	}
	if mods.capRatio {
		num = "min(actual, " + den + ")"
	}
	e := coef + " * " + num + " / " + den
	switch {
	case mods.capWeight:
		e = "min(weight, " + e + ")"
	case mods.capRatio && (f.coefWeight || r.weight.cmp(f.coef) >= 0):
	case r.ratioBounded(d) && (f.coefWeight || r.weight.cmp(f.coef) >= 0):
		// Where the tier holds the ratio stays below 1: no cap needed.
	default:
		e = "min(weight, " + e + ")"
		d.addConv(ConvFormulaCap)
	}
	return e
}

// ratioBounded reports whether a draft's condition keeps the completion ratio at most 1.
func (r *reader) ratioBounded(d *draft) bool {
	if len(d.any) != 1 {
		return false
	}
	for _, b := range d.any[0] {
		if b.op.upper() && (b.on == onActual || b.on == onRate) {
			lim := decInt(1)
			if b.on == onActual {
				lim = decInt(100)
			}
			if b.v.cmp(lim) <= 0 {
				return true
			}
		}
	}
	return false
}

// resolvePlain reads a clause whose consequence is not a deduction.
func (r *reader) resolvePlain(cl *clause, notStarted bool) {
	d := &draft{cl: cl}
	c := cl.cond
	d.conv = append(d.conv, c.conv...)
	d.isFull = c.full
	if c.rule != "" {
		d.condRule = c.rule
	}
	switch c.kind {
	case condEmpty:
		if cl.cu.kind != cuFormula {
			r.leave(cl, Condition, i18n.T("有分数而没有条件", "a score without a condition"))
			return
		}
		d.always = true
	case condAlways:
		if r.unreadBefore(cl) {
			r.leave(cl, Depends, i18n.T("“否则”前面有未读懂的部分", "否则 after a part not read"))
			return
		}
		if len(r.drafts) == 0 {
			r.leave(cl, Condition, i18n.T("“否则”前面没有别的档次", "否则 with nothing before it"))
			return
		}
		d.always = true
	case condBounds:
		d.any = c.any
		if b, ok := d.single(); ok && c.full {
			d.reach = &b
		}
	case condText:
		d.grade = c.grade
	case condRef:
		if !r.resolveRef(d, c, notStarted) {
			return
		}
	}
	if !r.scoreOf(d) {
		return
	}
	r.add(d)
}

// unreadBefore reports whether a clause before cl was left unread.
func (r *reader) unreadBefore(cl *clause) bool {
	for _, o := range r.clauses[:cl.idx] {
		if o.unread != "" {
			return true
		}
	}
	return false
}

// resolveRef reads 未达到, 未完成, 未开展, 有1人不达标 against the tiers before.
func (r *reader) resolveRef(d *draft, c cond, notStarted bool) bool {
	cl := d.cl
	live := func() []*draft {
		var out []*draft
		for _, x := range r.drafts {
			if !x.dead {
				out = append(out, x)
			}
		}
		return out
	}()
	var ref *draft
	switch c.ref {
	case refComplement, refOneFailure:
		// The tier just before, when it asks for a reach.
		if cl.idx > 0 && r.clauses[cl.idx-1].unread != "" {
			r.leave(cl, Depends, quoted(c.words))
			return false
		}
		if len(live) > 0 {
			ref = live[len(live)-1]
			if _, ok := ref.single(); !ok && ref.reach == nil || !ref.isFull {
				ref = nil
				// 有1人不达标: the tier that asks for none (为0).
				for k := len(live) - 1; k >= 0 && c.ref == refOneFailure; k-- {
					if b, ok := live[k].single(); ok && (b.op == opEQ || live[k].isFull) {
						ref = live[k]
						break
					}
				}
			}
		}
	case refComplementFull:
		for k := len(live) - 1; k >= 0; k-- {
			if _, ok := live[k].single(); (ok || live[k].reach != nil) && live[k].isFull {
				ref = live[k]
				break
			}
		}
	case refNotStarted:
		on := onActual
		for _, x := range live {
			if x.isFull {
				on = x.variable()
			}
		}
		d.any = [][]bound{{{op: opLE, v: dec{}, on: on}}}
		return true
	}
	if ref == nil {
		if r.unreadBefore(cl) {
			r.leave(cl, Depends, quoted(c.words))
			return false
		}
		if c.ref == refOneFailure {
			r.leave(cl, Condition, i18n.T("“有1人…”之前没有要求全部达到的一档", "有1人… with no tier asking for all before it"))
			return false
		}
		if len(live) > 0 {
			// 未达到 after tiers that reach down to one bound: below it.
			b, ok := r.below(live)
			if !ok {
				r.leave(cl, Ambiguous, i18n.T("“未达到”指什么不明：前面各档没有共同的界限", "未达到 what? the tiers before it reach no one bound"))
				return false
			}
			d.any = [][]bound{{b}}
			return true
		}
		// 未完成计划数的: not the plan, whose full marks are implied.
		b, bad := r.fullBound(nil)
		if !r.ctx.percent() {
			b = bound{op: opGE, v: decInt(1), on: onRate}
		} else if bad.unread != "" || !r.hasT {
			r.leave(cl, NoTarget, quoted(c.words))
			return false
		} else {
			b = bound{op: opGE, v: r.target}
		}
		imp := &draft{cl: cl, any: [][]bound{{b}}, score: "weight", fullMark: true, isFull: true, implied: true,
			condRule: RuleCompletion, thenRule: RuleFull, reach: &b}
		imp.addConv(ConvFullImplied)
		r.add(imp)
		ref = imp
	}
	rb, _ := ref.single()
	if ref.reach != nil {
		rb = *ref.reach
	}
	nb := rb
	nb.op, nb.implicit, nb.explicit = rb.op.not(), false, false
	if c.partial && notStarted {
		d.any = [][]bound{{{op: opGT, v: dec{}, on: rb.on}, nb}}
	} else {
		d.any = [][]bound{{nb}}
	}
	return true
}

// below is what the tiers before leave below them, when together they cover everything
// from one bound up: "≥95%得10分，90%-95%得8分，未达到的不得分" leaves actual < 90.
func (r *reader) below(live []*draft) (bound, bool) {
	var cover set
	on := live[0].variable()
	for _, d := range live {
		if d.always || d.grade != nil || len(d.any) == 0 || d.variable() != on {
			return bound{}, false
		}
		cover = cover.union(setOf(d.any))
	}
	all := set{full()}
	rest := all.minus(cover)
	if len(rest) != 1 || !math.IsInf(rest[0].lo, -1) || math.IsInf(rest[0].hi, 1) {
		return bound{}, false
	}
	// The bound, as written in the tiers.
	for _, d := range live {
		for _, g := range d.any {
			for _, b := range g {
				if b.v.float() == rest[0].hi {
					o := opLT
					if !rest[0].hiOpen {
						o = opLE
					}
					return bound{op: o, v: b.v, on: on}, true
				}
			}
		}
	}
	return bound{}, false
}

// baseOf finds the tier a deduction or bonus without a threshold of its own counts from:
// the latest tier with one bound and one score that is not itself a deduction.
func (r *reader) baseOf(cl *clause) *draft {
	for k := len(r.drafts) - 1; k >= 0; k-- {
		d := r.drafts[k]
		if d.dead || d.adjust {
			continue
		}
		if _, ok := d.single(); ok && (d.konst != nil || d.fullMark) {
			return d
		}
		return nil
	}
	return nil
}

// resolveAdjust reads a deduction or bonus per step: where it counts from (its own
// condition, the tier before it, a stated standard, or the target), on which side, and its
// cap and floor.
func (r *reader) resolveAdjust(cl *clause) {
	a := cl.cu.adj
	c := cl.cond
	var base *draft
	var b bound // the threshold it counts from
	var region []bound
	var convs []Convention
	ownSpan := false // the requirement before the deduction is a tier of its own text
	switch {
	case c.kind == condEmpty:
		base = r.baseOf(cl)
		if base == nil && r.unreadBefore(cl) {
			r.leave(cl, Depends, quoted(r.words(cl.cu.s, cl.cu.e)))
			return
		}
		if base == nil && len(r.live()) > 0 {
			// "90%-100%得10分，每降低1个百分点扣1分": from 90, from 100, or from the target?
			r.leave(cl, Ambiguous, i18n.T("前面各档没有给出唯一的起算点", "the tiers before it give no one threshold to count from"))
			return
		}
	case c.kind == condBounds && len(c.any) == 1 && len(c.any[0]) == 1:
		own := c.any[0][0]
		switch {
		case a.side == 1 && own.op.lower() && own.op != opEQ, a.side == -1 && own.op.upper():
			// 变动率＞0的，每超过一个百分点…: the clause's own condition is where it counts.
			b = own
			b.op = own.op.not()
			region = []bound{own}
			for k := len(r.drafts) - 1; k >= 0; k-- {
				if pb, ok := r.drafts[k].single(); ok && pb.v.cmp(own.v) == 0 && pb.on == own.on && !r.drafts[k].dead {
					base = r.drafts[k]
					break
				}
			}
		case a.side == -1 && (own.op.lower() || own.op == opEQ), a.side == 1 && own.op.upper():
			// 全年开展健康讲座12期，每少1期扣1分: the requirement, with full marks there.
			req := &draft{cl: cl, any: [][]bound{{own}}, score: "weight", fullMark: true, isFull: true, implied: true,
				condRule: RuleRequired, thenRule: RuleFull, reach: &own, s: cl.cs, e: r.trimSeps(cl.cs, cl.ce)}
			ownSpan = true
			req.conv = append(req.conv, c.conv...)
			req.addConv(ConvFullImplied)
			r.add(req)
			base = req
		default:
			r.leave(cl, Condition, quoted(c.words))
			return
		}
	default:
		r.leave(cl, Condition, quoted(c.words))
		return
	}
	if base != nil && region == nil {
		bb, _ := base.single()
		b = bb
		switch {
		case a.side == 2 || a.side < 0 && !bb.op.lower() && bb.op != opEQ || a.side > 0 && !bb.op.upper() && bb.op != opEQ:
			// The base is on the side the deduction or bonus takes: it keeps only its point.
			if !bb.op.closed() {
				r.leave(cl, Ambiguous, i18n.T("扣分落在它起算的那一档一侧", "a deduction on the side of the tier it counts from"))
				return
			}
			if bb.op != opEQ {
				base.any = [][]bound{{{op: opEQ, v: bb.v, on: bb.on}}}
			}
		}
	}
	if base == nil && region == nil {
		// No threshold in the text: a stated standard, else the target.
		switch {
		case a.kind == stepLateDays || a.kind == stepLateMonths:
			b = bound{op: opLE, v: dec{}, on: onLateDays} // on time: not late at all
		case r.standard != nil:
			b = *r.standard
		case a.kind == stepOfTarget:
			b = bound{op: opGE, v: decInt(1), on: onRate}
			convs = append(convs, ConvFromTarget)
		case r.hasT:
			b = bound{op: opGE, v: r.target}
			convs = append(convs, ConvFromTarget)
		default:
			r.leave(cl, NoTarget, quoted(r.words(cl.cu.s, cl.cu.e)))
			return
		}
		if a.side != 2 {
			o := opGE
			if a.side > 0 {
				o = opLE
			}
			imp := &draft{cl: cl, any: [][]bound{{{op: o, v: b.v, on: b.on}}}, score: "weight", fullMark: true, isFull: true,
				implied: true, condRule: RuleCompletion, thenRule: RuleFull}
			imp.addConv(convs...)
			imp.addConv(ConvFullImplied)
			r.add(imp)
			base = imp
		}
	}
	baseScore := "weight"
	if base != nil && base.konst != nil {
		baseScore = base.konst.String()
	} else if base != nil && !base.fullMark {
		r.leave(cl, Condition, i18n.T("起算的那一档没有唯一的分数", "counts from a tier without one score"))
		return
	}
	sides := []int8{a.side}
	if a.side == 2 {
		sides = []int8{1, -1}
	}
	for _, side := range sides {
		d := &draft{cl: cl, adjust: true, then: r.words(cl.cu.s, cl.cu.e)}
		if ownSpan {
			d.s, d.e = cl.cu.s, cl.e
		}
		d.condRule, d.thenRule = cl.cu.rule, cl.cu.rule
		if !ownSpan {
			d.conv = append(d.conv, c.conv...)
		}
		d.addConv(convs...)
		if region != nil {
			d.any = [][]bound{region}
		} else {
			o := opLT
			if side > 0 {
				o = opGT
			}
			if a.side == 2 && side > 0 {
				o = opGE
			}
			if base != nil {
				if bb, _ := base.single(); bb.op == opGT && side < 0 {
					o = opLE
				} else if bb.op == opLT && side > 0 {
					o = opGE
				}
			}
			d.any = [][]bound{{{op: o, v: b.v, on: b.on}}}
		}
		e, ok := r.adjustExpr(d, a, side, b, baseScore)
		if !ok {
			return
		}
		d.score = e
		r.add(d)
	}
}

// adjustExpr writes a deduction's or bonus's score.
func (r *reader) adjustExpr(d *draft, a *adjust, side int8, b bound, base string) (string, bool) {
	cl := d.cl
	mods := cl.mods
	// The gap from the threshold, in the step's unit.
	var gap string
	switch a.kind {
	case stepLateDays, stepLateMonths:
		// Lateness counts from the deadline, where the tier before (on time) ends.
		if b.on != onLateDays || !b.v.isZero() {
			r.leave(cl, Ambiguous, i18n.T("逾期不是从期限起算", "lateness counted from a threshold other than the deadline"))
			return "", false
		}
		gap = onLateDays.name()
		if a.kind == stepLateMonths {
			gap = onLateMonths.name()
		}
	case stepActual, stepPoints:
		v := b.v
		if b.on == onRate {
			if !r.hasT {
				r.leave(cl, NoTarget, i18n.Text{})
				return "", false
			}
			var ok bool
			if v, ok = v.mul(r.target); !ok {
				r.leave(cl, Condition, i18n.T("界限的位数过多", "a threshold too precise"))
				return "", false
			}
		}
		switch {
		case side < 0:
			gap = v.String() + " - actual"
		case v.isZero():
			gap = "actual"
		default:
			gap = "actual - " + v.String()
		}
	case stepOfTarget:
		switch {
		case b.on == onRate && b.v.cmp(decInt(1)) == 0:
			if side < 0 {
				gap = "(target - actual) * 100 / target"
			} else {
				gap = "(actual - target) * 100 / target"
			}
		case b.on == onRate:
			p, _ := b.v.shift(-2)
			if side < 0 {
				gap = p.String() + " - 100 * rate"
			} else {
				gap = "100 * rate - " + p.String()
			}
		default:
			if side < 0 {
				gap = "(" + b.v.String() + " - actual) * 100 / target"
			} else {
				gap = "(actual - " + b.v.String() + ") * 100 / target"
			}
		}
	}
	// amount is the points taken or given; term is it as an operand of + or −.
	var amount, term string
	per := a.per.String()
	switch {
	case a.step.cmp(decInt(1)) != 0:
		// Whole steps only; 1e-9 absorbs the float error of a gap that is a whole number of
		// steps in decimal (9.999999999999998 for 10).
		amount = per + " * floor(" + paren(gap) + " / " + a.step.String() + " + 1e-9)"
		if per == "1" {
			amount = "floor(" + paren(gap) + " / " + a.step.String() + " + 1e-9)"
		}
		term = amount
	case per == "1":
		amount, term = gap, paren(gap)
	default:
		amount = per + " * " + paren(gap)
		term = amount
	}
	if a.bonus {
		limit := mods.maxBonus
		if limit == nil {
			limit = mods.both
		}
		e := base + " + " + term
		if limit != nil {
			e = base + " + min(" + limit.String() + ", " + amount + ")"
		}
		switch {
		case mods.scoreCap != nil:
			e = "min(" + mods.scoreCap.String() + ", " + e + ")"
		case mods.capWeight || limit == nil:
			e = "min(weight, " + e + ")"
			if limit == nil && !mods.capWeight {
				d.addConv(ConvBonusCap)
			}
		}
		return e, true
	}
	limit := mods.maxDeduct
	if limit == nil {
		limit = mods.both
	}
	e := base + " - " + term
	if limit != nil {
		e = base + " - min(" + limit.String() + ", " + amount + ")"
	}
	floor := mods.floor
	switch {
	case floor != nil:
		e = "max(" + floor.String() + ", " + e + ")"
	case limit != nil && r.weightAtLeast(base, *limit):
		// 扣满6分为止: the cap keeps the score at or above base − 6.
	default:
		e = "max(0, " + e + ")"
		d.addConv(ConvNoFloor)
	}
	return e, true
}

// paren brackets an expression that adds or subtracts at its top level, so that it can be
// multiplied or divided.
func paren(s string) string {
	depth := 0
	for i := 0; i+2 < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ' ':
			if depth == 0 && (s[i+1] == '-' || s[i+1] == '+') && s[i+2] == ' ' {
				return "(" + s + ")"
			}
		}
	}
	return s
}

// trimSeps is the end of tokens [a, b) without the separators that end them.
func (r *reader) trimSeps(a, b int) int {
	for b > a && (r.toks[b-1].sep() || r.toks[b-1].is("的")) {
		b--
	}
	return b
}

// weightAtLeast reports whether the base score is known to be at least v.
func (r *reader) weightAtLeast(base string, v dec) bool {
	b := r.weight
	if base != "weight" {
		d, ok := parseDec(base)
		if !ok {
			return false
		}
		b = d
	}
	return b.cmp(v) >= 0
}

// claims settles who takes a shared end: an explicit (含) claims its point from an implicit
// 以上/以下 (or a bare range) elsewhere, and a point two tiers claim implicitly goes to the
// tier listed first. The end the other tier claims becomes open, so that the tiers meet
// without overlapping.
func (r *reader) claims() {
	live := r.live()
	for j, d := range live {
		for g := range d.any {
			for k := range d.any[g] {
				b := &d.any[g][k]
				if !b.implicit || !b.op.closed() || b.op == opEQ {
					continue
				}
				for i, o := range live {
					if i == j {
						continue
					}
					if o.explicitAt(b.v, b.on, b.op) {
						b.op = b.op.not().flip()
						b.implicit = false
						d.addConv(ConvExplicitWins)
						break
					}
					if i < j && o.holds(b.v, b.on) {
						b.op = b.op.not().flip()
						b.implicit = false
						d.addConv(ConvSharedEnd)
						break
					}
				}
			}
		}
	}
}

// explicitAt reports whether the draft claims v by a (含) on the side facing a bound o.
func (d *draft) explicitAt(v dec, on variable, o op) bool {
	for _, g := range d.any {
		for _, b := range g {
			if b.explicit && b.op.closed() && b.v.cmp(v) == 0 && b.on == on && b.op.lower() != o.lower() {
				return true
			}
		}
	}
	return false
}

// holds reports whether the draft's condition holds at v.
func (d *draft) holds(v dec, on variable) bool {
	if d.always || d.grade != nil {
		return false
	}
	for _, g := range d.any {
		ok := true
		for _, b := range g {
			if b.on != on {
				ok = false
				break
			}
			c := v.cmp(b.v)
			switch b.op {
			case opGE:
				ok = ok && c >= 0
			case opGT:
				ok = ok && c > 0
			case opLE:
				ok = ok && c <= 0
			case opLT:
				ok = ok && c < 0
			case opEQ:
				ok = ok && c == 0
			case opNE:
				ok = ok && c != 0
			}
		}
		if ok && len(g) > 0 {
			return true
		}
	}
	return false
}

func (r *reader) live() []*draft {
	var out []*draft
	for _, d := range r.drafts {
		if !d.dead {
			out = append(out, d)
		}
	}
	return out
}

// ambiguities leaves unread the tiers that two readings would score differently: a tier the
// tiers before it cover wholly (first match would never give it, and its author meant it to
// apply), and a point two tiers both claim with (含).
// inDays is a condition on lateness in days: a bound in months begun becomes the days it
// may mean, widened (late_months >= 1 is late_days > 0; late_months <= 2 is at most 62
// days late). Bounds in days stay.
func inDays(any [][]bound) [][]bound {
	out := make([][]bound, 0, len(any))
	for _, g := range any {
		var ng []bound
		for _, b := range g {
			if b.on != onLateMonths {
				ng = append(ng, b)
				continue
			}
			days := func(v dec) dec {
				d, ok := v.mul(decInt(31))
				if !ok {
					return v
				}
				return d
			}
			lower := func() {
				if b.v.cmp(decInt(1)) >= 0 || b.op == opGT && b.v.cmp(dec{}) >= 0 {
					ng = append(ng, bound{op: opGT, v: dec{}, on: onLateDays})
				}
			}
			switch {
			case b.op == opEQ && b.v.isZero():
				ng = append(ng, bound{op: opLE, v: dec{}, on: onLateDays})
			case b.op == opEQ:
				lower()
				ng = append(ng, bound{op: opLE, v: days(b.v), on: onLateDays})
			case b.op.lower():
				lower()
			default:
				ng = append(ng, bound{op: opLE, v: days(b.v), on: onLateDays})
			}
		}
		out = append(out, ng)
	}
	return out
}

func (r *reader) ambiguities() {
	live := r.live()
	for j, d := range live {
		if d.always || d.grade != nil || len(d.any) == 0 {
			continue
		}
		region := setOf(d.any)
		if region.empty() {
			continue // a literal contradiction, kept for the criteria checks to report
		}
		// Lateness in days and in months are one quantity: compared in days, a month's
		// bound widened to every day it may mean.
		late := d.variable() == onLateDays || d.variable() == onLateMonths
		if late {
			region = setOf(inDays(d.any))
		}
		var cover set
		var covering []*draft
		for _, o := range live[:j] {
			ov := o.variable()
			if o.always || o.grade != nil || len(o.any) == 0 || ov != d.variable() && !(late && (ov == onLateDays || ov == onLateMonths)) {
				continue
			}
			os := setOf(o.any)
			if late {
				os = setOf(inDays(o.any))
			}
			if !os.intersect(region).empty() {
				covering = append(covering, o)
				cover = cover.union(os)
			}
		}
		if len(covering) == 0 {
			continue
		}
		if region.minus(cover).empty() {
			if sameScores(d, covering) {
				continue
			}
			detail := i18n.T("「%s」永远不适用：前面各档已取走它所说的所有取值", "「%s」 can never apply: the tiers before it take every value it names", r.source(d.cl))
			for _, o := range append(covering, d) {
				if !o.implied {
					r.leave(o.cl, Ambiguous, detail)
				}
				o.dead = true
			}
			continue
		}
		d.addConv(ConvFirstMatch)
	}
	// Two tiers that both claim a point with (含).
	live = r.live()
	for j, d := range live {
		for _, g := range d.any {
			for _, b := range g {
				if !b.explicit || !b.op.closed() {
					continue
				}
				for _, o := range live[j+1:] {
					if o.explicitAt(b.v, b.on, b.op) && !sameScores(d, []*draft{o}) {
						detail := i18n.T("%s 在两档中都标了（含）", "%s is marked (含) in two tiers", b.v.String())
						r.leave(d.cl, Ambiguous, detail)
						r.leave(o.cl, Ambiguous, detail)
						d.dead, o.dead = true, true
					}
				}
			}
		}
	}
	for _, d := range r.drafts {
		if d.cl.unread != "" {
			d.dead = true
		}
	}
}

func sameScores(d *draft, os []*draft) bool {
	for _, o := range os {
		if d.rng != o.rng || d.score != o.score || d.lo != o.lo || d.hi != o.hi {
			return false
		}
	}
	return true
}

func (r *reader) source(cl *clause) string {
	sp := r.clauseSpan(cl)
	return string(r.x.orig[sp.Start:sp.End])
}

// words is the original text of tokens [s, e).
func (r *reader) words(s, e int) string {
	if e <= s {
		return ""
	}
	sp := r.x.span(r.toks[s].s, r.toks[e-1].e)
	return string(r.x.orig[sp.Start:sp.End])
}

// draftSpan is the text a tier was read from: its own, or its clause's.
func (r *reader) draftSpan(d *draft) Span {
	if d.e > d.s {
		return r.x.span(r.toks[d.s].s, r.toks[d.e-1].e)
	}
	return r.clauseSpan(d.cl)
}

func (r *reader) clauseSpan(cl *clause) Span {
	if cl.e <= cl.s {
		return Span{}
	}
	return r.x.span(r.toks[cl.s].s, r.toks[cl.e-1].e)
}

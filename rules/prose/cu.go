package prose

import (
	"strings"

	"jixiao/internal/i18n"
)

// A consequence is what a clause gives: a score, full marks, nothing, a discretionary range,
// a deduction or bonus per step, a fixed deduction, a formula; or a modifier of the
// consequence before it (扣完为止, 最多加5分, 超过100%按100%计).

type cuKind uint8

const (
	cuNone     cuKind = iota
	cuPoints          // pts points (0 for 不得分)
	cuFull            // full marks
	cuRange           // the reviewer's choice in [lo, hi]
	cuAdjust          // a deduction or bonus per step
	cuFixed           // 该项扣N分: weight − N
	cuFormula         // a formula over the rate or the actual
	cuModifier        // modifies the consequence before it
	cuUnread          // a consequence that cannot be scored: 酌情扣分 without a range, 每项扣…
)

type cu struct {
	kind   cuKind
	s, e   int // tokens
	pts    dec
	lo, hi dec
	adj    *adjust
	f      *formula
	mod    modifier
	rule   Rule
	unread Reason
	detail i18n.Text
}

// stepKind is what the step of a deduction counts.
type stepKind uint8

const (
	stepActual     stepKind = iota // units of the actual value: 每少1人, 每超过1个工作日
	stepPoints                     // percentage points of an indicator measured in %
	stepOfTarget                   // percent of the target (points of the completion rate)
	stepLateDays                   // days late against a deadline target: 每逾期1天
	stepLateMonths                 // months (begun) late against a deadline target: 每延迟1个月
)

// adjust is a deduction or bonus per step: M points per N.
type adjust struct {
	side  int8 // -1 below the threshold, +1 above, 2 either side
	bonus bool
	step  dec
	kind  stepKind
	per   dec
	words string
}

// modifier is what a trailing phrase says of the consequence before it.
type modifier struct {
	floor     *dec // 扣完为止: 0; 最低为N分
	maxDeduct *dec // 扣满N分为止, 最多扣N分
	maxBonus  *dec // 最多加N分
	both      *dec // 最多加减N分: both
	scoreCap  *dec // 加满N分为止: the score stops at N
	capWeight bool // 以满分为限, 满分为止, 最高不超过权重分
	capRatio  bool // 超过100%的按100%计
}

func (m modifier) empty() bool {
	return m.floor == nil && m.maxDeduct == nil && m.maxBonus == nil && m.both == nil && m.scoreCap == nil && !m.capWeight && !m.capRatio
}

// merge adds what n says to m.
func (m *modifier) merge(n modifier) {
	if n.floor != nil {
		m.floor = n.floor
	}
	if n.maxDeduct != nil {
		m.maxDeduct = n.maxDeduct
	}
	if n.maxBonus != nil {
		m.maxBonus = n.maxBonus
	}
	if n.both != nil {
		m.both = n.both
	}
	if n.scoreCap != nil {
		m.scoreCap = n.scoreCap
	}
	m.capWeight = m.capWeight || n.capWeight
	m.capRatio = m.capRatio || n.capRatio
}

// ratioKind is what a formula's ratio is.
type ratioKind uint8

const (
	ratioRate    ratioKind = iota // actual / target
	ratioPercent                  // actual / 100: the indicator is itself a completion rate in %
)

type formula struct {
	ratio ratioKind
	coef  dec // the points the ratio multiplies; weight when coefWeight
	// coefWeight: 分值, 权重, 满分.
	coefWeight bool
	mod        modifier
}

// cur walks tokens [i, end).
type cur struct {
	r   *reader
	i   int
	end int
}

func (c *cur) at(k int) *tok {
	if c.i+k < c.end && c.i+k >= 0 {
		return &c.r.toks[c.i+k]
	}
	return nil
}

func (c *cur) word(k int, ws ...string) bool {
	t := c.at(k)
	return t != nil && t.isWordIn(ws...)
}

// points reads "N分" at offset k.
func (c *cur) points(k int) (dec, bool) {
	t := c.at(k)
	if t != nil && t.k == kNum && t.unit == "分" {
		return t.val, true
	}
	return dec{}, false
}

// cuAt finds a consequence starting at token i, within tokens [i, end). Results are kept
// per token for the sentence being read: sentences look for them more than once.
func (r *reader) cuAt(i, end int) (cu, bool) {
	if r.memo == nil || len(r.memo) != len(r.toks) {
		r.memo = make([]memo, len(r.toks))
	}
	if m := &r.memo[i]; m.set && m.end == end {
		if m.x == nil {
			return cu{}, false
		}
		return *m.x, true
	}
	x, ok := r.findCU(i, end)
	m := memo{set: true, end: end}
	if ok {
		m.x = new(cu)
		*m.x = x
	}
	r.memo[i] = m
	return x, ok
}

// memo is a consequence found at a token, or nil where none is.
type memo struct {
	set bool
	end int
	x   *cu
}

// mayStart reports whether a consequence can start at a token: most tokens are subjects,
// separators and values, where none can.
func (r *reader) mayStart(i int) bool {
	t := &r.toks[i]
	switch t.k {
	case kText, kLabel:
		return i == 0 || r.toks[i-1].sep() || r.toks[i-1].isLabel() // a formula without 得分=
	case kSep:
		return false
	case kNum:
		return t.unit == "分" || t.unit == "" || t.unit == "="
	}
	return true
}

func (r *reader) findCU(i, end int) (cu, bool) {
	if !r.mayStart(i) {
		return cu{}, false
	}
	c := &cur{r: r, i: i, end: end}
	if m, n := r.modifierAt(c); n > 0 {
		return cu{kind: cuModifier, s: i, e: i + n, mod: m}, true
	}
	x, n := r.noRangeAt(c)
	if n == 0 {
		x, n = r.adjustAt(c)
	}
	if n == 0 {
		x, n = r.formulaAt(c)
	}
	if n == 0 {
		x, n = r.shareAt(c)
	}
	if n == 0 {
		x, n = r.rangeAt(c)
	}
	if n == 0 {
		x, n = r.fixedAt(c)
	}
	if n == 0 {
		x, n = r.pointsAt(c)
	}
	if n == 0 {
		return cu{}, false
	}
	x.s, x.e = i, i+n
	r.bracket(&x)
	return x, true
}

// bracket widens a consequence over the brackets around it: "(14分)", "【5分】".
func (r *reader) bracket(x *cu) {
	if x.s > 0 && x.e < len(r.toks) && r.toks[x.s-1].open() && r.toks[x.e].close() {
		x.s--
		x.e++
	}
}

// modifierAt reads a trailing phrase such as 扣完为止 at c, with the brackets around it.
func (r *reader) modifierAt(c *cur) (modifier, int) {
	open := 0
	if t := c.at(0); t != nil && t.open() {
		open = 1
	}
	m, n := r.modifierBody(&cur{r: r, i: c.i + open, end: c.end})
	if n == 0 {
		return m, 0
	}
	n += open
	if open == 1 {
		if t := c.at(n); t != nil && t.close() {
			n++
		} else {
			return modifier{}, 0
		}
	}
	return m, n
}

func pdec(d dec) *dec { return &d }

func (r *reader) modifierBody(c *cur) (modifier, int) {
	var m modifier
	// until: an optional 为止 after n tokens.
	until := func(n int) int {
		if c.word(n, "为止") {
			return n + 1
		}
		return n
	}
	switch {
	case c.word(0, "扣完为止"):
		m.floor = pdec(dec{})
		return m, until(1)
	case c.word(0, "最低"):
		k := 1
		if c.word(k, "为", "得") || c.at(k) != nil && c.at(k).k == kOp && c.at(k).op == opGE {
			k++
		}
		if p, ok := c.points(k); ok {
			m.floor = pdec(p)
			return m, k + 1
		}
	case c.word(0, "扣满"):
		if p, ok := c.points(1); ok {
			m.maxDeduct = pdec(p)
			return m, until(2)
		}
	case c.word(0, "加满"):
		if p, ok := c.points(1); ok {
			m.scoreCap = pdec(p)
			return m, until(2)
		}
	case c.word(0, "满分为止"):
		m.capWeight = true
		return m, 1
	case c.word(0, "最多", "最高") || c.at(0) != nil && c.at(0).k == kOp && c.at(0).w == "至多":
		k := 1
		switch {
		case c.word(k, "扣", "减", "扣分"):
			if p, ok := c.points(k + 1); ok {
				m.maxDeduct = pdec(p)
				return m, until(k + 2)
			}
		case c.word(k, "加", "加分"):
			if p, ok := c.points(k + 1); ok {
				m.maxBonus = pdec(p)
				return m, until(k + 2)
			}
		case c.word(k, "加减"):
			if p, ok := c.points(k + 1); ok {
				m.both = pdec(p)
				return m, until(k + 2)
			}
		}
		// 最高不超过权重分, 最高不超过满分, 最高得满分.
		if t := c.at(k); t != nil && t.k == kOp && t.op == opLE {
			k++
		}
		if c.word(k, "分值", "满分") {
			k++
			if t := c.at(k); t != nil && t.k == kText && t.w == "分" {
				k++
			}
			m.capWeight = true
			return m, k
		}
		if c.word(k, "得满分") {
			m.capWeight = true
			return m, k + 1
		}
	case c.word(0, "加分", "扣分", "加减", "加", "扣", "减"):
		// 加分最多5分, 扣分以10分为限, 加分、扣分均以10分为限, 加减最多5分.
		k := 0
		bonus, deduct := false, false
		for {
			switch {
			case c.word(k, "加分", "加"):
				bonus = true
			case c.word(k, "扣分", "扣", "减"):
				deduct = true
			case c.word(k, "加减"):
				bonus, deduct = true, true
			default:
				goto rest
			}
			k++
			if t := c.at(k); t != nil && t.sym("、") {
				k++
			}
		}
	rest:
		if k == 0 || !bonus && !deduct {
			break
		}
		if c.word(k, "均") {
			k++
		}
		var p dec
		switch {
		case deduct && !bonus && c.at(k) != nil && c.at(k).k == kOp && c.at(k).op == opLE && c.word(k+1, "分值", "满分"):
			// 扣分不超过该项分值: deducted to 0 at most.
			m.floor = pdec(dec{})
			return m, k + 2
		case c.word(k, "最多", "最高") || c.at(k) != nil && c.at(k).k == kOp && c.at(k).op == opLE:
			q, ok := c.points(k + 1)
			if !ok {
				return m, 0
			}
			p, k = q, k+2
		case c.word(k, "以"):
			q, ok := c.points(k + 1)
			if !ok || !c.word(k+2, "为限") {
				return m, 0
			}
			p, k = q, k+3
		default:
			return m, 0
		}
		switch {
		case bonus && deduct:
			m.both = pdec(p)
		case bonus:
			m.maxBonus = pdec(p)
		default:
			m.maxDeduct = pdec(p)
		}
		return m, until(k)
	case c.word(0, "以"):
		// 以满分为限, 以分值为限.
		if c.word(1, "满分", "分值") && c.word(2, "为限") {
			m.capWeight = true
			return m, 3
		}
	case c.at(0) != nil && c.at(0).k == kOp && c.at(0).op == opLE && c.word(1, "满分", "分值"):
		m.capWeight = true
		return m, 2
	case c.at(0) != nil && c.at(0).k == kOp && c.at(0).op == opGT:
		// 超过100%的按100%计(算): the ratio stops at 1.
		k := 1
		t := c.at(k)
		if t == nil || t.k != kNum || !t.pct || t.val.cmp(decInt(100)) != 0 {
			break
		}
		k++
		if c.word(k, "的", "部分") {
			k++
		}
		if !c.word(k, "按", "以") {
			break
		}
		k++
		if t := c.at(k); t == nil || t.k != kNum || !t.pct || t.val.cmp(decInt(100)) != 0 {
			break
		}
		k++
		for c.word(k, "得", "计算", "得分") {
			k++
		}
		m.capRatio = true
		return m, k
	}
	return m, 0
}

// noRangeAt reads 酌情扣分 without a range: it gives no score.
func (r *reader) noRangeAt(c *cur) (cu, int) {
	if c.word(0, "酌情扣分") {
		return cu{kind: cuUnread, unread: NoRange, detail: quoted("酌情扣分")}, 1
	}
	return cu{}, 0
}

// adjustAt reads "每降低1个百分点扣0.5分" and the like, and "少1期扣1分" without 每 at the
// start of a clause.
func (r *reader) adjustAt(c *cur) (cu, int) {
	k := 0
	if c.word(0, "每") {
		k = 1
	} else {
		t := c.at(0)
		if t == nil || !t.verb() || c.i > 0 && !r.toks[c.i-1].sep() && !r.toks[c.i-1].isLabel() {
			return cu{}, 0
		}
	}
	// Find 扣/减/加 N分 within the phrase.
	end := -1
	for j := k; j < k+10; j++ {
		t := c.at(j)
		if t == nil || t.sep() {
			break
		}
		if t.isWordIn("扣", "减", "加", "扣分", "加分") {
			if _, ok := c.points(j + 1); ok {
				end = j
			}
			break
		}
	}
	if end < 0 {
		return cu{}, 0
	}
	per, _ := c.points(end + 1)
	a := &adjust{bonus: c.word(end, "加", "加分"), per: per, step: decInt(1)}
	x := cu{kind: cuAdjust, adj: a, rule: RuleDeduction}
	if a.bonus {
		x.rule = RuleBonus
	}
	var verb, step *tok
	relative := false
	for j := k; j < end; j++ {
		t := c.at(j)
		switch {
		case t.verb() && verb == nil && step == nil:
			verb = t
		case t.is("期限") && r.lateWord(*t) && verb == nil && step == nil:
			late := *t // 每逾期1天: lateness, a step above the deadline
			late.side = 1
			verb = &late
		case t.target():
			relative = true
		case t.k == kNum && step == nil:
			step = t
		case t.is("事故") || t.is("有"):
			x.kind, x.unread, x.detail = cuUnread, Events, quoted("每…"+t.text(&r.x))
		case t.k == kText && (t.w == "项" || t.w == "处" || t.w == "次" || t.w == "件" || t.w == "个"):
			x.kind, x.unread, x.detail = cuUnread, Events, quoted("每"+t.w)
		case t.is("排名"):
			x.kind, x.unread = cuUnread, Rank
		}
	}
	if x.kind == cuUnread {
		return x, end + 2
	}
	if verb == nil {
		x.kind, x.unread, x.detail = cuUnread, Events, i18n.T("“每…扣分”计数的不是指标的实际值", "每…扣分 counts something other than the indicator's value")
		return x, end + 2
	}
	a.side = verb.side
	if step != nil {
		a.step = step.val
		unit := step.unit
		if unit == "=" {
			unit = r.ctx.Unit
		}
		switch {
		case step.pct && (relative || !r.ctx.percent()):
			a.kind = stepOfTarget
		case step.pct:
			a.kind = stepPoints
		case r.ctx.Deadline && a.side == 1 && (unit == "天" || unit == "日"):
			a.kind = stepLateDays
		case r.ctx.Deadline && a.side == 1 && (unit == "个月" || unit == "月"):
			a.kind = stepLateMonths
		case step.unit == "" || step.unit == "=":
			a.kind = stepActual
		case isTimeUnit(step.unit):
			x.kind, x.unread, x.detail = cuUnread, Date, quoted(step.text(&r.x))
		case step.unit == "分":
			x.kind, x.unread, x.detail = cuUnread, OtherQuantity, quoted(step.text(&r.x))
		case countUnit(step.unit):
			x.kind, x.unread, x.detail = cuUnread, Events, quoted(step.text(&r.x))
		default:
			x.kind, x.unread, x.detail = cuUnread, OtherQuantity, quoted(step.text(&r.x))
		}
		if step.val.isZero() {
			x.kind, x.unread, x.detail = cuUnread, Condition, i18n.T("步长为 0", "a step of 0")
		}
	} else if relative {
		a.kind = stepOfTarget
	}
	if a.step.cmp(decInt(1)) != 0 && x.kind == cuAdjust {
		x.rule = RuleSteps
	}
	return x, end + 2
}

// countUnit: units that count events or items rather than measure the indicator.
func countUnit(u string) bool {
	switch u {
	case "项", "次", "起", "处", "件", "个", "例", "宗", "篇", "条", "份":
		return true
	}
	return false
}

// formulaAt reads "得分=完成率×分值" and "按…比例计算得分".
func (r *reader) formulaAt(c *cur) (cu, int) {
	if c.word(0, "得分") && c.at(1) != nil && c.at(1).equals() {
		j := r.formulaEnd(c, 2)
		f, ok, detail := r.parseFormula(c.i+2, c.i+j)
		x := cu{kind: cuFormula, f: f, rule: RuleFormula}
		if !ok {
			x.kind, x.unread, x.detail = cuUnread, OtherQuantity, detail
		}
		return x, j
	}
	if f, n := r.bareFormulaAt(c); n > 0 {
		return f, n
	}
	if !c.word(0, "按") {
		return cu{}, 0
	}
	// 按…(计算)得分 / 计分, within the clause.
	j := 1
	for c.at(j) != nil && !c.at(j).hard() && !c.word(j, "得分") && j < 16 {
		if c.at(j).sep() && !(c.at(j).w == "、") {
			return cu{}, 0
		}
		j++
	}
	if !c.word(j, "得分") || j == 1 {
		return cu{}, 0
	}
	inner := c.i + 1
	innerEnd := c.i + j
	if r.toks[innerEnd-1].is("计算") {
		innerEnd--
	}
	// A quoted formula: 按“执行率×分值”计算得分.
	if r.toks[inner].sym("\"") && r.toks[innerEnd-1].sym("\"") && innerEnd-inner > 2 {
		f, ok, detail := r.parseFormula(inner+1, innerEnd-1)
		x := cu{kind: cuFormula, f: f, rule: RuleFormula}
		if !ok {
			x.kind, x.unread, x.detail = cuUnread, OtherQuantity, detail
		}
		return x, j + 1
	}
	// 按(任务)完成比例, 按实际完成值占目标值的比重, 按比例, 按到位率: the completion rate
	// times the weight.
	proportional := false
	for k := inner; k < innerEnd; k++ {
		t := &r.toks[k]
		switch {
		case t.is("比例") || t.is("完成率"):
			proportional = true
		case t.k == kText && strings.HasSuffix(t.w, "率") && k == innerEnd-1:
			if r.ctx.percent() && !r.ownRate(t.w) {
				return cu{}, 0
			}
			proportional = true
		case t.is("实际值") || t.is("占") || t.target() || t.is("的") || t.k == kText || t.is("完成"):
		default:
			return cu{}, 0
		}
	}
	if !proportional {
		return cu{}, 0
	}
	f := &formula{ratio: ratioRate, coefWeight: true}
	if r.ctx.percent() {
		// A completion share of an indicator already in % is its actual value.
		f.ratio = ratioPercent
	}
	return cu{kind: cuFormula, f: f, rule: RuleFormula}, j + 1
}

// formulaEnd is where a formula starting at offset k ends: at a separator, or before a
// bracket that is no cap of it (a note such as "（数据来源：…）").
func (r *reader) formulaEnd(c *cur, k int) int {
	for c.at(k) != nil && !c.at(k).sep() {
		if c.at(k).open() {
			if _, n := r.modifierAt(&cur{r: r, i: c.i + k, end: c.end}); n > 0 {
				k += n
				continue
			}
			// A bracket that groups a product or quotient: "(实际完成值/目标值)×分值".
			if n := r.groupLen(c, k); n > 0 {
				k += n
				continue
			}
			break
		}
		k++
	}
	return k
}

// groupLen is the length of a bracket at offset k holding an operator of a formula, or 0.
func (r *reader) groupLen(c *cur, k int) int {
	ops := false
	for j := k + 1; c.at(j) != nil; j++ {
		t := c.at(j)
		switch {
		case t.close():
			if ops {
				return j - k + 1
			}
			return 0
		case t.open(), t.sep():
			return 0
		case t.sym("×") || t.sym("*") || t.sym("/") || t.sym("÷"):
			ops = true
		}
	}
	return 0
}

// bareFormulaAt reads a formula written without 得分=, standing alone as a clause:
// "实际完成量/计划量×该项分值".
func (r *reader) bareFormulaAt(c *cur) (cu, int) {
	if c.i > 0 && !r.toks[c.i-1].sep() && !r.toks[c.i-1].isLabel() {
		return cu{}, 0
	}
	end := r.formulaEnd(c, 0)
	j, ops, weight := 0, 0, false
	for ; j < end; j++ {
		t := c.at(j)
		switch {
		case t.sym("×") || t.sym("*") || t.sym("/") || t.sym("÷"):
			ops++
		case t.is("分值"):
			weight = true
		case t.is("得分") || t.equals():
			return cu{}, 0
		}
	}
	if ops == 0 || !weight {
		return cu{}, 0
	}
	f, ok, detail := r.parseFormula(c.i, c.i+j)
	x := cu{kind: cuFormula, f: f, rule: RuleFormula}
	if !ok {
		x.kind, x.unread, x.detail = cuUnread, OtherQuantity, detail
	}
	return x, j
}

// shareAt reads shares of the weight: 得分值的80%-100%, 得分区间为该指标分值的60%（含）-80%,
// 得分值的50%以下.
func (r *reader) shareAt(c *cur) (cu, int) {
	k := 0
	switch {
	case c.word(0, "得分区间"):
		k = 1
		if c.word(k, "该项") {
			k++
		}
		if !c.word(k, "分值") {
			return cu{}, 0
		}
		k++
	case c.word(0, "得", "按") && c.at(1) != nil && c.at(1).k == kNum && c.at(1).pct && c.word(2, "分值", "满分"):
		// 得80%分值: one share.
		return r.oneShare(c, c.at(1).val, 3)
	case c.word(0, "得分值"):
		k = 1
	case c.word(0, "得", "按"):
		k = 1
		if c.word(k, "该项") {
			k++
		}
		if !c.word(k, "分值") {
			return cu{}, 0
		}
		k++
	case c.word(0, "分值"):
		k = 1
	default:
		return cu{}, 0
	}
	if c.word(k, "的") {
		k++
	}
	a := c.at(k)
	if a == nil || a.k != kNum || a.unit != "" && !a.pct {
		return cu{}, 0
	}
	k++
	if c.word(k, "含") {
		k++
	}
	if !(c.at(k) != nil && c.at(k).rangeSign() || c.word(k, "以下", "以上")) && a.pct {
		// 得该项分值的60%: one share.
		n := k
		for c.word(n, "计分", "得分", "计算") || c.word(n, "得") {
			n++
		}
		return r.oneShare(c, a.val, n)
	}
	w := r.weight
	share := func(p dec) (dec, bool) {
		v, ok := w.mul(p)
		if !ok {
			return dec{}, false
		}
		return v.shift(2)
	}
	x := cu{kind: cuRange, rule: RuleShare}
	switch {
	case c.at(k) != nil && c.at(k).rangeSign():
		b := c.at(k + 1)
		if b == nil || b.k != kNum || !b.pct {
			return cu{}, 0
		}
		k += 2
		if c.word(k, "含") {
			k++
		}
		lo, ok1 := share(a.val)
		hi, ok2 := share(b.val)
		if !ok1 || !ok2 {
			return cu{}, 0
		}
		x.lo, x.hi = lo, hi
	case c.word(k, "以下"):
		hi, ok := share(a.val)
		if !ok {
			return cu{}, 0
		}
		x.lo, x.hi = dec{}, hi
		k++
	case c.word(k, "以上"):
		lo, ok := share(a.val)
		if !ok {
			return cu{}, 0
		}
		x.lo, x.hi = lo, w
		k++
	default:
		return cu{}, 0
	}
	if x.lo.cmp(x.hi) > 0 {
		x.lo, x.hi = x.hi, x.lo
	}
	for c.word(k, "得分", "计分") {
		k++
	}
	if w.isZero() {
		return cu{kind: cuUnread, unread: NoWeight, detail: i18n.T("分值的几成", "shares of the weight")}, k
	}
	return x, k
}

// oneShare is a score that is a share of the weight: 得该项分值的60%.
func (r *reader) oneShare(c *cur, p dec, n int) (cu, int) {
	if r.weight.isZero() {
		return cu{kind: cuUnread, unread: NoWeight, detail: i18n.T("分值的几成", "a share of the weight")}, n
	}
	v, ok := r.weight.mul(p)
	if ok {
		v, ok = v.shift(2)
	}
	if !ok {
		return cu{kind: cuUnread, unread: Condition, detail: i18n.T("比例的位数过多", "a share too precise")}, n
	}
	return cu{kind: cuPoints, pts: v, rule: RuleShare}, n
}

// rangeAt reads a discretionary range: 得12~16分, 9—10分, 10分到13分, (6分到0分), □13.0-15分,
// 酌情得0-5分.
func (r *reader) rangeAt(c *cur) (cu, int) {
	k := 0
	for c.word(k, "酌情") || c.word(k, "得") || c.at(k) != nil && c.at(k).sym("□") {
		k++
	}
	a := c.at(k)
	if a == nil || a.k != kNum || a.unit != "" && a.unit != "分" || a.pct {
		return cu{}, 0
	}
	s := c.at(k + 1)
	if s == nil || !s.rangeSign() {
		return cu{}, 0
	}
	b := c.at(k + 2)
	if b == nil || b.k != kNum || b.unit != "分" {
		return cu{}, 0
	}
	lo, hi := a.val, b.val
	if lo.cmp(hi) > 0 {
		lo, hi = hi, lo // 6分到0分
	}
	n := k + 3
	return cu{kind: cuRange, lo: lo, hi: hi, rule: RuleDiscretionary}, n
}

// fixedAt reads a deduction without a step: 该项扣3分.
func (r *reader) fixedAt(c *cur) (cu, int) {
	k := 0
	if c.word(0, "该项") {
		k = 1
	}
	if !c.word(k, "扣", "减") {
		return cu{}, 0
	}
	p, ok := c.points(k + 1)
	if !ok {
		return cu{}, 0
	}
	return cu{kind: cuFixed, pts: p, rule: RuleFixed}, k + 2
}

// pointsAt reads 得10分, 计4分, 不得分, 得满分, (14分), 【5分】, and a bare 4分 where a clause
// ends.
func (r *reader) pointsAt(c *cur) (cu, int) {
	switch {
	case c.word(0, "不得分"):
		return cu{kind: cuPoints, rule: RuleNothing}, 1
	case c.word(0, "该项") && c.word(1, "不得分"):
		return cu{kind: cuPoints, rule: RuleNothing}, 2
	case c.word(0, "得满分"):
		return cu{kind: cuFull, rule: RuleFull}, 1
	case c.word(0, "得", "按") && c.word(1, "满分"):
		n := 2
		if c.word(n, "计算", "得") {
			n++
		}
		return cu{kind: cuFull, rule: RuleFull}, n
	case c.word(0, "满分") && endsClause(c.at(1)):
		return cu{kind: cuFull, rule: RuleFull}, 1
	case c.word(0, "得", "为"):
		k := 1
		if c.word(k, "为") {
			k++
		}
		if p, ok := c.points(k); ok {
			if nt := c.at(k + 1); nt != nil && nt.rangeSign() {
				return cu{}, 0
			}
			return cu{kind: cuPoints, pts: p, rule: pointsRule(p)}, k + 1
		}
	case c.word(0, "得分") && (endsClause(c.at(1)) || c.word(1, "否则")) && !(c.i > 0 && r.toks[c.i-1].isWordIn("计算", "按")):
		return cu{kind: cuFull, rule: RuleFull}, 1
	}
	if p, ok := c.points(0); ok {
		if nt := c.at(1); nt != nil && (nt.rangeSign() || nt.k == kNum) {
			return cu{}, 0
		}
		// A bare "4分" stands where a clause ends or starts: after a separator, a bracket, a
		// box or a label, or before a separator or the end.
		prevOK := c.i == 0
		if c.i > 0 {
			p := r.toks[c.i-1]
			prevOK = p.sep() || p.open() || p.sym("□") || p.isLabel() || p.hard()
		}
		nextOK := endsClause(c.at(1)) || c.at(1).sym("—")
		if prevOK || nextOK {
			return cu{kind: cuPoints, pts: p, rule: pointsRule(p)}, 1
		}
	}
	return cu{}, 0
}

// endsClause reports whether a token after a score ends its clause: nothing, a separator,
// or a bracket (a note or a cap after it, or the end of "(14分)").
func endsClause(t *tok) bool { return t == nil || t.sep() || t.open() || t.close() }

func pointsRule(p dec) Rule {
	if p.isZero() {
		return RuleNothing
	}
	return RulePoints
}

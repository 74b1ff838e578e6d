package prose

import (
	"strings"

	"jixiao/internal/i18n"
)

// variable is what a bound compares: the actual value, the completion rate (actual /
// target), or how late a date actual is against a deadline, in days or in months begun.
type variable uint8

const (
	onActual variable = iota
	onRate
	onLateDays
	onLateMonths
)

// name is the variable as expressions know it.
func (v variable) name() string {
	return [...]string{"actual", "rate", "late_days", "late_months"}[v]
}

// bound is one comparison of the variable with a value: actual ≥ 95, rate < 0.8,
// late_days <= 0.
type bound struct {
	op op
	v  dec
	on variable // what is compared
	// implicit: the end is closed by an implicit word (以上, 以下, a bare range, a bare
	// value) and yields to an explicit (含) elsewhere. explicit: marked (含) or (不含).
	implicit bool
	explicit bool
}

type condKind uint8

const (
	condEmpty  condKind = iota // nothing but a subject: the consequence decides (a formula, a deduction)
	condBounds                 // any: a disjunction of conjunctions of bounds
	condAlways                 // 否则, 其余: whatever the tiers before leave
	condText                   // a grade of a text actual
	condRef                    // read against the other tiers: 未达到, 未开展, 有1人不达标
)

type refKind uint8

const (
	refNone           refKind = iota
	refComplement             // 未达到, 未完成: not the tier before
	refComplementFull         // 未全部完成, 不到位, 不按时: not the full-marks tier
	refNotStarted             // 未开展: nothing done
	refOneFailure             // 有1人不达标的: not all, as the tier before requires
)

// cond is a clause's condition as read.
type cond struct {
	kind    condKind
	any     [][]bound
	ref     refKind
	partial bool // 未全部完成: above nothing, when the criterion scores 未开展 apart
	grade   *grade
	rule    Rule
	conv    []Convention
	words   string
	full    bool // full completion or a reach (达到…): what 未达到 and 未完成 refer to
	reach   bool // a bare value: it may state the requirement a deduction counts from
	unread  Reason
	detail  i18n.Text
}

func failed(why Reason, detail i18n.Text) cond { return cond{unread: why, detail: detail} }

func (c *cond) addConv(cv Convention) {
	for _, x := range c.conv {
		if x == cv {
			return
		}
	}
	c.conv = append(c.conv, cv)
}

// qualifiers describe a band in words; beside a bare number they leave unclear which values
// the band covers ("略有缺口80%").
var qualifiers = []string{"基本", "略有", "较大", "不高", "缺口", "一定", "大部分", "部分", "少量", "个别", "明显", "较好", "良好", "较差", "落实", "较高", "较低", "不足"}

// gradeWord reports whether a comparison word is the start of a grade word of a text actual
// (不满 of 不满意): then it compares nothing.
func (r *reader) gradeWord(t tok) bool {
	if !r.ctx.qualitative() || r.hasTarget() {
		return false
	}
	w := string(r.x.norm[t.s:min(t.s+8, len(r.x.norm))])
	for _, g := range gradeWords {
		if len([]rune(g)) > t.e-t.s && strings.HasPrefix(w, g) {
			return true
		}
	}
	return false
}

// parseCond reads the condition of a clause.
func (r *reader) parseCond(cl *clause) cond {
	ts, bad := r.significant(cl.cs, cl.ce)
	if bad.unread != "" {
		return bad
	}
	words := ""
	if cl.ce > cl.cs {
		words = string(r.x.norm[r.toks[cl.cs].s:r.toks[cl.ce-1].e])
	}
	hasNum, hasOp, always := false, false, false
	for _, t := range ts {
		switch {
		case t.k == kNum:
			hasNum = true
		case t.k == kOp && !r.gradeWord(t):
			hasOp = true
		case t.is("否则"):
			always = true
		}
	}
	subjects := true
	for _, t := range ts {
		if t.k != kText && !t.is("平均") && !t.sep() {
			subjects = false
		}
	}
	var c cond
	scoreDecides := cl.cu.kind == cuAdjust || cl.cu.kind == cuFormula
	switch {
	case len(ts) == 0 || subjects && scoreDecides:
		c = cond{kind: condEmpty}
	case always && !hasNum && !hasOp:
		c = cond{kind: condAlways, rule: RuleComplement}
	case r.ctx.Deadline && !hasNum && !hasOp:
		c = r.timeCond(ts)
	case r.ctx.qualitative() && !hasNum && !hasOp && !r.hasTarget():
		c = r.gradeCond(cl)
	case subjects:
		c = cond{kind: condEmpty}
	case r.deviation(ts):
		c = r.devCond(ts)
	case r.oneFailure(ts):
		c = cond{kind: condRef, ref: refOneFailure, rule: RuleOneFailure}
	case !hasNum:
		c = r.wordCond(ts)
	default:
		c = r.numCond(ts)
	}
	if c.words == "" {
		c.words = words
	}
	return c
}

func (r *reader) hasTarget() bool { return r.hasT }

// significant drops filler from a condition's tokens and finds what makes it unreadable:
// dates, rankings, events, several quantities, units that are not the indicator's.
func (r *reader) significant(a, b int) ([]tok, cond) {
	var ts []tok
	values := 0
	for i := a; i < b; i++ {
		t := r.toks[i]
		if t.k == kNum && r.valueUnit(t) {
			values++
		}
	}
	for i := a; i < b; i++ {
		t := r.toks[i]
		var prev, next *tok
		if i > a {
			prev = &r.toks[i-1]
		}
		if i+1 < b {
			next = &r.toks[i+1]
		}
		switch {
		case t.is("期限") && r.lateWord(t):
			// 逾期, 延期 against a deadline target: lateness, which late_days reads.
		case t.is("期限"):
			return nil, failed(Date, quoted(t.text(&r.x)))
		case t.is("排名"):
			return nil, failed(Rank, quoted(t.text(&r.x)))
		case t.k == kNum && t.unit == "名", t.k == kNum && t.unit == "位" && prev != nil && (prev.is("前") || prev.is("第")):
			return nil, failed(Rank, quoted(t.text(&r.x)))
		case t.is("均"):
			return nil, failed(SeveralQuantities, quoted(t.text(&r.x)))
		case t.is("酌情扣分"):
			return nil, failed(NoRange, quoted(t.text(&r.x)))
		case t.is("事故"):
			if !strings.Contains(r.ctx.Name, t.text(&r.x)) {
				return nil, failed(Events, quoted(t.text(&r.x)))
			}
			continue
		case t.is("增长"):
			// Growth is the indicator's value when it is a rate or names the growth itself.
			if !r.ctx.percent() && !strings.Contains(r.ctx.Name, "增长") && !strings.Contains(r.ctx.Name, "新增") {
				return nil, failed(OtherQuantity, i18n.T("增长：需要知道增长的起点", "增长: growth needs the value it grows from"))
			}
			continue
		case t.k == kNum && t.unit == "月" && next != nil && next.k == kNum && next.unit == "日":
			return nil, failed(Date, quoted(t.text(&r.x)+next.text(&r.x)))
		case t.k == kNum && (t.unit == "号" || t.unit == "号令"):
			continue // a document number
		case t.k == kNum && (t.unit == "年" || t.unit == "年度") && t.val.cmp(decInt(1900)) >= 0 && t.val.cmp(decInt(2100)) <= 0:
			continue // a year
		case t.k == kNum && prev != nil && prev.is("第"):
			continue // 第4季度
		case t.is("第"):
			continue
		case t.k == kNum && r.lateUnit(&t) != nil:
			// "逾期3个月以上": how late, against a deadline target.
		case t.k == kNum && t.timeUnit() && !r.valueUnit(t):
			// "1年内完成100%": a time frame beside the value is no threshold; alone, a
			// deadline.
			if next != nil && next.is("以内") && values > 0 {
				i++
				continue
			}
			return nil, failed(Date, quoted(t.text(&r.x)))
		case t.k == kNum && (t.unit == "岁" || t.unit == "周岁") && !r.valueUnit(t):
			return nil, failed(OtherQuantity, quoted(t.text(&r.x)))
		case t.k == kNum && !r.valueUnit(t) && t.unit != "分":
			if r.oneFailureAt(r.toks[a:b]) {
				ts = append(ts, t)
				continue
			}
			if countUnit(t.unit) {
				return nil, failed(Events, quoted(t.text(&r.x)))
			}
			return nil, failed(OtherQuantity, quoted(t.text(&r.x)))
		case t.k == kLabel, t.fillerWord(), t.is("的"), t.is("为") && !(next != nil && next.k == kNum), t.sym("\""), t.sym("□"), t.sym("《"), t.sym("》"):
			continue
		case t.open() || t.close():
			continue
		case t.is("和") && r.comparedWith(i, b):
			// "与年度计划相比": what the text compares with is the target.
			for i+1 < b && !r.toks[i].is("相比") && !r.toks[i+1].sep() {
				i++
			}
			continue
		}
		ts = append(ts, t)
	}
	return ts, cond{}
}

// comparedWith reports whether the 与 at i opens "与年度计划相比" or ends a condition with
// "与计划" (before 每偏差2%…): what the text compares with is the target.
func (r *reader) comparedWith(i, b int) bool {
	target := false
	for j := i + 1; j < b && j < i+6; j++ {
		t := r.toks[j]
		switch {
		case t.target():
			target = true
		case t.is("相比"):
			return target
		case t.k != kText:
			return false
		}
	}
	return target && r.emptyCond(i+1, b)
}

// valueUnit reports whether a number is in the indicator's terms: its unit, none, or a
// percentage.
func (r *reader) valueUnit(t tok) bool {
	if t.k != kNum {
		return false
	}
	return t.unit == "" || t.unit == "=" || t.pct || t.unit == "分" && r.ctx.Unit == "分"
}

// oneFailure: "有1人不达标的", "发现1人无证上岗的": at least one failure, the complement of a
// tier that asks for all.
func (r *reader) oneFailure(ts []tok) bool { return r.oneFailureAt(ts) }

func (r *reader) oneFailureAt(ts []tok) bool {
	seen := false
	for i, t := range ts {
		switch {
		case t.is("有") && i+1 < len(ts) && ts[i+1].k == kNum && !ts[i+1].pct && ts[i+1].val.cmp(decInt(1)) == 0:
			seen = true
		case t.k == kOp || t.isPost() || t.rangeSign() || t.isMark():
			return false
		}
	}
	return seen
}

// deviation reports whether a condition speaks of the deviation from the target: ±, 偏差,
// 浮动, or the word the text defined.
func (r *reader) deviation(ts []tok) bool {
	for _, t := range ts {
		if t.is("±") || t.sym("±") || t.is("偏差") || t.is("浮动") {
			return true
		}
		if r.devWord != "" && t.text(&r.x) == r.devWord {
			return true
		}
	}
	return false
}

// elem is a condition's token as the comparison reader sees it.
type elem struct {
	k byte // n number, o comparison, p 以上/以下/以内, m (含), r range sign, a and, x or, s subject, t target
	t tok
}

func (r *reader) elems(ts []tok, dev bool) []elem {
	var el []elem
	for i, t := range ts {
		switch {
		case t.k == kNum:
			el = append(el, elem{'n', t})
		case t.k == kOp:
			el = append(el, elem{'o', t})
		case t.is("为") && i+1 < len(ts) && ts[i+1].k == kNum:
			el = append(el, elem{'o', tok{k: kOp, op: opEQ, s: t.s, e: t.e, w: "为"}})
		case t.isPost():
			el = append(el, elem{'p', t})
		case t.isMark():
			el = append(el, elem{'m', t})
		case t.rangeSign():
			el = append(el, elem{'r', t})
		case t.is("之间"):
		case t.is("但") || t.is("且") || t.sym(",") || t.sym("、"):
			el = append(el, elem{'a', t})
		case t.is("和") && !dev:
			el = append(el, elem{'a', t})
		case t.is("或"):
			el = append(el, elem{'x', t})
		case t.is("±") || t.sym("±") || t.is("和") || t.is("有") || t.is("在"):
		case t.target():
			el = append(el, elem{'t', t})
		default:
			el = append(el, elem{'s', t})
		}
	}
	return el
}

// completionWords name a completion rate whatever the indicator: 资金到位率 for 资金投入.
var completionWords = []string{"完成", "到位", "执行", "实现", "进度", "达成", "落实", "兑现", "拨付", "发放"}

// foreignRate finds a rate the condition speaks of that is not the indicator's: 考核合格率
// in a criterion of 培训人数, where a percentage would otherwise be read as the share of the
// target. A rate of the indicator shares a word of two characters with its name (到位率 of
// 资金到位情况) or names a completion (完成率).
func (r *reader) foreignRate(ts []tok) string {
	// An indicator in % is itself a rate: the rate named is taken for it, as written.
	if r.ctx.Name == "" || r.ctx.percent() {
		return ""
	}
	name := []rune(r.name())
	for _, t := range ts {
		if t.k != kText || !strings.HasSuffix(t.w, "率") {
			continue
		}
		w := []rune(t.w)
		if len(w) < 2 {
			continue
		}
		related := false
		for _, c := range completionWords {
			if strings.Contains(t.w, c) {
				related = true
			}
		}
		for k := 0; k+2 <= len(w) && !related; k++ {
			for j := 0; j+2 <= len(name); j++ {
				if w[k] == name[j] && w[k+1] == name[j+1] {
					related = true
					break
				}
			}
		}
		if !related {
			return t.w
		}
	}
	return ""
}

// numCond reads comparisons: ≥95%, 不低于93%但低于96%, 95%≤x<97%, 90%以上, 80%（含）至90%,
// 在80-90%之间, a bare 100%.
func (r *reader) numCond(ts []tok) cond {
	c := r.comparisonCond(ts)
	if c.unread == "" {
		if w := r.foreignRate(ts); w != "" {
			return failed(OtherQuantity, quoted(w))
		}
	}
	return c
}

func (r *reader) comparisonCond(ts []tok) cond {
	el := r.elems(ts, false)
	c := cond{kind: condBounds}
	groups, bare, ok := r.comparisons(el, &c, false)
	if !ok {
		return c
	}
	if bare != nil {
		// A bare value means reaching it; not beside words that describe a band, nor after a
		// negation the reader does not know ("不及95%").
		for _, t := range ts {
			if t.k == kText && t.e <= bare.s && strings.ContainsAny(string([]rune(t.w)[len([]rune(t.w))-1:]), "不未没无非") {
				return failed(Condition, quoted(t.w+bare.text(&r.x)))
			}
			if t.k == kText {
				for _, q := range qualifiers {
					if strings.Contains(t.w, q) {
						return failed(BareNumber, quoted(t.w+" "+bare.text(&r.x)))
					}
				}
			}
		}
		for _, t := range ts {
			if (t.is("全部") || t.is("按时")) && !(bare.pct && bare.val.cmp(decInt(100)) == 0) {
				return failed(BareNumber, i18n.T("全部与%s", "全部 and %s", bare.text(&r.x)))
			}
		}
		o := opGE
		if r.dir == Lower {
			o = opLE
		}
		b, bad := r.bound(bare, o)
		if bad.unread != "" {
			return bad
		}
		b.implicit = true
		c.any = [][]bound{{b}}
		c.rule, c.reach, c.full = RuleBare, true, true
		c.addConv(ConvBareValue)
		if bare.pct && !r.ctx.percent() {
			c.addConv(ConvPercentRate)
		}
		return c
	}
	c.any = groups
	if c.rule == "" {
		c.rule = RuleThreshold
	}
	for _, g := range groups {
		lo, hi := 0, 0
		for _, b := range g {
			switch {
			case b.op.lower():
				lo++
			case b.op.upper():
				hi++
			case b.op == opEQ:
				lo++
				hi++
			}
		}
		if (lo > 1 || hi > 1) && !c.reach {
			return failed(SeveralQuantities, quoted(c.words))
		}
		rates := 0
		for _, b := range g {
			if b.on == onRate {
				rates++
			}
		}
		if rates != 0 && rates != len(g) {
			return failed(SeveralQuantities, i18n.T("同时有百分数和数量", "a percentage and a quantity at once"))
		}
	}
	// A single lower bound is a reach: 未达到 after it is its complement.
	if len(groups) == 1 && len(groups[0]) == 1 && (groups[0][0].op.lower() || groups[0][0].op == opEQ) {
		c.full = true
	}
	return c
}

// comparisons reads the comparison elements into groups of bounds (or-ed groups of and-ed
// bounds), or one bare number. c collects the rule and conventions; c.unread is set on
// failure. On the deviation (dev) the numbers are percentages of it.
func (r *reader) comparisons(el []elem, c *cond, dev bool) ([][]bound, *tok, bool) {
	var groups [][]bound
	var cur []bound
	var bare *tok
	nums := 0
	fail := func(why Reason, d i18n.Text) ([][]bound, *tok, bool) {
		*c = failed(why, d)
		return nil, nil, false
	}
	mk := func(t *tok, o op) (bound, bool) {
		if dev {
			if !(t.pct || t.unit == "") {
				*c = failed(OtherQuantity, quoted(t.text(&r.x)))
				return bound{}, false
			}
			return bound{op: o, v: t.val}, true
		}
		b, bad := r.bound(t, o)
		if bad.unread != "" {
			*c = bad
			return bound{}, false
		}
		if t.pct && !r.ctx.percent() {
			c.addConv(ConvPercentRate)
		}
		return b, true
	}
	// mark applies a (含)/(不含) to a bound.
	mark := func(b *bound, m tok) {
		b.explicit = true
		b.implicit = false
		switch {
		case m.mark > 0 && b.op == opGT:
			b.op = opGE
		case m.mark > 0 && b.op == opLT:
			b.op = opLE
		case m.mark < 0 && b.op == opGE:
			b.op = opGT
		case m.mark < 0 && b.op == opLE:
			b.op = opLT
		}
	}
	postOp := func(p tok) op {
		if p.is("以上") {
			return opGE
		}
		return opLE
	}
	at := func(i int) byte {
		if i < len(el) {
			return el[i].k
		}
		return 0
	}
	for i := 0; i < len(el); {
		switch el[i].k {
		case 'n':
			nums++
			n1 := el[i].t
			if i > 0 && el[i-1].k == 't' && n1.pct && r.ctx.percent() && !(r.hasT && r.target.cmp(decInt(100)) == 0) {
				return fail(Ambiguous, i18n.T("是计划的几成，还是指标的百分点", "a share of the plan, or percentage points of the indicator"))
			}
			i++
			var m1 *tok
			if at(i) == 'm' {
				m1 = &el[i].t
				i++
			}
			switch {
			case at(i) == 'r' && at(i+1) == 'n':
				n2 := el[i+1].t
				nums++
				i += 2
				var m2 *tok
				if at(i) == 'm' {
					m2 = &el[i].t
					i++
				}
				if at(i) == 'p' && el[i].t.is("以内") {
					i++
				}
				if at(i) == 'm' && m2 == nil {
					m2 = &el[i].t
					i++
				}
				// A range's unit is written once: "80-90%".
				if n2.pct && !n1.pct && n1.unit == "" {
					n1.pct = true
				}
				if n1.pct && !n2.pct && n2.unit == "" {
					n2.pct = true
				}
				if (n1.unit == "" || n1.unit == "=") && n2.unit == "=" {
					n1.unit = "="
				}
				// A mark naming its value belongs to that end: "5%-15%（含15%）".
				if m2 != nil && m2.has && m2.val.cmp(n1.val) == 0 && m1 == nil {
					m1, m2 = m2, nil
				}
				if n1.val.cmp(n2.val) > 0 {
					n1, n2 = n2, n1
					m1, m2 = m2, m1
				}
				lo, ok1 := mk(&n1, opGE)
				hi, ok2 := mk(&n2, opLE)
				if !ok1 || !ok2 {
					return nil, nil, false
				}
				switch {
				case m1 == nil && m2 == nil:
					lo.implicit, hi.implicit = true, true
					c.addConv(ConvBareRange)
				case m1 != nil && m2 != nil:
					mark(&lo, *m1)
					mark(&hi, *m2)
				case m1 != nil:
					mark(&lo, *m1)
					hi.explicit = true
					if m1.mark > 0 {
						hi.op = opLT
					}
					c.addConv(ConvOneEndMarked)
				default:
					mark(&hi, *m2)
					lo.explicit = true
					if m2.mark > 0 {
						lo.op = opGT
					}
					c.addConv(ConvOneEndMarked)
				}
				cur = append(cur, lo, hi)
				if c.rule == "" {
					c.rule = RuleRange
				}
			case at(i) == 'o':
				// 95% ≤ x < 97%: the first value seen from the other side.
				o := el[i].t.op
				b, ok := mk(&n1, o.flip())
				if !ok {
					return nil, nil, false
				}
				i++
				for at(i) == 's' || at(i) == 't' {
					i++
				}
				if m1 != nil {
					mark(&b, *m1)
				}
				cur = append(cur, b)
				if at(i) == 'o' && at(i+1) == 'n' {
					n2 := el[i+1].t
					nums++
					b2, ok := mk(&n2, el[i].t.op)
					if !ok {
						return nil, nil, false
					}
					i += 2
					if at(i) == 'm' {
						mark(&b2, el[i].t)
						i++
					}
					cur = append(cur, b2)
					c.reach = true // a chain is read literally, as written
				}
			case at(i) == 'p':
				b, ok := mk(&n1, postOp(el[i].t))
				if !ok {
					return nil, nil, false
				}
				b.implicit = true
				i++
				if m1 != nil {
					mark(&b, *m1)
				}
				if at(i) == 'm' {
					mark(&b, el[i].t)
					i++
				}
				if b.implicit {
					c.addConv(ConvInclusiveWords)
				}
				cur = append(cur, b)
			default:
				if m1 != nil {
					return fail(Condition, i18n.T("有（含）而没有比较", "a (含) without a comparison"))
				}
				if bare != nil || len(cur) > 0 {
					return fail(SeveralQuantities, i18n.T("两个单独的数字", "two bare numbers"))
				}
				t := n1
				bare = &t
			}
		case 'o':
			o := el[i].t
			i++
			for at(i) == 's' {
				i++
			}
			// 低于合同计划的20%: a share of the plan.
			if at(i) == 't' && at(i+1) == 'n' && el[i+1].t.pct {
				i++
				if r.ctx.percent() && !(r.hasT && r.target.cmp(decInt(100)) == 0) {
					return fail(Ambiguous, i18n.T("是计划的几成，还是指标的百分点", "a share of the plan, or percentage points of the indicator"))
				}
			}
			switch {
			case at(i) == 'n':
				n := el[i].t
				nums++
				i++
				b, ok := mk(&n, o.op)
				if !ok {
					return nil, nil, false
				}
				if at(i) == 'm' {
					mark(&b, el[i].t)
					i++
				}
				if at(i) == 'p' {
					// 达到95%以上: the word agrees with the comparison, or the text contradicts
					// itself.
					if postOp(el[i].t).lower() != o.op.lower() || o.op == opEQ {
						return fail(Ambiguous, i18n.T("%s与%s", "%s and %s", o.text(&r.x), el[i].t.text(&r.x)))
					}
					i++
					if at(i) == 'm' {
						mark(&b, el[i].t)
						i++
					}
				}
				cur = append(cur, b)
			case at(i) == 't' && !dev:
				// 达到目标值, 超过目标值, 低于计划.
				i++
				b := r.targetBound(o.op)
				cur = append(cur, b)
				c.full = o.op == opGE
				if c.rule == "" {
					c.rule = RuleCompletion
				}
			default:
				return fail(Condition, i18n.T("%s 后面没有数值", "%s without a value", o.text(&r.x)))
			}
		case 'a', 's', 't':
			i++
		case 'x':
			if len(cur) == 0 {
				return fail(Condition, i18n.T("“或”前面没有比较", "或 without a comparison before it"))
			}
			groups = append(groups, cur)
			cur = nil
			i++
		default:
			return fail(Condition, quoted(el[i].t.text(&r.x)))
		}
	}
	if bare != nil && len(groups)+len(cur) > 0 {
		return fail(SeveralQuantities, i18n.T("比较旁边有一个单独的数字", "a bare number beside a comparison"))
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	} else if len(groups) > 0 {
		return fail(Condition, i18n.T("“或”后面没有比较", "或 without a comparison after it"))
	}
	if bare == nil && len(groups) == 0 {
		return fail(Condition, i18n.Text{})
	}
	return groups, bare, true
}

// bound makes a bound of a number: a percentage is the actual value of an indicator in %,
// else a share of the target (rate); a number in the indicator's unit is the actual value.
func (r *reader) bound(t *tok, o op) (bound, cond) {
	if t.val.big() {
		return bound{}, failed(Condition, i18n.T("数字过大", "a number too large"))
	}
	if on := r.lateUnit(t); on != nil {
		return bound{op: o, v: t.val, on: *on}, cond{}
	}
	switch {
	case t.pct && t.unit == "" || t.unit == "个百分点":
		if r.ctx.percent() {
			return bound{op: o, v: t.val}, cond{}
		}
		v, ok := t.val.shift(2)
		if !ok {
			return bound{}, failed(Condition, i18n.T("数字的位数过多", "a number too precise"))
		}
		return bound{op: o, v: v, on: onRate}, cond{}
	case t.unit == "" || t.unit == "=" || t.unit == "分" && r.ctx.Unit == "分":
		return bound{op: o, v: t.val}, cond{}
	case t.unit == "‰":
		return bound{}, failed(OtherQuantity, quoted(t.text(&r.x)))
	}
	return bound{}, failed(OtherQuantity, quoted(t.text(&r.x)))
}

func (r *reader) valueBound(t *tok, o op) (bound, bool) {
	b, bad := r.bound(t, o)
	return b, bad.unread == ""
}

// targetBound compares with the target: rate against 1.
func (r *reader) targetBound(o op) bound {
	if r.ctx.percent() && r.hasT {
		return bound{op: o, v: r.target}
	}
	return bound{op: o, v: decInt(1), on: onRate}
}

// fullBound is full completion: 100% of an indicator in % for 全部, 按时, 到位; the target
// for 完成计划, 完成目标, 按计划; rate ≥ 1 for any other indicator.
func (r *reader) fullBound(ts []tok) (bound, cond) {
	if !r.ctx.percent() {
		return bound{op: opGE, v: decInt(1), on: onRate}, cond{}
	}
	plan := false
	for _, t := range ts {
		if t.target() || t.is("预算") || t.is("按计划") || t.is("未按计划") {
			plan = true
		}
	}
	if !plan {
		return bound{op: opGE, v: decInt(100)}, cond{}
	}
	if !r.hasT {
		return bound{}, failed(NoTarget, i18n.Text{})
	}
	return bound{op: opGE, v: r.target}, cond{}
}

// wordCond reads conditions without numbers: 全部完成, 完成年度计划, 未达到, 未开展, 否则.
func (r *reader) wordCond(ts []tok) cond {
	var full, neg, partial, notStarted, notHappened, always bool
	var o *tok
	target := false
	for i := range ts {
		t := ts[i]
		switch {
		case t.is("否则"):
			always = true
		case t.is("未开展"):
			notStarted = true
		case t.is("未发生"):
			notHappened = true
		case t.is("未全部完成"):
			partial = true
		case t.isWordIn("未完成", "未按计划", "不到位", "不按时", "不达标", "未达成"):
			neg = true
		case t.isWordIn("全部", "完成", "按计划", "到位", "按时", "达标"):
			full = true
		case t.target() || t.is("预算"):
			target = true
		case t.k == kOp:
			if o != nil {
				return failed(Condition, i18n.T("两个比较都没有数值", "two comparisons without values"))
			}
			o = &ts[i]
		}
	}
	switch {
	case always:
		return cond{kind: condAlways, rule: RuleComplement}
	case notStarted:
		return cond{kind: condRef, ref: refNotStarted, rule: RuleNotStarted}
	case notHappened:
		return cond{kind: condBounds, any: [][]bound{{{op: opLE, v: dec{}}}}, rule: RuleNotStarted}
	case partial:
		return cond{kind: condRef, ref: refComplementFull, partial: true, rule: RuleComplement}
	case o != nil && target:
		c := cond{kind: condBounds, any: [][]bound{{r.targetBound(o.op)}}, rule: RuleCompletion}
		c.full = o.op == opGE
		return c
	case o != nil && o.op == opLT:
		return cond{kind: condRef, ref: refComplement, rule: RuleComplement}
	case neg:
		return cond{kind: condRef, ref: refComplementFull, rule: RuleComplement}
	case full || target:
		b, bad := r.fullBound(ts)
		if bad.unread != "" {
			return bad
		}
		return cond{kind: condBounds, any: [][]bound{{b}}, rule: RuleCompletion, full: true}
	}
	if r.ctx.qualitative() {
		return cond{kind: condEmpty}
	}
	return failed(Condition, i18n.Text{})
}

// lateWord reports whether a word of deadlines is lateness against the indicator's deadline
// target: 逾期, 延期.
func (r *reader) lateWord(t tok) bool {
	if !r.ctx.Deadline {
		return false
	}
	w := t.text(&r.x)
	return w == "逾期" || w == "延期"
}

// lateUnit is the lateness a number of days or months measures against a deadline target
// ("逾期3个月以上", "逾期10天以内"); nil for any other number.
func (r *reader) lateUnit(t *tok) *variable {
	if !r.ctx.Deadline || t.k != kNum || t.pct {
		return nil
	}
	var on variable
	switch t.unit {
	case "天", "日":
		on = onLateDays
	case "个月", "月":
		on = onLateMonths
	default:
		return nil
	}
	return &on
}

// timeCond reads a condition of timeliness against a deadline target: 按时完成, 按期完成,
// 如期, 及时 are on time (late_days <= 0); 未按时完成, 不能按期, 逾期, 延期 are late
// (late_days > 0). Other words say nothing of the date.
func (r *reader) timeCond(ts []tok) cond {
	var onTime, late bool
	for _, t := range ts {
		switch {
		case t.is("不按时"), t.is("未按计划"), t.is("期限"):
			late = true
		case t.is("按时"), t.is("按计划"):
			onTime = true
		}
	}
	switch {
	case late:
		return cond{kind: condBounds, any: [][]bound{{{op: opGT, v: dec{}, on: onLateDays}}}, rule: RuleLate}
	case onTime:
		return cond{kind: condBounds, any: [][]bound{{{op: opLE, v: dec{}, on: onLateDays}}}, rule: RuleOnTime, full: true}
	}
	return failed(Condition, i18n.T("这些文字没有说到期限", "words that say nothing of the deadline"))
}

// devCond reads a condition on the deviation from the target: 偏差在±4%（含）以内, ±3%～±6%（含）,
// 超过±8%, 上下浮动5%以内（含5%）, 2%＜偏离度≤5%.
func (r *reader) devCond(ts []tok) cond {
	el := r.elems(ts, true)
	c := cond{kind: condBounds, rule: RuleDeviation}
	groups, bare, ok := r.comparisons(el, &c, true)
	if !ok {
		return c
	}
	if bare != nil || len(groups) != 1 {
		return failed(Condition, i18n.T("偏差没有比较", "a deviation without a comparison"))
	}
	var lo, hi *bound
	for k := range groups[0] {
		b := &groups[0][k]
		switch {
		case b.op.lower() && lo == nil:
			lo = b
		case b.op.upper() && hi == nil:
			hi = b
		default:
			return failed(Condition, i18n.T("偏差在同一侧有两个界限", "a deviation with two bounds on one side"))
		}
	}
	// The centre and the offsets: points of an indicator in %, else percent of the target.
	centre, rate := decInt(1), onRate
	off := func(d dec) (dec, bool) { return d.shift(2) }
	if r.ctx.percent() {
		if !r.hasT {
			return failed(NoTarget, i18n.T("相对指标值的偏差", "a deviation from the target"))
		}
		centre, rate = r.target, onActual
		off = func(d dec) (dec, bool) { return d, true }
	}
	at := func(d dec, sign int) (dec, bool) {
		o, ok := off(d)
		if !ok {
			return dec{}, false
		}
		if sign < 0 {
			return centre.sub(o)
		}
		return centre.add(o)
	}
	mk := func(o op, d dec, sign int, from *bound) (bound, bool) {
		v, ok := at(d, sign)
		return bound{op: o, v: v, on: rate, implicit: from.implicit, explicit: from.explicit}, ok
	}
	var below, above []bound
	closedOp := func(strict bool, lower bool) op {
		switch {
		case lower && strict:
			return opGT
		case lower:
			return opGE
		case strict:
			return opLT
		}
		return opLE
	}
	ok = true
	add := func(side *[]bound, b bound, good bool) {
		ok = ok && good
		*side = append(*side, b)
	}
	if hi != nil {
		strict := hi.op == opLT
		b, g := mk(closedOp(strict, true), hi.v, -1, hi)
		add(&below, b, g)
	}
	if lo != nil {
		strict := lo.op == opGT
		b, g := mk(closedOp(strict, false), lo.v, -1, lo)
		add(&below, b, g)
		b, g = mk(closedOp(strict, true), lo.v, +1, lo)
		add(&above, b, g)
	}
	if hi != nil {
		strict := hi.op == opLT
		b, g := mk(closedOp(strict, false), hi.v, +1, hi)
		add(&above, b, g)
	}
	if !ok {
		return failed(Condition, i18n.T("偏差的位数过多", "a deviation too precise"))
	}
	if lo != nil && hi == nil {
		// Beyond the band on either side: two groups of one bound each.
		c.any = [][]bound{below, above}
	} else if lo == nil {
		// Within the band: one group, both bounds.
		c.any = [][]bound{{below[0], above[0]}}
	} else {
		c.any = [][]bound{below, above}
	}
	if rate == onActual {
		c.addConv(ConvPercentActual)
	}
	return c
}

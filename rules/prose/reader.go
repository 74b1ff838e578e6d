package prose

import (
	"strings"

	"jixiao/internal/i18n"
)

// reader reads one criterion.
type reader struct {
	ctx    Context
	x      text
	toks   []tok
	weight dec
	target dec
	hasT   bool
	dir    Direction // the criterion's direction: the context's, or read from the text
	// standard is a threshold the text states for itself ("以95%为基准。"): a deduction with
	// no threshold counts from it before the target.
	standard *bound
	devWord  string // a word the text defines as the deviation ("偏离度＝|…|/目标值×100%")

	owner    []int // per token: its part, an index into parts; -1 until placed
	parts    []partRec
	clauses  []*clause
	drafts   []*draft
	whole    *partRec // set when the whole text is left unread
	memo     []memo   // consequences found per token
	normName *string  // the indicator's name, normalised
}

// partRec is what became of some tokens: used by a clause's tiers, filler, or unread.
type partRec struct {
	kind   PartKind
	clause int // Used: the clause
	tier   int // Used: the tier, when it has a stretch of the clause of its own; else -1
	what   string
	reason Reason
	detail i18n.Text
}

// clause is one tier's worth of text: a condition and a consequence, with the modifiers
// after it.
type clause struct {
	idx        int
	s, e       int // tokens of the whole clause
	cs, ce     int // tokens of the condition
	cu         cu
	mods       modifier
	scoreFirst bool
	part       int // its part in reader.parts
	cond       cond
	unread     Reason
	detail     i18n.Text
	drafts     []int // the tiers it gave
}

func newReader(s string, ctx Context) *reader {
	r := &reader{ctx: ctx}
	r.x.orig = []rune(s)
	if w, ok := decOf(ctx.Weight); ok {
		r.weight = w
	}
	if t, ok := decOf(ctx.Target); ok && ctx.hasTarget() {
		r.target, r.hasT = t, true
	}
	return r
}

func (r *reader) read() {
	if len(r.x.orig) > MaxText {
		r.whole = &partRec{kind: Left, reason: Condition, detail: i18n.T("比任何评分标准都长", "longer than any criterion")}
		return
	}
	r.x.normalize()
	r.toks = lex(&r.x, &r.ctx)
	r.maskName()
	r.adoptUnit()
	r.owner = make([]int, len(r.toks))
	for i := range r.owner {
		r.owner[i] = -1
	}
	for _, t := range r.toks {
		if t.is("上年") {
			// Growth over last year needs last year's value in every condition; the numbers
			// alone would score the growth as if it were the indicator's value.
			r.whole = &partRec{kind: Left, reason: LastYear, detail: quoted(t.text(&r.x))}
			return
		}
	}
	r.sentences()
	r.direction()
	for _, cl := range r.clauses {
		if cl.unread == "" && cl.cu.kind != cuModifier {
			cl.cond = r.parseCond(cl)
		}
	}
	r.resolve()
}

// sentences cuts the tokens at hard separators and reads each sentence into clauses.
func (r *reader) sentences() {
	start := 0
	var pending *clause // a condition without a score, waiting for the next clause
	for i := 0; i <= len(r.toks); i++ {
		if i < len(r.toks) && !r.toks[i].hard() {
			continue
		}
		if i > start {
			pending = r.sentence(start, i, pending)
		}
		if i < len(r.toks) {
			r.place(i, i+1, partRec{kind: Filler, what: "separator"})
		}
		start = i + 1
	}
	if pending != nil {
		r.leaveScoreless(pending)
	}
}

// leaveScoreless leaves a condition that no score follows: as a part without a score, or,
// where it ends in 得 and words that are no number of points ("得一半分"), as a score that
// is not read, with the condition depending on it.
func (r *reader) leaveScoreless(cl *clause) {
	k := -1
	for i := cl.ce - 1; i > cl.cs; i-- {
		t := &r.toks[i]
		if t.k == kNum {
			break
		}
		if t.is("得") || t.k == kWord && t.w == "得分值" {
			k = i
			break
		}
	}
	if k < 0 || k+1 >= cl.ce {
		r.place(cl.cs, cl.ce, partRec{kind: Left, reason: NoScore})
		return
	}
	score := r.words(k, cl.ce)
	r.place(cl.cs, k, partRec{kind: Left, reason: Depends, detail: quoted(score)})
	r.place(k, cl.ce, partRec{kind: Left, reason: ScoreUnread})
}

// unreadScoreIn finds, within tokens [from, to), 得 and words of points that are no number
// before a separator ("得一半分，"): a consequence not read. It returns the separator.
func (r *reader) unreadScoreIn(from, to int) (int, bool) {
	for i := from; i < to; i++ {
		if t := &r.toks[i]; !t.is("得") && !(t.k == kWord && t.w == "得分值") {
			continue
		}
		j := i + 1
		for j < to && !r.toks[j].sep() && r.toks[j].k != kNum {
			j++
		}
		if j > i+1 && j < to && r.toks[j].sep() && strings.Contains(r.words(i+1, j), "分") {
			return j, true
		}
	}
	return 0, false
}

// place gives tokens [from, to) a part, unless they have one.
func (r *reader) place(from, to int, p partRec) {
	if from >= to {
		return
	}
	id := len(r.parts)
	r.parts = append(r.parts, p)
	for i := from; i < to && i < len(r.owner); i++ {
		if r.owner[i] < 0 {
			r.owner[i] = id
		}
	}
}

// fillerSentences are whole sentences that say how to check or what is judged, define a
// term, or state a standard: they give no tier.
func (r *reader) fillerSentence(a, b int) (string, bool) {
	s := string(r.x.norm[r.toks[a].s:r.toks[b-1].e])
	hasScore := false
	for i := a; i < b; i++ {
		if _, ok := r.cuAt(i, b); ok {
			hasScore = true
			break
		}
	}
	switch {
	case hasPrefixAny(s, "指标说明", "说明:", "注:", "备注", "数据来源", "指标解释", "计算公式", "指标定义"):
		r.definition(a, b)
		return "note", true
	case hasPrefixAny(s, "查", "抽查", "核查", "查阅", "查看", "现场", "实地", "经核实", "通过查阅", "通过核查", "通过现场") && !hasScore:
		return "checking note", true
	case (strings.HasPrefix(s, "按是否") || strings.HasPrefix(s, "根据是否") || strings.HasPrefix(s, "依据是否")) && !hasScore:
		return "what is judged", true
	case hasPrefixAny(s, "没有", "无", "不涉及", "未涉及") && strings.Contains(s, "的") &&
		hasSuffixAny(s, "按满分计算", "按满分计", "得满分", "计满分", "视为满分"):
		return "rule for indicators that do not apply", true
	}
	// A stated standard: 以95%为基准, 以100%为标准.
	if r.toks[a].is("以") && b-a >= 3 && r.toks[a+1].k == kNum && (r.toks[a+2].is("为") || r.toks[a+2].k == kText && strings.HasPrefix(r.toks[a+2].w, "作为")) && !hasScore {
		if rest := string(r.x.norm[r.toks[a+2].e:r.toks[b-1].e]); hasPrefixAny(rest, "标准", "基准", "基数", "标准值", "准") || strings.HasPrefix(r.toks[a+2].w, "作为") {
			if bd, ok := r.valueBound(&r.toks[a+1], opGE); ok {
				r.standard = &bd
			}
			return "stated standard", true
		}
	}
	// A definition: "资金拨付及时率=按时拨付资金/应拨付资金×100%" (its = is no score formula).
	for i := a; i < b; i++ {
		if r.toks[i].equals() {
			if i > a && r.toks[i-1].is("得分") {
				break
			}
			if !hasScore {
				r.definition(a, b)
				return "definition", true
			}
			break
		}
	}
	return "", false
}

// definition notes a word the text defines as the deviation from the target.
func (r *reader) definition(a, b int) {
	for i := a; i < b; i++ {
		if r.toks[i].equals() && i > a {
			lhs := r.toks[i-1]
			s := string(r.x.norm[r.toks[i].e:r.toks[b-1].e])
			if lhs.is("偏差") && strings.Contains(s, "|") && strings.Contains(s, "目标") {
				r.devWord = lhs.text(&r.x)
			}
			return
		}
	}
}

func hasPrefixAny(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasSuffixAny(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// sentence reads tokens [a, b) into clauses. pending is a condition from the sentence before
// that had no score; it returns the one this sentence leaves, if any.
func (r *reader) sentence(a, b int, pending *clause) *clause {
	// List labels: filler. A label with nothing after it ("E.") is an item without a score.
	for a < b && (r.toks[a].isLabel() || r.toks[a].sep()) {
		r.place(a, a+1, partRec{kind: Filler, what: "list label"})
		a++
		if a == b && r.toks[a-1].isLabel() {
			r.owner[a-1] = -1
			r.place(a-1, a, partRec{kind: Left, reason: NoScore, detail: i18n.T("序号后面没有内容", "a list label with nothing after it")})
		}
	}
	if a >= b {
		return pending
	}
	if what, ok := r.fillerSentence(a, b); ok {
		r.place(a, b, partRec{kind: Filler, what: what})
		return pending
	}
	a = r.preamble(a, b)
	if a >= b {
		return pending
	}
	// Score first: "10分：按计划完成", "【5分】…", "A档（10分）：…", "8分——引进…".
	x, ok := r.cuAt(a, b)
	if !ok && r.toks[a].open() && a+1 < b {
		x, ok = r.cuAt(a+1, b)
		ok = ok && x.s == a
	}
	if ok && r.scoreFirst(x, b) {
		k := x.e
		if k < b && (r.toks[k].sym(":") || r.toks[k].sym("—")) {
			r.place(k, k+1, partRec{kind: Filler, what: "separator"})
			k++
		}
		cl := &clause{idx: len(r.clauses), s: a, e: b, cs: k, ce: b, cu: x, scoreFirst: true}
		r.clauses = append(r.clauses, cl)
		r.claim(cl)
		if pending != nil {
			r.leaveScoreless(pending)
		}
		return nil
	}
	condStart := a
	var last *clause
	for i := a; i < b; {
		x, ok := r.cuAt(i, b)
		if !ok {
			i++
			continue
		}
		if x.kind == cuModifier {
			target := last
			if target == nil && len(r.clauses) > 0 && onlySeps(r, condStart, i) {
				target = r.clauses[len(r.clauses)-1]
			}
			if target != nil && onlySeps(r, condStart, i) {
				target.mods.merge(x.mod)
				r.extend(target, x.e)
				condStart, i = x.e, x.e
				continue
			}
			// 超过100%按100%计 before its formula, or a modifier with nothing to modify: not a
			// consequence here.
			i = x.e
			continue
		}
		// "80%-90%得一半分，" before it: a clause whose score is not read, not part of this
		// condition.
		for {
			e, found := r.unreadScoreIn(condStart, x.s)
			if !found {
				break
			}
			if pending != nil {
				r.leaveScoreless(pending)
				pending = nil
			}
			from := condStart
			for from < e && r.toks[from].sep() {
				r.place(from, from+1, partRec{kind: Filler, what: "separator"})
				from++
			}
			r.leaveScoreless(&clause{cs: from, ce: e})
			r.place(e, e+1, partRec{kind: Filler, what: "separator"})
			condStart = e + 1
		}
		cl := &clause{idx: len(r.clauses), s: condStart, e: x.e, cs: condStart, ce: x.s, cu: x}
		if pending != nil && x.kind == cuAdjust && r.emptyCond(cl.cs, cl.ce) {
			// "全年开展健康讲座12期。每少1期扣1分": the condition of the sentence before.
			cl.s, cl.cs = pending.cs, pending.cs
			pending = nil
		} else if pending != nil {
			r.leaveScoreless(pending)
			pending = nil
		}
		// 超过目标值的得满分 after a formula caps it.
		if last != nil && last.cu.kind == cuFormula && x.kind == cuFull && r.aboveTarget(cl.cs, cl.ce) {
			last.mods.capWeight = true
			r.extend(last, x.e)
			condStart, i = x.e, x.e
			continue
		}
		r.clauses = append(r.clauses, cl)
		r.claim(cl)
		last = cl
		condStart, i = x.e, x.e
	}
	// What is left after the last consequence.
	rest := condStart
	for rest < b && r.toks[rest].sep() {
		r.place(rest, rest+1, partRec{kind: Filler, what: "separator"})
		rest++
	}
	if rest >= b {
		return pending
	}
	if r.note(rest, b) {
		r.place(rest, b, partRec{kind: Filler, what: "note"})
		return pending
	}
	if pending != nil {
		r.leaveScoreless(pending)
	}
	return &clause{cs: rest, ce: b}
}

// scoreFirst reports whether a consequence at the start of a sentence heads it: "10分：…",
// "【5分】…", "9—10分：…", "8分——…".
func (r *reader) scoreFirst(x cu, b int) bool {
	switch x.kind {
	case cuPoints, cuFull, cuRange:
	default:
		return false
	}
	if x.e >= b {
		return false
	}
	next := r.toks[x.e]
	if next.sym(":") || next.sym("—") {
		return true
	}
	return r.toks[x.s].open() && !next.sep()
}

// claim marks a clause's tokens as its own; separators before it are separators.
func (r *reader) claim(cl *clause) {
	for cl.s < cl.e && cl.s < cl.ce && r.toks[cl.s].sep() {
		r.place(cl.s, cl.s+1, partRec{kind: Filler, what: "separator"})
		cl.s++
	}
	if cl.cs < cl.s {
		cl.cs = cl.s
	}
	cl.part = len(r.parts)
	r.place(cl.s, cl.e, partRec{kind: Used, clause: cl.idx, tier: -1})
}

// leave leaves a clause unread.
func (r *reader) leave(cl *clause, why Reason, detail i18n.Text) {
	cl.unread, cl.detail = why, detail
	p := &r.parts[cl.part]
	p.kind, p.reason, p.detail = Left, why, detail
}

// extend stretches a clause over the modifier after it.
func (r *reader) extend(cl *clause, to int) {
	from := cl.e
	cl.e = to
	id := cl.part
	for i := from; i < to; i++ {
		if r.owner[i] < 0 || r.parts[r.owner[i]].kind == Filler && r.parts[r.owner[i]].what == "separator" {
			r.owner[i] = id
		}
	}
}

func onlySeps(r *reader, a, b int) bool {
	for i := a; i < b; i++ {
		if !r.toks[i].sep() {
			return false
		}
	}
	return true
}

// emptyCond reports whether tokens [a, b) say nothing but separators and a subject.
func (r *reader) emptyCond(a, b int) bool {
	for i := a; i < b; i++ {
		t := r.toks[i]
		if !(t.sep() || t.fillerWord() || t.is("的") || t.is("相比") || t.target() || t.k == kText && !strings.ContainsAny(t.w, "0123456789")) {
			return false
		}
	}
	return true
}

// aboveTarget reports whether a condition is "超过目标值(的)".
func (r *reader) aboveTarget(a, b int) bool {
	seenOp, seenTarget := false, false
	for i := a; i < b; i++ {
		t := r.toks[i]
		switch {
		case t.k == kOp && t.op == opGT:
			seenOp = true
		case t.target():
			seenTarget = true
		case t.sep() || t.fillerWord() || t.is("的"):
		default:
			return false
		}
	}
	return seenOp && seenTarget
}

// note reports whether tokens [a, b) are bracketed notes: "（数据来源：…）".
func (r *reader) note(a, b int) bool {
	depth := 0
	for i := a; i < b; i++ {
		switch {
		case r.toks[i].open():
			depth++
		case r.toks[i].close():
			depth--
			if depth < 0 {
				return false
			}
		case depth == 0 && !r.toks[i].sep():
			return false
		}
	}
	return depth == 0
}

// preamble sets aside a leading "评分标准：", "根据…评分，如" or "依据《…》要求，" and returns
// where the criterion proper starts.
func (r *reader) preamble(a, b int) int {
	// "评分标准：", "计分方法：".
	for k := a + 1; k < b && k < a+4; k++ {
		if !r.toks[k].sym(":") {
			continue
		}
		if s := string(r.x.norm[r.toks[a].s:r.toks[k].s]); hasPrefixAny(s, "评分标准", "计分方法", "评分方法", "扣分标准", "评分细则", "评分办法", "计分标准", "评分规则") {
			r.place(a, k+1, partRec{kind: Filler, what: "heading"})
			a = k + 1
		}
		break
	}
	// "完成率=实际完成数/计划数×100%，": a definition before the scores.
	for k := a; k < b; k++ {
		t := r.toks[k]
		if t.sep() {
			break
		}
		if t.equals() {
			if k == a || r.toks[k-1].is("得分") {
				break
			}
			e := k
			for e < b && !r.toks[e].sep() {
				e++
			}
			if e < b && r.toks[e].sym(",") && r.hasScoreAfter(e+1, b) && !r.hasScoreAfter(a, e) {
				r.definition(a, e)
				r.place(a, e+1, partRec{kind: Filler, what: "definition"})
				a = e + 1
			}
			break
		}
	}
	// "满分10分，": the weight, stated.
	k := a
	if k < b && r.toks[k].is("该项") {
		k++
	}
	if k+1 < b && r.toks[k].isWordIn("满分", "分值") {
		j := k + 1
		if r.toks[j].is("为") {
			j++
		}
		if j < b && r.toks[j].points() && (j+1 == b || r.toks[j+1].sep()) {
			r.place(a, j+1, partRec{kind: Filler, what: "stated weight"})
			return j + 1
		}
	}
	if a >= b || !r.toks[a].is("按") {
		return a
	}
	if x, ok := r.cuAt(a, b); ok && x.kind == cuFormula {
		return a // 按完成比例计算得分 is the score, not a preamble
	}
	// 根据…评分，如 / 依据…要求，: up to the first comma after 评分 or 要求, or before the
	// scores; what stands in brackets there (a document's title and number) is part of it.
	depth := 0
	for i := a + 1; i < b; i++ {
		t := r.toks[i]
		switch {
		case t.hard():
			return a
		case t.open() || t.sym("《"):
			depth++
			continue
		case t.close() || t.sym("》"):
			depth--
			continue
		case depth > 0:
			continue
		case t.k == kNum || t.k == kOp:
			return a
		}
		if i+1 < b && r.toks[i+1].sym(",") && (t.is("评分") || t.is("要求") || r.hasScoreAfter(i+2, b)) {
			end := i + 2
			if end < b && r.toks[end].is("如") {
				end++
			}
			r.place(a, end, partRec{kind: Filler, what: "preamble"})
			return end
		}
		if _, ok := r.cuAt(i, b); ok {
			return a
		}
	}
	return a
}

// hasScoreAfter reports whether tokens [a, b) hold a consequence.
func (r *reader) hasScoreAfter(a, b int) bool {
	for i := a; i < b; i++ {
		if _, ok := r.cuAt(i, b); ok {
			return true
		}
	}
	return false
}

// name is the indicator's name as the text is normalised: simplified, half-width.
func (r *reader) name() string {
	if r.normName == nil {
		var n text
		n.orig = []rune(r.ctx.Name)
		n.normalize()
		s := strings.ReplaceAll(string(n.norm), string(labelRune), "")
		r.normName = &s
	}
	return *r.normName
}

// maskName merges a stretch of the text that repeats the indicator's name with digits in
// it ("60周岁以上…发放率", "12345热线…") into one subject token: its digits are no values.
func (r *reader) maskName() {
	if !strings.ContainsAny(r.ctx.Name, "0123456789０１２３４５６７８９") {
		return
	}
	name := r.name()
	if !strings.ContainsAny(name, "0123456789") {
		return
	}
	s := r.x.norm
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(name, s[i]) {
			continue
		}
		best := 0
		for l := 3; i+l <= len(s) && l <= len([]rune(name)); l++ {
			if !strings.Contains(name, string(s[i:i+l])) {
				break
			}
			best = l
		}
		if best == 0 {
			continue
		}
		sub := string(s[i : i+best])
		if !strings.ContainsAny(sub, "0123456789") || !containsHan(sub) {
			continue
		}
		r.retoken(i, i+best)
		i += best - 1
	}
}

func containsHan(s string) bool {
	for _, c := range s {
		if isHan(c) {
			return true
		}
	}
	return false
}

// retoken makes normalised runes [from, to) one text token, with the tokens they cut.
func (r *reader) retoken(from, to int) {
	var out []tok
	merged := false
	for _, t := range r.toks {
		if t.e <= from || t.s >= to {
			out = append(out, t)
			continue
		}
		if !merged {
			s, e := min(t.s, from), to
			out = append(out, tok{k: kText, s: s, e: e, w: string(r.x.norm[s:e])})
			merged = true
			continue
		}
		if t.e > to {
			last := &out[len(out)-1]
			last.e = t.e
			last.w = string(r.x.norm[last.s:last.e])
		}
	}
	r.toks = out
}

// adoptUnit takes, for an indicator whose unit is not given, the one unit its text writes
// values in ("达到12期得5分"): those numbers are then in the indicator's own unit.
func (r *reader) adoptUnit() {
	if r.ctx.Unit != "" || r.ctx.Deadline {
		// A deadline's actual is a date: the criterion's units are of lateness.
		return
	}
	unit := ""
	for i, t := range r.toks {
		if t.k != kNum || t.unit == "" || t.unit == "分" || t.unit == "号" || t.unit == "号令" || t.unit == "名" || t.unit == "个百分点" {
			continue
		}
		if i+1 < len(r.toks) && r.toks[i+1].k == kNum && t.unit == "月" || i > 0 && r.toks[i-1].is("第") {
			continue // a date, an ordinal
		}
		if (t.unit == "年" || t.unit == "年度") && t.val.cmp(decInt(1900)) >= 0 {
			continue // a year
		}
		if unit != "" && unit != t.unit {
			return
		}
		unit = t.unit
	}
	if unit == "" {
		return
	}
	for i := range r.toks {
		if r.toks[i].k == kNum && r.toks[i].unit == unit {
			r.toks[i].unit = "="
		}
	}
}

// direction is the criterion's direction: the context's, else what its deductions and
// bonuses say (每超过…扣: less is better), else Unknown.
func (r *reader) direction() {
	r.dir = r.ctx.Direction
	if r.dir != Unknown {
		return
	}
	d := Unknown
	for _, cl := range r.clauses {
		if cl.cu.kind != cuAdjust || cl.cu.adj.side == 2 {
			continue
		}
		a := cl.cu.adj
		higher := a.side < 0 && !a.bonus || a.side > 0 && a.bonus
		nd := Lower
		if higher {
			nd = Higher
		}
		if d != Unknown && d != nd {
			return
		}
		d = nd
	}
	r.dir = d
}

// result builds the Reading: tiers, unread parts, and the parts of the text.
func (r *reader) result() Reading {
	var out Reading
	n := len(r.x.orig)
	if r.whole != nil {
		p := *r.whole
		if n > 0 {
			out.Parts = []Part{{Span: Span{0, n}, Kind: Left, Tier: -1, What: string(p.reason)}}
			out.Unread = []Unread{{Span: Span{0, n}, Source: string(r.x.orig), Reason: p.reason, Detail: p.detail}}
		}
		return out
	}
	tierOf := r.emit(&out)
	// Each rune of the original text takes the part of the token it lies under.
	part := make([]int, n)
	for i := range part {
		part[i] = -1
	}
	for k, t := range r.toks {
		sp := r.x.span(t.s, t.e)
		for i := sp.Start; i < sp.End; i++ {
			part[i] = r.owner[k]
		}
	}
	// Unplaced tokens are unread: the reader never drops a character silently.
	for i := range part {
		if part[i] < 0 && !isGap(r.x.orig[i]) {
			id := len(r.parts)
			r.parts = append(r.parts, partRec{kind: Left, reason: Condition})
			part[i] = id
		}
	}
	// Blanks take the part around them when both sides agree, else they are separators.
	sepID := -1
	for i := 0; i < n; i++ {
		if part[i] >= 0 {
			continue
		}
		j := i
		for j < n && part[j] < 0 {
			j++
		}
		prev, next := -1, -1
		if i > 0 {
			prev = part[i-1]
		}
		if j < n {
			next = part[j]
		}
		fill := prev
		if prev != next || prev < 0 {
			if sepID < 0 {
				sepID = len(r.parts)
				r.parts = append(r.parts, partRec{kind: Filler, what: "separator"})
			}
			fill = sepID
		}
		for k := i; k < j; k++ {
			part[k] = fill
		}
		i = j - 1
	}
	for i := 0; i < n; {
		j := i
		for j < n && part[j] == part[i] {
			j++
		}
		p := r.parts[part[i]]
		sp := Span{i, j}
		switch p.kind {
		case Used:
			k := p.tier
			if k < 0 {
				k = tierOf[p.clause]
			}
			if k < 0 {
				// Between the stretches of a clause that two tiers share: "，" after a requirement.
				out.Parts = append(out.Parts, Part{Span: sp, Kind: Filler, Tier: -1, What: "separator"})
				break
			}
			out.Parts = append(out.Parts, Part{Span: sp, Kind: Used, Tier: k, What: "tier"})
		case Filler:
			out.Parts = append(out.Parts, Part{Span: sp, Kind: Filler, Tier: -1, What: p.what})
		default:
			out.Parts = append(out.Parts, Part{Span: sp, Kind: Left, Tier: -1, What: string(p.reason)})
			// Blanks at the ends of an unread part are not quoted.
			for sp.Start < sp.End && isGap(r.x.orig[sp.Start]) {
				sp.Start++
			}
			for sp.End > sp.Start && isGap(r.x.orig[sp.End-1]) {
				sp.End--
			}
			out.Unread = append(out.Unread, Unread{Span: sp, Source: string(r.x.orig[sp.Start:sp.End]), Reason: p.reason, Detail: p.detail})
		}
		i = j
	}
	return out
}

func isGap(c rune) bool {
	return isBlank(c) || c == '\n' || c == '\r' || c == '$' || c == '\u200b' || c == '\ufeff' || c == '\u2028'
}

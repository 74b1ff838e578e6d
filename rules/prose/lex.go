package prose

import (
	"strings"

	"jixiao/internal/num"
)

// kind is a token's kind.
type kind uint8

const (
	kNum   kind = iota // a number, with its unit
	kOp                // a comparison: ≥ or 不低于
	kWord              // a known word, by its canonical form
	kSep               // , ; 。 line break : 、
	kSym               // ( ) [ ] " - ~ ± × * / ÷ = | □ — 《 》 and other signs
	kText              // a run of unknown characters: a subject, a name, a description
	kLabel             // a list label
)

// op is a comparison.
type op uint8

const (
	opNone op = iota
	opGE
	opGT
	opLE
	opLT
	opEQ
	opNE
)

func (o op) String() string {
	return [...]string{"", ">=", ">", "<=", "<", "==", "!="}[o]
}

// flip is the comparison seen from the other side: 95 ≤ x is x ≥ 95.
func (o op) flip() op {
	switch o {
	case opGE:
		return opLE
	case opGT:
		return opLT
	case opLE:
		return opGE
	case opLT:
		return opGT
	}
	return o
}

// not is the complement: not (x ≥ 95) is x < 95.
func (o op) not() op {
	switch o {
	case opGE:
		return opLT
	case opGT:
		return opLE
	case opLE:
		return opGT
	case opLT:
		return opGE
	case opEQ:
		return opNE
	case opNE:
		return opEQ
	}
	return o
}

func (o op) lower() bool { return o == opGE || o == opGT } // a lower bound: x ≥ a, x > a
func (o op) upper() bool { return o == opLE || o == opLT }
func (o op) closed() bool {
	return o == opGE || o == opLE || o == opEQ
}

// tok is a token of the normalised text, [s, e) in runes of it.
type tok struct {
	k    kind
	s, e int
	w    string // kWord: the canonical word; kSep, kSym: the sign; kText: the text
	op   op     // kOp
	val  dec    // kNum
	unit string // kNum: the unit after it ("人", "个百分点", "分"), "" when none; % is pct
	pct  bool   // kNum: a percentage
	// side is the direction of a deduction verb: -1 below (降低), +1 above (超过), 2 either
	// side (相差); kOp tokens carry it too (低于 is below).
	side int8
	cn   bool // kNum: written in Chinese (一个百分点, 零分)
	mark int8 // kWord "含": +1 (含) or -1 (不含); with a value when hasVal
	has  bool // kWord "含": the mark names its value, "（含5%）"
}

func (t tok) is(w string) bool    { return t.k == kWord && t.w == w }
func (t tok) equals() bool        { return t.k == kOp && t.w == "=" || t.sym("=") }
func (t tok) sym(s string) bool   { return (t.k == kSym || t.k == kSep) && t.w == s }
func (t tok) points() bool        { return t.k == kNum && t.unit == "分" }
func (t tok) timeUnit() bool      { return t.k == kNum && isTimeUnit(t.unit) }
func isTimeUnit(u string) bool    { return strings.Contains(timeUnits, "|"+u+"|") }
func (t tok) sep() bool           { return t.k == kSep }
func (t tok) hard() bool          { return t.k == kSep && (t.w == ";" || t.w == "。" || t.w == "\n") }
func (t tok) text(x *text) string { return string(x.norm[t.s:t.e]) }
func (t tok) verb() bool          { return t.side != 0 && (t.k == kWord || t.k == kOp) }
func (t tok) target() bool        { return t.is("目标") || t.is("计划") }
func (t tok) open() bool          { return t.sym("(") || t.sym("[") }
func (t tok) close() bool         { return t.sym(")") || t.sym("]") }
func (t tok) rangeSign() bool     { return t.sym("-") || t.sym("~") || t.is("至") }
func (t tok) fillerWord() bool    { return t.k == kWord && fillerWords[t.w] }
func (t tok) isMark() bool        { return t.is("含") }
func (t tok) isPost() bool        { return t.is("以上") || t.is("以下") || t.is("以内") }
func (t tok) isLabel() bool       { return t.k == kLabel }
func (t tok) isWordIn(ws ...string) bool {
	if t.k != kWord {
		return false
	}
	for _, w := range ws {
		if t.w == w {
			return true
		}
	}
	return false
}

const timeUnits = "|天|日|周|月|个月|年|年度|小时|个工作日|工作日|季度|个季度|分钟|"

// fillerWords carry no meaning in a condition: "的", "在", "该项".
var fillerWords = map[string]bool{"的": true, "在": true, "时": true, "者": true, "则": true, "即": true, "了": true,
	"是": true, "全年": true, "实际": true, "该项": true, "情况": true, "酌情": true, "要求": true, "之": true, "评分": true, "如果": true}

// entry is a word of the lexicon.
type entry struct {
	k    kind
	w    string // canonical form
	op   op
	side int8
}

// lexicon lists the words the reader knows, by canonical form. Longer words win: 不低于 is
// not 不 + 低于, 不到位 is not 不到 + 位.
var lexicon = map[string][]string{
	// Comparisons are kOp entries, below.
	"以上":    {"以上", "及以上", "或以上", "以上的"},
	"以下":    {"以下", "及以下", "或以下", "以下的"},
	"以内":    {"以内", "之内", "内", "以内的"},
	"之间":    {"之间", "区间"},
	"至":     {"至", "到"},
	"含":     {}, // marks are read from their brackets
	"但":     {"但", "但是", "而"},
	"且":     {"且", "并且", "而且", "同时", "并"},
	"或":     {"或", "或者"},
	"和":     {"和", "与", "及", "以及", "跟"},
	"均":     {"均", "都", "全都", "其中一项", "任一项", "任意一项"},
	"得":     {"得", "计", "给", "给予", "记", "可得", "获得", "赋"},
	"得分":    {"得分", "计分", "记分", "给分"},
	"不得分":   {"不得分", "不计分", "不给分", "不记分", "得零分", "记零分", "计零分", "该项不得分", "此项不得分", "本项不得分"},
	"满分":    {"满分", "全分"},
	"得满分":   {"得满分", "计满分", "给满分", "记满分", "得全分", "为满分", "按满分计", "按满分计算"},
	"分值":    {"分值", "权重", "权重分", "满分值", "指标分值", "该项分值", "该指标分值", "该项指标分值", "本项分值", "该项目分值", "标准分", "分值的"},
	"该项":    {"该项", "此项", "本项", "该指标", "此指标", "本指标", "该项指标", "该项目"},
	"得分区间":  {"得分区间为", "得分区间", "得分范围为", "得分范围"},
	"得分值":   {"得分值", "得该项分值", "得该指标分值", "得分值的"},
	"扣":     {"扣", "扣除", "扣减"},
	"减":     {"减", "减去"},
	"加":     {"加", "加上", "奖励"},
	"扣分":    {"扣分", "减分"},
	"加分":    {"加分"},
	"加减":    {"加减", "加减分", "加扣分", "增减"},
	"每":     {"每"},
	"扣完为止":  {"扣完为止", "扣完即止", "扣完不倒扣", "扣完", "扣光为止", "直至扣完", "扣至0分为止", "扣至零分为止", "不倒扣", "不倒扣分", "不计负分", "不得负分", "扣完本项分值为止", "扣完该项分值为止"},
	"为止":    {"为止", "即止"},
	"最低":    {"最低", "最少"},
	"最高":    {"最高"},
	"最多":    {"最多", "累计最多", "至多扣", "最多不超过"},
	"扣满":    {"扣满"},
	"加满":    {"加满"},
	"为限":    {"为限", "封顶"},
	"以":     {"以"},
	"满分为止":  {"满分为止", "得满分为止", "加至满分为止", "以满分为限", "最高得满分", "最高为满分", "以满分为上限"},
	"按":     {"按", "按照", "依据", "根据", "依照"},
	"计算":    {"计算", "折算", "核算"},
	"比例":    {"比例", "比重", "比率", "占比"},
	"占":     {"占"},
	"完成":    {"完成", "实现", "完成了"},
	"完成率":   {"完成率", "完成比例", "完成比率", "完成程度", "完成进度"},
	"未完成":   {"未完成", "没有完成", "未能完成", "没完成"},
	"未全部完成": {"未全部完成", "未完全完成", "未全面完成", "未全部"},
	"全部":    {"全部", "全面", "全额", "百分之百", "全部按时", "均已"},
	"按计划":   {"按计划", "按期"},
	"未按计划":  {"未按计划", "未按期", "没有按计划", "未能按期", "不能按期", "没有按期"},
	"计划":    {"计划", "年度计划", "计划数", "计划任务", "计划量", "年度任务", "任务", "任务量", "合同计划"},
	"目标":    {"目标", "目标值", "目标任务", "年度目标", "指标值", "预期目标", "目标任务量", "绩效目标", "年度指标", "年度指标值", "合同目标"},
	"预算":    {"预算"},
	"到位":    {"到位"},
	"不到位":   {"不到位", "未到位", "没有到位"},
	"按时":    {"按时", "按时足额", "及时", "足额", "按时发放", "如期", "准时"},
	"不按时":   {"不按时", "未按时", "不及时", "未及时", "没有按时", "没按时", "未能按时", "不能按时", "没能按时", "未如期", "未能如期", "不能如期", "没有如期", "未准时", "不准时"},
	"开展":    {"开展"},
	"未开展":   {"未开展", "未实施", "未启动", "没有开展", "未开工"},
	"否则":    {"否则", "其余", "其他", "其它", "其余情况", "其他情况", "除此之外", "反之"},
	"达标":    {"达标", "合格"},
	"不达标":   {"不达标", "不合格", "未达标"},
	"达成":    {"达成"},
	"未达成":   {"未达成"},
	"部分达成":  {"部分达成", "基本达成"},
	"有":     {"有", "发现", "出现", "存在", "发生"},
	"未发生":   {"未发生", "没有发生", "未出现", "没有出现", "无"},
	"事故":    {"事故", "投诉", "违规", "违纪", "差错", "问题", "案件", "举报", "通报", "上访", "失误", "舆情"},
	"偏差":    {"偏差", "偏离", "偏离度", "误差", "偏差率", "偏离率"},
	"浮动":    {"浮动", "上下浮动", "上下波动", "波动"},
	"相差":    {"相差", "相比差"},
	"上年":    {"上年", "上年度", "去年", "上一年", "上一年度", "前一年", "同比", "环比", "较上年", "比上年", "上期", "上一期", "往年", "持平"},
	"增长":    {"增长", "增幅", "增速", "增长率"},
	"排名":    {"排名", "名次", "位列", "位居", "排位", "排序", "排在"},
	"期限":    {"年底前", "年底", "月底前", "月底", "日前", "之前", "以前", "截至", "截止", "逾期", "延期", "前完成", "时限内"},
	"前":     {"前"},
	"第":     {"第"},
	"酌情扣分":  {"酌情扣分", "视情况酌情扣分", "酌情扣减", "酌情减分", "视情况扣分", "视情扣分"},
	"酌情":    {"酌情", "视情况", "视情", "按完成情况", "根据完成情况", "按实际完成情况", "根据实际情况", "按实际情况", "视完成情况", "根据情况"},
	"实际值":   {"实际完成值", "实际完成数", "实际完成量", "实际值", "实际完成", "实际数", "实有数", "实际完成额"},
	"评分":    {"评分", "打分", "评价", "评定"},
	"的":     {"的", "地", "之"},
	"在":     {"在", "处于"},
	"为":     {"为", "是"},
	"时":     {"时", "时候"},
	"者":     {"者"},
	"则":     {"则", "的话"},
	"即":     {"即"},
	"了":     {"了"},
	"全年":    {"全年", "年度", "本年度", "当年", "本年"},
	"实际":    {"实际"},
	"情况":    {"情况"},
	"要求":    {"要求"},
	"一般":    {"一般", "一定", "一致", "统一", "一些", "一律", "十分", "万一", "一是", "一次性"},
	"±":     {"±", "+/-", "+-"},
	"平均":    {"平均", "人均", "均值", "平均值", "户均"},
	"如":     {"如", "例如", "比如", "譬如"},
	"如果":    {"如果", "若", "假如"},
	"相比":    {"相比", "比较", "对比", "相较", "比"},
}

// ops are the comparison words, with the side of the value they stand for.
var ops = []struct {
	words []string
	op    op
	side  int8
}{
	{[]string{"≥", "不低于", "不少于", "不小于", "大于等于", "大于或等于", "高于或等于", "达到", "达", "至少", "不低於", "以上达到",
		"达到或超过", "达到或高于", "等于或大于", "等于或高于", "等于或超过"}, opGE, 0},
	{[]string{"≤", "不高于", "不超过", "不大于", "不多于", "小于等于", "小于或等于", "低于或等于", "至多", "控制在",
		"等于或小于", "等于或低于"}, opLE, 0},
	{[]string{">", "高于", "大于", "超过", "多于", "超出", "高出"}, opGT, 1},
	{[]string{"<", "低于", "小于", "不足", "少于", "未达到", "未达", "不到", "不够", "达不到", "没有达到", "不满", "未满"}, opLT, -1},
	{[]string{"=", "等于"}, opEQ, 0},
	{[]string{"≠", "不等于"}, opNE, 0},
}

// verbs are the words of a deduction or bonus step ("每降低…", "每超过…"), by side.
var verbs = []struct {
	words []string
	side  int8
}{
	{[]string{"降低", "下降", "减少", "低", "少", "差", "短少", "缩减", "下滑", "短收"}, -1},
	{[]string{"超", "多", "增加", "提高", "上升", "超额完成", "超额", "延长", "延迟", "推迟", "后退", "超收"}, 1},
	{[]string{"缩短"}, -1},
}

// canonSide gives words of the lexicon a side as deduction verbs: 每相差5% counts either
// side of the target.
var canonSide = map[string]int8{"偏差": 2, "浮动": 2, "相差": 2, "增长": 1}

// node is a trie of the lexicon.
type node struct {
	next map[rune]*node
	e    *entry
}

var words = buildLexicon()

func buildLexicon() *node {
	root := &node{next: map[rune]*node{}}
	add := func(s string, e entry) {
		n := root
		for _, c := range s {
			if n.next == nil {
				n.next = map[rune]*node{}
			}
			m, ok := n.next[c]
			if !ok {
				m = &node{}
				n.next[c] = m
			}
			n = m
		}
		if n.e != nil {
			panic("prose: the lexicon lists " + s + " twice") // a programmer's error, caught by any test
		}
		ec := e
		n.e = &ec
	}
	for _, o := range ops {
		for _, w := range o.words {
			add(w, entry{k: kOp, w: w, op: o.op, side: o.side})
		}
	}
	for canon, ws := range lexicon {
		for _, w := range ws {
			add(w, entry{k: kWord, w: canon, side: canonSide[canon]})
		}
	}
	for _, v := range verbs {
		for _, w := range v.words {
			add(w, entry{k: kWord, w: "verb:" + w, side: v.side})
		}
	}
	return root
}

// longest finds the longest lexicon word at s[i:].
func longest(s []rune, i int) (n int, e *entry) {
	nd := words
	for j := i; j < len(s); j++ {
		m, ok := nd.next[s[j]]
		if !ok {
			break
		}
		nd = m
		if nd.e != nil {
			n, e = j-i+1, nd.e
		}
		if nd.next == nil {
			break
		}
	}
	return n, e
}

// units that may follow a number, longest first when matched.
var unitList = []string{
	"个百分点", "百分点", "个工作日", "工作日", "个季度", "季度", "个月", "分钟", "小时", "天", "日", "周",
	"月", "年度", "年", "周岁", "岁", "万人次", "人次", "万人", "人", "万户", "户", "期", "个", "项", "次",
	"起", "家", "件", "名", "位", "元", "万元", "亿元", "亩", "万亩", "公顷", "平方公里", "公里", "千米",
	"米", "平方米", "立方米", "吨", "万吨", "头", "万头", "只", "场次", "场", "座", "所", "台", "套", "篇",
	"批", "条", "张", "份", "册", "本", "处", "辆", "架", "艘", "株", "棵", "分", "号", "号令", "例", "宗",
	"万", "亿", "千克", "公斤", "斤", "人天", "床", "张床", "间", "栋", "座次", "课时", "学时", "门",
}

var unitTrie = func() *node {
	root := &node{next: map[rune]*node{}}
	for _, u := range unitList {
		n := root
		for _, c := range u {
			if n.next == nil {
				n.next = map[rune]*node{}
			}
			m, ok := n.next[c]
			if !ok {
				m = &node{}
				n.next[c] = m
			}
			n = m
		}
		n.e = &entry{w: u}
	}
	return root
}()

// lexer turns the normalised text into tokens.
type lexer struct {
	x    *text
	ctx  *Context
	unit []rune // the indicator's unit, normalised
	toks []tok
}

func lex(x *text, ctx *Context) []tok {
	l := &lexer{x: x, ctx: ctx, toks: make([]tok, 0, len(x.norm)/2+1)}
	if ctx.Unit != "" && ctx.Unit != "%" {
		var u text
		u.orig = []rune(ctx.Unit)
		u.normalize()
		l.unit = u.norm
	}
	l.run()
	for i := range l.toks {
		if t := &l.toks[i]; t.k == kText && t.w == "" {
			t.w = string(x.norm[t.s:t.e])
		}
	}
	return l.toks
}

func (l *lexer) add(t tok) {
	// Unknown characters run together into one text token.
	if t.k == kText && len(l.toks) > 0 {
		if p := &l.toks[len(l.toks)-1]; p.k == kText && p.e == t.s {
			p.e = t.e
			p.w = "" // filled once the run ends
			return
		}
	}
	l.toks = append(l.toks, t)
}

func (l *lexer) run() {
	s := l.x.norm
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == labelRune:
			l.add(tok{k: kLabel, s: i, e: i + 1})
			i++
		case isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isDigit(s[i-1])):
			i = l.number(i)
		case c == '(' && l.markAt(i) > 0:
			i = l.mark(i)
		case strings.ContainsRune(",;。\n:、!?！？", c):
			l.add(tok{k: kSep, s: i, e: i + 1, w: string(c)})
			i++
		default:
			if n, e := longest(s, i); n > 0 && !l.splitsNumeral(i, n) {
				t := tok{k: e.k, s: i, e: i + n, w: e.w, op: e.op, side: e.side}
				if strings.HasPrefix(e.w, "verb:") {
					t.w = e.w[len("verb:"):]
				}
				// 到位率, 达标率, 合格率: a word before 率 names a rate, the subject.
				if i+n < len(s) && s[i+n] == '率' && e.k == kWord && e.w != "完成率" {
					l.add(tok{k: kText, s: i, e: i + n + 1, w: string(s[i : i+n+1])})
					i += n + 1
					continue
				}
				l.add(t)
				i += n
				continue
			}
			if n := l.chineseNumber(i); n > 0 {
				i = n
				continue
			}
			if isHan(c) || isLatin(c) || c == '·' {
				l.add(tok{k: kText, s: i, e: i + 1, w: string(c)})
			} else {
				l.add(tok{k: kSym, s: i, e: i + 1, w: string(c)})
			}
			i++
		}
	}
}

// splitsNumeral reports whether a word found at i would swallow the start of a Chinese
// numeral meant as a number ("一个百分点" is not the word 一个…).
func (l *lexer) splitsNumeral(i, n int) bool {
	if !strings.ContainsRune("一二两三四五六七八九十零", l.x.norm[i]) {
		return false
	}
	return l.chineseLen(i) >= n
}

// number reads digits, a point, thousands separators, then a unit.
func (l *lexer) number(i int) int {
	s := l.x.norm
	start := i
	var b strings.Builder
	for i < len(s) && isDigit(s[i]) {
		b.WriteRune(s[i])
		i++
		// 217,100: a comma followed by exactly three digits inside a number.
		if i+3 < len(s)+1 && i < len(s) && s[i] == ',' && b.Len() <= 12 && threeDigits(s, i+1) {
			i++
		}
	}
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		b.WriteRune('.')
		i++
		for i < len(s) && isDigit(s[i]) {
			b.WriteRune(s[i])
			i++
		}
	} else if i < len(s) && s[i] == '.' && start == i {
		b.WriteString("0.")
		i++
		for i < len(s) && isDigit(s[i]) {
			b.WriteRune(s[i])
			i++
		}
	}
	v, ok := parseDec(b.String())
	t := tok{k: kNum, s: start, val: v}
	if !ok {
		t.k = kText // a number too long to mean anything
		t.e = i
		t.w = string(s[start:i])
		l.add(t)
		return i
	}
	i = l.unitAfter(&t, i)
	t.e = i
	l.add(t)
	return i
}

func threeDigits(s []rune, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return i+3 == len(s) || !isDigit(s[i+3]) && s[i+3] != '.'
}

// unitAfter reads the unit after a number at s[i:]: %, the indicator's own unit (with 万 or
// a per-unit tail such as "/月·人"), or a known unit. 万 and 亿 multiply unless the
// indicator's unit carries them.
func (l *lexer) unitAfter(t *tok, i int) int {
	s := l.x.norm
	if i < len(s) && (s[i] == '%' || s[i] == '‰') {
		t.pct = s[i] == '%'
		if s[i] == '‰' {
			t.unit = "‰"
		}
		return i + 1
	}
	// The indicator's own unit first: "52.6万亩" is 52.6 when the unit is 万亩.
	best := ""
	if len(l.unit) > 0 && hasPrefixRunes(s[i:], l.unit) {
		best = string(l.unit)
	}
	if best == "" {
		nd := unitTrie
		for j := i; j < len(s); j++ {
			m, ok := nd.next[s[j]]
			if !ok {
				break
			}
			nd = m
			if nd.e != nil {
				best = nd.e.w
			}
			if nd.next == nil {
				break
			}
		}
	}
	n := len([]rune(best))
	// A unit must not swallow the start of a longer word: "5分值" is no score, "30日内" keeps 内.
	if best != "" && best != string(l.unit) {
		if k, e := longest(s, i); k > n && e != nil && e.k == kWord {
			best, n = "", 0
		}
	}
	u := best
	if u != "" && u != string(l.unit) {
		for _, m := range []struct {
			prefix string
			shift  int
		}{{"万", -4}, {"亿", -8}} {
			if strings.HasPrefix(u, m.prefix) {
				v, ok := t.val.shift(m.shift)
				if ok {
					t.val = v
					u = strings.TrimPrefix(u, m.prefix)
				}
			}
		}
	}
	i += n
	// A per-unit tail of the indicator's unit: "167/月·人" for 元/月·人.
	if k := strings.IndexRune(string(l.unit), '/'); k >= 0 {
		tail := []rune(string(l.unit)[k:])
		if hasPrefixRunes(s[i:], tail) {
			i += len(tail)
			u = string(l.unit)
		}
	}
	if u == "百分点" {
		u = "个百分点"
	}
	if u == "个百分点" {
		t.pct = true
	}
	if u == string(l.unit) && len(l.unit) > 0 && u != "分" {
		u = "=" // the indicator's own unit; 分 stays a score, whatever the indicator measures
	}
	t.unit = u
	return i
}

func hasPrefixRunes(s, p []rune) bool {
	if len(p) == 0 || len(s) < len(p) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// markAt is the length of a (含) or (不含) mark at s[i], "（含5%）" included, or 0.
func (l *lexer) markAt(i int) int {
	s := l.x.norm
	j := i + 1
	if j < len(s) && s[j] == '不' {
		j++
	}
	if j >= len(s) || s[j] != '含' {
		return 0
	}
	j++
	v := j
	for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == '%' || s[j] == '±') {
		j++
	}
	// "（含5天）": a unit after a value; "（含税）" is no mark.
	for j > v && j < len(s) && j < i+12 && s[j] != ')' && isHan(s[j]) {
		j++
	}
	if j < len(s) && s[j] == ')' {
		return j + 1 - i
	}
	return 0
}

func (l *lexer) mark(i int) int {
	s := l.x.norm
	n := l.markAt(i)
	t := tok{k: kWord, w: "含", s: i, e: i + n, mark: 1}
	j := i + 1
	if s[j] == '不' {
		t.mark = -1
		j++
	}
	j++ // 含
	if j < len(s) && s[j] == '±' {
		j++
	}
	k := j
	for k < len(s) && (isDigit(s[k]) || s[k] == '.') {
		k++
	}
	if k > j {
		if v, ok := parseDec(string(s[j:k])); ok {
			t.val, t.has = v, true
		}
	}
	l.add(t)
	return i + n
}

// chineseLen is the length of a Chinese numeral at i meant as a number: it is followed by a
// unit ("一个百分点", "三期", "零分") and is not a list number (二、).
func (l *lexer) chineseLen(i int) int {
	s := l.x.norm
	str := string(s[i:min(len(s), i+8)])
	_, nb, ok := num.LeadingChinese(str)
	if !ok {
		return 0
	}
	n := len([]rune(str[:nb]))
	j := i + n
	if j >= len(s) || s[j] == '、' {
		return 0
	}
	if j < len(s) && s[j] == '个' && j+1 < len(s) && !strings.ContainsRune("百工月季", s[j+1]) {
		return n // 一个 + noun: a count
	}
	nd := unitTrie
	if _, ok := nd.next[s[j]]; ok || s[j] == '%' {
		return n
	}
	return 0
}

func (l *lexer) chineseNumber(i int) int {
	s := l.x.norm
	// 百分之九十五: a percentage in words.
	if hasPrefixRunes(s[i:], []rune("百分之")) {
		str := string(s[i+3 : min(len(s), i+11)])
		if v, nb, ok := num.LeadingChinese(str); ok {
			if d, ok := decOf(v); ok {
				n := len([]rune(str[:nb]))
				l.add(tok{k: kNum, s: i, e: i + 3 + n, val: d, pct: true, cn: true})
				return i + 3 + n
			}
		}
	}
	n := l.chineseLen(i)
	if n == 0 {
		return 0
	}
	v, _, _ := num.LeadingChinese(string(s[i : i+n]))
	d, ok := decOf(v)
	if !ok {
		return 0
	}
	t := tok{k: kNum, s: i, val: d, cn: true}
	j := l.unitAfter(&t, i+n)
	t.e = j
	l.add(t)
	return j
}

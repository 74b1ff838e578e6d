package rules

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// cmp is one comparison of the variable with a number: x op value.
type cmp struct {
	op    string // >=, >, <=, <, ==, !=
	value float64
	rate  bool // x is rate, else actual
}

func (c cmp) String() string {
	v := "actual"
	if c.rate {
		v = "rate"
	}
	return v + " " + c.op + " " + fmtNum(c.value)
}

// complement is the comparison that holds exactly where c does not.
func (c cmp) complement() cmp {
	flip := map[string]string{">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "=="}
	return cmp{op: flip[c.op], value: c.value, rate: c.rate}
}

// mirror turns "value op x" into "x op' value".
func mirror(op string) string {
	switch op {
	case ">":
		return "<"
	case ">=":
		return "<="
	case "<":
		return ">"
	case "<=":
		return ">="
	}
	return op
}

type tokKind int

const (
	tNum tokKind = iota
	tOp
	tWord
	tRange
	tOr
	tPrefix // a word operator before a number: 不低于, 达到, 低于…
	tSuffix // a word operator after a number: 以上, 以下, 以内
)

type token struct {
	kind    tokKind
	text    string
	op      string
	value   float64
	percent bool
	within  bool // a number followed by 年内, 个月内…: a time qualifier, not a threshold
	// bound is how a range's end is marked: '[' (含), '(' (不含), 0 unmarked.
	bound rune
}

var prefixOps = []struct{ word, op string }{
	{"大于或等于", ">="}, {"大于等于", ">="}, {"不低于", ">="}, {"不少于", ">="}, {"不小于", ">="}, {"至少", ">="},
	{"小于或等于", "<="}, {"小于等于", "<="}, {"不高于", "<="}, {"不超过", "<="}, {"不大于", "<="}, {"不多于", "<="}, {"至多", "<="},
	{"未达到", "<"}, {"没有达到", "<"}, {"未满", "<"}, {"不足", "<"}, {"低于", "<"}, {"小于", "<"}, {"少于", "<"},
	{"达到", ">="}, {"高于", ">"}, {"大于", ">"}, {"超过", ">"}, {"多于", ">"}, {"等于", "=="},
}

var suffixOps = []struct{ word, op string }{
	{"(含)以上", ">="}, {"及以上", ">="}, {"以上", ">="}, {"(含)以下", "<="}, {"及以下", "<="}, {"以下", "<="},
	{"及以内", "<="}, {"以内", "<="},
}

var withinWords = []string{"年内", "个月内", "月内", "日内", "天内", "周内", "个工作日内", "工作日内", "小时内"}

// tokenize cuts a condition into numbers, operators and words.
func tokenize(s []rune) []token {
	var out []token
	word := []rune{}
	flush := func() {
		if len(word) > 0 {
			out = append(out, token{kind: tWord, text: string(word)})
			word = word[:0]
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		rest := string(s[i:])
		// Numbers.
		if c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			flush()
			j := i
			var b strings.Builder
			for j < len(s) {
				switch {
				case s[j] >= '0' && s[j] <= '9', s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
					b.WriteRune(s[j])
					j++
					continue
				case s[j] == ',' && threeDigitsAt(s, j+1):
					j++
					continue
				}
				break
			}
			digits := b.String()
			if j < len(s) && (s[j] == '万' || s[j] == '亿') { // a multiplier, applied exactly
				if s[j] == '万' {
					digits += "e4"
				} else {
					digits += "e8"
				}
				j++
			}
			v, err := strconv.ParseFloat(digits, 64)
			if err != nil || math.Abs(v) > 1e15 { // no threshold is this large: leave it unread
				word = append(word, s[i:j]...)
				i = j
				continue
			}
			t := token{kind: tNum, value: v}
			if j < len(s) && (s[j] == '%' || s[j] == '‰') {
				t.percent = s[j] == '%'
				if s[j] == '‰' {
					t.value /= 10
					t.percent = true
				}
				j++
			}
			// (含) or (不含) at an end of a range: "80%(含)-90%", "80%-90%(含)".
			for _, m := range [...]struct {
				word  string
				bound rune
			}{{"(含)", '['}, {"(不含)", '('}} {
				if !strings.HasPrefix(string(s[j:]), m.word) {
					continue
				}
				k := j + len([]rune(m.word))
				lower := k < len(s) && strings.ContainsRune("-~至到", s[k])
				upper := len(out) > 0 && out[len(out)-1].kind == tRange
				if lower || upper {
					t.bound, j = m.bound, k
				}
			}
			after := string(s[j:])
			for _, w := range withinWords {
				if strings.HasPrefix(after, w) || strings.HasPrefix(strings.TrimLeft(after, "个"), w) {
					t.within = true
				}
			}
			out = append(out, t)
			i = j
			// A suffix operator right after the number (unit words may stand between).
			k := j
			for k < len(s) && k-j <= 4 && !isOpRune(s[k]) && !(s[k] >= '0' && s[k] <= '9') {
				matched := false
				for _, so := range suffixOps {
					if strings.HasPrefix(string(s[k:]), so.word) {
						if k > j {
							out = append(out, token{kind: tWord, text: string(s[j:k])})
						}
						out = append(out, token{kind: tSuffix, op: so.op, text: so.word})
						i = k + len([]rune(so.word))
						matched = true
						break
					}
				}
				if matched {
					break
				}
				k++
			}
			continue
		}
		// Sign operators.
		if isOpRune(c) {
			flush()
			op, n := signOp(s[i:])
			out = append(out, token{kind: tOp, op: op})
			i += n
			continue
		}
		// Ranges between numbers: 90%-95%, 90%~95%, 90%至95%.
		if (c == '-' || c == '~' || c == '至' || c == '到') && len(out) > 0 && out[len(out)-1].kind == tNum && len(word) == 0 &&
			i+1 < len(s) && (s[i+1] >= '0' && s[i+1] <= '9') {
			out = append(out, token{kind: tRange})
			i++
			continue
		}
		if strings.HasPrefix(rest, "或者") || c == '或' {
			flush()
			out = append(out, token{kind: tOr})
			if strings.HasPrefix(rest, "或者") {
				i += 2
			} else {
				i++
			}
			continue
		}
		matched := false
		for _, po := range prefixOps {
			if strings.HasPrefix(rest, po.word) {
				flush()
				out = append(out, token{kind: tPrefix, op: po.op, text: po.word})
				i += len([]rune(po.word))
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		word = append(word, c)
		i++
	}
	flush()
	return out
}

func isOpRune(c rune) bool {
	return c == '≥' || c == '≤' || c == '>' || c == '<' || c == '=' || c == '≠' || c == '!'
}

// signOp reads ≥ ≤ > < = ≠ and their two-character forms.
func signOp(s []rune) (string, int) {
	two := ""
	if len(s) > 1 {
		two = string(s[:2])
	}
	switch two {
	case ">=", "=>":
		return ">=", 2
	case "<=", "=<":
		return "<=", 2
	case "==":
		return "==", 2
	case "!=":
		return "!=", 2
	}
	switch s[0] {
	case '≥':
		return ">=", 1
	case '≤':
		return "<=", 1
	case '>':
		return ">", 1
	case '<':
		return "<", 1
	case '≠', '!':
		return "!=", 1
	}
	return "==", 1
}

// comparisons reads the comparisons of one group of tokens (no 或 inside).
func (r *reader) comparisons(toks []token) ([]cmp, bool) {
	used := make([]bool, len(toks))
	var out []cmp
	num := func(i int, op string) {
		t := toks[i]
		c := cmp{op: op, value: t.value}
		if r.rateMode && t.percent {
			c.rate, c.value = true, round6(t.value/100)
		}
		out = append(out, c)
		used[i] = true
	}
	nextNum := func(i int) int { // the next number after i, over words only
		for j := i + 1; j < len(toks); j++ {
			switch toks[j].kind {
			case tNum:
				if used[j] {
					return -1
				}
				return j
			case tWord:
				continue
			}
			return -1
		}
		return -1
	}
	// leftNum is the unused number just before position i, over at most a short unit word
	// ("4期>…"), or -1.
	leftNum := func(i int) int {
		switch {
		case i > 0 && toks[i-1].kind == tNum && !used[i-1]:
			return i - 1
		case i > 1 && toks[i-1].kind == tWord && len([]rune(toks[i-1].text)) <= 4 && toks[i-2].kind == tNum && !used[i-2]:
			return i - 2
		}
		return -1
	}
	for i, t := range toks {
		switch t.kind {
		case tOp:
			left := leftNum(i)
			subjectRight := i+1 < len(toks) && (toks[i+1].kind == tWord || toks[i+1].kind == tOp)
			if left >= 0 && (subjectRight || nextNum(i) < 0) {
				num(left, mirror(t.op)) // 99.22% > 参保率, 4期>支付期数
			} else if j := nextNum(i); j >= 0 {
				num(j, t.op) // 参保率 ≥ 99.22%, ≤项目进度80%
			} else if left >= 0 {
				num(left, mirror(t.op))
			} else {
				return nil, false
			}
		case tPrefix:
			if j := nextNum(i); j >= 0 {
				num(j, t.op)
			}
		case tSuffix:
			if i > 0 && toks[i-1].kind == tNum && !used[i-1] {
				num(i-1, t.op)
			} else if i > 1 && toks[i-1].kind == tWord && toks[i-2].kind == tNum && !used[i-2] {
				num(i-2, t.op)
			}
		case tRange:
			if i > 0 && i+1 < len(toks) && toks[i-1].kind == tNum && toks[i+1].kind == tNum && !used[i-1] && !used[i+1] {
				lo, hi := ">=", "<" // unmarked: the lower end in, the upper out
				if toks[i-1].bound == '(' {
					lo = ">"
				}
				if toks[i+1].bound == '[' {
					hi = "<="
				}
				num(i-1, lo)
				num(i+1, hi)
			}
		}
	}
	// Numbers left over: a bare threshold ("完成100%": at least 100 %), unless it is a time
	// qualifier beside another number ("1年内完成100%").
	var bare []int
	numbers := 0
	for i, t := range toks {
		if t.kind == tNum {
			numbers++
			if !used[i] {
				bare = append(bare, i)
			}
		}
	}
	var kept []int
	for _, i := range bare {
		if toks[i].within && numbers > 1 {
			continue
		}
		kept = append(kept, i)
	}
	if len(kept) > 1 {
		return nil, false // several numbers with no operator: not read
	}
	for _, i := range kept {
		if toks[i].within {
			num(i, "<=")
		} else {
			num(i, ">=")
		}
	}
	return out, true
}

// The words that stand for a condition without a number.
var (
	elseWords       = []string{"其他", "其它", "其余", "否则", "以外"}
	notStartedWords = []string{"未开展", "未实施", "未启动", "未执行", "没有开展", "未发放", "未支付", "未投入", "未开工"}
	partialWords    = []string{"未全部", "未完全", "部分完成", "部分到位", "部分投入"}
	negativeWords   = []string{"未达到", "未达标", "不到位", "不按时", "未按时", "未完成", "不达标", "没有达到", "没达到", "未足额", "不足额", "未能", "未到位", "不及时", "未及时", "超期", "逾期"}
	positiveWords   = []string{"全部", "到位", "按时", "足额", "达标", "完成", "达到", "实现", "全覆盖", "及时"}
	qualityLabels   = []string{"未达成", "部分达成", "基本达成", "达成", "未完成", "部分完成", "基本完成", "完成", "不合格", "合格", "较差", "一般", "较好", "良好", "优秀", "差", "好"}
)

func isNotStarted(s string) bool { return containsAny(s, notStartedWords) }

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// condition reads a clause's condition as an expression.
// unmodelled are words that tie a condition to something the reader does not model: a
// per-unit deduction it could not read ("每季度…", "扣…"), dates and delays, events that
// happen or not (安全事故), several quantities at once ("均达到"). A condition with one of
// them is left unread rather than read as a condition on the actual value.
var unmodelled = []string{"每", "扣", "延期", "逾期", "个月", "日前", "月前", "月底", "年底",
	"发生", "出现", "均达", "均在", "均为", "均不", "都达", "都在", "同时"}

// lastYearWords compare with last year's value; a criterion that speaks of it is not read.
var lastYearWords = []string{"上年", "去年", "上一年", "前一年", "同比", "环比"}

func (r *reader) condition(c clause, last bool) (string, bool) {
	text := []rune(stripNumbering(string(r.norm[c.condFrom:c.condTo])))
	if containsAny(string(text), unmodelled) {
		return "", false
	}
	if r.ctx.Text {
		if w, ok := textCondition(string(text)); ok {
			return w, true
		}
		if containsAny(string(text), elseWords) || len(text) == 0 && last {
			return "true", true
		}
		return "", false
	}
	toks := tokenize(text)
	var groups [][]cmp
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i == len(toks) || toks[i].kind == tOr {
			g, ok := r.comparisons(toks[start:i])
			if !ok {
				return "", false
			}
			if len(g) > 0 {
				groups = append(groups, g)
			}
			start = i + 1
		}
	}
	if len(groups) == 0 {
		g, ok := r.keywords(string(text), c, last)
		if !ok {
			return "", false
		}
		if g == nil {
			r.prev = nil
			return "true", true
		}
		groups = [][]cmp{g}
	}
	if len(groups) == 1 {
		r.prev = groups[0]
	} else {
		r.prev = nil
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = render(g)
		if len(groups) > 1 && len(g) > 1 {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, " || "), true
}

// keywords reads a condition that has no number: "未开展", "未全部完成", "资金全部拨付到位",
// a qualitative label, "其他情况". A nil result with true means "always".
func (r *reader) keywords(text string, c clause, last bool) ([]cmp, bool) {
	t := r.ctx.Target
	rate := !r.ctx.Percent
	limit := func(op string) (cmp, bool) {
		if rate {
			return cmp{op: op, value: 1, rate: true}, true
		}
		if math.IsNaN(t) {
			return cmp{}, false
		}
		return cmp{op: op, value: t}, true
	}
	switch {
	case containsAny(text, elseWords):
		return nil, true
	case c.deduction != nil && strings.TrimSpace(text) == "":
		// Counted from the bound of the full-marks tier before it, where that is one
		// threshold on the side the deduction runs from, in units the step can measure.
		if d := c.deduction; len(r.prev) == 1 {
			p := r.prev[0]
			lower := p.op == ">=" || p.op == ">"
			upper := p.op == "<=" || p.op == "<"
			if (d.below && lower || !d.below && upper) && (!p.rate || d.points) && !d.rel {
				d.from = &p
				return []cmp{p.complement()}, true
			}
		}
		op := "<"
		if !c.deduction.below {
			op = ">"
		}
		x, ok := limit(op)
		return []cmp{x}, ok
	case isNotStarted(text):
		return []cmp{{op: "<=", value: 0, rate: rate}}, true
	case containsAny(text, partialWords):
		x, ok := limit("<")
		if r.zeroTier {
			return []cmp{{op: ">", value: 0, rate: rate}, x}, ok
		}
		return []cmp{x}, ok
	case containsAny(text, negativeWords) || strings.HasPrefix(text, "不") || strings.HasPrefix(text, "未"):
		if len(r.prev) == 1 {
			return []cmp{r.prev[0].complement()}, true
		}
		x, ok := limit("<")
		return []cmp{x}, ok
	case containsAny(text, positiveWords):
		x, ok := limit(">=")
		return []cmp{x}, ok
	case strings.Trim(text, "的者时则即得,") == "" && last:
		return nil, true
	}
	return nil, false
}

// textCondition reads a qualitative label as a condition on the actual value's text.
func textCondition(text string) (string, bool) {
	for _, l := range qualityLabels {
		if strings.Contains(text, l) {
			if len([]rune(l)) == 1 {
				return "text == '" + l + "'", true
			}
			return "text startsWith '" + l + "'", true
		}
	}
	return "", false
}

// render writes comparisons joined by &&, lower bounds first.
func render(g []cmp) string {
	rank := func(c cmp) int {
		switch c.op {
		case ">=", ">":
			return 0
		case "<=", "<":
			return 1
		}
		return 2
	}
	sorted := append([]cmp(nil), g...)
	sort.SliceStable(sorted, func(i, j int) bool { return rank(sorted[i]) < rank(sorted[j]) })
	parts := make([]string, len(sorted))
	for i, c := range sorted {
		parts[i] = c.String()
	}
	return strings.Join(parts, " && ")
}

// stripNumbering drops a clause's leading number: "1." "2、" "(3)" "（4）" "①" "一、".
func stripNumbering(s string) string {
	r := []rune(s)
	i := 0
	switch {
	case len(r) > 0 && r[0] >= '①' && r[0] <= '⑳':
		return string(r[1:])
	case len(r) > 0 && (r[0] == '(' || r[0] == '（'):
		for i = 1; i < len(r) && r[i] >= '0' && r[i] <= '9'; i++ {
		}
		if i > 1 && i < len(r) && (r[i] == ')' || r[i] == '）') {
			return string(r[i+1:])
		}
	case len(r) > 0 && r[0] >= '0' && r[0] <= '9':
		for i = 0; i < len(r) && r[i] >= '0' && r[i] <= '9'; i++ {
		}
		if i < len(r) && (r[i] == '.' || r[i] == '、' || r[i] == ')') && (i+1 == len(r) || r[i+1] < '0' || r[i+1] > '9') {
			return string(r[i+1:])
		}
	default:
		for i = 0; i < len(r) && strings.ContainsRune("一二三四五六七八九十", r[i]); i++ {
		}
		if i > 0 && i < len(r) && r[i] == '、' {
			return string(r[i+1:])
		}
	}
	return s
}

package prose

import (
	"strings"
	"unicode"
)

// labelRune stands in the normalised text for a list label ("1. ", "①", "（1）", "一、",
// "A.", "A档"), so that its digits are never read as a number.
const labelRune = '\uE000'

// text is a criterion and its normalised form: half-width ASCII signs, simplified
// characters, operators as one rune, blanks dropped, list labels as labelRune. at[i] and
// to[i] are where the i-th normalised rune came from: orig[at[i]:to[i]].
type text struct {
	orig []rune
	norm []rune
	at   []int
	to   []int
}

func (t *text) emit(r rune, from, to int) {
	t.norm = append(t.norm, r)
	t.at = append(t.at, from)
	t.to = append(t.to, to)
}

// span is the original text under normalised runes [from, to).
func (t *text) span(from, to int) Span {
	if from >= to || from >= len(t.at) {
		if from < len(t.at) {
			return Span{t.at[from], t.at[from]}
		}
		return Span{len(t.orig), len(t.orig)}
	}
	return Span{t.at[from], t.to[to-1]}
}

// tex are the TeX commands PDF extraction leaves in criteria.
var tex = []struct {
	cmd string
	to  rune
}{
	{`\geqslant`, '≥'}, {`\leqslant`, '≤'}, {`\geq`, '≥'}, {`\leq`, '≤'}, {`\ge`, '≥'}, {`\le`, '≤'},
	{`\gt`, '>'}, {`\lt`, '<'}, {`\neq`, '≠'}, {`\ne`, '≠'}, {`\times`, '×'}, {`\div`, '÷'},
	{`\pm`, '±'}, {`\%`, '%'}, {`\left`, 0}, {`\right`, 0}, {`\,`, 0}, {`\;`, 0}, {`\ `, 0},
}

// signs maps signs to the one form the lexer knows.
func sign(c rune) rune {
	switch {
	case c >= 0xFF01 && c <= 0xFF5E: // full-width ASCII
		c -= 0xFEE0
	case c == 0x3000:
		c = ' '
	}
	switch c {
	case '≧', '⩾':
		return '≥'
	case '≦', '⩽':
		return '≤'
	case '═', '〓':
		return '='
	case '—', '–', '―', '─', '━', '‒', '−':
		return '-'
	case '〜', '∼', '～':
		return '~'
	case '【', '〔', '［':
		return '['
	case '】', '〕', '］':
		return ']'
	case '“', '”', '„', '「', '」', '『', '』':
		return '"'
	case '‘', '’':
		return '\''
	case '∶':
		return ':'
	case '．':
		return '.'
	case '﹪':
		return '%'
	case '✕', '╳', '⨉':
		return '×'
	case '∣', '｜':
		return '|'
	}
	if s, ok := simplified[c]; ok {
		return s
	}
	return c
}

// normalize builds t.norm from t.orig.
func (t *text) normalize() {
	o := t.orig
	t.norm = make([]rune, 0, len(o))
	t.at = make([]int, 0, len(o))
	t.to = make([]int, 0, len(o))
	lineStart := true // at the start of the text or after a hard separator: a label may follow
	for i := 0; i < len(o); i++ {
		c := o[i]
		if lineStart {
			j := i
			for j < len(o) && isBlank(o[j]) {
				j++
			}
			if n := labelLen(o[j:]); n > 0 {
				end := j + n
				for end < len(o) && isBlank(o[end]) && o[end] != '\n' {
					end++
				}
				t.emit(labelRune, j, end)
				i = end - 1
				lineStart = false
				continue
			}
		}
		if c == '\\' {
			if n, to, ok := texAt(o[i:]); ok {
				if to != 0 {
					t.emit(to, i, i+n)
				}
				i += n - 1
				continue
			}
		}
		if c == '\n' || c == '\r' || c == '\u2028' {
			if t.lineBreakInside(i) {
				continue
			}
			t.emit('\n', i, i+1)
			lineStart = true
			continue
		}
		if isBlank(c) || c == '$' || c == '\u200b' || c == '\ufeff' {
			continue
		}
		c = sign(c)
		if c == ' ' {
			continue
		}
		// An OCR 二 for = after 得分 in a formula: "得分二修复率*分值". As a list number (二、) it
		// stands at the start of a line and was taken as a label above.
		if c == '二' && t.endsWith("得分") && formulaAhead(o[i+1:]) {
			c = '='
		}
		t.emit(c, i, i+1)
		lineStart = c == ';' || c == '。' || c == '\n'
	}
	t.twoCharSigns()
}

func isBlank(c rune) bool {
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\v' || c == '\f' || unicode.IsSpace(c) && c != '\n' && c != '\r' && c != '\u2028'
}

func (t *text) endsWith(s string) bool {
	rs := []rune(s)
	if len(t.norm) < len(rs) {
		return false
	}
	return string(t.norm[len(t.norm)-len(rs):]) == s
}

// formulaAhead reports whether a product or quotient follows before the clause ends.
func formulaAhead(rest []rune) bool {
	for _, c := range rest {
		switch sign(c) {
		case '×', '*', '/', '÷':
			return true
		case ';', '。', '\n', ',':
			return false
		}
	}
	return false
}

func texAt(s []rune) (n int, to rune, ok bool) {
	for _, x := range tex {
		if len(s) >= len(x.cmd) && string(s[:len(x.cmd)]) == x.cmd {
			// \le must not be the start of \left: the longer commands come first in tex, and a
			// command must not run on into letters.
			if len(s) > len(x.cmd) && isLatin(s[len(x.cmd)]) && isLatin(rune(x.cmd[len(x.cmd)-1])) {
				continue
			}
			return len(x.cmd), x.to, true
		}
	}
	return 0, 0, false
}

func isLatin(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lineBreakInside reports whether the line break at orig[i] falls inside a word or a number
// ("每降低1个百\n分点", "9\n5%") rather than between clauses.
func (t *text) lineBreakInside(i int) bool {
	p := len(t.norm) - 1
	if p < 0 {
		return false
	}
	prev := t.norm[p]
	j := i + 1
	for j < len(t.orig) && (isBlank(t.orig[j]) || t.orig[j] == '\r') {
		j++
	}
	if j >= len(t.orig) {
		return false
	}
	next := sign(t.orig[j])
	if labelLen(t.orig[j:]) > 0 || scoreFirstAhead(t.orig[j:]) {
		return false
	}
	if isHan(prev) && isHan(next) {
		return true
	}
	return isDigit(prev) && isDigit(next)
}

// scoreFirstAhead reports whether a line starts with a score ("6分：", "9—10分：").
func scoreFirstAhead(s []rune) bool {
	i := 0
	for i < len(s) && (isDigit(sign(s[i])) || sign(s[i]) == '.' || sign(s[i]) == '-' || sign(s[i]) == '~') {
		i++
	}
	return i > 0 && i < len(s) && s[i] == '分'
}

func isHan(c rune) bool { return unicode.Is(unicode.Han, c) }

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

// labelLen is the length of a list label at the start of s, or 0: "1." "1、" "(1)" "（1）" "①"
// "一、" "A." "A、" "A档" "第一," and a lone capital before Chinese text ("C存在…").
func labelLen(s []rune) int {
	if len(s) == 0 {
		return 0
	}
	c := sign(s[0])
	switch {
	case c >= '①' && c <= '⑳', c >= '⑴' && c <= '⒇', c >= '❶' && c <= '❿', c >= '⒈' && c <= '⒛':
		return 1
	case isDigit(c):
		i := 0
		for i < len(s) && isDigit(sign(s[i])) {
			i++
		}
		if i > 2 || i >= len(s) {
			return 0
		}
		d := sign(s[i])
		if d == '、' {
			return i + 1
		}
		// "1. 接种率" and "2. 90%": a point followed by a blank or by Chinese; "1.5分" is a number.
		if d == '.' && i+1 < len(s) && (isBlank(s[i+1]) || isHan(sign(s[i+1]))) {
			return i + 1
		}
		if d == ')' && i+1 < len(s) {
			return i + 1
		}
		return 0
	case c == '(':
		i := 1
		for i < len(s) && i < 4 && (isDigit(sign(s[i])) || strings.ContainsRune(chineseNumerals, s[i])) {
			i++
		}
		if i > 1 && i < len(s) && sign(s[i]) == ')' {
			return i + 1
		}
		return 0
	case strings.ContainsRune(chineseNumerals, c):
		i := 0
		for i < len(s) && i < 3 && strings.ContainsRune(chineseNumerals, s[i]) {
			i++
		}
		if i < len(s) && (s[i] == '、' || s[i] == '是' && i+1 < len(s) && s[i+1] == '、') {
			return i + 1
		}
		return 0
	case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'e':
		if len(s) == 1 {
			return 0
		}
		d := sign(s[1])
		switch {
		case d == '.' || d == '、':
			return 2
		case s[1] == '档' || s[1] == '檔':
			return 2
		case c >= 'A' && c <= 'Z' && isHan(d) && !(len(s) > 2 && isLatin(s[2])):
			return 1
		}
	}
	return 0
}

const chineseNumerals = "一二三四五六七八九十"

// twoCharSigns folds ">=", "<=", "==", "!=", "=>" into one sign, and "--" into one.
func (t *text) twoCharSigns() {
	n := t.norm
	out := 0
	for i := 0; i < len(n); i++ {
		c := n[i]
		if i+1 < len(n) {
			d := n[i+1]
			var f rune
			switch {
			case c == '>' && d == '=', c == '=' && d == '>':
				f = '≥'
			case c == '<' && d == '=', c == '=' && d == '<':
				f = '≤'
			case c == '=' && d == '=':
				f = '='
			case c == '!' && d == '=':
				f = '≠'
			case c == '-' && d == '-':
				f = '—' // a dash of two: "8分——引进", never a range sign
			}
			if f != 0 {
				t.norm[out], t.at[out], t.to[out] = f, t.at[i], t.to[i+1]
				out++
				i++
				for f == '—' && i+1 < len(n) && n[i+1] == '-' {
					i++
					t.to[out-1] = t.to[i]
				}
				continue
			}
		}
		t.norm[out], t.at[out], t.to[out] = c, t.at[i], t.to[i]
		out++
	}
	t.norm, t.at, t.to = t.norm[:out], t.at[:out], t.to[:out]
}

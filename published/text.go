package published

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/layout"
)

// squash removes every blank: extraction breaks names into pieces ("城乡 居民 保劳 务派 遣经
// 费支 付期 数"), and a label or name reads whole without them.
func squash(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// key is a label as compared: blanks removed, full-width forms folded ("（一）" → "(一)"),
// quotation marks dropped (“三公” → 三公).
func key(s string) string {
	s = squash(num.Normalize(s))
	if strings.ContainsAny(s, "“”\"‘’'") {
		s = strings.Map(func(r rune) rune {
			switch r {
			case '“', '”', '"', '‘', '’', '\'':
				return -1
			}
			return r
		}, s)
	}
	return s
}

// amountRe is an amount as final-accounts tables print it: digits with optional thousands
// separators and decimals, perhaps negative.
var amountRe = regexp.MustCompile(`^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$`)

// parseAmount reads a table amount. Words, numerals written in Chinese and units are not
// amounts: a cell holding them is text.
func parseAmount(s string) (float64, bool) {
	s = squash(num.Normalize(s))
	if !amountRe.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// blankAmount reports whether a cell stands for no amount: empty, or a dash.
func blankAmount(s string) bool {
	switch squash(s) {
	case "", "-", "—", "－", "--", "——", "/":
		return true
	}
	return false
}

// field is a value as written, with where it stands.
type field struct {
	text string
	pos  indicators.Pos
}

func (f field) set() bool { return strings.TrimSpace(f.text) != "" }

func cellField(l layout.Line, i int) field {
	if i < 0 || i >= len(l.Cells) {
		return field{}
	}
	return field{text: l.Cells[i].Text, pos: l.Cells[i].Pos}
}

// para is a paragraph joined from the lines a page break or a narrow column cut it into,
// with the place of each line's first character, so that a match inside it can be placed.
type para struct {
	text string
	segs []paraSeg
}

type paraSeg struct {
	off int // byte offset in text
	pos indicators.Pos
}

// posAt is the position of the byte at offset off of the paragraph's text.
func (p *para) posAt(off int) indicators.Pos {
	if len(p.segs) == 0 {
		return indicators.Pos{}
	}
	s := p.segs[0]
	for _, seg := range p.segs[1:] {
		if seg.off > off {
			break
		}
		s = seg
	}
	pos := s.pos
	if off > len(p.text) {
		off = len(p.text)
	}
	if pos.Col > 0 && off >= s.off {
		pos.Col += utf8.RuneCountInString(p.text[s.off:off])
	}
	return pos
}

func (p *para) pos() indicators.Pos { return p.posAt(0) }

// itemStart is the start of a new item: numbering such as 1) 1、 1. (一) 一、, a part
// heading, or a note. A number with decimals (307.82 万元 at the start of a line) is not one.
var itemStart = regexp.MustCompile(`^\s*(\d+\s*(?:[)）、]|[.．](?:[^\d]|$))|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*、|第[一二三四五六七八九十]+部分|注\s*[:：])`)

// sentenceEnd is what ends a paragraph's last line.
// A closing bracket ends one too: "…共计 6880.00 万元。（《项目支出绩效自评表》详见附件一）".
const sentenceEnd = "。！？；：!?;:）)"

// paragraphs joins lines into paragraphs. A line runs on into the next when it does not end
// a sentence and the next does not start a new item; a short numbered heading ("(一) 产出指
// 标", "二、绩效分析") stands alone.
func paragraphs(lines []layout.Line) []*para {
	var out []*para
	var cur *para
	for _, l := range lines {
		text := strings.TrimSpace(l.Text())
		if text == "" {
			continue
		}
		if cur != nil && !itemStart.MatchString(text) && !heading(cur.text) && !endsSentence(cur.text) {
			sep := ""
			if last, _ := utf8.DecodeLastRuneInString(cur.text); isASCIIWord(last) {
				if first, _ := utf8.DecodeRuneInString(text); isASCIIWord(first) {
					sep = " "
				}
			}
			cur.text += sep
			cur.segs = append(cur.segs, paraSeg{off: len(cur.text), pos: l.Pos})
			cur.text += text
			continue
		}
		cur = &para{text: text, segs: []paraSeg{{off: 0, pos: l.Pos}}}
		out = append(out, cur)
	}
	return out
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(sentenceEnd, r)
}

// heading reports whether a paragraph is a short numbered heading without punctuation.
func heading(s string) bool {
	return itemStart.MatchString(s) && utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, "，,。；;")
}

func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// numbering is the numbering a row label or heading starts with: 一、 1. 1、 (1) （一） 其中：.
var numbering = regexp.MustCompile(`^\s*(其中\s*[:：]\s*)?([一二三四五六七八九十]+\s*、|\d+\s*[.、．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）])\s*`)

// splitNumbering returns a label's numbering ("一", "1", "(1)") and the rest.
func splitNumbering(label string) (string, string) {
	m := numbering.FindStringSubmatchIndex(label)
	if m == nil {
		rest := strings.TrimSpace(label)
		if r, ok := strings.CutPrefix(key(rest), "其中:"); ok {
			return "", r
		}
		return "", rest
	}
	n := key(label[m[4]:m[5]])
	n = strings.TrimRight(n, "、.．")
	n = strings.NewReplacer("（", "(", "）", ")").Replace(n)
	return n, strings.TrimSpace(label[m[1]:])
}

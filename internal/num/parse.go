package num

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quantity is a number read from text with what stood around it.
type Quantity struct {
	Value   float64 // the number, multipliers (万, 亿, 千) applied; a percentage stays in percent (98.67)
	Percent bool    // written with % (or ％)
	Unit    string  // what follows the number, trimmed: "人", "期", "元/月·人"; "" if none
	Prefix  string  // what stood before the number, trimmed
}

// Normalize maps full-width ASCII forms (０-９, ％, ，, ．, ＞…) and the ideographic space to
// their ASCII equivalents and trims space.
func Normalize(s string) string {
	// Most text needs no change: full-width forms are U+FF01–FF5E (EF BC 81 – EF BD 9E in
	// UTF-8) and the ideographic space is U+3000 (E3 80 80).
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xEF && i+1 < len(s) && (s[i+1] == 0xBC || s[i+1] == 0xBD) || c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

var multipliers = map[rune]float64{'十': 10, '百': 100, '千': 1e3, '万': 1e4, '亿': 1e8}

// ParseQuantity reads the one number in s, in any of the forms people write in a table:
// "217418", "217,418", "９８.６７％", "21.74万", "两千", "增长两千人", "≥266米". It reports false
// when s holds no number, or more than one.
func ParseQuantity(s string) (Quantity, bool) {
	s = Normalize(s)
	start, end, v, ok := findNumber(s)
	if !ok {
		return Quantity{}, false
	}
	if _, _, _, again := findNumber(s[end:]); again || !cleanEnds(s, start, end) {
		return Quantity{}, false
	}
	q := Quantity{Value: v, Prefix: strings.TrimSpace(s[:start])}
	rest := strings.TrimSpace(s[end:])
	if r, size := utf8.DecodeRuneInString(rest); r == '%' || r == '％' {
		q.Percent = true
		rest = strings.TrimSpace(rest[size:])
	}
	q.Unit = rest
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
		return Quantity{}, false
	}
	return q, true
}

// cleanEnds reports whether the number at s[start:end] ends where it is written to: no letter
// O typed for a 0 beside it ("1OO人", "9O%", "O.9"), no l or I for a 1 inside it, no second
// decimal point after it ("95.5.%", "95..5"). Such a number is not read as the shorter one
// before the flaw: the value is unreadable (see Flawed).
func cleanEnds(s string, start, end int) bool {
	if end < len(s) {
		switch c := s[end]; {
		case c == '.' && end+1 < len(s) && (isDigit(s[end+1]) || s[end+1] == '.' || s[end+1] == '%'):
			return false
		case c == 'O' || c == 'o':
			j := end
			for j < len(s) && (s[j] == 'O' || s[j] == 'o') {
				j++
			}
			if j == len(s) || !isLetter(s[j]) {
				return false
			}
		case (c == 'l' || c == 'I') && end+1 < len(s) && isDigit(s[end+1]):
			return false
		case strings.HasPrefix(s[end:], "〇"):
			return false
		}
	}
	if start > 0 {
		switch c := s[start-1]; {
		case (c == 'O' || c == 'o') && (start < 2 || !isLetter(s[start-2])):
			return false
		case strings.HasSuffix(s[:start], "〇"):
			return false
		}
	}
	return true
}

// ParseNumber reads s as exactly one number with nothing else around it but an optional
// percent sign: "217,418", "98.67%", "21.74万".
func ParseNumber(s string) (float64, bool) {
	q, ok := ParseQuantity(s)
	if !ok || q.Prefix != "" || q.Unit != "" {
		return 0, false
	}
	return q.Value, true
}

// findNumber finds the first number in s (Arabic digits with an optional sign, thousands
// separators, decimals and a 万/亿/千 multiplier, or Chinese numerals) and returns its byte
// span and value.
func findNumber(s string) (start, end int, v float64, ok bool) {
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9' || r == '.' && i+1 < len(s) && isDigit(s[i+1]):
			j := i
			neg := false
			if i > 0 && (s[i-1] == '-' || s[i-1] == '+') && (i == 1 || !isDigit(s[i-2])) {
				j = i - 1
				neg = s[i-1] == '-'
			}
			e, val, good := arabic(s, i)
			if !good {
				return 0, 0, 0, false
			}
			if m, size := utf8.DecodeRuneInString(s[e:]); m == '万' || m == '亿' || m == '千' {
				// Apply the multiplier in decimal, so that 21.74万 is exactly 217400.
				exp := map[rune]string{'万': "e4", '亿': "e8", '千': "e3"}[m]
				digits := strings.ReplaceAll(s[i:e], ",", "")
				if scaled, err := strconv.ParseFloat(digits+exp, 64); err == nil {
					val = scaled
				} else {
					val *= multipliers[m]
				}
				e += size
			}
			if neg {
				val = -val
			}
			return j, e, val, true
		case isChineseDigit(r):
			e, val, good := chinese(s, i)
			if good {
				return i, e, val, true
			}
		}
	}
	return 0, 0, 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// arabic reads digits from s[i:]: groups of three after commas are thousands separators
// ("217,418"), one dot starts the decimals.
func arabic(s string, i int) (end int, v float64, ok bool) {
	var b strings.Builder
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			b.WriteByte(c)
			j++
		case c == ',' && j+3 < len(s)+1 && threeDigits(s, j+1):
			j++ // thousands separator
		case c == '.' && j+1 < len(s) && isDigit(s[j+1]) && !strings.Contains(b.String(), "."):
			b.WriteByte(c)
			j++
		default:
			goto done
		}
	}
done:
	f, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, 0, false
	}
	return j, f, true
}

// threeDigits reports whether s[i:] starts with exactly three digits (then no fourth).
func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return i+3 == len(s) || !isDigit(s[i+3])
}

var chineseDigits = map[rune]float64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

func isChineseDigit(r rune) bool {
	_, d := chineseDigits[r]
	return d || r == '十'
}

// chinese reads a Chinese numeral such as 两千, 一万二千, 十五, 三百零六 from s[i:].
func chinese(s string, i int) (end int, v float64, ok bool) {
	var total, section, digit float64
	seen := false
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if d, isD := chineseDigits[r]; isD {
			digit = d
			seen = true
		} else if m, isM := multipliers[r]; isM && (seen || r == '十') {
			if r == '十' && digit == 0 && !seen {
				digit = 1 // 十五 = 15
			}
			switch {
			case m >= 1e4:
				section = (section + digit) * m
				total += section
				section = 0
			default:
				section += digit * m
			}
			digit = 0
			seen = true
		} else {
			break
		}
		j += size
	}
	if !seen {
		return 0, 0, false
	}
	// A lone 一 or 十 inside ordinary words (一是, 十分) is not meant as a number.
	if word := s[i:j]; word == "一" || word == "十" {
		if next, _ := utf8.DecodeRuneInString(s[j:]); unicode.Is(unicode.Han, next) && next != '人' && next != '期' && next != '个' && next != '天' {
			return 0, 0, false
		}
	}
	return j, total + section + digit, true
}

// LeadingChinese reads a Chinese numeral at the start of s (两千, 一万二千, 十五, 三) and
// returns its value and its length in bytes.
func LeadingChinese(s string) (float64, int, bool) {
	if r, _ := utf8.DecodeRuneInString(s); !isChineseDigit(r) {
		return 0, 0, false
	}
	end, v, ok := chinese(s, 0)
	return v, end, ok
}

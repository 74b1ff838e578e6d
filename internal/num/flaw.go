package num

import (
	"strings"
	"unicode/utf8"
)

// Flaw is why a value written as a number, a date or a comparison cannot be read as one.
type Flaw uint8

// The flaws of a value that was meant as a number or a date.
const (
	NoFlaw        Flaw = iota
	FlawLetter         // a letter for a digit: O for 0 ("≥1OO人", "8O%"), l or I for 1 between digits
	FlawPoints         // a second decimal point: "95.5.%", "95..5"
	FlawSeparator      // a thousands separator out of place: "1,0000"
	FlawDate           // a date that does not exist: "2023年13月底前", "2023年2月30日"
	FlawNoValue        // a comparison with no number or date after it: ">=abc", "≥"
)

// Flawed reports why s, which ParseQuantity and ParseDate do not read, was nonetheless meant
// as a number, a date or a comparison: a value a person must correct, never one to read as
// a shorter number or as words. It returns NoFlaw for text meant as text ("达成", "约85%",
// "85%-95%", "完成3项").
func Flawed(s string) Flaw {
	s = strings.ReplaceAll(Operators(Normalize(s)), " ", "")
	if s == "" {
		return NoFlaw
	}
	if _, ok := ParseDate(s); ok {
		return NoFlaw
	}
	if _, _, shaped := readDate(s); shaped {
		return FlawDate
	}
	switch {
	case letterForDigit(s):
		return FlawLetter
	case secondPoint(s):
		return FlawPoints
	case badSeparator(s):
		return FlawSeparator
	}
	if rest, ok := cutSign(s); ok {
		if _, isNum := ParseQuantity(rest); !isNum && !strings.ContainsAny(rest, "0123456789") {
			return FlawNoValue
		}
	}
	return NoFlaw
}

// cutSign takes a comparison sign off the start of s.
func cutSign(s string) (string, bool) {
	for _, sign := range []string{">=", "<=", "==", "=>", "=<", "≥", "≤", "≠", ">", "<", "="} {
		if rest, ok := strings.CutPrefix(s, sign); ok {
			return rest, true
		}
	}
	return s, false
}

// zeroLike reports whether r stands for 0 beside digits: the letters O and o, and 〇.
func zeroLike(r rune) bool { return r == 'O' || r == 'o' || r == '〇' }

// letterForDigit reports a letter typed for a digit: O, o or 〇 right after a digit (and not
// starting a word: 10ohm is a unit) or right before one, and l or I between two digits.
func letterForDigit(s string) bool {
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		switch {
		case zeroLike(r) && isDigitRune(prev):
			// The run of letters must end the number: 1OO人, 9O%, 1O5, not 5ohm.
			j := i
			for j < len(s) && (s[j] == 'O' || s[j] == 'o') {
				j++
			}
			if r == '〇' || j == len(s) || !isLetter(s[j]) {
				return true
			}
		case zeroLike(r) && (isDigitRune(next) || next == '.' && i+size+1 < len(s) && isDigit(s[i+size+1])) && !isLetterRune(prev):
			return true // O5, O.9
		case (r == 'l' || r == 'I') && isDigitRune(prev) && isDigitRune(next):
			return true
		}
		prev = r
		i += size
	}
	return false
}

func isDigitRune(r rune) bool  { return r >= '0' && r <= '9' }
func isLetterRune(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// secondPoint reports a number with a second decimal point ("95.5.%", "95..5", "95.%"): a
// point after the digits of a number that is followed by a digit, a point or %.
func secondPoint(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '.' || i == 0 || !isDigit(s[i-1]) {
			continue
		}
		// The number before this point: does it hold a point already?
		j := i - 1
		for j > 0 && (isDigit(s[j-1]) || s[j-1] == ',') {
			j--
		}
		twice := j > 0 && s[j-1] == '.' && j > 1 && isDigit(s[j-2])
		switch c := s[i+1]; {
		case c == '.' || c == '%':
			return true
		case isDigit(c) && twice:
			return true
		}
	}
	return false
}

// badSeparator reports a number whose thousands separators do not stand before groups of
// three digits ("1,0000", "10,00"), and that is the only number of s.
func badSeparator(s string) bool {
	start := strings.IndexFunc(s, isDigitRune)
	if start < 0 {
		return false
	}
	end := start
	for end < len(s) && (isDigit(s[end]) || s[end] == ',' && end+1 < len(s) && isDigit(s[end+1])) {
		end++
	}
	number := s[start:end]
	if !strings.Contains(number, ",") || strings.ContainsAny(s[end:], "0123456789") || strings.ContainsAny(s[:start], "0123456789") {
		return false
	}
	groups := strings.Split(number, ",")
	if len(groups[0]) > 3 {
		return true
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return true
		}
	}
	return false
}

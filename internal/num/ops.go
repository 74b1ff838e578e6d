package num

import "strings"

// lookAlikes are the forms PDF extraction and office suites give comparison signs, with the
// sign each stands for. TeX commands come first, longest before their prefixes (\geqslant
// before \geq before \ge); a command is only read when no letter follows it.
var lookAlikes = []struct{ from, to string }{
	{`\geqslant`, "≥"}, {`\leqslant`, "≤"}, {`\geq`, "≥"}, {`\leq`, "≤"}, {`\ge`, "≥"}, {`\le`, "≤"},
	{`\gt`, ">"}, {`\lt`, "<"}, {`\neq`, "≠"}, {`\ne`, "≠"}, {`\%`, "%"},
	{"═", "="}, {"〓", "="}, {"＝", "="}, {"≧", "≥"}, {"⩾", "≥"}, {"≦", "≤"}, {"⩽", "≤"},
	{"＞", ">"}, {"＜", "<"},
}

// Operators rewrites the look-alikes of comparison signs in s as the signs themselves: ═ and
// ＝ as =, ≧ and ⩾ as ≥, ≦ and ⩽ as ≤, ＞ and ＜ as > and <, and the TeX forms PDF extraction
// leaves (\geq, \ge, \leq, \le, \gt, \lt, \neq, with or without $…$ around them) as their
// signs. Text without any of them is returned as it is.
func Operators(s string) string {
	if !strings.ContainsAny(s, `\═〓＝≧⩾≦⩽＞＜`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		matched := false
		for _, l := range lookAlikes {
			if !strings.HasPrefix(s[i:], l.from) {
				continue
			}
			end := i + len(l.from)
			if l.from[0] == '\\' && end < len(s) && isLetter(s[end]) && isLetter(l.from[len(l.from)-1]) {
				continue // \left is not \le
			}
			// TeX math mode around the command: "$\geq$95%" is "≥95%".
			if l.from[0] == '\\' {
				out := b.String()
				if strings.HasSuffix(out, "$") {
					b.Reset()
					b.WriteString(out[:len(out)-1])
				}
				if end < len(s) && s[end] == '$' {
					end++
				}
			}
			b.WriteString(l.to)
			i, matched = end, true
			break
		}
		if !matched {
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

package report

import (
	"strconv"

	"jixiao/internal/i18n"
)

// appendText renders t in lang onto b, as t.String(lang) would, without fmt for the verbs
// messages use (%s of strings and nested texts, %d of ints, %q of strings, %v of floats, %%):
// messages are rendered once per finding written, on the path of every batch. Anything else
// is left to fmt.
func appendText(b []byte, t i18n.Text, lang i18n.Lang) []byte {
	format := t.Zh
	if lang == i18n.En {
		format = t.En
	}
	if len(t.Args) == 0 {
		return append(b, format...)
	}
	start, arg := len(b), 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		if i+1 == len(format) {
			return append(b[:start], t.String(lang)...)
		}
		i++
		verb := format[i]
		if verb == '%' {
			b = append(b, '%')
			continue
		}
		if arg == len(t.Args) {
			return append(b[:start], t.String(lang)...)
		}
		switch x := t.Args[arg].(type) {
		case string:
			switch verb {
			case 's', 'v':
				b = append(b, x...)
			case 'q':
				b = strconv.AppendQuote(b, x)
			default:
				return append(b[:start], t.String(lang)...)
			}
		case i18n.Text:
			if verb != 's' && verb != 'v' {
				return append(b[:start], t.String(lang)...)
			}
			b = appendText(b, x, lang)
		case int:
			if verb != 'd' && verb != 'v' {
				return append(b[:start], t.String(lang)...)
			}
			b = strconv.AppendInt(b, int64(x), 10)
		case float64:
			if verb != 'v' && verb != 'g' {
				return append(b[:start], t.String(lang)...)
			}
			b = strconv.AppendFloat(b, x, 'g', -1, 64)
		default:
			return append(b[:start], t.String(lang)...)
		}
		arg++
	}
	if arg < len(t.Args) { // more arguments than verbs: fmt says so
		return append(b[:start], t.String(lang)...)
	}
	return b
}

package web

import (
	"net/http"
	"strconv"
	"strings"

	"jixiao/internal/i18n"
)

// langOf is the language of a request: ?lang=zh|en when given, else the first of Chinese
// and English the browser prefers (Accept-Language, by q-value, then by order), else
// Chinese. It reports whether the query chose it, so that links carry the choice on.
func langOf(r *http.Request) (lang i18n.Lang, explicit bool) {
	if v := r.URL.Query().Get("lang"); v != "" {
		if l, err := i18n.ParseLang(v); err == nil {
			return l, true
		}
	}
	return acceptLang(r.Header.Get("Accept-Language")), false
}

// acceptLang picks Chinese or English from an Accept-Language header: the one with the
// higher q-value, the earlier on a tie; Chinese when it names neither.
func acceptLang(header string) i18n.Lang {
	best, bestQ := i18n.Zh, 0.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		var l i18n.Lang
		switch primary {
		case "zh":
			l = i18n.Zh
		case "en":
			l = i18n.En
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

func langCode(l i18n.Lang) string {
	if l == i18n.En {
		return "en"
	}
	return "zh"
}

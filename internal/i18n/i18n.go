// Package i18n holds user-facing text in both of jixiao's languages.
//
// Each message is written once, at the place that produces it, in Simplified Chinese and
// English side by side; nothing is registered globally. Callers keep a Text and render it in
// the reader's language at the last moment.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a user-facing language.
type Lang int

const (
	// Zh is Simplified Chinese, the default.
	Zh Lang = iota
	// En is English.
	En
)

// ParseLang reads a --lang value: "zh", "zh-CN", "cn", "en", "en-US"...
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "zh", "zh-cn", "zh_cn", "zh-hans", "cn", "chinese":
		return Zh, nil
	case "en", "en-us", "en_us", "en-gb", "english":
		return En, nil
	}
	return Zh, fmt.Errorf("unknown language %q (use zh or en)", s)
}

// Text is a message in both languages with its arguments. Arguments that are themselves
// Texts are rendered in the same language.
type Text struct {
	Zh, En string
	Args   []any
}

// T makes a Text from a Chinese and an English format and their shared arguments.
func T(zh, en string, args ...any) Text { return Text{Zh: zh, En: en, Args: args} }

// String renders the text in lang.
func (t Text) String(lang Lang) string {
	format := t.Zh
	if lang == En {
		format = t.En
	}
	if len(t.Args) == 0 {
		return format
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		if nested, ok := a.(Text); ok {
			args[i] = nested.String(lang)
		} else {
			args[i] = a
		}
	}
	return fmt.Sprintf(format, args...)
}

// IsZero reports whether the text is empty.
func (t Text) IsZero() bool { return t.Zh == "" && t.En == "" }

// Pick returns zh or en according to lang.
func Pick(lang Lang, zh, en string) string {
	if lang == En {
		return en
	}
	return zh
}

// Count is n things in both languages: "3 个错误"; in English the noun agrees with n, "1
// error", "0 errors", "3 errors". many is the plural, which for a mass noun such as "info" is
// the noun itself; one and many may carry the words that agree with them ("indicator does").
func Count(n int, zh, one, many string) Text {
	noun := many
	if n == 1 {
		noun = one
	}
	return T("%d "+zh, "%d "+noun, n)
}

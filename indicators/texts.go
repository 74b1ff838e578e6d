package indicators

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// texts interns the texts a JSON Lines stream repeats from one project to the next (tier
// expressions, headings, units, qualitative values, criteria): equal texts share one
// string, so that a stream of many projects allocates each once, and later stages holding
// a text can recognise it by its address without reading it. The zero value is ready.
//
// It is bounded, in texts and in bytes, and keeps two generations: when the current one is
// full, it becomes the previous one and the one before is dropped. A text found in the
// previous generation moves into the current one as the same string, so that a text the
// stream keeps repeating keeps its address however many unique texts (project names,
// actual values) pass through beside it. A text longer than maxTextLen is not kept.
type texts struct {
	cur, prev map[string]string
	bytes     int // bytes of the texts in cur
}

// Bounds on the texts kept per generation: a stream holds a few hundred distinct repeated
// texts, and the unique ones pass through. Two generations keep at most 2×256 KiB of text.
const (
	maxTexts     = 2048
	maxTextBytes = 256 << 10
	maxTextLen   = 1 << 10 // bytes: longer texts (long prose) are read afresh each time
)

// of is the interned text of b.
func (t *texts) of(b []byte) string {
	if len(b) > maxTextLen {
		return string(b)
	}
	if s, ok := t.cur[string(b)]; ok { // no allocation: the compiler looks up b in place
		return s
	}
	s, ok := t.prev[string(b)]
	if !ok {
		s = string(b)
	}
	switch {
	case t.cur == nil:
		t.cur = make(map[string]string, 256)
	case len(t.cur) >= maxTexts || t.bytes+len(s) > maxTextBytes:
		if t.prev == nil {
			t.prev = make(map[string]string, len(t.cur))
		}
		clear(t.prev)
		t.cur, t.prev, t.bytes = t.prev, t.cur, 0
	}
	t.cur[s] = s
	t.bytes += len(s)
	return s
}

// trimSpace is bytes.TrimSpace, answering at once for a text that neither starts nor ends
// with a space (nearly every text of a project, most of them Chinese): only an ASCII space
// or control, or a lead byte of U+0085, U+00A0, U+1680, U+2000–U+205F or U+3000 can begin
// a space, and only the last character, decoded, can end one.
func trimSpace(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	if c := b[0]; c <= ' ' || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 {
		return bytes.TrimSpace(b)
	}
	if c := b[len(b)-1]; c < utf8.RuneSelf {
		if c <= ' ' {
			return bytes.TrimSpace(b)
		}
		return b
	}
	if r, _ := utf8.DecodeLastRune(b); r == utf8.RuneError || unicode.IsSpace(r) {
		return bytes.TrimSpace(b)
	}
	return b
}

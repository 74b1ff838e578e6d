package indicators

import (
	"bytes"
	"hash/maphash"
	"unicode"
	"unicode/utf8"
)

// texts interns the texts a JSON Lines stream repeats from one project to the next (tier
// expressions, headings, units, qualitative values, criteria): equal texts share one
// string, so that a stream of many projects allocates each once, and later stages holding
// a text can recognise it by its address without reading it. The zero value is ready.
//
// It is a cache of sets of two: a text's hash picks a set, which holds the last two texts
// seen there. A lookup is one hash and at most two comparisons, with no map to probe. A new
// text takes the place of the one of its set not found last, so that a text the stream
// keeps repeating, once found again, stays while unique texts (a project's name, an actual
// value) pass through the other place. It is bounded: 2×textSets strings of at most
// maxTextLen bytes.
type texts struct {
	seed maphash.Seed
	sets *[textSets]textSet
}

type textSet struct {
	s   [2]string
	hit uint8 // the place found last
}

const (
	textSets   = 2048 // a power of two
	maxTextLen = 256  // bytes: longer texts (long prose) are read afresh each time
)

// of is the interned text of b.
func (t *texts) of(b []byte) string {
	if len(b) > maxTextLen {
		return string(b)
	}
	if t.sets == nil {
		t.sets, t.seed = new([textSets]textSet), maphash.MakeSeed()
	}
	set := &t.sets[maphash.Bytes(t.seed, b)&(textSets-1)]
	for w := range set.s {
		if set.s[w] == string(b) { // no allocation: the compiler compares b in place
			set.hit = uint8(w)
			return set.s[w]
		}
	}
	w := 1 - set.hit
	if set.s[0] == "" {
		w = 0
	}
	set.s[w] = string(b)
	return set.s[w]
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

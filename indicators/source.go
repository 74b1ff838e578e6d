package indicators

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Source indexes where every key of a TOML file stands, by its full path:
// "project.name", "indicator[2].weight", "indicator[2].tiers[0].when". The TOML decoder
// reports positions only for syntax errors (BurntSushi/toml issue #462), so the loader
// scans the text once more, after it has parsed, to place every later message.
type Source struct {
	file       string
	text       string
	lineStarts []int // byte offset of each line's first byte
	keys       map[string]span
}

type span struct {
	key, value int // byte offsets of the key and of its value's first byte
	raw        string
}

// Pos returns the position of the key at path, or of the nearest enclosing key or table
// that was found ("indicator[2].tiers[0].when" falls back to "indicator[2].tiers[0]", then
// "indicator[2].tiers"…), or the file alone.
func (s *Source) Pos(path string) Pos {
	if s == nil {
		return Pos{}
	}
	for p := path; p != ""; p = parent(p) {
		if sp, ok := s.keys[p]; ok {
			return s.at(sp.key)
		}
	}
	return Pos{File: s.file}
}

// ValuePos returns the position of the first character of the value at path.
func (s *Source) ValuePos(path string) Pos {
	if s == nil {
		return Pos{}
	}
	if sp, ok := s.keys[path]; ok {
		return s.at(sp.value)
	}
	return s.Pos(path)
}

// Line returns the text of the 1-based line n, without its line ending.
func (s *Source) Line(n int) string {
	if s == nil || n < 1 || n > len(s.lineStarts) {
		return ""
	}
	start := s.lineStarts[n-1]
	end := len(s.text)
	if n < len(s.lineStarts) {
		end = s.lineStarts[n]
	}
	return strings.TrimRight(s.text[start:end], "\r\n")
}

// raw returns the value at path as written, or "".
func (s *Source) raw(path string) string {
	if s == nil {
		return ""
	}
	return s.keys[path].raw
}

// expr returns the Expr for the string value at path: its text and the place of each of
// its characters, so that an error at character k of an expression points into the file.
func (s *Source) expr(path, text string) Expr {
	e := Expr{Text: text}
	if s == nil {
		return e
	}
	sp, ok := s.keys[path]
	if !ok {
		e.Pos = s.Pos(path)
		return e
	}
	e.Pos = s.at(sp.value)
	e.src = s
	e.raw = sp.raw
	e.off = sp.value
	return e
}

func parent(path string) string {
	if i := strings.LastIndexAny(path, ".["); i > 0 {
		return path[:i]
	}
	return ""
}

func (s *Source) at(off int) Pos {
	line := sort.Search(len(s.lineStarts), func(i int) bool { return s.lineStarts[i] > off }) - 1
	if line < 0 {
		line = 0
	}
	start := s.lineStarts[line]
	end := strings.IndexByte(s.text[start:], '\n')
	if end < 0 {
		end = len(s.text) - start
	}
	return Pos{File: s.file, Line: line + 1, Col: col(s.text[start:start+end], off-start)}
}

// newSource scans text, which must already have parsed as TOML. It never fails: on anything
// it does not follow it stops, and later positions fall back to their enclosing table.
func newSource(file, text string) *Source {
	s := &Source{file: file, text: text, keys: map[string]span{}}
	s.lineStarts = append(s.lineStarts, 0)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	sc := scanner{src: s, text: text, arrays: map[string]int{}}
	sc.document()
	return s
}

type scanner struct {
	src    *Source
	text   string
	i      int
	prefix string         // the current table's path
	arrays map[string]int // how many elements each array of tables has so far
}

func (sc *scanner) document() {
	for sc.i < len(sc.text) {
		start := sc.i
		sc.skipSpace(true)
		if sc.i >= len(sc.text) {
			return
		}
		switch c := sc.text[sc.i]; {
		case c == '[':
			if !sc.header() {
				return
			}
		default:
			if !sc.keyValue(sc.prefix) {
				return
			}
		}
		if sc.i == start {
			return // no progress: give up rather than loop
		}
	}
}

// header reads [table] or [[array]] and makes it the current table.
func (sc *scanner) header() bool {
	pos := sc.i
	array := strings.HasPrefix(sc.text[sc.i:], "[[")
	if array {
		sc.i += 2
	} else {
		sc.i++
	}
	parts, ok := sc.dottedKey()
	if !ok {
		return false
	}
	sc.skipSpace(false)
	closing := "]"
	if array {
		closing = "]]"
	}
	if !strings.HasPrefix(sc.text[sc.i:], closing) {
		return false
	}
	sc.i += len(closing)
	path := ""
	for k, part := range parts {
		path = join(path, part)
		if k == len(parts)-1 && array {
			n := sc.arrays[path]
			sc.arrays[path] = n + 1
			if n == 0 { // the array as a whole stands where its first table does
				sc.src.keys[path] = span{key: pos, value: pos}
			}
			path += "[" + strconv.Itoa(n) + "]"
		} else if n, isArray := sc.arrays[path]; isArray {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	sc.src.keys[path] = span{key: pos, value: pos}
	sc.prefix = path
	return true
}

// keyValue reads key = value under prefix.
func (sc *scanner) keyValue(prefix string) bool {
	keyStart := sc.i
	parts, ok := sc.dottedKey()
	if !ok {
		return false
	}
	sc.skipSpace(false)
	if sc.i >= len(sc.text) || sc.text[sc.i] != '=' {
		return false
	}
	sc.i++
	sc.skipSpace(false)
	path := prefix
	for _, p := range parts {
		path = join(path, p)
	}
	return sc.value(path, keyStart)
}

func (sc *scanner) value(path string, keyStart int) bool {
	if sc.i >= len(sc.text) {
		return false
	}
	valStart := sc.i
	t := sc.text[sc.i:]
	switch {
	case strings.HasPrefix(t, `"""`), strings.HasPrefix(t, `'''`):
		q := t[:3]
		end := strings.Index(t[3:], q)
		if end < 0 {
			return false
		}
		end += 6
		for end < len(t) && t[end] == q[0] { // up to two quotes may end the content
			end++
		}
		sc.i += end
	case t[0] == '"':
		j := 1
		for j < len(t) && t[j] != '"' && t[j] != '\n' {
			if t[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(t) || t[j] != '"' {
			return false
		}
		sc.i += j + 1
	case t[0] == '\'':
		end := strings.IndexAny(t[1:], "'\n")
		if end < 0 || t[1+end] != '\'' {
			return false
		}
		sc.i += end + 2
	case t[0] == '[':
		sc.src.keys[path] = span{key: keyStart, value: valStart}
		sc.i++
		for n := 0; ; n++ {
			sc.skipSpace(true)
			if sc.i >= len(sc.text) {
				return false
			}
			if sc.text[sc.i] == ']' {
				sc.i++
				return true
			}
			elem := path + "[" + strconv.Itoa(n) + "]"
			if !sc.value(elem, sc.i) {
				return false
			}
			sc.skipSpace(true)
			if sc.i < len(sc.text) && sc.text[sc.i] == ',' {
				sc.i++
			}
		}
	case t[0] == '{':
		sc.src.keys[path] = span{key: keyStart, value: valStart}
		sc.i++
		for {
			sc.skipSpace(true)
			if sc.i >= len(sc.text) {
				return false
			}
			if sc.text[sc.i] == '}' {
				sc.i++
				return true
			}
			if !sc.keyValue(path) {
				return false
			}
			sc.skipSpace(true)
			if sc.i < len(sc.text) && sc.text[sc.i] == ',' {
				sc.i++
			}
		}
	default: // number, boolean, date: up to the next delimiter
		end := strings.IndexAny(t, ",]}#\n")
		if end < 0 {
			end = len(t)
		}
		if end == 0 {
			return false
		}
		sc.i += end
	}
	sc.src.keys[path] = span{key: keyStart, value: valStart, raw: sc.text[valStart:sc.i]}
	return true
}

// dottedKey reads a key such as name, "引号", a.b.
func (sc *scanner) dottedKey() ([]string, bool) {
	var parts []string
	for {
		sc.skipSpace(false)
		if sc.i >= len(sc.text) {
			return nil, false
		}
		switch c := sc.text[sc.i]; {
		case c == '"' || c == '\'':
			end := strings.IndexByte(sc.text[sc.i+1:], c)
			if end < 0 {
				return nil, false
			}
			raw := sc.text[sc.i : sc.i+end+2]
			key := raw[1 : len(raw)-1]
			if c == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					key = u
				}
			}
			parts = append(parts, key)
			sc.i += end + 2
		default:
			j := sc.i
			for j < len(sc.text) && isBareKeyByte(sc.text[j]) {
				j++
			}
			if j == sc.i {
				return nil, false
			}
			parts = append(parts, sc.text[sc.i:j])
			sc.i = j
		}
		sc.skipSpace(false)
		if sc.i < len(sc.text) && sc.text[sc.i] == '.' {
			sc.i++
			continue
		}
		return parts, true
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= utf8.RuneSelf
}

// skipSpace skips blanks and comments, and line breaks too when newlines is set.
func (sc *scanner) skipSpace(newlines bool) {
	for sc.i < len(sc.text) {
		switch sc.text[sc.i] {
		case ' ', '\t':
			sc.i++
		case '\r', '\n':
			if !newlines {
				return
			}
			sc.i++
		case '#':
			end := strings.IndexByte(sc.text[sc.i:], '\n')
			if end < 0 {
				sc.i = len(sc.text)
				return
			}
			sc.i += end
		default:
			return
		}
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

package indicators

import (
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// WriteTOML writes a project in jixiao's file format, as `jixiao import` saves a table read
// from a workbook: every key the project gives, in the schema's order, leaving out what
// the defaults already say; the criterion as written, tiers only where the project has them
// (a criterion alone is read into tiers when scored). origin, if not empty, becomes a
// comment on the first line.
func WriteTOML(w io.Writer, p *Project, origin string) error { return writeTOML(std, w, p, origin) }

// WriteJSON writes a project as one line of JSON Lines: the same keys as WriteTOML, the
// form `jixiao check -` reads.
func WriteJSON(w io.Writer, p *Project) error { return writeJSON(std, w, p) }

func writeTOML(s *schema, w io.Writer, p *Project, origin string) error {
	var b strings.Builder
	if origin != "" {
		fmt.Fprintf(&b, "# %s\n", origin)
	}
	doc := s.tree(inRoot, p)
	for _, n := range doc { // keys of the top level stand before its first table
		if n.kind != tableNode && n.kind != tablesNode {
			fmt.Fprintf(&b, "%s = %s\n", n.key, n.toml())
		}
	}
	first := true
	header := func(h string) {
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(h + "\n")
	}
	for _, n := range doc {
		switch n.kind {
		case tableNode:
			header("[" + n.key + "]")
			tomlKeys(&b, n.keys, true)
		case tablesNode:
			for _, t := range n.tables {
				header("[[" + n.key + "]]")
				tomlKeys(&b, t, false)
				for _, sub := range t { // its tables under their own headers: [indicator.review]
					if sub.kind == tableNode {
						header("[" + n.key + "." + sub.key + "]")
						tomlKeys(&b, sub.keys, true)
					}
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tomlKeys writes keys one a line; tables among them too, inline, or (with tables unset)
// not at all: the caller writes them under their own headers.
func tomlKeys(b *strings.Builder, keys []node, tables bool) {
	for _, n := range keys {
		if tables || n.kind != tableNode {
			fmt.Fprintf(b, "%s = %s\n", n.key, n.toml())
		}
	}
}

func writeJSON(s *schema, w io.Writer, p *Project) error {
	var b strings.Builder
	jsonTable(&b, s.tree(inRoot, p))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// node is one key of a project about to be written, in a form both syntaxes print.
type node struct {
	key    string
	kind   nodeKind
	lit    string   // a number or boolean, as written
	str    string   // a string
	items  []node   // an array of scalars
	keys   []node   // a table
	tables [][]node // an array of tables
}

type nodeKind int

const (
	litNode nodeKind = iota
	strNode
	arrayNode
	tableNode
	tablesNode
)

// tree is what obj holds of table in, key by key, leaving out what need not be written.
func (s *schema) tree(in string, obj any) []node {
	var out []node
	for _, f := range s.fields(in) {
		if !s.worth(f, obj) {
			continue
		}
		n := node{key: f.Key}
		p := f.at(obj)
		switch f.Type {
		case Text, Prose:
			n.kind, n.str = strNode, text(p)
		case Number:
			v, _ := number(p)
			n.lit = fmtFloat(v)
		case Count:
			v, _ := count(p)
			n.lit = strconv.Itoa(v)
		case Bool:
			n.lit = strconv.FormatBool(*p.(*bool))
		case Written:
			n = writtenNode(f.Key, *p.(*Value))
		case Expression:
			n.kind, n.str = strNode, p.(*Expr).Text
		case Interval:
			d := *p.(**[2]float64)
			n.kind, n.items = arrayNode, []node{{lit: fmtFloat(d[0])}, {lit: fmtFloat(d[1])}}
		case Codes:
			n.kind = arrayNode
			for _, c := range *p.(*[]string) {
				n.items = append(n.items, node{kind: strNode, str: c})
			}
		case Table:
			sub := p
			if v := reflect.ValueOf(p).Elem(); v.Kind() == reflect.Pointer {
				sub = v.Interface()
			}
			n.kind, n.keys = tableNode, s.tree(f.sub(), sub)
		case Tables:
			n.kind = tablesNode
			rows := reflect.ValueOf(p).Elem()
			for i := 0; i < rows.Len(); i++ {
				row := rows.Index(i)
				if row.Kind() != reflect.Pointer {
					row = row.Addr()
				}
				n.tables = append(n.tables, s.tree(f.sub(), row.Interface()))
			}
		}
		out = append(out, n)
	}
	return out
}

// worth reports whether a key is worth writing: required, or given and not what its
// default or the rest of its table already says.
func (s *schema) worth(f *Field, obj any) bool {
	p := f.at(obj)
	switch {
	case !s.present(f, obj):
		return false
	case f.Required:
		return true
	case f.Implied != nil && text(p) == f.Implied(obj):
		return false
	}
	switch f.Type {
	case Text:
		return f.Default == nil || text(p) != f.Default
	case Number:
		v, _ := number(p)
		_, ptr := p.(**float64)
		return ptr || v != 0 && v != f.Default
	case Count:
		v, _ := count(p)
		_, ptr := p.(**int)
		return ptr || v != 0 && v != f.Default
	case Bool:
		want, _ := f.Default.(bool)
		return *p.(*bool) != want
	case Table:
		if v := reflect.ValueOf(p).Elem(); v.Kind() == reflect.Pointer {
			return true // a table the project has, however empty
		}
		return len(s.tree(f.sub(), p)) > 0
	case Tables:
		return f.Default == nil || !reflect.DeepEqual(reflect.ValueOf(p).Elem().Interface(), f.Default)
	}
	return true
}

// numberLiteral is a number written the way TOML and JSON both read it as written ("99.60",
// "217100").
var numberLiteral = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

// writtenNode is a target, actual or prior: a plain number as the table showed it, else text.
func writtenNode(key string, v Value) node {
	switch {
	case v.Plain && numberLiteral.MatchString(v.Text):
		return node{key: key, lit: v.Text}
	case v.Plain:
		return node{key: key, lit: fmtFloat(v.Num)}
	}
	return node{key: key, kind: strNode, str: v.Text}
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// toml is the node's value in TOML: tables within tables inline, arrays of them one table
// a line.
func (n node) toml() string {
	switch n.kind {
	case strNode:
		return quote(n.str)
	case arrayNode:
		parts := make([]string, len(n.items))
		for i, it := range n.items {
			parts[i] = it.toml()
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case tableNode:
		return inline(n.keys)
	case tablesNode:
		var b strings.Builder
		b.WriteString("[\n")
		for _, t := range n.tables {
			b.WriteString("  " + inline(t) + ",\n")
		}
		b.WriteString("]")
		return b.String()
	}
	return n.lit
}

func inline(keys []node) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k.key + " = " + k.toml()
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	quoteTo(&b, s, false)
	return b.String()
}

// quoteTo writes s as a TOML basic string, or a JSON string: the same escapes but for the
// case of \u's digits and the line separators JSON escapes too.
func quoteTo(b *strings.Builder, s string, json bool) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			if json {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				fmt.Fprintf(b, `\u%04X`, r)
			}
		case json && (r == 0x2028 || r == 0x2029):
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// jsonTable writes keys as a JSON object.
func jsonTable(b *strings.Builder, keys []node) {
	b.WriteByte('{')
	for i, n := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		jsonString(b, n.key)
		b.WriteByte(':')
		jsonValue(b, n)
	}
	b.WriteByte('}')
}

func jsonValue(b *strings.Builder, n node) {
	switch n.kind {
	case strNode:
		jsonString(b, n.str)
	case arrayNode, tablesNode:
		b.WriteByte('[')
		for i := range max(len(n.items), len(n.tables)) {
			if i > 0 {
				b.WriteByte(',')
			}
			if n.kind == arrayNode {
				jsonValue(b, n.items[i])
			} else {
				jsonTable(b, n.tables[i])
			}
		}
		b.WriteByte(']')
	case tableNode:
		jsonTable(b, n.keys)
	default:
		b.WriteString(n.lit)
	}
}

// jsonString writes s as a JSON string, non-ASCII characters as they are.
func jsonString(b *strings.Builder, s string) { quoteTo(b, s, true) }

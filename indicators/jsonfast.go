package indicators

import (
	"math"
	"slices"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"jixiao/internal/i18n"
)

// fastProject decodes a well-formed project straight from the parsed JSON, key by key as
// the schema says, without the generic tables the validating decoder builds. It accepts
// only what the validating decoder would accept without a message, and gives the same
// Project; on anything else (an unknown key, a value of another type, null, a number out of
// range, a limit reached, a duplicate…) it reports false and the caller decodes again the
// slow way, which says precisely what is wrong. A differential test holds the two to the
// same result.
func fastProject(s *schema, obj *fastjson.Object, base Pos, lim Limits) (*Project, bool) {
	fd := fast{s: s, base: base, lim: lim}
	return fd.project(obj)
}

type fast struct {
	s     *schema
	base  Pos
	lim   Limits
	texts *texts // interns the texts read; nil: each read afresh
	num   []byte // scratch for a number as written
}

func (fd *fast) project(obj *fastjson.Object) (*Project, bool) {
	p := &Project{File: fd.base.File, line: fd.base.Line}
	root := fd.s.spec(inRoot)
	fd.s.defaults(root, p)
	if _, ok := fd.table(obj, root, p); !ok {
		return nil, false
	}
	return p, true
}

// str is the text of b, interned when the decoder interns.
func (fd *fast) str(b []byte) string {
	if fd.texts == nil {
		return string(b)
	}
	return fd.texts.of(b)
}

// table reads one JSON object into obj as the keys of table t. given has bit i set for
// the i-th key of the table.
func (fd *fast) table(o *fastjson.Object, t *spec, obj any) (given uint64, ok bool) {
	ok = true
	o.Visit(func(k []byte, x *fastjson.Value) {
		if !ok {
			return
		}
		i := t.index(k)
		if i < 0 || given&(1<<i) != 0 { // unknown, or given twice
			ok = false
			return
		}
		given |= 1 << i
		ok = fd.field(t.fields[i], x, obj)
	})
	if !ok {
		return given, false
	}
	for i, f := range t.fields {
		if f.Required && f.Instead == nil && given&(1<<i) == 0 {
			return given, false
		}
	}
	fd.s.settle(t, obj, func(*Field) { ok = false })
	return given, ok
}

// field reads one value into obj, as the validating decoder would without a message.
func (fd *fast) field(f *Field, x *fastjson.Value, obj any) bool {
	switch f.Type {
	case Text, Prose:
		if x.Type() != fastjson.TypeString {
			return false
		}
		b, _ := x.StringBytes()
		t := trimSpace(b)
		var s, raw string
		switch {
		case len(t) == 0:
		case f.Type == Prose && len(t) == len(b):
			s = fd.str(b)
			raw = s
		case f.Type == Prose:
			s, raw = fd.str(t), fd.str(b)
		default:
			s = fd.str(t)
		}
		switch {
		case s == "" && f.Required || s != "" && f.Enum != nil && !slices.Contains(f.Enum, s):
			return false
		case s == "":
		default:
			setText(f.at(obj), s)
			if f.Type == Prose {
				*f.source(obj) = Expr{Text: raw}
			}
		}
	case Number:
		v, ok := jnum(x)
		if !ok || !f.within(v) {
			return false
		}
		setNumber(f.at(obj), v)
	case Count:
		v, ok := jnum(x)
		if !ok || !wholeCount(v) || !f.within(v) {
			return false
		}
		setCount(f.at(obj), int(v))
	case Bool:
		switch x.Type() {
		case fastjson.TypeTrue:
			*f.at(obj).(*bool) = true
		case fastjson.TypeFalse:
			*f.at(obj).(*bool) = false
		default:
			return false
		}
	case Written:
		v, ok := fd.value(x)
		if !ok {
			return false
		}
		*f.at(obj).(*Value) = v
	case Expression:
		e, ok := fd.expr(x)
		if !ok {
			return false
		}
		*f.at(obj).(*Expr) = e
	case Interval:
		items, err := x.Array()
		if err != nil || len(items) != 2 {
			return false
		}
		lo, ok1 := jnum(items[0])
		hi, ok2 := jnum(items[1])
		if !ok1 || !ok2 || lo > hi {
			return false
		}
		*f.at(obj).(**[2]float64) = &[2]float64{lo, hi}
	case Codes:
		items, err := x.Array()
		if err != nil {
			return false
		}
		var codes []string // nil when empty, as the validating decoder leaves it
		if len(items) > 0 {
			codes = make([]string, len(items))
		}
		for i, it := range items {
			b, err := it.StringBytes()
			if err != nil {
				return false
			}
			codes[i] = string(b)
		}
		*f.at(obj).(*[]string) = codes
	case Table:
		o, err := x.Object()
		if err != nil {
			return false
		}
		_, ok := fd.table(o, f.spec, fd.s.open(f, obj))
		return ok
	case Tables:
		items, err := x.Array()
		if err != nil {
			return false
		}
		switch dst := f.at(obj).(type) {
		case *[]*Indicator:
			*dst, err = fd.indicators(f, items)
		case *[]Tier:
			*dst, err = fd.tiers(f, items)
		case *[]Grade:
			*dst, err = fd.grades(f, items)
		case *[]ReviewRule:
			*dst, err = fd.reviewRules(f, items)
		default:
			return false
		}
		return err == nil
	}
	return true
}

// declined tells the caller to decode the slow way.
type declined struct{}

func (declined) Error() string { return "declined" }

func (fd *fast) indicators(f *Field, items []*fastjson.Value) ([]*Indicator, error) {
	if len(items) == 0 || len(items) > fd.lim.MaxIndicators {
		return nil, declined{}
	}
	out := make([]*Indicator, 0, len(items))
	seen := make(indicatorNames, 0, len(items))
	for i, item := range items {
		o, err := item.Object()
		if err != nil {
			return nil, declined{}
		}
		ind := &Indicator{Index: i, Pos: fd.base}
		fd.s.defaults(f.spec, ind)
		if _, ok := fd.table(o, f.spec, ind); !ok {
			return nil, declined{}
		}
		if _, dup := seen.add(ind, i); dup {
			return nil, declined{} // the validating decoder names it
		}
		out = append(out, ind)
	}
	return out, nil
}

func (fd *fast) tiers(f *Field, items []*fastjson.Value) ([]Tier, error) {
	if len(items) > fd.lim.MaxTiers {
		return nil, declined{}
	}
	fields := f.spec.fields
	tiers := make([]Tier, len(items))
	for k, item := range items {
		o, err := item.Object()
		if err != nil {
			return nil, declined{}
		}
		t := &tiers[k]
		t.Pos = fd.base
		given, ok := fd.table(o, f.spec, t)
		for i, sf := range fields {
			switch {
			case !ok || sf.Instead == nil:
			case fd.s.standsIn(sf, t):
				discretion(t, given&(1<<i) != 0, func(string, ErrorKind, i18n.Text) { ok = false })
			default:
				ok = given&(1<<i) != 0
			}
		}
		if !ok {
			return nil, declined{}
		}
	}
	return tiers, nil
}

func (fd *fast) grades(f *Field, items []*fastjson.Value) ([]Grade, error) {
	if len(items) == 0 {
		return nil, declined{}
	}
	grades := make([]Grade, len(items))
	for i, item := range items {
		o, err := item.Object()
		if err != nil {
			return nil, declined{}
		}
		if _, ok := fd.table(o, f.spec, &grades[i]); !ok {
			return nil, declined{}
		}
	}
	sortGrades(grades)
	return grades, nil
}

// jnum reads a finite number within the magnitude every loader accepts.
func jnum(v *fastjson.Value) (float64, bool) {
	if v.Type() != fastjson.TypeNumber {
		return 0, false
	}
	f, err := v.Float64()
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > MaxMagnitude {
		return 0, false
	}
	return f, true
}

// value reads a target, actual or prior as the validating decoder does.
func (fd *fast) value(x *fastjson.Value) (Value, bool) {
	switch x.Type() {
	case fastjson.TypeNumber:
		f, ok := jnum(x)
		if !ok {
			return Value{}, false
		}
		// A number's text is as written when it is a plain literal ("99.60", not "99.6"),
		// else as strconv writes it; written the shortest way, both are the same text.
		fd.num = x.MarshalTo(fd.num[:0])
		if !shortest(fd.num) && !numberLiteral.Match(fd.num) {
			return NumberValue(f), true
		}
		return Value{Set: true, Text: fd.str(fd.num), Num: f, IsNum: true, Plain: true}, true
	case fastjson.TypeString:
		b, _ := x.StringBytes()
		s := fd.str(b)
		if blank(s) {
			return Value{}, true
		}
		v := ParseValue(s)
		return v, !v.IsNum || math.Abs(v.Num) <= MaxMagnitude
	}
	return Value{}, false
}

// shortest reports whether a JSON number is written as strconv.FormatFloat(f, 'f', -1, 64)
// writes the float f it reads as: no exponent, no sign but a minus, no leading zero before
// other digits, no trailing zero after a point, and at most 15 significant digits in at most
// 24 characters, which a float64 keeps exactly, so that the shortest text that reads as f is
// this one.
func shortest(b []byte) bool {
	if len(b) == 0 || len(b) > 24 {
		return false
	}
	i := 0
	if b[0] == '-' {
		i++
	}
	digits, lead := 0, true // significant digits; no digit other than 0 seen yet
	point := -1
	for k := i; k < len(b); k++ {
		switch c := b[k]; {
		case c == '.' && point < 0 && k > i:
			point = k
		case c >= '0' && c <= '9':
			if c != '0' {
				lead = false
			}
			if !lead {
				digits++
			}
		default:
			return false
		}
	}
	switch {
	case digits > 15:
		return false
	case b[i] == '0' && i+1 < len(b) && b[i+1] != '.': // a leading zero
		return false
	case point >= 0 && (point == len(b)-1 || b[len(b)-1] == '0'): // 1. or 1.50
		return false
	}
	return true
}

// expr reads an expression string (not blank, within the length limit); a number is left
// to the validating decoder, which writes it as text.
func (fd *fast) expr(x *fastjson.Value) (Expr, bool) {
	if x.Type() != fastjson.TypeString {
		return Expr{}, false
	}
	b, _ := x.StringBytes()
	if len(trimSpace(b)) == 0 || len(b) > fd.lim.MaxExprLen && utf8.RuneCount(b) > fd.lim.MaxExprLen {
		return Expr{}, false
	}
	return Expr{Text: fd.str(b), Pos: fd.base}, true
}

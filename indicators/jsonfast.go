package indicators

import (
	"math"
	"slices"
	"strings"
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
	p := &Project{File: base.File, line: base.Line}
	root := s.spec(inRoot)
	s.defaults(root, p)
	fd := fast{s: s, base: base, lim: lim}
	if _, ok := fd.table(obj, root, p); !ok {
		return nil, false
	}
	return p, true
}

type fast struct {
	s       *schema
	base    Pos
	lim     Limits
	scratch []byte // a number's text, reused
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
		s, ok := jstr(x)
		switch {
		case !ok || s == "" && f.Required || s != "" && f.Enum != nil && !slices.Contains(f.Enum, s):
			return false
		case s == "":
		default:
			setText(f.at(obj), s)
			if f.Type == Prose {
				b, _ := x.StringBytes()
				*f.source(obj) = Expr{Text: string(b)}
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

// jstr reads a string, trimmed.
func jstr(v *fastjson.Value) (string, bool) {
	if v.Type() != fastjson.TypeString {
		return "", false
	}
	b, _ := v.StringBytes()
	return strings.TrimSpace(string(b)), true
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
		v := NumberValue(f)
		fd.scratch = x.MarshalTo(fd.scratch[:0])
		if raw := fd.scratch; string(raw) != v.Text && numberLiteral.Match(raw) {
			v.Text = string(raw) // as written: "99.60", not "99.6"
		}
		return v, ok
	case fastjson.TypeString:
		b, _ := x.StringBytes()
		s := string(b)
		if blank(s) {
			return Value{}, true
		}
		v := ParseValue(s)
		return v, !v.IsNum || math.Abs(v.Num) <= MaxMagnitude
	}
	return Value{}, false
}

// expr reads an expression string (not blank, within the length limit); a number is left
// to the validating decoder, which writes it as text.
func (fd *fast) expr(x *fastjson.Value) (Expr, bool) {
	if x.Type() != fastjson.TypeString {
		return Expr{}, false
	}
	b, _ := x.StringBytes()
	s := string(b)
	if strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > fd.lim.MaxExprLen {
		return Expr{}, false
	}
	return Expr{Text: s, Pos: fd.base}, true
}

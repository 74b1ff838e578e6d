package indicators

import (
	"fmt"
	"reflect"
	"slices"

	"jixiao/internal/i18n"
)

// This file stores values into the model and inspects them there, through Field.at, for
// every decoder and writer alike.

func setText(p any, s string) {
	switch p := p.(type) {
	case *string:
		*p = s
	case *Method:
		*p = Method(s)
	case *Direction:
		*p = Direction(s)
	case *ReviewEffect:
		*p = ReviewEffect(s)
	default:
		panic(fmt.Sprintf("indicators: a text stored in %T", p))
	}
}

func text(p any) string {
	switch p := p.(type) {
	case *string:
		return *p
	case *Method:
		return string(*p)
	case *Direction:
		return string(*p)
	case *ReviewEffect:
		return string(*p)
	}
	panic(fmt.Sprintf("indicators: a text read from %T", p))
}

// store puts v where p points: in a T, or in a new T a *T points to (an optional key).
func store[T any](p any, v T) {
	switch p := p.(type) {
	case *T:
		*p = v
	case **T:
		x := v // only an optional key's value is allocated
		*p = &x
	default:
		panic(fmt.Sprintf("indicators: a %T stored in %T", v, p))
	}
}

// load is the T stored where p points, and whether one is.
func load[T any](p any) (T, bool) {
	switch p := p.(type) {
	case *T:
		return *p, true
	case **T:
		if *p != nil {
			return **p, true
		}
		var zero T
		return zero, false
	}
	panic(fmt.Sprintf("indicators: a value read from %T", p))
}

func setNumber(p any, v float64)   { store(p, v) }
func number(p any) (float64, bool) { return load[float64](p) }
func setCount(p any, n int)        { store(p, n) }
func count(p any) (int, bool)      { return load[int](p) }

// defaults gives every key of a new model object of table t its default value.
func (s *schema) defaults(t *spec, obj any) {
	for _, f := range t.defaults {
		switch v := f.Default.(type) {
		case nil:
		case string:
			setText(f.at(obj), v)
		case float64:
			setNumber(f.at(obj), v)
		case int:
			setCount(f.at(obj), v)
		case bool:
			*f.at(obj).(*bool) = v
		case []Grade: // each project its own copy
			*f.at(obj).(*[]Grade) = slices.Clone(v)
		default:
			panic(fmt.Sprintf("indicators: no default of type %T", v))
		}
		if f.Type == Table && f.spec != nil { // a table held by value exists as soon as its parent does
			switch sub := f.at(obj).(type) {
			case **Funds, **Review: // held by pointer: made when given
			default:
				if reflect.ValueOf(sub).Elem().Kind() != reflect.Pointer {
					s.defaults(f.spec, sub)
				}
			}
		}
	}
}

// settle gives each absent key of table t its value implied by the others, and reports (to
// conflict) each key given together with one it excludes.
func (s *schema) settle(t *spec, obj any, conflict func(*Field)) {
	for _, f := range t.settled {
		if f.Implied != nil && !s.present(f, obj) {
			setText(f.at(obj), f.Implied(obj))
		}
		if f.excluded != nil && s.present(f, obj) && s.present(f.excluded, obj) {
			conflict(f)
		}
	}
}

// standsIn reports whether any of the keys that may stand in f's place is given.
func (s *schema) standsIn(f *Field, obj any) bool {
	for _, g := range f.standIns {
		if s.present(g, obj) {
			return true
		}
	}
	return false
}

// present reports whether a key holds a value in obj: set, not blank, not empty; a number
// stored without a pointer, or a table held by value, always does.
func (s *schema) present(f *Field, obj any) bool {
	p := f.at(obj)
	switch f.Type {
	case Text, Prose:
		return text(p) != ""
	case Number:
		_, ok := number(p)
		return ok
	case Count:
		_, ok := count(p)
		return ok
	case Bool:
		return true
	case Written:
		return p.(*Value).Set
	case Expression:
		return p.(*Expr).Text != ""
	case Interval:
		return *p.(**[2]float64) != nil
	}
	switch p := p.(type) { // Codes, Table, Tables: the common ones without reflection
	case *[]string:
		return len(*p) > 0
	case *[]Tier:
		return len(*p) > 0
	case *[]*Indicator:
		return len(*p) > 0
	case *[]Grade:
		return len(*p) > 0
	case **Funds:
		return *p != nil
	}
	v := reflect.ValueOf(p).Elem()
	switch v.Kind() {
	case reflect.Slice, reflect.Pointer:
		return !v.IsNil() && (v.Kind() == reflect.Pointer || v.Len() > 0)
	}
	return true
}

// within reports whether a number keeps to the field's bounds.
func (f *Field) within(v float64) bool {
	if f.Min != nil && (v < *f.Min || f.MinOpen && v == *f.Min) {
		return false
	}
	return f.Max == nil || v <= *f.Max
}

// reject is the message for a value the field does not take.
func (f *Field) reject(v any) i18n.Text {
	switch {
	case f.Reject != nil:
		return f.Reject(v)
	case f.Enum != nil:
		return i18n.T("%s只能是 %v，实际为 %q", "%s must be one of %v, not %q", named(f.Key, f.Label), f.Enum, v)
	case f.Min != nil && *f.Min == 0 && !f.MinOpen && f.Max == nil:
		return i18n.T("%s不能为负数", "%s cannot be negative", named(f.Key, f.Label))
	}
	return i18n.T("%s为 %v，超出允许的范围", "%s is %v, out of its range", named(f.Key, f.Label), v)
}

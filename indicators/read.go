package indicators

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// This file reads one generic value as each Type of the schema, with the messages every
// syntax shares.

// named is a key with what it means: "weight（分值）"; in English the key alone when the
// meaning is the key itself.
func named(key string, label i18n.Text) i18n.Text {
	if strings.EqualFold(label.En, strings.ReplaceAll(key, "_", " ")) {
		return i18n.T("%s（%s）", "%[1]s", key, label.Zh)
	}
	return i18n.T("%s（%s）", "%s (%s)", key, label)
}

func typeName(v any) i18n.Text {
	switch v.(type) {
	case string:
		return i18n.T("文本", "text")
	case int64, float64:
		return i18n.T("数字", "a number")
	case bool:
		return i18n.T("布尔值", "a boolean")
	case map[string]any:
		return i18n.T("表", "a table")
	case []any, []map[string]any:
		return i18n.T("数组", "an array")
	}
	return i18n.T("%T", "%T", v)
}

func (d *decoder) missing(tablePath, key string, label i18n.Text) {
	where := placeName(tablePath)
	if tablePath == "" {
		where = i18n.T("[%s]", "[%s]", key)
	}
	d.errorf(tablePath, ErrMissing, i18n.T("缺少必填项 %s：请在%s中填写", "missing required %s: add it to %s",
		named(key, label), where))
}

// places name the arrays of tables of the format, one of them counted from 1 as the text
// output counts them: 第 1 个指标, 第 2 档.
var places = map[string]i18n.Text{
	"indicator":    i18n.T("第 %d 个指标", "indicator %d"),
	"tiers":        i18n.T("第 %d 档", "tier %d"),
	"grades":       i18n.T("第 %d 个等次", "grade %d"),
	"review_rules": i18n.T("第 %d 条复核口径", "review rule %d"),
}

// placeName names the table at a key path as a person counts: "indicator[0].tiers[1]" is
// 第 1 个指标的第 2 档, "funds" [funds], "indicator[2].review" 第 3 个指标的 review 表.
func placeName(path string) i18n.Text {
	var parts []i18n.Text
	for _, seg := range strings.Split(path, ".") {
		name, index, counted := strings.Cut(seg, "[")
		n, err := strconv.Atoi(strings.TrimSuffix(index, "]"))
		if place, ok := places[name]; ok && counted && err == nil {
			parts = append(parts, i18n.T(place.Zh, place.En, n+1))
			continue
		}
		if len(parts) == 0 {
			parts = append(parts, i18n.T(" [%s] ", "[%s]", seg))
		} else {
			parts = append(parts, i18n.T(" %s 表", "its %s table", seg))
		}
	}
	if len(parts) == 0 {
		return i18n.T("文件顶层", "the top level")
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out = i18n.T("%s的%s", "%s, %s", out, p)
	}
	return out
}

func (d *decoder) str(t *table, key string, required bool, label i18n.Text) string {
	v, path, ok := t.get(key)
	if !ok {
		if required {
			d.missing(t.path, key, label)
		}
		return ""
	}
	switch s := v.(type) {
	case string:
		s = strings.TrimSpace(s)
		if s == "" && required {
			d.errorf(path, ErrMissing, i18n.T("%s不能为空", "%s must not be empty", named(key, label)))
		}
		return s
	case int64:
		return fmt.Sprint(s) // codes such as agency_code = 408003
	case float64:
		if s == math.Trunc(s) && math.Abs(s) < 1e15 {
			return strconv.FormatFloat(s, 'f', -1, 64) // the same code in JSON
		}
	}
	d.errorf(path, ErrType, i18n.T("%s应为文本，实际为%s", "%s must be text, not %s", named(key, label), typeName(v)))
	return ""
}

// number reads a number; a string holding exactly one number ("19.81", "217,418") is
// accepted, since converted tables often store numbers as text. Blank markers (—, -, /,
// 无) count as not given. ok is false when the value cannot be used.
func (d *decoder) number(t *table, key string, label i18n.Text) (v *float64, ok bool) {
	x, path, given := t.get(key)
	if !given {
		return nil, true
	}
	var f float64
	switch x := x.(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	case string:
		if blank(x) {
			return nil, true
		}
		n, good := num.ParseNumber(x)
		if !good {
			d.errorf(path, ErrType, i18n.T("%s应为数字，实际为文本 %q", "%s must be a number, not the text %q", named(key, label), x))
			return nil, false
		}
		f = n
	default:
		d.errorf(path, ErrType, i18n.T("%s应为数字，实际为%s", "%s must be a number, not %s", named(key, label), typeName(x)))
		return nil, false
	}
	if !d.finite(path, key, label, f) {
		return nil, false
	}
	return &f, true
}

func (d *decoder) finite(path, key string, label i18n.Text, f float64) bool {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		d.errorf(path, ErrValue, i18n.T("%s不能是 %v：请填写一个有限的数", "%s cannot be %v: give a finite number", named(key, label), f))
		return false
	}
	if math.Abs(f) > MaxMagnitude {
		d.errorf(path, ErrValue, i18n.T("%s为 %v，大得不合理（上限 10^15）：请检查数字，或换用更大的单位", "%s is %v, implausibly large (the limit is 10^15): check the figure, or use a larger unit",
			named(key, label), f))
		return false
	}
	return true
}

// blankMarks stand in a table's cell for "not given".
var blankMarks = []string{"-", "—", "——", "/", "无", "N/A", "n/a"}

func blank(s string) bool {
	s = strings.TrimSpace(num.Normalize(s))
	return s == "" || slices.Contains(blankMarks, s)
}

// MaxCount bounds a Count: a year, a number of targets.
const MaxCount = 1e9

// wholeCount reports whether f is a Count: whole, from 0 to MaxCount.
func wholeCount(f float64) bool { return f == math.Trunc(f) && f >= 0 && f <= MaxCount }

func (d *decoder) integer(t *table, key string, label i18n.Text) (*int, bool) {
	f, ok := d.number(t, key, label)
	if !ok || f == nil {
		return nil, ok
	}
	if !wholeCount(*f) {
		d.errorf(join(t.path, key), ErrValue, i18n.T("%s应为非负整数，实际为 %v", "%s must be a whole number ≥ 0, not %v", named(key, label), *f))
		return nil, false
	}
	n := int(*f)
	return &n, true
}

func (d *decoder) boolean(t *table, key string, label i18n.Text) (bool, bool) {
	v, path, ok := t.get(key)
	if !ok {
		return false, false
	}
	b, isBool := v.(bool)
	if !isBool {
		d.errorf(path, ErrType, i18n.T("%s应为 true 或 false，实际为%s", "%s must be true or false, not %s", named(key, label), typeName(v)))
		return false, false
	}
	return b, true
}

// value reads a target, actual or prior: a number or text as written.
func (d *decoder) value(t *table, key string, label i18n.Text) Value {
	v, path, ok := t.get(key)
	if !ok {
		return Value{}
	}
	switch x := v.(type) {
	case int64:
		return d.literal(path, NumberValue(float64(x)))
	case float64:
		if !d.finite(path, key, label, x) {
			return Value{}
		}
		return d.literal(path, NumberValue(x))
	case string:
		if blank(x) {
			return Value{}
		}
		v := ParseValue(x)
		if v.IsNum && !d.finite(path, key, label, v.Num) {
			return Value{}
		}
		return v
	case Value: // read by its syntax (a workbook cell)
		return x
	}
	d.errorf(path, ErrType, i18n.T("%s应为数字或文本，实际为%s", "%s must be a number or text, not %s", named(key, label), typeName(v)))
	return Value{}
}

// literal keeps a number's text as the file wrote it ("99.60", not "99.6").
func (d *decoder) literal(path string, v Value) Value {
	if raw := strings.TrimSpace(d.src.raw(path)); raw != "" {
		v.Text = strings.ReplaceAll(raw, "_", "")
	} else if raw := d.literals[path]; numberLiteral.MatchString(raw) {
		v.Text = raw
	}
	return v
}

// exprField reads an expression; a plain number is taken as its own expression (score = 10).
func (d *decoder) exprField(t *table, key string, required bool, label i18n.Text) Expr {
	v, path, ok := t.get(key)
	if !ok {
		if required {
			d.missing(t.path, key, label)
		}
		return Expr{}
	}
	var text string
	switch x := v.(type) {
	case string:
		text = x
	case int64:
		text = fmt.Sprint(x)
	case float64:
		if !d.finite(path, key, label, x) {
			return Expr{}
		}
		text = fmt.Sprint(x)
	default:
		d.errorf(path, ErrType, i18n.T("%s应为表达式文本，实际为%s", "%s must be an expression in quotes, not %s", named(key, label), typeName(v)))
		return Expr{}
	}
	if strings.TrimSpace(text) == "" {
		d.errorf(path, ErrMissing, i18n.T("%s不能为空", "%s must not be empty", named(key, label)))
		return Expr{}
	}
	if n := utf8.RuneCountInString(text); n > d.lim.MaxExprLen {
		d.errorf(path, ErrLimit, i18n.T("表达式长 %d 个字符，超过上限 %d", "the expression is %d characters long, over the limit of %d", n, d.lim.MaxExprLen))
		return Expr{}
	}
	e := d.src.expr(path, text)
	if d.src == nil {
		e.Pos = d.pos(path)
	}
	return e
}

// interval reads [low, high].
func (d *decoder) interval(path, key string, v any) *[2]float64 {
	items, ok := asArray(v)
	var out [2]float64
	if ok && len(items) == 2 {
		for i, it := range items {
			switch x := it.(type) {
			case int64:
				out[i] = float64(x)
			case float64:
				out[i] = x
			default:
				ok = false
			}
		}
	}
	if !ok || len(items) != 2 || math.IsNaN(out[0]) || math.IsNaN(out[1]) || out[0] > out[1] {
		d.errorf(path, ErrValue, i18n.T("%s 应为 [下限, 上限] 两个数，且下限不大于上限", "%s must be two numbers [low, high] with low ≤ high", key))
		return nil
	}
	return &out
}

// codes reads an array of check codes.
func (d *decoder) codes(path, key string, v any) []string {
	items, ok := asArray(v)
	var out []string
	for _, it := range items {
		s, isStr := it.(string)
		if !isStr {
			ok = false
			break
		}
		out = append(out, s)
	}
	if !ok {
		d.errorf(path, ErrType, i18n.T("%s 应为检查代码的数组，如 [\"all-full-marks\"]", "%s must be an array of check codes such as [\"all-full-marks\"]", key))
	}
	return out
}

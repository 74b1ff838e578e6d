package indicators

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"jixiao/internal/i18n"
)

// decoder maps what a syntax read onto the model, key by key as the schema says, and
// collects every error. Every syntax feeds it the same generic values, the ones TOML
// decoding yields: map[string]any tables, []any or []map[string]any arrays, string, int64,
// float64, bool; a syntax that has read a value itself may hand over the value (a workbook
// cell read as a written Value).
type decoder struct {
	s        *schema
	src      *Source           // a TOML file: every key placed
	cells    map[string]Pos    // a workbook: the cell each key was read from
	literals map[string]string // a JSON object: each number as written, by key path
	base     Pos               // the file, and for a JSONL stream the line
	lim      Limits
	errs     ErrorList
	projName string // the project's name, for messages
	indName  string // the current indicator's name, for messages
}

// pos places a key path: in the source, or at its cell, or else at the base.
func (d *decoder) pos(path string) Pos {
	switch {
	case d.src != nil:
		return d.src.Pos(path)
	case d.cells != nil:
		return cellPos(d.cells, path, d.base.File)
	}
	return d.base
}

// cellPos is the cell of the key at path, or of its nearest enclosing key, or the file.
func cellPos(cells map[string]Pos, path, file string) Pos {
	for q := path; q != ""; q = parent(q) {
		if pos, ok := cells[q]; ok {
			return pos
		}
	}
	return Pos{File: file}
}

// placed is the Prose or expression text at path with the place of its characters: in a
// TOML file each one, in a workbook the cell.
func (d *decoder) placed(path, text string) Expr {
	if d.src == nil && d.cells != nil {
		return Expr{Text: text, Pos: d.pos(path)}
	}
	return d.src.expr(path, text)
}

func (d *decoder) errorf(path string, kind ErrorKind, msg i18n.Text) {
	pos := d.pos(path)
	d.errs = append(d.errs, &Error{Pos: pos, Kind: kind, Project: d.projName, Indicator: d.indName,
		Msg: msg, Snippet: d.src.Line(pos.Line)})
}

// result is the project, or the errors found, sorted and capped.
func (d *decoder) result(p *Project) (*Project, error) {
	if len(d.errs) == 0 {
		return p, nil
	}
	d.errs.Sort()
	if len(d.errs) > MaxErrors {
		d.errs = d.errs[:MaxErrors]
	}
	return nil, d.errs
}

// table is one table being read: its path, its name in the schema, and the keys read so
// far, so that every key left over can be reported as unknown.
type table struct {
	path string
	in   string
	m    map[string]any
	used []string // the keys read, in order; a table has a dozen keys at most
}

func (d *decoder) table(path, in string, v any) (*table, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.errorf(path, ErrType, i18n.T("%s 应为表（[%s] 或 { … }），实际为%s", "%s must be a table ([%s] or { … }), not %s",
			path, path, typeName(v)))
		return nil, false
	}
	return &table{path: path, in: in, m: m}, true
}

func (t *table) get(key string) (any, string, bool) {
	t.used = append(t.used, key)
	v, ok := t.m[key]
	if v == nil { // JSON null: not given
		ok = false
	}
	return v, join(t.path, key), ok
}

// done reports every key of t that was not read.
func (d *decoder) done(t *table) {
	var unknown []string
	for k := range t.m {
		if !slices.Contains(t.used, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return
	}
	sort.Strings(unknown)
	known := slices.Clone(t.used)
	sort.Strings(known)
	known = slices.Compact(known)
	for _, k := range unknown {
		where := i18n.T("在%s中", "in %s", placeName(t.path))
		if t.path == "" {
			where = i18n.T("在文件顶层", "at the top level")
		}
		msg := i18n.T("未知的键 %q（%s）；可用的键：%s", "unknown key %q %s; known keys: %s", k, where, strings.Join(known, ", "))
		if hint := closest(k, known); hint != "" {
			msg = i18n.T("未知的键 %q（%s）；是不是 %q？", "unknown key %q %s; did you mean %q?", k, where, hint)
		}
		d.errorf(join(t.path, k), ErrUnknownKey, msg)
	}
}

// fields reads every key the schema gives t's table into obj, in the schema's order, then
// settles what the table's keys say together.
func (d *decoder) fields(t *table, obj any) {
	for _, f := range d.s.fields(t.in) {
		if f.Instead == nil {
			d.field(t, f, obj)
		}
	}
	d.s.settle(d.s.spec(t.in), obj, func(f *Field) { d.errorf(join(t.path, f.Key), ErrValue, f.Conflict) })
}

// field reads one key of t into obj: checks its type, bounds and values, and stores it.
func (d *decoder) field(t *table, f *Field, obj any) {
	path := join(t.path, f.Key)
	switch f.Type {
	case Text, Prose:
		s := d.str(t, f.Key, f.Required, f.Label)
		switch {
		case s == "":
		case f.Enum != nil && !slices.Contains(f.Enum, s):
			d.errorf(path, ErrValue, f.reject(s))
		default:
			setText(f.at(obj), s)
			if raw, ok := t.m[f.Key].(string); ok && f.Type == Prose {
				*f.source(obj) = d.placed(path, raw)
			}
		}
	case Number:
		v, _ := d.number(t, f.Key, f.Label)
		switch {
		case v == nil && f.Required && (!f.BlankIsZero || t.m[f.Key] == nil):
			d.missing(t.path, f.Key, f.Label)
		case v != nil && !f.within(*v):
			d.errorf(path, ErrValue, f.reject(*v))
		case v != nil:
			setNumber(f.at(obj), *v)
		}
	case Count:
		n, ok := d.integer(t, f.Key, f.Label)
		switch {
		case n == nil && ok && f.Required:
			d.missing(t.path, f.Key, f.Label)
		case n != nil && !f.within(float64(*n)):
			d.errorf(path, ErrValue, f.reject(*n))
		case n != nil:
			setCount(f.at(obj), *n)
		}
	case Bool:
		if b, ok := d.boolean(t, f.Key, f.Label); ok {
			*f.at(obj).(*bool) = b
		}
	case Written:
		*f.at(obj).(*Value) = d.value(t, f.Key, f.Label)
	case Expression:
		*f.at(obj).(*Expr) = d.exprField(t, f.Key, f.Required, f.Label)
	case Interval:
		if v, path, ok := t.get(f.Key); ok {
			*f.at(obj).(**[2]float64) = d.interval(path, f.Key, v)
		}
	case Codes:
		if v, path, ok := t.get(f.Key); ok {
			*f.at(obj).(*[]string) = d.codes(path, f.Key, v)
		}
	case Table, Tables:
		v, path, ok := t.get(f.Key)
		switch {
		case !ok && f.Required && !f.Missing.IsZero():
			d.errorf(t.path, ErrMissing, f.Missing)
		case !ok && f.Required:
			d.missing(t.path, f.Key, f.Label)
		case !ok:
		case f.Type == Table:
			d.subtable(path, f, v, obj)
		default:
			d.tablesOf(path, f, v, obj)
		}
	}
}

// subtable reads a table of keys into the object the field holds, made if need be.
func (d *decoder) subtable(path string, f *Field, v any, obj any) {
	t, ok := d.table(path, f.sub(), v)
	if !ok {
		return
	}
	sub := d.s.open(f, obj)
	d.fields(t, sub)
	d.done(t)
}

// open returns the model object a Table field holds, making it (with its defaults) when the
// field holds a pointer to one.
func (s *schema) open(f *Field, obj any) any {
	if p, ok := f.at(obj).(**Funds); ok { // the common case, without reflection
		*p = &Funds{}
		s.defaults(f.spec, *p)
		return *p
	}
	at := reflect.ValueOf(f.at(obj))
	if at.Elem().Kind() != reflect.Pointer {
		return at.Interface()
	}
	made := reflect.New(at.Elem().Type().Elem())
	at.Elem().Set(made)
	s.defaults(f.spec, made.Interface())
	return made.Interface()
}

// tablesOf reads an array of tables: the indicators, a criterion's tiers, the grades.
func (d *decoder) tablesOf(path string, f *Field, v any, obj any) {
	switch dst := f.at(obj).(type) {
	case *[]*Indicator:
		*dst = d.indicators(path, f, v)
	case *[]Tier:
		*dst = d.tiers(path, f, v)
	case *[]Grade:
		if grades, ok := d.grades(path, f, v); ok {
			*dst = grades
		}
	case *[]ReviewRule:
		*dst = d.reviewRules(path, f, v)
	default:
		panic(fmt.Sprintf("indicators: no reader for the tables of %s", path))
	}
}

// project reads a whole file's tables.
func (d *decoder) project(m map[string]any) *Project {
	p := &Project{File: d.base.File, Source: d.src}
	d.s.defaults(d.s.spec(inRoot), p)
	root := &table{m: m}
	// The name first, so every message can say which project it is about.
	if pm, isMap := m["project"].(map[string]any); isMap {
		if name, isStr := pm["name"].(string); isStr {
			d.projName = strings.TrimSpace(name)
		}
	}
	d.fields(root, p)
	d.done(root)
	return p
}

func (d *decoder) indicators(path string, f *Field, v any) []*Indicator {
	items, ok := asArray(v)
	if !ok {
		d.errorf(path, ErrType, i18n.T("indicator 应写成 [[indicator]] 表数组", "indicator must be written as [[indicator]] tables"))
		return nil
	}
	if len(items) == 0 {
		d.errorf(path, ErrMissing, i18n.T("没有任何指标", "no indicators"))
		return nil
	}
	if len(items) > d.lim.MaxIndicators {
		d.errorf(path, ErrLimit, i18n.T("共 %d 个指标，超过上限 %d；请检查文件，或用 --max-indicators 放宽上限",
			"%d indicators, over the limit of %d: check the file, or raise the limit with --max-indicators",
			len(items), d.lim.MaxIndicators))
		return nil
	}
	out := make([]*Indicator, 0, len(items))
	var seen indicatorNames
	for i, item := range items {
		ind := d.indicator(path, f, i, item)
		if ind == nil {
			continue
		}
		if prev, dup := seen.add(ind, i); dup {
			d.indName = ind.Name
			d.errorf(ind.Path(), ErrValue, i18n.T("指标重复：与第 %d 个指标同名（同一一级、二级指标下）；请删除重复项或改名",
				"duplicate indicator: same name as indicator %d under the same headings; remove one or rename it", prev+1))
			d.indName = ""
		}
		out = append(out, ind)
	}
	return out
}

// indicatorNames finds indicators named alike under the same headings.
type indicatorNames []struct {
	key string
	at  int
}

// add records ind, the i-th indicator; it reports the place of an earlier one named alike.
func (s *indicatorNames) add(ind *Indicator, i int) (int, bool) {
	key := ind.Level1 + "\x00" + ind.Level2 + "\x00" + ind.Name
	for _, e := range *s {
		if e.key == key {
			return e.at, true
		}
	}
	*s = append(*s, struct {
		key string
		at  int
	}{key, i})
	return 0, false
}

func (d *decoder) indicator(arrayPath string, f *Field, i int, v any) *Indicator {
	path := fmt.Sprintf("%s[%d]", arrayPath, i)
	d.indName = ""
	if m, ok := v.(map[string]any); ok {
		if name, isStr := m["name"].(string); isStr {
			d.indName = strings.TrimSpace(name)
		}
	}
	if d.indName == "" {
		d.indName = fmt.Sprintf("[[indicator]] #%d", i+1)
	}
	defer func() { d.indName = "" }()
	t, ok := d.table(path, f.sub(), v)
	if !ok {
		return nil
	}
	ind := &Indicator{Index: i, Pos: d.pos(path)}
	d.s.defaults(f.spec, ind)
	d.fields(t, ind)
	d.done(t)
	return ind
}

func (d *decoder) tiers(path string, f *Field, v any) []Tier {
	items, ok := asArray(v)
	if !ok {
		d.errorf(path, ErrType, i18n.T("tiers 应为数组：[ { when = \"…\", score = \"…\" }, … ]",
			"tiers must be an array: [ { when = \"…\", score = \"…\" }, … ]"))
		return nil
	}
	if len(items) > d.lim.MaxTiers {
		d.errorf(path, ErrLimit, i18n.T("共 %d 档，超过上限 %d；请检查文件，或用 --max-tiers 放宽上限",
			"%d tiers, over the limit of %d: check the file, or raise the limit with --max-tiers", len(items), d.lim.MaxTiers))
		return nil
	}
	tiers := make([]Tier, 0, len(items))
	for i, item := range items {
		tpath := fmt.Sprintf("%s[%d]", path, i)
		if _, isTable := item.(map[string]any); !isTable {
			d.errorf(tpath, ErrType, i18n.T("第 %d 档应写成 { when = \"条件\", score = \"得分\" }，实际为%s",
				"tier %d must be written { when = \"condition\", score = \"score\" }, not %s", i+1, typeName(item)))
			continue
		}
		t, _ := d.table(tpath, f.sub(), item)
		tier := Tier{Pos: d.pos(tpath)}
		d.fields(t, &tier)
		for _, sf := range d.s.fields(t.in) {
			switch {
			case sf.Instead == nil:
			case d.s.standsIn(sf, &tier):
				_, _, given := t.get(sf.Key)
				discretion(&tier, given, func(key string, kind ErrorKind, msg i18n.Text) { d.errorf(join(tpath, key), kind, msg) })
			default:
				d.field(t, sf, &tier)
			}
		}
		d.done(t)
		tiers = append(tiers, tier)
	}
	return tiers
}

// discretion checks a discretionary tier, one with min or max: it needs both, in order,
// and no score besides. report gets each problem and the key it is about ("" for the tier).
func discretion(t *Tier, scoreGiven bool, report func(key string, kind ErrorKind, msg i18n.Text)) {
	if t.Min == nil || t.Max == nil {
		report("", ErrMissing, i18n.T("自由裁量档须同时给出 min 和 max", "a discretionary tier needs both min and max"))
	} else if *t.Min > *t.Max {
		report("", ErrValue, i18n.T("min（%v）大于 max（%v）", "min (%v) is greater than max (%v)", *t.Min, *t.Max))
	}
	if scoreGiven {
		report("score", ErrValue, i18n.T("自由裁量档用 min/max，不能再写 score", "a discretionary tier uses min and max, not score"))
	}
}

func (d *decoder) grades(path string, f *Field, v any) ([]Grade, bool) {
	items, ok := asArray(v)
	if !ok || len(items) == 0 {
		d.errorf(path, ErrType, i18n.T("grades 应为等次数组，如 [ { name = \"优\", min = 90 }, … ]",
			"grades must be an array of bands such as [ { name = \"优\", min = 90 }, … ]"))
		return nil, false
	}
	n := len(d.errs)
	var grades []Grade
	for i, item := range items {
		t, good := d.table(fmt.Sprintf("%s[%d]", path, i), f.sub(), item)
		if !good {
			continue
		}
		var g Grade
		d.fields(t, &g)
		grades = append(grades, g)
		d.done(t)
	}
	if len(d.errs) > n {
		return nil, false
	}
	sortGrades(grades)
	return grades, true
}

// sortGrades puts the bands highest first.
func sortGrades(grades []Grade) {
	sort.SliceStable(grades, func(i, j int) bool { return grades[i].Min > grades[j].Min })
}

func asArray(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case []map[string]any:
		out := make([]any, len(x))
		for i, m := range x {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

package indicators

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// Limits bound what one file may hold, so that a hostile or broken file is rejected with
// an error instead of exhausting memory. Zero fields take the defaults below, which no real
// self-evaluation table comes near.
type Limits struct {
	MaxFileSize   int64 // bytes; default DefaultMaxFileSize
	MaxIndicators int   // indicators per project; default DefaultMaxIndicators
	MaxTiers      int   // tiers per indicator; default DefaultMaxTiers
	MaxExprLen    int   // characters in one when or score expression; default DefaultMaxExprLen
}

// Default limits.
const (
	DefaultMaxFileSize   = 8 << 20
	DefaultMaxIndicators = 1000
	DefaultMaxTiers      = 200
	DefaultMaxExprLen    = 4000
)

func (l Limits) withDefaults() Limits {
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = DefaultMaxFileSize
	}
	if l.MaxIndicators <= 0 {
		l.MaxIndicators = DefaultMaxIndicators
	}
	if l.MaxTiers <= 0 {
		l.MaxTiers = DefaultMaxTiers
	}
	if l.MaxExprLen <= 0 {
		l.MaxExprLen = DefaultMaxExprLen
	}
	return l
}

// Load reads and parses one TOML file. The error, if any, is an ErrorList.
func Load(path string, lim Limits) (*Project, error) {
	lim = lim.withDefaults()
	if err := checkSize(path, lim); err != nil {
		return nil, ErrorList{err}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrorList{readError(path, err)}
	}
	return Parse(path, data, lim)
}

// checkSize rejects a file that does not exist or is larger than the limit, before it is read.
func checkSize(path string, lim Limits) *Error {
	info, err := os.Stat(path)
	if err != nil {
		return readError(path, err)
	}
	if info.Size() > lim.MaxFileSize {
		return &Error{Pos: Pos{File: path}, Kind: ErrLimit, Msg: i18n.T(
			"文件大小 %d 字节，超过上限 %d 字节；真实的自评表远小于此，请检查文件，或用 --max-file-size 放宽上限",
			"the file is %d bytes, over the limit of %d; no real self-evaluation is this large: check the file, or raise the limit with --max-file-size",
			info.Size(), lim.MaxFileSize)}
	}
	return nil
}

func readError(path string, err error) *Error {
	var msg i18n.Text
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = i18n.T("文件不存在，请检查路径", "no such file: check the path")
	case errors.Is(err, fs.ErrPermission):
		msg = i18n.T("没有读取权限", "permission denied")
	default:
		msg = i18n.T("无法读取：%v", "cannot read: %v", err)
	}
	return &Error{Pos: Pos{File: path}, Kind: ErrRead, Msg: msg}
}

// Files expands the command-line arguments into the files to load: a file stands for
// itself, a folder for every *.toml, *.xlsx and JSON Lines file below it (not Office's ~$
// lock files), in lexical order, and "-" (standard input) for itself.
func Files(args []string) ([]string, error) {
	var files []string
	var errs ErrorList
	for _, arg := range args {
		if arg == "-" {
			files = append(files, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, readError(arg, err))
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, readError(path, err))
				return nil
			}
			if !d.IsDir() && (strings.EqualFold(filepath.Ext(path), ".toml") || IsWorkbook(path) || IsStream(path)) && !strings.HasPrefix(d.Name(), "~$") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, readError(arg, err))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs.Err()
}

// Parse reads one project from TOML text. name is the file name used in positions. On
// failure the error is an ErrorList holding every problem found, sorted by position; the
// project is nil then.
func Parse(name string, data []byte, lim Limits) (*Project, error) {
	lim = lim.withDefaults()
	fileErr := func(kind ErrorKind, msg i18n.Text) (*Project, error) {
		return nil, ErrorList{{Pos: Pos{File: name}, Kind: kind, Msg: msg}}
	}
	if int64(len(data)) > lim.MaxFileSize {
		return fileErr(ErrLimit, i18n.T("文件大小 %d 字节，超过上限 %d 字节", "the file is %d bytes, over the limit of %d", len(data), lim.MaxFileSize))
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		return fileErr(ErrEncoding, i18n.T("文件是 UTF-16 编码：请用 UTF-8 另存后再试", "the file is UTF-16: save it as UTF-8 and try again"))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return fileErr(ErrEncoding, i18n.T("这是二进制文件，不是 TOML 文本", "this is a binary file, not TOML text"))
	}
	if !utf8.Valid(data) {
		line, colm := invalidUTF8At(data)
		return nil, ErrorList{{Pos: Pos{File: name, Line: line, Col: colm}, Kind: ErrEncoding, Msg: i18n.T(
			"文件不是 UTF-8 编码（多半是 GBK）：请用 UTF-8 另存后再试",
			"the file is not UTF-8 (most likely GBK): save it as UTF-8 and try again")}}
	}
	text := string(data)
	if strings.TrimSpace(stripComments(text)) == "" {
		return fileErr(ErrMissing, i18n.T("文件是空的：至少需要 [project] 和一个 [[indicator]]",
			"the file is empty: it needs at least [project] and one [[indicator]]"))
	}
	if err := countIndicators(name, text, lim); err != nil {
		return nil, ErrorList{err}
	}
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		return nil, ErrorList{syntaxError(name, text, err)}
	}
	d := &decoder{src: newSource(name, text), base: Pos{File: name}, lim: lim}
	p := d.project(m)
	if len(d.errs) > 0 {
		d.errs.Sort()
		if len(d.errs) > MaxErrors {
			d.errs = d.errs[:MaxErrors]
		}
		return nil, d.errs
	}
	return p, nil
}

// countIndicators rejects a file with more [[indicator]] tables than the limit before it is
// decoded, so that a huge file fails at once rather than after seconds of parsing. It
// counts header lines only; the decoder's count remains the authority.
func countIndicators(name, text string, lim Limits) *Error {
	n, line := 0, 0
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text) - i
		}
		line++
		if l := strings.TrimSpace(text[i : i+end]); strings.HasPrefix(l, "[[indicator]]") || strings.HasPrefix(l, "[[ indicator ]]") {
			n++
			if n > lim.MaxIndicators {
				return &Error{Pos: Pos{File: name, Line: line, Col: 1}, Kind: ErrLimit, Msg: i18n.T(
					"指标超过 %d 个（第 %d 个从这里开始）：真实的自评表远少于此，请检查文件，或用 --max-indicators 放宽上限",
					"more than %d indicators (number %d starts here): no real table has this many; check the file, or raise the limit with --max-indicators",
					lim.MaxIndicators, n)}
			}
		}
		i += end + 1
	}
	return nil
}

func stripComments(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line)
	}
	return b.String()
}

func invalidUTF8At(data []byte) (line, colm int) {
	line, colm = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, colm
		}
		if r == '\n' {
			line, colm = line+1, 1
		} else {
			colm++
		}
		data = data[size:]
	}
	return line, colm
}

func syntaxError(name, text string, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		pos := Pos{File: name, Line: pe.Position.Line}
		lines := strings.Split(text, "\n")
		var snippet string
		if pe.Position.Line >= 1 && pe.Position.Line <= len(lines) {
			snippet = strings.TrimRight(lines[pe.Position.Line-1], "\r")
			lineStart := 0
			for _, l := range lines[:pe.Position.Line-1] {
				lineStart += len(l) + 1
			}
			pos.Col = col(snippet, pe.Position.Start-lineStart)
		}
		return &Error{Pos: pos, Kind: ErrSyntax, Snippet: snippet, Msg: i18n.T(
			"TOML 语法错误：%s", "TOML syntax error: %s", pe.Message)}
	}
	return &Error{Pos: Pos{File: name}, Kind: ErrSyntax, Msg: i18n.T("TOML 语法错误：%v", "TOML syntax error: %v", err)}
}

// decoder maps the decoded TOML tables onto the model, collecting every error.
type decoder struct {
	src      *Source // nil for input that has no key positions
	base     Pos     // the file, and for a JSONL stream the line, when src is nil
	lim      Limits
	errs     ErrorList
	projName string // the project's name, for messages
	indName  string // the current indicator's name, for messages
}

// pos places a key path: in the source when there is one, else at the base (a stream's line).
func (d *decoder) pos(path string) Pos {
	if d.src == nil {
		return d.base
	}
	return d.src.Pos(path)
}

func (d *decoder) errorf(path string, kind ErrorKind, msg i18n.Text) {
	pos := d.pos(path)
	d.errs = append(d.errs, &Error{Pos: pos, Kind: kind, Project: d.projName, Indicator: d.indName,
		Msg: msg, Snippet: d.src.Line(pos.Line)})
}

// table is one TOML table being read: its path and the keys read so far, so that every key
// left over can be reported as unknown.
type table struct {
	path string
	m    map[string]any
	used []string // the keys read, in order; a table has a dozen keys at most
}

func (d *decoder) table(path string, v any) (*table, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		d.errorf(path, ErrType, i18n.T("%s 应为表（[%s] 或 { … }），实际为%s", "%s must be a table ([%s] or { … }), not %s",
			path, path, typeName(v)))
		return nil, false
	}
	return &table{path: path, m: m}, true
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
		where := i18n.T("在 %s 中", "in %s", t.path)
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

// closest returns the known key nearest to k, if it is near enough to be a likely typo or
// shortening (within two edits, or a third of k's length) and no other is as near.
func closest(k string, known []string) string {
	limit := max(2, len([]rune(k))/3)
	best, bestD, ties := "", limit+1, 0
	for _, c := range known {
		switch dist := editDistance(k, c); {
		case dist < bestD:
			best, bestD, ties = c, dist, 0
		case dist == bestD && best != "":
			ties++
		}
	}
	if ties > 0 {
		return ""
	}
	if best != "" {
		return best
	}
	// A shortened name: every word of k, in order, among the words of one known key
	// (execution_min for execution_rate_min).
	var found []string
	for _, c := range known {
		if wordsWithin(strings.Split(k, "_"), strings.Split(c, "_")) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

func wordsWithin(words, in []string) bool {
	if len(words) < 2 {
		return false
	}
	i := 0
	for _, w := range in {
		if i < len(words) && w == words[i] {
			i++
		}
	}
	return i == len(words)
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

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

func (d *decoder) missing(tablePath, key string, label i18n.Text) {
	where := tablePath
	if where == "" {
		where = key
	}
	d.errorf(tablePath, ErrMissing, i18n.T("缺少必填项 %s：请在 [%s] 中填写", "missing required %s: add it to [%s]",
		named(key, label), where))
}

// number reads a number; a string holding exactly one number ("19.81", "217,418") is
// accepted, since converted tables often store numbers as text. Blank markers (—, -, /,
// 无) count as not given.
func (d *decoder) number(t *table, key string, label i18n.Text) (*float64, bool) {
	v, path, ok := t.get(key)
	if !ok {
		return nil, true
	}
	var f float64
	switch x := v.(type) {
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
		d.errorf(path, ErrType, i18n.T("%s应为数字，实际为%s", "%s must be a number, not %s", named(key, label), typeName(v)))
		return nil, false
	}
	if !d.finite(path, key, label, f) {
		return nil, false
	}
	return &f, true
}

// MaxMagnitude bounds every number in a file: beyond 10^15 a float64 no longer holds every
// integer or cent exactly, and no table's figure comes near it (万元 or 元 alike).
const MaxMagnitude = 1e15

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

func blank(s string) bool {
	switch strings.TrimSpace(num.Normalize(s)) {
	case "", "-", "—", "——", "/", "无", "N/A", "n/a":
		return true
	}
	return false
}

func (d *decoder) integer(t *table, key string, label i18n.Text) *int {
	f, ok := d.number(t, key, label)
	if !ok || f == nil {
		return nil
	}
	if *f != math.Trunc(*f) || *f < 0 || *f > 1e9 {
		d.errorf(join(t.path, key), ErrValue, i18n.T("%s应为非负整数，实际为 %v", "%s must be a whole number ≥ 0, not %v", named(key, label), *f))
		return nil
	}
	n := int(*f)
	return &n
}

func (d *decoder) boolean(t *table, key string, def bool, label i18n.Text) bool {
	v, path, ok := t.get(key)
	if !ok {
		return def
	}
	b, isBool := v.(bool)
	if !isBool {
		d.errorf(path, ErrType, i18n.T("%s应为 true 或 false，实际为%s", "%s must be true or false, not %s", named(key, label), typeName(v)))
		return def
	}
	return b
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
	}
	d.errorf(path, ErrType, i18n.T("%s应为数字或文本，实际为%s", "%s must be a number or text, not %s", named(key, label), typeName(v)))
	return Value{}
}

// literal keeps a number's text as the file wrote it ("99.60", not "99.6").
func (d *decoder) literal(path string, v Value) Value {
	if raw := strings.TrimSpace(d.src.raw(path)); raw != "" {
		v.Text = strings.ReplaceAll(raw, "_", "")
	}
	return v
}

func (d *decoder) project(m map[string]any) *Project {
	p := &Project{File: d.base.File, Source: d.src}
	root := &table{m: m}
	// The name first, so every message can say which project it is about.
	if pv, _, ok := root.get("project"); ok {
		if pm, isMap := pv.(map[string]any); isMap {
			if name, isStr := pm["name"].(string); isStr {
				d.projName = strings.TrimSpace(name)
			}
		}
	}
	if v, path, ok := root.get("project"); ok {
		if t, good := d.table(path, v); good {
			p.Name = d.str(t, "name", true, i18n.T("专项名称", "project name"))
			p.Agency = d.str(t, "agency", false, i18n.T("单位名称", "budget unit"))
			p.AgencyCode = d.str(t, "agency_code", false, i18n.T("单位编码", "unit code"))
			p.FunctionCode = d.str(t, "function_code", false, i18n.T("功能科目编码", "function code"))
			if y := d.integer(t, "year", i18n.T("年度", "year")); y != nil {
				p.Year = *y
			}
			d.done(t)
		}
	} else {
		d.errorf("", ErrMissing, i18n.T("缺少 [project] 表：请至少填写 [project] 的 name（专项名称）",
			"missing the [project] table: add [project] with at least its name"))
	}
	if v, path, ok := root.get("funds"); ok {
		if t, good := d.table(path, v); good {
			p.Funds = d.funds(t)
		}
	}
	p.Scoring = Scoring{FullMarks: DefaultFullMarks, Decimals: DefaultDecimals, Method: DefaultMethod, Grades: DefaultGrades()}
	if v, path, ok := root.get("scoring"); ok {
		if t, good := d.table(path, v); good {
			d.scoring(t, &p.Scoring)
		}
	}
	if v, path, ok := root.get("reported"); ok {
		if t, good := d.table(path, v); good {
			p.Reported = d.reported(t)
		}
	}
	if v, path, ok := root.get("review"); ok {
		if t, good := d.table(path, v); good {
			p.Review = d.review(t)
		}
	}
	if v, path, ok := root.get("indicator"); ok {
		p.Indicators = d.indicators(path, v, p.Scoring)
	} else {
		d.errorf("", ErrMissing, i18n.T("没有任何指标：请用 [[indicator]] 逐项填写三级指标",
			"no indicators: add each 三级指标 as an [[indicator]] table"))
	}
	d.done(root)
	return p
}

func (d *decoder) funds(t *table) *Funds {
	f := &Funds{}
	f.Unit = d.str(t, "unit", false, i18n.T("金额单位", "money unit"))
	switch f.Unit {
	case "":
		f.Unit = "万元"
	case "万元", "元":
	default:
		d.errorf(join(t.path, "unit"), ErrValue, i18n.T("金额单位只能是 万元 或 元，实际为 %q", "the money unit must be 万元 or 元, not %q", f.Unit))
	}
	amounts := []struct {
		key   string
		dst   **float64
		label i18n.Text
	}{
		{"budget", &f.Budget, i18n.T("年初预算数①", "budget ①")},
		{"adjustment", &f.Adjustment, i18n.T("年中调整②", "adjustment ②")},
		{"allocated", &f.Allocated, i18n.T("年度拨付③", "allocated ③")},
		{"balance", &f.Balance, i18n.T("本年度结余④", "balance ④")},
		{"received", &f.Received, i18n.T("实际到位⑤", "received ⑤")},
		{"spent", &f.Spent, i18n.T("实际支出⑥", "spent ⑥")},
		{"unspent", &f.Unspent, i18n.T("结余⑦", "unspent ⑦")},
		{"unspent_rate", &f.UnspentRate, i18n.T("结余率⑧", "unspent rate ⑧")},
		{"full_year_budget", &f.FullYearBudget, i18n.T("全年预算数", "full-year budget")},
		{"reported", &f.Reported, i18n.T("预算执行率得分", "reported execution score")},
	}
	for _, a := range amounts {
		*a.dst, _ = d.number(t, a.key, a.label)
	}
	if w, _ := d.number(t, "weight", i18n.T("预算执行率分值", "execution-rate weight")); w != nil {
		if *w < 0 {
			d.errorf(join(t.path, "weight"), ErrValue, i18n.T("预算执行率分值不能为负数", "the execution-rate weight cannot be negative"))
		}
		f.Weight = *w
	}
	f.Reason = d.str(t, "reason", false, i18n.T("偏差原因", "reason"))
	d.done(t)
	return f
}

func (d *decoder) scoring(t *table, s *Scoring) {
	if v, _ := d.number(t, "full_marks", i18n.T("满分", "full marks")); v != nil {
		if *v <= 0 {
			d.errorf(join(t.path, "full_marks"), ErrValue, i18n.T("满分必须大于 0", "full_marks must be greater than 0"))
		} else {
			s.FullMarks = *v
		}
	}
	if v := d.integer(t, "decimals", i18n.T("小数位数", "decimals")); v != nil {
		if *v > num.MaxDecimals {
			d.errorf(join(t.path, "decimals"), ErrValue, i18n.T("小数位数最多 %d 位", "decimals can be at most %d", num.MaxDecimals))
		} else {
			s.Decimals = *v
		}
	}
	if m := d.method(t); m != "" {
		s.Method = m
	}
	if v, path, ok := t.get("grades"); ok {
		if grades, good := d.grades(path, v); good {
			s.Grades = grades
		}
	}
	d.done(t)
}

func (d *decoder) method(t *table) Method {
	s := d.str(t, "method", false, i18n.T("计分方法", "scoring method"))
	if s == "" {
		return ""
	}
	m := Method(s)
	if !slices.Contains(Methods, m) {
		names := make([]string, len(Methods))
		for i, x := range Methods {
			names[i] = string(x)
		}
		d.errorf(join(t.path, "method"), ErrValue, i18n.T("未知的计分方法 %q；可用：%s", "unknown scoring method %q; use one of: %s",
			s, strings.Join(names, ", ")))
		return ""
	}
	return m
}

func (d *decoder) grades(path string, v any) ([]Grade, bool) {
	items, ok := asArray(v)
	if !ok || len(items) == 0 {
		d.errorf(path, ErrType, i18n.T("grades 应为等次数组，如 [ { name = \"优\", min = 90 }, … ]",
			"grades must be an array of bands such as [ { name = \"优\", min = 90 }, … ]"))
		return nil, false
	}
	n := len(d.errs)
	var grades []Grade
	for i, item := range items {
		t, good := d.table(fmt.Sprintf("%s[%d]", path, i), item)
		if !good {
			continue
		}
		name := d.str(t, "name", true, i18n.T("等次名称", "grade name"))
		lo, _ := d.number(t, "min", i18n.T("等次下限", "grade lower bound"))
		if lo == nil {
			d.missing(t.path, "min", i18n.T("等次下限", "grade lower bound"))
		} else {
			grades = append(grades, Grade{Name: name, Min: *lo})
		}
		d.done(t)
	}
	if len(d.errs) > n {
		return nil, false
	}
	sort.SliceStable(grades, func(i, j int) bool { return grades[i].Min > grades[j].Min })
	return grades, true
}

func (d *decoder) reported(t *table) Reported {
	var r Reported
	r.Total, _ = d.number(t, "total", i18n.T("合计", "table total"))
	r.Score, _ = d.number(t, "score", i18n.T("自评得分", "self-assessed score"))
	r.Grade = d.str(t, "grade", false, i18n.T("等次", "grade"))
	r.TargetsSet = d.integer(t, "targets_set", i18n.T("设置绩效目标个数", "targets set"))
	r.TargetsMet = d.integer(t, "targets_met", i18n.T("实际完成个数", "targets met"))
	d.done(t)
	return r
}

func (d *decoder) review(t *table) Review {
	var r Review
	fields := []struct {
		key   string
		dst   **float64
		label i18n.Text
	}{
		{"tolerance", &r.Tolerance, i18n.T("得分容差", "score tolerance")},
		{"money_tolerance", &r.MoneyTolerance, i18n.T("金额容差", "money tolerance")},
		{"overachieved_ratio", &r.OverachievedRatio, i18n.T("超额完成比例", "over-achievement ratio")},
		{"execution_rate_min", &r.ExecutionRateMin, i18n.T("预算执行率下限", "minimum execution rate")},
		{"balance_rate_max", &r.BalanceRateMax, i18n.T("结余率上限", "maximum balance rate")},
		{"spend_gap_max", &r.SpendGapMax, i18n.T("绩效与支出差距上限", "maximum spend–results gap")},
	}
	for _, f := range fields {
		v, _ := d.number(t, f.key, f.label)
		if v != nil && *v < 0 {
			d.errorf(join(t.path, f.key), ErrValue, i18n.T("%s不能为负数", "%s cannot be negative", named(f.key, f.label)))
			continue
		}
		*f.dst = v
	}
	if v, path, ok := t.get("disable"); ok {
		items, isArr := asArray(v)
		for _, it := range items {
			s, isStr := it.(string)
			if !isStr {
				isArr = false
				break
			}
			r.Disable = append(r.Disable, s)
		}
		if !isArr {
			d.errorf(path, ErrType, i18n.T("disable 应为检查代码的数组，如 [\"all-full-marks\"]", "disable must be an array of check codes such as [\"all-full-marks\"]"))
		}
	}
	d.done(t)
	return r
}

// LoadConfig reads a shared configuration file: a [review] table of check thresholds, as
// a reviewer keeps one per province. Nothing else may stand in it.
func LoadConfig(path string) (Review, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Review{}, ErrorList{readError(path, err)}
	}
	if !utf8.Valid(data) {
		return Review{}, ErrorList{{Pos: Pos{File: path}, Kind: ErrEncoding, Msg: i18n.T(
			"文件不是 UTF-8 编码（多半是 GBK）：请用 UTF-8 另存后再试", "the file is not UTF-8 (most likely GBK): save it as UTF-8 and try again")}}
	}
	text := string(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		return Review{}, ErrorList{syntaxError(path, text, err)}
	}
	d := &decoder{src: newSource(path, text), base: Pos{File: path}}
	root := &table{m: m}
	var r Review
	if v, p, ok := root.get("review"); ok {
		if t, good := d.table(p, v); good {
			r = d.review(t)
		}
	}
	d.done(root)
	if len(d.errs) > 0 {
		d.errs.Sort()
		return Review{}, d.errs
	}
	return r, nil
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

func (d *decoder) indicators(path string, v any, s Scoring) []*Indicator {
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
	seen := map[string]int{}
	for i, item := range items {
		ind := d.indicator(i, item)
		if ind == nil {
			continue
		}
		key := ind.Level1 + "\x00" + ind.Level2 + "\x00" + ind.Name
		if prev, dup := seen[key]; dup {
			d.indName = ind.Name
			d.errorf(ind.Path(), ErrValue, i18n.T("指标重复：与第 %d 个指标同名（同一一级、二级指标下）；请删除重复项或改名",
				"duplicate indicator: same name as indicator %d under the same headings; remove one or rename it", prev+1))
			d.indName = ""
		} else {
			seen[key] = i
		}
		out = append(out, ind)
	}
	return out
}

func (d *decoder) indicator(i int, v any) *Indicator {
	path := fmt.Sprintf("indicator[%d]", i)
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
	t, ok := d.table(path, v)
	if !ok {
		return nil
	}
	ind := &Indicator{Index: i, Pos: d.pos(path), Applicable: true}
	ind.Level1 = d.str(t, "level1", false, i18n.T("一级指标", "level-1 heading"))
	ind.Level2 = d.str(t, "level2", false, i18n.T("二级指标", "level-2 heading"))
	ind.Name = d.str(t, "name", true, i18n.T("三级指标名称", "indicator name"))
	ind.Target = d.value(t, "target", i18n.T("指标值", "target"))
	ind.Unit = d.str(t, "unit", false, i18n.T("度量单位", "unit"))
	ind.Actual = d.value(t, "actual", i18n.T("实际完成值", "actual value"))
	ind.Prior = d.value(t, "prior", i18n.T("上年度数值", "prior-year value"))
	if w, _ := d.number(t, "weight", i18n.T("分值", "weight")); w != nil {
		ind.Weight = *w // a negative weight loads, and the review reports it (weight-negative)
	} else if _, _, given := t.get("weight"); !given {
		d.missing(path, "weight", i18n.T("分值", "weight"))
	}
	ind.Reported, _ = d.number(t, "reported", i18n.T("得分", "reported score"))
	ind.Reason = d.str(t, "reason", false, i18n.T("偏差原因", "reason"))
	ind.Criterion = d.str(t, "criterion", false, i18n.T("评分标准", "criterion"))
	if ind.Criterion != "" {
		if raw, ok := t.m["criterion"].(string); ok {
			ind.CriterionSource = d.src.expr(join(path, "criterion"), raw)
		}
	}
	ind.Method = d.method(t)
	ind.Applicable = d.boolean(t, "applicable", true, i18n.T("是否适用", "applicable"))
	if s := d.str(t, "direction", false, i18n.T("方向", "direction")); s != "" {
		switch Direction(s) {
		case Higher, Lower, Equal:
			ind.Direction = Direction(s)
		default:
			d.errorf(join(path, "direction"), ErrValue, i18n.T("direction 只能是 higher、lower 或 equal，实际为 %q",
				"direction must be higher, lower or equal, not %q", s))
		}
	}
	if ind.Direction == "" {
		ind.Direction = ind.Target.Op.Direction()
	}
	if v, dpath, ok := t.get("domain"); ok {
		ind.Domain = d.domain(dpath, v)
	}
	if v, tpath, ok := t.get("tiers"); ok {
		ind.Tiers = d.tiers(tpath, v)
		if len(ind.Tiers) > 0 && ind.Method != "" {
			d.errorf(join(path, "method"), ErrValue, i18n.T("一个指标不能同时有 tiers 和 method：请删去其一",
				"an indicator cannot have both tiers and a method: remove one"))
		}
	}
	d.done(t)
	return ind
}

func (d *decoder) domain(path string, v any) *[2]float64 {
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
		d.errorf(path, ErrValue, i18n.T("domain 应为 [下限, 上限] 两个数，且下限不大于上限", "domain must be two numbers [low, high] with low ≤ high"))
		return nil
	}
	return &out
}

func (d *decoder) tiers(path string, v any) []Tier {
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
		t, _ := d.table(tpath, item)
		tier := Tier{Pos: d.pos(tpath)}
		tier.When = d.exprField(t, "when", true, i18n.T("条件", "condition"))
		tier.Min, _ = d.number(t, "min", i18n.T("自由裁量下限", "discretionary minimum"))
		tier.Max, _ = d.number(t, "max", i18n.T("自由裁量上限", "discretionary maximum"))
		if tier.Discretionary() {
			if tier.Min == nil || tier.Max == nil {
				d.errorf(tpath, ErrMissing, i18n.T("自由裁量档须同时给出 min 和 max", "a discretionary tier needs both min and max"))
			} else if *tier.Min > *tier.Max {
				d.errorf(tpath, ErrValue, i18n.T("min（%v）大于 max（%v）", "min (%v) is greater than max (%v)", *tier.Min, *tier.Max))
			}
			if _, _, has := t.get("score"); has {
				d.errorf(join(tpath, "score"), ErrValue, i18n.T("自由裁量档用 min/max，不能再写 score", "a discretionary tier uses min and max, not score"))
			}
		} else {
			tier.Score = d.exprField(t, "score", true, i18n.T("得分", "score"))
		}
		d.done(t)
		tiers = append(tiers, tier)
	}
	return tiers
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
		e.Pos = d.base
	}
	return e
}

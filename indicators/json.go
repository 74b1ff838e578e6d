package indicators

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"jixiao/internal/i18n"
)

// JSONParser reads projects written as JSON objects with the same fields as the TOML file
// format ({"project": {...}, "funds": {...}, "indicator": [...]}), one per line of a JSONL
// stream. It reuses its buffers: give each goroutine its own.
type JSONParser struct {
	p fastjson.Parser
	// Validating makes every project go through the validating decoder, for comparing it
	// with the direct one (which is otherwise tried first).
	Validating bool
	s          *schema // nil: the file format
	texts      texts   // the texts of the stream, interned
	fast       fast    // the direct decoder, its scratch kept
}

func (jp *JSONParser) schema() *schema {
	if jp.s == nil {
		return std
	}
	return jp.s
}

// Parse reads one project from one JSON object. name and line place errors (a stream has
// no columns worth giving). The error, if any, is an ErrorList, with the same messages as
// the TOML loader's.
func (jp *JSONParser) Parse(name string, line int, data []byte, lim Limits) (*Project, error) {
	lim = lim.withDefaults()
	base := Pos{File: name, Line: line}
	if int64(len(data)) > lim.MaxFileSize {
		return nil, ErrorList{{Pos: base, Kind: ErrLimit, Msg: i18n.T("这一行有 %d 字节，超过上限 %d 字节", "the line is %d bytes, over the limit of %d", len(data), lim.MaxFileSize)}}
	}
	v, err := jp.p.ParseBytes(data)
	if err != nil {
		return nil, ErrorList{jsonSyntaxError(base, data)}
	}
	obj, err := v.Object()
	if err != nil {
		return nil, ErrorList{{Pos: base, Kind: ErrType, Msg: i18n.T("每一行应是一个 JSON 对象（一个项目）", "each line must be one JSON object (one project)")}}
	}
	if !jp.Validating {
		jp.fast = fast{s: jp.schema(), base: base, lim: lim, texts: &jp.texts, num: jp.fast.num}
		if p, ok := jp.fast.project(obj); ok {
			return p, nil
		}
	}
	m := make(map[string]any, obj.Len())
	literals := map[string]string{}
	obj.Visit(func(k []byte, v *fastjson.Value) { m[string(k)] = plain(v, string(k), literals) })
	d := &decoder{s: jp.schema(), base: base, lim: lim, literals: literals}
	p := d.project(m)
	p.line = line
	return d.result(p)
}

// plain turns a JSON value into the Go values the TOML decoder yields: tables, arrays,
// strings, int64 for whole numbers, float64, bool. The value is at key path; each number's
// text as written is put in literals, by its path ("99.60", not "99.6").
func plain(v *fastjson.Value, path string, literals map[string]string) any {
	switch v.Type() {
	case fastjson.TypeObject:
		o, _ := v.Object()
		m := make(map[string]any, o.Len())
		o.Visit(func(k []byte, x *fastjson.Value) { m[string(k)] = plain(x, join(path, string(k)), literals) })
		return m
	case fastjson.TypeArray:
		items, _ := v.Array()
		out := make([]any, len(items))
		for i, x := range items {
			out[i] = plain(x, path+"["+strconv.Itoa(i)+"]", literals)
		}
		return out
	case fastjson.TypeString:
		b, _ := v.StringBytes()
		return string(b)
	case fastjson.TypeNumber:
		literals[path] = v.String()
		f, _ := v.Float64()
		if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			if i, err := v.Int64(); err == nil {
				return i
			}
		}
		return f
	case fastjson.TypeTrue:
		return true
	case fastjson.TypeFalse:
		return false
	}
	return nil // null: the key is treated as given with no usable value
}

// jsonSyntaxError places a line that is no JSON at the character where it stops being JSON
// (encoding/json finds it; the fast parser does not say) and says what is likely wrong there,
// in the reader's language.
func jsonSyntaxError(base Pos, data []byte) *Error {
	var v any
	off, cut := len(data), true
	var se *json.SyntaxError
	if err := json.Unmarshal(data, &v); errors.As(err, &se) {
		off, cut = int(se.Offset), se.Error() == "unexpected end of JSON input"
	}
	// Offset counts the bytes read, the offending one among them: step back onto it, and onto
	// the start of a word it is in (not json: at the n, not the o).
	at := min(max(off-1, 0), len(data))
	if cut { // the line stops short: the place is after its end
		at = len(data)
	}
	for at > 0 && at < len(data) && !utf8.RuneStart(data[at]) {
		at--
	}
	for at > 0 && isWordByte(data[at-1]) && at < len(data) && isWordByte(data[at]) {
		at--
	}
	rest := strings.TrimSpace(string(data[at:]))
	before := strings.TrimSpace(string(data[:at]))
	pos := base
	pos.Col = utf8.RuneCount(data[:at]) + 1
	var why i18n.Text
	switch {
	case rest != "" && (rest[0] == '}' || rest[0] == ']') && strings.HasSuffix(before, ","):
		why = i18n.T("最后一项后面多了一个逗号", "there is a comma after the last item")
	case rest == "" || cut:
		why = i18n.T("这一行没有写完：缺少结尾的 }、] 或引号", "the line ends too soon: a closing }, ] or quote is missing")
	case rest[0] == '\'':
		why = i18n.T("文字和键名要用双引号（\"），不能用单引号", "text and keys take double quotes (\"), not single ones")
	case strings.HasPrefix(rest, "，") || strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "”"):
		why = i18n.T("这里用了中文标点：JSON 的逗号、冒号和引号都要用英文半角（, : \"）", "a Chinese punctuation mark: JSON's commas, colons and quotes are the ASCII , : \"")
	default:
		r := []rune(rest)
		if len(r) > 12 {
			r = append(r[:12], '…')
		}
		why = i18n.T("从“%s”起不是 JSON 的写法：每行应是一个完整的 JSON 对象 {…}，文字加双引号，各项用逗号分隔",
			"not JSON from “%s” on: each line must be one whole JSON object {…}, text in double quotes, items separated by commas", string(r))
	}
	return &Error{Pos: pos, Kind: ErrSyntax, Msg: i18n.T("JSON 语法错误（第 %d 个字符）：%s", "JSON syntax error (character %d): %s", pos.Col, why)}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

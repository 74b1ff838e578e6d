package indicators

import (
	"math"

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
		return nil, ErrorList{{Pos: base, Kind: ErrSyntax, Msg: i18n.T("JSON 语法错误：%v", "JSON syntax error: %v", err)}}
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
	obj.Visit(func(k []byte, v *fastjson.Value) { m[string(k)] = plain(v) })
	d := &decoder{s: jp.schema(), base: base, lim: lim}
	p := d.project(m)
	p.line = line
	return d.result(p)
}

// plain turns a JSON value into the Go values the TOML decoder yields: tables, arrays,
// strings, int64 for whole numbers, float64, bool.
func plain(v *fastjson.Value) any {
	switch v.Type() {
	case fastjson.TypeObject:
		o, _ := v.Object()
		m := make(map[string]any, o.Len())
		o.Visit(func(k []byte, x *fastjson.Value) { m[string(k)] = plain(x) })
		return m
	case fastjson.TypeArray:
		items, _ := v.Array()
		out := make([]any, len(items))
		for i, x := range items {
			out[i] = plain(x)
		}
		return out
	case fastjson.TypeString:
		b, _ := v.StringBytes()
		return string(b)
	case fastjson.TypeNumber:
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

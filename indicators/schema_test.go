package indicators

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/valyala/fastjson"

	"jixiao/internal/i18n"
)

// extended is the file format with two keys more, kept beside the model objects as a new
// field of the model would keep them: an indicator's 佐证材料 (evidence) and a project's
// 联系人 (contact).
func extended() (*schema, map[any]*string) {
	store := map[any]*string{}
	at := func(o any) any {
		if _, ok := store[o]; !ok {
			store[o] = new(string)
		}
		return store[o]
	}
	fields := slices.Clone(Fields)
	fields = append(fields,
		Field{In: inIndicator, Key: "evidence", Type: Text, Label: i18n.T("佐证材料", "evidence"),
			Doc: "What shows the actual value.", Sheet: []string{"佐证材料"}, at: at},
		Field{In: inProject, Key: "contact", Type: Text, Label: i18n.T("联系人", "contact"),
			Doc: "Who to ask.", Sheet: []string{"联系人"}, at: at})
	return newSchema(fields), store
}

// A key added to the table is read from every syntax, written back by both writers and
// described by the JSON Schema, with no other change.
func TestAFieldAddedToTheTable(t *testing.T) {
	s, store := extended()
	get := func(o any) string {
		if v := store[o]; v != nil {
			return *v
		}
		return ""
	}
	src := "[project]\nname = \"新字段\"\ncontact = \"王五\"\n\n[[indicator]]\nname = \"参保率\"\ntarget = 99\nactual = 98\nweight = 100\nevidence = \"参保名册\"\n"

	_, err := Parse("t.toml", []byte(src), Limits{})
	require.Error(t, err, "the format without the key does not know it")
	assert.Contains(t, err.Error(), `unknown key "contact"`)

	fromTOML, err := parseTOML(s, "t.toml", []byte(src), Limits{})
	require.NoError(t, err)
	assert.Equal(t, "王五", get(fromTOML))
	assert.Equal(t, "参保名册", get(fromTOML.Indicators[0]))
	assert.Equal(t, Pos{File: "t.toml", Line: 10, Col: 1}, fromTOML.Pos("indicator[0].evidence"), "placed in the file")

	var line bytes.Buffer
	require.NoError(t, writeJSON(s, &line, fromTOML), "written as JSON")
	assert.Contains(t, line.String(), `"evidence":"参保名册"`)
	for _, validating := range []bool{false, true} {
		jp := JSONParser{s: s, Validating: validating}
		fromJSON, err := jp.Parse("stdin", 1, bytes.TrimSpace(line.Bytes()), Limits{})
		require.NoError(t, err, "validating: %v", validating)
		assert.Equal(t, "王五", get(fromJSON), "validating: %v", validating)
		assert.Equal(t, "参保名册", get(fromJSON.Indicators[0]), "validating: %v", validating)
	}

	var back strings.Builder
	require.NoError(t, writeTOML(s, &back, fromTOML, ""))
	assert.Contains(t, back.String(), "contact = \"王五\"\n")
	assert.Contains(t, back.String(), "evidence = \"参保名册\"\n")
	again, err := parseTOML(s, "back.toml", []byte(back.String()), Limits{})
	require.NoError(t, err, back.String())
	assert.Equal(t, "参保名册", get(again.Indicators[0]), "read back")

	b := newBook(t)
	b.sheet("Sheet1", [][]any{
		{"专项名称", "新字段", "联系人", "王五"},
		{"一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "佐证材料"},
		{"产出指标", "数量指标", "参保率", "99", "98", 100, 98, "参保名册"},
	})
	var fp fastjson.Parser
	v, err := fp.ParseBytes(bytes.TrimSpace(line.Bytes()))
	require.NoError(t, err)
	o, _ := v.Object()
	_, direct := fastProject(s, o, Pos{File: "stdin", Line: 1}, Limits{}.withDefaults())
	assert.True(t, direct, "the direct JSON decoder takes the key too")

	projects, err := loadWorkbook(s, b.save(), Limits{})
	require.NoError(t, err)
	require.Len(t, projects, 1)
	assert.Equal(t, "王五", get(projects[0]), "from the cell right of its label")
	assert.Equal(t, "参保名册", get(projects[0].Indicators[0]), "from its column")
	assert.Equal(t, "book.xlsx:Sheet1!H3", lastPart(projects[0].Pos("indicator[0].evidence").String()))

	var doc map[string]any
	out, err := json.Marshal(s.jsonSchema())
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(out, &doc))
	ind := doc["properties"].(map[string]any)["indicator"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)
	require.Contains(t, ind, "evidence", "the JSON Schema knows it")
	assert.Equal(t, "佐证材料 · evidence", ind["evidence"].(map[string]any)["title"])
}

func lastPart(s string) string { return s[strings.LastIndex(s, "/")+1:] }

// testdata/every_key.toml gives every key of the format; read from TOML and from JSON, the
// direct way and the validating way, and written back by either writer, it stays the same
// project.
func TestEveryKeyRoundTrips(t *testing.T) {
	const file = "testdata/every_key.toml"
	m, bad := decodeTOML(file, string(must(t, file)))
	require.Nil(t, bad)
	for _, f := range std.all { // the file gives every key somewhere in its table
		assert.True(t, given(m, f), "%s gives %s.%s", file, f.In, f.Key)
	}
	p, err := Load(file, Limits{})
	require.NoError(t, err)

	var toml strings.Builder
	require.NoError(t, WriteTOML(&toml, p, ""))
	q, err := Parse("again.toml", []byte(toml.String()), Limits{})
	require.NoError(t, err, toml.String())
	var a, b bytes.Buffer
	require.NoError(t, WriteJSON(&a, p))
	require.NoError(t, WriteJSON(&b, q))
	assert.Equal(t, a.String(), b.String(), "TOML written and read back is the same project")

	line := bytes.TrimSpace(a.Bytes())
	obj, err := new(fastjson.Parser).ParseBytes(line)
	require.NoError(t, err)
	o, _ := obj.Object()
	_, direct := fastProject(std, o, Pos{File: "stdin", Line: 1}, Limits{}.withDefaults())
	assert.True(t, direct, "the direct decoder takes every key")
	// JSON numbers keep their literal as TOML's do (99.10 stays 99.10): a line read and
	// written again is the same line, whichever way it is read.
	var once []string
	for _, validating := range []bool{false, true} {
		jp := JSONParser{Validating: validating}
		r, err := jp.Parse("stdin", 1, line, Limits{})
		require.NoError(t, err)
		var c, d bytes.Buffer
		require.NoError(t, WriteJSON(&c, r))
		r, err = jp.Parse("stdin", 1, bytes.TrimSpace(c.Bytes()), Limits{})
		require.NoError(t, err)
		require.NoError(t, WriteJSON(&d, r))
		assert.Equal(t, c.String(), d.String(), "validating: %v", validating)
		once = append(once, c.String())
	}
	assert.Equal(t, once[0], once[1], "the direct and the validating decoder read the same project")
	assert.Equal(t, a.String(), once[0])
	assert.Contains(t, once[0], `"prior":99.10`)
}

// given reports whether the generic tables m give field f in some table of f's.
func given(m map[string]any, f *Field) bool {
	tables := []map[string]any{m}
	if f.In != "" {
		tables = nil
		var walk func(t map[string]any, path []string)
		walk = func(t map[string]any, path []string) {
			if len(path) == 0 {
				tables = append(tables, t)
				return
			}
			switch v := t[path[0]].(type) {
			case map[string]any:
				walk(v, path[1:])
			case []map[string]any:
				for _, x := range v {
					walk(x, path[1:])
				}
			case []any:
				for _, x := range v {
					if xm, ok := x.(map[string]any); ok {
						walk(xm, path[1:])
					}
				}
			}
		}
		walk(m, strings.Split(f.In, "."))
	}
	for _, t := range tables {
		if _, ok := t[f.Key]; ok {
			return true
		}
	}
	return false
}

func must(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

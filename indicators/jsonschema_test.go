package indicators

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// compiled is the file format's JSON Schema, compiled by a validator made for the job.
func compiled(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	require.NoError(t, err, "the schema is JSON")
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("jixiao.schema.json", doc))
	sch, err := c.Compile("jixiao.schema.json")
	require.NoError(t, err, "the schema is a valid draft-04 schema")
	return sch
}

// instance is a TOML file as the JSON value a schema validator (or a TOML editor) sees; ok
// is false for a file that is not TOML, or holds a value JSON cannot (nan, inf).
func instance(t *testing.T, path string) (any, bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	m, bad := decodeTOML(path, string(data))
	if bad != nil {
		return nil, false
	}
	js, err := json.Marshal(m)
	if err != nil {
		return nil, false
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	require.NoError(t, err)
	return v, true
}

// Every good TOML file of the project loads and keeps to the schema.
func TestJSONSchemaAcceptsTheGoodFiles(t *testing.T) {
	sch := compiled(t)
	var files []string
	for _, pattern := range []string{"../testdata/quangang-2021/*.toml", "../engine/testdata/*/*.toml", "testdata/*.toml"} {
		found, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, found...)
	}
	require.Greater(t, len(files), 20)
	for _, file := range files {
		_, err := Load(file, Limits{})
		require.NoError(t, err, "%s is a good file", file)
		v, ok := instance(t, file)
		require.True(t, ok, file)
		assert.NoError(t, sch.Validate(v), file)
	}
}

// What the schema cannot see in the bad corpus, and why. Every other file there that is
// TOML with a JSON form the schema rejects, as an editor would flag it while it is typed.
var beyondSchema = map[string]string{
	"actual_text":           "it loads: text where the criterion compares numbers is a finding",
	"negative_weight":       "it loads: a negative weight is a finding (weight-negative)",
	"target_zero_rate":      "it loads: a rate against a target of 0 leaves the indicator unscored",
	"domain_reversed":       "low above high: a schema cannot compare two items",
	"range_min_above_max":   "min above max: a schema cannot compare two keys",
	"duplicate_indicator":   "a name repeated under the same headings: a schema cannot compare items",
	"huge_text_value":       "an implausible number inside text as written",
	"too_many_indicators":   "a limit, set on the command line",
	"too_many_tiers":        "a limit, set on the command line",
	"expr_escape_position":  "inside an expression",
	"expr_hostile_loops":    "inside an expression",
	"expr_hostile_memory":   "inside an expression",
	"expr_not_boolean":      "inside an expression",
	"expr_score_infinite":   "inside an expression",
	"expr_score_text":       "inside an expression",
	"expr_syntax":           "inside an expression",
	"expr_time_builtin":     "inside an expression",
	"expr_too_long":         "inside an expression (a limit, set on the command line)",
	"expr_too_many_nodes":   "inside an expression",
	"expr_unknown_variable": "inside an expression",
	"expr_when_number":      "inside an expression: a number is an expression, but not a condition",
}

// Files of the bad corpus that are not TOML, or hold a value JSON has no form for.
var notJSON = []string{"binary", "gbk", "utf16", "nan_actual", "inf_target", "syntax_bad_header", "syntax_bare_chinese_key",
	"syntax_duplicate_key", "syntax_duplicate_table", "syntax_missing_equals", "syntax_unclosed_string"}

func TestJSONSchemaRejectsWhatItCanSee(t *testing.T) {
	sch := compiled(t)
	files, err := filepath.Glob("../testdata/bad/*.toml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 40)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		v, ok := instance(t, file)
		if !ok {
			assert.Contains(t, notJSON, name, "%s has no JSON form", name)
			continue
		}
		err := sch.Validate(v)
		if why, beyond := beyondSchema[name]; beyond {
			assert.NoError(t, err, "%s passes the schema: %s", name, why)
		} else {
			assert.Error(t, err, "the schema rejects %s", name)
		}
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// encodingJSON is what encoding/json writes for a project, without its newline.
func encodingJSON(t *testing.T, p JSONProject) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(p))
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// The hand-written encoder writes exactly what encoding/json writes: for the seed, every
// loadable file of the malformed corpus and the check expectations, and strings that need
// escaping.
func TestAppendProjectMatchesEncodingJSON(t *testing.T) {
	var results []*engine.Result
	for _, glob := range []string{"../testdata/quangang-2021/*.toml", "../testdata/bad/*.toml", "../engine/testdata/review/*.toml"} {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		for _, f := range files {
			p, err := indicators.Load(f, indicators.Limits{})
			if err != nil {
				continue
			}
			r, err := engine.New(engine.Options{}).Check(p)
			if err == nil {
				results = append(results, r)
			}
		}
	}
	require.Greater(t, len(results), 25)
	odd := "引号\"反斜杠\\换行\n制表\t回车\r响铃\a退格\b换页\f<&> \u2028\u2029 \x7f bad\xff end"
	p, err := indicators.Parse("odd.toml", []byte("[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\nweight = 100\nactual = 1e-7\ntarget = 1e14\nreason = \"r\"\n"), indicators.Limits{})
	require.NoError(t, err)
	p.Name, p.Indicators[0].Name, p.Indicators[0].Actual.Text = odd, odd, odd
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	results = append(results, r)
	var jp indicators.JSONParser
	line, err := jp.Parse("s.jsonl", 42, []byte(`{"project":{"name":"流"},"indicator":[{"name":"x","weight":100,"actual":90,"target":100}]}`), indicators.Limits{})
	require.NoError(t, err)
	r, err = engine.New(engine.Options{}).Check(line)
	require.NoError(t, err)
	results = append(results, r)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, r := range results {
			for _, findings := range []bool{false, true} {
				jp := projectJSON(r, lang, findings)
				want := encodingJSON(t, jp)
				got := appendProject(nil, &jp)
				if !assert.Equal(t, string(want), string(got), r.Project.File) {
					return
				}
			}
		}
	}
}

func TestAppendFloat(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 19.81, 96, 1e-7, 1.5e-9, 1e21, 1e22, -2.5e-10, 217418, 0.1 + 0.2} {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendFloat(nil, f)), "%v", f)
	}
}

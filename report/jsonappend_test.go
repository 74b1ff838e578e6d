package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
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

// The hand-written encoder writes exactly what encoding/json writes of the JSON form: for
// the seed, every loadable file of the malformed corpus and the check expectations,
// generated projects, and strings that need escaping.
func TestAppendResultMatchesEncodingJSON(t *testing.T) {
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
	results = append(results, generatedResults(t, 3, 200)...)
	var jp indicators.JSONParser
	odd := "引号\"反斜杠\\换行\n制表\t回车\r响铃\a退格\b换页\f<&> \u2028\u2029 \x7f bad\xff end"
	p, err := indicators.Parse("odd.toml", []byte("[project]\nname = \"p\"\n[[indicator]]\nname = \"x\"\nweight = 100\nactual = 1e-7\ntarget = 1e14\nreason = \"r\"\n"), indicators.Limits{})
	require.NoError(t, err)
	p.Name, p.Indicators[0].Name, p.Indicators[0].Actual.Text = odd, odd, odd
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	results = append(results, r)
	line, err := jp.Parse("s.jsonl", 42, []byte(`{"project":{"name":"流"},"indicator":[{"name":"x","weight":100,"actual":90,"target":100}]}`), indicators.Limits{})
	require.NoError(t, err)
	r, err = engine.New(engine.Options{}).Check(line)
	require.NoError(t, err)
	results = append(results, r)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, r := range results {
			for _, findings := range []bool{false, true} {
				want := encodingJSON(t, projectJSON(r, lang, findings))
				got := appendResult(nil, r, lang, findings)
				if !assert.Equal(t, string(want), string(got), r.Project.File) {
					return
				}
			}
		}
	}
}

func TestAppendFloat(t *testing.T) {
	check := func(f float64) bool {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		return assert.Equal(t, string(want), string(appendFloat(nil, f)), "%v", f)
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 19.81, 96, 1e-7, 1.5e-9, 1e21, 1e22, -2.5e-10, 217418, 0.1 + 0.2,
		0.0001, 0.00015, 99.9999, 999999999.9999, 1e9, 0.30000000000000004, 2.675, 1.005, 73.07, -0.05} {
		check(f)
	}
	// Scores, money and rates as they come: a few decimals, and floats near them.
	rng := rand.New(rand.NewPCG(5, 9))
	for range 200000 {
		d := rng.IntN(6)
		f := float64(rng.Int64N(2_000_000_000)-1_000_000_000) / math.Pow(10, float64(d))
		switch rng.IntN(4) {
		case 0:
			f = math.Nextafter(f, math.Inf(1))
		case 1:
			f = f / 3
		}
		if !check(f) {
			return
		}
	}
}

// Strings of every kind of character, valid or not, are quoted as encoding/json quotes them.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 13))
	pieces := []string{"a", "\"", "\\", "\n", "\x00", "\x1f", "\x7f", "<&>", "·", "×", "é", "中", "文", "≥", "①", "％", "\u2028", "\u2029",
		"\u2027", "\u202a", "\ufffd", "😀", "\U0010ffff", "\xff", "\xc0\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\xe2\x80", "\xf4\x90\x80\x80", "\xc2"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			if rng.IntN(4) == 0 {
				b.WriteByte(byte(rng.IntN(256)))
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		s := b.String()
		want, err := json.Marshal(s)
		require.NoError(t, err)
		want = bytes.ReplaceAll(bytes.ReplaceAll(bytes.ReplaceAll(want, []byte(`\u003c`), []byte("<")), []byte(`\u003e`), []byte(">")), []byte(`\u0026`), []byte("&"))
		if !assert.Equal(t, string(want), string(appendString([]byte("x"), s))[1:], "%q", s) {
			return
		}
	}
}

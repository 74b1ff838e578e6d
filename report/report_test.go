package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/synth"
	"jixiao/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run go test ./report -update and review the diff")
	assert.Equal(t, string(want), string(got), "output differs from %s (go test ./report -update rewrites it)", path)
}

// seedResults loads and scores the bundled example; with check set, reviews it too.
func seedResults(t *testing.T, check bool) []*engine.Result {
	t.Helper()
	files, err := indicators.Files([]string{"../testdata/quangang-2021"})
	require.NoError(t, err)
	eng := engine.New(engine.Options{})
	var out []*engine.Result
	for _, f := range files {
		p, err := indicators.Load(f, indicators.Limits{})
		require.NoError(t, err)
		score := eng.Score
		if check {
			score = eng.Check
		}
		r, err := score(p)
		require.NoError(t, err)
		out = append(out, r)
	}
	return out
}

// generatedResults checks n generated projects, read as lines of JSON Lines.
func generatedResults(t *testing.T, seed uint64, n int) []*engine.Result {
	t.Helper()
	g := synth.New(seed)
	eng := engine.New(engine.Options{})
	var jp indicators.JSONParser
	out := make([]*engine.Result, n)
	for i := range out {
		var buf bytes.Buffer
		require.NoError(t, synth.WriteJSON(&buf, g.Next()))
		p, err := jp.Parse("gen.jsonl", i+1, bytes.TrimSpace(buf.Bytes()), indicators.Limits{})
		require.NoError(t, err)
		r, err := eng.Check(p)
		require.NoError(t, err)
		out[i] = r
	}
	return out
}

// The bundled example as score and check print it, in both languages and formats.
func TestGoldenSeed(t *testing.T) {
	for _, cmd := range []struct {
		name  string
		check bool
	}{{"", false}, {".check", true}} {
		results := seedResults(t, cmd.check)
		for _, lang := range []struct {
			name string
			lang i18n.Lang
		}{{"zh", i18n.Zh}, {"en", i18n.En}} {
			var text, js bytes.Buffer
			require.NoError(t, Text(&text, results, lang.lang, cmd.check))
			golden(t, "quangang-2021"+cmd.name+"."+lang.name+".txt", text.Bytes())
			require.NoError(t, JSON(&js, results, lang.lang, cmd.check))
			golden(t, "quangang-2021"+cmd.name+"."+lang.name+".json", js.Bytes())
		}
	}
}

func TestJSONContract(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, JSON(&buf, seedResults(t, false), i18n.Zh, false))
	var doc struct {
		Projects []map[string]any `json:"projects"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	require.Len(t, doc.Projects, 2)
	for _, p := range doc.Projects {
		for _, key := range []string{"file", "name", "total", "grade", "targets_set", "targets_met", "reported", "indicators"} {
			assert.Contains(t, p, key)
		}
		for _, raw := range p["indicators"].([]any) {
			ind := raw.(map[string]any)
			for _, key := range []string{"name", "score", "reported", "tier", "met"} {
				assert.Contains(t, ind, key, "indicator %v", ind["name"])
			}
		}
	}
	social := doc.Projects[1]
	assert.Equal(t, "社保工作运行经费", social["name"])
	assert.Equal(t, 96.0, social["total"])
}

func TestJSONRangesAndUnscored(t *testing.T) {
	p, err := indicators.Parse("t.toml", []byte(`[project]
name = "p"
[[indicator]]
name = "a"
target = 100
actual = 90
weight = 20
tiers = [ { when = "actual >= 100", score = "20" }, { when = "actual < 100", min = 15, max = 18 } ]
[[indicator]]
name = "b"
target = 1
actual = "好"
weight = 80
`), indicators.Limits{})
	require.NoError(t, err)
	r, err := engine.New(engine.Options{}).Score(p)
	require.NoError(t, err)
	jp := NewJSONProject(r, i18n.En)
	assert.Nil(t, jp.Total, "no single total")
	assert.Equal(t, 15.0, *jp.TotalMin)
	assert.Equal(t, 98.0, *jp.TotalMax)
	a, b := jp.Indicators[0], jp.Indicators[1]
	assert.Nil(t, a.Score)
	assert.Equal(t, 15.0, *a.ScoreMin)
	assert.Equal(t, 18.0, *a.ScoreMax)
	assert.Equal(t, 2, *a.Tier)
	assert.Nil(t, b.Tier)
	require.NotNil(t, b.Unscored)
	assert.Equal(t, rules.ActualText, b.Unscored.Code)
	assert.Nil(t, b.Met, "met is unknown")
}

func TestTextColumnsLineUp(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Text(&buf, seedResults(t, false)[1:], i18n.Zh, false))
	lines := bytes.Split(buf.Bytes(), []byte("\n"))
	// Rows 1–7 of the table: the 计算得分 column ends at the same display column in each.
	var ends []int
	for _, l := range lines {
		s := string(l)
		if i := bytes.Index(l, []byte("  第")); i > 0 && len(s) > 0 && s[0] >= '1' && s[0] <= '9' {
			ends = append(ends, runewidth.StringWidth(s[:i]))
		}
	}
	require.Len(t, ends, 7)
	for _, e := range ends {
		assert.Equal(t, ends[0], e, "columns do not line up: %v", ends)
	}
}

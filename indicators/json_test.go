package indicators

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/valyala/fastjson"

	"jixiao/internal/i18n"
)

// seedJSON is a seed project written as one JSON line, as another system would send it.
func seedJSON(t testing.TB, file string) []byte {
	t.Helper()
	var m map[string]any
	_, err := toml.DecodeFile(filepath.Join("..", "testdata", "quangang-2021", file), &m)
	require.NoError(t, err)
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(m))
	return []byte(strings.TrimSpace(buf.String()))
}

func TestJSONLoadsLikeTOML(t *testing.T) {
	var jp JSONParser
	for _, file := range []string{"社保工作运行经费.toml", "城乡居民养老金及个账补贴.toml"} {
		p, err := jp.Parse("stdin", 7, seedJSON(t, file), Limits{})
		require.NoError(t, err)
		q, err := Load(filepath.Join("..", "testdata", "quangang-2021", file), Limits{})
		require.NoError(t, err)
		assert.Equal(t, q.Name, p.Name)
		require.Len(t, p.Indicators, len(q.Indicators))
		for i := range p.Indicators {
			require.Len(t, p.Indicators[i].Tiers, len(q.Indicators[i].Tiers))
			for k := range q.Indicators[i].Tiers {
				assert.Equal(t, q.Indicators[i].Tiers[k].When.Text, p.Indicators[i].Tiers[k].When.Text)
			}
			assert.Equal(t, q.Indicators[i].Actual.Num, p.Indicators[i].Actual.Num)
			assert.Equal(t, q.Indicators[i].Weight, p.Indicators[i].Weight)
		}
		assert.Equal(t, Pos{File: "stdin", Line: 7}, p.Pos("indicator[3].reported"), "a stream places findings at the line")
	}
}

// The direct decoder and the validating one give the same project, or the direct one
// declines and the validating one decides: for every seed, every variation below, and
// lines with every kind of fault.
func TestJSONDirectDecoderAgreesWithValidating(t *testing.T) {
	type line struct {
		data   []byte
		direct bool // the direct decoder takes it
	}
	var lines []line
	for _, file := range []string{"社保工作运行经费.toml", "城乡居民养老金及个账补贴.toml"} {
		lines = append(lines, line{seedJSON(t, file), true})
	}
	base := string(lines[0].data)
	for _, v := range []struct {
		from, to string
		direct   bool
	}{
		{`"weight":20`, `"weight":"20"`, false},              // a number as text
		{`"weight":20`, `"weight":null`, false},              // null
		{`"weight":20`, `"weight":-20`, true},                // negative: loads, reported later
		{`"actual":98.67`, `"actual":"98.67%"`, true},        // percent text
		{`"name":"资金投入"`, `"name":"  资金投入 "`, true},          // blanks trimmed
		{`"name":"资金投入"`, `"name":"资金投入","name":"x"`, false}, // a key twice
		{`"agency_code":"408003"`, `"agency_code":408003`, false},
		{`"year":2021`, `"year":2021.5`, false}, // not whole: an error
		{`"unit":"%"`, `"unit":"%","direction":"lower"`, true},
		{`"unit":"%"`, `"unit":"%","direction":"sideways"`, false},
		{`"unit":"%"`, `"unit":"%","domain":[0,100]`, true},
		{`"unit":"%"`, `"unit":"%","domain":[100,0]`, false},
		{`"unit":"%"`, `"unit":"%","colour":"red"}`, false}, // broken JSON
		{`"unit":"%"`, `"unit":"%","applicable":false`, true},
		{`"unit":"%"`, `"unit":"%","method":"ratio"`, false},   // unknown method
		{`"unit":"%"`, `"unit":"%","method":"reverse"`, false}, // a method beside tiers
		{`"score":"20"`, `"score":20`, false},                  // a number as a score expression
		{`"score":"20"`, `"min":15,"max":18`, true},            // a discretionary tier
		{`"score":"20"`, `"min":18,"max":15`, false},
		{`"score":"20"`, `"min":15,"max":18,"score":"20"`, false},
		{`"score":"20"`, `"min":15`, false},
		{`"when":"actual >= 100"`, `"when":""`, false},
		{`"project":{`, `"scoring":{"decimals":1,"full_marks":50,"method":"reverse","grades":[{"name":"好","min":60},{"name":"优","min":90}]},"project":{`, true},
		{`"project":{`, `"scoring":{"decimals":12},"project":{`, false},
		{`"project":{`, `"scoring":{"full_marks":0},"project":{`, false},
		{`"project":{`, `"scoring":{"grades":[]},"project":{`, false},
		{`"project":{`, `"review":{"tolerance":0.1,"disable":["all-full-marks"]},"project":{`, true},
		{`"project":{`, `"review":{"tolerance":-1},"project":{`, false},
		{`"project":{`, `"review":{"disable":[]},"project":{`, true},
		{`"funds":{`, `"funds":{"unit":"美元",`, false},
		{`"funds":{`, `"funds":{"unit":"元","weight":10,`, true},
		{`"funds":{`, `"funds":{"weight":-1,`, false},
	} {
		require.Contains(t, base, v.from, "the variation applies")
		lines = append(lines, line{[]byte(strings.Replace(base, v.from, v.to, 1)), v.direct})
	}
	fast, slow := JSONParser{}, JSONParser{Validating: true}
	var parser fastjson.Parser
	for i, l := range lines {
		p, errFast := fast.Parse("stdin", i+1, l.data, Limits{})
		q, errSlow := slow.Parse("stdin", i+1, l.data, Limits{})
		if v, err := parser.ParseBytes(l.data); err == nil {
			obj, _ := v.Object()
			_, direct := fastProject(std, obj, Pos{File: "stdin", Line: i + 1}, Limits{}.withDefaults())
			assert.Equal(t, l.direct, direct, "line %d takes the direct path: %s", i+1, l.data)
		}
		if errSlow != nil {
			require.Error(t, errFast, "line %d: %s", i+1, l.data)
			assert.Equal(t, errSlow.Error(), errFast.Error(), "line %d", i+1)
			continue
		}
		require.NoError(t, errFast, "line %d", i+1)
		assert.Equal(t, q, p, "line %d decodes alike: %s", i+1, l.data)
	}
}

func TestJSONErrors(t *testing.T) {
	var jp JSONParser
	_, err := jp.Parse("stdin", 42, []byte(`{"project": {"name": "断行"`), Limits{})
	var list ErrorList
	require.True(t, errors.As(err, &list))
	assert.Equal(t, "stdin:42:26", list[0].Pos.String(), "the place is after the end of the cut line")
	assert.Equal(t, "stdin:42:26: JSON 语法错误（第 26 个字符）：这一行没有写完：缺少结尾的 }、] 或引号", list[0].Localize(i18n.Zh))
	assert.Equal(t, "stdin:42:26: JSON syntax error (character 26): the line ends too soon: a closing }, ] or quote is missing", list[0].Localize(i18n.En))

	for _, c := range []struct{ line, at, zh string }{
		{`{"project": {"name": "a",}}`, "stdin:1:26", "最后一项后面多了一个逗号"},
		{`{'project': 1}`, "stdin:1:2", "文字和键名要用双引号（\"），不能用单引号"},
		{`{"project"：1}`, "stdin:1:11", "这里用了中文标点"},
		{`nope`, "stdin:1:1", "从“nope”起不是 JSON 的写法"},
		{`{"project": {"name": "a"}} json`, "stdin:1:28", "从“json”起不是 JSON 的写法"},
	} {
		_, err := jp.Parse("stdin", 1, []byte(c.line), Limits{})
		require.True(t, errors.As(err, &list), c.line)
		assert.Equal(t, c.at, list[0].Pos.String(), c.line)
		assert.Contains(t, list[0].Localize(i18n.Zh), c.zh, c.line)
	}

	_, err = jp.Parse("stdin", 3, []byte(`[1, 2]`), Limits{})
	require.Error(t, err)
	assert.Equal(t, "stdin:3: each line must be one JSON object (one project)", err.Error())

	_, err = jp.Parse("stdin", 5, []byte(`{"project": {"name": "p"}, "indicator": [{"name": "x", "weight": 1, "acutal": 2}]}`), Limits{})
	require.Error(t, err)
	assert.Equal(t, `stdin:5: p › x: unknown key "acutal" in indicator 1; did you mean "actual"?`, err.Error())
}

package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/internal/i18n"
)

// The SARIF log validates against the OASIS SARIF 2.1.0 schema (embedded in go-sarif), and
// nothing of it is lost on the way: every key we write is one the schema's model knows.
func TestSARIFValidates(t *testing.T) {
	results := seedResults(t, true)
	findings := 0
	for _, r := range results {
		findings += len(r.Findings)
	}
	require.Equal(t, 16, findings, "the seed's findings")
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		var buf bytes.Buffer
		require.NoError(t, SARIF(&buf, results, lang, "test"))
		log, err := sarif.FromBytes(buf.Bytes())
		require.NoError(t, err)
		require.NoError(t, log.Validate(), "schema validation")

		again, err := json.Marshal(log)
		require.NoError(t, err)
		var ours, theirs any
		require.NoError(t, json.Unmarshal(buf.Bytes(), &ours))
		require.NoError(t, json.Unmarshal(again, &theirs))
		assertSubset(t, "$", ours, theirs)

		require.Len(t, log.Runs, 1)
		assert.Len(t, log.Runs[0].Results, findings, "every finding of the seed is a result")
		assert.Len(t, log.Runs[0].Tool.Driver.Rules, len(engine.Checks()))
	}
}

// assertSubset checks that every key and value of a stands in b too.
func assertSubset(t *testing.T, path string, a, b any) {
	t.Helper()
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !assert.True(t, ok, "%s: an object became %T", path, b) {
			return
		}
		for k, v := range x {
			w, present := y[k]
			if assert.True(t, present, "%s.%s was dropped: the SARIF model has no such key", path, k) {
				assertSubset(t, path+"."+k, v, w)
			}
		}
	case []any:
		y, ok := b.([]any)
		if assert.True(t, ok, "%s: an array became %T", path, b) && assert.Len(t, y, len(x), path) {
			for i := range x {
				assertSubset(t, path, x[i], y[i])
			}
		}
	default:
		assert.Equal(t, a, b, path)
	}
}

func TestSARIFResultShape(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, SARIF(&buf, seedResults(t, true), i18n.En, "test"))
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &log))
	assert.Equal(t, "unicodeCodePoints", log.Runs[0].ColumnKind)
	var found bool
	for _, r := range log.Runs[0].Results {
		if r.RuleID == string(engine.ScoreMismatch) && r.Locations[0].PhysicalLocation.Region.StartLine == 120 {
			found = true
			assert.Equal(t, "error", r.Level)
			assert.Equal(t, "../testdata/quangang-2021/社保工作运行经费.toml", r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
			assert.Equal(t, "社保参保率: reported 19.81, but the criterion gives 18.00 (tier 2: 98.5% ≤ actual < 99.22%)", r.Message.Text)
		}
	}
	assert.True(t, found, "the 社保参保率 score-mismatch is a result at line 120")
}

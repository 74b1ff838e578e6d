package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/internal/i18n"
)

// stream writes results through a Stream, one input per result, encoding each as the
// workers would, then the inputs that failed.
func stream(t *testing.T, out Output, results []*engine.Result, failed ...Failure) string {
	t.Helper()
	var buf bytes.Buffer
	s := NewStream(&buf, out)
	for _, r := range results {
		encoded, err := out.Encode([]*engine.Result{r}, nil)
		require.NoError(t, err)
		require.NoError(t, s.Add([]*engine.Result{r}, nil, encoded))
	}
	for _, f := range failed {
		require.NoError(t, s.Fail(f))
	}
	require.NoError(t, s.Close())
	return buf.String()
}

// Streamed item by item, the outputs are the documents the whole-result writers give.
func TestStreamWritesTheDocuments(t *testing.T) {
	results := seedResults(t, true)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		var doc bytes.Buffer
		require.NoError(t, JSON(&doc, results, lang, true))
		assert.Equal(t, doc.String(), stream(t, Output{Format: "json", Lang: lang, Findings: true}, results))

		doc.Reset()
		require.NoError(t, Text(&doc, results, lang, true))
		assert.Equal(t, doc.String(), stream(t, Output{Format: "text", Lang: lang, Findings: true}, results))

		doc.Reset()
		require.NoError(t, Findings(&doc, results, lang))
		assert.Equal(t, doc.String(), stream(t, Output{Format: "text", Lang: lang, Findings: true, Lint: true}, results))

		doc.Reset()
		require.NoError(t, SARIF(&doc, results, lang, "v"))
		assert.Equal(t, doc.String(), stream(t, Output{Format: "sarif", Lang: lang, Findings: true, Version: "v"}, results))
	}
	lines := strings.Split(strings.TrimSuffix(stream(t, Output{Format: "jsonl", Findings: true}, results), "\n"), "\n")
	require.Len(t, lines, 2)
	for _, l := range lines {
		var p JSONProject
		require.NoError(t, json.Unmarshal([]byte(l), &p))
		assert.NotNil(t, p.Findings)
	}
}

// The summary ends each format: the document's summary key, the last JSON line, text after
// the results; a run without results is still a whole document.
func TestStreamSummary(t *testing.T) {
	results := seedResults(t, true)
	bad := NewFailure("bad.toml", 0, errors.New("broken"))
	var doc struct {
		Projects []json.RawMessage `json:"projects"`
		Summary  SummaryJSON       `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(stream(t, Output{Format: "json", Findings: true, Summary: true}, results, bad)), &doc))
	assert.Len(t, doc.Projects, 2)
	assert.Equal(t, 2, doc.Summary.Read)
	assert.Equal(t, 1, doc.Summary.Failed)

	lines := strings.Split(strings.TrimSuffix(stream(t, Output{Format: "jsonl", Findings: true, Summary: true}, results, bad), "\n"), "\n")
	require.Len(t, lines, 4, "two projects, the failed input, the summary")
	var last struct {
		Summary SummaryJSON `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[3]), &last))
	assert.Equal(t, 2, last.Summary.Read)

	text := stream(t, Output{Format: "text", Findings: true, Summary: true, Lang: i18n.En}, results, bad)
	assert.Contains(t, text, "\n\nSummary: 2 projects read, 1 input unusable\n")

	var empty struct {
		Projects []json.RawMessage `json:"projects"`
		Summary  *SummaryJSON      `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(stream(t, Output{Format: "json"}, nil)), &empty))
	assert.Empty(t, empty.Projects)
	assert.Nil(t, empty.Summary)
	assert.True(t, strings.HasPrefix(stream(t, Output{Format: "text", Summary: true, Lang: i18n.En}, nil), "Summary: 0 projects read"))
}

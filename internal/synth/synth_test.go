package synth

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
)

// Generated projects load from TOML and from JSON alike, score the same either way, and
// carry the inconsistencies they are meant to.
func TestGeneratedProjectsLoadTheSameFromTOMLAndJSON(t *testing.T) {
	g := New(7)
	var parser indicators.JSONParser
	codes := map[engine.Code]int{}
	for i := 0; i < 300; i++ {
		p := g.Next()
		var tomlText, jsonText bytes.Buffer
		require.NoError(t, WriteTOML(&tomlText, p))
		require.NoError(t, WriteJSON(&jsonText, p))
		fromTOML, err := indicators.Parse("p.toml", tomlText.Bytes(), indicators.Limits{})
		require.NoError(t, err, tomlText.String())
		fromJSON, err := parser.Parse("p.jsonl", 1, bytes.TrimSpace(jsonText.Bytes()), indicators.Limits{})
		require.NoError(t, err, jsonText.String())
		a, err := engine.New(engine.Options{}).Check(fromTOML)
		require.NoError(t, err)
		b, err := engine.New(engine.Options{}).Check(fromJSON)
		require.NoError(t, err)
		assert.Equal(t, a.Total, b.Total)
		assert.Equal(t, a.Grade, b.Grade)
		require.Equal(t, len(a.Findings), len(b.Findings))
		for k := range a.Findings {
			assert.Equal(t, a.Findings[k], b.Findings[k])
			codes[a.Findings[k].Code]++
		}
	}
	for _, code := range []engine.Code{engine.ScoreMismatch, engine.GradeMismatch, engine.TotalMismatch, engine.MissingReason} {
		assert.Positive(t, codes[code], "some generated projects carry %s", code)
	}
	assert.Zero(t, codes["weight-sum"], "the weights add up")
}

// A generated project is a model project: read back from the line written for it, it
// writes the same line again.
func TestGeneratedProjectsRoundTrip(t *testing.T) {
	g := New(3)
	var parser indicators.JSONParser
	for i := 0; i < 50; i++ {
		var first, second bytes.Buffer
		require.NoError(t, WriteJSON(&first, g.Next()))
		p, err := parser.Parse("p.jsonl", i+1, bytes.TrimSpace(first.Bytes()), indicators.Limits{})
		require.NoError(t, err, first.String())
		require.NoError(t, WriteJSON(&second, p))
		assert.Equal(t, first.String(), second.String())
	}
}

func TestSameSeedSameProjects(t *testing.T) {
	var a, b bytes.Buffer
	g1, g2 := New(42), New(42)
	for i := 0; i < 20; i++ {
		require.NoError(t, WriteJSON(&a, g1.Next()))
		require.NoError(t, WriteJSON(&b, g2.Next()))
	}
	assert.Equal(t, a.String(), b.String())
}

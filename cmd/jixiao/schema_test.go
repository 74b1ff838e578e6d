package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
)

// jixiao schema prints the file format's JSON Schema, to standard output or a file.
func TestSchemaCommand(t *testing.T) {
	code, out, errOut := runIn("schema")
	require.Equal(t, exitOK, code, errOut)
	assert.Equal(t, string(indicators.JSONSchema()), out)
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &doc), "the schema is JSON")
	assert.Equal(t, "http://json-schema.org/draft-04/schema#", doc["$schema"], "the draft Taplo implements")
	assert.Contains(t, doc["properties"], "indicator")

	path := filepath.Join(t.TempDir(), "jixiao.schema.json")
	code, out, errOut = runIn("schema", "-o", path)
	require.Equal(t, exitOK, code, errOut)
	assert.Empty(t, out)
	written, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, indicators.JSONSchema(), written)

	code, _, errOut = runIn("schema", "extra")
	assert.Equal(t, exitInput, code)
	assert.Equal(t, "jixiao schema: 不接受参数，而这里有 \"extra\"\n用法见 jixiao schema --help\n", errOut)
}

package indicators

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Text with quotes, backslashes and control characters is written so that TOML and JSON
// read it back as it was.
func TestStringsAreEscaped(t *testing.T) {
	text := "引号\"反斜杠\\换行\n制表\t响铃\x07\u2028完"
	assert.Equal(t, `"引号\"反斜杠\\换行\n制表\t响铃\u0007`+"\u2028"+`完"`, quote(text))

	var m map[string]string
	_, err := toml.Decode("k = "+quote(text), &m)
	require.NoError(t, err)
	assert.Equal(t, text, m["k"])

	var b strings.Builder
	jsonString(&b, text)
	assert.Equal(t, `"引号\"反斜杠\\换行\n制表\t响铃\u0007\u2028完"`, b.String())
	var back string
	require.NoError(t, json.Unmarshal([]byte(b.String()), &back))
	assert.Equal(t, text, back)
}

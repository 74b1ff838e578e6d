package mdblock

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSync(t *testing.T) {
	path := filepath.Join(t.TempDir(), "README.md")
	const doc = "# Title\n\n<!-- list:begin (go test -update) -->\nold\n<!-- list:end -->\nafter\n"
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))

	stale, err := Sync(path, "<!-- list:begin", "<!-- list:end -->", "old\n", false)
	require.NoError(t, err)
	assert.False(t, stale, "the block as generated")

	stale, err = Sync(path, "<!-- list:begin", "<!-- list:end -->", "new\n", false)
	require.NoError(t, err)
	assert.True(t, stale, "the block differs")
	got, _ := os.ReadFile(path)
	assert.Equal(t, doc, string(got), "nothing written without update")

	stale, err = Sync(path, "<!-- list:begin", "<!-- list:end -->", "new\n", true)
	require.NoError(t, err)
	assert.False(t, stale)
	got, _ = os.ReadFile(path)
	assert.Equal(t, "# Title\n\n<!-- list:begin (go test -update) -->\nnew\n<!-- list:end -->\nafter\n", string(got), "the markers kept, the body replaced")

	_, err = Sync(path, "<!-- other:begin", "<!-- other:end -->", "x\n", false)
	assert.ErrorContains(t, err, `no line starting "<!-- other:begin"`)
	_, err = Sync(filepath.Join(t.TempDir(), "missing.md"), "a", "b", "", false)
	assert.Error(t, err)
}

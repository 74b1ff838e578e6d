package sheets

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A drop-down may take its options from a range of another sheet: a list longer than a
// written list's 255 characters.
func TestDropDownFromARange(t *testing.T) {
	b := New()
	require.NoError(t, b.AddSheet("复核口径"))
	for i := 1; i <= 40; i++ {
		require.NoError(t, b.SetText("复核口径", CellName(1, i), "a-rule-code-long-enough-to-matter"))
	}
	assert.Error(t, b.DropDown("Sheet1", "B2:B9", make40()), "a written list is bounded")
	require.NoError(t, b.DropDownFrom("Sheet1", "B2:B9", "'复核口径'!$A$1:$A$40"))
	path := filepath.Join(t.TempDir(), "book.xlsx")
	require.NoError(t, b.SaveAs(path))
	c, err := Open(path)
	require.NoError(t, err)
	defer c.Close()
	lists, err := c.DropDowns("Sheet1")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"B2:B9": "'复核口径'!$A$1:$A$40"}, lists)
}

func make40() []string {
	out := make([]string, 40)
	for i := range out {
		out[i] = "a-rule-code-long-enough-to-matter"
	}
	return out
}

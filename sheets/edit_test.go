package sheets

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A formula is worked out from the cells as they stand after a change; kept with a new
// saved result, it reads back as that result; a marked cell keeps its font, format and
// borders; the workbook asks to be recalculated on opening.
func TestEditFormulasAndMarks(t *testing.T) {
	b, err := Open(sample(t))
	require.NoError(t, err)
	v, err := b.Calc("汇总", "B4")
	require.NoError(t, err)
	assert.Equal(t, "101.81", v, "SUM(B2:B3) of 94.81 and 7")
	require.NoError(t, b.SetNumber("汇总", "B2", 88.52))
	v, err = b.Calc("汇总", "B4")
	require.NoError(t, err)
	assert.Equal(t, "95.52", v, "the changed cell counts")
	_, err = b.Calc("汇总", "A2")
	require.NoError(t, err, "a cell without a formula gives its value")
	require.NoError(t, b.SetFormula("汇总", "C9", "NOSUCHFUNCTION(1)"))
	_, err = b.Calc("汇总", "C9")
	assert.Error(t, err, "an unknown function")

	require.NoError(t, b.SetFormulaValue("汇总", "B4", "SUM(B2:B3)", 95.52))
	require.NoError(t, b.Mark("汇总", "B2", "#FFEB9C"))
	require.NoError(t, b.Mark("汇总", "A1", "#FFEB9C"))
	require.NoError(t, b.RecalcOnOpen())
	out := filepath.Join(t.TempDir(), "edited.xlsx")
	require.NoError(t, b.SaveAs(out))
	require.NoError(t, b.Close())

	c, err := Open(out)
	require.NoError(t, err)
	defer c.Close()
	g, err := c.Grid("汇总")
	require.NoError(t, err)
	assert.Equal(t, "95.52", g.Cell(3, 1), "the saved result")
	assert.Equal(t, "SUM(B2:B3)", g.Formula(3, 1), "the formula kept")
	s, err := c.CellStyle("汇总", "B2")
	require.NoError(t, err)
	assert.Equal(t, Style{Format: "0.000", Color: "9C0006", Fill: "FFEB9C"}, s, "the fill added, the rest kept")
	s, err = c.CellStyle("汇总", "A1")
	require.NoError(t, err)
	assert.Equal(t, Style{Bold: true, Fill: "FFEB9C", Wrap: true, Vertical: "center"}, s)

	z, err := zip.OpenReader(out)
	require.NoError(t, err)
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "xl/workbook.xml" {
			continue
		}
		r, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(r)
		require.NoError(t, err)
		r.Close()
		assert.True(t, strings.Contains(string(data), `fullCalcOnLoad="true"`), "recalculated on opening: %s", data)
	}
}

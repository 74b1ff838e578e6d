package sheets

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCellNames(t *testing.T) {
	for _, tt := range []struct {
		col, row int
		name     string
	}{{1, 1, "A1"}, {3, 12, "C12"}, {26, 2, "Z2"}, {27, 3, "AA3"}, {28, 4, "AB4"}, {702, 5, "ZZ5"}, {703, 6, "AAA6"}} {
		assert.Equal(t, tt.name, CellName(tt.col, tt.row))
		col, row, err := SplitCellName(tt.name)
		require.NoError(t, err, tt.name)
		assert.Equal(t, []int{tt.col, tt.row}, []int{col, row}, tt.name)
	}
	_, _, err := SplitCellName("12C")
	assert.Error(t, err)
}

// sample writes a workbook using every writing call, and returns its path.
func sample(t *testing.T) string {
	t.Helper()
	b := New()
	defer b.Close()
	require.NoError(t, b.RenameSheet("Sheet1", "汇总"))
	require.NoError(t, b.AddSheet("明细"))
	require.NoError(t, b.SetRow("汇总", "A1", []any{"项目", "得分", "等次"}))
	require.NoError(t, b.SetText("汇总", "A2", "社保工作运行经费"))
	require.NoError(t, b.SetNumber("汇总", "B2", 94.81))
	require.NoError(t, b.SetInt("汇总", "B3", 7))
	require.NoError(t, b.SetFormula("汇总", "B4", "SUM(B2:B3)"))
	require.NoError(t, b.SetNumber("明细", "C1", 5))
	require.NoError(t, b.Clear("明细", "C1"))
	require.NoError(t, b.SetFormula("明细", "C1", "A1*2")) // saved without a result
	require.NoError(t, b.SetText("明细", "A1", "产出指标"))
	require.NoError(t, b.Merge("明细", "A1", "A3"))
	head, err := b.NewStyle(Style{Bold: true, Fill: "#D9E1F2", Wrap: true, Vertical: "center"})
	require.NoError(t, err)
	require.NoError(t, b.SetStyle("汇总", "A1", head))
	three, err := b.NewStyle(Style{Format: "0.000", Color: "#9C0006"})
	require.NoError(t, err)
	require.NoError(t, b.SetStyle("汇总", "B2", three))
	require.NoError(t, b.SetComment("汇总", Comment{Cell: "B2", Author: "jixiao", Text: "按评分标准应得 18.00", Width: 320, Height: 140}))
	require.NoError(t, b.SetColWidth("汇总", 1, 24))
	require.NoError(t, b.FitToWidth("汇总", true))
	require.NoError(t, b.AutoFilter("汇总", "A1:C3"))
	require.NoError(t, b.FreezeRows("汇总", 1))
	require.NoError(t, b.DropDown("汇总", "C2:C20", []string{"优", "良", "中", "差"}))
	require.NoError(t, b.AddChart("汇总", "E2", Chart{Kind: Columns, Title: "得分", Series: []Series{
		{Name: "得分", Categories: "汇总!$A$2:$A$3", Values: "汇总!$B$2:$B$3"}}}))
	b.SetActive(0)
	path := filepath.Join(t.TempDir(), "book.xlsx")
	require.NoError(t, b.SaveAs(path))
	return path
}

func TestWriteAndReadBack(t *testing.T) {
	b, err := Open(sample(t))
	require.NoError(t, err)
	defer b.Close()
	assert.Equal(t, []string{"汇总", "明细"}, b.Sheets())

	g, err := b.Grid("汇总")
	require.NoError(t, err)
	assert.Equal(t, "社保工作运行经费", g.Cell(1, 0))
	assert.Equal(t, "94.810", g.Cell(1, 1), "as shown, in its number format")
	assert.Equal(t, "", g.Cell(99, 99), "outside the grid")
	assert.Equal(t, "SUM(B2:B3)", g.Formula(3, 1))

	d, err := b.Grid("明细")
	require.NoError(t, err)
	assert.Equal(t, []string{"产出指标", "产出指标", "产出指标"}, []string{d.Cell(0, 0), d.Cell(1, 0), d.Cell(2, 0)}, "a merged range fills every cell")
	assert.Equal(t, "", d.Cell(0, 2), "a formula saved without its result shows nothing")
	assert.Equal(t, "A1*2", d.Formula(0, 2))

	for cell, want := range map[string]Kind{"A2": Text, "B2": Number, "B3": Number, "Z9": Empty} {
		k, err := b.Kind("汇总", cell)
		require.NoError(t, err)
		assert.Equal(t, want, k, cell)
	}
	s, err := b.CellStyle("汇总", "A1")
	require.NoError(t, err)
	assert.Equal(t, Style{Bold: true, Fill: "D9E1F2", Wrap: true, Vertical: "center"}, s)
	s, err = b.CellStyle("汇总", "B2")
	require.NoError(t, err)
	assert.Equal(t, "0.000", s.Format)
	assert.Equal(t, "9C0006", s.Color)

	comments, err := b.Comments("汇总")
	require.NoError(t, err)
	require.Len(t, comments, 1)
	assert.Equal(t, "B2", comments[0].Cell)
	assert.Equal(t, "按评分标准应得 18.00", comments[0].Text)
	frozen, err := b.FrozenRows("汇总")
	require.NoError(t, err)
	assert.Equal(t, 1, frozen)
	lists, err := b.DropDowns("汇总")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"C2:C20": `"优,良,中,差"`}, lists)
}

func TestChartIsWritten(t *testing.T) {
	z, err := zip.OpenReader(sample(t))
	require.NoError(t, err)
	defer z.Close()
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	assert.Contains(t, names, "xl/charts/chart1.xml")
}

// An existing workbook opened, given new values and comments and saved under another name
// keeps everything else; the original file is left as it was.
func TestEditInPlaceKeepsTheRest(t *testing.T) {
	src := sample(t)
	before, err := os.ReadFile(src)
	require.NoError(t, err)
	b, err := Open(src)
	require.NoError(t, err)
	require.NoError(t, b.SetNumber("汇总", "B2", 88.52))
	require.NoError(t, b.SetComment("汇总", Comment{Cell: "B2", Author: "jixiao", Text: "复核：88.52"}))
	require.NoError(t, b.SetComment("明细", Comment{Cell: "B1", Author: "jixiao", Text: "新批注"}))
	out := filepath.Join(t.TempDir(), "filled.xlsx")
	require.NoError(t, b.SaveAs(out))
	require.NoError(t, b.Close())
	after, err := os.ReadFile(src)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the source file is untouched")

	c, err := Open(out)
	require.NoError(t, err)
	defer c.Close()
	g, err := c.Grid("汇总")
	require.NoError(t, err)
	assert.Equal(t, "88.520", g.Cell(1, 1), "the new value, in the style the cell had")
	assert.Equal(t, "社保工作运行经费", g.Cell(1, 0))
	comments, err := c.Comments("汇总")
	require.NoError(t, err)
	require.Len(t, comments, 1, "the comment is replaced, not doubled")
	assert.Equal(t, "复核：88.52", comments[0].Text)
	comments, err = c.Comments("明细")
	require.NoError(t, err)
	require.Len(t, comments, 1)
	s, err := c.CellStyle("汇总", "A1")
	require.NoError(t, err)
	assert.Equal(t, "D9E1F2", s.Fill, "styles are kept")
	d, err := c.Grid("明细")
	require.NoError(t, err)
	assert.Equal(t, "产出指标", d.Cell(2, 0), "merges are kept")
	lists, err := c.DropDowns("汇总")
	require.NoError(t, err)
	assert.Len(t, lists, 1, "drop-downs are kept")
	frozen, err := c.FrozenRows("汇总")
	require.NoError(t, err)
	assert.Equal(t, 1, frozen)
	z, err := zip.OpenReader(out)
	require.NoError(t, err)
	defer z.Close()
	found := false
	for _, f := range z.File {
		found = found || f.Name == "xl/charts/chart1.xml"
	}
	assert.True(t, found, "the chart is kept")
}

func TestOpenRejectsWhatIsNotAWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fake.xlsx")
	require.NoError(t, os.WriteFile(path, []byte("not a zip"), 0o644))
	_, err := Open(path)
	assert.Error(t, err)
	_, err = Open(filepath.Join(t.TempDir(), "missing.xlsx"))
	assert.Error(t, err)
}

package sheets

import "github.com/xuri/excelize/v2"

// Grid is one sheet's cells as a person sees them: the text each shows (a formula's saved
// result, numbers in their display format, a date or time as ISO text: "2024-03-15"), every
// merged range's value copied into each cell it covers. Rows and columns are 0-based here;
// cell names are 1-based.
type Grid struct {
	Sheet string
	Rows  [][]string // ragged: a row ends at its last cell with a value
	book  *Book
}

// Merged ranges larger than this are not filled in (a stray merge over a whole sheet).
const (
	maxMergeRows = 10000
	maxMergeCols = 1000
)

// Grid reads one sheet.
func (b *Book) Grid(sheet string) (*Grid, error) {
	rows, err := b.f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	raw, err := b.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	g := &Grid{Sheet: sheet, Rows: rows, book: b}
	g.isoDates(raw)
	g.fillMerged()
	return g, nil
}

// Cell is the text of the cell at row r, column c (0-based), or "" outside the grid.
func (g *Grid) Cell(r, c int) string {
	if r < 0 || r >= len(g.Rows) || c < 0 || c >= len(g.Rows[r]) {
		return ""
	}
	return g.Rows[r][c]
}

// Formula is the formula of the cell at row r, column c (0-based), without its "=", or "".
func (g *Grid) Formula(r, c int) string {
	formula, err := g.book.f.GetCellFormula(g.Sheet, CellName(c+1, r+1))
	if err != nil {
		return ""
	}
	return formula
}

// fillMerged copies each merged range's value into every cell it covers, so that a heading
// spanning five rows names all five.
func (g *Grid) fillMerged() {
	merged, err := g.book.f.GetMergeCells(g.Sheet)
	if err != nil {
		return
	}
	for _, m := range merged {
		c1, r1, err1 := SplitCellName(m.GetStartAxis())
		c2, r2, err2 := SplitCellName(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2-r1 > maxMergeRows || c2-c1 > maxMergeCols {
			continue
		}
		v := m.GetCellValue()
		if r1-1 < len(g.Rows) && c1-1 < len(g.Rows[r1-1]) {
			v = g.Rows[r1-1][c1-1] // as the grid shows it: a date as ISO text
		}
		for r := r1 - 1; r < r2; r++ {
			for len(g.Rows) <= r {
				g.Rows = append(g.Rows, nil)
			}
			for c := c1 - 1; c < c2; c++ {
				for len(g.Rows[r]) <= c {
					g.Rows[r] = append(g.Rows[r], "")
				}
				g.Rows[r][c] = v
			}
		}
	}
}

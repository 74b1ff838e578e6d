package sheets

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// CellName is a cell's name from its 1-based column and row: column 3, row 12 is C12.
func CellName(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

// ColumnName is a column's letters from its 1-based number: 28 is AB.
func ColumnName(col int) string {
	name := ""
	for col > 0 {
		col--
		name = string(rune('A'+col%26)) + name
		col /= 26
	}
	return name
}

// SplitCellName returns the 1-based column and row of a cell name such as C12.
func SplitCellName(name string) (col, row int, err error) {
	return excelize.CellNameToCoordinates(name)
}

// Kind is what a cell holds, as stored.
type Kind int

// The kinds of cell.
const (
	Empty   Kind = iota
	Text         // a string (shared or inline)
	Number       // a number, or a value not typed in the file (a plain number)
	Bool         // TRUE or FALSE
	Formula      // a formula's cell
	Other        // a date or an error value
)

// Kind returns what the cell holds.
func (b *Book) Kind(sheet, cell string) (Kind, error) {
	t, err := b.f.GetCellType(sheet, cell)
	if err != nil {
		return Empty, err
	}
	switch t {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return Text, nil
	case excelize.CellTypeNumber:
		return Number, nil
	case excelize.CellTypeBool:
		return Bool, nil
	case excelize.CellTypeFormula:
		return Formula, nil
	case excelize.CellTypeUnset:
		v, err := b.f.GetCellValue(sheet, cell)
		if err != nil || v == "" {
			return Empty, err
		}
		return Number, nil // a value without a type attribute is a number
	}
	return Other, nil
}

// SetText writes text to a cell.
func (b *Book) SetText(sheet, cell, s string) error { return b.f.SetCellStr(sheet, cell, s) }

// SetNumber writes a number to a cell, stored with as many digits as it needs.
func (b *Book) SetNumber(sheet, cell string, v float64) error {
	return b.f.SetCellFloat(sheet, cell, v, -1, 64)
}

// SetInt writes a whole number to a cell.
func (b *Book) SetInt(sheet, cell string, v int64) error { return b.f.SetCellInt(sheet, cell, v) }

// SetRow writes values from cell rightwards: strings as text, numbers as numbers, nil as
// nothing.
func (b *Book) SetRow(sheet, cell string, values []any) error {
	return b.f.SetSheetRow(sheet, cell, &values)
}

// Clear empties a cell's value, keeping its style and any formula.
func (b *Book) Clear(sheet, cell string) error { return b.f.SetCellDefault(sheet, cell, "") }

// SetFormula gives a cell a formula. The value the cell holds stays as the formula's saved
// result, which readers show until the workbook is recalculated; Clear it first for a
// formula saved without one.
func (b *Book) SetFormula(sheet, cell, formula string) error {
	return b.f.SetCellFormula(sheet, cell, formula)
}

// Merge merges the range from one corner to the other; the top-left cell's value shows.
func (b *Book) Merge(sheet, from, to string) error { return b.f.MergeCell(sheet, from, to) }

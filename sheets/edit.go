package sheets

import "github.com/xuri/excelize/v2"

// What changing an existing workbook in place needs beyond writing: a formula's result
// worked out from the cells as they now stand, a cell marked without losing its own look,
// a formula kept with its new result, and the office suite told to recalculate on opening.

// Calc works out a formula cell's result from the values the workbook holds now (cells
// changed since it was opened included), unformatted: "96", "优". An error names what
// could not be worked out (an unknown function, a reference to another file…).
func (b *Book) Calc(sheet, cell string) (string, error) {
	return b.f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
}

// SetFormulaValue gives a cell a formula together with the result saved with it, which
// readers show until the workbook is recalculated.
func (b *Book) SetFormulaValue(sheet, cell, formula string, v float64) error {
	if err := b.SetNumber(sheet, cell, v); err != nil {
		return err
	}
	return b.f.SetCellFormula(sheet, cell, formula)
}

// Mark gives a cell a solid fill ("#RRGGBB") and keeps the rest of its style (font,
// borders, alignment, number format). Cells of one style marked alike share the new style.
func (b *Book) Mark(sheet, cell, fill string) error {
	id, err := b.f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	key := markKey{style: id, fill: fill}
	marked, ok := b.marks[key]
	if !ok {
		s, err := b.f.GetStyle(id)
		if err != nil {
			return err
		}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
		if marked, err = b.f.NewStyle(s); err != nil {
			return err
		}
		if b.marks == nil {
			b.marks = map[markKey]int{}
		}
		b.marks[key] = marked
	}
	return b.f.SetCellStyle(sheet, cell, cell, marked)
}

type markKey struct {
	style int
	fill  string
}

// RecalcOnOpen asks the office suite to recalculate every formula when it opens the
// workbook, so that formulas over cells changed here show their new results.
func (b *Book) RecalcOnOpen() error {
	on := true
	return b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on})
}

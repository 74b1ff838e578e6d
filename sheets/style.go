package sheets

import "github.com/xuri/excelize/v2"

// Style is how a cell looks. Colours are "#RRGGBB"; zero fields leave the default.
type Style struct {
	Bold     bool
	Color    string // the font's colour
	Fill     string // a solid fill
	Wrap     bool   // wrap text within the cell
	Vertical string // vertical alignment: top, center, bottom
	NumFmt   int    // a built-in number format: 2 is 0.00
	Format   string // a custom number format such as "0.000"; overrides NumFmt
}

// StyleID names a style made in one book.
type StyleID int

// NewStyle registers a style with the book.
func (b *Book) NewStyle(s Style) (StyleID, error) {
	x := excelize.Style{NumFmt: s.NumFmt}
	if s.Bold || s.Color != "" {
		x.Font = &excelize.Font{Bold: s.Bold, Color: s.Color}
	}
	if s.Fill != "" {
		x.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.Fill}}
	}
	if s.Wrap || s.Vertical != "" {
		x.Alignment = &excelize.Alignment{WrapText: s.Wrap, Vertical: s.Vertical}
	}
	if s.Format != "" {
		format := s.Format
		x.CustomNumFmt = &format
	}
	id, err := b.f.NewStyle(&x)
	return StyleID(id), err
}

// SetStyle gives a cell a style.
func (b *Book) SetStyle(sheet, cell string, id StyleID) error {
	return b.f.SetCellStyle(sheet, cell, cell, int(id))
}

// CellStyle reads back how a cell looks (colours as stored, without "#").
func (b *Book) CellStyle(sheet, cell string) (Style, error) {
	id, err := b.f.GetCellStyle(sheet, cell)
	if err != nil {
		return Style{}, err
	}
	x, err := b.f.GetStyle(id)
	if err != nil {
		return Style{}, err
	}
	s := Style{NumFmt: x.NumFmt}
	if x.Font != nil {
		s.Bold, s.Color = x.Font.Bold, x.Font.Color
	}
	if len(x.Fill.Color) > 0 {
		s.Fill = x.Fill.Color[0]
	}
	if x.Alignment != nil {
		s.Wrap, s.Vertical = x.Alignment.WrapText, x.Alignment.Vertical
	}
	if x.CustomNumFmt != nil {
		s.Format = *x.CustomNumFmt
	}
	return s, nil
}

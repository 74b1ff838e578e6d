package sheets

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Comment is a note on a cell; Width and Height size its box, in pixels (0: the default).
type Comment struct {
	Cell   string
	Author string
	Text   string
	Width  uint
	Height uint
}

// SetComment puts a comment on a cell, replacing any it had.
func (b *Book) SetComment(sheet string, c Comment) error {
	if err := b.f.DeleteComment(sheet, c.Cell); err != nil {
		return err
	}
	return b.f.AddComment(sheet, excelize.Comment{Cell: c.Cell, Author: c.Author, Text: c.Text, Width: c.Width, Height: c.Height})
}

// Comments lists a sheet's comments, each with its whole text.
func (b *Book) Comments(sheet string) ([]Comment, error) {
	list, err := b.f.GetComments(sheet)
	if err != nil {
		return nil, err
	}
	out := make([]Comment, len(list))
	for i, c := range list {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		out[i] = Comment{Cell: c.Cell, Author: c.Author, Text: text, Width: c.Width, Height: c.Height}
	}
	return out, nil
}

// SetColWidth sets a column's width (1-based column), in characters.
func (b *Book) SetColWidth(sheet string, col int, width float64) error {
	name := ColumnName(col)
	return b.f.SetColWidth(sheet, name, name, width)
}

// FitToWidth prints the sheet on A4 paper one page wide (as many pages tall as it needs),
// landscape or portrait.
func (b *Book) FitToWidth(sheet string, landscape bool) error {
	fit, wide, tall, orientation, a4 := true, 1, 0, "portrait", 9
	if landscape {
		orientation = "landscape"
	}
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall})
}

// PrintLayout is how a sheet prints: its paper's orientation and size, and how it is scaled.
type PrintLayout struct {
	Landscape bool
	A4        bool
	FitWidth  int // pages wide it is fitted to; 0: not fitted
	FitHeight int // pages tall it is fitted to; 0: as many as it needs
}

// Printing reads how a sheet prints.
func (b *Book) Printing(sheet string) (PrintLayout, error) {
	props, err := b.f.GetSheetProps(sheet)
	if err != nil {
		return PrintLayout{}, err
	}
	page, err := b.f.GetPageLayout(sheet)
	if err != nil {
		return PrintLayout{}, err
	}
	var l PrintLayout
	l.Landscape = page.Orientation != nil && *page.Orientation == "landscape"
	l.A4 = page.Size != nil && *page.Size == 9
	if props.FitToPage != nil && *props.FitToPage {
		if page.FitToWidth != nil {
			l.FitWidth = *page.FitToWidth
		}
		if page.FitToHeight != nil {
			l.FitHeight = *page.FitToHeight
		}
	}
	return l, nil
}

// PrintTitles repeats the rows first to last (1-based) at the top of every printed page.
func (b *Book) PrintTitles(sheet string, first, last int) error {
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheet, "'", "''"), first, last)})
}

// ColWidth is a column's width (1-based column), in characters.
func (b *Book) ColWidth(sheet string, col int) (float64, error) {
	return b.f.GetColWidth(sheet, ColumnName(col))
}

// AutoFilter puts filter buttons on the first row of a range such as "A1:K20".
func (b *Book) AutoFilter(sheet, ref string) error { return b.f.AutoFilter(sheet, ref, nil) }

// FreezeRows keeps the top n rows in view while the rest scroll.
func (b *Book) FreezeRows(sheet string, n int) error {
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: n, TopLeftCell: CellName(1, n+1), ActivePane: "bottomLeft"})
}

// FrozenRows is how many top rows stay in view; 0 when none are frozen.
func (b *Book) FrozenRows(sheet string) (int, error) {
	p, err := b.f.GetPanes(sheet)
	if err != nil || !p.Freeze {
		return 0, err
	}
	return p.YSplit, nil
}

// DropDown lets the cells of ref ("C2:C200") take only one of options, chosen from a list.
// The options together must stay within 255 characters.
func (b *Book) DropDown(sheet, ref string, options []string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	if err := dv.SetDropList(options); err != nil {
		return err
	}
	return b.f.AddDataValidation(sheet, dv)
}

// DropDownFrom lets the cells of ref take only one of the values of the cells of source, a
// range written with its sheet ("'复核口径'!$A$2:$A$9"): a list of any length.
func (b *Book) DropDownFrom(sheet, ref, source string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	dv.SetSqrefDropList(source)
	return b.f.AddDataValidation(sheet, dv)
}

// DropDowns returns the options of every drop-down list on a sheet, by the range it covers.
func (b *Book) DropDowns(sheet string) (map[string]string, error) {
	list, err := b.f.GetDataValidations(sheet)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, dv := range list {
		if dv.Type == "list" {
			out[dv.Sqref] = dv.Formula1
		}
	}
	return out, nil
}

// ChartKind is the kind of a chart.
type ChartKind int

// The kinds of chart.
const (
	Columns ChartKind = iota // vertical bars
	Bars                     // horizontal bars
	Lines
	Pie
)

// Chart is a chart over ranges of a sheet.
type Chart struct {
	Kind   ChartKind
	Title  string
	Series []Series
	Width  uint // pixels; 0: the default
	Height uint
}

// Series is one series of a chart: its name and the ranges of its categories and values,
// written with their sheet ("汇总!$A$2:$A$10").
type Series struct {
	Name       string
	Categories string
	Values     string
}

// AddChart draws a chart with its top-left corner at cell.
func (b *Book) AddChart(sheet, cell string, c Chart) error {
	kinds := map[ChartKind]excelize.ChartType{Columns: excelize.Col, Bars: excelize.Bar, Lines: excelize.Line, Pie: excelize.Pie}
	x := &excelize.Chart{Type: kinds[c.Kind], Dimension: excelize.ChartDimension{Width: c.Width, Height: c.Height}}
	if c.Title != "" {
		x.Title = excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}}
	}
	for _, s := range c.Series {
		x.Series = append(x.Series, excelize.ChartSeries{Name: s.Name, Categories: s.Categories, Values: s.Values})
	}
	return b.f.AddChart(sheet, cell, x)
}

// PrintTitleRows are the rows (1-based) repeated at the top of every printed page of a
// sheet; 0, 0 when none.
func (b *Book) PrintTitleRows(sheet string) (first, last int, err error) {
	for _, dn := range b.f.GetDefinedName() {
		if dn.Name != "_xlnm.Print_Titles" || dn.Scope != sheet {
			continue
		}
		ref := dn.RefersTo[strings.LastIndexByte(dn.RefersTo, '!')+1:]
		if _, err := fmt.Sscanf(ref, "$%d:$%d", &first, &last); err != nil {
			return 0, 0, fmt.Errorf("print titles %q: %w", dn.RefersTo, err)
		}
		return first, last, nil
	}
	return 0, 0, nil
}

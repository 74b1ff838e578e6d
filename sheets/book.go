package sheets

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// What may be unzipped from one workbook: a 自评表 workbook is a few hundred kilobytes, and
// these stop a zip bomb.
const (
	MaxUnzipSize    = 256 << 20 // bytes, all parts together
	MaxUnzipXMLSize = 64 << 20  // bytes, one sheet's XML
)

// Book is one workbook, opened from a file or new. It is not safe for concurrent use.
type Book struct {
	f     *excelize.File
	marks map[markKey]int // the style made of each style marked with each fill
}

// Open opens an existing workbook (.xlsx, .xlsm). Whatever jixiao does not touch is kept
// when it is saved again.
func Open(path string) (*Book, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: MaxUnzipSize, UnzipXMLSizeLimit: MaxUnzipXMLSize})
	if err != nil {
		return nil, err
	}
	return &Book{f: f}, nil
}

// New returns a new workbook holding one empty sheet, "Sheet1".
func New() *Book { return &Book{f: excelize.NewFile()} }

// Close releases the workbook's temporary files.
func (b *Book) Close() error { return b.f.Close() }

// Sheets lists the sheets' names in workbook order.
func (b *Book) Sheets() []string { return b.f.GetSheetList() }

// AddSheet appends an empty sheet.
func (b *Book) AddSheet(name string) error {
	_, err := b.f.NewSheet(name)
	return err
}

// Hide hides a sheet: it is kept, and read like any other, but not shown or printed.
func (b *Book) Hide(sheet string) error { return b.f.SetSheetVisible(sheet, false) }

// Hidden reports whether a sheet is hidden.
func (b *Book) Hidden(sheet string) (bool, error) {
	visible, err := b.f.GetSheetVisible(sheet)
	return !visible, err
}

// RenameSheet renames a sheet.
func (b *Book) RenameSheet(from, to string) error { return b.f.SetSheetName(from, to) }

// SetActive makes the sheet at index (0-based, workbook order) the one shown on opening.
func (b *Book) SetActive(index int) { b.f.SetActiveSheet(index) }

// Write writes the workbook as .xlsx.
func (b *Book) Write(w io.Writer) error { return b.f.Write(w) }

// SaveAs writes the workbook to path (the source file of an opened workbook is left as it
// was).
func (b *Book) SaveAs(path string) error { return b.f.SaveAs(path) }

// DeleteSheet removes a sheet.
func (b *Book) DeleteSheet(name string) error { return b.f.DeleteSheet(name) }

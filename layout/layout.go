package layout

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// Format is the form a document came in.
type Format string

// The formats Read understands.
const (
	Text     Format = "text"     // extracted text: one line per line, cells separated by tabs
	Markdown Format = "markdown" // text whose tables may be Markdown pipe tables
	Docx     Format = "docx"     // a Word document: paragraphs and tables
	PDF      Format = "pdf"      // a PDF's text layer, each word where it stands on its page
)

// DefaultMaxSize is the largest document Read accepts, in bytes. A published report is a few
// hundred kilobytes as text and a few megabytes as .docx.
const DefaultMaxSize = 64 << 20

// Cell is one cell of a line: the text between two tabs, a Markdown table cell, a .docx table
// cell. Blank cells are kept, so that a cell's index is its column where the extraction kept
// the empty cells of a row.
type Cell struct {
	Text string         // trimmed, with TeX operators replaced (\geq → ≥, $>$ → >)
	Pos  indicators.Pos // the cell's first character; in a .docx, Sheet "表N", Line the row, Col the cell
	// X0 and X1 are where the cell's text begins and ends on a PDF page, in points from the
	// page's left edge; both 0 in other formats.
	X0, X1 float64
}

// Line is one non-blank line of the document: a paragraph (one cell) or a table row (one cell
// per column).
type Line struct {
	Cells []Cell
	// Pos is where the line starts. In text, Line is the file's line; in a .docx, a paragraph's
	// Line counts the paragraphs and table rows of the body from the top, and a table row is
	// placed like its first cell. In a PDF, Page names the page (from 1) and Line
	// counts the lines of text on that page from its top.
	Pos indicators.Pos
	// Page is the PDF page the line stands on (from 1), and Y0, Y1 its top and bottom in
	// points from the page's top edge; all 0 in other formats.
	Page   int
	Y0, Y1 float64
}

// Text is the line's cells joined by tabs.
func (l Line) Text() string {
	parts := make([]string, len(l.Cells))
	for i, c := range l.Cells {
		parts[i] = c.Text
	}
	return strings.Join(parts, "\t")
}

// IsRow reports whether the line has more than one cell.
func (l Line) IsRow() bool { return len(l.Cells) > 1 }

// Cell returns the text of cell i, or "" when the line has no such cell.
func (l Line) Cell(i int) string {
	if i < 0 || i >= len(l.Cells) {
		return ""
	}
	return l.Cells[i].Text
}

// Document is a document's lines, in reading order.
type Document struct {
	File   string
	Format Format
	Lines  []Line
	// Pages are a PDF's pages; nil in other formats.
	Pages []Page
	// Furniture are the lines of a PDF set aside as running heads, feet and page numbers.
	Furniture []Line
}

// Geometric reports whether the document's cells carry their places on the page (a PDF):
// columns are then found by where text stands, not by counting cells.
func (d *Document) Geometric() bool { return d.Format == PDF }

// FormatOf returns the format a file name implies, and false for a name Read does not read.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return Text, true
	case ".md", ".markdown":
		return Markdown, true
	case ".docx":
		return Docx, true
	case ".pdf":
		return PDF, true
	}
	return "", false
}

// ReadFile reads the document at path, in the format its extension names (.txt, .md, .docx,
// .pdf), a PDF with the default PDFOptions.
func ReadFile(path string) (*Document, error) {
	format, ok := FormatOf(path)
	if !ok {
		return nil, fileError(path, indicators.ErrRead, i18n.T(
			"不能读取这种文件：发布的报告应为 .pdf、.docx、.txt 或 .md 文件",
			"cannot read this kind of file: a published report must be a .pdf, .docx, .txt or .md file"))
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, fileError(path, indicators.ErrRead, i18n.T("无法读取文件：%s", "cannot read the file: %s", i18n.OSError(err)))
	}
	if info.Size() > DefaultMaxSize {
		return nil, fileError(path, indicators.ErrLimit, i18n.T(
			"文件有 %d 字节，超过上限 %d 字节", "the file has %d bytes, more than the limit of %d", info.Size(), int64(DefaultMaxSize)))
	}
	if format == PDF {
		return ReadPDFFile(context.Background(), path, PDFOptions{})
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileError(path, indicators.ErrRead, i18n.T("无法读取文件：%s", "cannot read the file: %s", i18n.OSError(err)))
	}
	return Read(path, format, data)
}

// Read reads data, named name in positions, in the given format.
func Read(name string, format Format, data []byte) (*Document, error) {
	if len(data) > DefaultMaxSize {
		return nil, fileError(name, indicators.ErrLimit, i18n.T(
			"文件有 %d 字节，超过上限 %d 字节", "the file has %d bytes, more than the limit of %d", len(data), DefaultMaxSize))
	}
	switch format {
	case PDF:
		return ReadPDF(context.Background(), name, data, PDFOptions{})
	case Docx:
		return readDocx(name, data)
	case Text, Markdown:
		if err := checkText(name, data); err != nil {
			return nil, err
		}
		return readText(name, format, string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))), nil
	}
	return nil, fmt.Errorf("layout: unknown format %q", format)
}

// checkText rejects what is not UTF-8 text, naming what it is instead.
func checkText(name string, data []byte) error {
	switch {
	case len(data) == 0:
		return fileError(name, indicators.ErrRead, i18n.T("文件是空的", "the file is empty"))
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return fileError(name, indicators.ErrEncoding, i18n.T(
			"文件是 UTF-16 编码：请用 UTF-8 另存后再试", "the file is UTF-16: save it as UTF-8 and try again"))
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return fileError(name, indicators.ErrEncoding, i18n.T(
			"这是一个压缩包（.docx 或 .xlsx），不是文本文件：请使用正确的扩展名",
			"this is a zip archive (a .docx or .xlsx), not a text file: give it the right extension"))
	case bytes.IndexByte(data, 0) >= 0:
		return fileError(name, indicators.ErrEncoding, i18n.T(
			"文件含有二进制数据，不是文本", "the file holds binary data, not text"))
	case !utf8.Valid(data):
		return fileError(name, indicators.ErrEncoding, i18n.T(
			"文件不是 UTF-8 编码（多半是 GBK）：请用 UTF-8 另存后再试",
			"the file is not UTF-8 (most likely GBK): save it as UTF-8 and try again"))
	}
	return nil
}

func fileError(name string, kind indicators.ErrorKind, msg i18n.Text) error {
	return &indicators.Error{Pos: indicators.Pos{File: name}, Kind: kind, Msg: msg}
}

package layout

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// maxDocumentXML bounds word/document.xml once unzipped, against a zip bomb. The body of a
// long report is a few megabytes.
const maxDocumentXML = 64 << 20

// readDocx reads the body of a Word document: each paragraph a line (split at its tabs), each
// table row a line of its cells. A cell merged across columns (gridSpan) stands for as many
// cells, the first holding the text; a cell merged down rows (vMerge) holds its text in its
// first row and is blank below, as a PDF extraction shows it. Deleted text (tracked changes)
// and field codes are left out; text in a table inside a cell joins that cell's text.
func readDocx(name string, data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fileError(name, indicators.ErrRead, damaged(
			"不是有效的 .docx 文件：它不是 zip 压缩包（可能已损坏，或是改了扩展名的旧版 .doc）；请用 Word 或 WPS 另存为 .docx 后再试",
			"not a valid .docx file: it is no zip archive (damaged, or an old .doc renamed); save it as .docx in Word or WPS and try again", err))
	}
	var body *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			body = f
			break
		}
	}
	if body == nil {
		return nil, fileError(name, indicators.ErrRead, i18n.T(
			"不是 Word 文档：压缩包里没有 word/document.xml", "not a Word document: the archive has no word/document.xml"))
	}
	if body.UncompressedSize64 > maxDocumentXML {
		return nil, fileError(name, indicators.ErrLimit, i18n.T(
			"word/document.xml 解压后有 %d 字节，超过上限 %d 字节", "word/document.xml unzips to %d bytes, more than the limit of %d",
			body.UncompressedSize64, uint64(maxDocumentXML)))
	}
	rc, err := body.Open()
	if err != nil {
		return nil, fileError(name, indicators.ErrRead, damaged(
			"这个 .docx 文件已损坏：其中的正文（word/document.xml）读不出来；请用 Word 或 WPS 另存一份后再试",
			"the .docx file is damaged: its body (word/document.xml) cannot be read; save a copy in Word or WPS and try again", err))
	}
	defer rc.Close()
	r := &docxReader{doc: &Document{File: name, Format: Docx}}
	if err := r.read(io.LimitReader(rc, maxDocumentXML+1)); err != nil {
		return nil, fileError(name, indicators.ErrSyntax, damaged(
			"这个 .docx 文件已损坏：其中的正文（word/document.xml）不是完整的 XML；请用 Word 或 WPS 另存一份后再试",
			"the .docx file is damaged: its body (word/document.xml) is not well-formed XML; save a copy in Word or WPS and try again", err))
	}
	return r.doc, nil
}

// damaged is the message for a file that cannot be read as what it claims to be: what to do,
// in both languages; the library's own words (English) follow in the English message alone,
// for whoever has to look further.
func damaged(zh, en string, err error) i18n.Text {
	return i18n.Text{Zh: zh, En: en + " (" + err.Error() + ")"}
}

type docxReader struct {
	doc    *Document
	tables int // top-level tables seen

	tableDepth int
	row        []rowCell // the row being read (top-level table)
	rowNum     int       // rows of the current top-level table
	cell       *docxCell // the cell being read (top-level table)
	para       strings.Builder
	inPara     bool
	inText     bool // inside w:t (or m:t)
	inTabs     int  // inside w:tabs, where w:tab defines a tab stop rather than writes one
}

// rowCell is a cell of a row once read.
type rowCell struct {
	text   string
	span   int
	merged bool
}

type docxCell struct {
	text   strings.Builder
	span   int
	merged bool // a vMerge continuation: blank, its text is in the row above
}

func (r *docxReader) read(src io.Reader) error {
	dec := xml.NewDecoder(src)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if r.tableDepth != 0 || r.inPara {
				return errors.New("the document ends inside a paragraph or table")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.start(t)
		case xml.EndElement:
			r.end(t)
		case xml.CharData:
			if r.inText {
				r.para.Write(t)
			}
		}
	}
}

func (r *docxReader) start(t xml.StartElement) {
	switch t.Name.Local {
	case "tbl":
		r.flushParagraph()
		r.tableDepth++
		if r.tableDepth == 1 {
			r.tables++
			r.rowNum = 0
		}
	case "tr":
		if r.tableDepth == 1 {
			r.row = r.row[:0]
			r.rowNum++
		}
	case "tc":
		if r.tableDepth == 1 {
			r.cell = &docxCell{span: 1}
		}
	case "gridSpan":
		if r.tableDepth == 1 && r.cell != nil {
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 && n <= 64 {
				r.cell.span = n
			}
		}
	case "vMerge":
		if r.tableDepth == 1 && r.cell != nil {
			if v := attr(t, "val"); v == "" || v == "continue" {
				r.cell.merged = true
			}
		}
	case "p":
		r.inPara = true
	case "t":
		r.inText = true
	case "tabs":
		r.inTabs++
	case "tab":
		if r.inPara && !r.inText && r.inTabs == 0 {
			if r.tableDepth > 0 {
				r.para.WriteByte(' ')
			} else {
				r.para.WriteByte('\t')
			}
		}
	case "br", "cr":
		if r.inPara && !r.inText {
			if r.tableDepth > 0 {
				r.para.WriteByte(' ')
			} else {
				r.para.WriteByte('\n')
			}
		}
	}
}

func (r *docxReader) end(t xml.EndElement) {
	switch t.Name.Local {
	case "t":
		r.inText = false
	case "tabs":
		r.inTabs--
	case "p":
		r.inPara = false
		if r.tableDepth == 0 {
			r.flushParagraph()
			return
		}
		// A paragraph inside a cell joins the cell's text, a space between paragraphs.
		if r.cell != nil {
			if s := strings.TrimSpace(r.para.String()); s != "" {
				if r.cell.text.Len() > 0 {
					r.cell.text.WriteByte(' ')
				}
				r.cell.text.WriteString(s)
			}
		}
		r.para.Reset()
	case "tc":
		if r.tableDepth == 1 && r.cell != nil {
			r.row = append(r.row, rowCell{text: r.cell.text.String(), span: r.cell.span, merged: r.cell.merged})
			r.cell = nil
		}
	case "tr":
		if r.tableDepth == 1 {
			r.flushRow()
		}
	case "tbl":
		r.tableDepth--
	}
}

// flushParagraph emits the paragraph read so far, one line per line break, split at tabs.
func (r *docxReader) flushParagraph() {
	text := r.para.String()
	r.para.Reset()
	for _, part := range strings.Split(text, "\n") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		n := len(r.doc.Lines) + 1
		cells := splitCells(r.doc.File, n, part, '\t', false)
		r.doc.Lines = append(r.doc.Lines, Line{Cells: cells, Pos: lineStart(r.doc.File, n, part)})
	}
}

// flushRow emits a table row: each cell, then a blank cell for each further column it spans.
func (r *docxReader) flushRow() {
	sheet := "表" + strconv.Itoa(r.tables)
	var cells []Cell
	blank := true
	for _, c := range r.row {
		text := ""
		if !c.merged {
			text = Clean(c.text)
		}
		if text != "" {
			blank = false
		}
		col := len(cells) + 1
		cells = append(cells, Cell{Text: text, Pos: indicators.Pos{File: r.doc.File, Sheet: sheet, Line: r.rowNum, Col: col}})
		for k := 1; k < c.span; k++ {
			cells = append(cells, Cell{Pos: indicators.Pos{File: r.doc.File, Sheet: sheet, Line: r.rowNum, Col: col + k}})
		}
	}
	r.row = r.row[:0]
	if blank {
		return
	}
	r.doc.Lines = append(r.doc.Lines, Line{Cells: cells, Pos: indicators.Pos{File: r.doc.File, Sheet: sheet, Line: r.rowNum, Col: 1}})
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

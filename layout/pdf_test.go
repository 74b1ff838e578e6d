package layout_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/layout"
)

// requirePdftotext skips a test when poppler's pdftotext is not installed here (.ci/run
// installs it).
func requirePdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils): PDF tests skipped")
	}
}

// text is a run of ASCII text placed on a page, x and y in points from the top left.
type text struct {
	x, y float64
	s    string
}

// minimalPDF writes a PDF of the given pages, each a list of texts in Helvetica 10 pt, with
// the cross-reference table a reader needs. A page with no text is a blank page, as a scan's
// page is to a text extractor.
func minimalPDF(pages [][]text) []byte {
	var objs []string
	n := len(pages)
	// 1 catalog, 2 pages, 3 font, then per page: page object, content stream.
	kids := make([]string, n)
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 4+2*i)
	}
	objs = append(objs, "<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	for i, p := range pages {
		var content strings.Builder
		for _, t := range p {
			fmt.Fprintf(&content, "BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET\n", t.x, 842-t.y, t.s)
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestReadPDFLinesAndCells(t *testing.T) {
	requirePdftotext(t)
	pdf := minimalPDF([][]text{{
		{100, 100, "Title of the report"},
		{60, 140, "Income"}, {250, 140, "1,234.50"}, {400, 140, "Spending"}, {520, 140, "99.00"},
		// A name wrapped above and below its row: lines of their own, half a line off.
		{60, 160, "Wrapped"}, {250, 166, "3.00"}, {60, 172, "name"},
	}, {
		{60, 100, "Second page"},
	}})
	doc, err := layout.Read("r.pdf", layout.PDF, pdf)
	require.NoError(t, err)
	assert.Equal(t, layout.PDF, doc.Format)
	assert.True(t, doc.Geometric())
	require.Len(t, doc.Pages, 2)
	assert.Equal(t, layout.Page{Number: 1, Width: 595, Height: 842, Words: 11}, doc.Pages[0])

	var got []string
	for _, l := range doc.Lines {
		got = append(got, fmt.Sprintf("p%d %d %s", l.Pos.Page, l.Pos.Line, strings.Join(texts(l), "|")))
	}
	assert.Equal(t, []string{
		"p1 1 Title of the report",
		"p1 2 Income|1,234.50|Spending|99.00",
		"p1 3 Wrapped",
		"p1 4 3.00",
		"p1 5 name",
		"p2 1 Second page",
	}, got, "words whose centres meet are a line; words far apart are cells")

	// The same from a file, which pdftotext reads itself; its name may look like an option.
	path := filepath.Join(t.TempDir(), "-r.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o644))
	fromFile, err := layout.ReadFile(path)
	require.NoError(t, err)
	require.Len(t, fromFile.Lines, len(doc.Lines))
	for i, l := range fromFile.Lines {
		assert.Equal(t, doc.Lines[i].Text(), l.Text())
		assert.Equal(t, path, l.Pos.File)
	}

	row := doc.Lines[1]
	assert.Equal(t, 1, row.Page)
	assert.InDelta(t, 60, row.Cells[0].X0, 0.5, "a cell's left edge, in points")
	assert.InDelta(t, 250, row.Cells[1].X0, 0.5)
	assert.Greater(t, row.Cells[1].X1, row.Cells[1].X0)
	assert.Less(t, row.Y0, row.Y1)
	assert.Equal(t, indicators.Pos{File: "r.pdf", Page: 1, Line: 2, Col: 8}, row.Cells[1].Pos,
		"Col counts characters along the line as its text reads, a tab between cells")
	assert.Equal(t, "r.pdf:p1:2:8", row.Cells[1].Pos.String())
	page, ok := layout.PageOf(row.Cells[1].Pos)
	assert.True(t, ok)
	assert.Equal(t, 1, page)
	_, ok = layout.PageOf(indicators.Pos{File: "r.docx", Sheet: "表1", Line: 2})
	assert.False(t, ok, "a .docx table is not a page")
}

func TestReadPDFFurniture(t *testing.T) {
	requirePdftotext(t)
	var pages [][]text
	for i := 1; i <= 4; i++ {
		pages = append(pages, []text{
			{200, 40, fmt.Sprintf("Annual report %d", 2024)}, // a running head
			{60, 300, fmt.Sprintf("Body text of page %d", i)},
			{290, 800, fmt.Sprintf("- %d -", i)}, // the page number
		})
	}
	doc, err := layout.Read("r.pdf", layout.PDF, minimalPDF(pages))
	require.NoError(t, err)
	var body, furniture []string
	for _, l := range doc.Lines {
		body = append(body, l.Text())
	}
	for _, l := range doc.Furniture {
		furniture = append(furniture, l.Text())
	}
	assert.Equal(t, []string{"Body text of page 1", "Body text of page 2", "Body text of page 3", "Body text of page 4"}, body)
	assert.Len(t, furniture, 8, "the running head and the page number of each page are set aside, not lost: %q", furniture)
}

func TestReadPDFErrors(t *testing.T) {
	requirePdftotext(t)
	dir := t.TempDir()
	script := func(name, body string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755))
		return path
	}
	good := minimalPDF([][]text{{{60, 100, "text"}}})
	tests := []struct {
		name     string
		data     []byte
		opts     layout.PDFOptions
		sentinel error
		kind     indicators.ErrorKind
		zh, en   string // what the message holds
	}{
		{"scanned", minimalPDF([][]text{{}, {}}), layout.PDFOptions{}, layout.ErrScanned, indicators.ErrRead,
			"这是扫描件，没有文字层：PDF 的 2 页上都没有可读取的文字", "this is a scan, without a text layer"},
		{"damaged", []byte("%PDF-1.4\nnothing else"), layout.PDFOptions{}, nil, indicators.ErrRead,
			"pdftotext 无法读取这个 PDF：文件可能已损坏、没有下载完或加了密码；请用 PDF 阅读器打开看看，重新下载或去掉密码后再试", "pdftotext cannot read this PDF: it may be damaged"},
		{"timeout", good, layout.PDFOptions{Command: script("slow", "sleep 5"), Timeout: 100 * time.Millisecond}, nil, indicators.ErrLimit,
			"pdftotext 在 100ms 内没有读完这个文件，已停止", "did not finish reading the file within 100ms"},
		{"output limit", good, layout.PDFOptions{Command: script("loud", "head -c 100000 /dev/zero"), MaxOutput: 1000}, nil, indicators.ErrLimit,
			"pdftotext 输出超过上限 1000 字节", "more than the limit of 1000 bytes"},
		{"not its output", good, layout.PDFOptions{Command: script("odd", "echo '<page><word>'")}, nil, indicators.ErrSyntax,
			"pdftotext 读出的内容无法解析：请确认安装的 poppler-utils 是否完好，或改用报告的 .docx 或 .txt 文本", "cannot be parsed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := layout.ReadPDF(context.Background(), "r.pdf", tt.data, tt.opts)
			require.Error(t, err)
			assert.Less(t, time.Since(start), 4*time.Second, "the extraction is bounded")
			if tt.sentinel != nil {
				assert.ErrorIs(t, err, tt.sentinel)
			}
			var e *indicators.Error
			require.True(t, errors.As(err, &e), "the error holds an *indicators.Error: %v", err)
			assert.Equal(t, "r.pdf", e.Pos.File, "the error names the file")
			assert.Equal(t, tt.kind, e.Kind)
			assert.Contains(t, e.Msg.String(i18n.Zh), tt.zh)
			assert.Contains(t, e.Msg.String(i18n.En), tt.en)
		})
	}
}

// Without pdftotext, reading a PDF is one error saying how to install it (the command line
// exits 2 on it); it needs no pdftotext to run.
func TestReadPDFNoExtractor(t *testing.T) {
	_, err := layout.ReadPDF(context.Background(), "r.pdf", minimalPDF([][]text{{{60, 100, "text"}}}),
		layout.PDFOptions{Command: "pdftotext-not-installed-here"})
	require.Error(t, err)
	assert.ErrorIs(t, err, layout.ErrNoExtractor)
	var e *indicators.Error
	require.True(t, errors.As(err, &e), "the error holds an *indicators.Error: %v", err)
	assert.Equal(t, "r.pdf", e.Pos.File)
	assert.Equal(t, indicators.ErrRead, e.Kind)
	assert.Equal(t, "读取 PDF 需要 poppler 的 pdftotext 程序，本机没有找到它（pdftotext-not-installed-here）：请安装 poppler-utils（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler），或改用报告的 .docx 或 .txt 文本",
		e.Msg.String(i18n.Zh))
	assert.Equal(t, "r.pdf: reading a PDF needs poppler's pdftotext, which is not installed (pdftotext-not-installed-here): install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler), or give the report as .docx or .txt",
		err.Error(), "one line, naming the file")
}

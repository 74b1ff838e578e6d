package layout_test

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/layout"
)

// docxOf wraps body XML in the smallest .docx Word opens: the content types, the package
// relationship and word/document.xml.
func docxOf(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := []struct{ name, text string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	}
	for _, f := range files {
		w, err := zw.Create(f.name)
		require.NoError(t, err)
		_, err = w.Write([]byte(f.text))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestReadDocx(t *testing.T) {
	body := `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>第一部分 单位概况</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>` +
		`<w:p/>` +
		`<w:p><w:r><w:t xml:space="preserve">参保人数 </w:t></w:r><w:r><w:t>\geq 217100</w:t></w:r><w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>` +
		`<w:tbl>` +
		`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>专项名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>社保工作</w:t></w:r><w:r><w:t>运行经费</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>时效</w:t></w:r></w:p><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>20</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内表</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc><w:tc><w:p><w:r><w:t>10</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>` +
		`</w:tbl>` +
		`<w:p><w:r><w:t>注：本表反映</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>`
	doc, err := layout.Read("r.docx", layout.Docx, docxOf(t, body))
	require.NoError(t, err)
	got := make([][]string, len(doc.Lines))
	for i, l := range doc.Lines {
		got[i] = texts(l)
	}
	assert.Equal(t, [][]string{
		{"第一部分 单位概况", "1"},       // a tab stop in the paragraph's properties writes nothing; a tab in the text separates cells
		{"参保人数 ≥ 217100"},        // runs joined, TeX replaced, deleted text and field codes left out
		{"专项名称", "", "社保工作运行经费"}, // a cell spanning two columns stands for two cells
		{"产出指标", "时效 指标", "20"},  // paragraphs in a cell are joined by a space
		{"", "内表", "10"},         // a merged-down cell is blank below its first row; a table inside a cell joins its text
		{"注：本表反映"}, {"第二行"},      // a line break splits a paragraph; the blank row is left out
	}, got)
	assert.Equal(t, "r.docx:2:1", doc.Lines[1].Pos.String(), "a paragraph is placed by its count among the lines")
	assert.Equal(t, "r.docx:表1!C1", doc.Lines[2].Cells[2].Pos.String(), "a cell is placed by table, row and column")
	assert.Equal(t, "r.docx:表1!B3", doc.Lines[4].Cells[1].Pos.String())
	assert.Equal(t, layout.Docx, doc.Format)
}

func TestReadDocxErrors(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	_, err := zw.Create("xl/workbook.xml")
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	_, err = layout.Read("book.docx", layout.Docx, buf.Bytes())
	require.Error(t, err)
	assert.Equal(t, "book.docx: not a Word document: the archive has no word/document.xml", err.Error())

	_, err = layout.Read("cut.docx", layout.Docx, docxOf(t, `<w:p><w:r><w:t>未完`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cut.docx: the .docx file is damaged: its body (word/document.xml) is not well-formed XML; save a copy in Word or WPS and try again (XML syntax error")
	var e *indicators.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "这个 .docx 文件已损坏：其中的正文（word/document.xml）不是完整的 XML；请用 Word 或 WPS 另存一份后再试", e.Msg.String(i18n.Zh),
		"no library text in Chinese")
}

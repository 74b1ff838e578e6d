package layout_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/layout"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"geq", `参保人数 \geq 217100 得 10 分`, "参保人数 ≥ 217100 得 10 分"},
		{"dollar gt", `217100 $>$ 参保人数`, "217100 > 参保人数"},
		{"dollar lt", `养老 金 $<$ 167/ 月·人不得分`, "养老 金 < 167/ 月·人不得分"},
		{"geq in dollars", `A $\geq$ 98\%`, "A ≥ 98%"},
		{"short ge", `x \ge 3 且 y \le 4`, "x ≥ 3 且 y ≤ 4"},
		{"geqslant", `\geqslant 5 天`, "≥ 5 天"},
		{"range", `15$\sim$18 分`, "15~18 分"},
		{"emphasis", `一、**事业收入**：指…`, "一、事业收入：指…"},
		{"untouched", "  资金投入 100%得 10 分;  ", "资金投入 100%得 10 分;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, layout.Clean(tt.in), "Clean(%q)", tt.in)
		})
	}
}

func TestReadTextCells(t *testing.T) {
	text := "收入支出决算总表\n\n\t合计\t73.00\t0.00\r\n  支付全年劳务派遣经费≥4 期\t \\geq 217100 \n"
	doc, err := layout.Read("r.txt", layout.Text, []byte(text))
	require.NoError(t, err)
	require.Len(t, doc.Lines, 3, "blank lines are left out")

	assert.Equal(t, []string{"收入支出决算总表"}, texts(doc.Lines[0]))
	assert.False(t, doc.Lines[0].IsRow())
	assert.Equal(t, 1, doc.Lines[0].Pos.Line)

	row := doc.Lines[1]
	assert.True(t, row.IsRow())
	assert.Equal(t, []string{"", "合计", "73.00", "0.00"}, texts(row), "the blank first cell is kept")
	assert.Equal(t, "r.txt:3:2", row.Cells[1].Pos.String(), "合计 starts after the tab")
	assert.Equal(t, "r.txt:3:5", row.Cells[2].Pos.String(), "columns count characters: 合计 is two")
	assert.Equal(t, "\t合计\t73.00\t0.00", row.Text())

	last := doc.Lines[2]
	assert.Equal(t, []string{"支付全年劳务派遣经费≥4 期", "≥ 217100"}, texts(last))
	assert.Equal(t, 3, last.Cells[0].Pos.Col, "a cell is placed at its first non-blank character")
	assert.Equal(t, 19, last.Cells[1].Pos.Col, "two blanks, fourteen characters, the tab, a blank")
	assert.Equal(t, "", last.Cell(5), "a cell the line does not have is blank")
}

func TestReadMarkdown(t *testing.T) {
	text := "## 七、预算绩效情况说明\n\n| 项目 | 金额 |\n|---|---:|\n| 合计 | 1,633.00 |\n本单位组织对 **2** 个项目实施单位自评。\n"
	doc, err := layout.Read("r.md", layout.Markdown, []byte(text))
	require.NoError(t, err)
	require.Len(t, doc.Lines, 4, "the rule under a table's header holds nothing")
	assert.Equal(t, []string{"七、预算绩效情况说明"}, texts(doc.Lines[0]))
	assert.Equal(t, 4, doc.Lines[0].Cells[0].Pos.Col, "the heading's text keeps its column")
	assert.Equal(t, []string{"项目", "金额"}, texts(doc.Lines[1]))
	assert.Equal(t, []string{"合计", "1,633.00"}, texts(doc.Lines[2]))
	assert.Equal(t, "r.md:5:3", doc.Lines[2].Cells[0].Pos.String())
	assert.Equal(t, []string{"本单位组织对 2 个项目实施单位自评。"}, texts(doc.Lines[3]))
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	tests := []struct {
		name string
		path string
		kind indicators.ErrorKind
		msg  string
	}{
		{"empty", write("empty.txt", nil), indicators.ErrRead, "文件是空的"},
		{"gbk", write("gbk.txt", []byte{0xb2, 0xbb, 0xc3, 0xf7}), indicators.ErrEncoding, "文件不是 UTF-8 编码（多半是 GBK）：请用 UTF-8 另存后再试"},
		{"utf16", write("u16.txt", []byte{0xff, 0xfe, 'a', 0}), indicators.ErrEncoding, "文件是 UTF-16 编码：请用 UTF-8 另存后再试"},
		{"binary", write("bin.md", []byte("ab\x00cd")), indicators.ErrEncoding, "文件含有二进制数据，不是文本"},
		{"zip as text", write("z.txt", []byte("PK\x03\x04rest")), indicators.ErrEncoding, "这是一个压缩包（.docx 或 .xlsx），不是文本文件：请使用正确的扩展名"},
		{"not a zip", write("bad.docx", []byte("hello")), indicators.ErrRead, "不是有效的 .docx 文件：它不是 zip 压缩包（可能已损坏，或是改了扩展名的旧版 .doc）；请用 Word 或 WPS 另存为 .docx 后再试"},
		{"extension", write("r.rtf", []byte("{\\rtf1}")), indicators.ErrRead, "不能读取这种文件：发布的报告应为 .pdf、.docx、.txt 或 .md 文件"},
		{"not a pdf", write("r.pdf", []byte("hello")), indicators.ErrRead, "不是 PDF 文件（文件开头没有 %PDF- 标记）"},
		{"missing", filepath.Join(dir, "none.txt"), indicators.ErrRead, "无法读取文件：文件或文件夹不存在，请检查路径"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := layout.ReadFile(tt.path)
			require.Error(t, err, "ReadFile(%s)", tt.path)
			var e *indicators.Error
			require.True(t, errors.As(err, &e), "the error is an *indicators.Error: %v", err)
			assert.Equal(t, tt.path, e.Pos.File, "the error names the file")
			assert.Equal(t, tt.kind, e.Kind)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, e.Msg.String(i18n.Zh))
			}
		})
	}
}

func texts(l layout.Line) []string {
	out := make([]string, len(l.Cells))
	for i, c := range l.Cells {
		out[i] = c.Text
	}
	return out
}

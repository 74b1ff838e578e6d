package published

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/layout"
)

// placedLines reads a table of a PDF written compactly, one line per line: "page y | x text |
// x text …", x and y in points. It is how the grid stage's tests and fuzz target write the
// lines pdftotext gives.
func placedLines(src string) []layout.Line {
	var out []layout.Line
	perPage := map[int]int{}
	for _, raw := range strings.Split(src, "\n") {
		parts := strings.Split(raw, "|")
		head := strings.Fields(parts[0])
		if len(head) != 2 {
			continue
		}
		page, err1 := strconv.Atoi(head[0])
		y, err2 := strconv.ParseFloat(head[1], 64)
		if err1 != nil || err2 != nil || page < 1 || page > 50 || y != y || y < 0 || y > 2000 {
			continue
		}
		perPage[page]++
		l := layout.Line{Page: page, Y0: y, Y1: y + 10, Pos: indicators.Pos{File: "t.pdf", Page: page, Line: perPage[page], Col: 1}}
		for _, cell := range parts[1:] {
			xs, text, ok := strings.Cut(strings.TrimSpace(cell), " ")
			x, err := strconv.ParseFloat(xs, 64)
			if !ok || err != nil || x != x || x < 0 || x > 2000 || strings.TrimSpace(text) == "" {
				continue
			}
			text = strings.TrimSpace(text)
			w := 5.0 * float64(len([]rune(text)))
			l.Cells = append(l.Cells, layout.Cell{Text: text, X0: x, X1: x + w,
				Pos: indicators.Pos{File: "t.pdf", Page: page, Line: perPage[page], Col: len(l.Cells) + 1}})
		}
		if len(l.Cells) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// gridSample is a small 05表 as a PDF lays it out: a group header, a name wrapped above and
// below its row's code and amounts, a blank amount, and a page break inside the table.
const gridSample = `1 100 | 300 单位：万元
1 120 | 160 项目 | 330 本年支出
1 140 | 60 功能分类科目编码 | 160 科目名称 | 280 小计 | 330 基本支出 | 390 项目支出
1 160 | 160 合计 | 280 30.00 | 330 10.00 | 390 20.00
1 180 | 60 208 | 160 社会保障和就业支出 | 280 30.00 | 330 10.00 | 390 20.00
1 195 | 160 机关事业单位基本养老
1 200 | 60 2080505 | 280 10.00 | 330 10.00
1 205 | 160 保险缴费支出
2 80 | 60 2080599 | 160 其他支出 | 280 20.00 | 390 20.00`

func TestGridTable(t *testing.T) {
	r := &region{title: layout.Line{Cells: []layout.Cell{{Text: "一般公共预算财政拨款支出决算表"}}, Pos: indicators.Pos{File: "t.pdf", Page: 1, Line: 1}},
		number: 5, lines: placedLines(gridSample)}
	tb, notes := readAccounts(r, true)
	assert.Empty(t, notes)
	assert.Equal(t, "万元", tb.Unit)
	require.Len(t, tb.Parts, 1)
	p := tb.Parts[0]
	var cols []string
	for _, c := range p.Columns {
		cols = append(cols, c.Name)
	}
	assert.Equal(t, []string{"本年支出/小计", "本年支出/基本支出", "本年支出/项目支出"}, cols, "a group header over the columns it spans")
	var rows []string
	for _, row := range p.Rows {
		s := row.Code + " " + row.Name
		for _, a := range row.Amounts {
			s += " " + a.Text
		}
		rows = append(rows, strings.TrimSpace(s))
	}
	assert.Equal(t, []string{
		"合计 30.00 10.00 20.00",
		"208 社会保障和就业支出 30.00 10.00 20.00",
		"2080505 机关事业单位基本养老保险缴费支出 10.00 10.00",
		"2080599 其他支出 20.00  20.00",
	}, rows, "the wrapped name joined to its row, the blank amount kept blank, the second page's row read")

	// Text where an amount belongs: the row is not read, and says so.
	r.lines = placedLines(gridSample + "\n2 100 | 60 2089999 | 160 其他 | 280 二十元 | 390 20.00")
	_, notes = readAccounts(r, true)
	require.Len(t, notes, 1)
	assert.Equal(t, CodeRowUnread, notes[0].Code)
	assert.Contains(t, notes[0].Names[0], "二十元")
}

// FuzzGrid lays out arbitrary placed lines as a table of a PDF: never a panic, and no amount
// lost without a finding: every amount of the table's lines is in a row read, or in a line
// reported unread, or the table is reported unread.
func FuzzGrid(f *testing.F) {
	f.Add(gridSample)
	f.Add("1 100 | 60 收入 | 300 支出\n1 120 | 60 项目 | 200 决算数 | 300 项目 | 450 决算数\n1 140 | 60 一、一般公共预算财政拨款收入 | 200 307.82 | 300 一、一般公共服务支出 | 450 264.87\n1 160 | 300 二、外交支出\n1 180 | 60 本年收入合计 | 200 307.82 | 300 本年支出合计 | 450 307.82")
	f.Add("1 100 | 10 1.00 | 12 2.00\n1 101 | 10 3.00")
	f.Add("1 50 | 0 合计\n1 60 | 0 0")
	f.Fuzz(func(t *testing.T, src string) {
		lines := placedLines(src)
		r := &region{title: layout.Line{Cells: []layout.Cell{{Text: "收入决算表"}}, Pos: indicators.Pos{File: "t.pdf", Page: 1, Line: 1}},
			number: 2, lines: lines}
		rd := &accountsReader{t: &Table{}}
		tb, notes := readAccounts(r, true)
		read := map[string]bool{}
		var codes []string // 类, 款 and 项 in columns of their own make one code
		for _, p := range tb.Parts {
			for _, row := range p.Rows {
				read[row.Code] = true
				codes = append(codes, row.Code)
				for _, a := range row.Amounts {
					read[a.Text] = true
				}
			}
		}
		var unread []string
		for _, n := range notes {
			if n.Code == CodeTableUnread {
				return
			}
			unread = append(unread, n.Names...)
		}
		for _, l := range lines {
			if rd.meta(l) {
				continue
			}
			for _, c := range l.Cells {
				if _, ok := parseAmount(c.Text); !ok || read[strings.TrimSpace(c.Text)] || read[key(c.Text)] {
					continue
				}
				found := false
				for _, code := range codes {
					if isDigits(key(c.Text)) && strings.Contains(code, key(c.Text)) {
						found = true
					}
				}
				for _, u := range unread {
					if strings.Contains(u, strings.TrimSpace(c.Text)) {
						found = true
						break
					}
				}
				if !found && !tb.NoData {
					t.Fatalf("the amount %q of line %v is in no row read and in no finding", c.Text, l.Pos)
				}
			}
		}
	})
}

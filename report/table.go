package report

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// align is a column's alignment.
type align uint8

const (
	left align = iota
	right
)

// table lays out rows of cells so that columns line up in a terminal, counting CJK
// characters as two cells wide.
type table struct {
	aligns []align
	rows   [][]string
	rules  map[int]bool // a horizontal rule before row i
}

func newTable(aligns ...align) *table { return &table{aligns: aligns, rules: map[int]bool{}} }

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) rule() { t.rules[len(t.rows)] = true }

func (t *table) write(w io.Writer) error {
	widths := make([]int, len(t.aligns))
	for _, r := range t.rows {
		for i, c := range r {
			if i < len(widths) {
				widths[i] = max(widths[i], runewidth.StringWidth(c))
			}
		}
	}
	total := 0
	for _, wd := range widths {
		total += wd + 2
	}
	var b strings.Builder
	for i, r := range t.rows {
		if t.rules[i] {
			b.WriteString(strings.Repeat("─", max(total-2, 0)))
			b.WriteByte('\n')
		}
		var line strings.Builder
		for k := range widths {
			c := ""
			if k < len(r) {
				c = r[k]
			}
			pad := strings.Repeat(" ", widths[k]-runewidth.StringWidth(c))
			if t.aligns[k] == right {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
			if k < len(widths)-1 {
				line.WriteString("  ")
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

package published_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/published"
)

// cjkFonts are TrueType fonts with Chinese glyphs, where Debian installs them
// (fonts-droid-fallback; .ci/run installs it).
var cjkFonts = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
}

func cjkFont(t testing.TB) []byte {
	t.Helper()
	for _, path := range cjkFonts {
		if data, err := os.ReadFile(path); err == nil {
			return data
		}
	}
	t.Skip("no CJK TrueType font (apt-get install fonts-droid-fallback): the PDF built from the seed is skipped")
	return nil
}

// pdfWriter lays out a report the way units publish theirs: A4 pages with a running head and
// a page number, prose wrapped at the margin, tables with their columns placed by width,
// amounts centred in their columns, group headers centred over the columns they span, and
// subject names too long for their column wrapped over two lines about the row's amounts.
type pdfWriter struct {
	pdf     *fpdf.Fpdf
	y       float64 // the next line's top
	page    int
	wrapped int // subject names wrapped over two lines
	limit   int // when set, no page after this one: what does not fit is left out
}

const (
	pageTop    = 80.0
	pageBottom = 530.0
	leftMargin = 50.0
	rightEdge  = 790.0
	fontSize   = 10.0
	rowPitch   = 22.0
)

func newPDFWriter(t testing.TB) *pdfWriter {
	p := fpdf.New("L", "pt", "A4", "")
	p.AddUTF8FontFromBytes("cjk", "", cjkFont(t))
	p.SetFont("cjk", "", fontSize)
	p.SetAutoPageBreak(false, 0)
	w := &pdfWriter{pdf: p}
	w.newPage()
	return w
}

func (w *pdfWriter) newPage() {
	if w.limit > 0 && w.page >= w.limit {
		w.y = -1e6 // what follows is left out, off the page
		return
	}
	w.pdf.AddPage()
	w.page++
	w.text(leftMargin+120, 40, "泉港区社会保险中心 2021 年度部门决算") // the running head
	w.text(410, 560, "- "+itoaPage(w.page)+" -")        // the page number
	w.y = pageTop
}

func itoaPage(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// text writes s with its top at y: ASCII text (amounts, codes) in Helvetica, as reports set
// figures in a Latin face, the rest in the CJK font.
func (w *pdfWriter) text(x, y float64, s string) {
	if y < 0 {
		return
	}
	w.font(s)
	w.pdf.Text(x, y+fontSize*0.88, s)
}

func (w *pdfWriter) width(s string) float64 {
	w.font(s)
	return w.pdf.GetStringWidth(s)
}

func (w *pdfWriter) font(s string) {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			w.pdf.SetFont("cjk", "", fontSize)
			return
		}
	}
	w.pdf.SetFont("Helvetica", "", fontSize)
}

// need starts a new page unless h points fit on this one.
func (w *pdfWriter) need(h float64) {
	if w.y+h > pageBottom {
		w.newPage()
	}
}

// prose writes a paragraph wrapped at the right margin, never inside a number.
func (w *pdfWriter) prose(s string) {
	line := ""
	runes := []rune(strings.TrimSpace(s))
	for i, r := range runes {
		line += string(r)
		breakable := i+1 < len(runes) && !(isDigitish(r) && isDigitish(runes[i+1]))
		if w.width(line) > rightEdge-leftMargin-30 && breakable {
			w.need(rowPitch)
			w.text(leftMargin, w.y, line)
			w.y += rowPitch
			line = ""
		}
	}
	if line != "" {
		w.need(rowPitch)
		w.text(leftMargin, w.y, line)
		w.y += rowPitch
	}
}

func isDigitish(r rune) bool { return unicode.IsDigit(r) || r == '.' || r == ',' || r == '%' }

// table writes a final-accounts table as read from the text form: its title, 单位 line,
// header and rows; the parts of a table printed side by side share its lines.
func (w *pdfWriter) table(tb *published.Table) {
	w.need(5 * rowPitch)
	w.y += rowPitch / 2
	w.text((leftMargin+rightEdge)/2-w.width(tb.Title)/2, w.y, tb.Title)
	w.y += rowPitch
	w.text(rightEdge-w.width("单位：万元"), w.y, "单位："+tb.Unit)
	w.y += rowPitch

	// Columns: per part, a code column where the part has codes, a name column, then its
	// amount columns, with the widths the page allows.
	type col struct {
		x0, x1 float64
		head   string // the leaf name
		group  string
	}
	type partLayout struct {
		code, name col
		coded      bool
		amounts    []col
	}
	var parts []partLayout
	amountWidth := 62.0
	total := 0.0
	for _, p := range tb.Parts {
		coded := false
		for _, r := range p.Rows {
			coded = coded || r.Code != ""
		}
		total += float64(len(p.Columns)) * amountWidth
		if coded {
			total += 48
		}
		parts = append(parts, partLayout{coded: coded})
	}
	// Names get at most 170 points: the longest wrap, as in published tables.
	nameWidth := min(170, (rightEdge-leftMargin-total)/float64(len(tb.Parts)))
	x := leftMargin
	for i, p := range tb.Parts {
		pl := &parts[i]
		if pl.coded {
			pl.code = col{x0: x, x1: x + 44, head: "科目编码"}
			x += 48
		}
		pl.name = col{x0: x, x1: x + nameWidth - 6, head: "项目"}
		if pl.coded {
			pl.name.head = "科目名称"
		}
		x += nameWidth
		for _, c := range p.Columns {
			group, leaf := "", c.Name
			if i := strings.LastIndexByte(c.Name, '/'); i >= 0 {
				group, leaf = c.Name[:i], c.Name[i+1:]
			}
			pl.amounts = append(pl.amounts, col{x0: x, x1: x + amountWidth - 6, head: leaf, group: group})
			x += amountWidth
		}
	}

	// The header: part names over their parts, groups over their columns, then the leaves,
	// each word centred over what it names, long words wrapped.
	centre := func(s string, x0, x1 float64) { w.text((x0+x1)/2-w.width(s)/2, w.y, s) }
	w.need(4 * rowPitch)
	if len(tb.Parts) > 1 && tb.Parts[0].Name != "" {
		for i, p := range tb.Parts {
			pl := parts[i]
			left := pl.name.x0
			if pl.coded {
				left = pl.code.x0
			}
			centre(p.Name, left, pl.amounts[len(pl.amounts)-1].x1)
		}
		w.y += rowPitch
	}
	hasGroups := false
	for _, pl := range parts {
		for _, a := range pl.amounts {
			hasGroups = hasGroups || a.group != ""
		}
	}
	if hasGroups {
		for _, pl := range parts {
			for i := 0; i < len(pl.amounts); {
				j := i
				for j+1 < len(pl.amounts) && pl.amounts[j+1].group == pl.amounts[i].group {
					j++
				}
				if g := pl.amounts[i].group; g != "" {
					centre(g, pl.amounts[i].x0, pl.amounts[j].x1)
				}
				i = j + 1
			}
		}
		w.y += rowPitch
	}
	// The leaves, wrapped at four characters, each centred in the band of the tallest.
	tallest := 1
	for _, pl := range parts {
		for _, a := range pl.amounts {
			tallest = max(tallest, len(wrapRunes(a.head, 4)))
		}
	}
	band := float64(tallest) * 12
	for _, pl := range parts {
		if pl.coded {
			centre(pl.code.head, pl.code.x0, pl.code.x1)
		}
		w.y += band/2 - 6
		centre(pl.name.head, pl.name.x0, pl.name.x1)
		w.y -= band/2 - 6
		for _, a := range pl.amounts {
			lines := wrapRunes(a.head, 4)
			top := w.y + (band-float64(len(lines))*12)/2
			for k, l := range lines {
				w.text((a.x0+a.x1)/2-w.width(l)/2, top+float64(k)*12, l)
			}
		}
	}
	w.y += band + rowPitch/2

	// The rows, side by side.
	n := 0
	for _, p := range tb.Parts {
		n = max(n, len(p.Rows))
	}
	for i := 0; i < n; i++ {
		w.need(rowPitch * 1.5)
		for k, p := range tb.Parts {
			if i >= len(p.Rows) {
				continue
			}
			r, pl := p.Rows[i], parts[k]
			if pl.coded && r.Code != "" {
				w.text(pl.code.x0, w.y, r.Code)
			}
			label := strings.TrimSpace(r.Label)
			if w.width(label) <= pl.name.x1-pl.name.x0 {
				w.text(pl.name.x0, w.y, label)
			} else {
				// Wrapped in two, half a line above and below the amounts.
				rs := []rune(label)
				cut := len(rs)
				for cut > 0 && w.width(string(rs[:cut])) > pl.name.x1-pl.name.x0 {
					cut--
				}
				w.text(pl.name.x0, w.y-6.5, string(rs[:cut]))
				w.text(pl.name.x0, w.y+6.5, string(rs[cut:]))
				w.wrapped++
			}
			for j, a := range r.Amounts {
				if j >= len(pl.amounts) || a.Text == "" {
					continue
				}
				c := pl.amounts[j]
				w.text((c.x0+c.x1)/2-w.width(a.Text)/2, w.y, a.Text)
			}
		}
		w.y += rowPitch
	}
	w.text(leftMargin, w.y, "注：本表反映单位本年度的情况。")
	w.y += rowPitch * 1.5
}

// wrapRunes cuts s into lines of at most n characters.
func wrapRunes(s string, n int) []string {
	rs := []rune(s)
	var out []string
	for len(rs) > n {
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return append(out, string(rs))
}

// seedPDF builds a PDF holding the seed report's 目录, final-accounts tables and 情况说明, as
// read from its text form, and returns its path and the number of pages.
func seedPDF(t testing.TB, text *published.Document, seedText string) (string, int) {
	return seedPDFPages(t, text, seedText, 0)
}

// seedPDFPages is seedPDF with the 情况说明 printed again until the PDF has at least pages
// pages.
func seedPDFPages(t testing.TB, text *published.Document, seedText string, pages int) (string, int) {
	t.Helper()
	w := newPDFWriter(t)
	w.text((leftMargin+rightEdge)/2-w.width("目 录")/2, w.y, "目 录")
	w.y += rowPitch * 1.5
	w.prose("第二部分 2021 年度部门决算表")
	for _, tb := range text.Tables {
		w.prose(strings.Split(" 一 二 三 四 五 六 七 八 九", " ")[tb.Number] + "、" + tb.Title)
	}
	w.prose("第三部分 2021 年度部门决算情况说明")
	w.newPage()
	w.prose("第二部分 2021 年度部门决算表")
	for _, tb := range text.Tables {
		w.table(tb)
	}
	// The 情况说明, as the text form has it, up to its last part.
	lines := strings.Split(seedText, "\n")
	for first := true; first || w.page < pages; first = false {
		if !first {
			w.limit = pages
		}
		in := false
		for _, l := range lines {
			l = strings.TrimSpace(l)
			switch {
			case strings.HasPrefix(l, "第三部分"):
				in = true
				w.newPage()
			case strings.HasPrefix(l, "第四部分"):
				in = false
			}
			if in && l != "" {
				w.prose(l)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "quangang-2021-report.pdf")
	if dir := os.Getenv("JIXIAO_KEEP_PDF"); dir != "" {
		path = filepath.Join(dir, "quangang-2021-report.pdf")
	}
	require.NoError(t, w.pdf.OutputFileAndClose(path))
	require.Greater(t, w.wrapped, 3, "some subject names are wrapped over two lines")
	return path, w.page
}

// The seed's tables and 情况说明, laid out as a PDF and read back, give the same tables and
// the same findings about them as the text form.
func TestSeedPDFReadsLikeText(t *testing.T) {
	requirePdftotext(t)
	raw, err := os.ReadFile(seedReport)
	require.NoError(t, err)
	fromText := readSeed(t)
	path, pages := seedPDF(t, fromText, string(raw))
	require.Greater(t, pages, 3)

	fromPDF, err := published.Read(path)
	require.NoError(t, err, "Read(%s)", path)
	assert.Empty(t, fromPDF.Notes, "every line of every table is placed")
	var listed []int
	for _, e := range fromPDF.Contents {
		listed = append(listed, e.Number)
	}
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7, 8, 9}, listed)

	require.Len(t, fromPDF.Tables, len(fromText.Tables))
	spans := false
	for i, tb := range fromPDF.Tables {
		want := fromText.Tables[i]
		assert.Equal(t, want.Number, tb.Number)
		assert.Equal(t, want.Unit, tb.Unit, "%s: unit", tb.Name())
		assert.Equal(t, tableRows(want), tableRows(tb), "%s: rows", tb.Name())
		for _, p := range tb.Parts {
			if len(p.Rows) > 0 && p.Rows[0].Pos.Page != p.Rows[len(p.Rows)-1].Pos.Page {
				spans = true
			}
		}
	}
	assert.True(t, spans, "at least one table runs over a page break")

	// The findings about the tables and the 情况说明 (the projects are not in the PDF).
	keep := func(fs []published.Finding) []published.Finding {
		var out []published.Finding
		for _, f := range fs {
			if strings.HasPrefix(f.Code, "accounts-") || strings.HasPrefix(f.Code, "narrative-") && f.Code != published.CodeNarrativeCount &&
				f.Code != published.CodeNarrativeFunds && f.Code != published.CodeNarrativeGrades && f.Code != published.CodeNarrativeUnchecked {
				out = append(out, f)
			}
		}
		return out
	}
	textFindings := keep(published.Check(fromText, nil, published.Options{}))
	pdfFindings := keep(published.Check(fromPDF, nil, published.Options{}))
	require.NotEmpty(t, textFindings, "the seed's 589.89")
	assert.Equal(t, facts(textFindings), facts(pdfFindings), "the same findings from the text and from the PDF")
	for _, f := range pdfFindings {
		assert.Positive(t, f.Pos.Page, "%s: a PDF finding names its page", f.Code)
	}
}

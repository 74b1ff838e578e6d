package layout

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// Defaults of PDFOptions.
const (
	// DefaultExtractor is the program that extracts a PDF's text layer: poppler's pdftotext.
	DefaultExtractor = "pdftotext"
	// DefaultPDFTimeout bounds one extraction. pdftotext reads a 25-page report in a fifth of
	// a second; a file that takes minutes is malformed or hostile.
	DefaultPDFTimeout = 60 * time.Second
	// DefaultMaxPDFOutput bounds what the extractor may write, in bytes: about 5 kB of words
	// and boxes per page of a report, so 64 MiB is over ten thousand pages.
	DefaultMaxPDFOutput = 64 << 20
)

// PDFOptions bound the extraction of a PDF's text. Zero values mean the defaults.
type PDFOptions struct {
	Command   string        // the pdftotext program, looked up on PATH when it has no slash
	Timeout   time.Duration // how long one extraction may take
	MaxOutput int64         // bytes the extractor may write
}

func (o PDFOptions) withDefaults() PDFOptions {
	if o.Command == "" {
		o.Command = DefaultExtractor
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultPDFTimeout
	}
	if o.MaxOutput <= 0 {
		o.MaxOutput = DefaultMaxPDFOutput
	}
	return o
}

// Errors a PDF can give, for errors.Is; the error returned also holds an *indicators.Error
// with the file and the message to show (errors.As).
var (
	// ErrNoExtractor: pdftotext is not installed.
	ErrNoExtractor = errors.New("layout: the PDF text extractor (pdftotext) is not installed")
	// ErrScanned: the PDF has pages but no text on any of them: a scan.
	ErrScanned = errors.New("layout: the PDF has no text layer (a scan)")
)

// pdfError is a located error that also matches one of the sentinels above.
type pdfError struct {
	err      *indicators.Error
	sentinel error
}

func (e *pdfError) Error() string   { return e.err.Error() }
func (e *pdfError) Unwrap() []error { return []error{e.err, e.sentinel} }

// PageOf returns the page a position of a PDF names (Pos.Page: Line is then the line of text
// on the page from its top, Col the character along the line as Line.Text reads it, both from
// 1), and false for any other position.
func PageOf(p indicators.Pos) (int, bool) { return p.Page, p.Page > 0 }

// Page is one page of a PDF as read.
type Page struct {
	Number        int     // from 1
	Width, Height float64 // points
	Words         int     // words of text on the page; 0 for a blank or scanned page
}

// ReadPDF reads a PDF's text layer with poppler's pdftotext (-bbox: every word with its box)
// and lays the words out as lines of cells: words whose vertical centres meet are a line,
// and words on a line further apart than about a character's height are separate cells, as
// the columns of a table are. Each line keeps its page and its vertical extent, each cell its
// horizontal extent, in points, so that the reader of tables can find columns by where text
// stands rather than by counting cells. Running heads and page numbers are set aside
// (Document.Furniture), not read as text.
func ReadPDF(ctx context.Context, name string, data []byte, opts PDFOptions) (*Document, error) {
	opts = opts.withDefaults()
	if len(data) > DefaultMaxSize {
		return nil, fileError(name, indicators.ErrLimit, i18n.T(
			"文件有 %d 字节，超过上限 %d 字节", "the file has %d bytes, more than the limit of %d", len(data), DefaultMaxSize))
	}
	if !isPDF(data) {
		return nil, fileError(name, indicators.ErrRead, i18n.T(
			"不是 PDF 文件（文件开头没有 %PDF- 标记）", "not a PDF file (it does not start with the %PDF- marker)"))
	}
	out, err := extract(ctx, name, "-", data, opts)
	if err != nil {
		return nil, err
	}
	return readBBox(name, out)
}

// ReadPDFFile is ReadPDF of the file at path, which pdftotext reads itself (twice as fast as
// through a pipe, which it copies first).
func ReadPDFFile(ctx context.Context, path string, opts PDFOptions) (*Document, error) {
	opts = opts.withDefaults()
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, indicators.ErrRead, i18n.T("无法读取文件：%s", "cannot read the file: %s", i18n.OSError(err)))
	}
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if !isPDF(head[:n]) {
		return nil, fileError(path, indicators.ErrRead, i18n.T(
			"不是 PDF 文件（文件开头没有 %PDF- 标记）", "not a PDF file (it does not start with the %PDF- marker)"))
	}
	arg := path
	if strings.HasPrefix(arg, "-") {
		arg = "./" + arg // a file, not an option of pdftotext
	}
	out, err := extract(ctx, path, arg, nil, opts)
	if err != nil {
		return nil, err
	}
	return readBBox(path, out)
}

// readBBox lays out pdftotext's output; a PDF without text on any page is a scan.
func readBBox(name string, out []byte) (*Document, error) {
	pages, err := parseBBox(out)
	if err != nil {
		return nil, fileError(name, indicators.ErrSyntax, damaged(
			"pdftotext 读出的内容无法解析：请确认安装的 poppler-utils 是否完好，或改用报告的 .docx 或 .txt 文本",
			"the output of pdftotext cannot be parsed: check the installed poppler-utils, or give the report as .docx or .txt", err))
	}
	doc := layoutPages(name, pages)
	if len(doc.Pages) == 0 {
		return nil, fileError(name, indicators.ErrRead, i18n.T("PDF 文件没有任何页面", "the PDF has no pages"))
	}
	if len(doc.Lines) == 0 && len(doc.Furniture) == 0 {
		return nil, &pdfError{err: &indicators.Error{Pos: indicators.Pos{File: name}, Kind: indicators.ErrRead, Msg: i18n.T(
			"这是扫描件，没有文字层：PDF 的 %d 页上都没有可读取的文字。请索取可复制文字的 PDF 或 Word 版本，或先做文字识别（OCR）后再读",
			"this is a scan, without a text layer: there is no text to read on its %s. Ask for a PDF whose text can be copied, or the Word file, or run text recognition (OCR) first",
			len(doc.Pages), i18n.Count(len(doc.Pages), "页", "page", "pages"))}, sentinel: ErrScanned}
	}
	return doc, nil
}

// isPDF reports whether data starts with the PDF header (within its first kilobyte, as
// readers allow).
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(head, []byte("%PDF-"))
}

// FindExtractor reports whether the PDF text extractor can be run, before any PDF is read: nil
// when it is installed, else the error (ErrNoExtractor) that reading the PDF name would give,
// saying how to install it.
func FindExtractor(name string, opts PDFOptions) error {
	_, err := findExtractor(name, opts.withDefaults())
	return err
}

func findExtractor(name string, opts PDFOptions) (string, error) {
	path, err := exec.LookPath(opts.Command)
	if err != nil {
		return "", &pdfError{err: &indicators.Error{Pos: indicators.Pos{File: name}, Kind: indicators.ErrRead, Msg: i18n.T(
			"读取 PDF 需要 poppler 的 pdftotext 程序，本机没有找到它（%s）：请安装 poppler-utils（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler），或改用报告的 .docx 或 .txt 文本",
			"reading a PDF needs poppler's pdftotext, which is not installed (%s): install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler), or give the report as .docx or .txt",
			opts.Command)}, sentinel: ErrNoExtractor}
	}
	return path, nil
}

// extract runs pdftotext on the file at input, or on data when input is "-", bounded in time
// and output.
func extract(ctx context.Context, name, input string, data []byte, opts PDFOptions) ([]byte, error) {
	path, err := findExtractor(name, opts)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-bbox", "-enc", "UTF-8", "-q", input, "-")
	if input == "-" {
		cmd.Stdin = bytes.NewReader(data)
	}
	stdout, stderr := &capped{max: opts.MaxOutput}, &capped{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()
	switch {
	case stdout.over:
		return nil, fileError(name, indicators.ErrLimit, i18n.T(
			"pdftotext 输出超过上限 %d 字节，已停止读取", "pdftotext wrote more than the limit of %d bytes; reading stopped", opts.MaxOutput))
	case ctx.Err() != nil:
		return nil, fileError(name, indicators.ErrLimit, i18n.T(
			"pdftotext 在 %v 内没有读完这个文件，已停止", "pdftotext did not finish reading the file within %v; it was stopped", opts.Timeout))
	case runErr != nil:
		detail := firstLine(stderr.buf.String())
		if detail == "" {
			detail = runErr.Error()
		}
		return nil, fileError(name, indicators.ErrRead, damaged(
			"pdftotext 无法读取这个 PDF：文件可能已损坏、没有下载完或加了密码；请用 PDF 阅读器打开看看，重新下载或去掉密码后再试",
			"pdftotext cannot read this PDF: it may be damaged, not downloaded whole, or protected by a password; open it in a PDF reader, download it again or remove the password, and try again", errors.New(detail)))
	}
	return stdout.buf.Bytes(), nil
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "Syntax Warning") {
			return l
		}
	}
	return ""
}

// capped is a buffer that keeps at most max bytes and then reports that it overflowed.
type capped struct {
	buf  bytes.Buffer
	max  int64
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if int64(c.buf.Len()+len(p)) > c.max {
		c.over = true
		return 0, io.ErrShortWrite
	}
	return c.buf.Write(p)
}

// word is one word of a page with its box, in points from the page's top left corner.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

func (w word) height() float64 { return w.y1 - w.y0 }
func (w word) cy() float64     { return (w.y0 + w.y1) / 2 }

type bboxPage struct {
	width, height float64
	words         []word
}

// parseBBox reads pdftotext's -bbox output: <page width height> elements holding <word xMin
// yMin xMax yMax> elements.
func parseBBox(out []byte) ([]bboxPage, error) {
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	var pages []bboxPage
	var cur *word
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return pages, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				pages = append(pages, bboxPage{width: attrFloat(t, "width"), height: attrFloat(t, "height")})
			case "word":
				if len(pages) == 0 {
					return nil, errors.New("a word outside any page")
				}
				cur = &word{x0: attrFloat(t, "xMin"), y0: attrFloat(t, "yMin"), x1: attrFloat(t, "xMax"), y1: attrFloat(t, "yMax")}
				text.Reset()
			}
		case xml.CharData:
			if cur != nil {
				text.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "word" && cur != nil {
				cur.text = strings.TrimSpace(text.String())
				if cur.text != "" && cur.x1 >= cur.x0 && cur.y1 >= cur.y0 {
					p := &pages[len(pages)-1]
					p.words = append(p.words, *cur)
				}
				cur = nil
			}
		}
	}
}

func attrFloat(t xml.StartElement, name string) float64 {
	v, err := strconv.ParseFloat(attr(t, name), 64)
	if err != nil || v != v || v > 1e6 || v < -1e6 {
		return 0
	}
	return v
}

// pdfLine is a line of a page being built.
type pdfLine struct {
	words []word
	cy    float64 // the mean of its words' centres
}

func (l *pdfLine) height() float64 {
	hs := make([]float64, len(l.words))
	for i, w := range l.words {
		hs[i] = w.height()
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}

// layoutPages turns each page's words into lines of cells.
func layoutPages(name string, pages []bboxPage) *Document {
	doc := &Document{File: name, Format: PDF}
	var perPage [][]Line
	for i, p := range pages {
		doc.Pages = append(doc.Pages, Page{Number: i + 1, Width: p.width, Height: p.height, Words: len(p.words)})
		perPage = append(perPage, pageLines(name, i+1, p.words))
	}
	furniture := findFurniture(doc.Pages, perPage)
	for _, lines := range perPage {
		for _, l := range lines {
			if furniture[lineKey{l.Page, l.Pos.Line}] {
				doc.Furniture = append(doc.Furniture, l)
				continue
			}
			doc.Lines = append(doc.Lines, l)
		}
	}
	return doc
}

// pageLines groups a page's words into lines: a word joins the line above it when their
// vertical centres are within a third of the smaller height (a name wrapped inside a table
// cell sits half a line off the amounts of its row, and is a line of its own).
func pageLines(name string, page int, words []word) []Line {
	ws := slices.Clone(words)
	slices.SortStableFunc(ws, func(a, b word) int {
		switch {
		case a.cy() < b.cy():
			return -1
		case a.cy() > b.cy():
			return 1
		}
		return 0
	})
	var lines []*pdfLine
	for _, w := range ws {
		if n := len(lines); n > 0 {
			l := lines[n-1]
			if abs(w.cy()-l.cy) <= 0.35*min(w.height(), l.height()) {
				l.cy = (l.cy*float64(len(l.words)) + w.cy()) / float64(len(l.words)+1)
				l.words = append(l.words, w)
				continue
			}
		}
		lines = append(lines, &pdfLine{words: []word{w}, cy: w.cy()})
	}
	out := make([]Line, 0, len(lines))
	for i, pl := range lines {
		slices.SortStableFunc(pl.words, func(a, b word) int {
			switch {
			case a.x0 < b.x0:
				return -1
			case a.x0 > b.x0:
				return 1
			}
			return 0
		})
		h := pl.height()
		line := Line{Page: page, Pos: indicators.Pos{File: name, Page: page, Line: i + 1, Col: 1}}
		line.Y0, line.Y1 = pl.words[0].y0, pl.words[0].y1
		var cur *Cell
		var text strings.Builder
		flush := func() {
			if cur != nil {
				cur.Text = Clean(text.String())
				line.Cells = append(line.Cells, *cur)
			}
		}
		for _, w := range pl.words {
			line.Y0, line.Y1 = min(line.Y0, w.y0), max(line.Y1, w.y1)
			if cur != nil && w.x0-cur.X1 <= gapWithin(text.String(), w.text, h) {
				text.WriteByte(' ')
				text.WriteString(w.text)
				cur.X1 = max(cur.X1, w.x1)
				continue
			}
			flush()
			text.Reset()
			text.WriteString(w.text)
			// Col counts characters along the line as its text reads with a tab between
			// cells (Line.Text), as in a text file.
			col := 1
			for _, c := range line.Cells {
				col += utf8.RuneCountInString(c.Text) + 1
			}
			cur = &Cell{X0: w.x0, X1: w.x1, Pos: indicators.Pos{File: name, Page: page, Line: i + 1, Col: col}}
		}
		flush()
		out = append(out, line)
	}
	return out
}

// gapWithin is the widest gap between two words of one cell: about a character's height; but
// half that between a number and a word, where a table's amount column ends and the next
// column's name begins (a space in prose is a quarter of a character).
func gapWithin(before, next string, h float64) float64 {
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(next)
	if isFigure(last) != isFigure(first) {
		return 0.5 * h
	}
	return 0.9 * h
}

func isFigure(r rune) bool { return r >= '0' && r <= '9' || r == '.' || r == ',' || r == '%' }

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

type lineKey struct{ page, line int }

// pageNumberRe is a line that only numbers its page: 5, - 5 -, —5—, 第5页, 第 5 页 共 24 页, 5/24.
var pageNumberRe = regexp.MustCompile(`^(?:[-－—–]?\s*\d{1,4}\s*[-－—–]?|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$`)

var digitsRe = regexp.MustCompile(`\d+`)

// findFurniture finds the running heads and feet of the pages: a page number alone on the
// first or last line of a page, in its top or bottom eighth; and a first or last line whose
// text (its digits aside) is the first or last line of at least three pages and of a third of
// them.
func findFurniture(pages []Page, perPage [][]Line) map[lineKey]bool {
	out := map[lineKey]bool{}
	count := map[string]int{}
	edge := func(i int) []Line {
		lines := perPage[i]
		switch len(lines) {
		case 0:
			return nil
		case 1:
			return lines
		}
		return []Line{lines[0], lines[len(lines)-1]}
	}
	band := func(i int, l Line) bool {
		h := pages[i].Height
		return h > 0 && (l.Y1 <= h/8 || l.Y0 >= h*7/8)
	}
	for i := range perPage {
		seen := map[string]bool{}
		for _, l := range edge(i) {
			k := digitsRe.ReplaceAllString(strings.Join(strings.Fields(l.Text()), ""), "#")
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for i := range perPage {
		for _, l := range edge(i) {
			text := strings.TrimSpace(strings.Join(strings.Fields(l.Text()), " "))
			k := digitsRe.ReplaceAllString(strings.Join(strings.Fields(l.Text()), ""), "#")
			if (band(i, l) && pageNumberRe.MatchString(text)) || (count[k] >= 3 && count[k]*3 >= len(pages) && band(i, l)) {
				out[lineKey{l.Page, l.Pos.Line}] = true
			}
		}
	}
	return out
}

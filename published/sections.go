package published

import (
	"regexp"
	"strconv"
	"strings"

	"jixiao/indicators"
	"jixiao/layout"
)

// titles are the titles of the national final-accounts template's nine tables, by number, as
// compared (key: no blanks, no quotation marks). Some units print a variant; both are here.
var titles = map[string]int{
	"收入支出决算总表":            1,
	"收入决算表":               2,
	"支出决算表":               3,
	"财政拨款收入支出决算总表":        4,
	"一般公共预算财政拨款支出决算表":     5,
	"一般公共预算财政拨款基本支出决算表":   6,
	"一般公共预算财政拨款三公经费支出决算表": 7,
	"财政拨款三公经费支出决算表":       7,
	"政府性基金预算财政拨款收入支出决算表":  8,
	"国有资本经营预算财政拨款支出决算表":   9,
	"国有资本经营预算财政拨款收入支出决算表": 9,
}

var (
	labelRe       = regexp.MustCompile(`公开0?(\d{1,2})表`)
	partHeadingRe = regexp.MustCompile(`^第[一二三四五六七八九十]+部分`)
	numberedRe    = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	// selfEvalRe is a self-evaluation table's title, as units print it: 项目支出绩效自评表,
	// numbered or with its year in brackets (（一）, （2023年度）), or after its year and an
	// annex's label (2023年度项目支出绩效自评表, 附件2：2023年度项目支出绩效自评表). Group 1 or 2
	// holds a year.
	selfEvalRe   = regexp.MustCompile(`^(?:附件[0-9一二三四五六七八九十]*[:：]?)?(?:(\d{4})年度?)?项目支出绩效自评表(?:[(（](?:(\d{4})年度?|.{1,6})[)）])?$`)
	evalReportRe = regexp.MustCompile(`^项目支出绩效评价报告([(（].{1,6}[)）])?$`)
	noteRe       = regexp.MustCompile(`^注[:：\d]`)
	yearRe       = regexp.MustCompile(`^(\d{4})年度?$`)
	reportYearRe = regexp.MustCompile(`(\d{4})年度?(?:部门)?决算`)
)

// region is a stretch of the document's lines that holds one thing: a table, a report, the
// narrative's section.
type region struct {
	title  layout.Line // the line that opened it
	lines  []layout.Line
	number int         // a final-accounts table's number
	label  layout.Line // its 公开NN表 line, when found
	// after are the lines between a table's note (注：…) and what comes next: further notes,
	// and the 说明 of a table printed without data (本表无数据).
	after []layout.Line
}

// sections is the document cut into what is read from it.
type sections struct {
	contents    []ContentsEntry // the tables the 目录 lists
	hasContents bool            // the report has a 目录
	accounts    []*region
	selfEvals   []*region
	reports     []*region
	performance []*region // the 预算绩效情况说明 (or 预算绩效管理情况); a report may have more than one
	explanation *region   // the part that explains the final accounts (部门决算情况说明), whole

	year int
}

type lineKind int

const (
	prose lineKind = iota
	partHeading
	numberedHeading
	accountsTitle
	accountsLabel
	selfEvalTitle
	reportTitle
	performanceHeading
	note
)

// classify says what a line opens or ends. Only lines of one cell can be titles or headings:
// the table of contents prints its entries with their page number in a second cell.
func classify(l layout.Line) (lineKind, int) {
	if l.IsRow() {
		if n, ok := labelOf(l); ok {
			return accountsLabel, n
		}
		// A part heading set with a wide space (第三部分    …情况说明) is cut into cells in a PDF.
		if partHeadingRe.MatchString(key(l.Cell(0))) && !hasAmount(l) {
			return partHeading, 0
		}
		return prose, 0
	}
	k := key(l.Cell(0))
	if n, ok := labelOf(l); ok && len([]rune(k)) <= 12 {
		return accountsLabel, n
	}
	switch {
	case selfEvalRe.MatchString(k):
		return selfEvalTitle, 0
	case evalReportRe.MatchString(k):
		return reportTitle, 0
	case partHeadingRe.MatchString(k):
		return partHeading, 0
	case noteRe.MatchString(k):
		return note, 0
	}
	bare := numberedRe.ReplaceAllString(k, "")
	if n, ok := titles[bare]; ok {
		return accountsTitle, n
	}
	if numberedRe.MatchString(k) {
		if strings.Contains(k, "预算绩效") && (strings.HasSuffix(k, "说明") || strings.HasSuffix(k, "情况")) {
			return performanceHeading, 0
		}
		return numberedHeading, 0
	}
	return prose, 0
}

// labelOf finds a 公开NN表 label in a line that is no more than a label (a cell of its own).
func labelOf(l layout.Line) (int, bool) {
	for _, c := range l.Cells {
		k := key(c.Text)
		if len([]rune(k)) > 12 {
			continue
		}
		if m := labelRe.FindStringSubmatch(k); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n, n >= 1 && n <= 99
		}
	}
	return 0, false
}

// split cuts the document's lines into regions. A final-accounts table runs from its title
// (or label) to its note (注：…), the next heading or the next table; a self-evaluation table
// from its title to the next title or heading; an evaluation report from its title to the
// next report, table or part (its own numbered headings 一、二、 stay inside it); the
// 预算绩效情况说明 to the next numbered heading.
func split(doc *layout.Document) *sections {
	s := &sections{}
	var cur *region
	var curKind lineKind
	var noted *region // a table whose note closed it: what follows the note until the next heading
	explaining := false
	closeRegion := func() { cur, curKind = nil, prose }
	tocFrom, tocTo := contentsExtent(doc.Lines)
	s.hasContents = tocFrom >= 0
	for i, l := range doc.Lines {
		if i >= tocFrom && i < tocTo {
			if i > tocFrom {
				if e, ok := contentsEntry(l); ok {
					s.contents = append(s.contents, e)
				}
			}
			continue
		}
		kind, n := classify(l)
		if kind != prose && kind != note {
			noted = nil
		}
		if kind == partHeading {
			explaining = false
			if strings.Contains(key(l.Text()), "决算情况") && s.explanation == nil {
				s.explanation, explaining = &region{title: l}, true
			}
		} else if explaining {
			s.explanation.lines = append(s.explanation.lines, l)
		}
		if s.year == 0 && !l.IsRow() {
			if m := yearRe.FindStringSubmatch(key(l.Cell(0))); m != nil {
				s.year, _ = strconv.Atoi(m[1])
			}
		}
		if s.year == 0 {
			if m := reportYearRe.FindStringSubmatch(key(l.Text())); m != nil {
				s.year, _ = strconv.Atoi(m[1])
			}
		}
		switch kind {
		case accountsTitle:
			if cur != nil && curKind == accountsTitle && cur.number == n {
				cur.lines = append(cur.lines, l) // the title under its own heading, or a page's header
				continue
			}
			cur, curKind = &region{title: l, number: n}, accountsTitle
			s.accounts = append(s.accounts, cur)
			continue
		case accountsLabel:
			if cur != nil && curKind == accountsTitle && len(cur.rows()) == 0 && cur.label.Cells == nil {
				cur.label = l
				cur.number = n
				continue
			}
			if cur != nil && curKind == accountsTitle && cur.number == n {
				cur.lines = append(cur.lines, l) // printed again at the top of a page
				continue
			}
			cur, curKind = &region{title: l, label: l, number: n}, accountsTitle
			s.accounts = append(s.accounts, cur)
			continue
		case selfEvalTitle, reportTitle:
			if cur != nil && curKind == kind && key(cur.title.Cell(0)) == key(l.Cell(0)) {
				continue // the same title at the top of the next page
			}
			cur, curKind = &region{title: l}, kind
			if kind == selfEvalTitle {
				s.selfEvals = append(s.selfEvals, cur)
			} else {
				s.reports = append(s.reports, cur)
			}
			continue
		case performanceHeading:
			cur, curKind = &region{title: l}, performanceHeading
			s.performance = append(s.performance, cur)
			continue
		case partHeading:
			closeRegion()
			continue
		case numberedHeading:
			// An evaluation report's own headings (一、项目基本情况) stay in it; an annex's
			// heading (二、《项目支出绩效评价报告》) does not.
			if curKind == reportTitle && !strings.Contains(l.Cell(0), "《") {
				break
			}
			// A numbered line of a table (十、节能环保支出, 二、政府性基金预算财政拨款) is a row, not
			// a heading: in a PDF it is a line of one cell when its amount is blank.
			if curKind == accountsTitle && tableLine(l) {
				break
			}
			closeRegion()
			continue
		case note:
			if curKind == accountsTitle {
				noted = cur
			}
			if curKind == accountsTitle || curKind == selfEvalTitle {
				closeRegion()
				continue
			}
		}
		if cur == nil && noted != nil {
			noted.after = append(noted.after, l)
			continue
		}
		if cur != nil {
			cur.lines = append(cur.lines, l)
		}
	}
	return s
}

// rows are the region's lines of more than one cell.
func (r *region) rows() []layout.Line {
	var out []layout.Line
	for _, l := range r.lines {
		if l.IsRow() {
			out = append(out, l)
		}
	}
	return out
}

// ContentsEntry is a final-accounts table the report's 目录 lists.
type ContentsEntry struct {
	Number int            // the table's number in the national template (1–9)
	Title  string         // as printed, without its numbering and page number
	Pos    indicators.Pos // the entry's line
}

// contentsExtent finds the 目录: from a line reading 目录 to the line where the first entry
// is printed again as the body's heading, or else to the last line that looks like an entry
// (a short line without amounts, perhaps with its page number). It returns -1, -1 when there
// is none.
func contentsExtent(lines []layout.Line) (int, int) {
	from := -1
	for i, l := range lines {
		if key(l.Text()) == "目录" {
			from = i
			break
		}
	}
	if from < 0 || from+1 >= len(lines) {
		return -1, -1
	}
	first := entryKey(lines[from+1])
	for j := from + 2; j < len(lines) && j <= from+120; j++ {
		if entryKey(lines[j]) == first {
			return from, j
		}
	}
	// Else the entries run while they look like entries and none is printed again (the
	// body's first heading or title repeats an entry, its numbering aside).
	seen := map[string]bool{}
	j := from + 1
	for j < len(lines) && tocLike(lines[j]) {
		k := numberedRe.ReplaceAllString(entryKey(lines[j]), "")
		if seen[k] {
			break
		}
		seen[k] = true
		j++
	}
	return from, j
}

var tocLeaderRe = regexp.MustCompile(`[.·…．。\s]+\d*$`)

// entryKey is a 目录 entry or a heading as compared: its text without its page number and
// dot leaders.
func entryKey(l layout.Line) string {
	cells := l.Cells
	if n := len(cells); n > 1 && isDigits(key(cells[n-1].Text)) {
		cells = cells[:n-1]
	}
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.Text)
	}
	k := key(b.String())
	if m := tocLeaderRe.FindStringIndex(k); m != nil && m[0] > 0 {
		k = k[:m[0]]
	}
	return k
}

func tocLike(l layout.Line) bool {
	return !hasAmount(l) && len([]rune(entryKey(l))) <= 40 && len(l.Cells) <= 3
}

// contentsEntry reads a 目录 line that names a final-accounts table.
func contentsEntry(l layout.Line) (ContentsEntry, bool) {
	k := numberedRe.ReplaceAllString(entryKey(l), "")
	n, ok := titles[k]
	if !ok {
		return ContentsEntry{}, false
	}
	return ContentsEntry{Number: n, Title: k, Pos: l.Pos}, true
}

// tableLine reports whether a numbered line of one cell names a line of a final-accounts
// table: a class of expenditure, a kind of income or fiscal funds.
func tableLine(l layout.Line) bool {
	_, name := splitNumbering(l.Cell(0))
	k := key(name)
	if _, ok := classCodes[k]; ok {
		return true
	}
	return strings.HasSuffix(k, "收入") || strings.HasSuffix(k, "财政拨款") || strings.HasSuffix(k, "支出") && !strings.HasSuffix(k, "说明")
}

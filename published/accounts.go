package published

import (
	"regexp"
	"slices"
	"strings"

	"jixiao/indicators"
	"jixiao/layout"
)

// tableTitles are the national template's titles by number, for a table found by its label.
var tableTitles = map[int]string{
	1: "收入支出决算总表", 2: "收入决算表", 3: "支出决算表", 4: "财政拨款收入支出决算总表",
	5: "一般公共预算财政拨款支出决算表", 6: "一般公共预算财政拨款基本支出决算表",
	7: "一般公共预算财政拨款“三公”经费支出决算表", 8: "政府性基金预算财政拨款收入支出决算表",
	9: "国有资本经营预算财政拨款支出决算表",
}

var (
	unitRe   = regexp.MustCompile(`^(?:金额)?单位[:：](万元|元|千元|亿元)$`)
	agencyRe = regexp.MustCompile(`^(?:单位|部门|编制单位|编制部门|单位名称)[:：](.+)$`)
	codeRe   = regexp.MustCompile(`^(\d{3}|\d{5}|\d{7})$`)
)

// readAccounts reads a final-accounts table: the lines before its header (单位, year, 单位：万元),
// its header (which parts, which amount columns), then its rows, each a code, a label and
// one amount per column. Lines it cannot place are findings.
func readAccounts(r *region, geometric bool) (*Table, []Finding) {
	t := &Table{Number: r.number, Pos: r.title.Pos, Title: tableTitles[r.number]}
	if !r.title.IsRow() {
		if _, isTitle := titles[numberedRe.ReplaceAllString(key(r.title.Cell(0)), "")]; isTitle {
			t.Title = numberedRe.ReplaceAllString(strings.TrimSpace(r.title.Cell(0)), "")
		}
	}
	if r.label.Cells != nil {
		for _, c := range r.label.Cells {
			if labelRe.MatchString(key(c.Text)) {
				t.Label = strings.TrimSpace(c.Text)
			}
		}
	}
	rd := &accountsReader{t: t}
	for _, l := range r.after {
		if noDataRe.MatchString(key(l.Text())) {
			t.NoData = true
		}
	}
	if geometric {
		rd.laidOut, t.BlankIsZero = true, true
		g := gridTable(r.lines, rd.meta)
		if g.empty && t.NoData {
			return t, nil
		}
		t.NoData = false
		if !g.empty {
			rd.header(g.header)
			for _, l := range g.body {
				rd.line(l)
			}
			for _, l := range g.unplaced {
				rd.unread(l)
			}
		}
		rd.nameParts()
		rd.finish()
		return t, rd.notes
	}
	var header []layout.Line
	started := false
	for _, l := range r.lines {
		switch {
		case rd.meta(l):
		case isOrdinalRow(l):
		case !started && !hasAmount(l):
			if l.IsRow() {
				header = append(header, l)
			} else {
				rd.unread(l)
			}
		default:
			if !started {
				started = true
				rd.header(header)
			}
			rd.line(l)
		}
	}
	if t.NoData && len(rd.allRows()) == 0 {
		return t, rd.notes
	}
	t.NoData = false
	rd.nameParts()
	rd.finish()
	return t, rd.notes
}

// noDataRe is what a report says under a table it prints without data.
var noDataRe = regexp.MustCompile(`本表(无|没有)数据|本表为空|故本表无|空表`)

// finish reports a table of which no row was read.
func (rd *accountsReader) finish() {
	if len(rd.allRows()) == 0 {
		f := newFinding(CodeTableUnread)
		f.Pos, f.Subject = rd.t.Pos, rd.t.Name()
		rd.notes = append(rd.notes, f)
	}
}

// nameParts names the parts of a table printed side by side without a word over each (公开06
// 表 as 经济分类科目编码 | 科目名称 | 决算数 twice): each after its total row (人员经费合计 →
// 人员经费).
func (rd *accountsReader) nameParts() {
	if len(rd.t.Parts) < 2 {
		return
	}
	for _, p := range rd.t.Parts {
		if p.Name != "" {
			return
		}
	}
	for _, p := range rd.t.Parts {
		for _, r := range p.Rows {
			if name, ok := strings.CutSuffix(r.Name, "合计"); ok && name != "" && name != "本年收入" && name != "本年支出" {
				p.Name = name
				break
			}
		}
	}
}

type accountsReader struct {
	t      *Table
	notes  []Finding
	starts []int   // the column where each physical part starts
	phys   []*Part // the logical part of each physical part
	width  int     // cells in the widest header line
	// pending is a row's label printed where its amounts are not: a 合计 left in the header,
	// or a label-only row whose amounts come on the next line.
	pending      *Row
	pendingPart  *Part
	pendingAdded bool // the pending row is already in its part
	// laidOut: the rows come from the grid stage, a cell for every column: a blank cell is an
	// amount not printed, not a cell extraction lost.
	laidOut bool
}

func (rd *accountsReader) allRows() []*Row {
	var all []*Row
	for _, p := range rd.t.Parts {
		all = append(all, p.Rows...)
	}
	return all
}

func (rd *accountsReader) unread(l layout.Line) {
	f := newFinding(CodeRowUnread)
	f.Pos, f.Subject, f.Names = l.Pos, rd.t.Name(), []string{strings.TrimSpace(l.Text())}
	rd.notes = append(rd.notes, f)
}

// meta reads a line of the table's head: its unit (单位：万元), its unit or department, its
// year, the title or label printed again. Every non-blank cell must be one of these.
func (rd *accountsReader) meta(l layout.Line) bool {
	seen := false
	for _, c := range l.Cells {
		k := key(c.Text)
		switch {
		case k == "":
			continue
		case unitRe.MatchString(k):
			rd.t.Unit = unitRe.FindStringSubmatch(k)[1]
		case agencyRe.MatchString(k):
			if rd.t.Agency == "" {
				rd.t.Agency = strings.TrimSpace(agencyRe.FindStringSubmatch(k)[1])
			}
		case yearRe.MatchString(k), labelRe.MatchString(k) && len([]rune(k)) <= 12:
		default:
			if _, isTitle := titles[numberedRe.ReplaceAllString(k, "")]; !isTitle {
				return false
			}
		}
		seen = true
	}
	return seen
}

// isOrdinalRow recognises the 栏次 row that numbers the columns (栏次 1 2 3).
func isOrdinalRow(l layout.Line) bool {
	f := firstText(l)
	return f == "栏次" || f == "行次"
}

func hasAmount(l layout.Line) bool {
	for _, c := range l.Cells {
		if _, ok := parseAmount(c.Text); ok {
			return true
		}
	}
	return false
}

// descriptor is a header word that names the label columns, not an amount column.
func descriptor(k string) bool {
	switch k {
	case "类", "款", "项", "科目名称", "项目名称", "金额单位":
		return true
	}
	return partStart(k)
}

// partStart is a header word that opens a part of a table printed side by side: 项目, 项目(按
// 支出功能分类), 经济分类科目编码 and the like.
func partStart(k string) bool {
	return k == "项目" || strings.HasPrefix(k, "项目(") || strings.HasSuffix(k, "编码")
}

// header finds the table's parts and their amount columns. A part starts at each 项目 or
// …科目编码 cell; each column is named by the header words above it, a word spanning several
// columns (本年支出 over 小计, 基本支出, 项目支出) joining their names as "本年支出/小计". A 合计
// printed in the header where no column is (the label of the first row) becomes that row's
// label.
func (rd *accountsReader) header(lines []layout.Line) {
	starts := map[int]bool{}
	for _, l := range lines {
		rd.width = max(rd.width, len(l.Cells))
		for i, c := range l.Cells {
			if partStart(key(c.Text)) {
				starts[i] = true
			}
		}
	}
	if len(starts) == 0 {
		starts[0] = true
	}
	for i := range starts {
		rd.starts = append(rd.starts, i)
	}
	slices.Sort(rd.starts)
	// Cells left of the first part's 项目 belong to it: no cell of a row falls outside the parts.
	if rd.starts[0] > 0 {
		delete(starts, rd.starts[0])
		rd.starts[0] = 0
		starts[0] = true
	}
	partOf := func(i int) int {
		p := 0
		for k, s := range rd.starts {
			if i >= s {
				p = k
			}
		}
		return p
	}

	names := map[int]string{}
	pos := map[int]indicators.Pos{}
	for _, l := range lines {
		prev := map[int]string{}
		for k, v := range names {
			prev[k] = v
		}
		var named []int
		for i, c := range l.Cells {
			k := key(c.Text)
			if k != "" && !descriptor(k) && !starts[i] {
				named = append(named, i)
			}
		}
		inLine := map[int]bool{}
		for _, i := range named {
			inLine[i] = true
		}
		// group reports whether the name above column g spans the columns this line names
		// to its right.
		group := func(g int) bool {
			if prev[g] == "" || !inLine[g] {
				return false
			}
			for j := g + 1; j < len(l.Cells) && partOf(j) == partOf(g) && !starts[j]; j++ {
				if prev[j] != "" {
					return false
				}
				if inLine[j] {
					return true
				}
			}
			return false
		}
		for _, i := range named {
			k := key(l.Cells[i].Text)
			switch {
			case prev[i] != "" && group(i):
				names[i] = prev[i] + "/" + k
			case prev[i] != "" && (k == "合计" || k == "总计"):
				rd.pending = &Row{Name: k, Label: strings.TrimSpace(l.Cells[i].Text), Pos: l.Cells[i].Pos}
				continue
			case prev[i] != "":
				names[i] = prev[i] + "/" + k
			default:
				names[i] = k
				for g := i - 1; g >= 0 && partOf(g) == partOf(i) && !starts[g]; g-- {
					if prev[g] != "" {
						if group(g) {
							names[i] = prev[g] + "/" + k
						}
						break
					}
				}
			}
			pos[i] = l.Cells[i].Pos
		}
	}

	// The parts, named by the header word over their first column (收入, 支出, 人员经费); a
	// part under no word of its own continues the part to its left (公用经费 in two groups).
	logical := map[string]*Part{}
	for k, s := range rd.starts {
		name := ""
		if len(rd.starts) > 1 {
			name = partName(lines, s)
		}
		end := rd.width
		if k+1 < len(rd.starts) {
			end = rd.starts[k+1]
		}
		var cols []Column
		for i := s; i < end; i++ {
			if n := names[i]; n != "" {
				cols = append(cols, Column{Name: n, Ordinal: n == "行次" || n == "栏次", Pos: pos[i]})
			}
		}
		p := logical[name]
		if p == nil || !sameColumns(p.Columns, cols) || (name == "" && len(rd.starts) > 1) {
			p = &Part{Name: name, Columns: cols}
			logical[name] = p
			rd.t.Parts = append(rd.t.Parts, p)
		}
		rd.phys = append(rd.phys, p)
	}
}

func partName(lines []layout.Line, start int) string {
	for _, l := range lines {
		if k := key(l.Cell(start)); k != "" && !descriptor(k) {
			return k
		}
	}
	for _, l := range lines {
		if key(l.Cell(start)) != "" {
			continue
		}
		for g := start - 1; g >= 0; g-- {
			if k := key(l.Cell(g)); k != "" {
				if !descriptor(k) {
					return k
				}
				break
			}
		}
	}
	return ""
}

func sameColumns(a, b []Column) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}

// segment is the cells of one part of a line.
type segment struct {
	part  *Part
	cells []layout.Cell
}

// line reads one line of the table's body into rows: one per part it has cells in.
func (rd *accountsReader) line(l layout.Line) {
	if !l.IsRow() || len(rd.t.Parts) == 0 {
		rd.unread(l)
		return
	}
	var segs []segment
	switch {
	case len(rd.starts) == 1:
		segs = []segment{{rd.phys[0], l.Cells}}
	case len(l.Cells) > rd.starts[len(rd.starts)-1]:
		for k, s := range rd.starts {
			end := len(l.Cells)
			if k+1 < len(rd.starts) {
				end = min(rd.starts[k+1], len(l.Cells))
			}
			segs = append(segs, segment{rd.phys[k], l.Cells[s:end]})
		}
	default:
		segs = rd.groupShort(l)
		if segs == nil {
			rd.unread(l)
			return
		}
	}
	for _, sg := range segs {
		code, label, rest := splitSegment(sg.cells)
		amounts := nonBlank(rest)
		switch {
		case code == "" && label == nil && len(amounts) == 0:
			continue
		case code == "" && label == nil:
			// Amounts without a label: they belong to the label printed before them (a 合计
			// left in the header, a label whose amounts went to the next line or the next
			// group of cells).
			if rd.pending == nil {
				rd.unread(l)
				return
			}
			row, part, added := rd.pending, rd.pendingPart, rd.pendingAdded
			rd.pending, rd.pendingPart, rd.pendingAdded = nil, nil, false
			if part == nil {
				part = sg.part
			}
			if rd.fill(row, part, rest, l) && !added {
				part.Rows = append(part.Rows, row)
			}
			continue
		}
		rd.pending, rd.pendingPart, rd.pendingAdded = nil, nil, false
		row := &Row{Code: code, Pos: firstNonBlank(sg.cells).Pos}
		if label != nil {
			row.Label = strings.TrimSpace(label.Text)
			row.Number, row.Name = splitNumbering(row.Label)
			row.Name = squash(row.Name)
			if code == "" {
				row.Pos = label.Pos
			}
		}
		if len(amounts) == 0 {
			// A label whose amounts may come next; kept, without amounts, if they do not.
			row.Amounts = make([]Amount, len(sg.part.Columns))
			sg.part.Rows = append(sg.part.Rows, row)
			rd.pending, rd.pendingPart, rd.pendingAdded = row, sg.part, true
			continue
		}
		if rd.fill(row, sg.part, rest, l) {
			sg.part.Rows = append(sg.part.Rows, row)
		}
	}
}

// fill places a row's amount cells under the part's columns: the cells after its label, one
// per column, blanks included (blank cells between the label and the amounts, where the
// label's columns were merged, are skipped). A row with fewer cells than columns is kept with
// a finding naming the columns it lacks; a row with text where amounts belong, or more
// amounts than columns, is not read.
func (rd *accountsReader) fill(row *Row, part *Part, rest []layout.Cell, l layout.Line) bool {
	for len(rest) > 0 && strings.TrimSpace(rest[len(rest)-1].Text) == "" {
		rest = rest[:len(rest)-1]
	}
	for len(rest) > len(part.Columns) && strings.TrimSpace(rest[0].Text) == "" {
		rest = rest[1:]
	}
	for _, c := range rest {
		if _, ok := parseAmount(c.Text); !ok && !blankAmount(c.Text) {
			rd.unread(l)
			return false
		}
	}
	if len(rest) > len(part.Columns) {
		rd.unread(l)
		return false
	}
	row.Amounts = make([]Amount, len(part.Columns))
	for i, c := range rest {
		a := Amount{Text: strings.TrimSpace(c.Text), Pos: c.Pos}
		a.Value, a.Set = parseAmount(c.Text)
		row.Amounts[i] = a
	}
	if n := len(rest); n < len(part.Columns) && !rd.laidOut {
		f := newFinding(CodeCellsMissing)
		f.Pos, f.Subject, f.Item = l.Pos, rd.t.Name(), row.Label
		for _, c := range part.Columns[n:] {
			f.Names = append(f.Names, c.Name)
		}
		rd.notes = append(rd.notes, f)
	}
	return true
}

// groupShort splits a line with fewer cells than the header into parts by content: each
// label with the amounts after it, taken in order, when there are as many as parts.
func (rd *accountsReader) groupShort(l layout.Line) []segment {
	var groups [][]layout.Cell
	for _, c := range l.Cells {
		_, isAmount := parseAmount(c.Text)
		if strings.TrimSpace(c.Text) == "" {
			continue
		}
		if !isAmount || len(groups) == 0 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], c)
	}
	if len(groups) != len(rd.phys) {
		return nil
	}
	segs := make([]segment, len(groups))
	for i, g := range groups {
		segs[i] = segment{rd.phys[i], g}
	}
	return segs
}

// splitSegment finds a segment's code (208, or 208 01 09 in separate cells), its label, and
// the cells after them.
func splitSegment(cells []layout.Cell) (code string, label *layout.Cell, rest []layout.Cell) {
	i := 0
	skip := func() {
		for i < len(cells) {
			k := key(cells[i].Text)
			if k != "" && !descriptor(k) {
				return
			}
			i++
		}
	}
	skip()
	// Codes: digits of a 类 (3), 款 (5) or 项 (7), or the three parts in their own cells,
	// followed by a label.
	j := i
	var parts []string
	for j < len(cells) {
		k := key(cells[j].Text)
		if k == "" {
			j++
			continue
		}
		if (len(parts) == 0 && codeRe.MatchString(k)) || (len(parts) > 0 && len(k) == 2 && isDigits(k) && len(strings.Join(parts, "")) < 7) {
			parts = append(parts, k)
			j++
			continue
		}
		break
	}
	if len(parts) > 0 && j < len(cells) {
		if _, isAmount := parseAmount(cells[j].Text); !isAmount {
			code, i = strings.Join(parts, ""), j
		}
	}
	skip()
	if i < len(cells) {
		if _, isAmount := parseAmount(cells[i].Text); !isAmount {
			label = &cells[i]
			i++
		}
	}
	return code, label, cells[i:]
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func nonBlank(cells []layout.Cell) []layout.Cell {
	var out []layout.Cell
	for _, c := range cells {
		if strings.TrimSpace(c.Text) != "" {
			out = append(out, c)
		}
	}
	return out
}

func firstNonBlank(cells []layout.Cell) layout.Cell {
	for _, c := range cells {
		if strings.TrimSpace(c.Text) != "" {
			return c
		}
	}
	return layout.Cell{}
}

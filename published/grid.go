package published

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"jixiao/indicators"
	"jixiao/layout"
)

// The grid stage reads a final-accounts table of a PDF, where text stands at places on the
// page rather than in numbered cells. It finds the table's columns from where its amounts
// and header words stand, joins each subject name wrapped over several lines to its row (the
// line that holds the row's code or amounts), puts 类/款/项 codes in their columns, and
// writes the table out as the tables reader reads extracted text: one line per row, one cell
// per column, blanks kept, and a header cell spanning several columns (本年支出 over 合计,
// 基本支出, 项目支出) in the first of them. Nothing is dropped: a line it cannot place comes
// out as a row of its own, for the tables reader to read or to report.

// gcell is a cell of a table line, with its extent on the page.
type gcell struct {
	text   string
	x0, x1 float64
	pos    indicators.Pos
	row    int // the index of its line in the table's lines
}

func (c gcell) cx() float64 { return (c.x0 + c.x1) / 2 }

type gline struct {
	l     layout.Line
	cells []gcell
	cy, h float64
}

type colKind int

const (
	codeCol colKind = iota
	textCol
	amountCol
)

// gcol is a column of the table: its kind, its extent, and the header words over it.
type gcol struct {
	kind   colKind
	x0, x1 float64
	leaf   []gcell // header words naming the column, top to bottom
}

func overlaps(a0, a1, b0, b1 float64) bool { return a0 <= b1 && b0 <= a1 }

// grid is a table laid out by the grid stage.
type grid struct {
	cols []*gcol
	// unplaced are lines with a cell that fits no column of its kind: words where amounts
	// stand, two numbers in one column. They are reported, not read.
	unplaced []layout.Line
	meta     []layout.Line // 单位：万元 and the like, as they stand
	header   []layout.Line // the header as lines of cells in the table's columns
	body     []layout.Line // one line per row
	empty    bool          // no amount and no code anywhere: a table printed without data
}

var intCodeRe = regexp.MustCompile(`^\d{2,7}$`)

// gridTable lays out the lines of a table of a PDF. isMeta tells the lines of the table's
// head that are not its header (单位：万元, the unit's name, the year, the title again).
func gridTable(lines []layout.Line, isMeta func(layout.Line) bool) grid {
	var g grid
	var gl []gline
	for _, l := range lines {
		if isMeta(l) || strings.TrimSpace(l.Text()) == "" {
			g.meta = append(g.meta, l)
			continue
		}
		x := gline{l: l, cy: (l.Y0 + l.Y1) / 2, h: l.Y1 - l.Y0}
		for _, c := range l.Cells {
			if strings.TrimSpace(c.Text) == "" {
				continue
			}
			x.cells = append(x.cells, gcell{text: c.Text, x0: c.X0, x1: c.X1, pos: c.Pos, row: len(gl)})
		}
		gl = append(gl, x)
	}
	first := -1
	for i, l := range gl {
		for _, c := range l.cells {
			if _, ok := parseAmount(c.text); ok {
				first = i
				break
			}
		}
		if first >= 0 {
			break
		}
	}
	if first < 0 {
		g.empty = true
		for _, l := range gl {
			g.header = append(g.header, l.l)
		}
		return g
	}
	h := textHeight(gl)

	// Columns from the body: numbers clustered by overlap (codes or amounts), texts likewise.
	var nums, texts []gcell
	for _, l := range gl[first:] {
		for _, c := range l.cells {
			if isFigureCell(c.text) {
				nums = append(nums, c)
			} else {
				texts = append(texts, c)
			}
		}
	}
	var cols []*gcol
	for _, cl := range clusters(nums) {
		kind := amountCol
		if allBlank(cl) {
			continue // dashes alone make no column: they stand in the amount columns around them
		}
		if allCodes(cl) {
			kind = codeCol
		}
		cols = append(cols, &gcol{kind: kind, x0: minX0(cl), x1: maxX1(cl)})
	}
	for _, cl := range clusters(texts) {
		cols = append(cols, &gcol{kind: textCol, x0: minX0(cl), x1: maxX1(cl)})
	}
	sortCols(cols)
	// A column of integers is a code column only where a text column follows it before any
	// amount column (the subject's name after its code); else its integers are amounts.
	for i, c := range cols {
		if c.kind != codeCol {
			continue
		}
		named := false
		for _, d := range cols[i+1:] {
			if d.kind == textCol {
				named = true
				break
			}
			if d.kind == amountCol {
				break
			}
		}
		if !named {
			c.kind = amountCol
		}
	}

	// The header: the lines above the first line with a number, less the lines of a name
	// wrapped above its row.
	start := first
	for start > 0 && continuation(gl[start-1], gl[first], cols, h) {
		start--
	}
	var head []gcell
	for _, l := range gl[:start] {
		head = append(head, l.cells...)
	}
	g.cols = cols
	g.header = g.headerLines(head, gl, cols)
	cols = g.cols

	// The body, page by page and part by part.
	parts := splitParts(cols)
	type row struct {
		anchor int       // its line
		cells  [][]gcell // per column
	}
	var rows []row
	byLine := map[int]int{} // anchor line → row
	for _, pg := range pagesOf(gl, start) {
		for _, part := range parts {
			var segs []int // lines with cells in the part
			cellsOf := map[int][]gcell{}
			for _, i := range pg {
				for _, c := range gl[i].cells {
					if partOf(parts, cols, c) == part {
						cellsOf[i] = append(cellsOf[i], c)
					}
				}
				if len(cellsOf[i]) > 0 {
					segs = append(segs, i)
				}
			}
			var anchors []int
			for _, i := range segs {
				if anchorSegment(cellsOf[i], cols) {
					anchors = append(anchors, i)
				}
			}
			owner := map[int]int{}
			for _, i := range segs {
				owner[i] = i
				if slices.Contains(anchors, i) {
					continue
				}
				best, dist := -1, 0.0
				for _, a := range anchors {
					d := abs(gl[a].cy - gl[i].cy)
					if best < 0 || d < dist || (d == dist && a < i) {
						best, dist = a, d
					}
				}
				if best >= 0 && dist <= 2*h {
					owner[i] = best
				}
			}
			for _, i := range segs {
				a := owner[i]
				k, ok := byLine[a]
				if !ok {
					k = len(rows)
					byLine[a] = k
					rows = append(rows, row{anchor: a, cells: make([][]gcell, len(cols))})
				}
				for _, c := range cellsOf[i] {
					j := columnOf(cols, c)
					rows[k].cells[j] = append(rows[k].cells[j], c)
				}
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.anchor, b.anchor) })
	for _, r := range rows {
		l := gl[r.anchor].l
		out := layout.Line{Pos: l.Pos, Page: l.Page, Y0: l.Y0, Y1: l.Y1}
		placed := true
		for j, cs := range r.cells {
			c := joinCells(cs, cols[j], l.Pos)
			if cols[j].kind != textCol && c.Text != "" && !isFigureCell(c.Text) {
				placed = false
			}
			out.Cells = append(out.Cells, c)
		}
		if !placed {
			g.unplaced = append(g.unplaced, out)
			continue
		}
		g.body = append(g.body, out)
	}
	return g
}

// isFigureCell reports whether a cell holds an amount, a code, or a dash for no amount.
func isFigureCell(text string) bool {
	_, ok := parseAmount(text)
	return ok || blankAmount(text) && strings.TrimSpace(text) != ""
}

func allBlank(cells []gcell) bool {
	for _, c := range cells {
		if _, ok := parseAmount(c.text); ok {
			return false
		}
	}
	return true
}

// textHeight is the median height of the table's lines: about a character's height.
func textHeight(gl []gline) float64 {
	hs := make([]float64, 0, len(gl))
	for _, l := range gl {
		if l.h > 0 {
			hs = append(hs, l.h)
		}
	}
	if len(hs) == 0 {
		return 10
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}

// clusters groups cells whose horizontal extents overlap, directly or through others.
func clusters(cells []gcell) [][]gcell {
	cs := slices.Clone(cells)
	slices.SortStableFunc(cs, func(a, b gcell) int { return cmp.Compare(a.x0, b.x0) })
	var out [][]gcell
	end := 0.0
	for _, c := range cs {
		if n := len(out); n > 0 && c.x0 <= end {
			out[n-1] = append(out[n-1], c)
			end = max(end, c.x1)
			continue
		}
		out = append(out, []gcell{c})
		end = c.x1
	}
	return out
}

func allCodes(cells []gcell) bool {
	long := false
	for _, c := range cells {
		k := key(c.text)
		if !intCodeRe.MatchString(k) {
			return false
		}
		if codeRe.MatchString(k) {
			long = true
		}
	}
	return long
}

func minX0(cs []gcell) float64 {
	m := cs[0].x0
	for _, c := range cs {
		m = min(m, c.x0)
	}
	return m
}

func maxX1(cs []gcell) float64 {
	m := cs[0].x1
	for _, c := range cs {
		m = max(m, c.x1)
	}
	return m
}

func sortCols(cols []*gcol) {
	slices.SortStableFunc(cols, func(a, b *gcol) int {
		if c := cmp.Compare((a.x0+a.x1)/2, (b.x0+b.x1)/2); c != 0 {
			return c
		}
		return cmp.Compare(a.kind, b.kind)
	})
}

// headerWord is a word of a table's header, never a subject's name.
func headerWord(k string) bool {
	for _, w := range []string{"科目", "编码", "名称", "项目", "决算数", "预算数", "金额", "栏次", "行次"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return k == "类" || k == "款" || k == "项"
}

// continuation reports whether a line above the table's first row is the beginning of that
// row's name, wrapped: only names, in the table's text columns, within two lines' height.
func continuation(l, first gline, cols []*gcol, h float64) bool {
	if l.l.Page != first.l.Page || abs(first.cy-l.cy) > 2*h || len(l.cells) == 0 {
		return false
	}
	for _, c := range l.cells {
		if headerWord(key(c.text)) {
			return false
		}
		j := columnOf(cols, c)
		if cols[j].kind != textCol || !overlaps(c.x0, c.x1, cols[j].x0, cols[j].x1) {
			return false
		}
	}
	return true
}

// columnOf is the column a cell belongs to: of the columns of its kind (a number's, a
// word's) the one it overlaps most, else of any kind, else the nearest.
func columnOf(cols []*gcol, c gcell) int {
	numeric := isFigureCell(c.text)
	best, bestOver := -1, 0.0
	for pass := 0; pass < 2 && best < 0; pass++ {
		for j, col := range cols {
			if pass == 0 && (col.kind == textCol) == numeric {
				continue
			}
			if over := min(c.x1, col.x1) - max(c.x0, col.x0); over >= 0 && (best < 0 || over > bestOver) {
				best, bestOver = j, over
			}
		}
	}
	if best >= 0 {
		return best
	}
	best, bestDist := 0, 0.0
	for j, col := range cols {
		if d := abs((col.x0+col.x1)/2 - c.cx()); j == 0 || d < bestDist {
			best, bestDist = j, d
		}
	}
	return best
}

// headerLines reads the header's words into columns: a word over the words of two or more
// columns below it, about its centre, is a group (收入 over 项目 and 决算数; 本年支出 over 合计,
// 基本支出 and 项目支出); any other word names the column it stands over, its pieces joined
// top to bottom (功能分类 / 科目编码); a word over no column of the body is a column of its own,
// with no amount in it (上级补助收入). The groups come out as lines above the line of names,
// each in the first column it spans.
func (g *grid) headerLines(head []gcell, gl []gline, cols []*gcol) []layout.Line {
	if len(head) == 0 {
		return nil
	}
	left, right := cols[0].x0, cols[0].x1
	for _, c := range cols {
		left, right = min(left, c.x0), max(right, c.x1)
	}
	for _, c := range head {
		left, right = min(left, c.x0), max(right, c.x1)
	}
	yOf := func(c gcell) (float64, float64) { return gl[c.row].l.Y0, gl[c.row].l.Y1 }
	isGroup := make([]bool, len(head))
	type span struct{ lo, hi float64 }
	domain := make([]span, len(head))
	for i, f := range head {
		fy0, fy1 := yOf(f)
		lo, hi := left, right
		for j, o := range head {
			oy0, oy1 := yOf(o)
			if j == i || !overlaps(fy0, fy1, oy0, oy1) {
				continue
			}
			if o.x1 <= f.x0 {
				lo = max(lo, o.x1)
			}
			if o.x0 >= f.x1 {
				hi = min(hi, o.x0)
			}
		}
		r := min(f.cx()-lo, hi-f.cx())
		domain[i] = span{f.cx() - r, f.cx() + r}
		// Two words below it, side by side on one line, within its reach.
		var below []gcell
		for _, o := range head {
			oy0, _ := yOf(o)
			if oy0 >= fy1-0.5 && o.cx() >= f.cx()-r && o.cx() <= f.cx()+r {
				below = append(below, o)
			}
		}
		for a := range below {
			for b := a + 1; b < len(below); b++ {
				ay0, ay1 := yOf(below[a])
				by0, by1 := yOf(below[b])
				if overlaps(ay0, ay1, by0, by1) && !overlaps(below[a].x0, below[a].x1, below[b].x0, below[b].x1) {
					isGroup[i] = true
				}
			}
		}
	}
	// Leaves: over a body column, or columns of their own.
	var orphans []gcell
	for i, c := range head {
		if isGroup[i] {
			continue
		}
		placed := false
		for _, col := range cols {
			if overlaps(c.x0, c.x1, col.x0, col.x1) {
				placed = true
				break
			}
		}
		if placed {
			j := columnOf(cols, c)
			cols[j].leaf = append(cols[j].leaf, c)
		} else {
			orphans = append(orphans, c)
		}
	}
	for _, cl := range clusters(orphans) {
		cols = append(cols, &gcol{kind: amountCol, x0: minX0(cl), x1: maxX1(cl), leaf: cl})
	}
	sortCols(cols)
	g.cols = cols

	// Groups, one line per band of lines they stand on, top to bottom.
	var groups []int
	for i := range head {
		if isGroup[i] {
			groups = append(groups, i)
		}
	}
	slices.SortStableFunc(groups, func(a, b int) int { return cmp.Compare(gl[head[a].row].cy, gl[head[b].row].cy) })
	var out []layout.Line
	var bandEnd float64
	for _, gi := range groups {
		f := head[gi]
		fy0, fy1 := yOf(f)
		if len(out) == 0 || fy0 > bandEnd {
			out = append(out, blankLine(gl[f.row].l, len(cols)))
			bandEnd = fy1
		}
		bandEnd = max(bandEnd, fy1)
		// The first column it spans: the leftmost column with a word below it, within reach.
		j := columnOf(cols, f)
	first:
		for k, col := range cols {
			for _, c := range col.leaf {
				if gl[c.row].l.Y0 >= fy1-0.5 && c.cx() >= domain[gi].lo && c.cx() <= domain[gi].hi {
					j = k
					break first
				}
			}
		}
		cell := &out[len(out)-1].Cells[j]
		cell.Text = strings.TrimSpace(cell.Text + f.text)
		cell.Pos = f.pos
	}
	names := blankLine(gl[head[len(head)-1].row].l, len(cols))
	for j, col := range cols {
		leaf := slices.Clone(col.leaf)
		slices.SortStableFunc(leaf, func(a, b gcell) int {
			if c := cmp.Compare(gl[a.row].cy, gl[b.row].cy); c != 0 {
				return c
			}
			return cmp.Compare(a.x0, b.x0)
		})
		var parts []string
		for _, c := range leaf {
			parts = append(parts, c.text)
		}
		names.Cells[j].Text = strings.Join(parts, "")
		if len(leaf) > 0 {
			names.Cells[j].Pos = leaf[0].pos
		}
	}
	return append(out, names)
}

func blankLine(l layout.Line, n int) layout.Line {
	out := layout.Line{Pos: l.Pos, Page: l.Page, Y0: l.Y0, Y1: l.Y1, Cells: make([]layout.Cell, n)}
	for j := range out.Cells {
		out.Cells[j].Pos = l.Pos
	}
	return out
}

// splitParts cuts the columns into the parts of a table printed side by side: a part begins
// at the first column and at each code or name column that follows an amount column. It
// returns the index of each part's first column.
func splitParts(cols []*gcol) []int {
	parts := []int{0}
	for j := 1; j < len(cols); j++ {
		if cols[j].kind != amountCol && cols[j-1].kind == amountCol {
			parts = append(parts, j)
		}
	}
	return parts
}

// partOf is the part (its first column) a cell stands in.
func partOf(parts []int, cols []*gcol, c gcell) int {
	j := columnOf(cols, c)
	p := parts[0]
	for _, s := range parts {
		if j >= s {
			p = s
		}
	}
	return p
}

// pagesOf groups the lines from start on by page.
func pagesOf(gl []gline, start int) [][]int {
	var out [][]int
	for i := start; i < len(gl); i++ {
		if n := len(out); n > 0 && gl[out[n-1][0]].l.Page == gl[i].l.Page {
			out[n-1] = append(out[n-1], i)
			continue
		}
		out = append(out, []int{i})
	}
	return out
}

// anchorSegment reports whether a line's cells in a part begin a row of their own: a code or
// an amount, or a label that can only begin a row (numbered, a total, a carry-over, a fund,
// a class of the classification).
func anchorSegment(cells []gcell, cols []*gcol) bool {
	for _, c := range cells {
		if isFigureCell(c.text) || rowStart(c.text) {
			return true
		}
	}
	return false
}

// rowStart reports whether a label begins a row by its words alone.
func rowStart(text string) bool {
	if numbering.MatchString(text) {
		return true
	}
	k := key(text)
	switch {
	case isTotalName(k), k == "总计", strings.HasPrefix(k, "其中"),
		strings.Contains(k, "结转和结余"), strings.Contains(k, "结余分配"), strings.Contains(k, "非财政拨款结余"):
		return true
	case isFundLine(k) && strings.HasSuffix(k, "财政拨款"):
		return true
	}
	_, class := classCodes[k]
	return class
}

// joinCells makes the cell of a row in a column: the pieces of a wrapped name joined top to
// bottom; a blank cell where the row has nothing.
func joinCells(cs []gcell, col *gcol, at indicators.Pos) layout.Cell {
	if len(cs) == 0 {
		return layout.Cell{Pos: at}
	}
	// Two numbers in one column of one row are not one number: joined so that they read as
	// none, the row is reported rather than summed by accident.
	sep := ""
	if col.kind != textCol {
		sep = " | "
	}
	parts := make([]string, len(cs))
	out := layout.Cell{Pos: cs[0].pos, X0: cs[0].x0, X1: cs[0].x1}
	for i, c := range cs {
		parts[i] = c.text
		out.X0, out.X1 = min(out.X0, c.x0), max(out.X1, c.x1)
	}
	out.Text = strings.Join(parts, sep)
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

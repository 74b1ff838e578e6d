package fill

import (
	"io"
	"math"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/report"
	"jixiao/rules"
	"jixiao/sheets"
)

// Options configure filling. Zero values take the defaults.
type Options struct {
	Engine engine.Options    // thresholds and tolerance (a [review] configuration), expression limits
	Limits indicators.Limits // bounds on what the workbook holds
	Lang   i18n.Lang         // the language of the comments
}

// Book is an owner's workbook with the computed values filled in, in memory: the file it
// was read from is never written. Write it, then Close it.
type Book struct {
	Projects []Project
	book     *sheets.Book
}

// Project is one project of the workbook: its result, and what fill did in its table.
type Project struct {
	Result *engine.Result
	// Notes are the cells written, left or marked, in table order: the indicators' scores,
	// the budget-execution score, the totals and the grade, then what the owner must add.
	Notes []report.FillNote
}

// The fills of marked cells: the review workbook's colours.
const (
	disputedFill = "#FFC7CE" // the owner's value was replaced by the computed one
	openFill     = "#FFEB9C" // the owner must still choose or add something
)

// Comment boxes: a width in pixels, and the height of a line of text in it.
const (
	commentWidth      = 360
	commentLineHeight = 16
	commentLineWidth  = 46 // half-width characters on a line (a Chinese character is two)
)

// Open reads the workbook at path, scores and reviews each of its projects and fills the
// computed values into an in-memory copy. A workbook that cannot be read, or a criterion
// that does not compile, is an error (an indicators.ErrorList where it can be placed), and
// nothing is filled.
func Open(path string, opts Options) (*Book, error) {
	projects, err := indicators.LoadWorkbook(path, opts.Limits)
	if err != nil {
		return nil, err
	}
	book, err := sheets.Open(path)
	if err != nil {
		return nil, err
	}
	f := &filler{book: book, grids: map[string]*sheets.Grid{}, lists: map[string]map[string]string{}}
	b := &Book{book: book}
	e := engine.New(opts.Engine)
	for _, p := range projects {
		r, err := e.Check(p)
		if err != nil {
			book.Close()
			return nil, err
		}
		f.r, f.tol, f.notes = r, e.Config(p).Tolerance, nil
		if err := f.project(); err != nil {
			book.Close()
			return nil, err
		}
		b.Projects = append(b.Projects, Project{Result: r, Notes: f.notes})
	}
	if err := f.annotate(b.Projects, opts.Lang); err != nil {
		book.Close()
		return nil, err
	}
	if err := book.RecalcOnOpen(); err != nil {
		book.Close()
		return nil, err
	}
	return b, nil
}

// Write writes the filled workbook as .xlsx.
func (b *Book) Write(w io.Writer) error { return b.book.Write(w) }

// Close releases the workbook.
func (b *Book) Close() error { return b.book.Close() }

// filler fills one workbook, a project at a time.
type filler struct {
	book  *sheets.Book
	grids map[string]*sheets.Grid      // each sheet as it was, read before anything in it was written
	lists map[string]map[string]string // each sheet's drop-down lists, by the range they cover
	// The project being filled.
	r     *engine.Result
	tol   float64
	notes []report.FillNote
}

// project fills one project's table.
func (f *filler) project() error {
	r := f.r
	p := r.Project
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		if !ir.Applicable {
			continue
		}
		pos, ok := p.Cell(ir.Indicator.Path() + ".reported")
		if !ok {
			continue
		}
		n := report.FillNote{Slot: report.SlotScore, Indicator: i, Cell: pos, Finding: f.finding(engine.ScoreMismatch, i)}
		if ir.Kind == rules.Unscored {
			n.Finding = f.finding(engine.CriterionUnparsed, i) // the part of the criterion that could not be read, if any
		}
		lo, hi := ir.Min, ir.Max
		if err := f.number(n, ir.Indicator.Reported, ir.Score, ir.HasScore, lo, hi); err != nil {
			return err
		}
	}
	if pos, ok := p.Cell("funds.reported"); ok {
		n := report.FillNote{Slot: report.SlotExecution, Indicator: -1, Cell: pos, Finding: f.finding(engine.ScoreMismatch, -1)}
		x := r.Execution
		var owner *float64
		if p.Funds != nil {
			owner = p.Funds.Reported
		}
		known := x != nil && x.HasScore
		score, hi := 0.0, math.Inf(1) // without a weight, the owner's number cannot be judged
		if x != nil {
			score, hi = x.Score, x.Weight
		}
		if err := f.number(n, owner, score, known, 0, hi); err != nil {
			return err
		}
	}
	// The totals last: a formula over the scores is worked out with them in.
	for _, t := range []struct {
		path  string
		slot  report.FillSlot
		owner *float64
	}{{"reported.total", report.SlotTotal, p.Reported.Total}, {"reported.score", report.SlotStated, p.Reported.Score}} {
		if pos, ok := p.Cell(t.path); ok {
			n := report.FillNote{Slot: t.slot, Indicator: -1, Cell: pos}
			if err := f.number(n, t.owner, r.Total, r.Exact, r.TotalMin, r.TotalMax); err != nil {
				return err
			}
		}
	}
	if pos, ok := p.Cell("reported.grade"); ok {
		if err := f.grade(pos); err != nil {
			return err
		}
	}
	f.needed()
	return nil
}

// finding is the first finding of code about indicator i (−1: the project), or nil.
func (f *filler) finding(code engine.Code, i int) *engine.Finding {
	for k := range f.r.Findings {
		if fd := &f.r.Findings[k]; fd.Code == code && fd.Indicator == i {
			return fd
		}
	}
	return nil
}

// cell is what a cell held before anything was written: the text it showed and its formula.
type cell struct {
	shown, formula string
}

func (f *filler) cell(pos indicators.Pos) (cell, error) {
	g, ok := f.grids[pos.Sheet]
	if !ok {
		var err error
		if g, err = f.book.Grid(pos.Sheet); err != nil {
			return cell{}, err
		}
		f.grids[pos.Sheet] = g
	}
	return cell{shown: strings.TrimSpace(g.Cell(pos.Line-1, pos.Col-1)), formula: g.Formula(pos.Line-1, pos.Col-1)}, nil
}

func cellName(pos indicators.Pos) string { return sheets.CellName(pos.Col, pos.Line) }

// number settles a cell for a number: want when known; otherwise the owner chooses or
// supplies what is missing, and lo..hi is what the number can be. owner is the owner's
// number as read (nil when blank).
func (f *filler) number(n report.FillNote, owner *float64, want float64, known bool, lo, hi float64) error {
	c, err := f.cell(n.Cell)
	if err != nil {
		return err
	}
	n.Owner, n.Formula = c.shown, c.formula
	sheet, name := n.Cell.Sheet, cellName(n.Cell)
	d := f.r.Project.Scoring.Decimals
	if !known {
		// No number can go in. A number of the owner's that cannot be right is taken out;
		// one that may be, and any formula, stay.
		n.Action = report.FillOpen
		if c.formula == "" && owner != nil && (*owner < lo-f.tol || *owner > hi+f.tol) {
			n.Cleared = true
			if err := f.book.Clear(sheet, name); err != nil {
				return err
			}
		}
		f.notes = append(f.notes, n)
		return nil
	}
	n.Value = num.Format(want, d)
	switch {
	case c.formula != "":
		result, calcErr := f.book.Calc(sheet, name)
		v, isNum := num.ParseNumber(strings.TrimSpace(result))
		if calcErr == nil && isNum && num.Within(v, want, f.tol) {
			n.Action, n.Value = report.FillFormulaKept, num.Format(v, d)
			if owner == nil || *owner != v { // the saved result is stale: save the new one
				err = f.book.SetFormulaValue(sheet, name, c.formula, v)
			}
			break
		}
		n.Action = report.FillFormulaReplaced
		if calcErr == nil {
			n.Result = strings.TrimSpace(result)
			if isNum {
				n.Result = num.Short(v, d)
			}
		}
		err = f.book.SetNumber(sheet, name, want)
	case owner == nil:
		n.Action = report.FillWritten
		err = f.book.SetNumber(sheet, name, want)
	case num.Within(*owner, want, f.tol):
		n.Action = report.FillKept
	default:
		n.Action = report.FillReplaced
		err = f.book.SetNumber(sheet, name, want)
	}
	if err != nil {
		return err
	}
	f.notes = append(f.notes, n)
	return nil
}

// grade settles the 等次 cell: the grade of the total, in the words of the cell's drop-down
// list when it has one.
func (f *filler) grade(pos indicators.Pos) error {
	r := f.r
	c, err := f.cell(pos)
	if err != nil {
		return err
	}
	n := report.FillNote{Slot: report.SlotGrade, Indicator: -1, Cell: pos, Owner: c.shown, Formula: c.formula}
	grades := r.Project.Scoring.Grades
	if !r.Exact && r.Grade != r.GradeMax {
		// No grade can go in. The owner's, when no total within the range has it, is taken
		// out; one that may be right, and any formula, stay.
		n.Action = report.FillOpen
		if owner, ok := engine.CanonicalGrade(grades, c.shown); ok && c.formula == "" && !engine.GradePossible(grades, r.TotalMin, r.TotalMax, owner) {
			n.Cleared = true
			if err := f.book.Clear(pos.Sheet, cellName(pos)); err != nil {
				return err
			}
		}
		f.notes = append(f.notes, n)
		return nil
	}
	n.Value, err = f.gradeText(pos, r.Grade, grades)
	if err != nil {
		return err
	}
	sheet, name := pos.Sheet, cellName(pos)
	owner, ownerOK := engine.CanonicalGrade(grades, c.shown)
	switch {
	case c.formula != "":
		result, calcErr := f.book.Calc(sheet, name)
		result = strings.TrimSpace(result)
		if g, ok := engine.CanonicalGrade(grades, result); calcErr == nil && ok && g == r.Grade {
			// Kept; a saved text result is brought up to date when the workbook is
			// recalculated on opening.
			n.Action, n.Value = report.FillFormulaKept, result
			break
		}
		if calcErr == nil {
			n.Result = result
		}
		n.Action = report.FillFormulaReplaced
		err = f.book.SetText(sheet, name, n.Value)
	case c.shown == "":
		n.Action = report.FillWritten
		err = f.book.SetText(sheet, name, n.Value)
	case ownerOK && owner == r.Grade:
		n.Action = report.FillKept
	default:
		n.Action = report.FillReplaced
		err = f.book.SetText(sheet, name, n.Value)
	}
	if err != nil {
		return err
	}
	f.notes = append(f.notes, n)
	return nil
}

// gradeText is the grade as the cell's drop-down list writes it (优秀 for 优), or as the
// project's grades name it.
func (f *filler) gradeText(pos indicators.Pos, grade string, grades []indicators.Grade) (string, error) {
	lists, ok := f.lists[pos.Sheet]
	if !ok {
		var err error
		if lists, err = f.book.DropDowns(pos.Sheet); err != nil {
			return "", err
		}
		f.lists[pos.Sheet] = lists
	}
	for ref, list := range lists {
		if !covers(ref, pos) || !strings.HasPrefix(list, `"`) {
			continue
		}
		for _, option := range strings.Split(strings.Trim(list, `"`), ",") {
			if g, ok := engine.CanonicalGrade(grades, strings.TrimSpace(option)); ok && g == grade {
				return strings.TrimSpace(option), nil
			}
		}
	}
	return grade, nil
}

// covers reports whether a range list such as "H11 J2:K20" holds the cell at pos.
func covers(ref string, pos indicators.Pos) bool {
	for _, part := range strings.Fields(ref) {
		from, to, _ := strings.Cut(strings.ReplaceAll(part, "$", ""), ":")
		if to == "" {
			to = from
		}
		c1, r1, err1 := sheets.SplitCellName(from)
		c2, r2, err2 := sheets.SplitCellName(to)
		if err1 == nil && err2 == nil && pos.Col >= c1 && pos.Col <= c2 && pos.Line >= r1 && pos.Line <= r2 {
			return true
		}
	}
	return false
}

// needed marks what the owner must still add before submitting: a reason for every missed
// target and every large over-achievement, a reason for low budget execution, a unit the
// table has a column for.
func (f *filler) needed() {
	r := f.r
	p := r.Project
	add := func(n report.FillNote, pos indicators.Pos) {
		if pos.Sheet != "" && pos.IsValid() {
			n.Cell, n.Action = pos, report.FillNeeded
			f.notes = append(f.notes, n)
		}
	}
	for k := range r.Findings {
		fd := &r.Findings[k]
		switch fd.Code {
		case engine.MissingReason, engine.OverachievedUnexplained:
			path := r.Indicators[fd.Indicator].Indicator.Path()
			pos, ok := p.Cell(path + ".reason")
			if !ok {
				pos, ok = p.Cell(path + ".actual")
			}
			if !ok {
				pos = p.Pos(path)
			}
			add(report.FillNote{Slot: report.SlotReason, Indicator: fd.Indicator, Finding: fd}, pos)
		case engine.ExecutionUnexplained:
			pos, ok := p.Cell("funds.reason")
			if !ok {
				pos, ok = f.reasonColumn()
			}
			if !ok {
				pos = r.Pos(fd)
			}
			add(report.FillNote{Slot: report.SlotFunds, Indicator: -1, Finding: fd}, pos)
		}
	}
	for k := range r.Findings { // the units the table has a column for, after the reasons
		if fd := &r.Findings[k]; fd.Code == engine.UnitMissing {
			if pos, ok := p.Cell(r.Indicators[fd.Indicator].Indicator.Path() + ".unit"); ok {
				add(report.FillNote{Slot: report.SlotUnit, Indicator: fd.Indicator, Finding: fd}, pos)
			}
		}
	}
}

// reasonColumn gives a funds block without a place for the reason one: a 偏差原因 column
// right of its header row, the label written in, as the workbook reader reads it. It
// returns the reason's cell, in the row of the figures, or false when the block's header
// cannot be found above its 全年执行数.
func (f *filler) reasonColumn() (indicators.Pos, bool) {
	spent, ok := f.r.Project.Cell("funds.spent")
	if !ok || spent.Sheet == "" {
		return indicators.Pos{}, false
	}
	g, ok := f.grids[spent.Sheet]
	if !ok {
		var err error
		if g, err = f.book.Grid(spent.Sheet); err != nil {
			return indicators.Pos{}, false
		}
		f.grids[spent.Sheet] = g
	}
	row, col := spent.Line-1, spent.Col-1 // 0-based
	head := -1
	for r := row - 1; r >= 0 && r >= row-3; r-- {
		if strings.TrimSpace(g.Cell(r, col)) != "" {
			head = r
			break
		}
	}
	if head < 0 {
		return indicators.Pos{}, false
	}
	free := 0
	for _, r := range []int{head, row} {
		for c := len(g.Rows[r]) - 1; c >= 0; c-- {
			if strings.TrimSpace(g.Cell(r, c)) != "" {
				free = max(free, c+1)
				break
			}
		}
	}
	if err := f.book.SetText(spent.Sheet, sheets.CellName(free+1, head+1), "偏差原因"); err != nil {
		return indicators.Pos{}, false
	}
	return indicators.Pos{File: spent.File, Sheet: spent.Sheet, Line: row + 1, Col: free + 1}, true
}

// annotate puts each marked cell's comment (the notes on it, after any comment the owner
// had) and its mark: red where the owner's value was replaced, yellow where the owner must
// still choose or add something.
func (f *filler) annotate(projects []Project, lang i18n.Lang) error {
	type key struct{ sheet, cell string }
	var order []key
	texts := map[key][]string{}
	fills := map[key]string{}
	for _, pr := range projects {
		for i := range pr.Notes {
			n := &pr.Notes[i]
			if !n.Marked() {
				continue
			}
			k := key{n.Cell.Sheet, cellName(n.Cell)}
			if _, seen := texts[k]; !seen {
				order = append(order, k)
			}
			texts[k] = append(texts[k], report.FillComment(pr.Result, n, lang))
			if n.Disputed() {
				fills[k] = disputedFill
			} else if fills[k] == "" {
				fills[k] = openFill
			}
		}
	}
	had := map[string]map[string]sheets.Comment{}
	for _, k := range order {
		if _, ok := had[k.sheet]; !ok {
			list, err := f.book.Comments(k.sheet)
			if err != nil {
				return err
			}
			had[k.sheet] = map[string]sheets.Comment{}
			for _, c := range list {
				had[k.sheet][c.Cell] = c
			}
		}
		c := sheets.Comment{Cell: k.cell, Author: "jixiao", Text: strings.Join(texts[k], "\n\n")}
		if old, ok := had[k.sheet][k.cell]; ok { // the owner's comment stays, first
			c.Author, c.Text = old.Author, old.Text+"\n\njixiao: "+c.Text
		}
		c.Width, c.Height = commentWidth, commentHeight(c.Text)
		if err := f.book.SetComment(k.sheet, c); err != nil {
			return err
		}
		if err := f.book.Mark(k.sheet, k.cell, fills[k]); err != nil {
			return err
		}
	}
	return nil
}

// commentHeight is the height in pixels of a comment box that shows all of text.
func commentHeight(text string) uint {
	lines := 1 // the author
	for _, para := range strings.Split(text, "\n") {
		width := 0
		for _, r := range para {
			width++
			if r >= 0x2E80 { // CJK and full-width forms take two
				width++
			}
		}
		lines += max(1, (width+commentLineWidth-1)/commentLineWidth)
	}
	return uint(12 + lines*commentLineHeight)
}

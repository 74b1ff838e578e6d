package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/published"
	"jixiao/rules"
	"jixiao/sheets"
)

// Workbook writes the review as an .xlsx workbook, the reviewer's working file: a summary
// sheet (one row per project, then by budget unit, with charts of the grades and the 偏离度),
// one sheet per project (the table as the unit wrote it, with the computed scores beside the
// reported ones, disputed cells filled and carrying a comment that states the finding, and
// the reviewer's columns: 复核完成值, 复核得分 filled with the computed score, 扣分理由,
// 复核口径 as a drop-down of the rules, 复核备注), the 自评复核报告表, the 差值表, the 问题清单
// (jixiao's findings and the reviewer's cuts, filtered, header frozen) and the list of review
// rules. The project sheets keep the 自评表's own Chinese labels, so jixiao reads the workbook
// back with the reviewer's 复核; the other sheets are in the reader's language. A published
// report (docs) has its row in the summary and its findings in the 问题清单, after the
// projects'.
func Workbook(w io.Writer, results []*engine.Result, lang i18n.Lang, docs ...*published.Result) error {
	return workbook(w, filed{results: results, docs: docs}, lang)
}

// workbook writes what a run files as the review workbook (Workbook): the inputs that could
// not be used stand in a block of the summary sheet, below the projects, and as rows of the
// 问题清单 after the findings.
func workbook(w io.Writer, in filed, lang i18n.Lang) error {
	results, docs := in.results, in.docs
	f := sheets.New()
	defer f.Close()
	x, err := newXlsx(f, lang)
	if err != nil {
		return err
	}
	summary := indicators.SheetSummary.String(lang)
	if err := f.RenameSheet("Sheet1", summary); err != nil {
		return err
	}
	x.used[summary] = true
	x.used[indicators.ModelSheet] = true // the hidden sheet of the projects' models, last
	extra := []struct {
		name  string
		write func(sheet string, results []*engine.Result) error
	}{
		{indicators.SheetReviewTable.String(lang), x.reviewReport},
		{indicators.SheetDifferences.String(lang), x.differences},
		{indicators.SheetFindings.String(lang), func(sheet string, results []*engine.Result) error { return x.findings(sheet, results, docs, in.failed) }},
		{indicators.SheetRules.String(lang), x.rulesSheet},
	}
	for k := range extra { // named first: the project sheets' drop-downs refer to the rules'
		extra[k].name = x.sheetName(extra[k].name)
	}
	x.planRules(extra[len(extra)-1].name, results)
	names := make([]string, len(results))
	for i, r := range results {
		names[i] = x.sheetName(r.Project.Name)
		if err := f.AddSheet(names[i]); err != nil {
			return err
		}
		if err := x.project(names[i], r); err != nil {
			return err
		}
	}
	if err := x.summary(summary, results, names, docs, in.failed, in.more); err != nil {
		return err
	}
	for _, sh := range extra {
		if err := f.AddSheet(sh.name); err != nil {
			return err
		}
		if err := sh.write(sh.name, results); err != nil {
			return err
		}
	}
	if err := x.modelSheet(results, names); err != nil {
		return err
	}
	f.SetActive(0)
	// The 复核得分 合计 formulas are saved with their value as text (the library's way): worked
	// out again on opening, they show as numbers in their format.
	if err := f.RecalcOnOpen(); err != nil {
		return err
	}
	return f.Write(w)
}

// modelSheet writes the hidden sheet that keeps each project's whole model and what was
// filled into the reviewer's cells, for reading the workbook back (indicators.ModelRows).
func (x *xlsx) modelSheet(results []*engine.Result, names []string) error {
	models := make([]indicators.Model, len(results))
	for i, r := range results {
		models[i] = indicators.Model{Sheet: names[i], Project: r.Project, Filled: x.filled[names[i]]}
	}
	rows, err := indicators.ModelRows(models)
	if err != nil {
		return err
	}
	if err := x.f.AddSheet(indicators.ModelSheet); err != nil {
		return err
	}
	for r, row := range rows {
		cells := make([]any, len(row))
		for c, v := range row {
			cells[c] = v
		}
		if err := x.f.SetRow(indicators.ModelSheet, cell(1, r+1), cells); err != nil {
			return err
		}
	}
	return x.f.Hide(indicators.ModelSheet)
}

// xlsx carries one workbook being written: its styles and the sheet names taken.
type xlsx struct {
	f                              *sheets.Book
	lang                           i18n.Lang
	used                           map[string]bool
	head, disputed, unscored, wrap sheets.StyleID
	input, inputText, percent      sheets.StyleID         // the reviewer's cells; 偏离度
	decimals                       map[int]sheets.StyleID // number formats by decimals
	numbers                        map[numStyle]sheets.StyleID
	ruleSets                       []ruleSet                    // the distinct lists of review rules, as the rules sheet lists them
	filled                         map[string]map[string]string // by sheet, what was filled into the reviewer's cells, by cell
}

// numStyle is the look of a number cell: its decimals, and whether it is the reviewer's to
// fill in or disputed.
type numStyle struct {
	decimals int
	kind     numKind
}

type numKind int

const (
	plainNum numKind = iota
	inputNum
	disputedNum
)

func newXlsx(f *sheets.Book, lang i18n.Lang) (*xlsx, error) {
	x := &xlsx{f: f, lang: lang, used: map[string]bool{}, decimals: map[int]sheets.StyleID{}, numbers: map[numStyle]sheets.StyleID{},
		filled: map[string]map[string]string{}}
	styles := []struct {
		dst   *sheets.StyleID
		style sheets.Style
	}{
		{&x.head, sheets.Style{Bold: true, Fill: "#D9E1F2", Wrap: true, Vertical: "center"}},
		{&x.disputed, sheets.Style{NumFmt: 2, Fill: "#FFC7CE", Color: "#9C0006"}},
		{&x.unscored, sheets.Style{Fill: "#FFEB9C"}},
		{&x.wrap, sheets.Style{Wrap: true, Vertical: "top"}},
		{&x.input, sheets.Style{Fill: inputFill, Wrap: true, Vertical: "top"}},
		{&x.inputText, sheets.Style{Fill: inputFill, NumFmt: 49}}, // @: a date typed stays as typed
		{&x.percent, sheets.Style{NumFmt: 10}},                    // 0.00%
	}
	for _, s := range styles {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return nil, err
		}
		*s.dst = id
	}
	return x, nil
}

// sheetName makes a valid, unused sheet name: at most 31 characters, none of []:*?/\.
func (x *xlsx) sheetName(name string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	if clean == "" {
		clean = "project"
	}
	base := []rune(clean)
	if len(base) > 28 {
		base = base[:28]
	}
	candidate := string(base)
	for n := 2; x.used[candidate]; n++ {
		candidate = fmt.Sprintf("%s(%d)", string(base), n)
	}
	x.used[candidate] = true
	return candidate
}

func cell(col, row int) string { return sheets.CellName(col, row) }

// sheetWriter fills one sheet row by row and keeps the widest text of each column.
type sheetWriter struct {
	x      *xlsx
	sheet  string
	row    int
	widths map[int]int
	fixed  map[int]float64 // columns of a set width, their text wrapped
	err    error
}

func (x *xlsx) writer(sheet string) *sheetWriter {
	return &sheetWriter{x: x, sheet: sheet, widths: map[int]int{}}
}

// put writes one value at column col of the current row: numbers as numbers.
func (s *sheetWriter) put(col int, v any) {
	if s.err != nil || v == nil {
		return
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			return
		}
		s.err = s.x.f.SetText(s.sheet, cell(col, s.row), x)
		s.measure(col, x)
	case float64:
		s.err = s.x.f.SetNumber(s.sheet, cell(col, s.row), x)
		s.measure(col, num.Short(x, 2))
	case literal: // a number shown with the decimals it was written with: 99.60
		s.put(col, x.value)
		if x.decimals > 0 {
			s.style(col, s.x.decimalStyle(x.decimals))
		}
	case *float64:
		if x != nil {
			s.put(col, *x)
		}
	case int:
		s.err = s.x.f.SetInt(s.sheet, cell(col, s.row), int64(x))
		s.measure(col, fmt.Sprint(x))
	}
}

// number writes a score-like number shown with d decimals (the project's), or with as many
// as it has when more: the cell shows all of it, so that it reads back as written.
func (s *sheetWriter) number(col int, v float64, d int, kind numKind) {
	s.put(col, v)
	s.style(col, s.x.numberStyle(max(d, decimalsOf(v)), kind))
}

// numberOf writes a score that may be missing.
func (s *sheetWriter) numberOf(col int, v *float64, d int, kind numKind) {
	if v != nil {
		s.number(col, *v, d, kind)
	} else if kind == inputNum {
		s.style(col, s.x.numberStyle(d, kind))
	}
}

// score writes an indicator's computed score as a number, or its range or "—" as text.
func (s *sheetWriter) score(col int, ir *engine.IndicatorResult, d int) {
	if ir.HasScore {
		s.number(col, ir.Score, d, plainNum)
	} else {
		s.put(col, ScoreText(ir, d))
	}
}

// total writes a project's computed total as a number, or its range as text.
func (s *sheetWriter) total(col int, r *engine.Result, d int) {
	if r.Exact {
		s.number(col, r.Total, d, plainNum)
	} else {
		s.put(col, TotalText(r, d))
	}
}

// decimalsOf is how many decimals v is written with, at most 9.
func decimalsOf(v float64) int {
	t := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(t, '.'); i >= 0 {
		return min(len(t)-i-1, 9)
	}
	return 0
}

// numberStyle is the style of a number cell of kind showing d decimals, made once.
func (x *xlsx) numberStyle(d int, kind numKind) sheets.StyleID {
	key := numStyle{d, kind}
	if id, ok := x.numbers[key]; ok {
		return id
	}
	st := sheets.Style{Format: "0"}
	if d > 0 {
		st.Format = "0." + strings.Repeat("0", d)
	}
	switch kind {
	case inputNum:
		st.Fill = inputFill
	case disputedNum:
		st.Fill, st.Color = "#FFC7CE", "#9C0006"
	}
	id, err := x.f.NewStyle(st)
	if err != nil {
		return 0
	}
	x.numbers[key] = id
	return id
}

// fill writes what jixiao fills into a reviewer's cell, and records it: reading the
// workbook back, a cell that still says it is no review (indicators.Model).
func (s *sheetWriter) fill(col int, v any) {
	s.put(col, v)
	text := ""
	switch v := v.(type) {
	case string:
		text = v
	case float64:
		text = strconv.FormatFloat(v, 'f', -1, 64)
	case *float64:
		if v != nil {
			text = strconv.FormatFloat(*v, 'f', -1, 64)
		}
	case literal:
		text = strconv.FormatFloat(v.value, 'f', -1, 64)
	}
	if text == "" {
		return
	}
	m := s.x.filled[s.sheet]
	if m == nil {
		m = map[string]string{}
		s.x.filled[s.sheet] = m
	}
	m[cell(col, s.row)] = text
}

func (s *sheetWriter) measure(col int, text string) {
	w := 0
	for _, line := range strings.Split(text, "\n") {
		w = max(w, runewidth.StringWidth(line))
	}
	s.widths[col] = max(s.widths[col], w)
}

func (s *sheetWriter) style(col int, style sheets.StyleID) {
	if s.err == nil {
		s.err = s.x.f.SetStyle(s.sheet, cell(col, s.row), style)
	}
}

func (s *sheetWriter) comment(col int, text string) {
	if s.err == nil && text != "" {
		s.err = s.x.f.SetComment(s.sheet, sheets.Comment{Cell: cell(col, s.row), Author: "jixiao", Text: text, Width: 320, Height: 140})
	}
}

func (s *sheetWriter) headRow(labels ...string) {
	for i, l := range labels {
		s.put(i+1, l)
		s.style(i+1, s.x.head)
	}
}

// finish sets every column's width to fit its text (CJK characters count double),
// within reason, and prints the sheet landscape, one page wide.
func (s *sheetWriter) finish() error {
	if s.err != nil {
		return s.err
	}
	for col, w := range s.widths {
		width := float64(min(max(w+2, 8), 60))
		if fixed, ok := s.fixed[col]; ok {
			width = fixed
		}
		if err := s.x.f.SetColWidth(s.sheet, col, width); err != nil {
			return err
		}
	}
	return s.x.f.FitToWidth(s.sheet, true)
}

// project writes one project's table.
func (x *xlsx) project(sheet string, r *engine.Result) error {
	p := r.Project
	d := p.Scoring.Decimals
	s := x.writer(sheet)
	s.row = 1
	year := ""
	if p.Year != 0 {
		year = fmt.Sprint(p.Year)
	}
	facts := []struct {
		label, value string
	}{{"专项名称", p.Name}, {"单位名称", p.Agency}, {"实施单位", p.Implementer}, {"单位编码", p.AgencyCode}, {"部门预算功能科目", p.FunctionCode}, {"年度", year}}
	col := 1
	for _, fact := range facts {
		if fact.value == "" && fact.label != "专项名称" {
			continue
		}
		s.put(col, fact.label)
		s.style(col, x.head)
		s.put(col+1, fact.value)
		col += 2
	}
	s.row = 2
	x.reviewerRow(s, p)
	s.row = 3
	execRow := 0 // the row of the 预算执行率 line, with its 复核 cells
	if fd := p.Funds; fd != nil {
		if fd.FullYearBudget != nil || fd.Weight > 0 {
			s.headRow("资金（"+fd.Unit+"）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率（%）", "得分", "计算得分")
			if r.Execution != nil {
				x.reviewHeads(s)
			}
			s.row++
			s.put(1, "年度资金总额")
			s.numberOf(2, fd.Budget, 2, plainNum)
			if avail, ok := fd.Available(); ok {
				s.number(3, avail, 2, plainNum)
			}
			s.numberOf(4, fd.Spent, 2, plainNum)
			if x := r.Execution; x != nil {
				s.number(5, x.Weight, d, plainNum)
				if x.HasScore {
					s.number(6, num.Round(x.Rate*100, 2), 2, plainNum)
					s.number(8, x.Score, d, plainNum)
				} else {
					s.put(8, "—")
				}
			}
			s.numberOf(7, fd.Reported, d, plainNum)
			for _, f := range r.Findings {
				if f.Indicator < 0 && f.Field == engine.FieldFundsReported && f.Severity == engine.Error && disputed[f.Code] {
					s.numberOf(7, fd.Reported, d, disputedNum)
					s.comment(7, x.message(r, &f))
				}
			}
			if r.Execution != nil {
				execRow = s.row
				x.executionReviewCells(s, r)
			}
		} else {
			s.headRow("资金（"+fd.Unit+"）", "年初预算安排①", "年中调整②", "年度拨付③", "本年度结余④=①+②-③", "实际到位⑤", "实际支出⑥", "本年度结余⑦", "结余率(%)⑧=⑦/⑤")
			s.row++
			s.put(1, "合计")
			for i, v := range []*float64{fd.Budget, fd.Adjustment, fd.Allocated, fd.Balance, fd.Received, fd.Spent, fd.Unspent, fd.UnspentRate} {
				s.numberOf(i+2, v, 2, plainNum)
			}
		}
		for _, f := range r.Findings {
			if f.Code == engine.FundsMismatch || f.Code == engine.ExecutionUnexplained || f.Code == engine.BalanceRateHigh {
				s.comment(2, x.message(r, &f))
				break
			}
		}
		// Why execution fell short, in the indicators' 偏差原因 column, where the workbook
		// reader looks for it in the funds block's header.
		s.row--
		s.put(colFundsReason, "偏差原因")
		s.style(colFundsReason, x.head)
		s.row++
		s.put(colFundsReason, fd.Reason)
		s.row += 2
	}
	s.headRow("一级指标", "二级指标", "三级指标", "评分标准", "指标值", "度量单位", "实际完成值", "上年度数值", "分值", "得分", "计算得分", "计分依据", "偏差原因")
	x.reviewHeads(s)
	x.reviewHeader(s, r)
	headRow := s.row
	firstRow := s.row + 1
	byIndicator := map[int][]engine.Finding{}
	for _, f := range r.Findings {
		byIndicator[f.Indicator] = append(byIndicator[f.Indicator], f)
	}
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		s.row++
		s.put(1, ind.Level1)
		s.put(2, ind.Level2)
		s.put(3, ind.Name)
		s.put(4, ind.Criterion)
		s.style(4, x.wrap)
		s.put(5, valueCell(ind.Target))
		s.put(6, ind.Unit)
		s.put(7, valueCell(ind.Actual))
		s.put(8, valueCell(ind.Prior))
		s.number(9, ind.Weight, d, plainNum)
		s.numberOf(10, ind.Reported, d, plainNum)
		switch {
		case ir.HasScore:
			s.number(11, ir.Score, d, plainNum)
		case ir.Kind == rules.Ranged:
			s.put(11, num.Format(ir.Min, d)+"–"+num.Format(ir.Max, d))
			s.style(11, x.unscored)
		default:
			s.put(11, "—")
			s.style(11, x.unscored)
		}
		basis, note := Basis(r, ir, x.lang)
		if note != "" {
			basis += "：" + note
		}
		s.put(12, basis)
		s.style(12, x.wrap)
		s.put(13, ind.Reason)
		s.style(13, x.wrap)
		x.reviewCells(s, r, i)
		var marks, other []string
		for _, f := range byIndicator[i] {
			m, h := Message(r, &f, x.lang)
			msg := "[" + string(f.Code) + "] " + m
			if h != "" {
				msg += "\n→ " + h
			}
			if f.Severity == engine.Error && disputed[f.Code] {
				marks = append(marks, msg)
			} else {
				other = append(other, msg)
			}
		}
		if len(marks) > 0 {
			s.numberOf(10, ind.Reported, d, disputedNum)
			s.comment(10, strings.Join(marks, "\n"))
		}
		if len(other) > 0 {
			s.comment(3, strings.Join(other, "\n"))
		}
	}
	lastRow := s.row
	if err := x.reviewDropDown(s, r, firstRow, lastRow); err != nil {
		return err
	}
	s.row++
	s.put(1, "合计")
	s.number(9, r.Weight, d, plainNum)
	x.reviewTotal(s, r, firstRow, lastRow, execRow)
	s.numberOf(10, p.Reported.Total, d, plainNum)
	if r.Exact {
		s.number(11, r.Total, d, plainNum)
	} else {
		s.put(11, TotalText(r, d))
	}
	for _, f := range r.Findings {
		if f.Code == engine.TotalMismatch && f.Field == engine.FieldReportedTotal {
			m, h := Message(r, &f, x.lang)
			s.numberOf(10, p.Reported.Total, d, disputedNum)
			if h != "" {
				m += "\n→ " + h
			}
			s.comment(10, m)
		}
	}
	s.row += 2
	if p.Reported.Score != nil {
		s.put(1, "自评得分")
		s.numberOf(2, p.Reported.Score, d, plainNum)
		s.row++
	}
	if p.Reported.TargetsSet != nil || p.Reported.TargetsMet != nil {
		s.put(1, "设置绩效目标（个）")
		s.put(2, intPtr(p.Reported.TargetsSet))
		s.put(3, "实际完成（个）")
		s.put(4, intPtr(p.Reported.TargetsMet))
		s.row++
	}
	if p.Reported.Grade != "" {
		s.put(1, "自评等次")
		s.put(2, p.Reported.Grade)
		for _, f := range r.Findings {
			if f.Code == engine.GradeMismatch {
				s.style(2, x.disputed)
				s.comment(2, x.message(r, &f))
				break
			}
		}
		s.row++
	}
	x.reviewTotals(s, r)
	s.put(1, "计算结论")
	s.put(2, verdict(r, x.lang))
	s.fixed = projectWidths
	if err := s.finish(); err != nil {
		return err
	}
	return x.f.PrintTitles(sheet, headRow, headRow)
}

// projectWidths are the widths of a project sheet's columns of long text, in characters, each
// wrapped: the sheet prints one landscape A4 page wide at a legible scale.
var projectWidths = map[int]float64{
	1: 10, 2: 12, 3: 16, 4: 36, 5: 10, 6: 8, 7: 11, 8: 9, 9: 8, 10: 8, 11: 10, 12: 24, 13: 16,
	colReviewActual: 10, colReviewScore: 9, colReviewReason: 20, colReviewRule: 14, colReviewNote: 14,
}

// message is a finding's message alone, for a cell's comment.
func (x *xlsx) message(r *engine.Result, f *engine.Finding) string {
	msg, _ := Message(r, f, x.lang)
	return msg
}

func intPtr(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// literal is a number with the decimals its text was written with.
type literal struct {
	value    float64
	decimals int
}

// valueCell is a target, actual or prior as a cell: a number as a number (shown with the
// decimals it was written with), text as written.
func valueCell(v indicators.Value) any {
	switch {
	case !v.Set:
		return nil
	case v.Plain:
		d := 0
		if i := strings.IndexByte(v.Text, '.'); i >= 0 {
			d = len(v.Text) - i - 1
		}
		return literal{v.Num, min(d, 9)}
	}
	return v.Text
}

// decimalStyle is the number format showing exactly d decimals, made once per d.
func (x *xlsx) decimalStyle(d int) sheets.StyleID {
	if id, ok := x.decimals[d]; ok {
		return id
	}
	id, err := x.f.NewStyle(sheets.Style{Format: "0." + strings.Repeat("0", d)})
	if err != nil {
		return 0
	}
	x.decimals[d] = id
	return id
}

// summary writes one row per project (and per published report), then the summary by
// budget unit with its charts.
func (x *xlsx) summary(sheet string, results []*engine.Result, names []string, docs []*published.Result, failed []Failure, more int) error {
	s := x.writer(sheet)
	s.row = 1
	L := func(zh, en string) string { return i18n.Pick(x.lang, zh, en) }
	s.headRow(L("项目", "Project"), L("单位", "Budget unit"), L("工作表", "Sheet"), L("自评得分", "Stated score"), L("自评等次", "Stated grade"),
		L("计算总分", "Computed total"), L("计算等次", "Computed grade"), L("复核总分", "Review total"), L("复核等次", "Review grade"),
		L("偏离度", "Deviation"), L("复核人", "Reviewer"), L("错误", "Errors"), L("警告", "Warnings"), L("提示", "Infos"), L("文件", "File"))
	for i, r := range results {
		p := r.Project
		s.row++
		s.put(1, p.Name)
		s.put(2, p.Agency)
		s.put(3, names[i])
		stated := p.Reported.Score
		if stated == nil {
			stated = p.Reported.Total
		}
		s.numberOf(4, stated, p.Scoring.Decimals, plainNum)
		s.put(5, p.Reported.Grade)
		s.total(6, r, p.Scoring.Decimals)
		if r.Exact {
			s.put(7, r.Grade)
		} else {
			grade := r.Grade
			if r.GradeMax != r.Grade {
				grade += "–" + r.GradeMax
			}
			s.put(7, grade)
		}
		if g, ok := engine.CanonicalGrade(p.Scoring.Grades, p.Reported.Grade); ok && r.Exact && g != r.Grade {
			s.style(7, x.disputed)
		}
		x.reviewSummary(s, r, 8)
		e, w, n := engine.Count(r.Findings)
		s.put(12, e)
		s.put(13, w)
		s.put(14, n)
		s.put(15, p.File)
	}
	x.documentRows(s, docs)
	if s.err == nil && s.row > 1 {
		s.err = x.f.AutoFilter(sheet, "A1:"+cell(15, s.row))
	}
	if s.err == nil {
		s.err = x.f.FreezeRows(sheet, 1)
	}
	x.failures(s, failed, more)
	x.units(s, results)
	return s.finish()
}

// findings writes the 问题清单: one row per finding (info findings of one code in one row),
// jixiao's and then the reviewer's own cuts of each project, then a published report's
// findings, with an autofilter and the header frozen.
func (x *xlsx) findings(sheet string, results []*engine.Result, docs []*published.Result, failed []Failure) error {
	s := x.writer(sheet)
	s.row = 1
	L := func(zh, en string) string { return i18n.Pick(x.lang, zh, en) }
	s.headRow(L("项目", "Project"), L("指标", "Indicator"), L("等级", "Severity"), L("复核维度", "Dimension"), L("位置", "Where"),
		L("复核发现", "Finding"), L("事实及判定", "Facts"), L("处理建议", "What to do"), L("核验依据", "Basis"), L("代码", "Code"))
	for _, r := range results {
		for _, l := range findingLines(r, x.lang) { // info findings of one code in one row
			f := l.f
			s.row++
			s.put(1, r.Project.Name)
			s.put(2, l.subject(x.lang))
			s.put(3, SeverityLabel(f.Severity, x.lang))
			s.put(4, dimension(f.Code).String(x.lang))
			where := Where(r.Pos(f), x.lang)
			if where == "" {
				where = r.Project.File
			}
			s.put(5, where)
			s.put(6, l.msg)
			s.style(6, x.wrap)
			if !l.grouped {
				s.put(7, findingFacts(r, f).String(x.lang))
			}
			s.put(8, l.hint)
			s.put(9, x.basis(r, f))
			s.put(10, string(f.Code))
		}
		x.reviewerFindings(s, r)
	}
	x.documentFindings(s, docs)
	x.failureFindings(s, failed)
	if s.err == nil {
		s.err = x.f.AutoFilter(sheet, "A1:"+cell(10, max(s.row, 1)))
	}
	if s.err == nil {
		s.err = x.f.FreezeRows(sheet, 1)
	}
	return s.finish()
}

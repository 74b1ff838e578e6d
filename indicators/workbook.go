package indicators

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/sheets"
)

// LoadWorkbook reads every 项目支出绩效自评表 in an .xlsx workbook, the way a person finds
// them: by the labels of the header row (一级指标 … 三级指标, 指标值, 实际完成值, 分值, 得分,
// 评分标准 and their variants, as Fields names them), not by fixed cells. Merged cells count
// for every cell they cover. A workbook may hold several projects, one per sheet or stacked
// in one sheet. Sheets that hold no table are passed over with a warning; a workbook with
// none at all is an error. What is read goes through the same decoder as TOML and JSON, so
// a workbook is held to the same rules (a duplicate indicator, a negative weight…).
//
// A project that cannot be read (a bad cell) is rejected alone: the projects of the other
// sheets, or stacked beside it, are returned together with the error, an ErrorList naming
// each bad cell by its sheet and cell.
func LoadWorkbook(path string, lim Limits) ([]*Project, error) { return loadWorkbook(std, path, lim) }

func loadWorkbook(s *schema, path string, lim Limits) ([]*Project, error) {
	lim = lim.withDefaults()
	if err := checkSize(path, lim); err != nil {
		return nil, ErrorList{err}
	}
	f, err := sheets.Open(path)
	if err != nil {
		return nil, ErrorList{workbookOpenError(path, err)}
	}
	defer f.Close()
	var projects []*Project
	models, warnings := readModels(s, f, path, lim)
	var errs ErrorList
	for _, sheet := range f.Sheets() {
		if sheet == ModelSheet && models != nil {
			continue
		}
		ps, sheetErrs, sheetWarn := readSheet(s, f, path, sheet, models[sheet], lim)
		projects = append(projects, ps...)
		errs = append(errs, sheetErrs...)
		warnings = append(warnings, sheetWarn...)
	}
	if len(errs) > 0 {
		errs.Sort()
		if len(errs) > MaxErrors {
			errs = errs[:MaxErrors]
		}
		if len(projects) == 0 {
			return nil, errs
		}
	}
	if len(projects) == 0 {
		return nil, ErrorList{{Pos: Pos{File: path}, Kind: ErrMissing, Msg: i18n.T(
			"工作簿中没有找到自评表：没有一个工作表含有“三级指标”“分值”“得分”这样的表头行",
			"no self-evaluation table in this workbook: no sheet has a header row with 三级指标, 分值 (weight) and 得分 (score)")}}
	}
	// Warnings about the workbook as a whole are told once, with its first project.
	projects[0].Warnings = append(warnings, projects[0].Warnings...)
	return projects, errs.Err()
}

// grid is one sheet's cells as shown, merged cells filled in, with the file it is in.
type grid struct {
	*sheets.Grid
	file string
}

func (g *grid) cell(r, c int) string { return strings.TrimSpace(g.Cell(r, c)) }

func (g *grid) pos(r, c int) Pos { return Pos{File: g.file, Sheet: g.Sheet, Line: r + 1, Col: c + 1} }

// label is a cell's text for matching against header labels: no blanks, half-width.
func label(s string) string {
	s = num.Normalize(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '　' {
			return -1
		}
		return r
	}, s)
}

// column is a column of the indicator table: the key it holds (relative to the indicator:
// "weight", "review.score"; "" for the nature column) and the labels that name it.
type column struct {
	key          string
	field        *Field // nil for the nature column
	exact, parts []string
}

// nature is the 指标性质 column: the operator (≥, ≤, =) that belongs before the target.
var nature = column{exact: []string{"指标性质", "指标方向"}}

// columns are the indicator table's columns, in the order they claim a header cell: the
// schema's indicator keys that a workbook labels, then those of the indicator's tables (the
// reviewer's 复核), then the nature column.
func (s *schema) columns() []column {
	var cols []column
	for _, f := range s.fields(inIndicator) {
		if f.Sheet != nil {
			cols = append(cols, column{key: f.Key, field: f, exact: f.Sheet, parts: f.SheetPart})
		}
	}
	for _, t := range s.fields(inIndicator) {
		if t.Type != Table {
			continue
		}
		for _, f := range s.fields(t.sub()) {
			if f.Sheet != nil {
				cols = append(cols, column{key: join(t.Key, f.Key), field: f, exact: f.Sheet, parts: f.SheetPart})
			}
		}
	}
	return append(cols, nature)
}

// header finds a row's indicator columns, by key ("" for the nature column); ok when it has
// a name, a weight and a score column.
func header(s *schema, g *grid, r int) (map[string]int, bool) {
	cols := map[string]int{}
	taken := map[int]bool{}
	row := g.Rows[r]
	for pass := 0; pass < 2; pass++ {
		for _, col := range s.columns() {
			key := col.key
			if _, done := cols[key]; done {
				continue
			}
			for c := range row {
				if taken[c] {
					continue
				}
				l := label(row[c])
				hit := false
				if pass == 0 {
					hit = slices.Contains(col.exact, l)
				} else {
					for _, w := range col.parts {
						hit = hit || strings.Contains(l, w) && !strings.Contains(l, "复核")
					}
				}
				if hit {
					cols[key] = c
					taken[c] = true
					break
				}
			}
		}
	}
	_, name := cols["name"]
	_, weight := cols["weight"]
	_, score := cols["reported"]
	return cols, name && weight && score
}

// The sheets jixiao's review workbook holds beside the projects' (their names in either
// language): the writer names them from here, and the reader passes them over without a note.
var (
	SheetSummary     = i18n.T("汇总", "Summary")
	SheetReviewTable = i18n.T("自评复核报告表", "Self-assessment vs review")
	SheetDifferences = i18n.T("差值表", "Differences")
	SheetFindings    = i18n.T("问题清单", "Findings")
	SheetRules       = i18n.T("复核口径", "Review rules")
)

// ReviewSheet reports whether a sheet is one jixiao's review workbook holds beside the
// projects'.
func ReviewSheet(name string) bool {
	for _, t := range []i18n.Text{SheetSummary, SheetReviewTable, SheetDifferences, SheetFindings, SheetRules} {
		if name == t.Zh || name == t.En {
			return true
		}
	}
	return name == ModelSheet
}

// readSheet reads the projects of one sheet.
func readSheet(s *schema, f *sheets.Book, file, sheet string, model *sheetModel, lim Limits) ([]*Project, ErrorList, ErrorList) {
	sg, err := f.Grid(sheet)
	if err != nil {
		return nil, ErrorList{{Pos: Pos{File: file, Sheet: sheet}, Kind: ErrSyntax, Msg: i18n.Text{
			Zh: "这个工作表读不出来，工作簿可能已损坏：请用 Excel 或 WPS 另存一份后再试",
			En: "the sheet cannot be read, and the workbook may be damaged: save a copy in Excel or WPS and try again (" + err.Error() + ")"}}}, nil
	}
	g := &grid{Grid: sg, file: file}
	var headers []int
	for r := range g.Rows {
		if _, ok := header(s, g, r); ok {
			headers = append(headers, r)
		}
	}
	if len(headers) == 0 {
		if ReviewSheet(sheet) {
			return nil, nil, nil // a sheet of jixiao's own review workbook beside the projects'
		}
		return nil, nil, ErrorList{{Pos: Pos{File: file, Sheet: sheet}, Kind: ErrMissing, Msg: i18n.T(
			"工作表“%s”不是自评表（没有含“三级指标”“分值”“得分”的表头行），已跳过", "sheet %q is not a self-evaluation table (no header row with 三级指标, 分值 and 得分): skipped", sheet)}}
	}
	var projects []*Project
	var errs, warnings ErrorList
	start := 0
	for k, h := range headers {
		end := len(g.Rows)
		if k+1 < len(headers) {
			end = headers[k+1]
		}
		b := &blockReader{s: s, g: g, lim: lim, top: start, head: h, end: end}
		if len(headers) == 1 {
			b.model = model // a review workbook's sheet holds one project
		}
		p := b.read()
		errs = append(errs, b.errs...)
		warnings = append(warnings, b.warnings...)
		if p != nil {
			projects = append(projects, p)
		}
		start = b.tableEnd
	}
	return projects, errs, warnings
}

// blockReader reads one project: the rows from top to end, its indicator header at head.
// It reads each cell as its key's type says and hands the values, with their cells, to the
// decoder.
type blockReader struct {
	s              *schema
	g              *grid
	lim            Limits
	top, head, end int
	tableEnd       int // the first row after the indicator rows
	root           map[string]any
	cells          map[string]Pos
	name           string // the project's name, for messages
	errs, warnings ErrorList
	indicatorName  string

	// model is the project's model a review workbook keeps (nil for any other workbook); seen
	// the key paths the sheet has a cell for, and reviewCells the text of the reviewer's
	// cells read, by cell name: what is laid over the model.
	model       *sheetModel
	seen        map[string]bool
	reviewCells map[string]string
	reviewKeys  map[string]string // the key path of each of reviewCells, by cell name
}

func (b *blockReader) errorf(r, c int, kind ErrorKind, msg i18n.Text) {
	b.errs = append(b.errs, &Error{Pos: b.g.pos(r, c), Kind: kind, Project: b.name, Indicator: b.indicatorName, Msg: msg})
}

func (b *blockReader) at(path string, r, c int) { b.cells[path] = b.g.pos(r, c) }

// saw records that the sheet has a cell for the key at path, at (r, c), holding v.
func (b *blockReader) saw(path string, r, c int, v string) {
	b.seen[path] = true
	if reviewKey(path) {
		b.reviewCells[sheets.CellName(c+1, r+1)] = v
		b.reviewKeys[sheets.CellName(c+1, r+1)] = path
	}
}

// slot records the cell of a key the template has a place for even when it is blank (an
// indicator's 得分, 度量单位 and 偏差原因, the 预算执行率 得分, 合计, 自评得分, 等次), so
// that a filled-in copy knows where they go; a key read from its cell keeps that cell.
func (b *blockReader) slot(path string, r, c int) {
	if _, ok := b.cells[path]; !ok {
		b.at(path, r, c)
	}
}

// beside is the column right of the label at (r, c) and of the merged range it heads.
func (b *blockReader) beside(r, c int) int {
	k := c + 1
	for b.g.cell(r, k) == b.g.cell(r, c) {
		k++
	}
	return k
}

// slots are the indicator keys whose cells slot records.
var slots = []string{"reported", "unit", "reason"}

// table is the generic table at key of the top level, made when first needed.
func (b *blockReader) table(key string) map[string]any {
	t, ok := b.root[key].(map[string]any)
	if !ok {
		t = map[string]any{}
		b.root[key] = t
	}
	return t
}

// valueRight is the first non-empty cell right of (r, c) that is not another label, with
// its column.
func (b *blockReader) valueRight(r, c int) (string, int) {
	row := b.g.Rows[r]
	for k := c + 1; k < len(row); k++ {
		v := b.g.cell(r, k)
		if v == "" || v == b.g.cell(r, c) {
			continue // a merged label repeats itself
		}
		if b.isLabel(v) {
			return "", -1
		}
		return v, k
	}
	return "", -1
}

// preambles are the tables whose keys stand above the indicator table, each right of its
// label: the project's facts, and who reviewed it and when.
var preambles = []string{inProject, inReviewer}

// preamble is the project key a label above the table names, or nil.
func (b *blockReader) preamble(l string) *Field {
	for _, in := range preambles {
		for _, f := range b.s.fields(in) {
			if slices.Contains(f.Sheet, l) {
				return f
			}
		}
	}
	return nil
}

func (b *blockReader) isLabel(v string) bool { return b.preamble(label(v)) != nil }

func (b *blockReader) read() *Project {
	g := b.g
	b.root, b.cells = map[string]any{}, map[string]Pos{}
	b.seen, b.reviewCells, b.reviewKeys = map[string]bool{}, map[string]string{}, map[string]string{}
	b.at("", b.head, 0)
	// The project's facts above the table, each from the cell right of its label, or after
	// the label in its own cell ("实施单位：某某中心").
	project := b.table("project")
	for r := b.top; r < b.head; r++ {
		for c := range g.Rows[r] {
			l := label(g.cell(r, c))
			f := b.preamble(l)
			inside := ""
			if f == nil {
				if name, v, ok := labelled(l); ok {
					f, inside = b.preamble(name), strings.TrimSpace(v)
				}
			}
			if f == nil {
				continue
			}
			t := b.table(f.In)
			if _, done := t[f.Key]; done {
				continue
			}
			if inside != "" {
				b.put(t, f.In, f, valueIn(g.cell(r, c)), r, c)
			} else if v, k := b.valueRight(r, c); k >= 0 {
				b.put(t, f.In, f, v, r, k)
			}
		}
	}
	if _, ok := project["year"]; !ok {
		b.titleYear(project)
	}
	if name, _ := project["name"].(string); name != "" {
		b.name = name
	} else {
		b.name = g.Sheet
		project["name"] = g.Sheet
		b.warnings = append(b.warnings, &Error{Pos: g.pos(b.head, 0), Kind: ErrMissing, Project: b.name, Msg: i18n.T(
			"表头上方没有找到专项名称（项目名称），以工作表名“%s”作为项目名称", "no 专项名称 (project name) above the table: the sheet's name %q is used", g.Sheet)})
	}
	b.funds()
	indicators := b.indicators()
	b.totals()
	if len(indicators) == 0 {
		b.errorf(b.head, 0, ErrMissing, i18n.T("表头下面没有任何指标行", "no indicator rows below the header"))
	}
	if len(b.errs) > 0 {
		return nil
	}
	b.root["indicator"] = indicators
	if b.model != nil {
		b.root = b.withModel(b.root)
		b.placesOf(b.root)
	} else if !b.begunByCells() {
		withoutReview(b.root)
	}
	d := &decoder{s: b.s, cells: b.cells, base: Pos{File: g.file}, lim: b.lim}
	p := d.project(b.root)
	if len(d.errs) > 0 {
		b.errs = append(b.errs, d.errs...)
		return nil
	}
	p.cells = b.cells
	return p
}

// put reads the cell at (r, c) as field f's type says and stores it in t, recording the
// cell of the value. Blank is absent.
func (b *blockReader) put(t map[string]any, path string, f *Field, v string, r, c int) {
	key := join(path, f.Key)
	b.saw(key, r, c, v)
	switch f.Type {
	case Number:
		if n := b.number(r, c, key, f); n != nil {
			t[f.Key] = *n
		} else if f.Required && blank(b.g.cell(r, c)) { // not a cell already reported as no number
			b.errorf(r, c, ErrMissing, i18n.T("缺少%[1]s", "no %[2]s", f.Label.Zh, f.Label.En))
		}
	case Count:
		n, ok := num.ParseNumber(strings.TrimRight(v, "年个"))
		if ok && wholeCount(n) {
			t[f.Key] = n
			b.at(key, r, c)
		}
	case Written:
		if val := b.value(r, c, key); val.Set {
			t[f.Key] = val
		}
	case Prose:
		if v != "" {
			t[f.Key] = v
			b.at(key, r, c)
		}
	default:
		if v != "" && (f.Required || !blank(v)) {
			t[f.Key] = v
			b.at(key, r, c)
		}
	}
}

// funds reads the funds block above the table, in either layout: the Fujian ①–⑧ columns,
// or 年初预算数 / 全年预算数 / 全年执行数 (/ 分值 / 执行率 / 得分).
func (b *blockReader) funds() {
	g := b.g
	fujian := []string{"budget", "adjustment", "allocated", "balance", "received", "spent", "unspent", "unspent_rate"}
	central := []struct{ label, key string }{
		{"年初预算数", "budget"}, {"全年预算数", "full_year_budget"}, {"全年执行数", "spent"}, {"分值", "weight"}, {"得分", "reported"},
	}
	for r := b.top; r < b.head; r++ {
		markers := map[int]int{} // ①–⑧, as 0–7, by column
		found := map[string]int{}
		for c := range g.Rows[r] {
			l := label(g.cell(r, c))
			for i, m := range []rune("①②③④⑤⑥⑦⑧") {
				if _, seen := markers[i]; !seen && strings.ContainsRune(l, m) {
					markers[i] = c
				}
			}
			for _, x := range central {
				if _, seen := found[x.key]; !seen && strings.Contains(l, x.label) && !strings.Contains(l, "复核") {
					found[x.key] = c
				}
			}
		}
		var cols map[string]int
		row := -1
		switch {
		case len(markers) >= 6:
			if row = b.dataRow(r+1, b.head, "合计"); row >= 0 {
				cols = map[string]int{}
				for i, c := range markers {
					cols[fujian[i]] = c
				}
			}
		case found["budget"] > 0 || found["spent"] > 0:
			if _, ok := found["spent"]; ok {
				if row = b.dataRow(r+1, b.head, "年度资金总额"); row < 0 {
					row = r + 1
				}
				cols = found
			}
		}
		if cols == nil {
			continue
		}
		t := b.table("funds")
		for _, f := range b.s.fields(inFunds) {
			if c, ok := cols[f.Key]; ok {
				b.put(t, "funds", f, b.g.cell(row, c), row, c)
			}
		}
		if c, ok := cols["reported"]; ok {
			b.slot("funds.reported", row, c)
		}
		b.fundsReason(t, r, row)
		b.fundsReview(t, r, row)
		return
	}
}

// fundsReason reads why execution fell short, where the funds block states it: a column of
// its header row (head) labelled 偏差原因, 原因说明 or 未执行原因, in the row of its figures;
// else a row below the header, before the 总体目标 and the indicator table, whose label says so, the reason
// in the first cell right of it that is not blank (or the one beside it). The cell is the reason's place even when blank.
func (b *blockReader) fundsReason(funds map[string]any, head, row int) {
	f := b.s.field(inFunds, "reason")
	isReason := func(l string) bool {
		if strings.Contains(l, "复核") {
			return false
		}
		for _, part := range f.SheetPart {
			if strings.Contains(l, part) {
				return true
			}
		}
		return false
	}
	for c := range b.g.Rows[head] {
		if isReason(label(b.g.cell(head, c))) {
			b.put(funds, "funds", f, b.g.cell(row, c), row, c)
			b.slot("funds.reason", row, c)
			return
		}
	}
	for r := head + 1; r < b.head; r++ {
		for c := range b.g.Rows[r] {
			if strings.Contains(label(b.g.cell(r, c)), "目标") {
				return // the 总体目标 below the funds: a reason there is the targets'
			}
		}
		for c := range b.g.Rows[r] {
			if !isReason(label(b.g.cell(r, c))) {
				continue
			}
			k := b.beside(r, c)
			for j := k; j < len(b.g.Rows[r]); j++ { // the reason after blank cells
				if strings.TrimSpace(b.g.cell(r, j)) != "" {
					k = j
					break
				}
			}
			b.put(funds, "funds", f, b.g.cell(r, k), r, k)
			b.slot("funds.reason", r, k)
			return
		}
	}
}

// fundsReview reads the 复核 of the 预算执行率 line: the reviewer's columns of the funds
// block's header row (head), in the row of its figures.
func (b *blockReader) fundsReview(funds map[string]any, head, row int) {
	review := map[string]any{}
	for _, f := range b.s.fields(inFundsRev) {
		for c := range b.g.Rows[head] {
			if slices.Contains(f.Sheet, label(b.g.cell(head, c))) {
				b.put(review, inFundsRev, f, b.g.cell(row, c), row, c)
				break
			}
		}
	}
	if len(review) > 0 {
		funds["review"] = review
	}
}

// dataRow is the first row from r to end whose first non-empty cells include want, or -1.
func (b *blockReader) dataRow(r, end int, want string) int {
	for ; r < end; r++ {
		for c := range b.g.Rows[r] {
			if strings.Contains(label(b.g.cell(r, c)), want) {
				return r
			}
		}
	}
	return -1
}

// number reads a cell as a number: "19.81", "１９.８１", "217,418", "21.74万"; blank is nil.
func (b *blockReader) number(r, c int, path string, f *Field) *float64 {
	v := b.cellValue(r, c)
	if blank(v) {
		return nil
	}
	n, ok := num.ParseNumber(v)
	if !ok || math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) > MaxMagnitude {
		b.errorf(r, c, ErrType, i18n.T("%[1]s应为数字，单元格里是 %[3]q", "the %[2]s should be a number; the cell holds %[3]q", f.Label.Zh, f.Label.En, v))
		return nil
	}
	b.at(path, r, c)
	return &n
}

// cellValue is a cell as shown; a formula whose computed value was never saved is reported.
func (b *blockReader) cellValue(r, c int) string {
	v := b.g.cell(r, c)
	if v == "" {
		if formula := b.g.Formula(r, c); formula != "" {
			b.warnings = append(b.warnings, &Error{Pos: b.g.pos(r, c), Kind: ErrValue, Project: b.name, Indicator: b.indicatorName, Msg: i18n.T(
				"单元格是公式 =%s，但工作簿没有保存它的计算结果：按空白处理；请在 Excel 或 WPS 中打开并保存后再试",
				"the cell holds the formula =%s but the workbook kept no computed value: read as blank; open and save it in Excel or WPS, then try again", formula)})
		}
	}
	return v
}

// headings are the keys whose blank cell repeats the value above: a heading spans its rows.
var headings = []string{"level1", "level2"}

// indicators reads the indicator rows below the header, up to the 合计 row or the end.
func (b *blockReader) indicators() []any {
	g := b.g
	cols, _ := header(b.s, g, b.head)
	var tableCols []column
	for _, col := range b.s.columns() {
		if col.field != nil && col.field.In != inIndicator {
			tableCols = append(tableCols, col)
		}
	}
	b.tableEnd = b.end
	above := map[string]string{}
	var out []any
	for r := b.head + 1; r < b.end; r++ {
		first := ""
		for c := range g.Rows[r] {
			if v := label(g.cell(r, c)); v != "" {
				first = v
				break
			}
		}
		if strings.HasPrefix(first, "合计") || strings.HasPrefix(first, "总分") || strings.HasPrefix(first, "自评得分") ||
			strings.HasPrefix(first, "等次") || strings.HasPrefix(first, "等级") || strings.HasPrefix(first, "自评等") ||
			scoreLabel(first) || b.isLabel(first) {
			b.tableEnd = r
			return out
		}
		nameCol := cols["name"]
		name := g.cell(r, nameCol)
		if name == "" || label(name) == label(g.cell(b.head, nameCol)) {
			continue // a blank row, or the header repeated by a merge
		}
		if len(out) >= b.lim.MaxIndicators {
			b.errorf(r, nameCol, ErrLimit, i18n.T("指标超过 %d 个；请检查工作表，或用 --max-indicators 放宽上限",
				"more than %d indicators: check the sheet, or raise the limit with --max-indicators", b.lim.MaxIndicators))
			return out
		}
		path := fmt.Sprintf("indicator[%d]", len(out))
		b.indicatorName = name
		b.at(path, r, nameCol)
		ind := map[string]any{}
		for _, f := range b.s.fields(inIndicator) {
			c, ok := cols[f.Key]
			if !ok {
				continue
			}
			v := g.cell(r, c)
			inferred := false
			if slices.Contains(headings, f.Key) {
				if v == "" {
					v, inferred = above[f.Key], true
				}
				above[f.Key] = v
			}
			b.put(ind, path, f, v, r, c)
			if inferred {
				delete(b.seen, join(path, f.Key)) // the heading above it, not a cell of its own
			}
		}
		for _, key := range slots {
			if c, ok := cols[key]; ok {
				b.slot(path+"."+key, r, c)
			}
		}
		for _, col := range tableCols { // the keys of the indicator's tables: review.score…
			c, ok := cols[col.key]
			if !ok {
				continue
			}
			sub := col.key[:strings.IndexByte(col.key, '.')]
			t, _ := ind[sub].(map[string]any)
			if t == nil {
				t = map[string]any{}
			}
			b.put(t, join(path, sub), col.field, g.cell(r, c), r, c)
			if len(t) > 0 {
				ind[sub] = t
			}
		}
		if target, ok := ind["target"].(Value); ok {
			ind["target"] = b.withNature(target, g.cell(r, cols[""]), cols)
		}
		out = append(out, ind)
		b.indicatorName = ""
	}
	return out
}

// natures are the words a 指标性质 column writes for a direction, as the sign they mean.
var natures = map[string]string{"正向": "≥", "正向指标": "≥", "越大越好": "≥", "反向": "≤", "反向指标": "≤", "越小越好": "≤"}

// withNature joins the 指标性质 column's operator to a target written without one: the
// target is then written with it ("≤4000" for 4000 and 反向), so that every writer (import's
// TOML, JSON, the review workbook) keeps the direction the column gave.
func (b *blockReader) withNature(target Value, op string, cols map[string]int) Value {
	if _, ok := cols[""]; !ok || op == "" || !target.IsNum || target.Op != OpNone {
		return target
	}
	if sign, ok := natures[label(op)]; ok {
		op = sign
	}
	if withOp := ParseValue(op + target.Text); withOp.IsNum {
		return withOp
	}
	return target
}

// value reads a target, actual or prior cell as written.
func (b *blockReader) value(r, c int, path string) Value {
	v := b.cellValue(r, c)
	if blank(v) {
		return Value{}
	}
	b.at(path, r, c)
	val := ParseValue(v)
	if val.IsNum && math.Abs(val.Num) > MaxMagnitude {
		b.errorf(r, c, ErrValue, i18n.T("数值 %q 大得不合理（上限 10^15）", "the value %q is implausibly large (the limit is 10^15)", v))
		return Value{}
	}
	if n, ok := num.ParseNumber(v); ok && !val.Percent && val.Op == OpNone && val.Unit == "" {
		val = NumberValue(n)
		val.Text = v
	}
	return val
}

// totals reads 合计, 自评得分 and 等次 below the indicator rows, and the grade and score
// stated above the table ("自评等级：优" in the title rows).
func (b *blockReader) totals() {
	g := b.g
	cols, _ := header(b.s, g, b.head)
	t := b.table("reported")
	field := func(key string) *Field { return b.s.field(inReported, key) }
	// statement reads a label's value: after the label in its own cell, else right of it.
	statement := func(r, c int) (string, int) {
		if _, v, ok := labelled(label(g.cell(r, c))); ok && strings.TrimSpace(v) != "" {
			return valueIn(g.cell(r, c)), c
		}
		return b.valueRight(r, c)
	}
	grade := func(r, c int) {
		if v, k := statement(r, c); k >= 0 {
			if n, isNum := num.ParseNumber(v); isNum {
				t["score"] = n
				b.at("reported.score", r, k)
				b.saw("reported.score", r, k, v)
			} else if _, done := t["grade"]; !done {
				t["grade"] = v
				b.at("reported.grade", r, k)
				b.saw("reported.grade", r, k, v)
			}
		} else {
			b.slot("reported.grade", r, b.beside(r, c))
		}
	}
	defer func() { // a grade in the title rows, when none stands below the table
		for r := b.top; r < b.head; r++ {
			for c := range g.Rows[r] {
				if l := label(g.cell(r, c)); gradeLabel(l) {
					grade(r, c)
				}
			}
		}
	}()
	for r := b.tableEnd; r < b.end; r++ {
		for c := range g.Rows[r] {
			l := label(g.cell(r, c))
			if strings.Contains(l, "复核") {
				continue // the reviewer's figures (复核总分, 复核等次), not the submission's
			}
			switch {
			case strings.HasPrefix(l, "合计") || l == "总分":
				if sc, ok := cols["reported"]; ok {
					b.put(t, "reported", field("total"), g.cell(r, sc), r, sc)
					b.slot("reported.total", r, sc)
				}
			case gradeLabel(l):
				grade(r, c)
				continue // 自评得分 and 自评等级 may stand in one row
			case strings.HasPrefix(l, "设置绩效目标") || strings.HasPrefix(l, "实际完成"):
				if v, k := statement(r, c); k >= 0 {
					key := "targets_met"
					if strings.HasPrefix(l, "设置") {
						key = "targets_set"
					}
					b.put(t, "reported", field(key), v, r, k)
				}
				continue // both may stand in one row
			case scoreLabel(l):
				if v, k := statement(r, c); k >= 0 {
					if n, isNum := num.ParseNumber(v); isNum {
						t["score"] = n
						b.at("reported.score", r, k)
						b.saw("reported.score", r, k, v)
					}
				} else {
					b.slot("reported.score", r, b.beside(r, c))
				}
				continue
			default:
				continue
			}
			break
		}
	}
}

// gradeLabel reports whether a cell states the grade: 等次, 自评等级, "自评等级:优".
func gradeLabel(l string) bool {
	name, _, _ := labelled(l)
	return strings.Contains(name, "等次") || strings.Contains(name, "等级")
}

// scoreLabel reports whether a cell states the total self-assessed score.
func scoreLabel(l string) bool {
	name, _, _ := labelled(l)
	return name == "自评得分" || name == "自评总分" || name == "综合得分"
}

// labelled splits a label cell that carries its value after a colon ("自评等级:优", as
// label() writes "自评等级：优"); for a cell without one, name is the whole cell.
func labelled(l string) (name, value string, ok bool) {
	if i := strings.IndexByte(l, ':'); i > 0 {
		return l[:i], l[i+1:], true
	}
	return l, "", false
}

// valueIn is the value after the label in a cell, as written: "优" of "自评等级：优".
func valueIn(cell string) string {
	cell = strings.TrimSpace(cell)
	if i := strings.IndexAny(cell, ":："); i >= 0 {
		_, size := utf8.DecodeRuneInString(cell[i:])
		return strings.TrimSpace(cell[i+size:])
	}
	return cell
}

// titleYear reads the year from the table's title when no 年度 cell gives it:
// "项目支出绩效自评表（2023年度）", "2023年度项目支出绩效自评表".
func (b *blockReader) titleYear(project map[string]any) {
	for r := b.top; r < b.head; r++ {
		for c := range b.g.Rows[r] {
			l := label(b.g.cell(r, c))
			i := strings.Index(l, "年度")
			if i < 4 {
				continue
			}
			y, rest := l[i-4:i], l[:i-4]
			if n, ok := num.ParseNumber(y); ok && wholeCount(n) && n >= 1990 && n <= 2100 && (rest == "" || !isDigitByte(rest[len(rest)-1])) {
				project["year"] = n
				b.at("project.year", r, c)
				return
			}
		}
	}
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

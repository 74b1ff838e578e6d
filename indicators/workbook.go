package indicators

import (
	"fmt"
	"math"
	"strings"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/sheets"
)

// LoadWorkbook reads every 项目支出绩效自评表 in an .xlsx workbook, the way a person finds
// them: by the labels of the header row (一级指标 … 三级指标, 指标值, 实际完成值, 分值, 得分,
// 评分标准 and their variants), not by fixed cells. Merged cells count for every cell they
// cover. A workbook may hold several projects, one per sheet or stacked in one sheet. Sheets
// that hold no table are passed over with a warning; a workbook with none at all is an error.
func LoadWorkbook(path string, lim Limits) ([]*Project, error) {
	lim = lim.withDefaults()
	if err := checkSize(path, lim); err != nil {
		return nil, ErrorList{err}
	}
	f, err := sheets.Open(path)
	if err != nil {
		return nil, ErrorList{{Pos: Pos{File: path}, Kind: ErrSyntax, Msg: i18n.T(
			"无法作为 Excel 工作簿（.xlsx）打开：%v。旧版 .xls 文件请先另存为 .xlsx",
			"cannot open as an Excel workbook (.xlsx): %v. Save an old .xls file as .xlsx first", err)}}
	}
	defer f.Close()
	var projects []*Project
	var errs, warnings ErrorList
	for _, sheet := range f.Sheets() {
		ps, sheetErrs, sheetWarn := readSheet(f, path, sheet, lim)
		projects = append(projects, ps...)
		errs = append(errs, sheetErrs...)
		warnings = append(warnings, sheetWarn...)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	if len(projects) == 0 {
		return nil, ErrorList{{Pos: Pos{File: path}, Kind: ErrMissing, Msg: i18n.T(
			"工作簿中没有找到自评表：没有一个工作表含有“三级指标”“分值”“得分”这样的表头行",
			"no self-evaluation table in this workbook: no sheet has a header row with 三级指标, 分值 (weight) and 得分 (score)")}}
	}
	// Warnings about the workbook as a whole are told once, with its first project.
	projects[0].Warnings = append(warnings, projects[0].Warnings...)
	return projects, nil
}

// grid is one sheet's cells as shown, merged cells filled in, with the file it is in.
type grid struct {
	*sheets.Grid
	file, sheet string
	rows        [][]string
}

func (g *grid) cell(r, c int) string { return strings.TrimSpace(g.Cell(r, c)) }

func (g *grid) pos(r, c int) Pos { return Pos{File: g.file, Sheet: g.sheet, Line: r + 1, Col: c + 1} }

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

// The columns of an indicator table and the header labels that name them, exact forms
// first. A column is claimed by the first field whose label it matches.
var columns = []struct {
	field  string
	exact  []string
	within []string
}{
	{"level1", []string{"一级指标"}, nil},
	{"level2", []string{"二级指标"}, nil},
	{"name", []string{"三级指标", "三级指标名称", "指标名称"}, []string{"三级指标"}},
	{"nature", []string{"指标性质", "指标方向"}, nil},
	{"target", []string{"指标值", "年度指标值", "年初目标值", "绩效目标值", "目标值", "年度目标值", "预期指标值"}, []string{"指标值", "目标值"}},
	{"unit", []string{"度量单位", "计量单位", "单位"}, nil},
	{"actual", []string{"实际完成值", "全年实际值", "实际值", "完成值", "年度实际完成值"}, []string{"实际完成", "实际值"}},
	{"prior", []string{"上年度数值", "上年实际值", "上年值"}, nil},
	{"weight", []string{"分值", "权重", "指标分值", "指标权重"}, []string{"分值", "权重"}},
	{"score", []string{"得分", "自评得分", "指标得分"}, nil},
	{"criterion", []string{"评分标准", "评(扣)分标准", "评(扣)分依据", "评分规则", "计分方法", "评分方法"}, []string{"评分标准", "扣分标准", "评分规则"}},
	{"reason", []string{"偏差原因", "未完成原因", "偏差原因分析及改进措施", "偏差原因及改进措施", "原因分析"}, []string{"偏差原因", "未完成原因"}},
}

// header finds a row's indicator columns; ok when it has a name, a weight and a score column.
func header(g *grid, r int) (map[string]int, bool) {
	cols := map[string]int{}
	taken := map[int]bool{}
	row := g.rows[r]
	for pass := 0; pass < 2; pass++ {
		for _, col := range columns {
			if _, done := cols[col.field]; done {
				continue
			}
			for c := range row {
				if taken[c] {
					continue
				}
				l := label(row[c])
				hit := false
				if pass == 0 {
					for _, e := range col.exact {
						hit = hit || l == e
					}
				} else {
					for _, w := range col.within {
						hit = hit || strings.Contains(l, w) && !strings.Contains(l, "复核")
					}
				}
				if hit {
					cols[col.field] = c
					taken[c] = true
					break
				}
			}
		}
	}
	_, name := cols["name"]
	_, weight := cols["weight"]
	_, score := cols["score"]
	return cols, name && weight && score
}

// readSheet reads the projects of one sheet.
func readSheet(f *sheets.Book, file, sheet string, lim Limits) ([]*Project, ErrorList, ErrorList) {
	sg, err := f.Grid(sheet)
	if err != nil {
		return nil, ErrorList{{Pos: Pos{File: file, Sheet: sheet}, Kind: ErrSyntax, Msg: i18n.T("无法读取工作表：%v", "cannot read the sheet: %v", err)}}, nil
	}
	g := &grid{Grid: sg, file: file, sheet: sheet, rows: sg.Rows}
	var headers []int
	for r := range g.rows {
		if _, ok := header(g, r); ok {
			headers = append(headers, r)
		}
	}
	if len(headers) == 0 {
		return nil, nil, ErrorList{{Pos: Pos{File: file, Sheet: sheet}, Kind: ErrMissing, Msg: i18n.T(
			"工作表“%s”不是自评表（没有含“三级指标”“分值”“得分”的表头行），已跳过", "sheet %q is not a self-evaluation table (no header row with 三级指标, 分值 and 得分): skipped", sheet)}}
	}
	var projects []*Project
	var errs, warnings ErrorList
	start := 0
	for k, h := range headers {
		end := len(g.rows)
		if k+1 < len(headers) {
			end = headers[k+1]
		}
		b := &blockReader{g: g, lim: lim, top: start, head: h, end: end}
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
type blockReader struct {
	g              *grid
	lim            Limits
	top, head, end int
	tableEnd       int // the first row after the indicator rows
	p              *Project
	errs, warnings ErrorList
	indicatorName  string
}

func (b *blockReader) errorf(r, c int, kind ErrorKind, msg i18n.Text) {
	b.errs = append(b.errs, &Error{Pos: b.g.pos(r, c), Kind: kind, Project: b.p.Name, Indicator: b.indicatorName, Msg: msg})
}

func (b *blockReader) at(path string, r, c int) { b.p.cells[path] = b.g.pos(r, c) }

// valueRight is the first non-empty cell right of (r, c) that is not another label, with
// its column.
func (b *blockReader) valueRight(r, c int) (string, int) {
	row := b.g.rows[r]
	for k := c + 1; k < len(row); k++ {
		v := b.g.cell(r, k)
		if v == "" || v == b.g.cell(r, c) {
			continue // a merged label repeats itself
		}
		if isLabel(v) {
			return "", -1
		}
		return v, k
	}
	return "", -1
}

var preambleLabels = []string{"专项名称", "项目名称", "单位名称", "主管部门", "实施单位", "单位编码", "部门预算功能科目", "功能科目", "预算功能科目", "年度"}

func isLabel(v string) bool {
	l := label(v)
	for _, p := range preambleLabels {
		if l == p {
			return true
		}
	}
	return false
}

func (b *blockReader) read() *Project {
	g := b.g
	p := &Project{File: g.file, cells: map[string]Pos{}, Scoring: Scoring{FullMarks: DefaultFullMarks, Decimals: DefaultDecimals,
		Method: DefaultMethod, Grades: DefaultGrades()}}
	b.p = p
	b.at("", b.head, 0)
	// The project's facts above the table.
	for r := b.top; r < b.head; r++ {
		for c := range g.rows[r] {
			l := label(g.cell(r, c))
			switch l {
			case "专项名称", "项目名称":
				if v, k := b.valueRight(r, c); k >= 0 && p.Name == "" {
					p.Name = v
					b.at("project.name", r, k)
				}
			case "单位名称", "实施单位", "主管部门":
				if v, k := b.valueRight(r, c); k >= 0 && p.Agency == "" {
					p.Agency = v
				}
			case "单位编码":
				if v, k := b.valueRight(r, c); k >= 0 {
					p.AgencyCode = v
				}
			case "部门预算功能科目", "功能科目", "预算功能科目":
				if v, k := b.valueRight(r, c); k >= 0 {
					p.FunctionCode = v
				}
			case "年度":
				if v, k := b.valueRight(r, c); k >= 0 {
					if y, ok := num.ParseNumber(strings.TrimSuffix(v, "年")); ok && y == math.Trunc(y) && y > 1900 && y < 3000 {
						p.Year = int(y)
					}
				}
			}
		}
	}
	if p.Name == "" {
		p.Name = g.sheet
		b.warnings = append(b.warnings, &Error{Pos: g.pos(b.head, 0), Kind: ErrMissing, Project: p.Name, Msg: i18n.T(
			"表头上方没有找到专项名称（项目名称），以工作表名“%s”作为项目名称", "no 专项名称 (project name) above the table: the sheet's name %q is used", g.sheet)})
	}
	b.funds()
	b.indicators()
	b.totals()
	if len(p.Indicators) == 0 {
		b.errorf(b.head, 0, ErrMissing, i18n.T("表头下面没有任何指标行", "no indicator rows below the header"))
	}
	if len(b.errs) > 0 {
		return nil
	}
	return p
}

// funds reads the funds block above the table, in either layout: the Fujian ①–⑧ columns,
// or 年初预算数 / 全年预算数 / 全年执行数 (/ 分值 / 执行率 / 得分).
func (b *blockReader) funds() {
	g := b.g
	for r := b.top; r < b.head; r++ {
		markers := map[rune]int{}
		central := map[string]int{}
		for c := range g.rows[r] {
			l := label(g.cell(r, c))
			for _, m := range "①②③④⑤⑥⑦⑧" {
				if strings.ContainsRune(l, m) {
					if _, seen := markers[m]; !seen {
						markers[m] = c
					}
				}
			}
			for _, key := range []string{"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"} {
				if strings.Contains(l, key) {
					if _, seen := central[key]; !seen {
						central[key] = c
					}
				}
			}
		}
		switch {
		case len(markers) >= 6:
			if row := b.dataRow(r+1, b.head, "合计"); row >= 0 {
				f := &Funds{Unit: "万元"}
				dst := map[rune]**float64{'①': &f.Budget, '②': &f.Adjustment, '③': &f.Allocated, '④': &f.Balance,
					'⑤': &f.Received, '⑥': &f.Spent, '⑦': &f.Unspent, '⑧': &f.UnspentRate}
				keys := map[rune]string{'①': "budget", '②': "adjustment", '③': "allocated", '④': "balance",
					'⑤': "received", '⑥': "spent", '⑦': "unspent", '⑧': "unspent_rate"}
				for m, c := range markers {
					*dst[m] = b.number(row, c, "funds."+keys[m], i18n.T("资金", "funds"))
				}
				b.p.Funds = f
				return
			}
		case central["年初预算数"] > 0 || central["全年执行数"] > 0:
			if _, ok := central["全年执行数"]; !ok {
				continue
			}
			row := b.dataRow(r+1, b.head, "年度资金总额")
			if row < 0 {
				row = r + 1
			}
			f := &Funds{Unit: "万元"}
			if c, ok := central["年初预算数"]; ok {
				f.Budget = b.number(row, c, "funds.budget", i18n.T("年初预算数", "budget"))
			}
			if c, ok := central["全年预算数"]; ok {
				f.FullYearBudget = b.number(row, c, "funds.full_year_budget", i18n.T("全年预算数", "full-year budget"))
			}
			f.Spent = b.number(row, central["全年执行数"], "funds.spent", i18n.T("全年执行数", "spent"))
			if c, ok := central["分值"]; ok {
				if w := b.number(row, c, "funds.weight", i18n.T("预算执行率分值", "execution weight")); w != nil {
					f.Weight = *w
				}
			}
			if c, ok := central["得分"]; ok {
				f.Reported = b.number(row, c, "funds.reported", i18n.T("预算执行率得分", "execution score"))
			}
			b.p.Funds = f
			return
		}
	}
}

// dataRow is the first row from r to end whose first non-empty cells include want, or -1.
func (b *blockReader) dataRow(r, end int, want string) int {
	for ; r < end; r++ {
		for c := range b.g.rows[r] {
			if strings.Contains(label(b.g.cell(r, c)), want) {
				return r
			}
		}
	}
	return -1
}

// number reads a cell as a number: "19.81", "１９.８１", "217,418", "21.74万"; blank is nil.
func (b *blockReader) number(r, c int, path string, what i18n.Text) *float64 {
	v := b.cellValue(r, c, path)
	if blank(v) {
		return nil
	}
	n, ok := num.ParseNumber(v)
	if !ok || math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) > MaxMagnitude {
		b.errorf(r, c, ErrType, i18n.T("%s应为数字，单元格里是 %q", "%s should be a number; the cell holds %q", what, v))
		return nil
	}
	b.at(path, r, c)
	return &n
}

// cellValue is a cell as shown; a formula whose computed value was never saved is reported.
func (b *blockReader) cellValue(r, c int, path string) string {
	v := b.g.cell(r, c)
	if v == "" {
		if formula := b.g.Formula(r, c); formula != "" {
			b.warnings = append(b.warnings, &Error{Pos: b.g.pos(r, c), Kind: ErrValue, Project: b.p.Name, Indicator: b.indicatorName, Msg: i18n.T(
				"单元格是公式 =%s，但工作簿没有保存它的计算结果：按空白处理；请在 Excel 或 WPS 中打开并保存后再试",
				"the cell holds the formula =%s but the workbook kept no computed value: read as blank; open and save it in Excel or WPS, then try again", formula)})
		}
	}
	return v
}

// indicators reads the indicator rows below the header, up to the 合计 row or the end.
func (b *blockReader) indicators() {
	g := b.g
	cols, _ := header(g, b.head)
	b.tableEnd = b.end
	var level1, level2 string
	for r := b.head + 1; r < b.end; r++ {
		first := ""
		for c := range g.rows[r] {
			if v := label(g.cell(r, c)); v != "" {
				first = v
				break
			}
		}
		if strings.HasPrefix(first, "合计") || strings.HasPrefix(first, "总分") || strings.HasPrefix(first, "自评得分") ||
			strings.HasPrefix(first, "等次") || isLabel(first) {
			b.tableEnd = r
			return
		}
		get := func(field string) (string, int) {
			c, ok := cols[field]
			if !ok {
				return "", -1
			}
			return g.cell(r, c), c
		}
		name, nameCol := get("name")
		if name == "" || label(name) == label(g.cell(b.head, nameCol)) {
			continue // a blank row, or the header repeated by a merge
		}
		if len(b.p.Indicators) >= b.lim.MaxIndicators {
			b.errorf(r, nameCol, ErrLimit, i18n.T("指标超过 %d 个；请检查工作表，或用 --max-indicators 放宽上限",
				"more than %d indicators: check the sheet, or raise the limit with --max-indicators", b.lim.MaxIndicators))
			return
		}
		i := len(b.p.Indicators)
		path := fmt.Sprintf("indicator[%d]", i)
		b.indicatorName = name
		ind := &Indicator{Index: i, Name: name, Applicable: true, Pos: g.pos(r, nameCol)}
		b.at(path, r, nameCol)
		if v, _ := get("level1"); v != "" {
			level1 = v
		}
		if v, _ := get("level2"); v != "" {
			level2 = v
		}
		ind.Level1, ind.Level2 = level1, level2
		if v, c := get("target"); c >= 0 {
			ind.Target = b.value(r, c, path+".target")
			if op, _ := get("nature"); op != "" && ind.Target.IsNum && ind.Target.Op == OpNone {
				if withOp := ParseValue(op + ind.Target.Text); withOp.IsNum {
					withOp.Text = v
					ind.Target = withOp
				}
			}
		}
		if v, _ := get("unit"); v != "" {
			ind.Unit = v
		}
		if _, c := get("actual"); c >= 0 {
			ind.Actual = b.value(r, c, path+".actual")
		}
		if _, c := get("prior"); c >= 0 {
			ind.Prior = b.value(r, c, path+".prior")
		}
		if _, c := get("weight"); c >= 0 {
			if w := b.number(r, c, path+".weight", i18n.T("分值", "the weight")); w != nil {
				ind.Weight = *w
			} else {
				b.errorf(r, c, ErrMissing, i18n.T("缺少分值", "no weight"))
			}
		}
		if _, c := get("score"); c >= 0 {
			ind.Reported = b.number(r, c, path+".reported", i18n.T("得分", "the score"))
		}
		if v, c := get("criterion"); c >= 0 && v != "" {
			ind.Criterion = v
			ind.CriterionSource = Expr{Text: v, Pos: g.pos(r, c)}
			b.at(path+".criterion", r, c)
		}
		if v, _ := get("reason"); v != "" && !blank(v) {
			ind.Reason = v
		}
		ind.Direction = ind.Target.Op.Direction()
		b.p.Indicators = append(b.p.Indicators, ind)
		b.indicatorName = ""
	}
}

// value reads a target, actual or prior cell as written.
func (b *blockReader) value(r, c int, path string) Value {
	v := b.cellValue(r, c, path)
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

// totals reads 合计, 自评得分 and 等次 below the indicator rows.
func (b *blockReader) totals() {
	g := b.g
	cols, _ := header(g, b.head)
	for r := b.tableEnd; r < b.end; r++ {
		for c := range g.rows[r] {
			l := label(g.cell(r, c))
			switch {
			case strings.HasPrefix(l, "合计") || l == "总分":
				if sc, ok := cols["score"]; ok {
					b.p.Reported.Total = b.number(r, sc, "reported.total", i18n.T("合计得分", "the total"))
				}
			case strings.Contains(l, "等次") || strings.Contains(l, "等级"):
				if v, k := b.valueRight(r, c); k >= 0 {
					if n, isNum := num.ParseNumber(v); isNum {
						b.p.Reported.Score = &n
						b.at("reported.score", r, k)
					} else {
						b.p.Reported.Grade = v
						b.at("reported.grade", r, k)
					}
				}
			case strings.HasPrefix(l, "设置绩效目标") || strings.HasPrefix(l, "实际完成"):
				if v, k := b.valueRight(r, c); k >= 0 {
					if n, isNum := num.ParseNumber(strings.TrimSuffix(v, "个")); isNum && n >= 0 && n == math.Trunc(n) {
						count := int(n)
						if strings.HasPrefix(l, "设置") {
							b.p.Reported.TargetsSet = &count
							b.at("reported.targets_set", r, k)
						} else {
							b.p.Reported.TargetsMet = &count
							b.at("reported.targets_met", r, k)
						}
					}
				}
				continue // both may stand in one row
			case l == "自评得分" || l == "自评总分" || l == "综合得分":
				if v, k := b.valueRight(r, c); k >= 0 {
					if n, isNum := num.ParseNumber(v); isNum {
						b.p.Reported.Score = &n
						b.at("reported.score", r, k)
					}
				}
			default:
				continue
			}
			break
		}
	}
}

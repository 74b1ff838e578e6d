package published

import (
	"regexp"
	"strconv"
	"strings"

	"jixiao/layout"
)

// selfEval is a 项目支出绩效自评表 as read from its rows, before it meets its report.
type selfEval struct {
	title                                               field
	year                                                int // the year its title names ("2023年度项目支出绩效自评表"); 0 if none
	name, agency, implementer, agencyCode, functionCode field
	funds                                               map[string]field // budget, adjustment… as in jixiao's [funds]
	rows                                                []*evalRow
	totalScore                                          field // the 合计 row's score cell
	grade                                               field
	notes                                               []Finding
}

// evalRow is one indicator row of a self-evaluation table.
type evalRow struct {
	pos                                         field // the row: its line, and its name's cell
	level1, level2, name, expl, crit            field
	target, actual, weight, score, reason, unit field
	missing                                     []string // labels of the cells the row lacks
}

// selfEvalColumns are the indicator header's labels and their variants, by role.
var selfEvalColumns = map[string]string{
	"一级指标": "level1", "二级指标": "level2", "三级指标": "name",
	"指标解释": "expl", "指标说明": "expl",
	"评分标准": "crit", "评(扣)分标准": "crit", "评扣分标准": "crit", "计分标准": "crit",
	"绩效目标值": "target", "年度指标值": "target", "指标值": "target", "年初目标值": "target", "目标值": "target",
	"度量单位": "unit", "计量单位": "unit",
	"实际完成值": "actual", "全年实际值": "actual", "实际值": "actual",
	"指标分值": "weight", "分值": "weight", "权重": "weight",
	"得分": "score", "自评得分": "score",
	"偏差原因": "reason", "未完成原因": "reason", "偏差原因分析及改进措施": "reason",
}

// gradeLabels are the first cells of the row below the indicators that states the grade (and
// perhaps the score): "自评等级 | 优".
var gradeLabels = map[string]bool{
	"自评得分等次": true, "等次": true, "自评等次": true, "评价等次": true, "自评得分": true,
	"等级": true, "自评等级": true, "评价等级": true, "绩效等级": true,
}

// roleLabels name the cells a row may lack, for findings.
var roleLabels = map[string]string{
	"target": "绩效目标值", "actual": "实际完成值", "weight": "指标分值", "score": "得分",
}

// headerFields are the labels of the table's head block and the field each names.
var headerFields = map[string]string{
	"专项名称": "name", "项目名称": "name",
	"部门预算功能科目": "function_code", "功能科目": "function_code", "预算科目": "function_code",
	"单位名称": "agency", "主管部门": "agency", "预算单位": "agency",
	"实施单位": "implementer", // kept apart from the 主管部门, as the workbook reader keeps it
	"单位编码": "agency_code", "预算单位编码": "agency_code",
}

// fundsCircled maps the ①–⑧ of the Fujian funds header to jixiao's [funds] keys.
var fundsCircled = map[rune]string{
	'①': "budget", '②': "adjustment", '③': "allocated", '④': "balance",
	'⑤': "received", '⑥': "spent", '⑦': "unspent", '⑧': "unspent_rate",
}

// fundsCentral maps the central layout's funds header to jixiao's [funds] keys.
var fundsCentral = map[string]string{
	"年初预算数": "budget", "全年预算数": "full_year_budget", "全年执行数": "spent",
	"分值": "weight", "得分": "reported",
}

// level1Names are the 一级指标 of the national framework: a cell holding one of them in the
// 二级指标 column is a merged 一级指标 cell that extraction moved.
var level1Names = map[string]bool{"产出指标": true, "效益指标": true, "满意度指标": true}

// explanationRe recognises a 指标解释 cell: "1 指标出处:… 2 具体内容:… 3 上年度数值:…".
var explanationRe = regexp.MustCompile(`指标出处|具体内容|上年度数|计算方法`)

// readSelfEval reads a self-evaluation table's rows: the head block (专项名称, 单位, 编码,
// 功能科目), the funds block, the indicator rows under their header, 合计 and the grade. A
// row that fits none of these is a finding; a row that lacks cells is kept, with a finding.
func readSelfEval(r *region) *selfEval {
	se := &selfEval{title: field{text: strings.TrimSpace(r.title.Cell(0)), pos: r.title.Pos}, funds: map[string]field{}}
	if m := selfEvalRe.FindStringSubmatch(key(se.title.text)); m != nil {
		se.year, _ = strconv.Atoi(m[1] + m[2]) // one of them at most
	}
	var cols map[string]int      // the indicator header: role → column
	var fundsCols map[int]string // the funds header: column → [funds] key
	fundsTotal := ""             // the label of the funds row that holds the totals
	goalNext, ended := false, false
	var level1, level2 string
	for _, l := range r.lines {
		first := firstText(l)
		switch {
		case !l.IsRow() || ended:
			se.unread(l) // after the grade row the table has ended: whatever follows is not read
		case cols == nil && goalNext:
			goalNext = false // the goals' text: not scored
		case cols == nil && hasCell(l, "预期目标", "年度总体目标完成情况", "年度总体目标"):
			goalNext = true
		case cols == nil && hasHeader(l):
			cols = indicatorColumns(l)
		case cols == nil && se.headFields(l):
		case cols == nil && fundsHeader(l) != nil:
			fundsCols = fundsHeader(l)
			fundsTotal = "合计"
			if hasCell(l, "年初预算数") {
				fundsTotal = "年度资金总额"
			}
		case cols == nil && fundsCols != nil && fundsRow(l):
			if len(se.funds) == 0 && hasCell(l, fundsTotal) {
				for i, k := range fundsCols {
					if f := cellField(l, i); f.set() {
						se.funds[k] = f
					}
				}
			}
		case cols == nil && hasCell(l, "财政资金安排和使用情况", "资金结构(万元)", "年度资金总额"):
		case cols != nil && (first == "合计" || first == "总分"):
			se.totals(l, cols)
		case cols != nil && gradeLabels[first]:
			ended = true
			for _, c := range l.Cells[1:] {
				if t := strings.TrimSpace(c.Text); t != "" {
					if _, isNum := parseAmount(t); isNum {
						se.totalScore = field{text: t, pos: c.Pos}
					} else if !se.grade.set() {
						se.grade = field{text: t, pos: c.Pos}
					}
				}
			}
		case cols != nil:
			row := indicatorRow(l, cols)
			if row == nil {
				se.unread(l)
				continue
			}
			// Merged heading cells are printed once: a blank one continues the row above.
			switch {
			case row.level1.set() && squash(row.level1.text) != level1:
				level1, level2 = squash(row.level1.text), ""
			case !row.level1.set():
				row.level1.text = level1
			}
			if row.level2.set() {
				level2 = squash(row.level2.text)
			} else {
				row.level2.text = level2
			}
			row.level1.text = squash(row.level1.text)
			row.level2.text = squash(row.level2.text)
			se.rows = append(se.rows, row)
			if len(row.missing) > 0 {
				f := newFinding(CodeCellsMissing)
				f.Pos, f.Subject, f.Item, f.Names = l.Pos, se.title.text, row.name.text, row.missing
				se.notes = append(se.notes, f)
			}
		default:
			se.unread(l)
		}
	}
	return se
}

func (se *selfEval) unread(l layout.Line) {
	f := newFinding(CodeRowUnread)
	f.Pos, f.Subject, f.Names = l.Pos, se.title.text, []string{strings.TrimSpace(l.Text())}
	se.notes = append(se.notes, f)
}

// headFields reads 专项名称 … 单位编码: each label's value is the next non-blank cell.
func (se *selfEval) headFields(l layout.Line) bool {
	found := false
	for i := 0; i < len(l.Cells); i++ {
		name, ok := headerFields[key(l.Cells[i].Text)]
		if !ok {
			continue
		}
		found = true
		for j := i + 1; j < len(l.Cells); j++ {
			t := strings.TrimSpace(l.Cells[j].Text)
			if t == "" {
				continue
			}
			if _, isLabel := headerFields[key(t)]; isLabel {
				break
			}
			f := field{text: t, pos: l.Cells[j].Pos}
			switch name {
			case "name":
				se.name = f
			case "function_code":
				se.functionCode = f
			case "agency":
				se.agency = f
			case "implementer":
				se.implementer = f
			case "agency_code":
				se.agencyCode = f
			}
			i = j
			break
		}
	}
	return found
}

// totals reads the 合计 row's score (the weights' total beside it is full marks).
func (se *selfEval) totals(l layout.Line, cols map[string]int) {
	var nums []int
	for i, c := range l.Cells {
		if _, ok := parseAmount(c.Text); ok {
			nums = append(nums, i)
		}
	}
	for _, i := range nums {
		switch {
		case i == cols["score"]:
			se.totalScore = cellField(l, i)
		case i == cols["weight"]:
			// the weights' total: full marks, which the engine checks against the weights
		case len(nums) == 1:
			se.totalScore = cellField(l, i) // one number, not under a known column: the total score
		}
	}
}

// hasHeader recognises the indicator header: 三级指标 and 得分 (or 分值) among its cells.
func hasHeader(l layout.Line) bool {
	return hasCell(l, "三级指标") && (hasCell(l, "得分", "自评得分") || hasCell(l, "指标分值", "分值"))
}

func indicatorColumns(l layout.Line) map[string]int {
	cols := map[string]int{}
	for i, c := range l.Cells {
		if role, ok := selfEvalColumns[key(c.Text)]; ok {
			if _, dup := cols[role]; !dup {
				cols[role] = i
			}
		}
	}
	return cols
}

// fundsHeader recognises the funds header, Fujian (①…⑧) or central (年初预算数 …), and
// returns the column of each [funds] key.
func fundsHeader(l layout.Line) map[int]string {
	cols := map[int]string{}
	for i, c := range l.Cells {
		for _, r := range c.Text {
			if k, ok := fundsCircled[r]; ok {
				cols[i] = k
				break
			}
		}
	}
	if len(cols) >= 3 {
		return cols
	}
	cols = map[int]string{}
	for i, c := range l.Cells {
		if k, ok := fundsCentral[key(c.Text)]; ok {
			cols[i] = k
		}
	}
	if len(cols) >= 2 && hasCell(l, "年初预算数", "全年预算数") {
		return cols
	}
	return nil
}

// fundsRow recognises a row of the funds block: a label (合计, 财政资金小计, ①中央财政资金,
// 1.) followed by amounts.
func fundsRow(l layout.Line) bool {
	amounts := 0
	for _, c := range l.Cells {
		if _, ok := parseAmount(c.Text); ok {
			amounts++
		}
	}
	return amounts >= 2
}

// indicatorRow reads one indicator row under the header's columns. Extraction may shift a
// row's cells right when a merged heading cell spills into its neighbours; the 指标解释 cell,
// recognisable by its text, shows by how much. It returns nil for a row without a name.
func indicatorRow(l layout.Line, cols map[string]int) *evalRow {
	shift := 0
	if e, ok := cols["expl"]; ok {
		for i := range l.Cells {
			if explanationRe.MatchString(key(l.Cells[i].Text)) {
				shift = i - e
				break
			}
		}
	}
	at := func(role string) field {
		c, ok := cols[role]
		if !ok {
			return field{}
		}
		return cellField(l, c+shift)
	}
	r := &evalRow{pos: field{pos: l.Pos}}
	r.name = at("name")
	r.name.text = squash(r.name.text)
	if r.name.text == "" || explanationRe.MatchString(r.name.text) {
		return nil
	}
	r.pos.pos = r.name.pos
	r.expl, r.crit, r.unit, r.reason = at("expl"), at("crit"), at("unit"), at("reason")
	r.target, r.actual, r.weight, r.score = at("target"), at("actual"), at("weight"), at("score")
	for _, role := range []string{"target", "actual", "weight", "score"} {
		if _, ok := cols[role]; ok && !at(role).set() {
			r.missing = append(r.missing, roleLabels[role])
		}
	}
	l1, hasL1 := cols["level1"]
	l2, hasL2 := cols["level2"]
	if hasL1 {
		r.level1 = cellField(l, l1+shift)
	}
	if hasL2 {
		r.level2 = cellField(l, l2+shift)
		if t := squash(r.level2.text); level1Names[t] && !r.level1.set() {
			r.level1, r.level2 = r.level2, field{}
		}
	}
	return r
}

// firstText is a row's first non-blank cell, as compared.
func firstText(l layout.Line) string {
	for _, c := range l.Cells {
		if k := key(c.Text); k != "" {
			return k
		}
	}
	return ""
}

// hasCell reports whether a cell of the line reads as one of labels.
func hasCell(l layout.Line, labels ...string) bool {
	for _, c := range l.Cells {
		k := key(c.Text)
		for _, want := range labels {
			if k == want {
				return true
			}
		}
	}
	return false
}

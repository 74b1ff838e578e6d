package published

import (
	"math"
	"slices"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/num"
)

// term is one amount of a cross-table identity: a table's row (by any of its names) in a
// column ("" for the part's first amount column).
type term struct {
	table  int
	part   string
	rows   []string
	column string
}

// identities are the equalities the national template holds between its tables. A side may
// add several amounts. Tables, rows or columns a report lacks leave an identity unchecked.
var identities = []struct{ left, right []term }{
	{[]term{{1, "收入", []string{"本年收入合计"}, ""}}, []term{{2, "", []string{"合计"}, "本年收入合计"}}},
	{[]term{{1, "支出", []string{"本年支出合计"}, ""}}, []term{{3, "", []string{"合计"}, "本年支出合计"}}},
	{[]term{{1, "收入", []string{"一般公共预算财政拨款收入", "一般公共预算财政拨款"}, ""}},
		[]term{{4, "收入", []string{"一般公共预算财政拨款", "一般公共预算财政拨款收入"}, ""}}},
	{[]term{{1, "收入", []string{"政府性基金预算财政拨款收入", "政府性基金预算财政拨款"}, ""}},
		[]term{{4, "收入", []string{"政府性基金预算财政拨款", "政府性基金预算财政拨款收入"}, ""}}},
	{[]term{{1, "收入", []string{"国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款"}, ""}},
		[]term{{4, "收入", []string{"国有资本经营财政拨款", "国有资本经营预算财政拨款", "国有资本经营预算财政拨款收入"}, ""}}},
	{[]term{{2, "", []string{"合计"}, "财政拨款收入"}}, []term{
		{1, "收入", []string{"一般公共预算财政拨款收入", "一般公共预算财政拨款"}, ""},
		{1, "收入", []string{"政府性基金预算财政拨款收入", "政府性基金预算财政拨款"}, ""},
		{1, "收入", []string{"国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款"}, ""}}},
	{[]term{{2, "", []string{"合计"}, "上级补助收入"}}, []term{{1, "收入", []string{"上级补助收入"}, ""}}},
	{[]term{{2, "", []string{"合计"}, "事业收入"}}, []term{{1, "收入", []string{"事业收入"}, ""}}},
	{[]term{{2, "", []string{"合计"}, "经营收入"}}, []term{{1, "收入", []string{"经营收入"}, ""}}},
	{[]term{{2, "", []string{"合计"}, "附属单位上缴收入"}}, []term{{1, "收入", []string{"附属单位上缴收入"}, ""}}},
	{[]term{{2, "", []string{"合计"}, "其他收入"}}, []term{{1, "收入", []string{"其他收入"}, ""}}},
	{[]term{{4, "收入", []string{"本年收入合计"}, ""}}, []term{{2, "", []string{"合计"}, "财政拨款收入"}}},
	{[]term{{4, "支出", []string{"本年支出合计"}, "一般公共预算财政拨款"}}, []term{{5, "", []string{"合计"}, col05Total}}},
	{[]term{{4, "支出", []string{"本年支出合计"}, "政府性基金预算财政拨款"}}, []term{{8, "", []string{"合计"}, col08Spent}}},
	{[]term{{4, "支出", []string{"本年支出合计"}, "国有资本经营预算财政拨款"}}, []term{{9, "", []string{"合计"}, col09Spent}}},
	{[]term{{5, "", []string{"合计"}, "基本支出"}}, []term{
		{6, "人员经费", []string{"人员经费合计"}, ""}, {6, "公用经费", []string{"公用经费合计"}, ""}}},
	{[]term{{8, "", []string{"合计"}, "本年收入"}}, []term{{4, "收入", []string{"政府性基金预算财政拨款", "政府性基金预算财政拨款收入"}, ""}}},
}

// The total spending column of 05表, 08表 and 09表, as templates name it.
const (
	col05Total = "小计|本年支出/小计|合计|本年支出/合计"
	col08Spent = "本年支出/小计|本年支出/合计|本年支出"
	col09Spent = "合计|本年支出/合计|本年支出/小计|小计"
)

// found is a term located: its amount in 万元 and where it stands.
type found struct {
	value float64 // 万元
	raw   float64 // as printed, in its table's unit
	unit  string  // its table's unit
	pos   indicators.Pos
	desc  string
}

// locate finds a term's amount, in 万元.
func (c *acctChecker) locate(tm term) (found, bool) {
	t := c.byNumber[tm.table]
	if t == nil {
		return found{}, false
	}
	if t.NoData {
		return found{value: 0, unit: t.Unit, pos: t.Pos, desc: t.Name() + "（本表无数据）"}, true
	}
	p := t.Part(tm.part)
	if p == nil {
		return found{}, false
	}
	var r *Row
	for _, name := range tm.rows {
		if r = p.Row(name); r != nil {
			break
		}
	}
	if r == nil {
		return found{}, false
	}
	col := firstAmountColumn(p)
	if tm.column != "" {
		col = p.Column(tm.column)
	}
	v, ok := r.value(col)
	if !ok && t.BlankIsZero && col >= 0 && col < len(r.Amounts) && blankAmount(r.Amounts[col].Text) {
		v, ok = 0, true
	}
	if !ok {
		return found{}, false
	}
	desc := subjectOf(t, p) + " " + r.Name
	if tm.column != "" {
		desc += "（" + p.Columns[col].Name + "）"
	}
	return found{value: toWan(t, v), raw: v, unit: t.Unit, pos: r.amountPos(col), desc: desc}, true
}

// toWan converts an amount to 万元 from its table's unit.
func toWan(t *Table, v float64) float64 {
	switch t.Unit {
	case "元":
		return v / 10000
	case "千元":
		return v / 10
	case "亿元":
		return v * 10000
	}
	return v
}

func (c *acctChecker) side(terms []term) (sideSum, bool) {
	var out sideSum
	var vals, raws []float64
	var descs []string
	for i, tm := range terms {
		f, ok := c.locate(tm)
		if !ok {
			return out, false
		}
		if i == 0 {
			out.pos = f.pos
		}
		vals, raws = append(vals, f.value), append(raws, f.raw)
		descs = append(descs, f.desc)
		out.units = append(out.units, f.unit)
	}
	out.value, out.raw, out.desc = num.Sum(2, vals...), num.Sum(2, raws...), strings.Join(descs, " + ")
	return out, true
}

// sideSum is one side of an identity: its amount in 万元 and as printed, with the units of
// its tables.
type sideSum struct {
	value, raw float64
	units      []string
	pos        indicators.Pos
	desc       string
}

// cross checks the identities between tables. Where an identity fails once the amounts are
// converted by the units the tables state, yet holds on the figures as printed, a table's
// 单位 line is wrong: that is the finding.
func (c *acctChecker) cross() {
	for _, id := range identities {
		a, ok1 := c.side(id.left)
		b, ok2 := c.side(id.right)
		if !ok1 || !ok2 || c.within(a.value, b.value) {
			continue
		}
		units := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(a.units), b.units...))))
		if len(units) > 1 && math.Abs(a.raw) > c.tol && c.within(a.raw, b.raw) {
			f := newFinding(CodeUnitMismatch)
			f.Pos, f.Other = a.pos, b.pos
			f.Subject = c.byNumber[id.left[0].table].Name()
			if minority(a.units, b.units) {
				f.Subject = c.byNumber[id.right[0].table].Name()
				f.Pos, f.Other = b.pos, a.pos
			}
			f.Item = a.desc + " = " + b.desc
			f.Actual, f.Expected = a.raw, b.raw
			f.Names = units
			if !slices.ContainsFunc(c.out, func(o Finding) bool { return o.Code == CodeUnitMismatch && o.Subject == f.Subject }) {
				c.out = append(c.out, f) // once per table: its other identities fail for the same reason
			}
			continue
		}
		f := newFinding(CodeCrossMismatch)
		f.Pos, f.Other, f.Unit = a.pos, b.pos, "万元"
		f.Subject = c.byNumber[id.left[0].table].Name()
		f.Item = a.desc + " = " + b.desc
		f.Actual, f.Expected, f.Diff = a.value, b.value, num.Round(a.value-b.value, 2)
		c.out = append(c.out, f)
	}
}

// minority reports whether the right side's unit is the odd one out: the unit other tables
// use is taken as right (the left side is blamed unless its unit is the common one).
func minority(left, right []string) bool {
	return len(right) > 0 && len(left) > 0 && right[0] != left[0] && (left[0] == "万元" || left[0] == "")
}

// classCodes are the 类 of the functional classification of expenditure (政府收支分类科目),
// for the tables that print a class by name only (公开01表, 公开04表).
var classCodes = map[string]string{
	"一般公共服务支出": "201", "外交支出": "202", "国防支出": "203", "公共安全支出": "204", "教育支出": "205",
	"科学技术支出": "206", "文化旅游体育与传媒支出": "207", "社会保障和就业支出": "208", "卫生健康支出": "210",
	"节能环保支出": "211", "城乡社区支出": "212", "农林水支出": "213", "交通运输支出": "214",
	"资源勘探工业信息等支出": "215", "商业服务业等支出": "216", "金融支出": "217", "援助其他地区支出": "219",
	"自然资源海洋气象等支出": "220", "住房保障支出": "221", "粮油物资储备支出": "222", "国有资本经营预算支出": "223",
	"灾害防治及应急管理支出": "224", "预备费": "227", "其他支出": "229", "转移性支出": "230", "债务还本支出": "231",
	"债务付息支出": "232", "债务发行费用支出": "233", "抗疫特别国债安排的支出": "234",
}

// line is a subject line of a table as compared across tables.
type line struct {
	row   *Row
	value float64 // 万元
	pos   indicators.Pos
}

// view is one column of a table's subject lines, keyed by code (a class printed by name is
// keyed by its code, or by its name when the name is not in the classification).
type view struct {
	table *Table
	part  *Part
	lines map[string]line
	order []string
}

// classView is the 类 lines of a table in a column: the coded 3-digit lines, or the numbered
// lines of a part that prints classes by name (公开01表, 公开04表 expenditure).
func (c *acctChecker) classView(n int, part, column string, allLevels bool) *view {
	t := c.byNumber[n]
	if t == nil {
		return nil
	}
	if t.NoData {
		return &view{table: t, part: &Part{}, lines: map[string]line{}}
	}
	p := t.Part(part)
	if p == nil {
		return nil
	}
	col := firstAmountColumn(p)
	if column != "" {
		col = p.Column(column)
	}
	if col < 0 {
		return nil
	}
	v := &view{table: t, part: p, lines: map[string]line{}}
	for _, r := range p.Rows {
		k := ""
		switch {
		case r.Code != "" && (allLevels || len(r.Code) == 3):
			k = r.Code
		case r.Code == "" && r.Number != "" && !strings.HasPrefix(r.Number, "(") && !allLevels:
			k = classCodes[r.Name]
			if k == "" {
				k = "name:" + r.Name
			}
		}
		if k == "" {
			continue
		}
		val, ok := r.value(col)
		if !ok {
			continue
		}
		if _, dup := v.lines[k]; dup {
			continue
		}
		v.lines[k] = line{row: r, value: toWan(t, val), pos: r.amountPos(col)}
		v.order = append(v.order, k)
	}
	return v
}

// classLines checks the lines tables must share: the same classes with the same amounts
// (01表 and 03表; 04表's fund columns and 05表, 08表, 09表), and every line of 05表 and 08表
// among 03表's, none above it.
func (c *acctChecker) classLines() {
	for _, pair := range [][2]*view{
		{c.classView(1, "支出", "", false), c.classView(3, "", "本年支出合计", false)},
		{c.classView(4, "支出", "一般公共预算财政拨款", false), c.classView(5, "", col05Total, false)},
		{c.classView(4, "支出", "政府性基金预算财政拨款", false), c.classView(8, "", col08Spent, false)},
		{c.classView(4, "支出", "国有资本经营预算财政拨款", false), c.classView(9, "", col09Spent, false)},
	} {
		a, b := pair[0], pair[1]
		if a == nil || b == nil {
			continue
		}
		c.sameLines(a, b)
		c.missingLines(b, a)
	}
	all := c.classView(3, "", "本年支出合计", true)
	for _, sub := range []*view{c.classView(5, "", col05Total, true), c.classView(8, "", col08Spent, true)} {
		if sub == nil || all == nil {
			continue
		}
		for _, k := range sub.order {
			l := sub.lines[k]
			if math.Abs(l.value) <= c.tol {
				continue
			}
			whole, ok := all.lines[k]
			if !ok {
				c.out = append(c.out, c.lineMissing(sub, l, all))
				continue
			}
			if l.value > whole.value+c.tol {
				f := newFinding(CodeLineExceeds)
				f.Pos, f.Other, f.Subject, f.Item, f.Unit = l.pos, whole.pos, subjectOf(sub.table, sub.part), l.row.display(), "万元"
				f.Actual, f.Expected, f.Diff = l.value, whole.value, num.Round(l.value-whole.value, 2)
				f.Names = []string{all.table.Name()}
				c.out = append(c.out, f)
			}
		}
	}
}

// sameLines reports a's lines that b lacks or states otherwise.
func (c *acctChecker) sameLines(a, b *view) {
	for _, k := range a.order {
		la := a.lines[k]
		lb, ok := b.lines[k]
		switch {
		case !ok:
			if math.Abs(la.value) > c.tol {
				c.out = append(c.out, c.lineMissing(a, la, b))
			}
		case !c.within(la.value, lb.value):
			f := newFinding(CodeLineMismatch)
			f.Pos, f.Other, f.Subject, f.Item, f.Unit = la.pos, lb.pos, subjectOf(a.table, a.part), la.row.display(), "万元"
			f.Actual, f.Expected, f.Diff = la.value, lb.value, num.Round(la.value-lb.value, 2)
			f.Names = []string{b.table.Name()}
			c.out = append(c.out, f)
		}
	}
}

// missingLines reports a's lines with an amount that b does not have at all.
func (c *acctChecker) missingLines(a, b *view) {
	for _, k := range a.order {
		la := a.lines[k]
		if _, ok := b.lines[k]; !ok && math.Abs(la.value) > c.tol {
			c.out = append(c.out, c.lineMissing(a, la, b))
		}
	}
}

func (c *acctChecker) lineMissing(a *view, l line, b *view) Finding {
	f := newFinding(CodeLineMissing)
	f.Pos, f.Other, f.Subject, f.Item, f.Unit = l.pos, b.table.Pos, subjectOf(a.table, a.part), l.row.display(), "万元"
	f.Actual = l.value
	f.Names = []string{b.table.Name()}
	return f
}

package published

import (
	"math"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/num"
)

// checkAccounts checks the final-accounts tables: each table's totals against its lines and
// columns, its balances, the identities between tables and the class lines tables share.
func checkAccounts(tables []*Table, opts Options) []Finding {
	c := &acctChecker{byNumber: map[int]*Table{}, tol: opts.MoneyTolerance}
	for _, t := range tables {
		if t.Number > 0 && c.byNumber[t.Number] == nil {
			c.byNumber[t.Number] = t
		}
		for _, p := range t.Parts {
			c.rowColumns(t, p)
			c.balanceColumns(t, p)
			if hasCodes(p) {
				c.codeSums(t, p)
			} else {
				c.numberedSums(t, p)
			}
			c.grandTotal(t, p)
		}
		c.sides(t)
		c.fundBalances(t)
	}
	c.cross()
	c.classLines()
	return c.out
}

type acctChecker struct {
	byNumber map[int]*Table
	tol      float64
	out      []Finding
}

func (c *acctChecker) within(a, b float64) bool { return num.Within(a, b, c.tol) }

func subjectOf(t *Table, p *Part) string {
	if p.Name == "" {
		return t.Name()
	}
	return t.Name() + " › " + p.Name
}

func rowSubject(t *Table, p *Part, r *Row) string {
	return subjectOf(t, p) + " › " + r.display()
}

// display is how findings name a row: its label as printed, with its code.
func (r *Row) display() string {
	if r.Code != "" {
		return r.Code + " " + r.Name
	}
	if r.Label != "" {
		return r.Label
	}
	return r.Name
}

func (r *Row) value(i int) (float64, bool) {
	if i < 0 || i >= len(r.Amounts) || !r.Amounts[i].Set {
		return 0, false
	}
	return r.Amounts[i].Value, true
}

func (r *Row) amountPos(i int) indicators.Pos {
	if i >= 0 && i < len(r.Amounts) && r.Amounts[i].Pos.IsValid() {
		return r.Amounts[i].Pos
	}
	return r.Pos
}

func isTotalName(name string) bool { return name == "合计" || strings.HasSuffix(name, "合计") }

func isTotalColumn(c Column) bool {
	leaf := c.Leaf()
	return !c.Ordinal && (leaf == "小计" || isTotalName(leaf))
}

func groupOf(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[:i]
	}
	return ""
}

// sum adds the amounts of rows in column i, rounded to cents; false when one is not read.
func sum(rows []*Row, i int) (float64, bool) {
	vals := make([]float64, 0, len(rows))
	for _, r := range rows {
		v, ok := r.value(i)
		if !ok {
			return 0, false
		}
		vals = append(vals, v)
	}
	return num.Sum(2, vals...), true
}

// blame finds the rows whose amount in column i equals the difference: the likely cause.
func (c *acctChecker) blame(t *Table, rows []*Row, i int, diff float64) []Ref {
	var out []Ref
	for _, r := range rows {
		v, ok := r.value(i)
		if ok && math.Abs(v) > c.tol && c.within(math.Abs(v), math.Abs(diff)) {
			out = append(out, Ref{Table: t.Name(), Name: r.display(), Code: r.Code, Amount: v, Pos: r.amountPos(i)})
		}
	}
	return out
}

// totalFinding reports a total that is not the sum of its lines.
func (c *acctChecker) totalOf(t *Table, p *Part, total *Row, lines []*Row) {
	if total == nil || len(lines) == 0 {
		return
	}
	for i, col := range p.Columns {
		if col.Ordinal {
			continue
		}
		stated, ok := total.value(i)
		s, ok2 := sum(lines, i)
		if !ok || !ok2 || c.within(stated, s) {
			continue
		}
		f := newFinding(CodeTotalMismatch)
		f.Pos, f.Subject, f.Unit = total.amountPos(i), subjectOf(t, p), t.Unit
		f.Item = total.display()
		if len(p.Columns) > 1 {
			f.Item += "（" + col.Name + "）"
		}
		f.Actual, f.Expected, f.Diff = stated, s, num.Round(stated-s, 2)
		f.Blame = c.blame(t, lines, i, f.Diff)
		c.out = append(c.out, f)
	}
}

// rowColumns checks, in each row, a total column against the columns it totals: 本年收入合计
// over the kinds of income, 小计 over 基本支出 and 项目支出 under the same group header.
func (c *acctChecker) rowColumns(t *Table, p *Part) {
	for i, col := range p.Columns {
		if !isTotalColumn(col) {
			continue
		}
		group := groupOf(col.Name)
		var parts []int
		for j := i + 1; j < len(p.Columns); j++ {
			cj := p.Columns[j]
			if cj.Ordinal {
				continue
			}
			if groupOf(cj.Name) != group || isTotalColumn(cj) {
				break
			}
			parts = append(parts, j)
		}
		if len(parts) < 2 {
			continue
		}
		names := make([]string, len(parts))
		for k, j := range parts {
			names[k] = p.Columns[j].Name
		}
		for _, r := range p.Rows {
			stated, ok := r.value(i)
			if !ok {
				continue
			}
			vals := make([]float64, 0, len(parts))
			for _, j := range parts {
				v, ok := r.value(j)
				if !ok {
					break
				}
				vals = append(vals, v)
			}
			if len(vals) != len(parts) {
				continue
			}
			s := num.Sum(2, vals...)
			if c.within(stated, s) {
				continue
			}
			f := newFinding(CodeRowMismatch)
			f.Pos, f.Subject, f.Unit = r.amountPos(i), rowSubject(t, p, r), t.Unit
			f.Item = col.Name + " = " + strings.Join(names, " + ")
			f.Actual, f.Expected, f.Diff = stated, s, num.Round(stated-s, 2)
			c.out = append(c.out, f)
		}
	}
}

// balanceColumns checks 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 in each row,
// where a part has the four columns (政府性基金 and 国有资本经营 tables).
func (c *acctChecker) balanceColumns(t *Table, p *Part) {
	open, inc, exp, closing := -1, -1, -1, -1
	for i, col := range p.Columns {
		switch n := col.Name; {
		case strings.Contains(n, "年初") && strings.Contains(n, "结"):
			open = i
		case strings.Contains(n, "年末") && strings.Contains(n, "结"):
			closing = i
		case n == "本年收入" || n == "本年收入合计":
			inc = i
		case exp < 0 && (n == "本年支出" || n == "本年支出合计" || n == "本年支出/小计" || n == "本年支出/合计"):
			exp = i
		}
	}
	if open < 0 || inc < 0 || exp < 0 || closing < 0 {
		return
	}
	for _, r := range p.Rows {
		o, ok1 := r.value(open)
		in, ok2 := r.value(inc)
		ex, ok3 := r.value(exp)
		cl, ok4 := r.value(closing)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			continue
		}
		want := num.Round(o+in-ex, 2)
		if c.within(cl, want) {
			continue
		}
		f := newFinding(CodeBalanceMismatch)
		f.Pos, f.Subject, f.Unit = r.amountPos(closing), rowSubject(t, p, r), t.Unit
		f.Item = p.Columns[closing].Name + " = " + p.Columns[open].Name + " + " + p.Columns[inc].Name + " − " + p.Columns[exp].Name
		f.Actual, f.Expected, f.Diff = cl, want, num.Round(cl-want, 2)
		c.out = append(c.out, f)
	}
}

func hasCodes(p *Part) bool {
	for _, r := range p.Rows {
		if r.Code != "" {
			return true
		}
	}
	return false
}

// codeSums checks a coded part: each 类 against its 款, each 款 against its 项 (by code), and
// the 合计 row against the 类.
func (c *acctChecker) codeSums(t *Table, p *Part) {
	byCode := map[string]*Row{}
	var order []string
	children := map[string][]*Row{}
	var classes []*Row
	var total *Row
	for _, r := range p.Rows {
		switch {
		case r.Code == "":
			if total == nil && isTotalName(r.Name) {
				total = r
			}
			continue
		case byCode[r.Code] != nil:
			continue // printed twice: the first counts
		}
		byCode[r.Code] = r
		order = append(order, r.Code)
		if len(r.Code) == 3 {
			classes = append(classes, r)
		} else {
			parent := r.Code[:len(r.Code)-2]
			children[parent] = append(children[parent], r)
		}
	}
	for _, code := range order {
		if kids := children[code]; len(kids) > 0 {
			c.totalOf(t, p, byCode[code], kids)
		}
	}
	c.totalOf(t, p, total, classes)
}

// numberedSums checks a part of numbered lines: the 合计 row (本年收入合计…) against the lines
// numbered 一、二、… or 1. 2. …, and a line against its sub-lines (1) (2).
func (c *acctChecker) numberedSums(t *Table, p *Part) {
	var top []*Row
	var total *Row
	subs := map[*Row][]*Row{}
	var last *Row
	for _, r := range p.Rows {
		switch {
		case r.Number == "":
			if total == nil && isTotalName(r.Name) {
				total = r
			}
			last = nil
		case strings.HasPrefix(r.Number, "("):
			if last != nil {
				subs[last] = append(subs[last], r)
			}
		default:
			top = append(top, r)
			last = r
		}
	}
	for _, r := range top {
		if kids := subs[r]; len(kids) > 0 {
			c.totalOf(t, p, r, kids)
		}
	}
	c.totalOf(t, p, total, top)
}

// fundNames are the three kinds of fiscal funds, whose lines under a carry-over row break it
// down (年初财政拨款结转和结余: 一般公共预算财政拨款, 政府性基金…, 国有资本经营…).
var fundNames = []string{"一般公共预算", "政府性基金", "国有资本经营"}

func isFundLine(name string) bool {
	for _, f := range fundNames {
		if strings.HasPrefix(name, f) {
			return true
		}
	}
	return false
}

// grandTotal checks 总计 = the year's total + the carry-over lines between them, and each
// carry-over against its breakdown by fund.
func (c *acctChecker) grandTotal(t *Table, p *Part) {
	totalAt, grandAt := -1, -1
	for i, r := range p.Rows {
		switch {
		case r.Name == "总计":
			if grandAt < 0 {
				grandAt = i
			}
		case totalAt < 0 && isTotalName(r.Name):
			totalAt = i
		}
	}
	if totalAt < 0 || grandAt < totalAt {
		return
	}
	terms := []*Row{p.Rows[totalAt]}
	var carry *Row
	var breakdown []*Row
	flush := func() {
		if carry != nil && len(breakdown) > 0 {
			c.totalOf(t, p, carry, breakdown)
		}
		carry, breakdown = nil, nil
	}
	for _, r := range p.Rows[totalAt+1 : grandAt] {
		if carry != nil && isFundLine(r.Name) {
			breakdown = append(breakdown, r)
			continue
		}
		flush()
		terms = append(terms, r)
		if strings.Contains(r.Name, "结转和结余") {
			carry = r
		}
	}
	flush()
	grand := p.Rows[grandAt]
	names := make([]string, len(terms))
	for i, r := range terms {
		names[i] = r.Name
	}
	for i, col := range p.Columns {
		if col.Ordinal {
			continue
		}
		stated, ok := grand.value(i)
		s, ok2 := sum(terms, i)
		if !ok || !ok2 || c.within(stated, s) {
			continue
		}
		f := newFinding(CodeBalanceMismatch)
		f.Pos, f.Subject, f.Unit = grand.amountPos(i), subjectOf(t, p), t.Unit
		f.Item = "总计 = " + strings.Join(names, " + ")
		if len(p.Columns) > 1 {
			f.Item += "（" + col.Name + "）"
		}
		f.Actual, f.Expected, f.Diff = stated, s, num.Round(stated-s, 2)
		c.out = append(c.out, f)
	}
}

// sides checks that a table printed as income beside expenditure balances: income 总计 =
// expenditure 总计.
func (c *acctChecker) sides(t *Table) {
	in, out := t.Part("收入"), t.Part("支出")
	if in == nil || out == nil {
		return
	}
	gIn, gOut := in.Row("总计"), out.Row("总计")
	if gIn == nil || gOut == nil {
		return
	}
	a, ok1 := gIn.value(firstAmountColumn(in))
	b, ok2 := gOut.value(firstAmountColumn(out))
	if !ok1 || !ok2 || c.within(a, b) {
		return
	}
	f := newFinding(CodeBalanceMismatch)
	f.Pos, f.Subject, f.Unit = gIn.amountPos(firstAmountColumn(in)), t.Name(), t.Unit
	f.Item = "收入总计 = 支出总计"
	f.Actual, f.Expected, f.Diff = a, b, num.Round(a-b, 2)
	c.out = append(c.out, f)
}

func firstAmountColumn(p *Part) int {
	for i, c := range p.Columns {
		if !c.Ordinal {
			return i
		}
	}
	return -1
}

// fundBalances checks, for each kind of fiscal funds of a table printed as income beside
// expenditure by fund (公开04表): the year's income and the carry-over from last year equal
// the year's spending and the carry-over to next year.
func (c *acctChecker) fundBalances(t *Table) {
	in, out := t.Part("收入"), t.Part("支出")
	if in == nil || out == nil {
		return
	}
	var spent, carried *Row
	for _, r := range out.Rows {
		switch {
		case spent == nil && isTotalName(r.Name):
			spent = r
		case carried == nil && strings.HasPrefix(r.Name, "年末") && strings.Contains(r.Name, "结转和结余"):
			carried = r
		}
	}
	if spent == nil || carried == nil {
		return
	}
	for _, fund := range fundNames {
		col := -1
		for i, cl := range out.Columns {
			if strings.HasPrefix(cl.Name, fund) {
				col = i
			}
		}
		var income, brought, carry *Row
		for _, r := range in.Rows {
			afterCarry := carry != nil
			switch {
			case carry == nil && strings.HasPrefix(r.Name, "年初") && strings.Contains(r.Name, "结转和结余"):
				carry = r
			case !afterCarry && income == nil && r.Number != "" && strings.HasPrefix(r.Name, fund):
				income = r
			case afterCarry && brought == nil && strings.HasPrefix(r.Name, fund):
				brought = r
			}
		}
		if col < 0 || income == nil || brought == nil {
			continue
		}
		ic := firstAmountColumn(in)
		a1, ok1 := income.value(ic)
		a2, ok2 := brought.value(ic)
		b1, ok3 := spent.value(col)
		b2, ok4 := carried.value(col)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			continue
		}
		left, right := num.Round(a1+a2, 2), num.Round(b1+b2, 2)
		if c.within(left, right) {
			continue
		}
		f := newFinding(CodeBalanceMismatch)
		f.Pos, f.Subject, f.Unit = income.amountPos(ic), t.Name()+" › "+out.Columns[col].Name, t.Unit
		f.Item = "本年收入 + " + carry.Name + " = " + spent.Name + " + " + carried.Name
		f.Actual, f.Expected, f.Diff = left, right, num.Round(left-right, 2)
		c.out = append(c.out, f)
	}
}

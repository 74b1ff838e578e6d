package published

import (
	"math"
	"regexp"
	"strings"

	"jixiao/internal/num"
)

// subjectTerms are the figures the 情况说明 of the national template speaks of, by the words
// it uses (as compared: key), with the table line that gives each.
var subjectTerms = map[string]term{
	"收入支出总计":         {1, "收入", []string{"总计"}, ""},
	"本年收入支出总计":       {1, "收入", []string{"总计"}, ""},
	"本年收入合计":         {1, "收入", []string{"本年收入合计"}, ""},
	"本年收入":           {1, "收入", []string{"本年收入合计"}, ""},
	"收入":             {1, "收入", []string{"本年收入合计"}, ""},
	"本年支出合计":         {1, "支出", []string{"本年支出合计"}, ""},
	"本年支出":           {1, "支出", []string{"本年支出合计"}, ""},
	"支出":             {1, "支出", []string{"本年支出合计"}, ""},
	"年初结转和结余":        {1, "收入", []string{"年初结转和结余"}, ""},
	"年末结转和结余":        {1, "支出", []string{"年末结转和结余"}, ""},
	"使用非财政拨款结余":      {1, "收入", []string{"使用非财政拨款结余"}, ""},
	"结余分配":           {1, "支出", []string{"结余分配"}, ""},
	"一般公共预算财政拨款收入":   {1, "收入", []string{"一般公共预算财政拨款收入", "一般公共预算财政拨款"}, ""},
	"政府性基金预算财政拨款收入":  {1, "收入", []string{"政府性基金预算财政拨款收入", "政府性基金预算财政拨款"}, ""},
	"国有资本经营预算财政拨款收入": {1, "收入", []string{"国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款"}, ""},
	"上级补助收入":         {1, "收入", []string{"上级补助收入"}, ""},
	"事业收入":           {1, "收入", []string{"事业收入"}, ""},
	"经营收入":           {1, "收入", []string{"经营收入"}, ""},
	"附属单位上缴收入":       {1, "收入", []string{"附属单位上缴收入"}, ""},
	"其他收入":           {1, "收入", []string{"其他收入"}, ""},
	"财政拨款收入":         {2, "", []string{"合计"}, "财政拨款收入"},
	"基本支出":           {3, "", []string{"合计"}, "基本支出"},
	"项目支出":           {3, "", []string{"合计"}, "项目支出"},
	"上缴上级支出":         {3, "", []string{"合计"}, "上缴上级支出"},
	"经营支出":           {3, "", []string{"合计"}, "经营支出"},
	"对附属单位补助支出":      {3, "", []string{"合计"}, "对附属单位补助支出"},
	"财政拨款收入支出总计":     {4, "收入", []string{"总计"}, ""},
	"一般公共预算财政拨款支出":   {5, "", []string{"合计"}, col05Total},
	"一般公共预算财政拨款基本支出": {5, "", []string{"合计"}, "基本支出"},
	"一般公共预算财政拨款项目支出": {5, "", []string{"合计"}, "项目支出"},
	"人员经费":           {6, "人员经费", []string{"人员经费合计"}, ""},
	"公用经费":           {6, "公用经费", []string{"公用经费合计"}, ""},
	"政府性基金支出":        {8, "", []string{"合计"}, col08Spent},
	"政府性基金预算财政拨款支出":  {8, "", []string{"合计"}, col08Spent},
	"国有资本经营预算财政拨款支出": {9, "", []string{"合计"}, col09Spent},
}

var (
	classSubjectRe = regexp.MustCompile(`^(.+?)\(类\)$`)
	codeSubjectRe  = regexp.MustCompile(`^(.*?)\((\d{3}|\d{5}|\d{7})\)$`)
	pathPartRe     = regexp.MustCompile(`(.+?)\((类|款|项)\)`)
)

// checkExplanation checks each claim of the 情况说明: an amount against the table line it
// names, a share, a change from last year and a completion rate against their own figures.
func checkExplanation(doc *Document, opts Options) []Finding {
	c := &acctChecker{byNumber: map[int]*Table{}, tol: opts.MoneyTolerance}
	for _, t := range doc.Tables {
		if t.Number > 0 && c.byNumber[t.Number] == nil {
			c.byNumber[t.Number] = t
		}
	}
	var out []Finding
	for _, cl := range doc.Claims {
		subject := "情况说明"
		if cl.Section != "" {
			subject += " › " + cl.Section
		}
		switch cl.Kind {
		case ClaimAmount:
			fd, ok := c.resolve(cl)
			if !ok || c.within(cl.Value, fd.value) {
				continue
			}
			f := newFinding(CodeNarrativeFigure)
			f.Pos, f.Other, f.Subject, f.Item, f.Unit = cl.Pos, fd.pos, subject, cl.Subject, "万元"
			f.Actual, f.Expected, f.Diff = cl.Value, fd.value, num.Round(cl.Value-fd.value, 2)
			f.Names = []string{fd.desc}
			out = append(out, f)
		case ClaimShare:
			base, ok := cl.Base, cl.BaseSet
			if !ok {
				fd, found := c.resolve(Claim{Subject: cl.BaseName, Section: cl.Section})
				if !found {
					continue
				}
				base = fd.value
			}
			if math.Abs(base) <= c.tol {
				out = append(out, noBase(cl, subject, base))
				continue
			}
			want := cl.Amount / base * 100
			if !percentWithin(cl.Value, want, cl.Decimals) {
				f := newFinding(CodeNarrativeShare)
				f.Pos, f.Subject, f.Item, f.Unit = cl.Pos, subject, cl.Subject, "%"
				f.Actual, f.Expected = cl.Value, num.Round(want, max(cl.Decimals, 2))
				f.Diff = num.Round(cl.Value-want, max(cl.Decimals, 2))
				f.Names, f.Amounts = []string{cl.BaseName}, []float64{cl.Amount, base}
				out = append(out, f)
			}
		case ClaimChange:
			prior := num.Round(cl.Amount-cl.Change, 2)
			if math.Abs(prior) <= c.tol {
				out = append(out, noBase(cl, subject, prior))
				continue
			}
			want := cl.Change / prior * 100
			if !percentWithin(cl.Value, want, cl.Decimals) {
				f := newFinding(CodeNarrativeChange)
				f.Pos, f.Subject, f.Item, f.Unit = cl.Pos, subject, cl.Subject, "%"
				f.Actual, f.Expected = cl.Value, num.Round(want, max(cl.Decimals, 2))
				f.Diff = num.Round(cl.Value-want, max(cl.Decimals, 2))
				f.Amounts = []float64{cl.Amount, cl.Change, prior}
				out = append(out, f)
			}
		case ClaimRate:
			if math.Abs(cl.Base) <= c.tol {
				out = append(out, noBase(cl, subject, cl.Base))
				continue
			}
			want := cl.Amount / cl.Base * 100
			if !percentWithin(cl.Value, want, cl.Decimals) {
				f := newFinding(CodeNarrativeRate)
				f.Pos, f.Subject, f.Item, f.Unit = cl.Pos, subject, cl.Subject, "%"
				f.Actual, f.Expected = cl.Value, num.Round(want, max(cl.Decimals, 2))
				f.Diff = num.Round(cl.Value-want, max(cl.Decimals, 2))
				f.Names, f.Amounts = []string{cl.BaseName}, []float64{cl.Amount, cl.Base}
				out = append(out, f)
			}
		}
	}
	return out
}

// noBase reports a percentage over a base of 0: a growth from nothing, a share of nothing, a
// rate of a budget of 0. Where a rate of the 年初预算 (0) is stated beside a 全年预算, the
// finding says what the figure is the rate of.
func noBase(cl Claim, subject string, base float64) Finding {
	f := newFinding(CodeNarrativeNoBase)
	f.Pos, f.Subject, f.Item, f.Unit = cl.Pos, subject, cl.Subject, "%"
	f.Actual = cl.Value
	f.Names, f.Amounts = []string{string(cl.Kind), cl.BaseName}, []float64{base, cl.Amount}
	if cl.Kind == ClaimRate && cl.FullBudget != nil && *cl.FullBudget != 0 {
		f.Expected = num.Round(cl.Amount / *cl.FullBudget * 100, max(cl.Decimals, 2))
		f.Amounts = append(f.Amounts, *cl.FullBudget)
	}
	return f
}

// percentWithin reports whether a percentage stated with dec decimals is the computed one
// rounded to them, allowing the 尾差 of 0.01 percentage points that shares forced to add up
// to 100 % carry.
func percentWithin(stated, computed float64, dec int) bool {
	return math.Abs(stated-computed) <= 0.5*math.Pow(10, -float64(dec))+0.01+1e-9
}

// resolve finds the table line a claim's subject names: a figure of the template by its
// words, a class (…（类）), a line by its code (…（2080109）), or the item of a list
// (…（类）…（款）…（项）) whose 支出决算 is stated.
func (c *acctChecker) resolve(cl Claim) (found, bool) {
	k := key(cl.Subject)
	if tm, ok := subjectTerms[k]; ok {
		return c.locate(tm)
	}
	table := fundsTable(cl.Part + " " + cl.Section)
	if m := codeSubjectRe.FindStringSubmatch(k); m != nil {
		return c.lineByCode(table, m[2])
	}
	if m := classSubjectRe.FindStringSubmatch(k); m != nil && !strings.Contains(m[1], "(") {
		if code, ok := classCodes[m[1]]; ok {
			return c.lineByCode(table, code)
		}
	}
	if cl.Item != "" && (strings.HasSuffix(k, "支出决算") || strings.HasSuffix(k, "决算数")) {
		if code, ok := c.pathCode(table, key(cl.Item)); ok {
			return c.lineByCode(table, code)
		}
	}
	return found{}, false
}

// fundsTable is the table whose lines a part of the 情况说明 speaks of: 05表 for 一般公共预算
// 财政拨款, 08表 for 政府性基金, 09表 for 国有资本经营, else 03表 (all funds).
func fundsTable(context string) int {
	k := key(context)
	switch {
	case strings.Contains(k, "政府性基金"):
		return 8
	case strings.Contains(k, "国有资本经营"):
		return 9
	case strings.Contains(k, "一般公共预算"):
		return 5
	}
	return 3
}

// lineByCode finds a coded line's total spending in table n.
func (c *acctChecker) lineByCode(n int, code string) (found, bool) {
	t := c.byNumber[n]
	if t == nil || t.NoData {
		return found{}, false
	}
	col := map[int]string{3: "本年支出合计|合计", 5: col05Total, 8: col08Spent, 9: col09Spent}[n]
	for _, p := range t.Parts {
		i := p.Column(col)
		if i < 0 {
			continue
		}
		for _, r := range p.Rows {
			if r.Code != code {
				continue
			}
			v, ok := r.value(i)
			if !ok {
				return found{}, false
			}
			return found{value: toWan(t, v), pos: r.amountPos(i), desc: t.Name() + " " + r.display()}, true
		}
	}
	return found{}, false
}

// pathCode finds the code of a line named by its path: 一般公共服务支出(类)社会工作事务(款)
// 行政运行(项).
func (c *acctChecker) pathCode(n int, path string) (string, bool) {
	t := c.byNumber[n]
	if t == nil {
		return "", false
	}
	parts := pathPartRe.FindAllStringSubmatch(path, -1)
	if len(parts) == 0 {
		return "", false
	}
	code := ""
	for i, m := range parts {
		name := m[1]
		if i == 0 {
			cc, ok := classCodes[name]
			if !ok {
				return "", false
			}
			code = cc
			continue
		}
		next := ""
		for _, p := range t.Parts {
			for _, r := range p.Rows {
				if len(r.Code) == len(code)+2 && strings.HasPrefix(r.Code, code) && r.Name == name {
					next = r.Code
				}
			}
		}
		if next == "" {
			return "", false
		}
		code = next
	}
	return code, true
}

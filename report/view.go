package report

import (
	"fmt"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// This file gives a project's re-scored table, and the lines the text output writes around
// it, as data: for a page that lays them out itself (the web view) and must say exactly what
// the text output says. A test holds the two in step.

// The columns of the re-scored table a page marks or styles.
const (
	ColReported = 8 // 自评得分: marked when a finding disputes it
	ColScore    = 9 // the re-scored points
	ColBasis    = 10
)

// TableView is a project's re-scored table as the text output lays it out.
type TableView struct {
	Facts     []string   // the file, the budget unit, the function code, the year
	Head      []string   // the column labels
	Rows      []TableRow // one per indicator, in order
	Execution *TableRow  // the 预算执行率 line, when the funds carry a weight
	Total     TableRow
	Notes     []string // "[3] 名称: why it is not scored"
	Legend    string   // what the mark of a disputed figure means; "" when none is marked
	Summary   string   // the total, grade and targets line
	Stated    string   // what the submission states; "" when nothing
	Verdict   string   // the one-line conclusion; with findings only
}

// TableRow is one line of the table: its cells, and whether the stated figure in
// Cells[ColReported] is disputed by an error finding (the text output marks it *).
type TableRow struct {
	Cells    []string
	Disputed bool
}

// Table is r's re-scored table in lang; with findings (as check writes it), the disputed
// stated figures are marked and the verdict is given.
func Table(r *engine.Result, lang i18n.Lang, findings bool) TableView {
	p := r.Project
	d := p.Scoring.Decimals
	L := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	v := TableView{
		Facts: projectFacts(p, lang),
		Head: []string{"#", L("一级指标", "Level 1"), L("二级指标", "Level 2"), L("三级指标", "Indicator"), L("指标值", "Target"),
			L("单位", "Unit"), L("实际完成值", "Actual"), L("分值", "Weight"), L("自评得分", "Reported"), L("计算得分", "Score"), L("计分依据", "Basis")},
		Rows:   make([]TableRow, len(r.Indicators)),
		Stated: statedLine(r, lang),
	}
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		basis, note := Basis(r, ir, lang)
		if note != "" {
			v.Notes = append(v.Notes, fmt.Sprintf("[%d] %s: %s", i+1, ind.Name, note))
		}
		v.Rows[i] = TableRow{
			Cells: []string{fmt.Sprint(i + 1), ind.Level1, ind.Level2, ind.Name, ind.Target.Text, ind.Unit, ind.Actual.Text,
				num.Short(ind.Weight, d), optShort(ind.Reported, d), ScoreText(ir, d), basis},
			Disputed: findings && marked(r.Findings, i, ""),
		}
	}
	if x := r.Execution; x != nil {
		score, basis := "—", L("缺少预算数或支出数", "budget or spending missing")
		if x.HasScore {
			score = num.Format(x.Score, d)
			basis = L("执行率 × 分值，最高满分", "rate × weight, capped at the weight")
		}
		v.Execution = &TableRow{Cells: []string{"", L("预算执行率", "Budget execution"), "", "", "100%", "", percent(x.Rate, x.HasScore),
			num.Short(x.Weight, d), optShort(x.Reported, d), score, basis},
			Disputed: findings && x.Reported != nil && markedField(r.Findings, engine.FieldFundsReported)}
	}
	v.Summary = summaryLine(r, lang, len(v.Notes) > 0)
	total := optShort(p.Reported.Total, d)
	v.Total = TableRow{
		Cells:    []string{"", L("合计", "Total"), "", "", "", "", "", num.Short(r.Weight, d), total, TotalText(r, d), ""},
		Disputed: findings && total != "" && marked(r.Findings, -1, engine.TotalMismatch),
	}
	if findings {
		v.Verdict = verdict(r, lang)
	}
	for _, row := range append(v.Rows, v.Total) {
		if row.Disputed {
			v.Legend = L("* 自评数字与计算不符，见下方问题清单", "* the stated figure is disputed: see the findings below")
		}
	}
	if v.Execution != nil && v.Execution.Disputed {
		v.Legend = L("* 自评数字与计算不符，见下方问题清单", "* the stated figure is disputed: see the findings below")
	}
	return v
}

// Disputed reports whether an error finding of r disputes the stated score of indicator i
// (0-based): the figure the text output marks *.
func Disputed(r *engine.Result, i int) bool { return marked(r.Findings, i, "") }

// Tiers names each tier of indicator i's criterion (0-based) the way the findings of lint
// name them: "第2档（完成率 ≤ 80%，8 分）". A criterion scored by a standard method has none.
func Tiers(r *engine.Result, i int, lang i18n.Lang) []string {
	ir := &r.Indicators[i]
	if ir.Criterion == nil {
		return nil
	}
	c := &subject{r: r, ir: ir, ind: ir.Indicator, d: r.Project.Scoring.Decimals}
	out := make([]string, len(ir.Criterion.Tiers))
	for k := range ir.Criterion.Tiers {
		out[k] = tierText(c, k+1).String(lang)
	}
	return out
}

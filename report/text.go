package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
)

// Text writes each result as the table a reviewer knows, then its total and grade. With
// findings set (the check command), reported scores that a finding disputes are marked, and
// the findings and a one-line verdict follow each table.
func Text(w io.Writer, results []*engine.Result, lang i18n.Lang, findings bool) error {
	for i, r := range results {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if err := textProject(w, r, lang, findings); err != nil {
			return err
		}
	}
	return nil
}

// disputed are the codes whose findings mark a reported score in the table.
var disputed = map[engine.Code]bool{engine.ScoreMismatch: true, engine.RangeViolation: true, engine.ScoreOverWeight: true}

func textProject(w io.Writer, r *engine.Result, lang i18n.Lang, findings bool) error {
	p := r.Project
	d := p.Scoring.Decimals
	L := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	var b strings.Builder
	b.WriteString(p.Name + "\n")
	b.WriteString("  " + strings.Join(projectFacts(p, lang), " · ") + "\n\n")

	t := newTable(right, left, left, left, right, left, right, right, right, right, left)
	t.row("#", L("一级指标", "Level 1"), L("二级指标", "Level 2"), L("三级指标", "Indicator"), L("指标值", "Target"),
		L("单位", "Unit"), L("实际完成值", "Actual"), L("分值", "Weight"), L("自评得分", "Reported"), L("计算得分", "Score"), L("计分依据", "Basis"))
	t.rule()
	var notes []string
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		basis, note := Basis(r, ir, lang)
		if note != "" {
			notes = append(notes, fmt.Sprintf("[%d] %s: %s", i+1, ind.Name, note))
		}
		reported := optShort(ind.Reported, d)
		if findings && marked(r.Findings, i, "") {
			reported = "*" + reported
		}
		t.row(fmt.Sprint(i+1), ind.Level1, ind.Level2, ind.Name, ind.Target.Text, ind.Unit, ind.Actual.Text,
			num.Short(ind.Weight, d), reported, ScoreText(ir, d), basis)
	}
	if x := r.Execution; x != nil {
		score, basis := "—", L("缺少预算数或支出数", "budget or spending missing")
		if x.HasScore {
			score = num.Format(x.Score, d)
			basis = L("执行率 × 分值，最高满分", "rate × weight, capped at the weight")
		}
		reported := optShort(x.Reported, d)
		if findings && reported != "" && markedField(r.Findings, engine.FieldFundsReported) {
			reported = "*" + reported
		}
		t.row("", L("预算执行率", "Budget execution"), "", "", "100%", "", percent(x.Rate, x.HasScore),
			num.Short(x.Weight, d), reported, score, basis)
	}
	t.rule()
	total := optShort(p.Reported.Total, d)
	if findings && marked(r.Findings, -1, engine.TotalMismatch) && total != "" {
		total = "*" + total
	}
	t.row("", L("合计", "Total"), "", "", "", "", "", num.Short(r.Weight, d), total, TotalText(r, d), "")
	if err := t.write(&b); err != nil {
		return err
	}
	b.WriteString("\n")
	for _, n := range notes {
		b.WriteString(L("注 ", "Note ") + n + "\n")
	}
	if findings && strings.Contains(b.String(), " *") {
		b.WriteString(L("* 自评数字与计算不符，见下方问题清单\n", "* the stated figure is disputed: see the findings below\n"))
	}
	b.WriteString(summaryLine(r, lang, len(notes) > 0) + "\n")
	if s := statedLine(r, lang); s != "" {
		b.WriteString(s + "\n")
	}
	if err := writeReview(&b, r, lang); err != nil {
		return err
	}
	if findings {
		writeFindings(&b, r, lang)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// marked reports whether an error finding disputes the stated figure of indicator i (or,
// for i < 0, the project finding with the given code).
func marked(fs []engine.Finding, i int, code engine.Code) bool {
	for _, f := range fs {
		if f.Indicator != i || f.Severity != engine.Error {
			continue
		}
		if (i >= 0 && disputed[f.Code]) || f.Code == code {
			return true
		}
	}
	return false
}

// markedField reports whether an error-severity finding of the project disputes the
// figure of field: the budget-execution score (funds.reported).
func markedField(fs []engine.Finding, field engine.Field) bool {
	for _, f := range fs {
		if f.Indicator < 0 && f.Field == field && f.Severity == engine.Error {
			return true
		}
	}
	return false
}

// Findings writes only each project's findings, for `jixiao lint`: the criteria's problems
// need no score table, and a template may have no actual values to score.
func Findings(w io.Writer, results []*engine.Result, lang i18n.Lang) error {
	var b strings.Builder
	for i, r := range results {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(r.Project.Name + "  (" + r.Project.File + ")\n")
		listFindings(&b, r, lang)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFindings(b *strings.Builder, r *engine.Result, lang i18n.Lang) {
	b.WriteString("\n")
	listFindings(b, r, lang)
	b.WriteString(verdict(r, lang) + "\n")
}

func listFindings(b *strings.Builder, r *engine.Result, lang i18n.Lang) {
	e, wn, in := engine.Count(r.Findings)
	if len(r.Findings) == 0 {
		b.WriteString(i18n.Pick(lang, "问题：无\n", "Findings: none\n"))
	} else {
		b.WriteString(i18n.T("问题：%s\n", "Findings: %s\n", severityCounts(e, wn, in)).String(lang))
	}
	for _, l := range findingLines(r, lang) { // info findings of one code on one line
		b.WriteString(l.text(r, lang))
	}
}

// verdict is the one-line conclusion: the computed total and grade against the stated ones.
func verdict(r *engine.Result, lang i18n.Lang) string {
	p := r.Project
	d := p.Scoring.Decimals
	grade := r.Grade
	if !r.Exact && r.GradeMax != r.Grade {
		grade = r.Grade + "–" + r.GradeMax
	}
	line := i18n.T("结论：计算总分 %s，等次 %s", "Verdict: computed total %s, grade %s", TotalText(r, d), grade).String(lang)
	stated := p.Reported.Score
	if stated == nil {
		stated = p.Reported.Total
	}
	if stated != nil || p.Reported.Grade != "" {
		st, sg := "—", "—"
		if stated != nil {
			st = num.Short(*stated, d)
		}
		if p.Reported.Grade != "" {
			sg = p.Reported.Grade
		}
		line += i18n.T("；自评 %s，等次 %s", "; stated %s, grade %s", st, sg).String(lang)
		if g, ok := engine.CanonicalGrade(p.Scoring.Grades, p.Reported.Grade); ok && r.Exact && g != r.Grade {
			line += i18n.T("；等次由 %s 变为 %s", "; the grade changes from %s to %s", p.Reported.Grade, r.Grade).String(lang)
		}
	}
	e, _, _ := engine.Count(r.Findings)
	if e > 0 {
		line += i18n.T("。有 %s须更正", ". %s", count(e, "处错误", "error must be corrected", "errors must be corrected")).String(lang)
	} else {
		line += i18n.Pick(lang, "。没有须更正的错误", ". No errors to correct")
	}
	return line
}

func projectFacts(p *indicators.Project, lang i18n.Lang) []string {
	facts := []string{p.File}
	if p.Agency != "" {
		a := p.Agency
		if p.AgencyCode != "" {
			a += i18n.Pick(lang, "（"+p.AgencyCode+"）", " ("+p.AgencyCode+")")
		}
		facts = append(facts, a)
	}
	if p.Implementer != "" {
		facts = append(facts, i18n.Pick(lang, "实施单位 ", "implemented by ")+p.Implementer)
	}
	if p.FunctionCode != "" {
		facts = append(facts, i18n.Pick(lang, "功能科目 ", "function ")+p.FunctionCode)
	}
	if p.Year != 0 {
		facts = append(facts, i18n.Pick(lang, fmt.Sprintf("%d 年度", p.Year), fmt.Sprintf("year %d", p.Year)))
	}
	return facts
}

// summaryLine is the line under the table: the total, the grade and the targets set and
// met, each a range where it is not settled; notes says whether notes are printed for the
// reader to be sent to.
func summaryLine(r *engine.Result, lang i18n.Lang, notes bool) string {
	d := r.Project.Scoring.Decimals
	grade := r.Grade
	if !r.Exact && r.GradeMax != r.Grade {
		grade = r.Grade + "–" + r.GradeMax
	}
	met := strconv.Itoa(r.TargetsMet)
	if r.TargetsUnknown > 0 {
		met += "–" + strconv.Itoa(r.TargetsMet+r.TargetsUnknown)
	}
	line := i18n.T("计算总分 %s（满分 %s），等次 %s；绩效目标设置 %d 个，完成 %s 个",
		"Total %s (of %s), grade %s; targets set %d, met %s",
		TotalText(r, d), num.Short(r.Project.Scoring.FullMarks, d), grade, r.TargetsSet, met).String(lang)
	if !r.Exact {
		line += i18n.Pick(lang, "。总分为区间：有指标未能确定得分", ". The total is a range: some scores are not determined")
		if notes {
			line += i18n.Pick(lang, "，见注", ", see the notes")
		}
	}
	if r.Rescaled {
		line += i18n.T("。有 %s不适用，总分已按 %s 分折算（适用分值合计 %s）", ". %s not apply: the total is rescaled to %s (applicable weight %s)",
			count(len(r.Indicators)-r.Applicable, "个指标", "indicator does", "indicators do"), num.Short(r.Project.Scoring.FullMarks, d), num.Short(r.Weight, d)).String(lang)
	}
	return line
}

func statedLine(r *engine.Result, lang i18n.Lang) string {
	rep := r.Project.Reported
	d := r.Project.Scoring.Decimals
	var parts []string
	if rep.Score != nil {
		parts = append(parts, i18n.T("自评得分 %s", "score %s", num.Short(*rep.Score, d)).String(lang))
	}
	if rep.Total != nil {
		parts = append(parts, i18n.T("表中合计 %s", "table total %s", num.Short(*rep.Total, d)).String(lang))
	}
	if rep.Grade != "" {
		parts = append(parts, i18n.T("等次 %s", "grade %s", rep.Grade).String(lang))
	}
	if rep.TargetsSet != nil {
		parts = append(parts, i18n.T("绩效目标设置 %d 个", "targets set %d", *rep.TargetsSet).String(lang))
	}
	if rep.TargetsMet != nil {
		parts = append(parts, i18n.T("完成 %d 个", "met %d", *rep.TargetsMet).String(lang))
	}
	if len(parts) == 0 {
		return ""
	}
	return i18n.Pick(lang, "自评所述：", "As stated: ") + strings.Join(parts, i18n.Pick(lang, "，", ", "))
}

// ScoreText is the computed score as printed: "8.00", a range "15.00–18.00", or "—".
func ScoreText(ir *engine.IndicatorResult, d int) string {
	switch {
	case ir.HasScore:
		return num.Format(ir.Score, d)
	case ir.Kind == rules.Ranged:
		return num.Format(ir.Min, d) + "–" + num.Format(ir.Max, d)
	}
	return "—"
}

// TotalText is the total as printed, or its range.
func TotalText(r *engine.Result, d int) string {
	if r.Exact {
		return num.Format(r.Total, d)
	}
	return num.Format(r.TotalMin, d) + "–" + num.Format(r.TotalMax, d)
}

// Basis says how an indicator was scored, and a note when the reader needs more than fits
// in a cell (why it was not scored).
func Basis(r *engine.Result, ir *engine.IndicatorResult, lang i18n.Lang) (basis, note string) {
	basis = basisText(r, ir).String(lang)
	if ir.Criterion.Derived && ir.Tier > 0 {
		basis += i18n.Pick(lang, "（由评分标准文字推得）", " (read from the criterion's text)")
	}
	switch {
	case !ir.Applicable:
	case ir.Kind == rules.Unscored:
		return basis + i18n.Pick(lang, "，见注", ", see note"), reasonText(r, ir).String(lang)
	case ir.Kind == rules.Ranged && ir.Accepted:
		basis += i18n.Pick(lang, "，区间内，采用自评得分", ", in range: reported score accepted")
	case ir.Kind == rules.Ranged:
		basis += i18n.Pick(lang, "，由复核人在区间内定分", ", the reviewer's choice within the range")
	}
	return basis, ""
}

func optShort(p *float64, d int) string {
	if p == nil {
		return ""
	}
	return num.Short(*p, d)
}

func percent(rate float64, ok bool) string {
	if !ok {
		return "—"
	}
	return num.Format(rate*100, 2) + "%"
}

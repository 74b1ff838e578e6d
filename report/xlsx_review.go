package report

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/sheets"
)

// This file writes the reviewer's part of the review workbook: the 复核 columns of each
// project sheet, the 自评复核报告表, the 差值表, the summary by budget unit with its charts, the
// reviewer's rows of the 问题清单 and the list of review rules.

// inputFill marks the cells the reviewer fills in.
const inputFill = "#FFF2CC"

// reviewHeads are a project sheet's 复核 columns, right of 偏差原因: the labels the workbook
// reader knows them by (indicators.Fields).
var reviewHeads = []string{"复核完成值", "复核得分", "扣分理由", "复核口径", "复核备注"}

// colFundsReason is the funds block's 偏差原因 column: the indicators' 偏差原因 column, left
// of the 复核 columns.
const colFundsReason = 13

// The 复核 columns of a project sheet.
const (
	colReviewActual = 14 + iota
	colReviewScore
	colReviewReason
	colReviewRule
	colReviewNote
)

// reviewerRow writes who reviewed the project and when, for the reviewer to fill in.
func (x *xlsx) reviewerRow(s *sheetWriter, p *indicators.Project) {
	s.put(1, "复核人")
	s.style(1, x.head)
	s.fill(2, p.Reviewer.Name)
	s.style(2, x.input)
	s.put(3, "复核日期")
	s.style(3, x.head)
	s.fill(4, p.Reviewer.Date)
	s.style(4, x.inputText)
}

// reviewHeads writes the labels of the 复核 columns in the current row.
func (x *xlsx) reviewHeads(s *sheetWriter) {
	for k, h := range reviewHeads {
		s.put(colReviewActual+k, h)
		s.style(colReviewActual+k, x.head)
	}
}

// reviewHeader explains the 复核 columns in comments on their header cells.
func (x *xlsx) reviewHeader(s *sheetWriter, r *engine.Result) {
	s.comment(colReviewScore, i18n.Pick(x.lang,
		"已按计算得分预填。扣分须写扣分理由并选复核口径；调高须写理由。",
		"Filled with the computed score. A cut needs a reason and a rule; a raise needs a reason."))
	lines := make([]string, len(r.Rules))
	for i := range r.Rules {
		lines[i] = r.Rules[i].Code + i18n.Pick(x.lang, "：", ": ") + engine.RuleTitle(&r.Rules[i], x.lang)
	}
	s.comment(colReviewRule, strings.Join(lines, "\n"))
}

// reviewCells writes indicator i's 复核: the reviewer's record where there is one; else the
// computed score, and where it differs from the reported one the reason and the rule of
// scoring by the criterion, for the reviewer to confirm or change.
func (x *xlsx) reviewCells(s *sheetWriter, r *engine.Result, i int) {
	ir := &r.Indicators[i]
	ind := ir.Indicator
	var computed *float64
	var basis i18n.Text
	if ir.Applicable && ir.HasScore {
		computed, basis = &ir.Score, i18n.T("按评分标准应得 %s（%s）", "the criterion gives %s (%s)", num.Format(ir.Score, r.Project.Scoring.Decimals), basisText(r, ir))
	}
	x.lineReview(s, r, ind.Review, computed, ind.Reported, basis)
}

// executionReviewCells writes the 复核 of the 预算执行率 line, in its row of the funds block,
// as reviewCells does an indicator's.
func (x *xlsx) executionReviewCells(s *sheetWriter, r *engine.Result) {
	e := r.Execution
	var computed *float64
	var basis i18n.Text
	if e.HasScore {
		computed = &e.Score
		basis = i18n.T("按执行率 %s%% × 分值 %s 应得 %s", "execution rate %s%% × weight %s gives %s",
			num.Format(e.Rate*100, 2), num.Short(e.Weight, r.Project.Scoring.Decimals), num.Format(e.Score, r.Project.Scoring.Decimals))
	}
	x.lineReview(s, r, r.Project.Funds.Review, computed, e.Reported, basis)
}

// lineReview writes one line's 复核 cells: the reviewer's record rec where there is one; else
// the computed score, and where it differs from the reported one the reason (what the
// computed score rests on, basis) and the rule of scoring by the criterion.
func (x *xlsx) lineReview(s *sheetWriter, r *engine.Result, rec *indicators.Review, computed, reported *float64, basis i18n.Text) {
	d := r.Project.Scoring.Decimals
	var actual any
	var score *float64
	var reason, rule, note string
	switch {
	case rec != nil:
		actual, score, reason, rule, note = valueCell(rec.Actual), rec.Score, rec.Reason, rec.Rule, rec.Note
	case computed != nil:
		score = computed
		if reported != nil && !num.Within(*reported, *computed, engine.DefaultTolerance) {
			reason = i18n.T("自评得分 %s，%s", "reported %s, but %s", num.Short(*reported, d), basis).String(x.lang)
			for k := range r.Rules {
				if r.Rules[k].Effect == indicators.EffectCriterion {
					rule = r.Rules[k].Code
					break
				}
			}
		}
	}
	s.fill(colReviewActual, actual)
	s.fill(colReviewReason, reason)
	s.fill(colReviewRule, rule)
	s.fill(colReviewNote, note)
	for col := colReviewActual; col <= colReviewNote; col++ {
		s.style(col, x.input)
	}
	s.fill(colReviewScore, score)
	s.numberOf(colReviewScore, score, d, inputNum)
}

// reviewDropDown lets the 复核口径 cells of rows first to last take only a rule's code.
func (x *xlsx) reviewDropDown(s *sheetWriter, r *engine.Result, first, last int) error {
	if s.err != nil || last < first || len(r.Rules) == 0 {
		return s.err
	}
	ref := cell(colReviewRule, first) + ":" + cell(colReviewRule, last)
	codes := make([]string, len(r.Rules))
	size := 0
	for i := range r.Rules {
		codes[i] = r.Rules[i].Code
		size += len([]rune(codes[i])) + 1
	}
	if size <= 255 { // a written list, the form every office suite reads
		return x.f.DropDown(s.sheet, ref, codes)
	}
	set := x.ruleSet(r.Rules)
	return x.f.DropDownFrom(s.sheet, ref, fmt.Sprintf("'%s'!$A$%d:$A$%d", set.sheet, set.first, set.last))
}

// reviewTotal writes, in the 合计 row, the sum of the 复核得分 column, with the 预算执行率
// line's in the funds block (execRow, 0 for none), as a formula saved with its value: it
// follows the reviewer's changes in Excel or WPS.
func (x *xlsx) reviewTotal(s *sheetWriter, r *engine.Result, first, last, execRow int) {
	if s.err != nil || last < first {
		return
	}
	// The value saved with the formula is the sum of the scores as shown (each rounded to
	// the file's decimals), so readers of saved values see the 复核总分 the engine gives.
	d := r.Project.Scoring.Decimals
	var scores []float64
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		switch rec := ir.Indicator.Review; {
		case rec != nil && rec.Score != nil:
			scores = append(scores, num.Round(*rec.Score, d))
		case rec == nil && ir.Applicable && ir.HasScore:
			scores = append(scores, num.Round(ir.Score, d))
		}
	}
	formula := fmt.Sprintf("SUM(%s:%s)", cell(colReviewScore, first), cell(colReviewScore, last))
	if e := r.Execution; execRow > 0 && e != nil {
		switch rec := r.Project.Funds.Review; {
		case rec != nil && rec.Score != nil:
			scores = append(scores, num.Round(*rec.Score, d))
		case rec == nil && e.HasScore:
			scores = append(scores, num.Round(e.Score, d))
		}
		formula = fmt.Sprintf("SUM(%s:%s,%s)", cell(colReviewScore, first), cell(colReviewScore, last), cell(colReviewScore, execRow))
	}
	at := cell(colReviewScore, s.row)
	s.number(colReviewScore, num.Sum(d, scores...), d, plainNum)
	if s.err == nil {
		s.err = x.f.SetFormula(s.sheet, at, formula)
	}
}

// reviewTotals writes the review's total, grade and 偏离度 below the table, when the project
// carries a 复核.
func (x *xlsx) reviewTotals(s *sheetWriter, r *engine.Result) {
	rv := r.Review
	if rv == nil {
		return
	}
	d := r.Project.Scoring.Decimals
	s.put(1, "复核总分")
	if rv.Exact {
		s.number(2, rv.Total, d, plainNum)
	} else {
		s.put(2, reviewTotalText(rv, d))
	}
	s.comment(2, i18n.Pick(x.lang, "由 jixiao 按复核得分计算；在本表修改复核得分后，用 jixiao 再读本工作簿即得新的复核总分。",
		"Computed by jixiao from the review scores: after changing them here, read the workbook with jixiao again."))
	s.put(3, "复核等次")
	s.put(4, reviewGrade(rv))
	if rv.HasDeviation {
		s.put(5, "偏离度")
		s.put(6, num.Round(rv.Deviation, 4))
		s.style(6, x.percent)
	}
	s.row++
}

// reviewSummary writes a project's review total, grade, 偏离度 and reviewer from column col.
func (x *xlsx) reviewSummary(s *sheetWriter, r *engine.Result, col int) {
	rv := r.Review
	if rv == nil {
		return
	}
	if rv.Exact {
		s.number(col, rv.Total, r.Project.Scoring.Decimals, plainNum)
	} else {
		s.put(col, reviewTotalText(rv, r.Project.Scoring.Decimals))
	}
	s.put(col+1, reviewGrade(rv))
	if rv.HasDeviation {
		s.put(col+2, num.Round(rv.Deviation, 4))
		s.style(col+2, x.percent)
	}
	s.put(col+3, r.Project.Reviewer.Name)
}

// reviewTotal writes a review total as a number, or its range as text.
func (s *sheetWriter) reviewTotal(col int, rv *engine.Review, d int) {
	if rv.Exact {
		s.number(col, rv.Total, d, plainNum)
	} else {
		s.put(col, reviewTotalText(rv, d))
	}
}

// reviewTotalText is a review total as printed, or its range.
func reviewTotalText(rv *engine.Review, d int) string {
	if rv.Exact {
		return num.Format(rv.Total, d)
	}
	return num.Format(rv.TotalMin, d) + "–" + num.Format(rv.TotalMax, d)
}

// reviewGrade is a review's grade, or its range of grades.
func reviewGrade(rv *engine.Review) string {
	if !rv.Exact && rv.GradeMax != rv.Grade {
		return rv.Grade + "–" + rv.GradeMax
	}
	return rv.Grade
}

// unitRow is what the summary by budget unit counts for one unit.
type unitRow struct {
	name                         string
	projects, reviewed, changed  int
	deviation                    float64 // the sum of the 偏离度 of its projects that have one
	deviations, errors, warnings int
}

// units writes, below the projects, the summary by budget unit (projects, reviewed, average
// 偏离度, grades the review changed), the grades before and after the review, and their
// charts.
func (x *xlsx) units(s *sheetWriter, results []*engine.Result) {
	L := func(zh, en string) string { return i18n.Pick(x.lang, zh, en) }
	byName := map[string]*unitRow{}
	var order []*unitRow
	var grades []string
	counts := map[string]*[3]int{} // by grade: stated, computed, reviewed
	count := func(g string, k int) {
		c := counts[g]
		if c == nil {
			c = &[3]int{}
			counts[g] = c
			grades = append(grades, g)
		}
		c[k]++
	}
	for _, r := range results {
		p := r.Project
		for _, g := range p.Scoring.Grades {
			if counts[g.Name] == nil {
				counts[g.Name] = &[3]int{}
				grades = append(grades, g.Name)
			}
		}
		name := p.Agency
		if name == "" {
			name = "—"
		}
		u := byName[name]
		if u == nil {
			u = &unitRow{name: name}
			byName[name] = u
			order = append(order, u)
		}
		u.projects++
		e, w, _ := engine.Count(r.Findings)
		u.errors += e
		u.warnings += w
		stated, known := engine.CanonicalGrade(p.Scoring.Grades, p.Reported.Grade)
		if !known {
			stated = "—"
		}
		count(stated, 0)
		computed := r.Grade
		if !r.Exact && r.GradeMax != r.Grade {
			computed = "?"
		}
		count(computed, 1)
		rv := r.Review
		if rv == nil {
			continue
		}
		u.reviewed++
		reviewed := rv.Grade
		if !rv.Exact && rv.GradeMax != rv.Grade {
			reviewed = "?"
		}
		count(reviewed, 2)
		if known && reviewed != "?" && reviewed != stated {
			u.changed++
		}
		if rv.HasDeviation {
			u.deviation += rv.Deviation
			u.deviations++
		}
	}
	sort.SliceStable(grades, func(a, b int) bool { return gradeRank(grades[a]) < gradeRank(grades[b]) })

	s.row += 2
	s.put(1, L("按单位汇总", "By budget unit"))
	s.style(1, x.head)
	s.row++
	s.headRow(L("单位", "Budget unit"), L("项目数", "Projects"), L("已复核", "Reviewed"), L("平均偏离度", "Average deviation"),
		L("复核改变等次", "Grades changed by the review"), L("错误", "Errors"), L("警告", "Warnings"))
	unitFirst := s.row + 1
	for _, u := range order {
		s.row++
		s.put(1, u.name)
		s.put(2, u.projects)
		s.put(3, u.reviewed)
		if u.deviations > 0 {
			s.put(4, num.Round(u.deviation/float64(u.deviations), 4))
			s.style(4, x.percent)
		}
		s.put(5, u.changed)
		s.put(6, u.errors)
		s.put(7, u.warnings)
	}
	unitLast := s.row

	s.row += 2
	s.put(1, L("等次分布", "Grades"))
	s.style(1, x.head)
	s.row++
	s.headRow(L("等次", "Grade"), L("自评", "Stated"), L("计算", "Computed"), L("复核", "Reviewed"))
	gradeFirst := s.row + 1
	for _, g := range grades {
		s.row++
		s.put(1, g)
		for k, n := range counts[g] {
			s.put(k+2, n)
		}
	}
	gradeLast := s.row
	if s.err != nil || len(results) == 0 {
		return
	}
	s.row += 2
	at := s.row
	ref := func(col, from, to int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s.sheet, sheets.ColumnName(col), from, sheets.ColumnName(col), to)
	}
	var series []sheets.Series
	for k, name := range []string{L("自评", "Stated"), L("计算", "Computed"), L("复核", "Reviewed")} {
		series = append(series, sheets.Series{Name: name, Categories: ref(1, gradeFirst, gradeLast), Values: ref(k+2, gradeFirst, gradeLast)})
	}
	s.err = x.f.AddChart(s.sheet, cell(1, at), sheets.Chart{Kind: sheets.Columns, Title: L("等次：自评、计算与复核", "Grades: stated, computed and reviewed"),
		Series: series, Width: 480, Height: 300})
	if s.err == nil && slices.ContainsFunc(order, func(u *unitRow) bool { return u.deviations > 0 }) {
		s.err = x.f.AddChart(s.sheet, cell(8, at), sheets.Chart{Kind: sheets.Bars, Title: L("平均偏离度（按单位）", "Average deviation by budget unit"),
			Series: []sheets.Series{{Name: L("平均偏离度", "Average deviation"), Categories: ref(1, unitFirst, unitLast), Values: ref(4, unitFirst, unitLast)}},
			Width:  480, Height: 300})
	}
}

// reviewReport writes the 自评复核报告表: for each project, its indicators' 自评 against
// the 复核, the 得分差 and 完成率, the reasons and rules, then the totals and the 偏离度.
func (x *xlsx) reviewReport(sheet string, results []*engine.Result) error {
	s := x.writer(sheet)
	L := func(zh, en string) string { return i18n.Pick(x.lang, zh, en) }
	for _, r := range results {
		p := r.Project
		d := p.Scoring.Decimals
		s.row++
		title := L("项目：", "Project: ") + p.Name
		if p.Agency != "" {
			title += L("　单位：", "   Budget unit: ") + p.Agency
		}
		if p.Reviewer.Name != "" {
			title += L("　复核人：", "   Reviewer: ") + p.Reviewer.Name
		}
		if p.Reviewer.Date != "" {
			title += L("　复核日期：", "   Date: ") + p.Reviewer.Date
		}
		s.put(1, title)
		s.style(1, x.head)
		s.row++
		s.headRow(L("一级指标", "Level 1"), L("二级指标", "Level 2"), L("指标", "Indicator"), L("分值", "Weight"), L("指标值", "Target"),
			L("自评完成值", "Stated actual"), L("自评得分", "Stated score"), L("计算得分", "Computed"), L("复核完成值", "Reviewed actual"),
			L("复核得分", "Review score"), L("得分差", "Difference"), L("完成率", "Completion"), L("扣分理由", "Reason"), L("复核口径", "Rule"))
		for i := range r.Indicators {
			ir := &r.Indicators[i]
			ind := ir.Indicator
			s.row++
			s.put(1, ind.Level1)
			s.put(2, ind.Level2)
			s.put(3, ind.Name)
			s.number(4, ind.Weight, d, plainNum)
			s.put(5, valueCell(ind.Target))
			s.put(6, valueCell(ind.Actual))
			s.numberOf(7, ind.Reported, d, plainNum)
			s.score(8, ir, d)
			if r.Review == nil {
				continue
			}
			iv := &r.Review.Indicators[i]
			if rec := ind.Review; rec != nil {
				s.put(9, valueCell(rec.Actual))
				s.put(13, rec.Reason)
				s.style(13, x.wrap)
				s.put(14, rec.Rule)
			}
			if iv.HasScore {
				s.number(10, iv.Score, d, plainNum)
			}
			if iv.HasDifference {
				s.number(11, iv.Difference, d, plainNum)
			}
			if iv.HasCompletion {
				s.put(12, num.Round(iv.Completion, 4))
				s.style(12, x.percent)
			}
		}
		s.row++
		s.put(1, L("合计", "Total"))
		s.number(4, r.Weight, d, plainNum)
		if self := r.Review; self != nil && self.HasSelf {
			s.number(7, self.Self, d, plainNum)
		} else {
			stated := p.Reported.Score
			if stated == nil {
				stated = p.Reported.Total
			}
			s.numberOf(7, stated, d, plainNum)
		}
		s.total(8, r, d)
		if rv := r.Review; rv != nil {
			s.reviewTotal(10, rv, d)
			if rv.HasSelf && rv.Exact {
				s.number(11, num.Round(rv.Self-rv.Total, d), d, plainNum)
			}
			s.row++
			s.put(1, L("等次", "Grade"))
			s.put(2, L("自评 ", "stated ")+orDash(p.Reported.Grade)+L("，计算 ", ", computed ")+r.Grade+L("，复核 ", ", reviewed ")+reviewGrade(rv))
			if rv.HasDeviation {
				s.put(4, L("偏离度", "Deviation"))
				s.put(5, num.Round(rv.Deviation, 4))
				s.style(5, x.percent)
			}
		}
		s.row++
	}
	return s.finish()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// differences writes the 差值表: each project's totals (自评, 计算, 复核, their differences and
// the 偏离度), then each of its indicators whose scores differ, with the reviewer's reason.
func (x *xlsx) differences(sheet string, results []*engine.Result) error {
	s := x.writer(sheet)
	s.row = 1
	L := func(zh, en string) string { return i18n.Pick(x.lang, zh, en) }
	s.headRow(L("项目", "Project"), L("单位", "Budget unit"), L("指标", "Indicator"), L("分值", "Weight"), L("自评得分", "Stated"),
		L("计算得分", "Computed"), L("复核得分", "Reviewed"), L("自评−计算", "Stated − computed"), L("自评−复核", "Stated − reviewed"),
		L("偏离度", "Deviation"), L("扣分理由", "Reason"), L("复核口径", "Rule"))
	for _, r := range results {
		p := r.Project
		d := p.Scoring.Decimals
		rv := r.Review
		s.row++
		s.put(1, p.Name)
		s.put(2, p.Agency)
		s.put(3, L("（项目合计）", "(project total)"))
		s.number(4, r.Weight, d, plainNum)
		self, hasSelf := selfScore(r)
		if hasSelf {
			s.number(5, self, d, plainNum)
		}
		s.total(6, r, d)
		if hasSelf && r.Exact {
			s.number(8, num.Round(self-r.Total, d), d, plainNum)
		}
		if rv != nil {
			s.reviewTotal(7, rv, d)
			if hasSelf && rv.Exact {
				s.number(9, num.Round(self-rv.Total, d), d, plainNum)
			}
			if rv.HasDeviation {
				s.put(10, num.Round(rv.Deviation, 4))
				s.style(10, x.percent)
			}
		}
		for i := range r.Indicators {
			ir := &r.Indicators[i]
			ind := ir.Indicator
			var iv *engine.IndicatorReview
			if rv != nil {
				iv = &rv.Indicators[i]
			}
			rep := ind.Reported
			computedDiffers := rep != nil && ir.HasScore && !num.Within(*rep, ir.Score, engine.DefaultTolerance)
			reviewDiffers := iv != nil && iv.HasDifference && iv.Difference != 0
			if !computedDiffers && !reviewDiffers {
				continue
			}
			s.row++
			s.put(1, p.Name)
			s.put(2, p.Agency)
			s.put(3, ind.Name)
			s.number(4, ind.Weight, d, plainNum)
			s.numberOf(5, rep, d, plainNum)
			s.score(6, ir, d)
			if rep != nil && ir.HasScore {
				s.number(8, num.Round(*rep-ir.Score, d), d, plainNum)
			}
			if iv != nil && iv.HasScore {
				s.number(7, iv.Score, d, plainNum)
				if iv.HasDifference {
					s.number(9, iv.Difference, d, plainNum)
				}
			}
			if rec := ind.Review; rec != nil {
				s.put(11, rec.Reason)
				s.put(12, rec.Rule)
			}
		}
	}
	if s.err == nil {
		s.err = x.f.AutoFilter(sheet, "A1:"+cell(12, max(s.row, 1)))
	}
	if s.err == nil {
		s.err = x.f.FreezeRows(sheet, 1)
	}
	return s.finish()
}

// selfScore is a project's 自评得分: as the review measured it, else as stated.
func selfScore(r *engine.Result) (float64, bool) {
	if r.Review != nil {
		return r.Review.Self, r.Review.HasSelf
	}
	rep := r.Project.Reported
	switch {
	case rep.Score != nil:
		return *rep.Score, true
	case rep.Total != nil:
		return *rep.Total, true
	}
	return 0, false
}

// reviewerFindings writes the reviewer's own findings of a project in the 问题清单: each
// indicator whose 复核得分 differs from the self-assessed score, or that carries a reason.
func (x *xlsx) reviewerFindings(s *sheetWriter, r *engine.Result) {
	rv := r.Review
	if rv == nil {
		return
	}
	d := r.Project.Scoring.Decimals
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		rec, iv := ind.Review, &rv.Indicators[i]
		if rec == nil || !ir.Applicable || !iv.HasScore || (rec.Reason == "" && (!iv.HasDifference || iv.Difference == 0)) {
			continue
		}
		s.row++
		s.put(1, r.Project.Name)
		s.put(2, ind.Name)
		level, fact := i18n.T("复核调整", "review change"), i18n.T("复核得分 %s", "review score %s", num.Format(iv.Score, d))
		if iv.HasDifference {
			switch {
			case iv.Difference > 0:
				level = i18n.T("复核扣分", "review cut")
				fact = i18n.T("自评得分 %s，复核得分 %s，扣 %s 分", "reported %s, review score %s: %s points cut",
					num.Short(*ind.Reported, d), num.Format(iv.Score, d), num.Format(iv.Difference, d))
			case iv.Difference < 0:
				fact = i18n.T("自评得分 %s，复核得分 %s，调增 %s 分", "reported %s, review score %s: %s points added",
					num.Short(*ind.Reported, d), num.Format(iv.Score, d), num.Format(-iv.Difference, d))
			}
		}
		s.put(3, level.String(x.lang))
		dim := ind.Level1
		if dim == "" {
			dim = i18n.Pick(x.lang, "指标", "indicator")
		}
		s.put(4, dim)
		s.put(5, r.Project.Pos(ind.Path()+".review.score").String())
		s.put(6, orDash(rec.Reason))
		s.style(6, x.wrap)
		s.put(7, fact.String(x.lang))
		s.put(8, rec.Note)
		if iv.Rule != nil {
			s.put(9, iv.Rule.Code+i18n.Pick(x.lang, "：", ": ")+engine.RuleTitle(iv.Rule, x.lang))
		} else {
			s.put(9, rec.Rule)
		}
		s.put(10, rec.Rule)
	}
}

// dimension is the 复核维度 a check looks at.
func dimension(c engine.Code) i18n.Text {
	switch c {
	case engine.ScoreMismatch, engine.TotalMismatch, engine.GradeMismatch, engine.ScoreOverWeight, engine.RangeViolation,
		engine.Unscored, engine.MissingValue, engine.ValueUnreadable, engine.AllFullMarks:
		return i18n.T("得分", "scores")
	case engine.CountMismatch, engine.MissingReason, engine.ActualCopiesTarget, engine.TargetBelowPrior, engine.OverachievedUnexplained,
		engine.UnitMissing, engine.UnitMismatch:
		return i18n.T("绩效目标", "targets")
	case engine.WeightSum, engine.WeightNegative, engine.CriterionUnparsed, engine.TierGap, engine.TierOverlap, engine.TierUnreachable,
		engine.TierNonMonotonic, engine.TierOverWeight, engine.TargetThreshold, engine.NoCriterion:
		return i18n.T("评分标准", "criteria")
	case engine.FundsMismatch, engine.ExecutionUnexplained, engine.BalanceRateHigh, engine.SpendResultsGap:
		return i18n.T("资金", "funds")
	case engine.ReviewScoreMissing, engine.ReviewScoreOverWeight, engine.ReviewCutUnexplained, engine.ReviewRaiseUnexplained,
		engine.ReviewRuleUnknown, engine.ReviewRuleMismatch, engine.ReviewNoteMissing:
		return i18n.T("复核记录", "the review")
	}
	return i18n.T("其他", "other")
}

// basis is what a finding is verified against: its check, and the indicator's scoring basis
// or the review rule it cites.
func (x *xlsx) basis(r *engine.Result, f *engine.Finding) string {
	b := "[" + string(f.Code) + "]"
	if c, ok := engine.LookupCheck(f.Code); ok {
		b += " " + c.Title.String(x.lang)
	}
	if f.Indicator < 0 {
		return b
	}
	if r.Review != nil && dimension(f.Code).Zh == "复核记录" {
		if rule := r.Review.Indicators[f.Indicator].Rule; rule != nil {
			return b + i18n.Pick(x.lang, "；复核口径 ", "; rule ") + rule.Code + i18n.Pick(x.lang, "：", ": ") + engine.RuleTitle(rule, x.lang)
		}
		return b
	}
	return b + i18n.Pick(x.lang, "；计分依据：", "; scored by: ") + basisText(r, &r.Indicators[f.Indicator]).String(x.lang)
}

// ruleSet is one list of review rules as the rules sheet lists it: the projects that follow
// it, and the rows of its codes.
type ruleSet struct {
	rules       []indicators.ReviewRule
	projects    []string
	sheet       string
	first, last int
}

// planRules lays out the rules sheet before it is written: each distinct list of rules in
// force, in the order the projects first follow it.
func (x *xlsx) planRules(sheet string, results []*engine.Result) {
	for _, r := range results {
		if set := x.ruleSet(r.Rules); set != nil {
			set.projects = append(set.projects, r.Project.Name)
			continue
		}
		x.ruleSets = append(x.ruleSets, ruleSet{rules: r.Rules, projects: []string{r.Project.Name}, sheet: sheet})
	}
	row := 1
	for k := range x.ruleSets {
		if len(x.ruleSets) > 1 {
			row++ // the projects that follow it
		}
		set := &x.ruleSets[k]
		set.first = row + 1 // below the header
		set.last = row + len(set.rules)
		row = set.last + 2
	}
}

// ruleSet finds the planned set of a list of rules.
func (x *xlsx) ruleSet(rules []indicators.ReviewRule) *ruleSet {
	for k := range x.ruleSets {
		if slices.EqualFunc(x.ruleSets[k].rules, rules, sameRule) {
			return &x.ruleSets[k]
		}
	}
	return nil
}

func sameRule(a, b indicators.ReviewRule) bool {
	same := a.Code == b.Code && a.Title == b.Title && a.TitleEn == b.TitleEn && a.Effect == b.Effect && a.Cut == b.Cut && a.Note == b.Note
	return same && (a.CompletionAbove == nil) == (b.CompletionAbove == nil) && (a.CompletionAbove == nil || *a.CompletionAbove == *b.CompletionAbove)
}

// rulesSheet writes the review rules the projects follow: code, title, effect, note.
func (x *xlsx) rulesSheet(sheet string, _ []*engine.Result) error {
	s := x.writer(sheet)
	L := func(zh, en string) string { return i18n.Pick(x.lang, zh, en) }
	s.row = 1
	for _, set := range x.ruleSets {
		if len(x.ruleSets) > 1 {
			s.put(1, L("适用于：", "Followed by: ")+strings.Join(set.projects, L("、", ", ")))
			s.row++
		}
		s.headRow(L("口径代码", "Code"), L("口径名称", "Title"), L("对得分的影响", "Effect"), L("须填备注", "Note required"))
		for i := range set.rules {
			rule := &set.rules[i]
			s.row++
			s.put(1, rule.Code)
			s.put(2, engine.RuleTitle(rule, x.lang))
			s.put(3, effectText(rule).String(x.lang))
			if rule.Note {
				s.put(4, L("是", "yes"))
			}
		}
		s.row += 2
	}
	return s.finish()
}

// effectText says what a rule does to the score.
func effectText(r *indicators.ReviewRule) i18n.Text {
	var t i18n.Text
	switch r.Effect {
	case indicators.EffectZero:
		t = i18n.T("得 0 分", "scores 0")
	case indicators.EffectCut:
		t = i18n.T("扣分值的 %s%%", "cuts %s%% of the weight", num.Short(r.Cut*100, 2))
	case indicators.EffectCriterion:
		t = i18n.T("按评分标准计分", "the score the criterion gives")
	default:
		t = i18n.T("不扣分", "no cut")
	}
	if r.CompletionAbove != nil {
		t = i18n.T("%s（完成率超过 %s%% 时适用）", "%s (where the completion rate is above %s%%)", t, num.Short(*r.CompletionAbove*100, 2))
	}
	return t
}

package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// reviewSummary is what a summary counts of the reviewers' 复核: the projects reviewed, their
// 偏离度, the grades the review changed and the cuts by rule.
type reviewSummary struct {
	reviewed    int
	deviation   float64 // the sum of the 偏离度 counted
	deviations  int
	largest     []DeviationEntry // the largest |偏离度|, at most MaxDeltas, largest first
	transitions map[[2]string]int
	changed     int
	cuts        map[string]int // cuts below the self-assessed score, by the rule cited ("—": none)
}

// DeviationEntry is one project's 偏离度.
type DeviationEntry struct {
	Project   string  `json:"project"`
	File      string  `json:"file"`
	Self      float64 `json:"self"`
	Review    float64 `json:"review"`
	Deviation float64 `json:"deviation"` // a fraction, 4 decimals
}

// addReview counts a project's 复核, if it carries one.
func (s *Summary) addReview(r *engine.Result) {
	rv := r.Review
	if rv == nil {
		return
	}
	sr := &s.review
	if sr.transitions == nil {
		sr.transitions, sr.cuts = map[[2]string]int{}, map[string]int{}
	}
	sr.reviewed++
	p := r.Project
	if rv.HasDeviation {
		sr.deviation += rv.Deviation
		sr.deviations++
		e := DeviationEntry{Project: p.Name, File: p.Pos("").String(), Self: rv.Self, Review: rv.Total, Deviation: num.Round(rv.Deviation, 4)}
		at := sort.Search(len(sr.largest), func(i int) bool { return math.Abs(sr.largest[i].Deviation) < math.Abs(e.Deviation) })
		if at < MaxDeltas {
			sr.largest = append(sr.largest[:at], append([]DeviationEntry{e}, sr.largest[at:]...)...)
			if len(sr.largest) > MaxDeltas {
				sr.largest = sr.largest[:MaxDeltas]
			}
		}
	}
	stated, ok := engine.CanonicalGrade(p.Scoring.Grades, p.Reported.Grade)
	if !ok {
		stated = "—"
	}
	reviewed := rv.Grade
	if !rv.Exact && rv.GradeMax != rv.Grade {
		reviewed = "?"
	}
	sr.transitions[[2]string{stated, reviewed}]++
	if ok && reviewed != "?" && reviewed != stated {
		sr.changed++
	}
	for i := range rv.Indicators {
		iv := &rv.Indicators[i]
		if !r.Indicators[i].Applicable || !iv.HasDifference || iv.Difference <= 0 {
			continue
		}
		rule := "—"
		if rec := r.Indicators[i].Indicator.Review; rec.Rule != "" {
			rule = rec.Rule
		}
		sr.cuts[rule]++
	}
}

// reviewSummaryJSON is the summary's review figures, present when some project was reviewed.
type reviewSummaryJSON struct {
	Reviewed          int              `json:"reviewed"`
	AverageDeviation  *float64         `json:"average_deviation"` // a fraction, 4 decimals; null when none has one
	LargestDeviations []DeviationEntry `json:"largest_deviations"`
	Grades            reviewGradesJSON `json:"grades"`
	CutsByRule        []Count          `json:"cuts_by_rule"`
}

type reviewGradesJSON struct {
	Changed     int                    `json:"changed"`
	Transitions []reviewTransitionJSON `json:"transitions"`
}

type reviewTransitionJSON struct {
	Stated   string `json:"stated"`
	Reviewed string `json:"reviewed"`
	Count    int    `json:"count"`
}

// newReviewSummaryJSON is the review figures' JSON form; nil when no project was reviewed.
func newReviewSummaryJSON(s *Summary) *reviewSummaryJSON {
	sr := &s.review
	if sr.reviewed == 0 {
		return nil
	}
	out := &reviewSummaryJSON{Reviewed: sr.reviewed, LargestDeviations: append([]DeviationEntry{}, sr.largest...),
		CutsByRule: Top(sr.cuts, 0)}
	if sr.deviations > 0 {
		out.AverageDeviation = ptr(num.Round(sr.deviation/float64(sr.deviations), 4))
	}
	out.Grades.Changed = sr.changed
	out.Grades.Transitions = transitions(sr.transitions, func(from, to string, n int) reviewTransitionJSON {
		return reviewTransitionJSON{from, to, n}
	})
	return out
}

// writeReviewSummary writes the review figures for a person, when some project was reviewed.
func writeReviewSummary(b *strings.Builder, j *reviewSummaryJSON, lang i18n.Lang) error {
	if j == nil {
		return nil
	}
	L := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	b.WriteString("\n" + i18n.T("复核：%s已复核", "Review: %s reviewed", count(j.Reviewed, "个项目", "project", "projects")).String(lang))
	if j.AverageDeviation != nil {
		b.WriteString(i18n.T("，平均偏离度 %s%%", ", average deviation %s%%", num.Format(*j.AverageDeviation*100, 2)).String(lang))
	}
	b.WriteString(i18n.T("；复核改变等次的项目 %d 个\n", "; grades changed by the review: %d\n", j.Grades.Changed).String(lang))
	if len(j.Grades.Transitions) > 0 {
		t := newTable(left, left, right)
		t.row("  "+L("自评等次", "Stated"), L("复核等次", "Reviewed"), L("项目", "Projects"))
		for _, tr := range j.Grades.Transitions {
			t.row("  "+tr.Stated, tr.Reviewed, fmt.Sprint(tr.Count))
		}
		if err := t.write(b); err != nil {
			return err
		}
	}
	if len(j.LargestDeviations) > 0 {
		b.WriteString(L("偏离度最大的项目：", "Largest deviations:") + "\n")
		t := newTable(left, left, right, right, right)
		t.row("  "+L("项目", "Project"), L("文件", "File"), L("自评", "Stated"), L("复核", "Reviewed"), L("偏离度", "Deviation"))
		for _, d := range j.LargestDeviations {
			t.row("  "+d.Project, d.File, num.Format(d.Self, 2), num.Format(d.Review, 2), num.Format(d.Deviation*100, 2)+"%")
		}
		if err := t.write(b); err != nil {
			return err
		}
	}
	if len(j.CutsByRule) > 0 {
		b.WriteString(L("扣分（按复核口径，— 为未注明口径）：", "Cuts by review rule (— none cited):") + "\n")
		t := newTable(left, right)
		for _, c := range j.CutsByRule {
			t.row("  "+c.Name, fmt.Sprint(c.Count))
		}
		if err := t.write(b); err != nil {
			return err
		}
	}
	return nil
}

// explainRules lists the review rules that ship with jixiao, for the checks of rules.
func explainRules(code engine.Code, lang i18n.Lang) string {
	switch code {
	case engine.ReviewCutUnexplained, engine.ReviewRuleUnknown, engine.ReviewRuleMismatch, engine.ReviewNoteMissing:
	default:
		return ""
	}
	var b strings.Builder
	b.WriteString("\n" + i18n.Pick(lang,
		"jixiao 自带的复核口径（--config 文件或项目文件中的 [[review_rules]] 整体替换它们）：",
		"The review rules jixiao ships with ([[review_rules]] in the --config file or in a project file replace them whole):") + "\n")
	t := newTable(left, left, left, left)
	rules := engine.DefaultReviewRules()
	for i := range rules {
		r := &rules[i]
		note := ""
		if r.Note {
			note = i18n.Pick(lang, "须填备注", "note required")
		}
		t.row("  "+r.Code, engine.RuleTitle(r, lang), effectText(r).String(lang), note)
	}
	_ = t.write(&b) // a strings.Builder does not fail
	return b.String()
}

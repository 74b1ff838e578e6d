package report

import (
	"fmt"
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// writeReview writes a project's 复核 by a reviewer, when it carries one: each indicator's
// 复核得分 beside the reported and computed scores, the 得分差, the rule and the reason, then
// the review total, its grade and the 偏离度. It is headed as the reviewer's, apart from the
// table's computed scores above it.
func writeReview(b *strings.Builder, r *engine.Result, lang i18n.Lang) error {
	rv := r.Review
	if rv == nil {
		return nil
	}
	p := r.Project
	d := p.Scoring.Decimals
	L := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	head := L("复核人复核", "The reviewer's review")
	if who := strings.TrimSpace(p.Reviewer.Name + " " + p.Reviewer.Date); who != "" {
		head += L("（"+who+"）", " ("+who+")")
	}
	b.WriteString("\n" + head + "\n")
	t := newTable(right, left, right, right, right, right, right, left, left)
	t.row("#", L("三级指标", "Indicator"), L("分值", "Weight"), L("自评得分", "Reported"), L("计算得分", "Computed"),
		L("复核得分", "Review"), L("得分差", "Difference"), L("复核口径", "Rule"), L("扣分理由", "Reason"))
	t.rule()
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		iv := &rv.Indicators[i]
		score, diff := "—", ""
		if iv.HasScore {
			score = num.Format(iv.Score, d)
		}
		if iv.HasDifference {
			diff = num.Format(iv.Difference, d)
		}
		var rule, reason string
		if rec := ind.Review; rec != nil {
			rule, reason = rec.Rule, rec.Reason
			if rec.Note != "" {
				reason += L("（备注："+rec.Note+"）", " (note: "+rec.Note+")")
			}
		}
		if !ir.Applicable {
			score = L("不适用", "n/a")
		}
		t.row(fmt.Sprint(i+1), ind.Name, num.Short(ind.Weight, d), optShort(ind.Reported, d), ScoreText(ir, d), score, diff, rule, reason)
	}
	if x := r.Execution; x != nil { // the 预算执行率 line: its 复核得分, else its computed score, counts
		computed := "—"
		if x.HasScore {
			computed = num.Format(x.Score, d)
		}
		score, diff, rule, reason := computed, "", "", ""
		if e := rv.Execution; e != nil {
			score = num.Format(e.Score, d)
			if e.HasDifference {
				diff = num.Format(e.Difference, d)
			}
		}
		if rec := p.Funds.Review; rec != nil {
			rule, reason = rec.Rule, rec.Reason
			if rec.Note != "" {
				reason += L("（备注："+rec.Note+"）", " (note: "+rec.Note+")")
			}
		}
		t.row("", L("预算执行率", "Budget execution"), num.Short(x.Weight, d), optShort(x.Reported, d), computed, score, diff, rule, reason)
	}
	if err := t.write(b); err != nil {
		return err
	}
	line := i18n.T("复核人复核总分 %s，等次 %s", "The reviewer's total %s, grade %s", reviewTotalText(rv, d), reviewGrade(rv)).String(lang)
	if rv.HasSelf {
		line += i18n.T("；自评得分 %s", "; self-assessed %s", num.Short(rv.Self, d)).String(lang)
	}
	if rv.HasDeviation {
		line += i18n.T("，偏离度 %s%%", ", deviation %s%%", num.Format(rv.Deviation*100, 2)).String(lang)
	}
	if !rv.Exact {
		line += L("。复核总分为区间：有指标没有复核得分", ". The review total is a range: some indicators have no review score")
	}
	b.WriteString(line + "\n")
	return nil
}

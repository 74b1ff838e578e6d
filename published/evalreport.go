package published

import (
	"regexp"
	"strings"
)

// evalReport is a 项目支出绩效评价报告 as read: the project it is about, what it states of the
// self-evaluation as a whole, the funds and every indicator restated.
type evalReport struct {
	title     field
	name      string // the project, as its first sentence names it
	intro     string // the first paragraph, where the name is looked for
	score     field  // 自评得分 94.81
	grade     field  // 等级为优秀
	set, met  field  // 设置绩效目标 7 个，实际完成 5 个
	funds     map[string]field
	rows      []*reportRow
	summaryAt field // the sentence stating score, grade and targets
	notes     []Finding
}

// reportRow is one indicator restated: "1) 资金投入, 目标值 73.00, 实际完成 13.87, 权重 10.00,
// 得分 5.00, 未完成原因: …".
type reportRow struct {
	pos                                   field
	level1, level2, name                  string
	target, actual, weight, score, reason field
}

var (
	reportNameRe = regexp.MustCompile(`为提高(.+?)专项资金使用绩效|组织对\s*\d{4}\s*年度\s*(.+?)(?:专项|项目)开展`)
	scoreRe      = regexp.MustCompile(`自评得分\s*(\d+(?:\.\d+)?)\s*分`)
	gradeRe      = regexp.MustCompile(`(?:等级|等次)为\s*[“"]?([优良中差][秀好等]?|较差)`)
	setRe        = regexp.MustCompile(`设置绩效目标\s*(\d+)\s*个`)
	metRe        = regexp.MustCompile(`实际完成\s*(\d+)\s*个`)
	level1Re     = regexp.MustCompile(`^[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*(\S*指标)\s*$`)
	level2Re     = regexp.MustCompile(`^\d+\s*、\s*(\S*指标)\s*$`)
	rowStartRe   = regexp.MustCompile(`^\d+\s*[)）]\s*`)
	restatedRe   = regexp.MustCompile(`^(.+?)\s*[,，]\s*目标值\s*(.+?)\s*[,，]\s*实际完成值?\s*(.+?)\s*[,，]\s*权重\s*(\d+(?:\.\d+)?)\s*[,，]\s*得分\s*(\d+(?:\.\d+)?)\s*(?:[,，]\s*(?:未完成原因|偏差原因)\s*[:：]\s*(.*))?\s*[。.]?\s*$`)
	analysisRe   = regexp.MustCompile(`^[一二三四五六七八九十]+\s*、\s*绩效分析`)
	nextPartRe   = regexp.MustCompile(`^[一二三四五六七八九十]+\s*、`)
)

// reportFunds are the sentences of the report's 专项基本情况, in the order they come, with the
// [funds] key of each. 本年度结余金额 is stated twice: ④ after 年度拨付, ⑦ after 实际支出.
var reportFunds = []struct {
	label, key string
}{
	{"年初部门预算安排金额", "budget"}, {"年中调整金额", "adjustment"}, {"年度拨付金额", "allocated"},
	{"本年度结余金额", "balance"}, {"实际到位金额", "received"}, {"实际支出金额", "spent"},
	{"本年度结余金额", "unspent"}, {"结余率", "unspent_rate"},
}

var fundsSentenceRe = regexp.MustCompile(`^(年初部门预算安排金额|年中调整金额|年度拨付金额|本年度结余金额|实际到位金额|实际支出金额|结余率)\s*(-?[\d,]+(?:\.\d+)?)\s*(?:万元|%)`)

// readReport reads an evaluation report's paragraphs.
func readReport(r *region) *evalReport {
	rep := &evalReport{title: field{text: strings.TrimSpace(r.title.Cell(0)), pos: r.title.Pos}, funds: map[string]field{}}
	paras := paragraphs(r.lines)
	inAnalysis := false
	fundsNext := 0
	var level1, level2 string
	for i, p := range paras {
		text := p.text
		if i == 0 {
			rep.intro = squash(text)
			if m := reportNameRe.FindStringSubmatch(text); m != nil {
				rep.name = squash(m[1] + m[2])
			}
		}
		if m := fundsSentenceRe.FindStringSubmatchIndex(text); m != nil && fundsNext < len(reportFunds) {
			label := text[m[2]:m[3]]
			for fundsNext < len(reportFunds) && reportFunds[fundsNext].label != label {
				fundsNext++
			}
			if fundsNext < len(reportFunds) {
				rep.funds[reportFunds[fundsNext].key] = field{text: text[m[4]:m[5]], pos: p.posAt(m[4])}
				fundsNext++
			}
			continue
		}
		if m := scoreRe.FindStringSubmatchIndex(text); m != nil && !rep.score.set() {
			rep.summaryAt = field{text: text, pos: p.pos()}
			rep.score = field{text: text[m[2]:m[3]], pos: p.posAt(m[2])}
			if m := gradeRe.FindStringSubmatchIndex(text); m != nil {
				rep.grade = field{text: text[m[2]:m[3]], pos: p.posAt(m[2])}
			}
			if m := setRe.FindStringSubmatchIndex(text); m != nil {
				rep.set = field{text: text[m[2]:m[3]], pos: p.posAt(m[2])}
			}
			if m := metRe.FindStringSubmatchIndex(text); m != nil {
				rep.met = field{text: text[m[2]:m[3]], pos: p.posAt(m[2])}
			}
		}
		switch {
		case analysisRe.MatchString(text):
			inAnalysis = true
			continue
		case inAnalysis && nextPartRe.MatchString(text):
			inAnalysis = false
		}
		if !inAnalysis {
			continue
		}
		if m := level1Re.FindStringSubmatch(text); m != nil {
			level1, level2 = squash(m[1]), ""
			continue
		}
		if m := level2Re.FindStringSubmatch(text); m != nil {
			level2 = squash(m[1])
			continue
		}
		start := rowStartRe.FindStringIndex(text)
		if start == nil {
			continue
		}
		body := text[start[1]:]
		m := restatedRe.FindStringSubmatchIndex(body)
		if m == nil {
			f := newFinding(CodeRowUnread)
			f.Pos, f.Subject, f.Names = p.pos(), rep.title.text, []string{text}
			rep.notes = append(rep.notes, f)
			continue
		}
		at := func(k int) field {
			if m[2*k] < 0 {
				return field{}
			}
			return field{text: strings.TrimSpace(body[m[2*k]:m[2*k+1]]), pos: p.posAt(start[1] + m[2*k])}
		}
		row := &reportRow{pos: field{pos: p.pos()}, level1: level1, level2: level2, name: squash(at(1).text),
			target: at(2), actual: at(3), weight: at(4), score: at(5), reason: at(6)}
		rep.rows = append(rep.rows, row)
	}
	return rep
}

package published

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	projectCountRe = regexp.MustCompile(`(\d+)\s*个项目`)
	projectNamesRe = regexp.MustCompile(`[，,]\s*是\s*(.+?)(?:等)?项目\s*[，,]`)
	fundsTotalRe   = regexp.MustCompile(`涉及[^，,。；;]*?(?:资金|金额)\s*(?:共计|合计|总额|总计)?\s*(?:为)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)`)
	gradeCountsRe  = regexp.MustCompile(`等次为\s*((?:[“"]?[优良中差][”"]?\s*[、,，]?\s*)+)的项目分别(?:是|为)\s*((?:\d+\s*个\s*[、,，]?\s*)+)`)
	gradeNameRe    = regexp.MustCompile(`[优良中差]`)
	countRe        = regexp.MustCompile(`\d+`)
	listSepRe      = regexp.MustCompile(`[、，,]`)

	// The wording that puts the count after the projects: "绩效自评的 2024 年度项目 1 个，涉及
	// 预算金额 175.52 万元，平均得分 100.00 分（其中，绩效评级为“优”的项目 1 个；…）".
	countAfterRe = regexp.MustCompile(`项目\s*(\d+)\s*个`)
	averageRe    = regexp.MustCompile(`平均(?:得分|分数?)\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分`)
	ratedCountRe = regexp.MustCompile(`(?:评级|等次|等级)\s*为\s*[“"]?\s*([^”"\s的]{1,4}?)\s*[”"]?\s*的项目\s*(?:有|为)?\s*(\d+)\s*个`)
)

// readNarrative reads the 预算绩效情况说明 (or 预算绩效管理情况): each sentence that states a
// number of projects self-evaluated or evaluated, the projects it names, the funds they
// involve and the count of projects per grade.
func readNarrative(r *region) Narrative {
	n := Narrative{Pos: r.title.Pos}
	for _, p := range paragraphs(r.lines) {
		text := p.text
		m := projectCountRe.FindStringSubmatchIndex(text)
		if m == nil {
			n.Statements = append(n.Statements, countsAfter(p)...)
			continue
		}
		st := Statement{Kind: "评价", Pos: p.posAt(m[2])}
		st.Count, _ = strconv.Atoi(text[m[2]:m[3]])
		if strings.Contains(text[:m[1]+min(len(text)-m[1], 30)], "自评") {
			st.Kind = "自评"
		}
		if nm := projectNamesRe.FindStringSubmatch(text); nm != nil {
			for _, name := range listSepRe.Split(nm[1], -1) {
				if name = squash(name); name != "" {
					st.Names = append(st.Names, strings.TrimSuffix(name, "项目"))
				}
			}
		}
		readFunds(&st, p, text, 0)
		if gm := gradeCountsRe.FindStringSubmatchIndex(text); gm != nil {
			grades := gradeNameRe.FindAllString(text[gm[2]:gm[3]], -1)
			counts := countRe.FindAllString(text[gm[4]:gm[5]], -1)
			if len(grades) == len(counts) {
				for i, g := range grades {
					c, _ := strconv.Atoi(counts[i])
					st.Grades = append(st.Grades, GradeCount{Grade: g, Count: c})
				}
				st.GradePos = p.posAt(gm[4])
			}
		}
		n.Statements = append(n.Statements, st)
	}
	return n
}

// readFunds reads the funds a statement's text (at offset at of the paragraph) states.
func readFunds(st *Statement, p *para, text string, at int) {
	fm := fundsTotalRe.FindStringSubmatchIndex(text)
	if fm == nil {
		return
	}
	v, ok := parseAmount(text[fm[2]:fm[3]])
	if !ok {
		return
	}
	if text[fm[4]:fm[5]] == "元" {
		v /= 10000
	}
	st.Funds, st.FundsPos = &v, p.posAt(at+fm[2])
	st.Said = append(st.Said, squash(text[fm[0]:fm[1]]))
}

// countsAfter reads the statements of a paragraph that puts the count after the projects,
// one clause each ("绩效自评的 2024 年度项目 1 个，…；绩效跟踪评价的 …"): those of
// self-evaluated (自评) and evaluated (评价) projects; projects that set targets (编报绩效目标)
// or were monitored (跟踪) are neither.
func countsAfter(p *para) []Statement {
	var out []Statement
	for _, c := range clauses(p.text) {
		text := p.text[c[0]:c[1]]
		m := countAfterRe.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		before := text[:m[0]]
		var st Statement
		switch {
		case strings.Contains(before, "自评"):
			st.Kind = "自评"
		case strings.Contains(before, "跟踪") || strings.Contains(before, "目标"):
			continue
		case strings.Contains(before, "评价"):
			st.Kind = "评价"
		default:
			continue
		}
		st.Count, _ = strconv.Atoi(text[m[2]:m[3]])
		st.Pos = p.posAt(c[0] + m[2])
		rest := text[m[1]:]
		readFunds(&st, p, rest, c[0]+m[1])
		if am := averageRe.FindStringSubmatchIndex(rest); am != nil {
			if v, err := strconv.ParseFloat(rest[am[2]:am[3]], 64); err == nil {
				st.Average, st.AveragePos = &v, p.posAt(c[0]+m[1]+am[2])
				if _, frac, ok := strings.Cut(rest[am[2]:am[3]], "."); ok {
					st.AverageDecimals = len(frac)
				}
				st.Said = append(st.Said, squash(rest[am[0]:am[1]]))
			}
		}
		var grades []GradeCount
		canonical := true
		for _, gm := range ratedCountRe.FindAllStringSubmatchIndex(rest, -1) {
			g := canonicalGrade(rest[gm[2]:gm[3]])
			canonical = canonical && g != ""
			k, _ := strconv.Atoi(rest[gm[4]:gm[5]])
			grades = append(grades, GradeCount{Grade: g, Count: k})
			st.Said = append(st.Said, squash(rest[gm[0]:gm[1]]))
			if st.GradePos.Line == 0 {
				st.GradePos = p.posAt(c[0] + m[1] + gm[4])
			}
		}
		// Grades other than 优, 良, 中 and 差 (合格, 不合格) cannot be counted against the
		// projects': such a statement's grades are only said.
		if canonical && len(grades) > 0 {
			st.Grades = grades
		}
		out = append(out, st)
	}
	return out
}

// clauses cuts a paragraph at its sentence and clause ends (。；) outside brackets, as byte
// ranges: a bracketed list of grades ("（其中，…的项目 1 个；…的项目 0 个）") stays in its clause.
func clauses(text string) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	for i, r := range text {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			depth = max(0, depth-1)
		case '。', '；', ';':
			if depth == 0 {
				out = append(out, [2]int{start, i})
				start = i + utf8.RuneLen(r)
			}
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

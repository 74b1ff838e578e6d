package published

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	projectCountRe = regexp.MustCompile(`(\d+)\s*个项目`)
	projectNamesRe = regexp.MustCompile(`[，,]\s*是\s*(.+?)(?:等)?项目\s*[，,]`)
	fundsTotalRe   = regexp.MustCompile(`涉及[^，,。；;]*?资金\s*(?:共计|合计|总额|总计)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)`)
	gradeCountsRe  = regexp.MustCompile(`等次为\s*((?:[“"]?[优良中差][”"]?\s*[、,，]?\s*)+)的项目分别(?:是|为)\s*((?:\d+\s*个\s*[、,，]?\s*)+)`)
	gradeNameRe    = regexp.MustCompile(`[优良中差]`)
	countRe        = regexp.MustCompile(`\d+`)
	listSepRe      = regexp.MustCompile(`[、，,]`)
)

// readNarrative reads the 预算绩效情况说明: each sentence that states a number of projects
// self-evaluated or evaluated, the projects it names, the funds they involve and the count
// of projects per grade.
func readNarrative(r *region) Narrative {
	n := Narrative{Pos: r.title.Pos}
	for _, p := range paragraphs(r.lines) {
		text := p.text
		m := projectCountRe.FindStringSubmatchIndex(text)
		if m == nil {
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
		if fm := fundsTotalRe.FindStringSubmatchIndex(text); fm != nil {
			if v, ok := parseAmount(text[fm[2]:fm[3]]); ok {
				if text[fm[4]:fm[5]] == "元" {
					v /= 10000
				}
				st.Funds, st.FundsPos = &v, p.posAt(fm[2])
			}
		}
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

package published

import (
	"strings"

	"jixiao/internal/num"
)

// checkNarrative compares each statement of the 预算绩效情况说明 with the projects the report
// holds: their number and names, the funds they involve, and the grades.
func checkNarrative(doc *Document, grades []string, opts Options) []Finding {
	var out []Finding
	for _, st := range doc.Narrative.Statements {
		var ps []*Project
		var idx []int
		for i, p := range doc.Projects {
			if st.Kind == "自评" && p.Table.IsValid() || st.Kind == "评价" && p.Report.IsValid() {
				ps = append(ps, p)
				idx = append(idx, i)
			}
		}
		if len(ps) == 0 && st.Count > 0 {
			// No table (or report) of the kind at all: the report does not publish them, and
			// what the sentence states can be checked against none.
			f := newFinding(CodeNarrativeUnchecked)
			f.Pos, f.Subject, f.Item = st.Pos, "预算绩效情况说明", st.Kind
			f.Actual, f.Names = st.Count, st.Said
			out = append(out, f)
			continue
		}
		if f, ok := checkCount(st, ps); !ok {
			out = append(out, f)
		}
		if f, ok := checkFunds(st, ps, opts); !ok {
			out = append(out, f)
		}
		if f, ok := checkGrades(st, ps, idx, grades); !ok {
			out = append(out, f)
		}
		if f, ok := checkAverage(st, ps, opts); !ok {
			out = append(out, f)
		}
	}
	return out
}

func checkCount(st Statement, ps []*Project) (Finding, bool) {
	var unknown []string
	for _, name := range st.Names {
		found := false
		for _, p := range ps {
			if p.Project.Name == name {
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, name)
		}
	}
	if st.Count == len(ps) && len(unknown) == 0 {
		return Finding{}, true
	}
	f := newFinding(CodeNarrativeCount)
	f.Pos, f.Subject, f.Item = st.Pos, "预算绩效情况说明", st.Kind
	f.Actual, f.Expected, f.Names = st.Count, len(ps), unknown
	return f, false
}

// checkFunds compares the funds stated with the projects' budgets (① + ②), when every project
// gives its budget.
func checkFunds(st Statement, ps []*Project, opts Options) (Finding, bool) {
	if st.Funds == nil || len(ps) == 0 {
		return Finding{}, true
	}
	var amounts []float64
	for _, p := range ps {
		v, ok := p.Project.Funds.Available()
		if !ok {
			return Finding{}, true
		}
		amounts = append(amounts, v)
	}
	sum := num.Sum(2, amounts...)
	if num.Within(*st.Funds, sum, opts.MoneyTolerance) {
		return Finding{}, true
	}
	f := newFinding(CodeNarrativeFunds)
	f.Pos, f.Subject, f.Unit = st.FundsPos, "预算绩效情况说明", "万元"
	f.Actual, f.Expected, f.Diff = *st.Funds, sum, num.Round(*st.Funds-sum, 2)
	return f, false
}

// checkAverage compares the average score stated with the average of the projects' stated
// scores (自评得分, else the table's 合计), rounded to the decimals written, when every
// project states one.
func checkAverage(st Statement, ps []*Project, opts Options) (Finding, bool) {
	if st.Average == nil || len(ps) == 0 {
		return Finding{}, true
	}
	scores := make([]float64, len(ps))
	names := make([]string, len(ps))
	for k, p := range ps {
		r := &p.Project.Reported
		switch {
		case r.Score != nil:
			scores[k] = *r.Score
		case r.Total != nil:
			scores[k] = *r.Total
		default:
			return Finding{}, true // a score not stated: the average cannot be checked
		}
		names[k] = p.Project.Name + " " + num.Short(scores[k], 2)
	}
	avg := num.Round(num.Sum(4, scores...)/float64(len(scores)), st.AverageDecimals)
	if num.Within(*st.Average, avg, opts.Tolerance) {
		return Finding{}, true
	}
	f := newFinding(CodeNarrativeAverage)
	f.Pos, f.Subject, f.Item, f.Unit = st.AveragePos, "预算绩效情况说明", st.Kind, "分"
	f.Actual, f.Expected, f.Diff, f.Names = *st.Average, avg, num.Round(*st.Average-avg, 2), names
	return f, false
}

// checkGrades compares the counts per grade stated with the projects' grades: those given
// (re-scored), when every project has one, else those the tables state.
func checkGrades(st Statement, ps []*Project, idx []int, grades []string) (Finding, bool) {
	if st.Grades == nil || len(ps) == 0 {
		return Finding{}, true
	}
	basis := "rescored"
	got := make([]string, len(ps))
	for k, p := range ps {
		if grades != nil {
			if idx[k] >= len(grades) || grades[idx[k]] == "" {
				return Finding{}, true // a grade that cannot be decided: the counts cannot be checked
			}
			got[k] = canonicalGrade(grades[idx[k]])
		} else {
			basis = "stated"
			got[k] = canonicalGrade(p.Project.Reported.Grade)
			if got[k] == "" {
				return Finding{}, true
			}
		}
	}
	counts := map[string]int{}
	for _, g := range got {
		counts[g]++
	}
	stated := map[string]bool{}
	same := true
	var expected []GradeCount
	for _, gc := range st.Grades {
		stated[gc.Grade] = true
		expected = append(expected, GradeCount{Grade: gc.Grade, Count: counts[gc.Grade]})
		if counts[gc.Grade] != gc.Count {
			same = false
		}
	}
	for _, g := range []string{"优", "良", "中", "差"} {
		if counts[g] > 0 && !stated[g] {
			same = false
			expected = append(expected, GradeCount{Grade: g, Count: counts[g]})
		}
	}
	if same {
		return Finding{}, true
	}
	f := newFinding(CodeNarrativeGrades)
	f.Pos, f.Subject, f.Item = st.GradePos, "预算绩效情况说明", basis
	f.Actual, f.Expected = st.Grades, expected
	for k, p := range ps {
		f.Names = append(f.Names, p.Project.Name+" "+got[k])
	}
	return f, false
}

// canonicalGrade reads a grade as written: 优秀 and 优 are one grade, and so on.
func canonicalGrade(g string) string {
	g = strings.TrimSpace(strings.Trim(squash(g), "“”\""))
	switch g {
	case "优", "优秀":
		return "优"
	case "良", "良好":
		return "良"
	case "中", "中等":
		return "中"
	case "差", "较差":
		return "差"
	}
	return ""
}

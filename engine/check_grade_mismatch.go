package engine

import (
	"strings"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

var checkGradeMismatch = &Check{
	Code:     GradeMismatch,
	Severity: Error,
	Title:    i18n.T("等次与总分不符", "stated grade does not match the total"),
	Doc: i18n.T(
		"自评等次（reported.grade，优秀与优、良好与良等视为相同）不是自评总分对应的等次，或不是按评分标准复核后总分对应的等次；消息会说明是哪一种。"+
			"等次区间默认为 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60（含下限），可在 [scoring] grades 中修改。",
		"The stated grade (reported.grade; 优秀 and 优, 良好 and 良 are the same) is not the grade of the stated total, "+
			"or not the grade of the total re-scored by the criteria; the message says which. The bands are 优 ≥ 90, "+
			"良 ≥ 80, 中 ≥ 60, 差 below, lower bounds included, unless [scoring] grades says otherwise."),
	run: func(rv *reviewer) {
		p := rv.r.Project
		d := rv.decimals()
		if p.Reported.Grade == "" {
			return
		}
		grade, known := CanonicalGrade(p.Scoring.Grades, p.Reported.Grade)
		if !known {
			names := make([]string, len(p.Scoring.Grades))
			for i, g := range p.Scoring.Grades {
				names[i] = g.Name
			}
			rv.project("reported.grade", i18n.T("无法识别自评等次 %q：等次应为 %s 之一", "the stated grade %q is none of %s",
				p.Reported.Grade, strings.Join(names, "、")), i18n.Text{}, nil, p.Reported.Grade)
			return
		}
		stated := p.Reported.Score
		if stated == nil {
			stated = p.Reported.Total
		}
		if stated != nil {
			if want := GradeOf(p.Scoring.Grades, *stated); want != grade {
				rv.project("reported.grade", i18n.T("自评等次为 %s，但自评总分 %s 对应的等次是 %s", "the stated grade is %s, but the stated total %s is graded %s",
					p.Reported.Grade, num.Short(*stated, d), want), i18n.Text{}, want, p.Reported.Grade)
			}
		}
		r := rv.r
		switch {
		case r.Exact && r.Grade != grade:
			rv.project("reported.grade", i18n.T("自评等次为 %s，但按评分标准复核后总分为 %s，等次应为 %s", "the stated grade is %s, but re-scored by its criteria the total is %s, graded %s",
				p.Reported.Grade, num.Format(r.Total, d), r.Grade), i18n.Text{}, r.Grade, p.Reported.Grade)
		case !r.Exact && r.Grade == r.GradeMax && r.Grade != grade:
			rv.project("reported.grade", i18n.T("自评等次为 %s，但复核总分在 %s–%s 之间，等次应为 %s", "the stated grade is %s, but the re-scored total lies in %s–%s, graded %s",
				p.Reported.Grade, num.Format(r.TotalMin, d), num.Format(r.TotalMax, d), r.Grade), i18n.Text{}, r.Grade, p.Reported.Grade)
		}
	},
}

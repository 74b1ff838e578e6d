package engine

import (
	"jixiao/internal/i18n"
)

var checkGradeMismatch = &Check{
	Code:     GradeMismatch,
	Severity: Error,
	Title:    i18n.T("等次与总分不符", "stated grade does not match the total"),
	Doc: i18n.T(
		"自评等次（reported.grade，优秀与优、良好与良等视为相同）不是自评总分对应的等次，或不是按评分标准算出的计算总分对应的等次（计算总分为区间时，区间内没有一个总分对应自评等次）；消息会说明是哪一种。"+
			"等次区间默认为 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60（含下限），可在 [scoring] grades 中修改。",
		"The stated grade (reported.grade; 优秀 and 优, 良好 and 良 are the same) is not the grade of the stated total, "+
			"or not the grade of the computed total (the criteria's scores added up; for a total that is a range: of no total within it); "+
			"the message says which. The bands are 优 ≥ 90, "+
			"良 ≥ 80, 中 ≥ 60, 差 below, lower bounds included, unless [scoring] grades says otherwise."),
	// Detail GradeUnknown (Actual the stated grade), GradeOfStated (Args[0] the stated
	// total), GradeRescored or GradeRange: Expected the grade it should be (for GradeRange
	// the grades of the range, "中–良", when they differ), Actual the stated.
	run: func(rv *reviewer) {
		p := rv.r.Project
		if p.Reported.Grade == "" {
			return
		}
		stated := TextOf(p.Reported.Grade)
		grade, known := CanonicalGrade(p.Scoring.Grades, p.Reported.Grade)
		if !known {
			rv.report(-1, FieldReportedGrade, Finding{Detail: GradeUnknown, Actual: stated})
			return
		}
		total := p.Reported.Score
		if total == nil {
			total = p.Reported.Total
		}
		if total != nil {
			if want := GradeOf(p.Scoring.Grades, *total); want != grade {
				rv.report(-1, FieldReportedGrade, Finding{Detail: GradeOfStated, Expected: TextOf(want), Actual: stated, Args: [4]float64{*total}})
			}
		}
		r := rv.r
		switch {
		case r.Exact && r.Grade != grade:
			rv.report(-1, FieldReportedGrade, Finding{Detail: GradeRescored, Expected: TextOf(r.Grade), Actual: stated})
		case !r.Exact && !GradePossible(p.Scoring.Grades, r.TotalMin, r.TotalMax, grade):
			// No total within the range is given the stated grade.
			want := r.Grade
			if r.GradeMax != r.Grade {
				want += "–" + r.GradeMax
			}
			rv.report(-1, FieldReportedGrade, Finding{Detail: GradeRange, Expected: TextOf(want), Actual: stated})
		}
	},
}

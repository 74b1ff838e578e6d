package engine_test

import (
	"fmt"
	"log"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
)

// Apply a reviewer's 复核 to a project (as a web page does from its store): set each
// indicator's review record and the reviewer, check the project, and read the review total,
// grade, 偏离度 and the review-* findings.
func Example_review() {
	p, err := indicators.Load("../testdata/quangang-2021/社保工作运行经费.toml", indicators.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	score := func(x float64) *float64 { return &x }
	p.Reviewer = indicators.Reviewer{Name: "王五", Date: "2022-06-30"}
	for _, ind := range p.Indicators {
		switch ind.Name {
		case "城乡保参保人数":
			ind.Review = &indicators.Review{Score: score(8), Reason: "参保人数无系统截图佐证", Rule: "unassessable-60"}
		case "群众满意率":
			ind.Review = &indicators.Review{Score: score(6)}
		default:
			ind.Review = &indicators.Review{Score: score(0)} // filled in below from the computed scores
		}
	}
	r, err := engine.New(engine.Options{}).Score(p) // the computed scores, to accept where the reviewer agrees
	if err != nil {
		log.Fatal(err)
	}
	for _, ir := range r.Indicators {
		if rec := ir.Indicator.Review; *rec.Score == 0 {
			rec.Score = score(ir.Score)
			if ir.Indicator.Reported != nil && *ir.Indicator.Reported != ir.Score {
				rec.Reason, rec.Rule = "按评分标准计分", "by-criterion"
			}
		}
	}
	r, err = engine.New(engine.Options{}).Check(p)
	if err != nil {
		log.Fatal(err)
	}
	rv := r.Review
	fmt.Printf("复核总分 %.2f %s, 偏离度 %.4f (自评 %.2f)\n", rv.Total, rv.Grade, rv.Deviation, rv.Self)
	for _, f := range r.Findings {
		if f.Indicator >= 0 && strings.HasPrefix(string(f.Code), "review-") {
			fmt.Println(f.Code, r.Indicators[f.Indicator].Indicator.Name)
		}
	}
	// Output:
	// 复核总分 80.00 良, 偏离度 0.1562 (自评 94.81)
	// review-cut-unexplained 群众满意率
}

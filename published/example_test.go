package published_test

import (
	"fmt"
	"log"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// Read a published report, score its projects with the engine, and check the report with
// the grades the engine computed.
func Example() {
	doc, err := published.Read("../testdata/quangang-2021-report.txt")
	if err != nil {
		log.Fatal(err)
	}
	var grades []string
	for _, p := range doc.Projects {
		r, err := engine.New(engine.Options{}).Score(p.Project)
		if err != nil {
			log.Fatal(err)
		}
		grades = append(grades, r.Grade)
		fmt.Printf("%s: %.2f %s (stated %s)\n", p.Project.Name, r.Total, r.Grade, p.Project.Reported.Grade)
	}
	for _, f := range published.Check(doc, grades, published.Options{}) {
		if f.Severity == published.Error {
			fmt.Printf("line %d: %s\n", f.Pos.Line, msg(f, i18n.En))
		}
	}
	// Output:
	// 社保工作运行经费: 96.00 优 (stated 优秀)
	// 城乡居民养老金及个账补贴: 88.52 良 (stated 优秀)
	// line 95: 公开01表 › 支出 lists “一、一般公共服务支出”, 589.89 万元, but 公开03表 has no line for that subject
	// line 121: 公开01表 › 支出: 本年支出合计 is 18,081.38, but the lines listed add up to 18,671.27, a difference of 589.89 万元; the difference is exactly the amount of the line “一、一般公共服务支出”, 589.89 (line 95): most likely that line is wrong or was left out of the total
	// line 479: the narrative states the grades 优 2, 良 0, 中 0, 差 0, but by the projects' computed totals the grades are 优 1, 良 1, 中 0, 差 0: 社保工作运行经费 优, 城乡居民养老金及个账补贴 良
	// line 556: 社保工作运行经费: the total score (the table's 合计) is 100.00 in the table and 94.81 in the evaluation report (line 621)
}

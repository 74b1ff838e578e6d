package engine_test

import (
	"fmt"
	"log"

	"jixiao/engine"
	"jixiao/indicators"
)

// Load a self-evaluation, score it by its own criteria, and print the total and grade.
func Example() {
	p, err := indicators.Load("../testdata/quangang-2021/社保工作运行经费.toml", indicators.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	r, err := engine.New(engine.Options{}).Score(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %.2f %s, %d of %d targets met\n", p.Name, r.Total, r.Grade, r.TargetsMet, r.TargetsSet)
	for _, ir := range r.Indicators {
		if ir.Indicator.Reported != nil && *ir.Indicator.Reported != ir.Score {
			fmt.Printf("  %s: reported %v, computed %v (tier %d)\n", ir.Indicator.Name, *ir.Indicator.Reported, ir.Score, ir.Tier)
		}
	}
	// Output:
	// 社保工作运行经费: 96.00 优, 5 of 7 targets met
	//   资金投入: reported 5, computed 8 (tier 2)
	//   社保参保率: reported 19.81, computed 18 (tier 2)
}

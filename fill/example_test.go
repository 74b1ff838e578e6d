package fill_test

import (
	"fmt"
	"os"

	"jixiao/fill"
	"jixiao/internal/i18n"
	"jixiao/report"
)

// An owner's workbook filled into a copy, with what was done printed per project.
func Example() {
	b, err := fill.Open("自评表.xlsx", fill.Options{})
	if err != nil {
		fmt.Println(err) // an indicators.ErrorList: every problem, at its cell
		return
	}
	defer b.Close()
	out, err := os.Create("自评表-已评分.xlsx")
	if err != nil {
		return
	}
	defer out.Close()
	if err := b.Write(out); err != nil {
		return
	}
	for _, p := range b.Projects {
		report.FillSummary(os.Stdout, p.Result, p.Notes, i18n.Zh)
	}
}

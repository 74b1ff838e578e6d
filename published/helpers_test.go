package published_test

import (
	"fmt"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
	"jixiao/report"
)

// msg is a finding's message as a reviewer reads it. Messages are rendered by package report
// (one template per code, from the finding's fields); the tests read them through it.
func msg(f published.Finding, lang i18n.Lang) string { return report.DocumentMessage(&f, lang) }

// place is a position as a reader looks for it: 第5页第12行 in a PDF, 第583行 in text, 表3!B5 in
// a .docx table.
func place(p indicators.Pos) string {
	switch {
	case p.Page > 0:
		return fmt.Sprintf("第%d页第%d行", p.Page, p.Line)
	case p.Sheet != "":
		return indicators.Pos{Sheet: p.Sheet, Line: p.Line, Col: p.Col}.String()[1:]
	}
	return fmt.Sprintf("第%d行", p.Line)
}

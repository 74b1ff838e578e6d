// Package published reads a published 部门决算 report — the text extracted from it, or its
// Word form — and checks it whole: its project self-evaluations (项目支出绩效自评表) against
// their evaluation reports (项目支出绩效评价报告), its final-accounts tables (公开01–09表)
// within and across tables, and its narrative (预算绩效情况说明) against both.
//
// Reading runs in stages, each of which says what it could not place, with positions:
//
//	layout (package layout)   text, .docx or PDF → lines of cells
//	sections                  lines → regions: the 目录, each table, each report, the narratives
//	grid (PDF only)           words placed on pages → lines of cells in a table's columns
//	tables                    cells → rows under named columns (which table, which column)
//	model                     rows → indicators.Project, Table, Narrative, Claims
//
// Read gives a Document; Check gives its findings as data, each a stable code (documented in
// the catalogue, Codes) with its figures and places. Writing them is not this package's job:
// package report renders each code's message in either language, beside the engine's. Scoring
// a project is the engine's job too: its positions point into the report
// (indicators.Project.Place), so the engine's findings about it do; Check takes the grades the
// engine computed, to compare them with what the narrative states.
//
// It imports indicators (the project model and positions), layout and internal packages; it
// must not import rules, engine, report or cmd.
package published

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
// Read gives a Document; Check gives its findings, each a stable code with its figures and
// places, rendered in either language by one message function per code. Scoring a project is
// the engine's job: Check takes the grades the engine computed, to compare them with what the
// narrative states.
//
// It imports indicators (the project model and positions), layout and internal packages; it
// must not import rules, engine, report or cmd.
package published

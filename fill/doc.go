// Package fill scores a project owner's own 自评表 workbook in place: it reads the workbook
// as import does (indicators), scores and reviews each project (engine), and writes into a
// copy of the same workbook, through sheets, the computed 得分 of every indicator, the
// 预算执行率 得分, the 总分 and the 等次, each in the cell the template has for it. Everything
// else — sheets, layout, merged cells, styles, column widths, print settings, formulas — is
// left as it was.
//
// A value the owner had written that differs goes into the cell's comment with the reason,
// and the cell is marked; so is a score that cannot be given (what is needed is said) and
// what the owner must still add (a reason, a unit). A formula is kept when its result will
// equal the computed value. The notes are data (report.FillNote); report renders them as
// comments and as the summary.
//
// It imports sheets, indicators, engine and report; nothing imports it but the command line.
package fill

// Package sheets reads and writes .xlsx workbooks: a thin typed layer over excelize, and the
// only package that imports it. It knows cells, sheets, styles and comments, nothing of
// self-evaluations: reading a 自评表 is the job of indicators, writing a review that of
// report. It imports no jixiao package but internal/*.
package sheets

package published

import (
	"cmp"
	"slices"

	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// Severity ranks a finding.
type Severity string

// Severities, as the engine names them.
const (
	Error   Severity = "error"   // a figure that is wrong: the report must be corrected
	Warning Severity = "warning" // something read only in part, or a reviewer must look at
	Info    Severity = "info"    // worth knowing; not wrong in itself
)

// The codes of the findings. They are a contract: a code does not change meaning, and a
// retired code is never reused. Each has its documentation in the catalogue (catalogue.go).
const (
	// Reading: what a stage could not place.
	CodeRowUnread      = "report-row-unread"     // a line inside a table that could not be read as a row
	CodeCellsMissing   = "report-cells-missing"  // a row read in part: cells it lacks
	CodeTableUnread    = "accounts-table-unread" // a final-accounts table found by title or label, with no row read
	CodePageNoText     = "report-page-no-text"   // a page of a PDF without text: blank, or a scanned image
	CodeRowFromReport  = "eval-row-from-report"  // an indicator the evaluation report restates and the table lacks
	CodeHeadingDiffers = "eval-heading-differs"  // the table and the report file an indicator under other headings
	CodeReportMissing  = "eval-report-missing"   // a self-evaluation table without its evaluation report
	CodeTableMissing   = "eval-table-missing"    // an evaluation report without its self-evaluation table

	// The projects: table against evaluation report.
	CodeEvalMismatch = "eval-report-mismatch" // the table and the report state a figure differently

	// The final-accounts tables.
	CodeTotalMismatch    = "accounts-total-mismatch"    // a total is not the sum of its lines
	CodeRowMismatch      = "accounts-row-mismatch"      // a row's total column is not the sum of its columns
	CodeBalanceMismatch  = "accounts-balance-mismatch"  // 总计, carry-overs or the two sides do not balance
	CodeCrossMismatch    = "accounts-cross-mismatch"    // an identity between two tables does not hold
	CodeLineMissing      = "accounts-line-missing"      // a 类/款/项 line of one table is missing from another
	CodeLineMismatch     = "accounts-line-mismatch"     // the same line differs between tables that must agree
	CodeLineExceeds      = "accounts-line-exceeds"      // a fiscal line exceeds all spending on the same subject
	CodeUnitMismatch     = "accounts-unit-mismatch"     // a table's 单位 (元 or 万元) contradicts its figures
	CodeContentsMissing  = "accounts-contents-missing"  // a table the 目录 lists that the report does not hold
	CodeContentsUnlisted = "accounts-contents-unlisted" // a table the report holds that the 目录 does not list

	// The narrative against the tables and the projects.
	CodeNarrativeCount     = "narrative-count-mismatch"   // the number (or names) of projects stated
	CodeNarrativeFunds     = "narrative-funds-mismatch"   // the funds total stated
	CodeNarrativeGrades    = "narrative-grade-mismatch"   // the grades stated
	CodeNarrativeUnchecked = "narrative-claim-unchecked"  // projects stated, none of whose tables the report holds
	CodeNarrativeAverage   = "narrative-average-mismatch" // the average score stated

	// The 情况说明 (the narrative of the final accounts) against the tables.
	CodeNarrativeFigure = "narrative-figure-mismatch"  // an amount stated about a table's line
	CodeNarrativeShare  = "narrative-share-mismatch"   // a share stated (占 N%)
	CodeNarrativeChange = "narrative-change-mismatch"  // a change from last year (增加 X 万元，增长 N%)
	CodeNarrativeNoBase = "narrative-change-from-zero" // a rate of growth or completion over a base of 0
	CodeNarrativeRate   = "narrative-rate-mismatch"    // a completion rate stated (完成全年预算的 N%)
)

// Finding is one fact about the report a reviewer must know, with its figures and places, as
// data: which fields a code fills is said in its documentation, and package report renders
// its message from them, in either language.
type Finding struct {
	Code     string         `json:"code"`
	Severity Severity       `json:"severity"`
	Pos      indicators.Pos `json:"pos"`             // where to look first: the cell, row or sentence
	Other    indicators.Pos `json:"other,omitempty"` // the second place a disagreement names; zero when none
	// Subject is what the finding is about: a project's name, or a table and its part
	// ("公开01表 › 支出").
	Subject string `json:"subject"`
	// Item is the figure within it: an indicator and column, a table's row, an identity
	// ("总计 = 本年收入合计 + 年初结转和结余").
	Item string `json:"item,omitempty"`
	// Expected is the figure the other place (or the sum of the lines) gives; Actual the figure
	// stated here. Numbers are float64, counts int, grade counts []GradeCount, texts string.
	Expected any `json:"expected,omitempty"`
	Actual   any `json:"actual,omitempty"`
	// Diff is Actual − Expected, for amounts and scores.
	Diff float64 `json:"difference,omitempty"`
	Unit string  `json:"unit,omitempty"` // 万元, 元, 分, %; "" for counts and grades
	// Blame are the listed lines whose amount equals the difference: the likely cause.
	Blame []Ref `json:"blame,omitempty"`
	// Names are what the finding lists: the cells a row lacks, projects, the other tables.
	Names []string `json:"names,omitempty"`
	// Amounts are further amounts (万元) the finding states, in the order its code documents.
	Amounts []float64 `json:"amounts,omitempty"`
}

// Ref names one row of a table.
type Ref struct {
	Table  string         `json:"table"`
	Name   string         `json:"name"`           // the row's label as printed
	Code   string         `json:"code,omitempty"` // its 功能分类 or 经济分类 code
	Amount float64        `json:"amount"`
	Pos    indicators.Pos `json:"pos"`
}

// CodeDoc documents one kind of finding.
type CodeDoc struct {
	Code     string
	Severity Severity
	Title    i18n.Text // the name a reviewer knows it by
	Doc      i18n.Text // when it is reported, what to do, and the fields its findings fill
}

// Codes lists every kind of finding, in catalogue order.
func Codes() []*CodeDoc { return catalogue }

// LookupCode returns the documentation of a code.
func LookupCode(code string) (*CodeDoc, bool) {
	for _, c := range catalogue {
		if c.Code == code {
			return c, true
		}
	}
	return nil, false
}

func newFinding(code string) Finding {
	c, ok := LookupCode(code)
	if !ok {
		panic("published: finding with an unregistered code " + code)
	}
	return Finding{Code: code, Severity: c.Severity}
}

// sortFindings orders findings by place in the report, keeping the order of equal places.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := cmp.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Pos.Page, b.Pos.Page); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Pos.Sheet, b.Pos.Sheet); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Pos.Col, b.Pos.Col)
	})
}

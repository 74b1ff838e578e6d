package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// This file writes a published report's own part of the output (package published: its
// final-accounts tables, its narrative, its tables against its evaluation reports), beside
// the results of the projects it holds: in text a block after them, in JSON a "documents"
// list, in JSON Lines a {"document": …} line, in SARIF results under the published codes, in
// the workbook rows of the findings sheet.

// documentsShown reports whether the output carries documents: every command but lint (whose
// checks are those of the criteria alone).
func (o *Output) documentsShown() bool { return !o.Lint }

// Where is a position as the output names it: file:line:col for text, file:Sheet!B5 for a
// workbook's or a .docx table's cell, and a PDF's page and line in the reader's language
// ("r.pdf 第5页第12行", "r.pdf page 5, line 12").
func Where(p indicators.Pos, lang i18n.Lang) string {
	if p.Page > 0 {
		return p.File + " " + placeText(p).String(lang)
	}
	return p.String()
}

// docSeverity is a document finding's severity as the engine ranks findings.
func docSeverity(s published.Severity) engine.Severity {
	switch s {
	case published.Error:
		return engine.Error
	case published.Warning:
		return engine.Warning
	}
	return engine.Info
}

// countDocument tallies a report's findings by severity.
func countDocument(fs []published.Finding) (errors, warnings, infos int) {
	for i := range fs {
		switch fs[i].Severity {
		case published.Error:
			errors++
		case published.Warning:
			warnings++
		default:
			infos++
		}
	}
	return
}

// documentFacts is what was read of a report, in a line: its year, its projects and its
// final-accounts tables.
func documentFacts(d *published.Document, lang i18n.Lang) string {
	var facts []string
	if d.Year != 0 {
		facts = append(facts, i18n.T("%d 年度", "year %d", d.Year).String(lang))
	}
	facts = append(facts, i18n.T("项目支出绩效自评 %s", "%s", count(len(d.Projects), "个", "project self-evaluation", "project self-evaluations")).String(lang))
	if len(d.Tables) == 0 {
		facts = append(facts, i18n.Pick(lang, "没有决算表", "no final-accounts table"))
	} else {
		facts = append(facts, i18n.T("决算表 %s：%s", "%s: %s", count(len(d.Tables), "张", "final-accounts table", "final-accounts tables"),
			strings.Join(tableNames(d), i18n.Pick(lang, "、", ", "))).String(lang))
	}
	return strings.Join(facts, " · ")
}

func tableNames(d *published.Document) []string {
	names := make([]string, len(d.Tables))
	for i, t := range d.Tables {
		names[i] = t.Name()
	}
	return names
}

// documentBlock writes a report's block: what was read, and with findings set (check) its
// findings and a verdict.
func documentBlock(b *strings.Builder, d *published.Result, lang i18n.Lang, findings bool) {
	b.WriteString(d.Document.File + i18n.Pick(lang, "：报告本身", ": the report itself") + "\n")
	b.WriteString("  " + documentFacts(d.Document, lang) + "\n")
	if !findings {
		return
	}
	b.WriteString("\n")
	e, w, n := countDocument(d.Findings)
	if len(d.Findings) == 0 {
		b.WriteString(i18n.Pick(lang, "问题：无\n", "Findings: none\n"))
	} else {
		b.WriteString(i18n.T("问题：%s\n", "Findings: %s\n", severityCounts(e, w, n)).String(lang))
	}
	for i := range d.Findings {
		f := &d.Findings[i]
		where := Where(f.Pos, lang)
		if where == "" {
			where = d.Document.File
		}
		fmt.Fprintf(b, "  %s: %s [%s] %s\n", where, SeverityLabel(docSeverity(f.Severity), lang), f.Code, DocumentMessage(f, lang))
	}
	if e > 0 {
		b.WriteString(i18n.T("结论：报告本身有 %s须更正\n", "Verdict: the report itself has %s to correct\n", count(e, "处错误", "error", "errors")).String(lang))
	} else {
		b.WriteString(i18n.Pick(lang, "结论：报告本身没有须更正的错误\n", "Verdict: no errors to correct in the report itself\n"))
	}
}

// JSONDocument is a published report in the JSON output: what was read, and (check) its
// findings. Its projects are among the document's "projects", by name.
type JSONDocument struct {
	File     string                 `json:"file"`
	Format   string                 `json:"format"` // text, markdown, docx or pdf
	Year     int                    `json:"year,omitempty"`
	Projects []string               `json:"projects"` // the names of its projects, in order
	Tables   []string               `json:"tables"`   // the final-accounts tables read: 公开01表…
	Findings *[]JSONDocumentFinding `json:"findings,omitempty"`
}

// JSONDocumentFinding is one finding about a report.
type JSONDocumentFinding struct {
	Code     string `json:"code"`
	Severity string `json:"severity"` // error, warning or info
	Subject  string `json:"subject"`  // a table and its part, a project, the narrative
	Item     string `json:"item,omitempty"`
	Message  string `json:"message"`
	// Expected is the figure the other place (or the sum) gives, Actual the figure stated:
	// numbers, counts, texts, or grade counts [{"grade", "count"}].
	Expected   any        `json:"expected"`
	Actual     any        `json:"actual"`
	Difference float64    `json:"difference,omitempty"`
	Unit       string     `json:"unit,omitempty"`
	File       string     `json:"file"`
	Page       int        `json:"page,omitempty"` // a PDF's page: line is then the line on it
	Line       int        `json:"line,omitempty"`
	Column     int        `json:"column,omitempty"`
	Other      *JSONPlace `json:"other,omitempty"` // the second place a disagreement names
}

// JSONPlace is a place in a file.
type JSONPlace struct {
	File   string `json:"file"`
	Sheet  string `json:"sheet,omitempty"` // a .docx table (表3): line is then the row, column the cell
	Page   int    `json:"page,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// NewJSONDocument converts a report to its JSON form, messages in lang; with findings set
// (check) it carries its findings.
func NewJSONDocument(d *published.Result, lang i18n.Lang, findings bool) JSONDocument {
	doc := d.Document
	jd := JSONDocument{File: doc.File, Format: string(doc.Format), Year: doc.Year, Projects: make([]string, len(doc.Projects)),
		Tables: tableNames(doc)}
	for i, p := range doc.Projects {
		jd.Projects[i] = p.Project.Name
	}
	if !findings {
		return jd
	}
	fs := make([]JSONDocumentFinding, len(d.Findings))
	for i := range d.Findings {
		f := &d.Findings[i]
		jf := JSONDocumentFinding{Code: f.Code, Severity: string(f.Severity), Subject: f.Subject, Item: f.Item,
			Message: DocumentMessage(f, lang), Expected: f.Expected, Actual: f.Actual, Difference: f.Diff, Unit: f.Unit,
			File: f.Pos.File, Page: f.Pos.Page, Line: f.Pos.Line, Column: f.Pos.Col}
		if jf.File == "" {
			jf.File = doc.File
		}
		if f.Other.IsValid() {
			jf.Other = &JSONPlace{File: f.Other.File, Sheet: f.Other.Sheet, Page: f.Other.Page, Line: f.Other.Line, Column: f.Other.Col}
		}
		fs[i] = jf
	}
	jd.Findings = &fs
	return jd
}

// documentJSONLine appends a report as one line of JSON Lines: {"document": {...}}.
func documentJSONLine(b []byte, d *published.Result, lang i18n.Lang, findings bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Document JSONDocument `json:"document"`
	}{NewJSONDocument(d, lang, findings)})
	return append(b, buf.Bytes()...), err
}

// AddDocument counts a report's findings in the summary, beside its projects'.
func (s *Summary) AddDocument(d *published.Result) {
	for i := range d.Findings {
		f := &d.Findings[i]
		s.Findings++
		s.BySeverity[docSeverity(f.Severity)]++
		s.ByCode[f.Code]++
	}
}

// writeDocumentsJSON writes the "documents" key of the JSON document, after its projects.
func writeDocumentsJSON(b *strings.Builder, docs []*published.Result, lang i18n.Lang, findings bool) error {
	b.WriteString(",\n  \"documents\": [")
	for i, d := range docs {
		if i > 0 {
			b.WriteString(",")
		}
		data, err := marshalIndent(NewJSONDocument(d, lang, findings), "    ")
		if err != nil {
			return err
		}
		b.WriteString("\n    ")
		b.Write(data)
	}
	b.WriteString("\n  ]")
	return nil
}

// sarifDocuments adds the published codes to the run's rules and the reports' findings to
// its results.
func sarifDocuments(run *sarifRun, docs []*published.Result, lang i18n.Lang) {
	index := make(map[string]int, len(published.Codes()))
	for _, c := range published.Codes() {
		index[c.Code] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: c.Code, ShortDescription: sarifMessage{c.Title.String(lang)},
			FullDescription: sarifMessage{c.Doc.String(lang)}, DefaultConfiguration: sarifConfig{sarifLevel(docSeverity(c.Severity))},
		})
	}
	for _, d := range docs {
		for i := range d.Findings {
			f := &d.Findings[i]
			res := sarifResult{RuleID: f.Code, RuleIndex: index[f.Code], Level: sarifLevel(docSeverity(f.Severity)),
				Message:    sarifMessage{DocumentMessage(f, lang)},
				Locations:  []sarifLocation{sarifPlace(f.Pos, d.Document.File, lang)},
				Properties: sarifDocProperties{Document: d.Document.File, Subject: f.Subject, Item: f.Item, Expected: f.Expected, Actual: f.Actual}}
			if f.Other.IsValid() {
				res.RelatedLocations = []sarifLocation{sarifPlace(f.Other, d.Document.File, lang)}
			}
			run.Results = append(run.Results, res)
		}
	}
}

type sarifDocProperties struct {
	Document string `json:"document"`
	Subject  string `json:"subject,omitempty"`
	Item     string `json:"item,omitempty"`
	Expected any    `json:"expected,omitempty"`
	Actual   any    `json:"actual,omitempty"`
}

// documentRows writes each report's row of the workbook's summary: its findings by severity.
func (x *xlsx) documentRows(s *sheetWriter, docs []*published.Result) {
	for _, d := range docs {
		s.row++
		s.put(1, i18n.Pick(x.lang, "（报告本身）", "(the report itself)"))
		e, w, n := countDocument(d.Findings)
		s.put(12, e)
		s.put(13, w)
		s.put(14, n)
		s.put(15, d.Document.File)
	}
}

// documentFindings writes one row per finding of each report in the findings sheet: its
// subject where a project's name stands, its item where an indicator's does.
func (x *xlsx) documentFindings(s *sheetWriter, docs []*published.Result) {
	for _, d := range docs {
		for i := range d.Findings {
			f := &d.Findings[i]
			s.row++
			s.put(1, f.Subject)
			s.put(2, f.Item)
			s.put(3, SeverityLabel(docSeverity(f.Severity), x.lang))
			s.put(4, i18n.Pick(x.lang, "决算报告", "the report"))
			where := Where(f.Pos, x.lang)
			if where == "" {
				where = d.Document.File
			}
			s.put(5, where)
			s.put(6, DocumentMessage(f, x.lang))
			s.style(6, x.wrap)
			s.put(7, docFindingFacts(f).String(x.lang))
			s.put(10, f.Code)
		}
	}
}

package report

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// SARIF 2.1.0 (OASIS), the subset jixiao emits: one run, the check catalogue as rules,
// one result per finding located at the key of the input file it concerns. Columns count
// Unicode code points, as jixiao's positions do.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool             sarifTool         `json:"tool"`
	Invocations      []sarifInvocation `json:"invocations,omitempty"` // when some input could not be used
	Results          []sarifResult     `json:"results"`
	Language         string            `json:"language"`
	ColumnKind       string            `json:"columnKind"`
	NewlineSequences []string          `json:"newlineSequences"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Language       string      `json:"language"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Properties       any             `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	// A workbook's sheet, which no region can say: its logical location, named in the
	// message and given in the properties with the cell.
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	// A PDF's page and line, which no region can say: named in the message, and given in
	// the properties.
	Message    *sarifMessage `json:"message,omitempty"`
	Properties any           `json:"properties,omitempty"` // *sarifPage or *sarifSheet
}

// sarifLogical is a logical location: a workbook's sheet, and the cell within it.
type sarifLogical struct {
	Name               string `json:"name"`               // the sheet
	FullyQualifiedName string `json:"fullyQualifiedName"` // 项目2!G5
}

// sarifSheet is a workbook's place as the properties give it.
type sarifSheet struct {
	Sheet string `json:"sheet"`
	Cell  string `json:"cell,omitempty"`
}

type sarifPage struct {
	Page   int `json:"page"`
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifProperties struct {
	Project   string `json:"project"`
	Indicator string `json:"indicator,omitempty"`
	Hint      string `json:"hint,omitempty"`
	Expected  any    `json:"expected,omitempty"`
	Actual    any    `json:"actual,omitempty"`
}

// sarifPlace is a location: the file, and the line and column where they are lines of it; a
// workbook's (or a .docx table's) row and column as the region, with the sheet as a logical
// location, its cell named in the message and properties; a PDF's page and line named in the
// location's message and properties.
func sarifPlace(pos indicators.Pos, file string, lang i18n.Lang) sarifLocation {
	if pos.File != "" {
		file = pos.File
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: filepath.ToSlash(file)}}}
	switch {
	case pos.Page > 0:
		loc.Message = &sarifMessage{placeText(pos).String(lang)}
		loc.Properties = &sarifPage{Page: pos.Page, Line: pos.Line, Column: pos.Col}
	case pos.Sheet != "":
		if pos.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: pos.Line, StartColumn: pos.Col}
		}
		place := placeText(pos).String(lang)
		loc.LogicalLocations = []sarifLogical{{Name: pos.Sheet, FullyQualifiedName: place}}
		loc.Message = &sarifMessage{place}
		props := &sarifSheet{Sheet: pos.Sheet}
		if pos.Line > 0 && pos.Col > 0 {
			props.Cell = strings.TrimPrefix(place, pos.Sheet+"!")
		}
		loc.Properties = props
	case pos.Line > 0:
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: pos.Line, StartColumn: pos.Col}
	}
	return loc
}

func sarifLevel(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "error"
	case engine.Warning:
		return "warning"
	}
	return "note"
}

// SARIF writes every finding of the results, and of the published reports docs, as a SARIF
// 2.1.0 log. The reports' codes are rules too when there are reports.
func SARIF(w io.Writer, results []*engine.Result, lang i18n.Lang, version string, docs ...*published.Result) error {
	return sarifLogOf(w, filed{results: results, docs: docs}, lang, version)
}

// sarifLogOf writes what a run files as a SARIF 2.1.0 log: the findings as results, and the
// inputs that could not be used as the invocation's tool execution notifications (the
// invocation then not successful).
func sarifLogOf(w io.Writer, in filed, lang i18n.Lang, version string) error {
	results, docs := in.results, in.docs
	checks := engine.Checks()
	index := make(map[engine.Code]int, len(checks))
	driver := sarifDriver{Name: "jixiao", Version: version, Language: i18n.Pick(lang, "zh-CN", "en-US")}
	for i, c := range checks {
		index[c.Code] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID: string(c.Code), ShortDescription: sarifMessage{c.Title.String(lang)},
			FullDescription: sarifMessage{c.Doc.String(lang)}, DefaultConfiguration: sarifConfig{sarifLevel(c.Severity)},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}, Language: driver.Language,
		ColumnKind: "unicodeCodePoints", NewlineSequences: []string{"\r\n", "\n"}}
	for _, r := range results {
		d := r.Project.Scoring.Decimals
		for k := range r.Findings {
			f := &r.Findings[k]
			pos := r.Pos(f)
			msg, hint := Message(r, f, lang)
			props := sarifProperties{Project: r.Project.Name, Hint: hint, Expected: findingValue(f.Expected, d), Actual: findingValue(f.Actual, d)}
			if f.Indicator >= 0 {
				props.Indicator = r.Indicators[f.Indicator].Indicator.Name
				msg = props.Indicator + i18n.Pick(lang, "：", ": ") + msg
			}
			run.Results = append(run.Results, sarifResult{
				RuleID: string(f.Code), RuleIndex: index[f.Code], Level: sarifLevel(f.Severity),
				Message: sarifMessage{msg}, Locations: []sarifLocation{sarifPlace(pos, r.Project.File, lang)}, Properties: props,
			})
		}
	}
	if len(docs) > 0 {
		sarifDocuments(&run, docs, lang)
	}
	if len(in.failed) > 0 {
		run.Invocations = []sarifInvocation{sarifFailures(in.failed, in.more, lang)}
	}
	log := sarifLog{
		Schema:  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifInvocation is the run's invocation, written when some input could not be used: each
// error of it a notification at its place.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level      string              `json:"level"`
	Message    sarifMessage        `json:"message"`
	Locations  []sarifLocation     `json:"locations,omitempty"`
	Descriptor *sarifDescriptorRef `json:"descriptor,omitempty"`
}

type sarifDescriptorRef struct {
	ID string `json:"id"`
}

// sarifFailures is the invocation that files the inputs that could not be used: one error
// notification per error, its id the kind of error (indicators.ErrorKind), and a last one
// saying how many inputs were left out beyond them.
func sarifFailures(failed []Failure, more int, lang i18n.Lang) sarifInvocation {
	inv := sarifInvocation{ToolExecutionNotifications: []sarifNotification{}}
	for i := range failed {
		f := &failed[i]
		for _, e := range f.Errors {
			pos := e.Pos
			if pos.Line == 0 && pos.Page == 0 && pos.Sheet == "" {
				pos.Line = f.Line
			}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifMessage{message(e, lang)}, Locations: []sarifLocation{sarifPlace(pos, f.Input, lang)},
				Descriptor: &sarifDescriptorRef{ID: string(e.Kind)},
			})
		}
	}
	if more > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error",
			Message: sarifMessage{i18n.T("另有 %s未能读入，未列出", "%s could not be read, not listed", count(more, "个输入", "more input", "more inputs")).String(lang)}})
	}
	return inv
}

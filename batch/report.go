package batch

import (
	"errors"
	"path/filepath"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/layout"
	"jixiao/published"
)

// This file is the path of a published report (indicators.Report) through the pipeline: read
// whole by package published, its projects scored and reviewed like any other, then the
// report's own checks run with the grades the engine computed.

// readReport reads the published report at path, its error an indicators.ErrorList (a scan, a
// missing extractor, a file with no table jixiao knows) so that it is printed like any other
// input's.
func readReport(path string) (*published.Document, error) {
	doc, err := published.Read(path)
	if err != nil {
		return nil, located(err)
	}
	return doc, nil
}

// located is err as an indicators.ErrorList when it holds an *indicators.Error.
func located(err error) error {
	var list indicators.ErrorList
	if errors.As(err, &list) {
		return list
	}
	var e *indicators.Error
	if errors.As(err, &e) {
		return indicators.ErrorList{e}
	}
	return err
}

// checkReport runs the report's own checks under Check, once its projects' results are in:
// the 情况说明's grades are compared with the grades the engine computed. The tolerances and
// the disabled codes are the review configuration's (--config, --tolerance).
func (wk *worker) checkReport(doc *published.Document, results []*engine.Result) *published.Result {
	out := &published.Result{Document: doc}
	if wk.opts.Mode != Check || len(results) != len(doc.Projects) {
		return out
	}
	grades := make([]string, len(results))
	for i, r := range results {
		if r.Exact || r.Grade == r.GradeMax {
			grades[i] = r.Grade
		}
	}
	cfg := engine.NewConfig(wk.opts.Engine.Override.Over(wk.opts.Engine.Config.Review))
	for _, f := range published.Check(doc, grades, published.Options{Tolerance: exact(cfg.Tolerance), MoneyTolerance: exact(cfg.MoneyTolerance)}) {
		if !cfg.Disabled[engine.Code(f.Code)] {
			out.Findings = append(out.Findings, f)
		}
	}
	return out
}

// exact passes a tolerance to published.Check, which reads 0 as its default: a tolerance of
// 0 that the review configuration sets is given as the tiny one that compares exactly.
func exact(tol float64) float64 {
	if tol <= 0 {
		return 1e-9
	}
	return tol
}

// documentErrors counts the error-severity findings of a report.
func documentErrors(r *published.Result) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == published.Error {
			n++
		}
	}
	return n
}

// Projects reads the projects of one file, whatever it is: a TOML file, a workbook, or a
// published report (its self-evaluations, each placed in the report). It is what `import`
// saves.
func Projects(path string, lim indicators.Limits) ([]*indicators.Project, error) {
	if indicators.FormatOf(path) != indicators.Report {
		return indicators.LoadAny(path, lim)
	}
	if isPDF(path) {
		if err := layout.FindExtractor(path, layout.PDFOptions{}); err != nil {
			return nil, located(err)
		}
	}
	doc, err := readReport(path)
	if err != nil {
		return nil, err
	}
	out := make([]*indicators.Project, len(doc.Projects))
	for i, p := range doc.Projects {
		out[i] = p.Project
	}
	return out, nil
}

func isPDF(path string) bool { return strings.EqualFold(filepath.Ext(path), ".pdf") }

// pdfCheck looks for the PDF extractor once per run: the first PDF without it carries the
// error that says how to install it, the others a note that they were not read either.
type pdfCheck struct {
	done    bool
	missing bool
}

func (c *pdfCheck) check(path string) error {
	if !c.done {
		c.done = true
		if err := layout.FindExtractor(path, layout.PDFOptions{}); err != nil {
			c.missing = true
			return located(err)
		}
		return nil
	}
	if !c.missing {
		return nil
	}
	return indicators.ErrorList{{Pos: indicators.Pos{File: path}, Kind: indicators.ErrRead,
		Msg: i18n.T("未读取：没有 pdftotext（见上）", "not read: pdftotext is not installed (see above)")}}
}

package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/internal/near"
	"jixiao/published"
)

// entry is one check of the catalogue: a project's (engine) or a published report's.
type entry struct {
	code     string
	severity engine.Severity
	lint     bool // run by lint too
	title    i18n.Text
	doc      i18n.Text
}

// entries lists the catalogue: the engine's checks (for lint, the checks of the criteria),
// then, but for lint, the checks of a published report.
func entries(lint bool) []entry {
	var out []entry
	for _, c := range engine.Checks() {
		if !lint || c.Lint {
			out = append(out, entry{string(c.Code), c.Severity, c.Lint, c.Title, c.Doc})
		}
	}
	if !lint {
		for _, c := range published.Codes() {
			out = append(out, entry{c.Code, docSeverity(c.Severity), false, c.Title, c.Doc})
		}
	}
	return out
}

// KnownCode reports whether code names a check of a project or of a published report.
func KnownCode(code string) bool {
	_, ok := lookup(code)
	return ok
}

func lookup(code string) (entry, bool) {
	for _, e := range entries(false) {
		if e.code == code {
			return e, true
		}
	}
	return entry{}, false
}

// DocumentCodes lists the codes of a published report's checks.
func DocumentCodes() []string {
	var codes []string
	for _, c := range published.Codes() {
		codes = append(codes, c.Code)
	}
	return codes
}

// SuggestCode returns the check code nearest to a mistyped one, or "".
func SuggestCode(code string) string {
	all := entries(false)
	codes := make([]string, len(all))
	for i, e := range all {
		codes[i] = e.code
	}
	return near.Closest(code, codes)
}

// Catalogue lists the checks (for lint, the checks of the criteria): code, severity and
// title, one a line.
func Catalogue(w io.Writer, lang i18n.Lang, lint bool) error {
	var b strings.Builder
	for _, e := range entries(lint) {
		fmt.Fprintf(&b, "%-26s %-8s %s\n", e.code, e.severity.String(), e.title.String(lang))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ExplainCode writes the check with the given code in full: code, severity, title and its
// documentation; found is false when no check has the code.
func ExplainCode(w io.Writer, code string, lang i18n.Lang) (found bool, err error) {
	e, ok := lookup(code)
	if !ok {
		return false, nil
	}
	_, err = fmt.Fprintf(w, "%s (%s): %s\n\n%s\n%s", e.code, SeverityLabel(e.severity, lang), e.title.String(lang), e.doc.String(lang),
		explainRules(engine.Code(e.code), lang))
	return true, err
}

// checkJSON is a check as --list and --explain write it in JSON.
type checkJSON struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Lint     bool   `json:"lint"` // run by lint too
	Title    string `json:"title"`
	Doc      string `json:"doc"`
}

func (e entry) json(lang i18n.Lang) checkJSON {
	return checkJSON{Code: e.code, Severity: e.severity.String(), Lint: e.lint, Title: e.title.String(lang), Doc: e.doc.String(lang)}
}

// CatalogueJSON writes the checks (for lint, the checks of the criteria) as a JSON array.
func CatalogueJSON(w io.Writer, lang i18n.Lang, lint bool) error {
	list := []checkJSON{}
	for _, e := range entries(lint) {
		list = append(list, e.json(lang))
	}
	return writeIndented(w, list)
}

// ExplainCodeJSON writes one check as a JSON object; found is false when no check has the code.
func ExplainCodeJSON(w io.Writer, code string, lang i18n.Lang) (found bool, err error) {
	e, ok := lookup(code)
	if !ok {
		return false, nil
	}
	return true, writeIndented(w, e.json(lang))
}

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

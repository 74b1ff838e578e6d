package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
)

// Catalogue lists the checks (for lint, the checks of the criteria): code, severity and
// title, one a line.
func Catalogue(w io.Writer, lang i18n.Lang, lint bool) error {
	var b strings.Builder
	for _, c := range engine.Checks() {
		if lint && !c.Lint {
			continue
		}
		fmt.Fprintf(&b, "%-26s %-8s %s\n", c.Code, c.Severity.String(), c.Title.String(lang))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Explain writes one check in full: code, severity, title and its documentation.
func Explain(w io.Writer, c *engine.Check, lang i18n.Lang) error {
	_, err := fmt.Fprintf(w, "%s (%s): %s\n\n%s\n", c.Code, SeverityLabel(c.Severity, lang), c.Title.String(lang), c.Doc.String(lang))
	return err
}

// checkJSON is a check as --list and --explain write it in JSON.
type checkJSON struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Lint     bool   `json:"lint"` // run by lint too
	Title    string `json:"title"`
	Doc      string `json:"doc"`
}

func newCheckJSON(c *engine.Check, lang i18n.Lang) checkJSON {
	return checkJSON{Code: string(c.Code), Severity: c.Severity.String(), Lint: c.Lint, Title: c.Title.String(lang), Doc: c.Doc.String(lang)}
}

// CatalogueJSON writes the checks (for lint, the checks of the criteria) as a JSON array.
func CatalogueJSON(w io.Writer, lang i18n.Lang, lint bool) error {
	list := []checkJSON{}
	for _, c := range engine.Checks() {
		if !lint || c.Lint {
			list = append(list, newCheckJSON(c, lang))
		}
	}
	return writeIndented(w, list)
}

// ExplainJSON writes one check as a JSON object.
func ExplainJSON(w io.Writer, c *engine.Check, lang i18n.Lang) error {
	return writeIndented(w, newCheckJSON(c, lang))
}

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

package report

import (
	"fmt"
	"io"
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// Catalogue lists the checks (for lint, the checks of the criteria): code, severity and
// title, one a line; then, but for lint, the checks of a published report.
func Catalogue(w io.Writer, lang i18n.Lang, lint bool) error {
	var b strings.Builder
	for _, c := range engine.Checks() {
		if lint && !c.Lint {
			continue
		}
		fmt.Fprintf(&b, "%-26s %-8s %s\n", c.Code, c.Severity.String(), c.Title.String(lang))
	}
	if !lint {
		for _, c := range published.Codes() {
			fmt.Fprintf(&b, "%-26s %-8s %s\n", c.Code, c.Severity, c.Title.String(lang))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Explain writes one check in full: code, severity, title and its documentation.
func Explain(w io.Writer, c *engine.Check, lang i18n.Lang) error {
	_, err := fmt.Fprintf(w, "%s (%s): %s\n\n%s\n", c.Code, SeverityLabel(c.Severity, lang), c.Title.String(lang), c.Doc.String(lang))
	return err
}

// ExplainCode writes the check with the given code in full, a project's or a published
// report's; found is false when no check has the code.
func ExplainCode(w io.Writer, code string, lang i18n.Lang) (found bool, err error) {
	if c, ok := engine.LookupCheck(engine.Code(code)); ok {
		return true, Explain(w, c, lang)
	}
	c, ok := published.LookupCode(code)
	if !ok {
		return false, nil
	}
	_, err = fmt.Fprintf(w, "%s (%s): %s\n\n%s\n", c.Code, SeverityLabel(docSeverity(c.Severity), lang), c.Title.String(lang), c.Doc.String(lang))
	return true, err
}

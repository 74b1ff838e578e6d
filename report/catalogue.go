package report

import (
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

// Explain writes one check in full: code, severity, title and its documentation; for the
// checks of review rules, the rules that ship with jixiao.
func Explain(w io.Writer, c *engine.Check, lang i18n.Lang) error {
	_, err := fmt.Fprintf(w, "%s (%s): %s\n\n%s\n%s", c.Code, SeverityLabel(c.Severity, lang), c.Title.String(lang), c.Doc.String(lang),
		explainRules(c.Code, lang))
	return err
}

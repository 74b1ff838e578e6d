package published_test

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
	"jixiao/internal/mdblock"
	"jixiao/published"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's catalogue of a report's checks from the codes' docs")

const (
	catalogueBegin = "<!-- report-checks:begin (generated from published's code docs: go test ./published -update-readme) -->"
	catalogueEnd   = "<!-- report-checks:end -->"
)

// catalogueMarkdown renders the catalogue as the README shows it.
func catalogueMarkdown() string {
	var b strings.Builder
	b.WriteString("| code | severity | 名称 | when |\n|---|---|---|---|\n")
	for _, c := range published.Codes() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Code, c.Severity, c.Title.String(i18n.Zh), c.Doc.String(i18n.En))
	}
	return b.String()
}

// The README's catalogue of a report's checks is the codes' own documentation, never a copy
// kept by hand.
func TestReadmeCatalogue(t *testing.T) {
	stale, err := mdblock.Sync("../README.md", catalogueBegin, catalogueEnd, catalogueMarkdown(), *updateReadme)
	require.NoError(t, err)
	assert.False(t, stale, "the README's catalogue of a report's checks is stale: go test ./published -update-readme")
}

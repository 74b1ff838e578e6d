package published_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
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
	const path = "../README.md"
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	text := string(data)
	begin := strings.Index(text, catalogueBegin)
	end := strings.Index(text, catalogueEnd)
	want := catalogueBegin + "\n" + catalogueMarkdown() + catalogueEnd
	if *updateReadme && begin < 0 {
		t.Fatal("README.md lacks the markers of the report's checks: add them where the catalogue belongs")
	}
	require.True(t, begin >= 0 && end > begin, "README.md lacks the catalogue markers")
	got := text[begin : end+len(catalogueEnd)]
	if *updateReadme {
		require.NoError(t, os.WriteFile(path, []byte(strings.Replace(text, got, want, 1)), 0o644))
		return
	}
	assert.Equal(t, want, got, "the README's catalogue of a report's checks is stale: go test ./published -update-readme")
}

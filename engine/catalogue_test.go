package engine

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
	"jixiao/internal/mdblock"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's check catalogue from the checks' docs")

const (
	catalogueBegin = "<!-- checks:begin (generated from engine's check docs: go test ./engine -update-readme) -->"
	catalogueEnd   = "<!-- checks:end -->"
)

// catalogueMarkdown renders the catalogue as the README shows it.
func catalogueMarkdown() string {
	var b strings.Builder
	b.WriteString("| code | severity | 名称 | when |\n|---|---|---|---|\n")
	for _, c := range Checks() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Code, c.Severity, c.Title.String(i18n.Zh), c.Doc.String(i18n.En))
	}
	return b.String()
}

// The README's catalogue is the checks' own documentation, never a copy kept by hand.
func TestReadmeCatalogue(t *testing.T) {
	stale, err := mdblock.Sync("../README.md", catalogueBegin, catalogueEnd, catalogueMarkdown(), *updateReadme)
	require.NoError(t, err)
	assert.False(t, stale, "the README's catalogue is stale: go test ./engine -update-readme")
}

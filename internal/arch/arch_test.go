package arch

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each package's forbidden imports, by prefix.
var forbidden = map[string][]string{
	"jixiao/indicators":     {"jixiao/rules", "jixiao/engine", "jixiao/report", "jixiao/cmd", "github.com/expr-lang/"},
	"jixiao/rules":          {"jixiao/engine", "jixiao/report", "jixiao/cmd", "github.com/BurntSushi/toml"},
	"jixiao/engine":         {"jixiao/report", "jixiao/cmd", "github.com/expr-lang/", "github.com/BurntSushi/toml"},
	"jixiao/batch":          {"jixiao/report", "jixiao/cmd", "github.com/expr-lang/", "github.com/BurntSushi/toml"},
	"jixiao/report":         {"jixiao/cmd", "github.com/expr-lang/", "github.com/BurntSushi/toml"},
	"jixiao/internal/num":   {"jixiao/indicators", "jixiao/rules", "jixiao/engine", "jixiao/report", "jixiao/cmd"},
	"jixiao/internal/i18n":  {"jixiao/indicators", "jixiao/rules", "jixiao/engine", "jixiao/report", "jixiao/cmd"},
	"jixiao/internal/synth": {"jixiao/rules", "jixiao/engine", "jixiao/batch", "jixiao/report", "jixiao/cmd", "jixiao/sheets"}, // it makes model projects
	"jixiao/store":          {"jixiao/indicators", "jixiao/rules", "jixiao/engine", "jixiao/batch", "jixiao/report", "jixiao/cmd"},

	// The criterion reader gets its indicator as a plain context and writes expression texts.
	"jixiao/rules/prose": {"jixiao/indicators", "jixiao/rules", "github.com/expr-lang/"},
}

// The libraries only one package may import (tests included): the workbook, TOML and JSON
// syntaxes each have one home.
var pinned = map[string]string{
	"github.com/xuri/excelize/":   "jixiao/sheets",
	"github.com/BurntSushi/toml":  "jixiao/indicators",
	"github.com/valyala/fastjson": "jixiao/indicators",
	"modernc.org/sqlite":          "jixiao/store",
}

// TestPinnedLibraries holds each library above to its one package, and sheets to knowing
// nothing of jixiao but internal packages.
func TestPinnedLibraries(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}`, "jixiao/...").Output()
	require.NoError(t, err, "go list")
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		for _, imp := range imports {
			for lib, home := range pinned {
				if strings.HasPrefix(imp, lib) {
					assert.Equal(t, home, pkg, "only %s may import %s", home, lib)
				}
			}
			if pkg == "jixiao/sheets" && strings.HasPrefix(imp, "jixiao/") {
				assert.True(t, strings.HasPrefix(imp, "jixiao/internal/"), "sheets knows no jixiao package but internal ones, not %s", imp)
			}
		}
	}
}

func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "jixiao/...").Output()
	require.NoError(t, err, "go list")
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Greater(t, len(lines), 5, "go list found too few packages: %s", out)
	for _, line := range lines {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		for prefix, banned := range forbidden {
			if !strings.HasPrefix(pkg, prefix) {
				continue
			}
			for _, imp := range imports {
				for _, b := range banned {
					assert.False(t, strings.HasPrefix(imp, b), "%s must not import %s", pkg, imp)
				}
			}
		}
	}
}

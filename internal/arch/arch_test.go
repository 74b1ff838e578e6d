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
	"jixiao/indicators": {"jixiao/rules", "jixiao/engine", "jixiao/report", "jixiao/cmd", "github.com/expr-lang/"},
	"jixiao/rules":      {"jixiao/engine", "jixiao/report", "jixiao/cmd", "github.com/BurntSushi/toml"},
	"jixiao/engine":     {"jixiao/report", "jixiao/cmd", "github.com/expr-lang/", "github.com/BurntSushi/toml"},
	"jixiao/batch":      {"jixiao/report", "jixiao/cmd", "github.com/expr-lang/", "github.com/BurntSushi/toml"},
	"jixiao/report":     {"jixiao/cmd", "github.com/expr-lang/", "github.com/BurntSushi/toml"},
	"jixiao/internal/":  {"jixiao/indicators", "jixiao/rules", "jixiao/engine", "jixiao/report", "jixiao/cmd"},

	// The criterion reader gets its indicator as a plain context and writes expression texts.
	"jixiao/rules/prose": {"jixiao/indicators", "jixiao/rules", "github.com/expr-lang/"},
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

package arch

import (
	"bufio"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "jixiao"

// rules is what ARCHITECTURE.md says: each package's forbidden imports (path prefixes), and
// for each library the packages that alone may import it.
type rules struct {
	forbidden map[string][]string
	pinned    map[string][]string
}

var cell = regexp.MustCompile("`([^`]+)`")

// readArchitecture reads the two tables of ARCHITECTURE.md: | package | owns | must not
// import | and | library | only in |.
func readArchitecture(t *testing.T) rules {
	f, err := os.Open("../../ARCHITECTURE.md")
	require.NoError(t, err)
	defer f.Close()
	r := rules{forbidden: map[string][]string{}, pinned: map[string][]string{}}
	table := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "|") {
			table = ""
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		switch {
		case strings.TrimSpace(cells[0]) == "package":
			table = "package"
			continue
		case strings.TrimSpace(cells[0]) == "library":
			table = "library"
			continue
		case strings.HasPrefix(strings.TrimSpace(cells[0]), "---"):
			continue
		}
		names := func(s string) []string {
			var out []string
			for _, m := range cell.FindAllStringSubmatch(s, -1) {
				out = append(out, m[1])
			}
			return out
		}
		first := names(cells[0])
		require.Len(t, first, 1, "ARCHITECTURE.md: a row names one package or library: %s", line)
		switch table {
		case "package":
			require.Len(t, cells, 3, "ARCHITECTURE.md: %s", line)
			r.forbidden[module+"/"+first[0]] = names(cells[2])
		case "library":
			require.Len(t, cells, 2, "ARCHITECTURE.md: %s", line)
			for _, p := range names(cells[1]) {
				r.pinned[first[0]] = append(r.pinned[first[0]], module+"/"+p)
			}
		}
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, r.forbidden, "ARCHITECTURE.md has no package table")
	require.NotEmpty(t, r.pinned, "ARCHITECTURE.md has no library table")
	return r
}

// imports lists each package of the module with what it imports (tests left out).
func imports(t *testing.T) map[string][]string {
	return list(t, `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`)
}

// importsWithTests lists each package with what it and its tests import.
func importsWithTests(t *testing.T) map[string][]string {
	return list(t, `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}`)
}

func list(t *testing.T, format string) map[string][]string {
	out, err := exec.Command("go", "list", "-f", format, module+"/...").Output()
	require.NoError(t, err, "go list")
	pkgs := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkgs[fields[0]] = fields[1:]
	}
	require.Greater(t, len(pkgs), 5, "go list found too few packages: %s", out)
	return pkgs
}

// ARCHITECTURE.md lists every package, and only packages that exist.
func TestArchitectureListsEveryPackage(t *testing.T) {
	r := readArchitecture(t)
	pkgs := imports(t)
	for pkg := range pkgs {
		_, ok := r.forbidden[pkg]
		assert.True(t, ok, "ARCHITECTURE.md has no row for %s: add it, with what it owns and must not import", pkg)
	}
	for pkg := range r.forbidden {
		_, ok := pkgs[pkg]
		assert.True(t, ok, "ARCHITECTURE.md lists %s, which is not a package of the module", pkg)
	}
	for lib, in := range r.pinned {
		for _, pkg := range in {
			_, ok := pkgs[pkg]
			assert.True(t, ok, "ARCHITECTURE.md pins %s to %s, which is not a package of the module", lib, pkg)
		}
	}
}

// No package imports what ARCHITECTURE.md forbids it.
func TestImportDirection(t *testing.T) {
	r := readArchitecture(t)
	for pkg, imps := range imports(t) {
		for _, imp := range imps {
			for _, banned := range r.forbidden[pkg] {
				assert.False(t, strings.HasPrefix(imp, banned), "%s must not import %s (ARCHITECTURE.md)", pkg, imp)
			}
		}
	}
}

// Each pinned library is imported by its own package alone, tests included.
func TestLibrariesStayInTheirPackage(t *testing.T) {
	r := readArchitecture(t)
	users := map[string]bool{}
	for pkg, imps := range importsWithTests(t) {
		for _, imp := range imps {
			for lib, in := range r.pinned {
				if imp == lib || strings.HasPrefix(imp, lib+"/") {
					users[lib] = true
					assert.True(t, slices.Contains(in, pkg), "%s imports %s, which only %v may (ARCHITECTURE.md)", pkg, imp, in)
				}
			}
		}
	}
	for lib := range r.pinned {
		assert.True(t, users[lib], "ARCHITECTURE.md pins %s, which no package imports", lib)
	}
}

// The tables themselves say what the issue of the architecture asks: report reads no batch,
// the analysis no expressions, and expr stays in rules.
func TestArchitectureForbidsTheArrows(t *testing.T) {
	r := readArchitecture(t)
	for _, arrow := range []struct{ from, to string }{
		{"report", "jixiao/batch"}, {"report", "jixiao/cmd"}, {"engine", "jixiao/report"}, {"engine", "jixiao/batch"},
		{"rules", "jixiao/engine"}, {"rules/analysis", "jixiao/rules"}, {"rules/analysis", "github.com/expr-lang/"},
		{"indicators", "jixiao/rules"}, {"batch", "jixiao/report"},
	} {
		assert.Contains(t, r.forbidden[module+"/"+arrow.from], arrow.to, "ARCHITECTURE.md: %s must not import %s", arrow.from, arrow.to)
	}
	assert.Equal(t, []string{module + "/rules"}, r.pinned["github.com/expr-lang/expr"])
	assert.Equal(t, []string{module + "/indicators"}, r.pinned["github.com/BurntSushi/toml"])
}

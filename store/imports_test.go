package store

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOnlyStoreImportsTheDriver keeps the SQLite driver behind this package: everything
// else reaches the review database through Store.
func TestOnlyStoreImportsTheDriver(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "jixiao/...").Output()
	require.NoError(t, err, "go list")
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	found := false
	for _, line := range lines {
		fields := strings.Fields(line)
		for _, imp := range fields[1:] {
			if !strings.HasPrefix(imp, "modernc.org/") {
				continue
			}
			if fields[0] == "jixiao/store" {
				found = true
				continue
			}
			assert.Fail(t, "the SQLite driver is imported outside store", "%s imports %s", fields[0], imp)
		}
	}
	assert.True(t, found, "go list did not show jixiao/store importing the driver: %s", out)
}

package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateBad = flag.Bool("update-bad", false, "rewrite testdata/bad/*.golden from the current messages")

// TestBadCorpus checks every malformed file of testdata/bad: jixiao never panics, exits 2
// for a file it cannot use (1 or 0 for one it can, with the problem as a finding), and says
// exactly what its golden file pins, in Chinese and in English.
func TestBadCorpus(t *testing.T) {
	const dir = "../../testdata/bad"
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 40, "the corpus holds at least 40 faults")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			var got strings.Builder
			for _, lang := range []string{"zh", "en"} {
				code, out, errOut := runIn("check", "--lang", lang, file)
				got.WriteString("== " + lang + " exit " + string(rune('0'+code)) + "\n")
				got.WriteString(strings.ReplaceAll(errOut, dir+"/", ""))
				for _, line := range strings.Split(out, "\n") {
					if strings.Contains(line, "] ") && strings.Contains(line, ".toml:") {
						got.WriteString(strings.ReplaceAll(line, dir+"/", "") + "\n")
					}
				}
				if code == exitInput {
					assert.NotEmpty(t, errOut, "an unusable file says why")
				}
			}
			golden := filepath.Join(dir, name+".golden")
			if *updateBad {
				require.NoError(t, os.WriteFile(golden, []byte(got.String()), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no golden file: go test ./cmd/jixiao -run TestBadCorpus -update-bad, then review it")
			assert.Equal(t, string(want), got.String())
		})
	}
}

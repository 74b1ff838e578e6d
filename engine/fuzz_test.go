package engine

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jixiao/indicators"
)

// addSeeds adds every TOML file of the repository's test data to the corpus.
func addSeeds(f *testing.F) {
	for _, glob := range []string{"../testdata/quangang-2021/*.toml", "../testdata/bad/*.toml", "testdata/review/*.toml"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

// FuzzCheck loads, scores and reviews one file end to end. Whatever the bytes, it must not
// panic, and a file that loads must give finite numbers and findings from the catalogue.
func FuzzCheck(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		// A per-input time limit: a slow input is a bug as much as a panic.
		timer := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("slow input: %q", data)) })
		defer timer.Stop()
		p, err := indicators.Parse("fuzz.toml", data, indicators.Limits{MaxFileSize: 1 << 20})
		if err != nil {
			return
		}
		r, err := New(Options{}).Check(p)
		if err != nil {
			return
		}
		for _, x := range []float64{r.Total, r.TotalMin, r.TotalMax, r.Weight} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("non-finite total %v", x)
			}
		}
		for _, ir := range r.Indicators {
			if ir.HasScore && (math.IsNaN(ir.Score) || math.IsInf(ir.Score, 0)) {
				t.Fatalf("%s: non-finite score %v", ir.Indicator.Name, ir.Score)
			}
		}
		for _, fd := range r.Findings {
			if _, ok := LookupCheck(fd.Code); !ok {
				t.Fatalf("finding with unknown code %q", fd.Code)
			}
		}
		if _, err := New(Options{}).Lint(p); err != nil {
			t.Fatalf("lint failed where check did not: %v", err)
		}
	})
}

package published_test

import (
	"os"
	"path/filepath"
	"testing"

	"jixiao/published"
)

// BenchmarkReadCheck reads the seed report (784 lines, nine tables, two projects) and checks
// it, from its text and from a .docx built from it.
func BenchmarkReadCheck(b *testing.B) {
	text, err := os.ReadFile(seedReport)
	if err != nil {
		b.Fatal(err)
	}
	docx := filepath.Join(b.TempDir(), "report.docx")
	writeDocx(b, string(text), docx)
	for _, path := range []string{seedReport, docx} {
		b.Run(filepath.Ext(path), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				doc, err := published.Read(path)
				if err != nil {
					b.Fatal(err)
				}
				_ = published.Check(doc, nil, published.Options{})
			}
		})
	}
}

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

// BenchmarkReadPDF reads and checks a PDF report, extraction by pdftotext included: the real
// 24-page 2024 report (when ../shared is beside the checkout) and a 25-page report built from
// the seed's tables and 情况说明.
func BenchmarkReadPDF(b *testing.B) {
	requirePdftotext(b)
	text, err := os.ReadFile(seedReport)
	if err != nil {
		b.Fatal(err)
	}
	seed, err := published.Read(seedReport)
	if err != nil {
		b.Fatal(err)
	}
	built, pages := seedPDFPages(b, seed, string(text), 25)
	if pages != 25 {
		b.Fatalf("the built report has %d pages, want 25", pages)
	}
	paths := map[string]string{"seed-25-pages": built}
	if _, err := os.Stat(realReport); err == nil {
		paths["real-24-pages"] = realReport
	}
	for _, name := range []string{"real-24-pages", "seed-25-pages"} {
		path, ok := paths[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
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

package batch_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"jixiao/batch"
	"jixiao/engine"
)

// BenchmarkCheckReport runs a published report through the pipeline as `jixiao check` does,
// without writing it: read whole, its projects scored and checked, then the report's own
// checks. The seed report's text, and the real 24-page PDF (extraction by pdftotext
// included) when ../shared is beside the checkout and pdftotext is installed.
func BenchmarkCheckReport(b *testing.B) {
	inputs := map[string]string{"seed-text": seedReport}
	const real = "../../shared/reports/2024-district-social-work-dept-final-accounts.pdf"
	if _, err := os.Stat(real); err == nil {
		if _, err := exec.LookPath("pdftotext"); err == nil {
			inputs["real-pdf"] = real
		}
	}
	for _, name := range []string{"seed-text", "real-pdf"} {
		path, ok := inputs[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				err := batch.Run(context.Background(), batch.Sources(context.Background(), []string{path}, strings.NewReader(""), 1<<20),
					batch.Options{Workers: 1, Mode: batch.Check, Engine: engine.Options{}}, func(o batch.Output) error {
						if o.Err != nil || o.Document == nil {
							b.Fatalf("%s: %v", path, o.Err)
						}
						return nil
					})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

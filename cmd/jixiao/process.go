package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
)

// process runs score, check or lint over the inputs: files, folders, JSON Lines files and
// "-" for a JSON Lines stream on standard input. Text, JSON and JSON Lines stream out in
// input order as the projects are done; SARIF and workbooks are written at the end. It returns the exit status:
// the worst of the run.
func process(ctx context.Context, name string, o *options, mode batch.Mode, eopts engine.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	findings := mode != batch.Score
	items, total, code := inputs(ctx, o, stdin, stderr)
	// Results are kept to the emitter for the summary and exit status, then dropped.
	bopts := batch.Options{Mode: mode, Engine: eopts, Limits: o.limits, Keep: true}
	streamed := true
	switch o.format {
	case "jsonl":
		bopts.Format = func(rs []*engine.Result) ([]byte, error) { return report.JSONLines(rs, o.lang, findings) }
	case "json":
		bopts.Format = func(rs []*engine.Result) ([]byte, error) { return report.JSONItems(rs, o.lang, findings) }
	case "text":
		if mode == batch.Lint {
			bopts.Format = func(rs []*engine.Result) ([]byte, error) { return report.FindingsBlock(rs, o.lang) }
		} else {
			bopts.Format = func(rs []*engine.Result) ([]byte, error) { return report.TextBlock(rs, o.lang, findings) }
		}
	default: // sarif, xlsx: written whole at the end
		streamed = false
	}
	if total < 0 || total > 1000 {
		// A long batch: fewer, larger collections. Live memory stays small (results are
		// dropped once written), so a larger heap target saves much time; a soft limit keeps
		// the heap, and so the process, within bounds all the same (unless GOMEMLIMIT says).
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		if os.Getenv("GOMEMLIMIT") == "" {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(batchMemoryLimit))
		}
	}
	bar := newProgress(stderr, total, o.quiet)
	summary := batch.NewSummary()
	var kept []*engine.Result
	errorsFound := false
	err := writeOutput(ctx, o.output, stdout, func(w io.Writer) error {
		first := true
		if o.format == "json" {
			io.WriteString(w, "{\n  \"projects\": [")
		}
		err := batch.Run(ctx, items, bopts, func(out batch.Output) error {
			summary.Add(out)
			bar.Add(1)
			if out.Err != nil {
				bar.Clear()
				printErrors(stderr, out.Err, o.lang)
				code = exitInput
				return nil
			}
			for _, w := range out.Warnings {
				bar.Clear()
				fmt.Fprintln(stderr, i18n.Pick(o.lang, "注意：", "note: ")+w.Long(o.lang))
			}
			errorsFound = errorsFound || out.Errors > 0
			if !streamed {
				kept = append(kept, out.Results...)
				return nil
			}
			if len(out.Text) == 0 {
				return nil
			}
			switch {
			case o.format == "json" && first:
				io.WriteString(w, "\n")
			case o.format == "json":
				io.WriteString(w, ",\n")
			case o.format == "text" && !first:
				io.WriteString(w, "\n")
			}
			first = false
			_, err := w.Write(out.Text)
			return err
		})
		bar.Finish()
		if err != nil {
			return err
		}
		switch o.format {
		case "json":
			if first {
				io.WriteString(w, "]")
			} else {
				io.WriteString(w, "\n  ]")
			}
			if o.summary {
				io.WriteString(w, ",\n  \"summary\": ")
				var sb strings.Builder
				if err := report.WriteSummaryJSON(&sb, summary, "  "); err != nil {
					return err
				}
				io.WriteString(w, indentTail(sb.String(), "  "))
			}
			_, err = io.WriteString(w, "\n}\n")
			return err
		case "jsonl":
			if o.summary {
				io.WriteString(w, `{"summary":`)
				var sb strings.Builder
				if err := report.WriteSummaryJSON(&sb, summary, ""); err != nil {
					return err
				}
				_, err = io.WriteString(w, trimNewline(sb.String())+"}\n")
				return err
			}
		case "sarif":
			return report.SARIF(w, kept, o.lang, version())
		case "xlsx":
			return report.Workbook(w, kept, o.lang)
		case "text":
			if o.summary {
				if !first {
					io.WriteString(w, "\n")
				}
				return report.SummaryText(w, summary, o.lang)
			}
		}
		return nil
	})
	if c, failed := outputFailed(ctx, err, stderr); failed {
		return c
	}
	if code == exitOK && errorsFound && mode != batch.Score {
		code = exitFindings
	}
	return code
}

// batchMemoryLimit is the soft heap limit of a long batch.
const batchMemoryLimit = 160 << 20

// inputs turns the command line's inputs into items: files, folders, JSON Lines files and
// "-" for a JSON Lines stream on standard input. total is the number of items when known
// (-1 when a stream is among them). code is exitInput when some input cannot be found; the
// others are still read.
func inputs(ctx context.Context, o *options, stdin io.Reader, stderr io.Writer) (<-chan batch.Item, int, int) {
	files, err := indicators.Files(o.files)
	code := exitOK
	if err != nil {
		printErrors(stderr, err, o.lang)
		code = exitInput
	}
	total := len(files)
	for _, f := range files {
		if indicators.FormatOf(f) == indicators.JSONLines {
			total = -1
		}
	}
	return batch.Sources(ctx, files, stdin, int(o.limits.MaxFileSize)), total, code
}

// progress shows a bar on stderr for long runs, when stderr is a terminal and not --quiet.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(stderr io.Writer, total int, quiet bool) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) || total >= 0 && total < 50 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("jixiao"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("projects"), progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish())}
}

func (p *progress) Add(n int) {
	if p.bar != nil {
		p.bar.Add(n)
	}
}

func (p *progress) Clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// indentTail indents every line of s but the first by prefix, for nesting a JSON value.
func indentTail(s, prefix string) string {
	return strings.ReplaceAll(trimNewline(s), "\n", "\n"+prefix)
}

func trimNewline(s string) string { return strings.TrimRight(s, "\n") }

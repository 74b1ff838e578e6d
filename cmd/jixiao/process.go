package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
)

// process runs score, check or lint over the inputs (files, folders, JSON Lines files and
// "-" for a JSON Lines stream on standard input) and streams the results in input order as
// they are done. It returns the exit status: the worst of the run.
func process(ctx context.Context, o *options, mode batch.Mode, eopts engine.Options, stdin io.Reader, stdout, stderr io.Writer) int {
	out := report.Output{Format: o.format, Lang: o.lang, Findings: mode != batch.Score, Lint: mode == batch.Lint,
		Summary: o.summary, Version: version()}
	items, total, code := inputs(ctx, o, stdin, stderr)
	bopts := batch.Options{Mode: mode, Engine: eopts, Limits: o.limits, Format: out.Encode, Keep: out.KeepsResults()}
	if total < 0 || total > 1000 {
		defer largeHeap()()
	}
	bar := newProgress(stderr, total, o.quiet)
	errorsFound := false
	err := writeOutput(ctx, o.output, stdout, func(w io.Writer) error {
		stream := report.NewStream(w, out)
		err := batch.Run(ctx, items, bopts, func(item batch.Output) error {
			bar.Add(1)
			if item.Err != nil {
				bar.Clear()
				printErrors(stderr, item.Err, o.lang)
				code = exitInput
				stream.Fail()
				return nil
			}
			for _, w := range item.Warnings {
				bar.Clear()
				fmt.Fprintln(stderr, i18n.Pick(o.lang, "注意：", "note: ")+w.Long(o.lang))
			}
			errorsFound = errorsFound || item.Errors > 0
			return stream.Add(item.Results, item.Document, item.Text)
		})
		bar.Finish()
		if err != nil {
			return err
		}
		return stream.Close()
	})
	if c, failed := outputFailed(ctx, err, stderr); failed {
		return c
	}
	if code == exitOK && errorsFound && mode != batch.Score {
		code = exitFindings
	}
	return code
}

// largeHeap tunes the garbage collector for a long batch: fewer, larger collections. Live
// memory stays small (results are dropped once written), so a larger heap target saves much
// time; a soft limit keeps the heap, and so the process, within bounds all the same (unless
// GOMEMLIMIT says otherwise). It returns the function that restores the settings.
func largeHeap() (restore func()) {
	percent := debug.SetGCPercent(400)
	limit := int64(-1)
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(batchMemoryLimit)
	}
	return func() {
		debug.SetGCPercent(percent)
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
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

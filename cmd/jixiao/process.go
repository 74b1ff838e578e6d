package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
)

// process runs score, check or lint over the inputs (files, folders, JSON Lines files and
// "-" for a JSON Lines stream on standard input) and streams the results in input order as
// they are done. It returns the exit status: the worst of the run.
func (a *app) process(o *options, mode batch.Mode, eopts engine.Options) int {
	ctx := a.ctx
	out := report.Output{Format: o.format, Lang: o.lang, Findings: mode != batch.Score, Lint: mode == batch.Lint,
		Summary: o.summary, Version: release}
	errOut := a.paintErr()
	files, code := a.inputs(o.files, errOut)
	total := len(files)
	for _, f := range files {
		if indicators.FormatOf(f) == indicators.JSONLines {
			total = -1
		}
	}
	items := batch.Sources(ctx, files, a.stdin, int(o.limits.MaxFileSize))
	bopts := batch.Options{Mode: mode, Engine: eopts, Limits: o.limits, Format: out.Encode, Keep: out.KeepsResults()}
	if total < 0 || total > 1000 {
		defer largeHeap()()
	}
	bar := newProgress(a.stderr, total, o.quiet, o.lang)
	errorsFound := false
	stdout := a.stdout
	var painted *painter
	if o.format == "text" && o.output == "" && a.colorOn(a.stdout) {
		painted = newPainter(a.stdout, outRules, false)
		stdout = painted
	}
	err := writeOutput(ctx, o.output, stdout, func(w io.Writer) error {
		stream := report.NewStream(w, out)
		err := batch.Run(ctx, items, bopts, func(item batch.Output) error {
			bar.Add(1)
			if item.Err != nil {
				bar.Clear()
				printErrors(errOut, item.Err, o.lang)
				code = exitInput
				if err := stream.Fail(report.NewFailure(item.Item.Name, item.Item.Line, item.Err)); err != nil {
					return err
				}
				if len(item.Results) == 0 && item.Text == nil {
					return nil // a workbook's other projects, read, follow
				}
			}
			for _, w := range item.Warnings {
				bar.Clear()
				fmt.Fprintln(errOut, i18n.Pick(o.lang, "注意：", "note: ")+w.Long(o.lang))
			}
			if d := item.Document; mode == batch.Lint && d != nil && len(d.Document.Projects) == 0 {
				bar.Clear() // lint checks criteria, and a report of final-accounts tables alone has none
				fmt.Fprintln(errOut, i18n.Pick(o.lang, "注意：", "note: ")+a.t(
					"%s 中没有项目支出绩效自评表，也就没有评分标准可检查；报告本身（决算表、情况说明）请用 jixiao check 核对",
					"%s holds no 项目支出绩效自评表, so there is no criterion to lint; jixiao check checks the report itself (its tables and narrative)", d.Document.File))
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
	if painted != nil {
		painted.Flush()
	}
	if c, failed := a.outputFailed(err); failed {
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

// inputs expands the command line's inputs into the files to read (indicators.Files), one
// argument at a time so that each can answer for itself: a path that does not exist, and a
// folder with nothing jixiao reads in it, are errors naming the path (and, for the folder,
// what was looked for). The others are still read; code is exitInput if any was not.
func (a *app) inputs(args []string, errOut io.Writer) ([]string, int) {
	var files []string
	code := exitOK
	for _, arg := range args {
		found, err := indicators.Files([]string{arg})
		if err != nil {
			printErrors(errOut, err, a.lang)
			code = exitInput
		}
		if len(found) == 0 && err == nil {
			fmt.Fprintln(errOut, a.t("%s: 文件夹里没有 jixiao 能读的文件（查找的是 %s）；请检查路径",
				"%s: the folder holds nothing jixiao reads (it looked for %s): check the path", arg, strings.Join(readable, a.t("、", ", "))))
			code = exitInput
		}
		files = append(files, found...)
	}
	return files, code
}

// readable are the files a folder is searched for: those indicators.FormatOf knows (a test
// holds the two in step).
var readable = []string{"*.toml", "*.xlsx", "*.xlsm", "*.jsonl", "*.ndjson", "*.pdf", "*.docx"}

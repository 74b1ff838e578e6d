package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"jixiao/fill"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
)

// fillFlags are the settings of fill, as its flags give them.
type fillFlags struct {
	output     string // the filled copy; required
	force      bool   // replace output when it exists
	lang       i18n.Lang
	tolerance  float64 // 0: the default
	configPath string  // a [review] table of thresholds
}

// runFill parses fill's flags: jixiao fill BOOK.xlsx -o SCORED.xlsx.
func runFill(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fill", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ff fillFlags
	fs.StringVar(&ff.output, "o", "", "the filled copy of the workbook (replaced whole, never half-written)")
	fs.BoolVar(&ff.force, "force", false, "replace the -o file if it exists")
	langName := fs.String("lang", "zh", "language of the summary and the comments: zh or en")
	fs.Float64Var(&ff.tolerance, "tolerance", 0, "points between a written and a computed score that still match (default 0.005)")
	fs.StringVar(&ff.configPath, "config", "", "a TOML file with a [review] table of thresholds")
	files, ok := parseInterleaved(fs, args)
	if !ok {
		return exitInput
	}
	lang, err := i18n.ParseLang(*langName)
	if err != nil {
		fmt.Fprintln(stderr, "jixiao fill:", err)
		return exitInput
	}
	ff.lang = lang
	return fillWorkbook(ctx, files, ff, stdout, stderr)
}

// fillWorkbook fills the one workbook named in files into ff.output and prints, per project,
// what was filled, what differed and what is still missing.
func fillWorkbook(ctx context.Context, files []string, ff fillFlags, stdout, stderr io.Writer) int {
	fail := func(zh, en string, args ...any) int {
		fmt.Fprintln(stderr, "jixiao fill:", i18n.T(zh, en, args...).String(ff.lang))
		return exitInput
	}
	if len(files) != 1 || ff.output == "" {
		return fail("用法：jixiao fill 自评表.xlsx -o 已评分.xlsx", "usage: jixiao fill BOOK.xlsx -o SCORED.xlsx")
	}
	in := files[0]
	if indicators.FormatOf(in) != indicators.Workbook || indicators.FormatOf(ff.output) != indicators.Workbook {
		return fail("fill 读写的是 Excel 工作簿（.xlsx）：%s → %s", "fill reads and writes Excel workbooks (.xlsx): %s → %s", in, ff.output)
	}
	if sameFile(in, ff.output) {
		return fail("-o %s 就是原文件：原文件不会被改写，请另给一个文件名", "-o %s is the workbook itself, which is never written: name another file", ff.output)
	}
	if _, err := os.Stat(ff.output); err == nil && !ff.force {
		return fail("%s 已存在；要替换它请加 --force", "%s exists; add --force to replace it", ff.output)
	}
	opts := fill.Options{Lang: ff.lang}
	if ff.configPath != "" {
		cfg, err := indicators.LoadConfig(ff.configPath)
		if err != nil {
			printErrors(stderr, err, ff.lang)
			return exitInput
		}
		opts.Engine.Config = cfg
	}
	if ff.tolerance < 0 {
		return fail("--tolerance 不能为负数", "--tolerance cannot be negative")
	}
	if ff.tolerance > 0 {
		opts.Engine.Override.Tolerance = &ff.tolerance
	}
	b, err := fill.Open(in, opts)
	if err != nil {
		printErrors(stderr, err, ff.lang)
		return exitInput
	}
	defer b.Close()
	for _, p := range b.Projects {
		for _, w := range p.Result.Project.Warnings {
			fmt.Fprintln(stderr, i18n.Pick(ff.lang, "注意：", "note: ")+w.Long(ff.lang))
		}
	}
	err = writeOutput(ctx, ff.output, stdout, b.Write)
	if code, failed := outputFailed(ctx, err, stderr); failed {
		return code
	}
	for i, p := range b.Projects {
		if i > 0 {
			io.WriteString(stdout, "\n")
		}
		if err := report.FillSummary(stdout, p.Result, p.Notes, ff.lang); err != nil {
			fmt.Fprintln(stderr, "jixiao fill:", err)
			return exitInput
		}
	}
	fmt.Fprintln(stdout, i18n.T("\n已写入 %s", "\nwritten to %s", ff.output).String(ff.lang))
	return exitOK
}

// sameFile reports whether two paths name one file (the second need not exist).
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}

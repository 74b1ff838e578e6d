package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"jixiao/batch"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
)

func checkFlags(fs *flag.FlagSet, o *options) {
	fs.Float64Var(&o.tolerance, "tolerance", 0, "points between a reported and a computed score that still match (default 0.005)")
	fs.StringVar(&o.configPath, "config", "", "a TOML file with a [review] table of thresholds")
	fs.BoolVar(&o.list, "list", false, "list the checks and exit")
	fs.StringVar(&o.explain, "explain", "", "explain one check by its code and exit")
}

// review runs check (every check) or lint (the checks of the criteria only).
func review(ctx context.Context, name string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lint := name == "lint"
	formats := []string{"text", "json", "jsonl", "sarif"}
	if !lint {
		formats = append(formats, "xlsx")
	}
	o, ok := parseFlags(name, args, stderr, checkFlags, formats...)
	if !ok {
		return exitInput
	}
	if o.format == "xlsx" && o.output == "" {
		fmt.Fprintf(stderr, "jixiao %s: %s\n", name, i18n.Pick(o.lang, "--format xlsx 需要用 -o 指定输出文件，如 -o review.xlsx",
			"--format xlsx needs an output file: -o review.xlsx"))
		return exitInput
	}
	if o.list {
		report.Catalogue(stdout, o.lang, lint)
		return exitOK
	}
	if o.explain != "" {
		if found, _ := report.ExplainCode(stdout, o.explain, o.lang); !found {
			fmt.Fprintf(stderr, "jixiao %s: %s\n", name, i18n.T("没有代码为 %q 的检查；jixiao check --list 列出全部", "no check has the code %q; jixiao check --list lists them all", o.explain).String(o.lang))
			return exitInput
		}
		return exitOK
	}
	opts := o.engineOptions()
	if o.configPath != "" {
		cfg, err := indicators.LoadConfig(o.configPath)
		if err != nil {
			printErrors(stderr, err, o.lang)
			return exitInput
		}
		opts.Config = cfg
	}
	if o.tolerance < 0 {
		fmt.Fprintf(stderr, "jixiao %s: --tolerance cannot be negative\n", name)
		return exitInput
	}
	if o.tolerance > 0 {
		opts.Override.Tolerance = &o.tolerance
	}
	mode := batch.Check
	if lint {
		mode = batch.Lint
	}
	return process(ctx, o, mode, opts, stdin, stdout, stderr)
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules"
)

// options are the flags shared by the commands that read projects.
type options struct {
	format  string
	lang    i18n.Lang
	limits  indicators.Limits
	nodes   uint   // AST nodes per expression
	output  string // write here instead of stdout, atomically
	summary bool   // add the summary across the inputs
	quiet   bool   // no progress bar
	files   []string

	// check only
	tolerance  float64
	configPath string
	list       bool
	explain    string
}

// parseFlags parses flags and positional arguments in any order. extra adds a command's own
// flags; needFiles says whether files are required.
func parseFlags(name string, args []string, stderr io.Writer, extra func(*flag.FlagSet, *options), formats ...string) (*options, bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(formats, ", "))
	fs.StringVar(&o.output, "o", "", "write the output to this file (replaced whole, never half-written)")
	if extra != nil {
		extra(fs, o)
	}
	langName := fs.String("lang", "zh", "language: zh or en")
	fs.Int64Var(&o.limits.MaxFileSize, "max-file-size", indicators.DefaultMaxFileSize, "largest input file in bytes")
	fs.IntVar(&o.limits.MaxIndicators, "max-indicators", indicators.DefaultMaxIndicators, "most indicators per project")
	fs.IntVar(&o.limits.MaxTiers, "max-tiers", indicators.DefaultMaxTiers, "most tiers per indicator")
	fs.IntVar(&o.limits.MaxExprLen, "max-expr-len", indicators.DefaultMaxExprLen, "most characters in one expression")
	fs.UintVar(&o.nodes, "max-expr-nodes", rules.DefaultMaxNodes, "most syntax-tree nodes in one expression")
	fs.BoolVar(&o.summary, "summary", false, "add the summary across all inputs")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress bar on stderr")
	files, ok := parseInterleaved(fs, args)
	if !ok {
		return nil, false
	}
	o.files = files
	lang, err := i18n.ParseLang(*langName)
	if err != nil {
		fmt.Fprintf(stderr, "jixiao %s: %v\n", name, err)
		return nil, false
	}
	o.lang = lang
	known := false
	for _, f := range formats {
		known = known || f == o.format
	}
	if !known {
		fmt.Fprintf(stderr, "jixiao %s: unknown format %q (use %s)\n", name, o.format, strings.Join(formats, " or "))
		return nil, false
	}
	if len(o.files) == 0 && !o.list && o.explain == "" {
		fmt.Fprintf(stderr, "jixiao %s: %s\n", name, i18n.Pick(o.lang, "请给出要处理的文件或文件夹", "name the files or folders to read"))
		return nil, false
	}
	return o, true
}

// parseInterleaved parses flags that may stand before, between or after the positional
// arguments, and returns those.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, bool) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		if fs.NArg() == 0 {
			return rest, true
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// loadAndScore loads and scores every file, printing each broken file's errors to stderr.
// It reports whether every file was usable.
// engineOptions are the engine settings the flags give.
func (o *options) engineOptions() engine.Options {
	return engine.Options{Limits: rules.Limits{MaxNodes: o.nodes}}
}

func printErrors(w io.Writer, err error, lang i18n.Lang) {
	var list indicators.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e.Long(lang))
		}
		return
	}
	fmt.Fprintln(w, err)
}

func runScore(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, ok := parseFlags("score", args, stderr, nil, "text", "json", "jsonl")
	if !ok {
		return exitInput
	}
	return process(ctx, o, batch.Score, o.engineOptions(), stdin, stdout, stderr)
}

// Command jixiao scores Chinese project-expenditure performance self-evaluations
// (项目支出绩效自评表) and tells a reviewer what in them is inconsistent.
//
//	jixiao score [flags] FILE|DIR...   score, total and grade each project
//	jixiao check [flags] FILE|DIR...   score, then report every inconsistency as findings
//	jixiao lint [flags] FILE|DIR...    report the flaws of the criteria themselves
//	jixiao tiers [flags] "TEXT"        read criterion prose into tiers
//	jixiao import [-o DIR] FILE        write the projects of a workbook or a report as TOML files
//	jixiao gen [flags]                 write synthetic projects for benchmarks
//
// Exit status: 0 success (check, lint: no error-severity finding); 1 check or lint found an
// error, or tiers could not read part of its text; 2 unusable input or bad usage.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"
)

func main() {
	// On Ctrl-C or SIGTERM the run stops between files and removes any output it had begun:
	// an interrupted run never leaves a partial report.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// JIXIAO_CPUPROFILE=FILE writes a CPU profile of the run, for the benchmarks (BENCHMARKS.md).
	if path := os.Getenv("JIXIAO_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	code := runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	pprof.StopCPUProfile()
	// JIXIAO_MEMPROFILE=FILE writes the heap profile at the end, for the benchmarks.
	if path := os.Getenv("JIXIAO_MEMPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			runtime.GC() // the live heap, as of the end
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1   // check found an error-severity finding
	exitInput    = 2   // unusable input or bad usage
	exitStopped  = 130 // interrupted (128 + SIGINT)
)

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// runContext runs the command line until done or ctx is cancelled.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitInput
	}
	switch args[0] {
	case "score":
		return runScore(ctx, args[1:], stdin, stdout, stderr)
	case "check":
		return review(ctx, "check", args[1:], stdin, stdout, stderr)
	case "lint":
		return review(ctx, "lint", args[1:], stdin, stdout, stderr)
	case "tiers":
		return runTiers(args[1:], stdin, stdout, stderr)
	case "import":
		return runImport(ctx, args[1:], stdout, stderr)
	case "gen":
		return runGen(ctx, args[1:], stdout, stderr)
	case "schema":
		return runSchema(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		usage(stdout)
		return exitOK
	case "version", "--version":
		io.WriteString(stdout, "jixiao "+version()+"\n")
		return exitOK
	}
	io.WriteString(stderr, "jixiao: unknown command "+quote(args[0])+"\n\n")
	usage(stderr)
	return exitInput
}

func usage(w io.Writer) {
	io.WriteString(w, `jixiao — 项目支出绩效自评表的计分与复核 (scores and reviews performance self-evaluations)

Usage:
  jixiao score [flags] FILE|DIR...   计分：每个项目的得分、总分、等次 (score, total and grade)
  jixiao check [flags] FILE|DIR...   复核：计分并列出全部问题 (score, then list every inconsistency)
  jixiao lint [flags] FILE|DIR...    评分标准检查：缺口、重叠、永不生效的档次等 (flaws of the criteria)
  jixiao tiers [flags] "TEXT"        把评分标准文字读成分档 (read criterion prose into tiers, as TOML)
  jixiao import [-o DIR] FILE        把工作簿或发布报告中的自评表存为 TOML 文件 (a workbook's or report's tables to TOML files)
  jixiao gen [-n N] [-seed S] [-format jsonl|toml] [-o PATH]   合成测试数据 (synthetic projects for benchmarks)
  jixiao help                        this text
  jixiao version                     the version

  FILE is a .toml file, an .xlsx workbook, a .jsonl file (one project per line, the TOML
  fields as JSON), "-" for JSON Lines on standard input, or a published 部门决算 report (.pdf,
  .docx, or its text .txt/.md), checked whole; DIR stands for every such file below it but text.

Flags:
  --format FORMAT       text, json or jsonl; check and lint also sarif, check also xlsx (with -o)
  --lang zh|en          language of labels and messages (default zh)
  -o FILE               write the output to FILE (replaced whole, never half-written)
  --summary             add the summary across all inputs (grades, changes, findings by code)
  --quiet               no progress bar
  --max-file-size N     largest input file in bytes (default 8388608)
  --max-indicators N    most indicators per project (default 1000)
  --max-tiers N         most tiers per indicator (default 200)
  --max-expr-len N      most characters in one expression (default 4000)
  --max-expr-nodes N    most syntax-tree nodes in one expression (default 2000)

Flags of check and lint:
  --tolerance X         points between a reported and a computed score that still match (default 0.005)
  --config FILE         a TOML file with a [review] table of thresholds
  --list                list the checks
  --explain CODE        explain one check

Flags of tiers:
  --weight W --target T --unit U   the indicator's weight, target and unit (U = % for percentages)
  --name NAME           the indicator's name; --direction higher|lower|equal when the target has no ≥ or ≤
  --text                the actual value is text (定性)
  --explain             show how each part was read: tiers, spans, rules, conventions, what was left

Exit status: 0 success (check, lint: no error found), 1 check or lint found an error
(tiers: part of the text could not be read),
2 unusable input or bad usage.
`)
}

func quote(s string) string { return "\"" + s + "\"" }

// Command jixiao scores Chinese project-expenditure performance self-evaluations
// (项目支出绩效自评表) and tells a reviewer what in them is inconsistent.
//
//	jixiao score [flags] FILE|DIR...   score, total and grade each project
//	jixiao check [flags] FILE|DIR...   score, then report every inconsistency as findings
//	jixiao lint [flags] FILE|DIR...    report the flaws of the criteria themselves
//	jixiao tiers [flags] "TEXT"        read criterion prose into tiers
//	jixiao import [-o DIR] FILE        write the projects of a workbook or a report as TOML files
//	jixiao schema [-o FILE]            the JSON Schema of the file format
//	jixiao gen [flags]                 write synthetic projects for benchmarks
//	jixiao completion SHELL            a shell completion script
//	jixiao version                     the release and the commit
//
// `jixiao help COMMAND` or `jixiao COMMAND --help` prints a command's usage, in Chinese or
// English (--lang, else JIXIAO_LANG or the locale).
//
// Exit status: 0 success (check, lint: no error-severity finding); 1 check or lint found an
// error, or tiers could not read part of its text; 2 unusable input or bad usage.
//
// The layout of this package: main.go runs the command line; app.go holds what one run
// shares (streams, language, colour, exit status) and turns usage errors into two lines;
// root.go builds the command tree, one constructor per command, each in its own file
// (score.go, check.go, tiers.go, import.go, schema.go, gen.go, completion.go, version.go);
// help.go renders every help text, which the README's command reference is generated from.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"

	"golang.org/x/term"
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

// runContext runs the command line until done or ctx is cancelled, with the process's
// environment (language, NO_COLOR) and terminals.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, terminal: isTerminal}
	return a.execute(args)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"jixiao/internal/synth"
)

// runGen writes seeded synthetic projects for benchmarks: a JSONL stream, or a folder of
// TOML files.
func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "how many projects")
	seed := fs.Uint64("seed", 1, "the seed: the same seed gives the same projects")
	format := fs.String("format", "jsonl", "jsonl (one project per line) or toml (one file per project, in the -o folder)")
	out := fs.String("o", "", "the output file (jsonl; default standard output) or folder (toml)")
	if rest, ok := parseInterleaved(fs, args); !ok || len(rest) > 0 || *n < 0 {
		fmt.Fprintln(stderr, "jixiao gen: usage: jixiao gen [-n N] [-seed S] [-format jsonl|toml] [-o PATH]")
		return exitInput
	}
	g := synth.New(*seed)
	switch *format {
	case "jsonl":
		err := writeOutput(ctx, *out, stdout, func(w io.Writer) error {
			for i := 0; i < *n; i++ {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := synth.WriteJSON(w, g.Next()); err != nil {
					return err
				}
			}
			return nil
		})
		if code, failed := outputFailed(ctx, err, stderr); failed {
			return code
		}
	case "toml":
		if *out == "" {
			fmt.Fprintln(stderr, "jixiao gen: --format toml needs a folder: -o DIR")
			return exitInput
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintln(stderr, "jixiao gen:", err)
			return exitInput
		}
		for i := 0; i < *n; i++ {
			p := g.Next()
			path := filepath.Join(*out, fmt.Sprintf("%06d.toml", i))
			err := writeOutput(ctx, path, stdout, func(w io.Writer) error {
				bw := bufio.NewWriter(w)
				if err := synth.WriteTOML(bw, p); err != nil {
					return err
				}
				return bw.Flush()
			})
			if code, failed := outputFailed(ctx, err, stderr); failed {
				return code
			}
		}
	default:
		fmt.Fprintf(stderr, "jixiao gen: unknown format %q (use jsonl or toml)\n", *format)
		return exitInput
	}
	return exitOK
}

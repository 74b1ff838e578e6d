package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"jixiao/indicators"
)

// runSchema prints the JSON Schema of the file format, for TOML editors (Taplo, Even Better
// TOML): saved beside the files and named on their first line, `#:schema ./jixiao.schema.json`,
// it completes keys and flags errors as a person types.
func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the schema to this file (default standard output)")
	if rest, ok := parseInterleaved(fs, args); !ok || len(rest) > 0 {
		fmt.Fprintln(stderr, "jixiao schema: usage: jixiao schema [-o FILE]")
		return exitInput
	}
	err := writeOutput(ctx, *out, stdout, func(w io.Writer) error {
		_, err := w.Write(indicators.JSONSchema())
		return err
	})
	if code, failed := outputFailed(ctx, err, stderr); failed {
		return code
	}
	return exitOK
}

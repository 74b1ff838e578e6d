package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeOutput runs write against stdout, or, when path is set, against a temporary file
// beside path that is renamed over it only once everything was written: an interrupted or
// failed run never leaves a half-written report.
func writeOutput(ctx context.Context, path string, stdout io.Writer, write func(io.Writer) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if path == "" {
		bw := bufio.NewWriterSize(stdout, outputBuffer)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, outputBuffer)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil { // interrupted while writing: keep nothing
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	ok = true
	return nil
}

// outputFailed reports a failure to produce the output, or an interruption, with the exit
// status it calls for.
func outputFailed(ctx context.Context, err error, stderr io.Writer) (int, bool) {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "jixiao: interrupted; no output file was written")
		return exitStopped, true
	}
	if err != nil {
		fmt.Fprintln(stderr, "jixiao:", err)
		return exitInput, true
	}
	return 0, false
}

// outputBuffer is how much output is gathered before each write: a long batch writes
// hundreds of megabytes, in few system calls.
const outputBuffer = 256 << 10

package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"jixiao/internal/i18n"
)

// outputError is a failure to write the output, said in the reader's language, naming the
// path the reader gave (never the temporary file's).
type outputError struct {
	msg i18n.Text
	err error
}

func (e *outputError) Error() string { return e.msg.String(i18n.En) }
func (e *outputError) Unwrap() error { return e.err }

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
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return &outputError{msg: i18n.T("无法写入 %s：文件夹 %s 不存在；请先建立它（mkdir -p %s），或换一个输出路径",
				"cannot write %s: the folder %s does not exist; create it first (mkdir -p %s), or choose another path", path, dir, dir), err: err}
		}
		return cannotWrite(path, err)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return &outputError{msg: i18n.T("无法写入 %s：这是一个文件夹；请给出文件名，如 %s", "cannot write %s: it is a folder; name a file, such as %s",
			path, i18n.T(filepath.Join(path, "复核结果"+filepath.Ext(path)), filepath.Join(path, "review"+filepath.Ext(path)))), err: err}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return cannotWrite(path, err)
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
		return cannotWrite(path, err)
	}
	if err := tmp.Sync(); err != nil {
		return cannotWrite(path, err)
	}
	if err := tmp.Close(); err != nil {
		return cannotWrite(path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return cannotWrite(path, err)
	}
	if err := ctx.Err(); err != nil { // interrupted while writing: keep nothing
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return cannotWrite(path, err)
	}
	ok = true
	return nil
}

// cannotWrite names path and why it could not be written, without the temporary file.
func cannotWrite(path string, err error) error {
	why := i18n.OSError(err) // the system's cause in the reader's language, without the temporary file
	if errors.Is(err, fs.ErrPermission) {
		why = i18n.T("没有写入权限", "permission denied")
	}
	return &outputError{msg: i18n.T("无法写入 %s：%s", "cannot write %s: %s", path, why), err: err}
}

// outputFailed reports a failure to produce the output, or an interruption, with the exit
// status it calls for.
func (a *app) outputFailed(err error) (int, bool) {
	if a.ctx.Err() != nil || errors.Is(err, context.Canceled) {
		a.errLine("jixiao: " + a.t("已中断，没有写出输出文件", "interrupted; no output file was written"))
		return exitStopped, true
	}
	var oe *outputError
	switch {
	case errors.As(err, &oe):
		a.errLine("jixiao: " + oe.msg.String(a.lang))
		return exitInput, true
	case err != nil:
		a.errLine("jixiao: " + a.t("无法写出结果：%s", "cannot write the output: %s", i18n.OSError(err)))
		return exitInput, true
	}
	return 0, false
}

// outputBuffer is how much output is gathered before each write: a long batch writes
// hundreds of megabytes, in few system calls.
const outputBuffer = 256 << 10

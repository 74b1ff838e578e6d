package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Without pdftotext, PDF reports give one message saying how to install it, each other PDF
// is named as not read, every other input is still read, and the exit status is 2.
func TestPDFWithoutExtractor(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.pdf", "b.pdf"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("%PDF-1.4\n"), 0o644))
	}
	t.Setenv("PATH", dir)
	code, out, errOut := runIn("check", "--quiet", filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf"), "../../testdata/quangang-2021-report.txt")
	assert.Equal(t, exitInput, code)
	assert.Equal(t, 1, strings.Count(errOut, "apt-get install poppler-utils"), errOut)
	assert.Contains(t, errOut, filepath.Join(dir, "a.pdf")+": 读取 PDF 需要 poppler 的 pdftotext 程序")
	assert.Contains(t, errOut, filepath.Join(dir, "b.pdf")+": 未读取：没有 pdftotext（见上）")
	assert.Contains(t, out, "结论：报告本身有 4 处错误须更正", "the other input is read")
}

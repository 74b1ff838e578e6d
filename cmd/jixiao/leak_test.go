package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ownWords are the names a message may give in Latin letters in Chinese: formats, programs,
// file extensions and TOML's own words.
var ownWords = map[string]bool{
	"TOML": true, "toml": true, "JSON": true, "jsonl": true, "ndjson": true, "UTF": true, "CSV": true,
	"xlsx": true, "xlsm": true, "xls": true, "docx": true, "doc": true, "pdf": true, "PDF": true, "txt": true, "md": true,
	"json": true, "mkdir": true, "Excel": true, "WPS": true, "Word": true, "jixiao": true, "pdftotext": true, "poppler": true, "utils": true,
	"OCR": true, "zip": true, "true": true, "false": true, "word": true, "xml": true, "XML": true, "document": true,
}

var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// englishWords are the Latin words of a Chinese output that are neither jixiao's own names
// nor the input's (quoted back to the reader, or shown under the place they stand).
func englishWords(out, input string) []string {
	var leaked []string
	for _, w := range latinWord.FindAllString(out, -1) {
		if !ownWords[w] && !strings.Contains(input, w) {
			leaked = append(leaked, w)
		}
	}
	return leaked
}

// quoted is text in quotes: the reader's own, or an example of what to write.
var quoted = regexp.MustCompile(`“[^”]*”|"[^"\n]*"|'[^'\n]*'`)

// hanOutsideQuotes is the Chinese of an English output that is not quoted from the input or
// given as an example of what to write.
func hanOutsideQuotes(out, input string) []string {
	var left []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "    ") { // the input's line, under the message
			continue
		}
		for _, f := range strings.FieldsFunc(quoted.ReplaceAllString(line, ""), func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
			if !strings.Contains(input, f) {
				left = append(left, f)
			}
		}
	}
	return left
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// Every input jixiao cannot use is explained in the reader's language: in Chinese no word of
// a library's or the system's English stands in the message, and in English no Chinese but
// the input's; each names the file (and the line and column where they are known) and exits 2.
func TestBadInputsSpeakTheReadersLanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, data, 0o644))
		return path
	}
	good, err := filepath.Abs("../../testdata/quangang-2021/社保工作运行经费.toml")
	require.NoError(t, err)
	require.NoError(t, os.Mkdir(filepath.Join(dir, "tpl"), 0o755))
	tests := []struct {
		name  string
		input []byte   // the file, under name
		args  []string // the command line: check of the file when nil, the command of it when one word
		place string   // where the message points
		zh    string   // a part of the Chinese message
	}{
		{"unclosed.toml", []byte("[project]\nname = \"x\n"), nil, "unclosed.toml:2:10", "缺少结尾的双引号"},
		{"barekey.toml", []byte("[project]\n名称 = \"x\"\n"), nil, "barekey.toml:2:1", "键名含汉字"},
		{"twice.toml", []byte("[project]\nname = \"x\"\nname = \"y\"\n"), nil, "twice.toml:3:", "已经写过一次"},
		{"novalue.toml", []byte("[project]\nname = \n"), nil, "novalue.toml:2:", "这里应写一个值"},
		{"eof.toml", []byte("[project]\nname = "), nil, "eof.toml:2:", "缺少值"},
		{"two.toml", []byte("[project]\nname = \"x\" \"y\"\n"), nil, "two.toml:2:", "一行只能写一个"},
		{"zero.toml", []byte("[project]\nname = \"x\"\n[[indicator]]\nname = \"y\"\nweight = 010\n"), nil, "zero.toml:5:", "数字不能以 0 开头"},
		{"date.toml", []byte("[project]\nname = \"x\"\nyear = 2023-13-01\n"), nil, "date.toml:3:", "日期"},
		{"array.toml", []byte("[project]\nname = \"x\"\ntags = [1 2]\n"), nil, "array.toml:3:", "用逗号分隔"},
		{"header.toml", []byte("[project\nname = \"x\"\n"), nil, "header.toml:2:1", "表名应以 ] 结束"},
		{"escape.toml", []byte("[project]\nname = \"C:\\work\"\n"), nil, "escape.toml:2:", "不是有效的转义"},
		{"lines.jsonl", []byte("{\"project\": {\"name\": \"a\",}}\n{\"project\": {\"name\": \"b\"\n{'project': 1}\n{\"project\"：1}\nnope\n"), nil,
			"lines.jsonl:1:26", "最后一项后面多了一个逗号"},
		{"empty.xlsx", []byte{}, nil, "empty.xlsx", "文件是空的（0 字节）"},
		{"text.xlsx", []byte("a,b\n1,2\n"), nil, "text.xlsx", "这个文件是文本"},
		{"old.xlsx", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0}, nil, "old.xlsx", "旧版 .xls"},
		{"cut.xlsx", []byte("PK\x03\x04\x14\x00\x00\x00"), nil, "cut.xlsx", "文件已损坏"},
		{"bad.docx", []byte("hello"), nil, "bad.docx", "不是有效的 .docx 文件"},
		{"nobody.docx", zipOf(t, map[string]string{"word/other.xml": "<x/>"}), nil, "nobody.docx", "不是 Word 文档"},
		{"cut.docx", zipOf(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), nil, "cut.docx", "不是完整的 XML"},
		{"missing.toml", nil, nil, "missing.toml", "文件不存在"},
		{"tpl", nil, []string{"import"}, "tpl", "这是文件夹，不是文件"},
		{"out", nil, []string{"check", "-f", "json", "-o", filepath.Join(dir, "nowhere", "out.json"), good}, "out.json", "不存在"},
		{"outdir", nil, []string{"check", "-f", "json", "-o", filepath.Join(dir, "tpl"), good}, "tpl", "文件夹"},
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		tests = append(tests, struct {
			name  string
			input []byte
			args  []string
			place string
			zh    string
		}{"damaged.pdf", []byte("%PDF-1.4\nnothing else"), nil, "damaged.pdf", "pdftotext 无法读取这个 PDF"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if tt.input != nil {
				write(tt.name, tt.input)
			}
			args := []string{"check", path}
			switch {
			case len(tt.args) == 1: // the command, of the file
				args = []string{tt.args[0], path}
			case tt.args != nil:
				args = tt.args
			}
			input := string(tt.input) + strings.Join(args, " ") // the file names are the reader's
			for _, lang := range []string{"zh", "en"} {
				code, out, errOut := runIn(append([]string{args[0], "--lang", lang}, args[1:]...)...)
				all := strings.ReplaceAll(out+errOut, dir+string(filepath.Separator), "")
				all = strings.ReplaceAll(all, filepath.Dir(good)+string(filepath.Separator), "")
				assert.Equal(t, exitInput, code, "%s: %s", lang, all)
				assert.Contains(t, all, tt.place, "%s: the message names the place", lang)
				if lang == "zh" {
					assert.Contains(t, all, tt.zh)
					assert.Empty(t, englishWords(all, input), "no English in Chinese:\n%s", all)
				} else {
					assert.NotContains(t, all, tt.zh)
					assert.Empty(t, hanOutsideQuotes(all, input), "no Chinese in English:\n%s", all)
				}
			}
		})
	}
}

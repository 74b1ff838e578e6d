package indicators

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"jixiao/internal/i18n"
)

// text checks that data is UTF-8 text with something in it and returns it without a
// byte-order mark; a UTF-16 or GBK file, binary data and an empty file are each named.
func readText(name string, data []byte) (string, *Error) {
	fileErr := func(kind ErrorKind, msg i18n.Text) (string, *Error) {
		return "", &Error{Pos: Pos{File: name}, Kind: kind, Msg: msg}
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		return fileErr(ErrEncoding, i18n.T("文件是 UTF-16 编码：请用 UTF-8 另存后再试", "the file is UTF-16: save it as UTF-8 and try again"))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return fileErr(ErrEncoding, i18n.T("这是二进制文件，不是 TOML 文本", "this is a binary file, not TOML text"))
	}
	if !utf8.Valid(data) {
		line, colm := invalidUTF8At(data)
		return "", &Error{Pos: Pos{File: name, Line: line, Col: colm}, Kind: ErrEncoding, Msg: notUTF8}
	}
	s := string(data)
	if strings.TrimSpace(stripComments(s)) == "" {
		return fileErr(ErrMissing, i18n.T("文件是空的：至少需要 [project] 和一个 [[indicator]]",
			"the file is empty: it needs at least [project] and one [[indicator]]"))
	}
	return s, nil
}

var notUTF8 = i18n.T("文件不是 UTF-8 编码（多半是 GBK）：请用 UTF-8 另存后再试",
	"the file is not UTF-8 (most likely GBK): save it as UTF-8 and try again")

func stripComments(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line)
	}
	return b.String()
}

func invalidUTF8At(data []byte) (line, colm int) {
	line, colm = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, colm
		}
		if r == '\n' {
			line, colm = line+1, 1
		} else {
			colm++
		}
		data = data[size:]
	}
	return line, colm
}

package indicators

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"jixiao/internal/i18n"
)

// Load reads and parses one TOML file. The error, if any, is an ErrorList.
func Load(path string, lim Limits) (*Project, error) {
	lim = lim.withDefaults()
	if err := checkSize(path, lim); err != nil {
		return nil, ErrorList{err}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrorList{readError(path, err)}
	}
	return Parse(path, data, lim)
}

// Parse reads one project from TOML text. name is the file name used in positions. On
// failure the error is an ErrorList holding every problem found, sorted by position; the
// project is nil then.
func Parse(name string, data []byte, lim Limits) (*Project, error) {
	return parseTOML(std, name, data, lim)
}

func parseTOML(s *schema, name string, data []byte, lim Limits) (*Project, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxFileSize {
		return nil, ErrorList{{Pos: Pos{File: name}, Kind: ErrLimit, Msg: i18n.T("文件大小 %d 字节，超过上限 %d 字节", "the file is %d bytes, over the limit of %d", len(data), lim.MaxFileSize)}}
	}
	text, bad := readText(name, data)
	if bad != nil {
		return nil, ErrorList{bad}
	}
	if err := countIndicators(name, text, lim); err != nil {
		return nil, ErrorList{err}
	}
	m, err := decodeTOML(name, text)
	if err != nil {
		return nil, ErrorList{err}
	}
	d := &decoder{s: s, src: newSource(name, text), base: Pos{File: name}, lim: lim}
	return d.result(d.project(m))
}

// decodeTOML decodes TOML text into the generic tables the decoder reads.
func decodeTOML(name, text string) (map[string]any, *Error) {
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		return nil, syntaxError(name, text, err)
	}
	return m, nil
}

// countIndicators rejects a file with more [[indicator]] tables than the limit before it is
// decoded, so that a huge file fails at once rather than after seconds of parsing. It
// counts header lines only; the decoder's count remains the authority.
func countIndicators(name, text string, lim Limits) *Error {
	n, line := 0, 0
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text) - i
		}
		line++
		if l := strings.TrimSpace(text[i : i+end]); strings.HasPrefix(l, "[[indicator]]") || strings.HasPrefix(l, "[[ indicator ]]") {
			n++
			if n > lim.MaxIndicators {
				return &Error{Pos: Pos{File: name, Line: line, Col: 1}, Kind: ErrLimit, Msg: i18n.T(
					"指标超过 %d 个（第 %d 个从这里开始）：真实的自评表远少于此，请检查文件，或用 --max-indicators 放宽上限",
					"more than %d indicators (number %d starts here): no real table has this many; check the file, or raise the limit with --max-indicators",
					lim.MaxIndicators, n)}
			}
		}
		i += end + 1
	}
	return nil
}

func syntaxError(name, text string, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		pos := Pos{File: name, Line: pe.Position.Line}
		lines := strings.Split(text, "\n")
		var snippet string
		if pe.Position.Line >= 1 && pe.Position.Line <= len(lines) {
			snippet = strings.TrimRight(lines[pe.Position.Line-1], "\r")
			lineStart := 0
			for _, l := range lines[:pe.Position.Line-1] {
				lineStart += len(l) + 1
			}
			pos.Col = col(snippet, pe.Position.Start-lineStart)
		}
		return &Error{Pos: pos, Kind: ErrSyntax, Snippet: snippet, Msg: i18n.T(
			"TOML 语法错误：%s", "TOML syntax error: %s", tomlText(pe.Message))}
	}
	return &Error{Pos: Pos{File: name}, Kind: ErrSyntax, Msg: i18n.T("TOML 语法错误：%s", "TOML syntax error: %s", tomlText(err.Error()))}
}

// LoadConfig reads a shared configuration file, as a reviewer keeps one per province: a
// [review] table of check thresholds and the [[review_rules]] (复核口径). Nothing else may
// stand in it.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, ErrorList{readError(path, err)}
	}
	if !utf8.Valid(data) {
		return Config{}, ErrorList{{Pos: Pos{File: path}, Kind: ErrEncoding, Msg: notUTF8}}
	}
	text := string(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))
	m, bad := decodeTOML(path, text)
	if bad != nil {
		return Config{}, ErrorList{bad}
	}
	d := &decoder{s: std, src: newSource(path, text), base: Pos{File: path}}
	root := &table{m: m}
	var p Project
	d.field(root, d.s.field(inRoot, "review"), &p)
	d.field(root, d.s.field(inRoot, "review_rules"), &p)
	d.done(root)
	if len(d.errs) > 0 {
		d.errs.Sort()
		return Config{}, d.errs
	}
	return Config{Review: p.Thresholds, ReviewRules: p.ReviewRules}, nil
}

package layout

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao/indicators"
)

// readText splits extracted text into lines of cells: tabs separate cells; in Markdown, a line
// framed by pipes is a table row and a line of dashes between pipes is the row under a table's
// header, which holds nothing.
func readText(name string, format Format, text string) *Document {
	doc := &Document{File: name, Format: format}
	for n, raw := range strings.Split(text, "\n") {
		raw = strings.TrimRight(raw, "\r")
		if strings.TrimSpace(raw) == "" {
			continue
		}
		var cells []Cell
		if format == Markdown && isPipeRow(raw) {
			if isPipeRule(raw) {
				continue
			}
			cells = splitCells(name, n+1, raw, '|', true)
		} else {
			if format == Markdown {
				raw = stripHeading(raw)
			}
			cells = splitCells(name, n+1, raw, '\t', false)
		}
		doc.Lines = append(doc.Lines, Line{Cells: cells, Pos: lineStart(name, n+1, raw)})
	}
	return doc
}

// splitCells cuts a line at sep, placing each cell at its first non-blank character. A pipe
// row's leading and trailing pipes frame it and open no cell.
func splitCells(file string, line int, raw string, sep rune, framed bool) []Cell {
	start, end := 0, len(raw)
	if framed {
		t := strings.TrimRightFunc(raw, unicode.IsSpace)
		start = strings.IndexRune(t, '|') + 1
		end = len(t)
		if strings.HasSuffix(t, "|") && end-1 >= start {
			end--
		}
	}
	var cells []Cell
	col := utf8.RuneCountInString(raw[:start]) + 1
	i := start
	for {
		j := strings.IndexRune(raw[i:end], sep)
		stop := end
		if j >= 0 {
			stop = i + j
		}
		part := raw[i:stop]
		lead := len(part) - len(strings.TrimLeftFunc(part, unicode.IsSpace))
		c := col + utf8.RuneCountInString(part[:lead])
		cells = append(cells, Cell{Text: Clean(part), Pos: indicators.Pos{File: file, Line: line, Col: c}})
		if j < 0 {
			break
		}
		col += utf8.RuneCountInString(part) + 1
		i = stop + utf8.RuneLen(sep)
	}
	return cells
}

func lineStart(file string, line int, raw string) indicators.Pos {
	lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	return indicators.Pos{File: file, Line: line, Col: utf8.RuneCountInString(raw[:lead]) + 1}
}

func isPipeRow(s string) bool {
	return strings.HasPrefix(strings.TrimSpace(s), "|")
}

var pipeRule = regexp.MustCompile(`^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?\s*)?$`)

func isPipeRule(s string) bool { return pipeRule.MatchString(s) }

// stripHeading drops a Markdown heading's leading #s, keeping the column of the text.
func stripHeading(s string) string {
	t := strings.TrimLeft(s, " ")
	if !strings.HasPrefix(t, "#") {
		return s
	}
	h := strings.TrimLeft(t, "#")
	if h == "" || h[0] != ' ' {
		return s
	}
	return strings.Repeat(" ", len(s)-len(h)) + h
}

// texOps are the TeX commands PDF extraction leaves for comparison signs, with what they
// stand for. Longer names come first so that \geqslant is not read as \geq.
var texOps = []struct{ tex, text string }{
	{`\geqslant`, "≥"}, {`\leqslant`, "≤"}, {`\geq`, "≥"}, {`\leq`, "≤"}, {`\neq`, "≠"},
	{`\times`, "×"}, {`\sim`, "~"}, {`\cdot`, "·"}, {`\pm`, "±"}, {`\%`, "%"},
}

// shortTeX matches \ge and \le alone (not followed by a letter, as in \geq).
var shortTeX = regexp.MustCompile(`\\(ge|le)([^A-Za-z]|$)`)

// mathSpan is TeX's inline mathematics around a short operator or number: $>$, $98\%$.
var mathSpan = regexp.MustCompile(`\$([^$\n]{1,16})\$`)

// Clean returns a cell's text as a reader means it: TeX operators replaced by their signs
// ("\geq 217100" → "≥ 217100", "$>$" → ">"), Markdown emphasis (**) dropped, outer blanks
// trimmed. Spaces inside the text are kept: words broken by spaces are the reader's to join,
// where it knows a cell holds a name.
func Clean(s string) string {
	if strings.ContainsAny(s, `\$`) {
		for _, op := range texOps {
			s = strings.ReplaceAll(s, op.tex, op.text)
		}
		s = shortTeX.ReplaceAllStringFunc(s, func(m string) string {
			sign := "≥"
			if m[1] == 'l' {
				sign = "≤"
			}
			return sign + m[3:]
		})
		s = mathSpan.ReplaceAllStringFunc(s, func(m string) string { return strings.TrimSpace(m[1 : len(m)-1]) })
	}
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	return strings.TrimSpace(s)
}

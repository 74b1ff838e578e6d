package indicators

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"jixiao/internal/i18n"
	"jixiao/sheets"
)

// Pos is a place in a source file. Line and Col start at 1; Col counts characters (runes),
// not bytes, so a Chinese indicator name moves the column by one per character. A zero Line
// means the place is unknown (Col then means nothing).
type Pos struct {
	File  string `json:"file,omitempty"`
	Sheet string `json:"sheet,omitempty"` // a workbook's sheet (a .docx table): Line is then the row, Col the column
	// Page is a PDF's page, from 1: Line is then the line of text on the page from its top,
	// Col the character along it. 0 for every other input.
	Page int `json:"page,omitempty"`
	Line int `json:"line,omitempty"`
	Col  int `json:"column,omitempty"`
}

// IsValid reports whether the position names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String prints file:line:col, dropping what is unknown; a sheet's cell as file:Sheet!B5,
// a PDF's page as file:p5:12:8 (page 5, line 12, column 8).
func (p Pos) String() string {
	if p.Page > 0 {
		s := p.File + ":p" + strconv.Itoa(p.Page)
		if p.Line > 0 {
			s += ":" + strconv.Itoa(p.Line)
			if p.Col > 0 {
				s += ":" + strconv.Itoa(p.Col)
			}
		}
		return s
	}
	if p.Sheet != "" {
		if p.Line > 0 && p.Col > 0 {
			return fmt.Sprintf("%s:%s!%s", p.File, p.Sheet, sheets.CellName(p.Col, p.Line))
		}
		return fmt.Sprintf("%s:%s", p.File, p.Sheet)
	}
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// ErrorKind classifies load and compile errors.
type ErrorKind string

// The kinds of error. They are stable: tests and tools match on them.
const (
	ErrRead       ErrorKind = "read"        // the file cannot be read at all
	ErrEncoding   ErrorKind = "encoding"    // not UTF-8 text
	ErrSyntax     ErrorKind = "syntax"      // not valid TOML (or JSON)
	ErrUnknownKey ErrorKind = "unknown-key" // a key jixiao does not know: usually a typo
	ErrType       ErrorKind = "type"        // a value of the wrong type
	ErrMissing    ErrorKind = "missing"     // a required field is absent
	ErrValue      ErrorKind = "value"       // a value of the right type that cannot be used
	ErrLimit      ErrorKind = "limit"       // a size limit exceeded
	ErrExpr       ErrorKind = "expr"        // an expression that does not compile
)

// Error is one problem in an input file, with where it is and what to do.
type Error struct {
	Pos       Pos
	Kind      ErrorKind
	Project   string // the project's name, if known
	Indicator string // the indicator's name, if the error is inside one
	Msg       i18n.Text
	Snippet   string // the source line the error is on, for the long form
}

// Error is the one-line English form: file:line:col: project › indicator: message.
func (e *Error) Error() string { return e.Localize(i18n.En) }

// Localize is the one-line form in lang.
func (e *Error) Localize(lang i18n.Lang) string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if e.Project != "" {
		b.WriteString(e.Project)
		if e.Indicator != "" {
			b.WriteString(" › ")
			b.WriteString(e.Indicator)
		}
		b.WriteString(": ")
	} else if e.Indicator != "" {
		b.WriteString(e.Indicator)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg.String(lang))
	return b.String()
}

// Long is the one-line form followed by the source line and a caret under the column. A
// long line is cut to a window around the column.
func (e *Error) Long(lang i18n.Lang) string {
	line := e.Localize(lang)
	if e.Snippet == "" || e.Pos.Col < 1 {
		return line
	}
	const before, after = 40, 40
	runes := []rune(strings.ReplaceAll(e.Snippet, "\t", " "))
	col := min(e.Pos.Col-1, len(runes))
	start, end := max(0, col-before), min(len(runes), col+after)
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(runes) {
		suffix = "…"
	}
	// The caret is placed by display width: CJK characters take two cells.
	pad := runewidth.StringWidth(prefix + string(runes[start:col]))
	return line + "\n    " + prefix + string(runes[start:end]) + suffix + "\n    " + strings.Repeat(" ", pad) + "^"
}

// MaxErrors is how many errors one file reports before the list is cut.
const MaxErrors = 50

// ErrorList is every error found in one or more files, sorted by position. It is never
// flattened: errors.As finds each *Error through Unwrap.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	if len(l) == 2 {
		return l[0].Error() + " (and 1 more error)"
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Unwrap exposes each error to errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Sort orders the list by file, line and column, keeping the order of equal positions.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		if c := cmp.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Pos.Page, b.Pos.Page); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Pos.Col, b.Pos.Col)
	})
}

// Err returns the list as an error, or nil if it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// col converts a byte offset within line to a 1-based character column.
func col(line string, byteOff int) int {
	if byteOff > len(line) {
		byteOff = len(line)
	}
	if byteOff < 0 {
		byteOff = 0
	}
	return utf8.RuneCountInString(line[:byteOff]) + 1
}

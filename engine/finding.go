package engine

import (
	"cmp"
	"slices"

	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// Severity ranks a finding.
type Severity int

// Severities, most severe first.
const (
	Error   Severity = iota // a number that is wrong: the submission must be corrected
	Warning                 // something a reviewer must look at and usually query
	Info                    // worth knowing; not wrong in itself
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Label is the severity in the reader's language.
func (s Severity) Label(lang i18n.Lang) string {
	switch s {
	case Error:
		return i18n.Pick(lang, "错误", "error")
	case Warning:
		return i18n.Pick(lang, "警告", "warning")
	}
	return i18n.Pick(lang, "提示", "info")
}

// Finding is one inconsistency in a submission, with what the reviewer needs to act on it.
type Finding struct {
	Code      Code
	Severity  Severity
	Indicator int            // 0-based index into the result's indicators; -1 for the project
	Pos       indicators.Pos // where in the file, if known
	Msg       i18n.Text
	Hint      i18n.Text // how it may have come about, or what to do; may be empty
	Expected  any       // the value jixiao computes (a number or a grade), or nil
	Actual    any       // the value the submission states, or nil
}

// Project reports whether the finding is about the project rather than one indicator.
func (f *Finding) Project() bool { return f.Indicator < 0 }

// Count tallies findings by severity.
func Count(fs []Finding) (errors, warnings, infos int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			infos++
		}
	}
	return
}

// sortFindings orders project findings first, then by indicator, then by the catalogue order
// of their checks, keeping the order each check reported in.
func sortFindings(fs []Finding, order map[Code]int) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := cmp.Compare(a.Indicator, b.Indicator); c != 0 {
			return c
		}
		return cmp.Compare(order[a.Code], order[b.Code])
	})
}

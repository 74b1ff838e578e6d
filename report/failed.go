package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// This file is the inputs that could not be used (a broken TOML file, a bad line of a JSON
// Lines stream, a workbook that is no workbook): every output files them beside the
// projects that were read, so that nothing vanishes from a reviewer's records. JSON has a
// top-level "errors" array, JSON Lines an {"errors": […]} line where the input stood, SARIF
// tool execution notifications, the workbook a block in its summary sheet and rows in its
// list of findings, and the text summary names each.

// Failure is one input that could not be used: the file (or stream), the line of a stream,
// and every error found in it, located.
type Failure struct {
	Input  string // the file, or the stream's name ("stdin")
	Line   int    // the line of a JSON Lines stream; 0 for a whole file
	Errors indicators.ErrorList
}

// NewFailure makes the failure of input (at line of a stream, else 0) from the error that
// stopped it: its located errors where it carries them (indicators.ErrorList or
// *indicators.Error), else one error placed at the input.
func NewFailure(input string, line int, err error) Failure {
	f := Failure{Input: input, Line: line}
	var list indicators.ErrorList
	var one *indicators.Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
		f.Errors = list
	case errors.As(err, &one):
		f.Errors = indicators.ErrorList{one}
	case err != nil:
		f.Errors = indicators.ErrorList{{Pos: indicators.Pos{File: input, Line: line}, Kind: indicators.ErrRead,
			Msg: i18n.T("无法使用这个输入（%v）；请检查文件后重试", "this input cannot be used (%v): check the file and try again", err)}}
	}
	return f
}

// Place is where the failure is: the file, or file:line of a stream.
func (f *Failure) Place() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d", f.Input, f.Line)
	}
	return f.Input
}

// InputError is one error of an input that could not be used, as JSON and JSON Lines write
// it (the README documents the keys): where it is, its kind (indicators.ErrorKind) and the
// message in the reader's language.
type InputError struct {
	File      string `json:"file"`
	Sheet     string `json:"sheet,omitempty"`
	Page      int    `json:"page,omitempty"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	Project   string `json:"project,omitempty"`
	Indicator string `json:"indicator,omitempty"`
	Kind      string `json:"kind"`
	Message   string `json:"message"`
}

// inputErrors is the failure's errors in their JSON form, messages in lang.
func (f *Failure) inputErrors(lang i18n.Lang) []InputError {
	out := make([]InputError, len(f.Errors))
	for i, e := range f.Errors {
		file := e.Pos.File
		if file == "" {
			file = f.Input
		}
		line := e.Pos.Line
		if line == 0 && e.Pos.Page == 0 && e.Pos.Sheet == "" {
			line = f.Line
		}
		out[i] = InputError{File: file, Sheet: e.Pos.Sheet, Page: e.Pos.Page, Line: line, Column: e.Pos.Col,
			Project: e.Project, Indicator: e.Indicator, Kind: string(e.Kind), Message: e.Msg.String(lang)}
	}
	return out
}

// where is an error's place as the outputs name it: a stream's line where the error has none.
func (f *Failure) where(e *indicators.Error, lang i18n.Lang) string {
	pos := e.Pos
	if pos.File == "" {
		pos.File = f.Input
	}
	if pos.Line == 0 && pos.Page == 0 && pos.Sheet == "" {
		pos.Line = f.Line
	}
	return Where(pos, lang)
}

// message is an error's message with the project and indicator it is in, without its place.
func message(e *indicators.Error, lang i18n.Lang) string {
	msg := e.Msg.String(lang)
	switch {
	case e.Project != "" && e.Indicator != "":
		return e.Project + " › " + e.Indicator + i18n.Pick(lang, "：", ": ") + msg
	case e.Project != "":
		return e.Project + i18n.Pick(lang, "：", ": ") + msg
	case e.Indicator != "":
		return e.Indicator + i18n.Pick(lang, "：", ": ") + msg
	}
	return msg
}

// MaxFailures is how many failed inputs a stream keeps for the outputs written at its end
// (JSON's errors, SARIF, the workbook, the summary's list); beyond it they are counted, and
// the outputs say how many were left out. JSON Lines writes each as it comes.
const MaxFailures = 1000

// failuresJSONLine is the JSON Lines line of one failed input: {"errors":[…]}.
func failuresJSONLine(f *Failure, lang i18n.Lang) ([]byte, error) {
	b, err := marshalCompact(struct {
		Errors []InputError `json:"errors"`
	}{f.inputErrors(lang)})
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// writeFailuresJSON writes the whole JSON document's "errors" member: every error of every
// failed input kept, and how many inputs were left out beyond them.
func writeFailuresJSON(b *strings.Builder, failed []Failure, more int, lang i18n.Lang) error {
	var all []InputError
	for i := range failed {
		all = append(all, failed[i].inputErrors(lang)...)
	}
	data, err := marshalIndent(all, "  ")
	if err != nil {
		return err
	}
	b.WriteString(",\n  \"errors\": ")
	b.Write(data)
	if more > 0 {
		fmt.Fprintf(b, ",\n  \"inputs_left_out\": %d", more)
	}
	return nil
}

func marshalCompact(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimRight(b.String(), "\n")), nil
}

// notRead is the sentence that heads the list of failed inputs: how many, and that none of
// them was scored.
func notRead(n int) i18n.Text {
	return i18n.T("未能读入 %s，均未计分；请按下列错误修改后重新运行", "%s could not be read, none of them scored: correct the errors below and run again",
		count(n, "个输入", "input", "inputs"))
}

// filed is everything a run files: the projects' results, the published reports, the inputs
// that could not be used, and how many more of those were only counted.
type filed struct {
	results []*engine.Result
	docs    []*published.Result
	failed  []Failure
	more    int
}

// failures writes, below the projects of the summary sheet, the block of the inputs that
// could not be used: a heading that says how many and that they were not scored, then one
// row per error (input, place, error).
func (x *xlsx) failures(s *sheetWriter, failed []Failure, more int) {
	if len(failed) == 0 && more == 0 {
		return
	}
	L := func(zh, en string) string { return i18n.Pick(x.lang, zh, en) }
	s.row += 2
	s.put(1, notRead(len(failed)+more).String(x.lang))
	s.style(1, x.disputed)
	s.row++
	s.headRow(L("输入", "Input"), L("位置", "Where"), L("错误", "Error"))
	for i := range failed {
		f := &failed[i]
		for _, e := range f.Errors {
			s.row++
			s.put(1, f.Place())
			s.put(2, f.where(e, x.lang))
			s.put(3, message(e, x.lang))
		}
	}
	if more > 0 {
		s.row++
		s.put(1, i18n.T("另有 %s未能读入，未列出", "%s could not be read, not listed", count(more, "个输入", "more input", "more inputs")).String(x.lang))
	}
}

// failureFindings writes one row of the 问题清单 per error of an input that could not be used,
// after the findings: the input where a project's name stands, as an error of the input.
func (x *xlsx) failureFindings(s *sheetWriter, failed []Failure) {
	for i := range failed {
		f := &failed[i]
		for _, e := range f.Errors {
			s.row++
			s.put(1, f.Place())
			s.put(2, e.Indicator)
			s.put(3, SeverityLabel(engine.Error, x.lang))
			s.put(4, i18n.Pick(x.lang, "未能读入", "not read"))
			s.put(5, f.where(e, x.lang))
			s.put(6, message(e, x.lang))
			s.style(6, x.wrap)
			s.put(8, i18n.Pick(x.lang, "按错误所说修改这个输入，再重新运行；修改之前它没有计分", "correct the input as the error says and run again: until then it is not scored"))
		}
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"sync"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// Output says what a command writes: the format, the language, and what it includes.
type Output struct {
	Format   string // text, json, jsonl, sarif or xlsx
	Lang     i18n.Lang
	Findings bool   // each project's findings (check, lint)
	Lint     bool   // in text, the findings alone, without the table (lint)
	Summary  bool   // the summary across all inputs
	Version  string // the tool's version, for SARIF
}

// whole reports whether the format is written whole at the end (SARIF, a workbook) rather
// than item by item as the inputs are done.
func (o *Output) whole() bool { return o.Format == "sarif" || o.Format == "xlsx" }

// KeepsResults reports whether a stream needs each input's results, not only their
// encoding: for the summary, or to write them whole at the end.
func (o *Output) KeepsResults() bool { return o.Summary || o.whole() }

// Encode formats one input's results (and, for a published report, its document: doc, else
// nil) as a stream writes them, item by item; nil for a format written whole. It only reads
// the results, so workers may call it in parallel.
func (o *Output) Encode(results []*engine.Result, doc *published.Result) ([]byte, error) {
	switch o.Format {
	case "jsonl":
		b := (*buffers.Get().(*[]byte))[:0]
		for _, r := range results {
			b = append(appendResult(b, r, o.Lang, o.Findings), '\n')
		}
		if doc != nil && o.documentsShown() {
			return documentJSONLine(b, doc, o.Lang, o.Findings)
		}
		return b, nil
	case "json":
		var buf bytes.Buffer
		for i, r := range results {
			if i > 0 {
				buf.WriteString(",\n")
			}
			b, err := marshalIndent(projectJSON(r, o.Lang, o.Findings), "    ")
			if err != nil {
				return nil, err
			}
			buf.WriteString("    ")
			buf.Write(b)
		}
		return buf.Bytes(), nil
	case "text":
		var buf bytes.Buffer
		var err error
		if o.Lint {
			err = Findings(&buf, results, o.Lang)
		} else {
			err = Text(&buf, results, o.Lang, o.Findings)
		}
		if err == nil && doc != nil && o.documentsShown() {
			var b strings.Builder
			if buf.Len() > 0 {
				b.WriteString("\n")
			}
			documentBlock(&b, doc, o.Lang, o.Findings)
			buf.WriteString(b.String())
		}
		return buf.Bytes(), err
	}
	return nil, nil
}

// Stream writes an Output: the head, each input's results in input order, and the tail
// (the summary, or the whole document of a format written at the end).
type Stream struct {
	w       io.Writer
	out     Output
	head    bool // the head is written
	items   int  // items written
	summary *Summary
	kept    []*engine.Result    // for a format written whole
	docs    []*published.Result // the published reports, for the tail (JSON) or a format written whole
	failed  []Failure           // the inputs that could not be used, for the tail (at most MaxFailures)
	more    int                 // failed inputs beyond MaxFailures, counted only
}

// NewStream returns a stream of out to w.
func NewStream(w io.Writer, out Output) *Stream {
	s := &Stream{w: w, out: out}
	if out.Summary {
		s.summary = NewSummary()
		s.summary.Scored = !out.Lint
		s.summary.Checked = out.Findings
	}
	return s
}

// Add writes one input's results and a published report's document (doc, else nil), encoded
// by Output.Encode (possibly in another goroutine), in input order.
func (s *Stream) Add(results []*engine.Result, doc *published.Result, encoded []byte) error {
	if s.summary != nil {
		for _, r := range results {
			s.summary.Add(r)
		}
		if doc != nil && s.out.documentsShown() {
			s.summary.AddDocument(doc)
		}
	}
	if doc != nil && s.out.documentsShown() && (s.out.whole() || s.out.Format == "json") {
		s.docs = append(s.docs, doc)
	}
	if s.out.whole() {
		s.kept = append(s.kept, results...)
		return nil
	}
	if len(encoded) == 0 {
		return nil
	}
	if err := s.writeHead(); err != nil {
		return err
	}
	var sep string
	switch {
	case s.out.Format == "json" && s.items == 0:
		sep = "\n"
	case s.out.Format == "json":
		sep = ",\n"
	case s.out.Format == "text" && s.items > 0:
		sep = "\n"
	}
	s.items++
	if _, err := io.WriteString(s.w, sep); err != nil {
		return err
	}
	_, err := s.w.Write(encoded)
	if s.out.Format == "jsonl" && cap(encoded) <= maxBuffer {
		encoded = encoded[:0]
		buffers.Put(&encoded) // written: the next item's encoding may use it
	}
	return err
}

// buffers hold the bytes of encoded items between the worker that encodes one and the
// stream that writes it, so that a long batch does not allocate them anew each time.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// maxBuffer is the largest buffer kept for reuse: a huge project's is left to the collector.
const maxBuffer = 1 << 20

// Fail files an input that could not be used, in input order: JSON Lines writes its errors
// at once as a line of their own; the other formats keep it for their tail (the JSON
// document's errors, SARIF's notifications, the workbook's list, the summary's).
func (s *Stream) Fail(f Failure) error {
	if s.summary != nil {
		s.summary.AddFailure(&f)
	}
	if s.out.Format == "jsonl" {
		line, err := failuresJSONLine(&f, s.out.Lang)
		if err != nil {
			return err
		}
		_, err = s.w.Write(line)
		return err
	}
	if len(s.failed) < MaxFailures {
		s.failed = append(s.failed, f)
	} else {
		s.more++
	}
	return nil
}

func (s *Stream) writeHead() error {
	if s.head {
		return nil
	}
	s.head = true
	if s.out.Format == "json" {
		_, err := io.WriteString(s.w, "{\n  \"projects\": [")
		return err
	}
	return nil
}

// Close writes the tail: the end of the JSON document, the summary, or the whole of a
// format written at the end.
func (s *Stream) Close() error {
	if err := s.writeHead(); err != nil {
		return err
	}
	var b strings.Builder
	switch s.out.Format {
	case "sarif":
		return sarifLogOf(s.w, filed{s.kept, s.docs, s.failed, s.more}, s.out.Lang, s.out.Version)
	case "xlsx":
		return workbook(s.w, filed{s.kept, s.docs, s.failed, s.more}, s.out.Lang)
	case "json":
		if s.items == 0 {
			b.WriteString("]")
		} else {
			b.WriteString("\n  ]")
		}
		if len(s.docs) > 0 {
			if err := writeDocumentsJSON(&b, s.docs, s.out.Lang, s.out.Findings); err != nil {
				return err
			}
		}
		if len(s.failed) > 0 {
			if err := writeFailuresJSON(&b, s.failed, s.more, s.out.Lang); err != nil {
				return err
			}
		}
		if s.summary != nil {
			b.WriteString(",\n  \"summary\": ")
			var sb strings.Builder
			if err := WriteSummaryJSON(&sb, s.summary, "  "); err != nil {
				return err
			}
			b.WriteString(strings.ReplaceAll(strings.TrimRight(sb.String(), "\n"), "\n", "\n  "))
		}
		b.WriteString("\n}\n")
	case "jsonl":
		if s.summary != nil {
			b.WriteString(`{"summary":`)
			if err := WriteSummaryJSON(&b, s.summary, ""); err != nil {
				return err
			}
			return writeString(s.w, strings.TrimRight(b.String(), "\n")+"}\n")
		}
	case "text":
		if s.summary != nil {
			if s.items > 0 {
				b.WriteString("\n")
			}
			if err := SummaryText(&b, s.summary, s.out.Lang); err != nil {
				return err
			}
		}
	}
	return writeString(s.w, b.String())
}

func writeString(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

func projectJSON(r *engine.Result, lang i18n.Lang, findings bool) JSONProject {
	p := NewJSONProject(r, lang)
	if findings {
		fs := NewJSONFindings(r, lang)
		p.Findings = &fs
	}
	return p
}

func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

package published_test

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/internal/num"
	"jixiao/published"
)

// writeDocx saves the report's text as a Word document the way a unit's .docx holds it: each
// run of tab-separated lines a table (blank lines inside it do not end it), every other line
// a paragraph. A cell followed by blank cells spans them (gridSpan), a blank first cell under
// a filled one continues it downwards (vMerge), and each text is split over two runs; read
// back, these give the same cells as the text.
func writeDocx(t testing.TB, text, path string) {
	t.Helper()
	var body strings.Builder
	inTable, firstAbove := false, false
	for _, raw := range strings.Split(text, "\n") {
		raw = strings.TrimRight(raw, "\r")
		if strings.TrimSpace(raw) == "" {
			continue
		}
		if !strings.Contains(raw, "\t") {
			if inTable {
				body.WriteString("</w:tbl>")
				inTable = false
			}
			body.WriteString("<w:p>" + runs(raw) + "</w:p>")
			continue
		}
		if !inTable {
			body.WriteString("<w:tbl>")
			inTable, firstAbove = true, false
		}
		cells := strings.Split(raw, "\t")
		body.WriteString("<w:tr>")
		for k := 0; k < len(cells); {
			c := strings.TrimSpace(cells[k])
			span := 1
			if c != "" {
				for k+span < len(cells) && strings.TrimSpace(cells[k+span]) == "" {
					span++
				}
			}
			var props []string
			if span > 1 {
				props = append(props, `<w:gridSpan w:val="`+itoa(span)+`"/>`)
			}
			switch {
			case k == 0 && c != "":
				props = append(props, `<w:vMerge w:val="restart"/>`)
			case k == 0 && firstAbove:
				props = append(props, `<w:vMerge/>`)
			}
			body.WriteString("<w:tc>")
			if len(props) > 0 {
				body.WriteString("<w:tcPr>" + strings.Join(props, "") + "</w:tcPr>")
			}
			body.WriteString("<w:p>" + runs(c) + "</w:p></w:tc>")
			k += span
		}
		body.WriteString("</w:tr>")
		firstAbove = true
	}
	if inTable {
		body.WriteString("</w:tbl>")
	}

	f, err := os.Create(path)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	for _, part := range []struct{ name, text string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`},
	} {
		w, err := zw.Create(part.name)
		require.NoError(t, err)
		_, err = w.Write([]byte(part.text))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
}

// runs writes text as two runs, split in the middle.
func runs(text string) string {
	n := utf8.RuneCountInString(text) / 2
	i := len(string([]rune(text)[:n]))
	out := ""
	for _, part := range []string{text[:i], text[i:]} {
		if part == "" {
			continue
		}
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(part))
		out += `<w:r><w:t xml:space="preserve">` + b.String() + `</w:t></w:r>`
	}
	return out
}

// fact is a finding without its place: what must be the same whatever the form of the report.
func facts(fs []published.Finding) []string {
	var out []string
	for _, f := range fs {
		var blame []string
		for _, b := range f.Blame {
			blame = append(blame, b.Table+" "+b.Name+" "+money(b.Amount))
		}
		out = append(out, strings.Join([]string{f.Code, string(f.Severity), f.Subject, f.Item, show(f.Actual), show(f.Expected),
			money(f.Diff), f.Unit, strings.Join(f.Names, "|"), strings.Join(blame, "|")}, " ; "))
	}
	sort.Strings(out)
	return out
}

func TestDocxReadsLikeText(t *testing.T) {
	text, err := os.ReadFile(seedReport)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "quangang-2021-report.docx")
	writeDocx(t, string(text), path)

	fromText := readSeed(t)
	fromDocx, err := published.Read(path)
	require.NoError(t, err, "Read(%s)", path)

	want := transcribed(t)
	require.Len(t, fromDocx.Projects, 2)
	for _, p := range fromDocx.Projects {
		w := want[p.Project.Name]
		require.NotNil(t, w, "a project the transcription does not have: %q", p.Project.Name)
		sameProject(t, w, p.Project)
		assert.Equal(t, score(t, w), score(t, p.Project), "%s: the engine's result from the .docx", w.Name)
		r, err := engine.New(engine.Options{}).Check(p.Project)
		require.NoError(t, err)
		for k := range r.Findings {
			pos := r.Pos(&r.Findings[k])
			assert.Equal(t, path, pos.File)
			// A table's cell, or a paragraph of the evaluation report (an indicator read from it).
			assert.Regexp(t, `^(表\d+)?$`, pos.Sheet, "%s: the engine's findings point into the .docx", r.Findings[k].Code)
			assert.Positive(t, pos.Line)
		}
	}
	require.Len(t, fromDocx.Tables, len(fromText.Tables))
	for i, tb := range fromDocx.Tables {
		assert.Equal(t, fromText.Tables[i].Number, tb.Number)
		assert.Equal(t, tableRows(fromText.Tables[i]), tableRows(tb), "%s: rows", tb.Name())
	}

	textFindings := published.Check(fromText, engineGrades(t, fromText), published.Options{})
	docxFindings := published.Check(fromDocx, engineGrades(t, fromDocx), published.Options{})
	assert.Equal(t, facts(textFindings), facts(docxFindings), "the same findings from the text and from the .docx")

	// Places in a .docx are table cells.
	for _, f := range docxFindings {
		if f.Code == published.CodeTotalMismatch {
			assert.Regexp(t, `quangang-2021-report\.docx:表\d+!D\d+$`, f.Pos.String(), "the 本年支出合计 cell")
			require.Len(t, f.Blame, 1)
			assert.Regexp(t, `:表\d+!D\d+$`, f.Blame[0].Pos.String(), "the 一般公共服务支出 cell")
		}
	}
}

// tableRows is a table's rows as text: code, name and amounts.
func tableRows(t *published.Table) []string {
	var out []string
	for _, p := range t.Parts {
		for _, r := range p.Rows {
			s := p.Name + " " + r.Code + " " + r.Label
			for _, a := range r.Amounts {
				s += " " + a.Text
			}
			out = append(out, s)
		}
	}
	return out
}

func money(x float64) string { return num.Format(x, 2) }

func show(v any) string { return fmt.Sprint(v) }

package report

import (
	"bytes"
	"encoding/json"

	"jixiao/engine"
	"jixiao/internal/i18n"
)

// JSONLines formats results as JSON Lines: one compact object per project, as in the JSON
// document, findings included with findings set.
func JSONLines(results []*engine.Result, lang i18n.Lang, findings bool) ([]byte, error) {
	var b []byte
	for _, r := range results {
		p := projectJSON(r, lang, findings)
		b = append(appendProject(b, &p), '\n')
	}
	return b, nil
}

// JSONItems formats results as the items of the JSON document's projects array, indented
// as JSON writes them, separated by commas; a stream writes the document's head and tail.
func JSONItems(results []*engine.Result, lang i18n.Lang, findings bool) ([]byte, error) {
	var buf bytes.Buffer
	for i, r := range results {
		if i > 0 {
			buf.WriteString(",\n")
		}
		b, err := marshalIndent(projectJSON(r, lang, findings), "    ")
		if err != nil {
			return nil, err
		}
		buf.WriteString("    ")
		buf.Write(b)
	}
	return buf.Bytes(), nil
}

// TextBlock formats results as the text table (and findings, with findings set).
func TextBlock(results []*engine.Result, lang i18n.Lang, findings bool) ([]byte, error) {
	var buf bytes.Buffer
	err := Text(&buf, results, lang, findings)
	return buf.Bytes(), err
}

// FindingsBlock formats results as lint prints them: findings only.
func FindingsBlock(results []*engine.Result, lang i18n.Lang) ([]byte, error) {
	var buf bytes.Buffer
	err := Findings(&buf, results, lang)
	return buf.Bytes(), err
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

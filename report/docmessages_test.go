package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// Every code of a published report has its template, and renders in both languages from a
// finding with its fields filled, without a formatting slip.
func TestEveryDocumentCodeRenders(t *testing.T) {
	require.NotEmpty(t, published.Codes())
	assert.Len(t, docTemplates, len(published.Codes()), "a template for each code, and no other")
	for _, c := range published.Codes() {
		assert.Contains(t, docTemplates, c.Code, "no message template for %s", c.Code)
		f := published.Finding{Code: c.Code, Severity: c.Severity, Subject: "公开01表", Item: "合计", Actual: 1.0, Expected: 2.0, Diff: -1,
			Names: []string{"x", "y"}, Amounts: []float64{1, 2, 3}, Pos: indicators.Pos{File: "r.txt", Line: 3}, Other: indicators.Pos{File: "r.txt", Line: 4}}
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			msg := DocumentMessage(&f, lang)
			assert.NotContains(t, msg, "%!", "%s: %s", c.Code, msg)
			assert.NotEqual(t, c.Code, msg)
		}
	}
}

// Every finding on the seed report renders in both languages.
func TestSeedReportFindingsRender(t *testing.T) {
	doc, err := published.Read("../testdata/quangang-2021-report.txt")
	require.NoError(t, err)
	fs := published.Check(doc, nil, published.Options{})
	require.NotEmpty(t, fs)
	for i := range fs {
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			msg := DocumentMessage(&fs[i], lang)
			assert.NotEmpty(t, msg)
			assert.NotContains(t, msg, "%!", "%s: %s", fs[i].Code, msg)
		}
	}
}

// Places are named as a reader looks for them: a text line, a .docx cell, a PDF's page and
// line.
func TestPlaceText(t *testing.T) {
	for _, tt := range []struct {
		pos    indicators.Pos
		zh, en string
	}{
		{indicators.Pos{File: "r.txt", Line: 583, Col: 4}, "第583行", "line 583"},
		{indicators.Pos{File: "r.docx", Sheet: "表3", Line: 5, Col: 2}, "表3!B5", "表3!B5"},
		{indicators.Pos{File: "r.pdf", Page: 5, Line: 12, Col: 8}, "第5页第12行", "page 5, line 12"},
		{indicators.Pos{File: "r.pdf", Page: 5}, "第5页", "page 5"},
		{indicators.Pos{File: "r.txt"}, "位置不明", "place unknown"},
	} {
		assert.Equal(t, tt.zh, placeText(tt.pos).String(i18n.Zh))
		assert.Equal(t, tt.en, placeText(tt.pos).String(i18n.En))
	}
}

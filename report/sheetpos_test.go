package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/sheets"
)

// workbookResults checks the seed read back from its review workbook: its findings stand at
// cells of the project sheets.
func workbookResults(t *testing.T) []*engine.Result {
	t.Helper()
	back, err := indicators.LoadWorkbook(writeBook(t, seedResults(t, true), "review.xlsx"), indicators.Limits{})
	require.NoError(t, err)
	var out []*engine.Result
	for _, p := range back {
		r, err := engine.New(engine.Options{}).Check(p)
		require.NoError(t, err)
		out = append(out, r)
	}
	return out
}

// A finding of a workbook names its sheet in JSON ("sheet", with the row as line and the
// column as column), as the text output does (社保工作运行经费!J12), and both JSON writers
// write it alike.
func TestJSONFindingsNameTheSheet(t *testing.T) {
	results := workbookResults(t)
	sheeted := 0
	for _, r := range results {
		for i, jf := range NewJSONFindings(r, i18n.Zh) {
			pos := r.Pos(&r.Findings[i])
			if pos.Sheet == "" {
				continue
			}
			sheeted++
			assert.Equal(t, pos.Sheet, jf.Sheet)
			assert.Equal(t, r.Project.Name, jf.Sheet, "a review workbook's project is on the sheet of its name")
			assert.Equal(t, pos.Line, jf.Line)
			assert.Equal(t, pos.Col, jf.Column)
		}
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			want := encodingJSON(t, projectJSON(r, lang, true))
			assert.Equal(t, string(want), string(appendResult(nil, r, lang, true)))
			assert.Contains(t, string(want), `"sheet":"`+r.Project.Name+`"`)
		}
	}
	assert.Greater(t, sheeted, 10, "the seed's findings stand at cells")
}

// In SARIF, a finding of a workbook is located at the file's region (row and column), with
// its sheet as a logical location whose full name is the cell (社保工作运行经费!J12), named in
// the location's message and given in its properties; the log validates against the schema.
func TestSARIFNamesTheSheet(t *testing.T) {
	results := workbookResults(t)
	var buf bytes.Buffer
	require.NoError(t, SARIF(&buf, results, i18n.Zh, "test"))
	log, err := sarif.FromBytes(buf.Bytes())
	require.NoError(t, err)
	require.NoError(t, log.Validate(), "schema validation")
	again, err := json.Marshal(log)
	require.NoError(t, err)
	var ours, theirs any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &ours))
	require.NoError(t, json.Unmarshal(again, &theirs))
	assertSubset(t, "$", ours, theirs)

	var raw struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						Region *struct{ StartLine, StartColumn int } `json:"region"`
					} `json:"physicalLocation"`
					LogicalLocations []struct{ Name, FullyQualifiedName string } `json:"logicalLocations"`
					Message          *struct{ Text string }                      `json:"message"`
					Properties       struct{ Sheet, Cell string }                `json:"properties"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &raw))
	k := 0
	for _, r := range results {
		for i := range r.Findings {
			res := raw.Runs[0].Results[k]
			k++
			pos := r.Pos(&r.Findings[i])
			require.Equal(t, string(r.Findings[i].Code), res.RuleID)
			if pos.Sheet == "" || pos.Line == 0 {
				continue
			}
			loc := res.Locations[0]
			cell := sheets.CellName(pos.Col, pos.Line)
			require.Len(t, loc.LogicalLocations, 1)
			assert.Equal(t, pos.Sheet, loc.LogicalLocations[0].Name)
			assert.Equal(t, pos.Sheet+"!"+cell, loc.LogicalLocations[0].FullyQualifiedName)
			require.NotNil(t, loc.Message)
			assert.Equal(t, pos.Sheet+"!"+cell, loc.Message.Text)
			assert.Equal(t, pos.Sheet, loc.Properties.Sheet)
			assert.Equal(t, cell, loc.Properties.Cell)
			require.NotNil(t, loc.PhysicalLocation.Region)
			assert.Equal(t, pos.Line, loc.PhysicalLocation.Region.StartLine)
		}
	}
	assert.Equal(t, k, len(raw.Runs[0].Results))
}

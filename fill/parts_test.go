package fill

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The workbook as stored, read straight from its zip parts, so that a test can say that
// nothing but the cells fill owns has changed: every other cell's value, formula and style,
// and each sheet's merged cells, column widths, print settings and the rest.

type book struct {
	sheets   map[string]string // each sheet's XML, by name
	order    []string          // the sheets' names in workbook order
	strings  []string          // the shared strings
	styles   string
	workbook string
}

func readBook(t *testing.T, file string) book {
	t.Helper()
	z, err := zip.OpenReader(file)
	require.NoError(t, err)
	defer z.Close()
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(r)
		r.Close()
		require.NoError(t, err)
		parts[f.Name] = string(data)
	}
	b := book{sheets: map[string]string{}, styles: parts["xl/styles.xml"], workbook: parts["xl/workbook.xml"]}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	require.NoError(t, xml.Unmarshal([]byte(parts["xl/workbook.xml"]), &wb))
	var rels struct {
		List []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	require.NoError(t, xml.Unmarshal([]byte(parts["xl/_rels/workbook.xml.rels"]), &rels))
	for _, s := range wb.Sheets {
		for _, rel := range rels.List {
			if rel.ID == s.ID {
				target := strings.TrimPrefix(rel.Target, "/")
				if !strings.HasPrefix(target, "xl/") {
					target = path.Join("xl", target)
				}
				b.sheets[s.Name] = parts[target]
				b.order = append(b.order, s.Name)
			}
		}
	}
	if sst := parts["xl/sharedStrings.xml"]; sst != "" {
		var doc struct {
			SI []struct {
				T string `xml:"t"`
				R []struct {
					T string `xml:"t"`
				} `xml:"r"`
			} `xml:"si"`
		}
		require.NoError(t, xml.Unmarshal([]byte(sst), &doc))
		for _, si := range doc.SI {
			text := si.T
			for _, r := range si.R {
				text += r.T
			}
			b.strings = append(b.strings, text)
		}
	}
	return b
}

// stored is a cell as stored: its style's index, its value as text, its formula.
type stored struct {
	Style, Value, Formula string
}

// cells reads a sheet's cells by name; an empty cell without a style is left out.
func (b book) cells(t *testing.T, sheet string) map[string]stored {
	t.Helper()
	var doc struct {
		Rows []struct {
			Cells []struct {
				R  string `xml:"r,attr"`
				S  string `xml:"s,attr"`
				T  string `xml:"t,attr"`
				F  string `xml:"f"`
				V  string `xml:"v"`
				IS struct {
					T string `xml:"t"`
				} `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	require.NoError(t, xml.Unmarshal([]byte(b.sheets[sheet]), &doc))
	out := map[string]stored{}
	for _, row := range doc.Rows {
		for _, c := range row.Cells {
			v := c.V
			switch c.T {
			case "s":
				k, err := strconv.Atoi(c.V)
				require.NoError(t, err)
				v = b.strings[k]
			case "inlineStr":
				v = c.IS.T
			}
			s := c.S
			if s == "0" {
				s = ""
			}
			if s == "" && v == "" && c.F == "" {
				continue
			}
			out[c.R] = stored{Style: s, Value: v, Formula: c.F}
		}
	}
	return out
}

// layout is a sheet's XML without its cells and its link to the comments' drawing: merged
// cells, columns, views, print settings, drop-down lists….
func (b book) layout(sheet string) string {
	x := regexp.MustCompile(`(?s)<sheetData>.*</sheetData>|<sheetData/>|<legacyDrawing [^>]*/>|<legacyDrawing [^>]*></legacyDrawing>`).ReplaceAllString(b.sheets[sheet], "")
	return x
}

// cellXfs are the cell styles of the book, in order.
func (b book) cellXfs() []string {
	block := regexp.MustCompile(`(?s)<cellXfs[^>]*>(.*?)</cellXfs>`).FindStringSubmatch(b.styles)
	if block == nil {
		return nil
	}
	return regexp.MustCompile(`(?s)<xf [^>]*?(?:/>|>.*?</xf>)`).FindAllString(block[1], -1)
}

// assertKept checks that the filled workbook differs from the original only in the cells
// owned (sheet → cells), in the styles it added after the original's, and in asking for
// recalculation on opening.
func assertKept(t *testing.T, original, filled string, owned map[string][]string) {
	t.Helper()
	a, b := readBook(t, original), readBook(t, filled)
	require.Equal(t, a.order, b.order, "the same sheets, in the same order")
	for _, sheet := range a.order {
		before, after := a.cells(t, sheet), b.cells(t, sheet)
		names := map[string]bool{}
		for name := range before {
			names[name] = true
		}
		for name := range after {
			names[name] = true
		}
		compared := 0
		for name := range names {
			if slices.Contains(owned[sheet], name) {
				continue
			}
			compared++
			assert.Equal(t, before[name], after[name], "%s!%s is not jixiao's to change", sheet, name)
		}
		assert.NotZero(t, compared, "the cells of %s were compared", sheet)
		assert.Equal(t, a.layout(sheet), b.layout(sheet), "%s: merged cells, column widths, print settings kept", sheet)
	}
	xa, xb := a.cellXfs(), b.cellXfs()
	require.GreaterOrEqual(t, len(xb), len(xa))
	assert.Equal(t, xa, xb[:len(xa)], "the original cell styles are kept as they were; new ones come after")
	calc := regexp.MustCompile(`<calcPr[^>]*(?:/>|></calcPr>)`)
	assert.Equal(t, calc.ReplaceAllString(a.workbook, ""), calc.ReplaceAllString(b.workbook, ""),
		"the workbook's sheets, names and print areas are kept")
	assert.Contains(t, b.workbook, `fullCalcOnLoad="true"`)
}

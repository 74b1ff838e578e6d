package sheets

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// A cell typed as a date (a serial number in a date format, as Excel and WPS store what a
// person types as 2024/3/15) reads as an ISO date, whatever the format shows; a time as
// hh:mm; a number in any other format, and text that looks like a date, as shown.
func TestDatesReadAsISO(t *testing.T) {
	f := excelize.NewFile()
	const s = "Sheet1"
	style := func(numFmt int, custom string) int {
		st := &excelize.Style{NumFmt: numFmt}
		if custom != "" {
			st.CustomNumFmt = &custom
		}
		id, err := f.NewStyle(st)
		require.NoError(t, err)
		return id
	}
	serial := 45366.0 // 2024-03-15
	cases := []struct {
		cell   string
		value  any
		numFmt int
		custom string
		want   string
	}{
		{"A1", serial, 14, "", "2024-03-15"},                            // mm-dd-yy, what Excel stores for 2024/3/15
		{"A2", serial, 0, `yyyy"年"m"月"d"日"`, "2024-03-15"},              // a Chinese date format
		{"A3", serial, 0, `[$-804]yyyy年m月d日;@`, "2024-03-15"},           // with a locale
		{"A4", serial, 57, "", "2024-03-15"},                            // an East Asian built-in date
		{"A5", serial + 0.4375, 22, "", "2024-03-15 10:30"},             // date and time
		{"A6", 0.4375, 20, "", "10:30"},                                 // a time alone
		{"A7", serial, 0, "yyyy-mm-dd hh:mm:ss", "2024-03-15 00:00"},    // seconds shown only when there are some
		{"A8", 0.98765, 10, "", "98.77%"},                               // a percentage stays as shown
		{"A9", 19.805, 2, "", "19.81"},                                  // a number stays as shown
		{"A10", 1234.5, 0, `#,##0.00_);[Red]\(#,##0.00\)`, "1,234.50 "}, // no date in colours and escapes
		{"A11", 1e7, 0, "0.00E+00", "1.00E+07"},
		{"A12", "03-15-24", 49, "", "03-15-24"}, // text is read as written
	}
	for _, c := range cases {
		require.NoError(t, f.SetCellValue(s, c.cell, c.value))
		require.NoError(t, f.SetCellStyle(s, c.cell, c.cell, style(c.numFmt, c.custom)))
	}
	require.NoError(t, f.SetCellValue(s, "B1", serial))
	require.NoError(t, f.SetCellStyle(s, "B1", "B1", style(14, "")))
	require.NoError(t, f.MergeCell(s, "B1", "C2"))
	path := filepath.Join(t.TempDir(), "dates.xlsx")
	require.NoError(t, f.SaveAs(path))

	b, err := Open(path)
	require.NoError(t, err)
	defer b.Close()
	g, err := b.Grid(s)
	require.NoError(t, err)
	for i, c := range cases {
		assert.Equal(t, c.want, g.Cell(i, 0), "%s: %v in format %d %q", c.cell, c.value, c.numFmt, c.custom)
	}
	assert.Equal(t, []string{"2024-03-15", "2024-03-15", "2024-03-15"}, []string{g.Cell(0, 1), g.Cell(1, 2), g.Cell(1, 1)},
		"a merged date fills its range as a date")
}

// A workbook saved with the 1904 date system (Excel for Mac) counts its serials from 1904.
func TestDates1904(t *testing.T) {
	f := excelize.NewFile()
	on := true
	require.NoError(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}))
	require.NoError(t, f.SetCellValue("Sheet1", "A1", 43904.0)) // 2024-03-15 counted from 1904-01-01
	id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	require.NoError(t, err)
	require.NoError(t, f.SetCellStyle("Sheet1", "A1", "A1", id))
	path := filepath.Join(t.TempDir(), "mac.xlsx")
	require.NoError(t, f.SaveAs(path))
	b, err := Open(path)
	require.NoError(t, err)
	defer b.Close()
	g, err := b.Grid("Sheet1")
	require.NoError(t, err)
	want := time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 43904).Format("2006-01-02")
	assert.Equal(t, want, g.Cell(0, 0))
}

func TestFormatParts(t *testing.T) {
	for code, want := range map[string][2]bool{
		"General": {false, false}, "0.00": {false, false}, "0%": {false, false}, `"年"0`: {false, false},
		"yyyy/m/d": {true, false}, "m/d": {true, false}, "mmm": {true, false}, "h:mm": {false, true}, "mm:ss": {false, true},
		"[h]:mm:ss": {false, true}, "yyyy-mm-dd hh:mm": {true, true}, "[Red]0.00": {false, false}, `0.00"天"`: {false, false},
	} {
		day, clock := formatParts(code)
		assert.Equal(t, want, [2]bool{day, clock}, code)
	}
}

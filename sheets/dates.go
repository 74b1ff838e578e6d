package sheets

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// A cell typed as a date in Excel or WPS holds a serial number shown through a date format;
// excelize shows it in the format's US form ("03-15-24" for 2024-03-15). The grid shows every
// such cell as an ISO date instead, the one form of a date that reads the same everywhere:
// "2024-03-15", "2024-03-15 10:30" when the format shows the time, "10:30" for a time alone.

// isoDates rewrites the cells of rows that hold a date or time as ISO text. raw is the sheet
// read without number formats: only a cell holding a number can be a date, so only those
// cells' styles are looked up, each style once.
func (g *Grid) isoDates(raw [][]string) {
	date1904 := false
	if props, err := g.book.f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	formats := map[int]dateParts{}
	for r, row := range g.Rows {
		for c := range row {
			if r >= len(raw) || c >= len(raw[r]) || raw[r][c] == "" {
				continue
			}
			serial, err := strconv.ParseFloat(raw[r][c], 64)
			if err != nil {
				continue
			}
			id, err := g.book.f.GetCellStyle(g.Sheet, CellName(c+1, r+1))
			if err != nil || id == 0 {
				continue
			}
			f, seen := formats[id]
			if !seen {
				f = g.dateFormat(id)
				formats[id] = f
			}
			day, clock, ok := f.day, f.clock, f.day || f.clock
			if !ok {
				continue
			}
			if iso, ok := isoDate(serial, date1904, day, clock); ok {
				g.Rows[r][c] = iso
			}
		}
	}
}

// dateParts says what a number format shows: a date (day), a time (clock), both or neither.
type dateParts struct{ day, clock bool }

// dateFormat reads what the number format of a style shows.
func (g *Grid) dateFormat(style int) dateParts {
	s, err := g.book.f.GetStyle(style)
	if err != nil || s == nil {
		return dateParts{}
	}
	if s.CustomNumFmt != nil {
		day, clock := formatParts(*s.CustomNumFmt)
		return dateParts{day, clock}
	}
	day, clock, _ := builtInDate(s.NumFmt)
	return dateParts{day, clock}
}

// builtInDate says what a built-in number format shows: 14–17 and the East Asian 27–31,
// 34–36 and 50–58 a date, 18–21 and 45–47 a time, 22 and 32–33 both (the East Asian ids
// vary by locale, and are dates or times in every one).
func builtInDate(id int) (day, clock, ok bool) {
	switch {
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58:
		return true, false, true
	case id >= 18 && id <= 21, id >= 45 && id <= 47:
		return false, true, true
	case id == 22, id == 32, id == 33:
		return true, true, true
	}
	return false, false, false
}

// formatParts reads a custom number format code: whether it shows a date (y, d, or m beside
// them) or a time (h, s, [h]). Quoted text, escaped characters, colours and locales in
// brackets do not count; General is no date.
func formatParts(code string) (day, clock bool) {
	if strings.EqualFold(strings.TrimSpace(code), "general") {
		return false, false
	}
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive section
	}
	var month bool
	for i := 0; i < len(code); i++ {
		switch ch := code[i] | 0x20; {
		case code[i] == '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			}
		case code[i] == '\\' || code[i] == '_' || code[i] == '*':
			i++
		case code[i] == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return day, clock
			}
			if inner := strings.ToLower(code[i+1 : i+j]); inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				clock = true // elapsed time: [h]:mm:ss
			}
			i += j
		case ch == 'y' || ch == 'd' || ch == 'e' && i+1 < len(code) && code[i+1]|0x20 == 'e': // ee: the era year
			day = true
		case ch == 'h' || ch == 's':
			clock = true
		case ch == 'm':
			month = true
		}
	}
	if month && !day && !clock {
		day = true // mmm-yy without y is rare; m alone is a month
	}
	return day, clock
}

// isoDate writes a serial date as ISO text; ok is false for a serial no calendar holds.
func isoDate(serial float64, date1904, day, clock bool) (string, bool) {
	if serial < 0 || serial > 2958465 { // 9999-12-31
		return "", false
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return "", false
	}
	t = t.Round(time.Second)
	hm := "15:04"
	if t.Second() != 0 {
		hm = "15:04:05"
	}
	switch {
	case day && clock:
		return t.Format("2006-01-02 " + hm), true
	case clock:
		return t.Format(hm), true
	}
	return t.Format("2006-01-02"), true
}

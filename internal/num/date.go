package num

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Date is a calendar day, or a whole month, as a table writes it. Year is 0 when the text
// gives none ("12月底前", "6月30日"): the project's year, or the other date's, supplies it.
type Date struct {
	Year  int // 0: not written
	Month int // 1–12
	Day   int // 1–31; 0: the whole month
}

// DateBound says how a date written as a target bounds the actual date.
type DateBound uint8

// The bounds a date may carry.
const (
	DateAt     DateBound = iota // the date alone ("2022年12月"); as a target, a deadline
	DateBy                      // on or before: 前, 以前, 之前, 底前, 年内, ≤, 不晚于, 截至
	DateBefore                  // strictly before: <, 早于
	DateFrom                    // on or after: 后, 以后, 起, ≥, 不早于
	DateAfter                   // strictly after: >, 晚于
)

// DateText is a date read from a cell, with the bound its words give it.
type DateText struct {
	Date  Date
	Bound DateBound
}

// WholeMonth reports whether the date names a month, not a day.
func (d Date) WholeMonth() bool { return d.Day == 0 }

// In returns the date with year y when it has none.
func (d Date) In(y int) Date {
	if d.Year == 0 {
		d.Year = y
	}
	return d
}

// First is the first day the date covers, as days since 1970-01-01; the date must have a
// year.
func (d Date) First() int {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return days(d.Year, d.Month, day)
}

// Last is the last day the date covers: the month's last day for a whole month.
func (d Date) Last() int {
	if d.Day == 0 {
		return days(d.Year, d.Month+1, 1) - 1
	}
	return days(d.Year, d.Month, d.Day)
}

// MonthIndex counts months from year 0: months apart are a difference of two of them.
func (d Date) MonthIndex() int { return d.Year*12 + d.Month - 1 }

func days(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// String writes the date the way Chinese tables do: "2022年12月31日", "12月".
func (d Date) String() string {
	var b strings.Builder
	if d.Year != 0 {
		b.WriteString(strconv.Itoa(d.Year) + "年")
	}
	b.WriteString(strconv.Itoa(d.Month) + "月")
	if d.Day != 0 {
		b.WriteString(strconv.Itoa(d.Day) + "日")
	}
	return b.String()
}

// The years a date may name: a four-digit number outside them is no year of a budget.
const (
	minYear = 1900
	maxYear = 2200
)

// ParseDate reads a cell that states a date, and the bound its words give it: "2022年12月31日前",
// "12月底前", "≤12月", "6月30日前完成", "年底前", "2022年11月20日", "2022年12月", "2022.11.20",
// "2022-11-20", "已于2022年11月20日完成". A month means the whole month ("12月底" too). It
// reports false for anything else: a number, a duration ("3个月", "5天"), a range of dates,
// text that states more than a date.
func ParseDate(s string) (DateText, bool) {
	out, valid, _ := readDate(s)
	if !valid {
		return DateText{}, false
	}
	return out, true
}

// readDate is ParseDate, reporting whether s is written as a date (shaped) apart from whether
// that date exists: "2023年13月底前" and "2023年2月30日" are shaped but not valid.
func readDate(s string) (out DateText, valid, shaped bool) {
	s = strings.ReplaceAll(Operators(Normalize(s)), " ", "")
	rest, bound := cutPrefixBound(s)
	out.Bound = bound
	d, rest, shaped, valid := dateCore(rest)
	if !shaped {
		return DateText{}, false, false
	}
	out.Date = d
	if b, tail, ok := cutSuffixBound(rest); ok {
		if out.Bound != DateAt && out.Bound != b {
			return DateText{}, false, false // "≥…前" contradicts itself
		}
		out.Bound, rest = b, tail
	}
	if !filler(rest) {
		return DateText{}, false, false
	}
	return out, valid, true
}

// prefixBounds are the words before a date that bound it, longest first where one starts
// another; the words after "—" merely introduce it.
var prefixBounds = []struct {
	word  string
	bound DateBound
}{
	{"<=", DateBy}, {"≤", DateBy}, {"不晚于", DateBy}, {"不迟于", DateBy}, {"截至", DateBy}, {"截止到", DateBy}, {"截止", DateBy},
	{"<", DateBefore}, {"早于", DateBefore},
	{">=", DateFrom}, {"≥", DateFrom}, {"不早于", DateFrom}, {"自", DateFrom}, {"从", DateFrom},
	{">", DateAfter}, {"晚于", DateAfter},
	{"已于", DateAt}, {"于", DateAt}, {"在", DateAt}, {"=", DateAt},
}

func cutPrefixBound(s string) (string, DateBound) {
	for _, p := range prefixBounds {
		if rest, ok := strings.CutPrefix(s, p.word); ok {
			return rest, p.bound
		}
	}
	return s, DateAt
}

// suffixBounds are the words after a date that bound it, longest first.
var suffixBounds = []struct {
	word  string
	bound DateBound
}{
	{"以前", DateBy}, {"之前", DateBy}, {"前", DateBy}, {"以内", DateBy}, {"之内", DateBy}, {"内", DateBy},
	{"以后", DateFrom}, {"之后", DateFrom}, {"后", DateFrom}, {"起", DateFrom}, {"开始", DateFrom},
}

func cutSuffixBound(s string) (DateBound, string, bool) {
	for _, p := range suffixBounds {
		if rest, ok := strings.CutPrefix(s, p.word); ok {
			return p.bound, rest, true
		}
	}
	return DateAt, s, false
}

// filler reports whether what follows a date is only words of doing ("完成", "完成验收",
// "全部办结"): no digits, no sentence, a few characters.
func filler(s string) bool {
	if s == "" {
		return true
	}
	if utf8.RuneCountInString(s) > 8 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("年月日号个天周", r) {
			return false
		}
	}
	return true
}

// dateCore reads the date at the start of s and returns what follows it: shaped when s is
// written as a date, valid when that date exists (a month 1–12, a day of it, a year of a
// budget).
func dateCore(s string) (d Date, rest string, shaped, valid bool) {
	// 2022.11.20, 2022-11-20, 2022/11/20 (日 or 号 may follow).
	if y, rest, ok := digits(s, 4, 4); ok && rest != "" && strings.ContainsRune(".-/", rune(rest[0])) {
		sep := rest[0]
		m, rest, ok := digits(rest[1:], 1, 2)
		if !ok || rest == "" || rest[0] != sep {
			return Date{}, "", false, false
		}
		day, rest, ok := digits(rest[1:], 1, 2)
		if !ok {
			return Date{}, "", false, false
		}
		rest = trimAny(rest, "日", "号")
		d := Date{Year: y, Month: m, Day: day}
		return d, rest, true, day > 0 && d.valid()
	}
	rest = s
	yearOK := true
	if y, r, ok := digits(rest, 4, 4); ok && strings.HasPrefix(r, "年") {
		d.Year, rest, yearOK = y, strings.TrimPrefix(r, "年"), y >= minYear && y <= maxYear
		switch {
		case hasAny(rest, "底", "末", "内", "年底", "年末"): // 2022年底 and 2022年内: the year's end
			end := Date{Year: d.Year, Month: 12}
			return end, trimAny(rest, "底", "末"), true, yearOK && end.valid()
		}
	}
	for _, w := range []struct {
		word  string
		month int
	}{{"年底", 12}, {"年末", 12}, {"年内", 12}, {"上半年", 6}, {"下半年", 12}} {
		if r, ok := strings.CutPrefix(rest, w.word); ok && d.Year == 0 {
			if w.word == "年内" {
				r = "内" + r
			}
			return Date{Month: w.month}, r, true, true
		}
	}
	m, r, ok := month(rest)
	if !ok {
		return Date{}, "", false, false
	}
	d.Month, rest = m, r
	if day, r, ok := digits(rest, 1, 2); ok && hasAny(r, "日", "号") {
		d.Day, rest = day, trimAny(r, "日", "号")
	} else {
		rest = trimAny(rest, "底", "末", "份")
	}
	return d, rest, true, yearOK && d.valid()
}

// month reads a month: "12月", "十二月", not "12个月".
func month(s string) (int, string, bool) {
	if m, rest, ok := digits(s, 1, 2); ok {
		if r, ok := strings.CutPrefix(rest, "月"); ok {
			return m, r, true
		}
		return 0, "", false
	}
	if v, n, ok := LeadingChinese(s); ok && v == float64(int(v)) {
		if r, ok := strings.CutPrefix(s[n:], "月"); ok {
			return int(v), r, true
		}
	}
	return 0, "", false
}

func (d Date) valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 31 || d.Year != 0 && (d.Year < minYear || d.Year > maxYear) {
		return false
	}
	if d.Day == 0 {
		return true
	}
	y := d.Year
	if y == 0 {
		y = 2000 // a leap year: 2月29日 without a year is a date
	}
	return days(y, d.Month, d.Day) < days(y, d.Month+1, 1)
}

// digits reads lo to hi ASCII digits at the start of s, not followed by another digit.
func digits(s string, lo, hi int) (int, string, bool) {
	n := 0
	for n < len(s) && n < hi && isDigit(s[n]) {
		n++
	}
	if n < lo || n < len(s) && isDigit(s[n]) {
		return 0, "", false
	}
	v, _ := strconv.Atoi(s[:n])
	return v, s[n:], true
}

func hasAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func trimAny(s string, prefixes ...string) string {
	for _, p := range prefixes {
		if r, ok := strings.CutPrefix(s, p); ok {
			return r
		}
	}
	return s
}

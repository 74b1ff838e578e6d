package num

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDateForms(t *testing.T) {
	tests := []struct {
		in    string
		want  Date
		bound DateBound
	}{
		// Targets: deadlines as units write them.
		{"2022年12月31日前", Date{2022, 12, 31}, DateBy},
		{"12月底前", Date{0, 12, 0}, DateBy},
		{"12月末前", Date{0, 12, 0}, DateBy},
		{"≤12月", Date{0, 12, 0}, DateBy},
		{"<=12月", Date{0, 12, 0}, DateBy},
		{"6月30日前完成", Date{0, 6, 30}, DateBy},
		{"6月30日以前", Date{0, 6, 30}, DateBy},
		{"2022年6月30日之前完成验收", Date{2022, 6, 30}, DateBy},
		{"年底前", Date{0, 12, 0}, DateBy},
		{"2022年底前", Date{2022, 12, 0}, DateBy},
		{"2022年内", Date{2022, 12, 0}, DateBy},
		{"年内完成", Date{0, 12, 0}, DateBy},
		{"上半年", Date{0, 6, 0}, DateAt},
		{"不晚于2022年9月", Date{2022, 9, 0}, DateBy},
		{"截至2022年9月30日", Date{2022, 9, 30}, DateBy},
		{"<2022年9月30日", Date{2022, 9, 30}, DateBefore},
		{"＜2022年9月30日", Date{2022, 9, 30}, DateBefore},
		{"≧2022年3月", Date{2022, 3, 0}, DateFrom},
		{"2022年3月起", Date{2022, 3, 0}, DateFrom},
		{"3月1日后", Date{0, 3, 1}, DateFrom},
		{"十二月底前", Date{0, 12, 0}, DateBy},
		{"１２月底前", Date{0, 12, 0}, DateBy},
		// Actuals: the day or month it was done.
		{"2022年11月20日", Date{2022, 11, 20}, DateAt},
		{"2022年11月20号", Date{2022, 11, 20}, DateAt},
		{"2022年12月", Date{2022, 12, 0}, DateAt},
		{"2023年3月", Date{2023, 3, 0}, DateAt},
		{"2022年12月份", Date{2022, 12, 0}, DateAt},
		{"2022.11.20", Date{2022, 11, 20}, DateAt},
		{"2022-11-20", Date{2022, 11, 20}, DateAt},
		{"2022/11/20", Date{2022, 11, 20}, DateAt},
		{" 2022 年 11 月 20 日 ", Date{2022, 11, 20}, DateAt},
		{"已于2022年11月20日完成", Date{2022, 11, 20}, DateAt},
		{"2022年11月20日完成", Date{2022, 11, 20}, DateAt},
		{"11月", Date{0, 11, 0}, DateAt},
		{"2024年2月29日", Date{2024, 2, 29}, DateAt},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			require.True(t, ok, "ParseDate(%q) read no date", tt.in)
			assert.Equal(t, tt.want, got.Date, "ParseDate(%q) date", tt.in)
			assert.Equal(t, tt.bound, got.Bound, "ParseDate(%q) bound", tt.in)
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{
		"", "12", "100%", "≤5天", "3个工作日内", "3个月", "12个月内", "2022", "2022.11", "2022年",
		"13月", "2022年2月30日", "2023年2月29日", "1-12月", "12月底前完成80%", "≥12月前",
		"2022年12月31日前完成全部建设任务并通过验收", "2022.11.20.5", "达成", "有效", "0001-1-0", "2022-11-0", "0000年12月",
	} {
		_, ok := ParseDate(in)
		assert.False(t, ok, "ParseDate(%q) read a date", in)
	}
}

func TestDateDays(t *testing.T) {
	dec := Date{Year: 2022, Month: 12}
	assert.Equal(t, Date{2022, 12, 1}.First(), dec.First(), "a month starts on its first day")
	assert.Equal(t, Date{2022, 12, 31}.First(), dec.Last(), "a month ends on its last day")
	assert.Equal(t, Date{2024, 2, 29}.First(), Date{Year: 2024, Month: 2}.Last(), "February of a leap year")
	assert.Equal(t, 30, Date{2022, 12, 31}.First()-Date{2022, 12, 1}.First())
	assert.Equal(t, 3, Date{Year: 2023, Month: 3}.MonthIndex()-dec.MonthIndex(), "December to March")
	assert.Equal(t, Date{2021, 12, 0}, Date{Month: 12}.In(2021))
	assert.Equal(t, Date{2022, 12, 0}, Date{2022, 12, 0}.In(2021), "a written year stays")
	assert.Equal(t, "2022年12月31日", Date{2022, 12, 31}.String())
	assert.Equal(t, "12月", Date{Month: 12}.String())
}

func TestOperators(t *testing.T) {
	tests := []struct{ in, want string }{
		{"═100", "=100"},
		{"〓12期", "=12期"},
		{"＝100%", "=100%"},
		{"≧95%", "≥95%"},
		{"≦5天", "≤5天"},
		{"＞90%", ">90%"},
		{"＜5%", "<5%"},
		{`\geq 95%`, "≥ 95%"},
		{`$\geq$95%`, "≥95%"},
		{`$\ge$95\%`, "≥95%"},
		{`\leqslant 5`, "≤ 5"},
		{`$\leq$ 5天`, "≤ 5天"},
		{`\gt 0`, "> 0"},
		{`\lt 3`, "< 3"},
		{`\left( 5 \right)`, `\left( 5 \right)`},
		{"≥99.22%", "≥99.22%"},
		{"达成", "达成"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Operators(tt.in), "Operators(%q)", tt.in)
	}
}

// Whatever the text, ParseDate does not panic, and a date it reads is a real date that
// reads back the same when written out.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022年12月31日前", "12月底前", "≤12月", "2022.11.20", "2022-11-20", "十二月", "年内完成",
		"2024年2月29日", "2023年2月29日", "3个月", "$\\geq$12月", "已于2022年11月20日完成"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			return
		}
		if !d.Date.valid() {
			t.Fatalf("ParseDate(%q) = %+v, not a date", s, d)
		}
		again, ok := ParseDate(d.Date.String())
		if !ok || again.Date != d.Date {
			t.Fatalf("ParseDate(%q) = %+v; written %q it reads %+v, %v", s, d.Date, d.Date.String(), again.Date, ok)
		}
		_ = Operators(s)
	})
}

package num

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRoundHalfUp(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		d    int
		want float64
	}{
		{"x.xx5 rounds up though the float is below it", 2.675, 2, 2.68},
		{"1.005 rounds up", 1.005, 2, 1.01},
		{"1.015", 1.015, 2, 1.02},
		{"1.025", 1.025, 2, 1.03},
		{"0.125", 0.125, 2, 0.13},
		{"19.805 rounds up", 19.805, 2, 19.81},
		{"19.804999 rounds down", 19.804999, 2, 19.8},
		{"already two decimals", 19.81, 2, 19.81},
		{"proportional 20*98.67/99.6", 20 * 98.67 / 99.6, 2, 19.81},
		{"proportional 20*98.67/99.22", 20 * 98.67 / 99.22, 2, 19.89},
		{"negative half rounds away from zero", -2.675, 2, -2.68},
		{"zero decimals", 2.5, 0, 3},
		{"zero decimals below half", 2.4999, 0, 2},
		{"carry through nines", 9.995, 2, 10},
		{"carry through nines, larger", 99.9995, 3, 100},
		{"large money", 12369.215, 2, 12369.22},
		{"very large takes the slow path", 123456789.125, 2, 123456789.13},
		{"three decimals", 0.0625, 3, 0.063},
		{"float noise removed", 0.1 + 0.2, 2, 0.3},
		{"zero", 0, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Round(tt.x, tt.d), "Round(%v, %d)", tt.x, tt.d)
		})
	}
}

func TestRoundKeepsNonFinite(t *testing.T) {
	assert.True(t, math.IsNaN(Round(math.NaN(), 2)))
	assert.True(t, math.IsInf(Round(math.Inf(1), 2), 1))
}

func TestRoundAgreesWithDecimalPath(t *testing.T) {
	// The fast path and the digit-by-digit path must agree on every value of a fine grid.
	for i := 0; i < 200000; i++ {
		x := float64(i) / 1000 // 0.000 … 199.999, ties included
		for _, d := range []int{0, 1, 2} {
			if got, want := Round(x, d), roundDecimal(x, d); got != want {
				t.Fatalf("Round(%v, %d) = %v, digit path gives %v", x, d, got, want)
			}
		}
	}
}

func TestFormat(t *testing.T) {
	assert.Equal(t, "96.00", Format(96, 2))
	assert.Equal(t, "19.81", Format(19.810000000000002, 2))
	assert.Equal(t, "2.68", Format(2.675, 2))
	assert.Equal(t, "0.00", Format(-0.001, 2), "negative zero prints as zero")
	assert.Equal(t, "10", Format(9.6, 0))
	assert.Equal(t, "1.000", Format(0.9995, 3))
}

func TestShort(t *testing.T) {
	assert.Equal(t, "19.8", Short(19.80, 2))
	assert.Equal(t, "20", Short(20, 2))
	assert.Equal(t, "10.62", Short(10.62, 2))
}

func TestSumHasNoFloatNoise(t *testing.T) {
	xs := []float64{0.1, 0.2, 19.81, 18, 10.62, 9.9}
	assert.Equal(t, 58.63, Sum(2, xs...))
	assert.Equal(t, 0.3, Sum(2, 0.1, 0.2))
}

func TestWithin(t *testing.T) {
	assert.True(t, Within(19.81, 19.815, 0.005), "0.005 apart is within 0.005")
	assert.False(t, Within(19.81, 19.816, 0.005), "0.006 apart is not")
	assert.True(t, Within(59.13, 59.14, 0.01), "a one-cent 尾数误差")
	assert.False(t, Within(59.13, 59.15, 0.01))
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in      string
		value   float64
		percent bool
		unit    string
		prefix  string
	}{
		{"217418", 217418, false, "", ""},
		{"217,418", 217418, false, "", ""},
		{"1,234,567.5", 1234567.5, false, "", ""},
		{"98.67%", 98.67, true, "", ""},
		{"９８.６７％", 98.67, true, "", ""},
		{"21.74万", 217400, false, "", ""},
		{"21.62万人", 216200, false, "人", ""},
		{"两千", 2000, false, "", ""},
		{"增长两千人", 2000, false, "人", "增长"},
		{"一万二千", 12000, false, "", ""},
		{"十五", 15, false, "", ""},
		{"三百零六", 306, false, "", ""},
		{"167元/月·人", 167, false, "元/月·人", ""},
		{"12期", 12, false, "期", ""},
		{"-3.5", -3.5, false, "", ""},
		{"0.5亿", 5e7, false, "", ""},
		{" 4.00 ", 4, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			q, ok := ParseQuantity(tt.in)
			if assert.True(t, ok, "ParseQuantity(%q) found no number", tt.in) {
				assert.InDelta(t, tt.value, q.Value, 1e-9)
				assert.Equal(t, tt.percent, q.Percent)
				assert.Equal(t, tt.unit, q.Unit)
				assert.Equal(t, tt.prefix, q.Prefix)
			}
		})
	}
}

func TestParseQuantityRejects(t *testing.T) {
	for _, in := range []string{"", "达成", "有效", "1 and 2", "98%-99%", "一是部分群众"} {
		_, ok := ParseQuantity(in)
		assert.False(t, ok, "ParseQuantity(%q) should find no single number", in)
	}
}

// A number that is not written cleanly is not read as the shorter number before the flaw: a
// letter O for a 0, an l for a 1, a second decimal point.
func TestParseQuantityRejectsFlawedNumbers(t *testing.T) {
	for _, in := range []string{"1OO人", "9O%", "8O%", "1O5", "O.9", "1o0", "10〇", "1l5", "95.5.%", "95..5", "95.%", "95.5.3"} {
		q, ok := ParseQuantity(in)
		assert.False(t, ok, "ParseQuantity(%q) read %v %q", in, q.Value, q.Unit)
	}
	for in, want := range map[string]float64{"10ohm": 10, "5L": 5, "100.": 100, "12 Omega": 12} {
		q, ok := ParseQuantity(in)
		if assert.True(t, ok, "ParseQuantity(%q): a unit of letters is no flaw", in) {
			assert.Equal(t, want, q.Value, in)
		}
	}
}

func TestFlawed(t *testing.T) {
	tests := []struct {
		in   string
		want Flaw
	}{
		{"≥1OO人", FlawLetter},
		{"≥9O%", FlawLetter},
		{"8O%", FlawLetter},
		{"O.95", FlawLetter},
		{"1l0", FlawLetter},
		{"95.5.%", FlawPoints},
		{"95..5", FlawPoints},
		{"1,0000", FlawSeparator},
		{"≥10,00人", FlawSeparator},
		{"2023年13月底前", FlawDate},
		{"2023年2月30日", FlawDate},
		{"13月底前", FlawDate},
		{"2023.13.40", FlawDate},
		{"1800年12月", FlawDate},
		{">=abc", FlawNoValue},
		{"≥", FlawNoValue},
		{"≧上年", FlawNoValue},
		// Text meant as text, and values that read: no flaw.
		{"达成", NoFlaw},
		{"有效", NoFlaw},
		{"约85%", NoFlaw},
		{"85%-95%", NoFlaw},
		{"完成3项", NoFlaw},
		{"未达到90%", NoFlaw},
		{"95%", NoFlaw},
		{"217,418", NoFlaw},
		{"2023年12月底前", NoFlaw},
		{"2022.11.20", NoFlaw},
		{"5ohm", NoFlaw},
		{"Office", NoFlaw},
		{"", NoFlaw},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Flawed(tt.in), "Flawed(%q)", tt.in)
	}
}

func TestParseNumber(t *testing.T) {
	v, ok := ParseNumber("19.81")
	assert.True(t, ok)
	assert.Equal(t, 19.81, v)
	_, ok = ParseNumber("19.81分")
	assert.False(t, ok, "a unit makes it not a bare number")
	_, ok = ParseNumber("约20")
	assert.False(t, ok)
}

// Pow10 is math.Pow(10, d) to the bit, table or not.
func TestPow10(t *testing.T) {
	for d := -340; d <= 310; d++ {
		want := math.Pow(10, float64(d))
		assert.Equal(t, math.Float64bits(want), math.Float64bits(Pow10(d)), "Pow10(%d) = %g, math.Pow gives %g", d, Pow10(d), want)
	}
}

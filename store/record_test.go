package store

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
)

func TestParseScore(t *testing.T) {
	tests := []struct{ in, want string }{
		{"19.81", "19.81"},
		{"20", "20"},
		{"20.00", "20"},
		{"19.80", "19.8"},
		{"007.50", "7.5"},
		{"+3", "3"},
		{".5", "0.5"},
		{"5.", "5"},
		{"0", "0"},
		{"-0.00", "0"},
		{"-1.25", "-1.25"},
		{" 12.5 ", "12.5"},
		{"", ""},
		{"   ", ""},
		{"123456789012.123456789", "123456789012.123456789"},
	}
	for _, tt := range tests {
		got, err := ParseScore(tt.in)
		require.NoError(t, err, "ParseScore(%q)", tt.in)
		assert.Equal(t, tt.want, got.String(), "ParseScore(%q)", tt.in)
		assert.Equal(t, tt.want != "", got.IsSet(), "ParseScore(%q).IsSet()", tt.in)
	}
}

func TestParseScoreRefuses(t *testing.T) {
	tests := []struct{ in, msg string }{
		{"abc", `score "abc" is not a number (write a decimal such as 19.81)`},
		{"1e3", `score "1e3" is not a number (write a decimal such as 19.81)`},
		{"1,000", `score "1,000" is not a number (write a decimal such as 19.81)`},
		{"１９", `score "１９" is not a number (write a decimal such as 19.81)`},
		{"19.8分", `score "19.8分" is not a number (write a decimal such as 19.81)`},
		{".", `score "." is not a number (write a decimal such as 19.81)`},
		{"-", `score "-" is not a number (write a decimal such as 19.81)`},
		{"1.2.3", `score "1.2.3" is not a number (write a decimal such as 19.81)`},
		{"+-1", `score "+-1" is not a number (write a decimal such as 19.81)`},
		{"1234567890123", `score "1234567890123" is out of range (at most 12 digits before the point and 9 after it)`},
		{"0.1234567891", `score "0.1234567891" is out of range (at most 12 digits before the point and 9 after it)`},
	}
	for _, tt := range tests {
		_, err := ParseScore(tt.in)
		require.Error(t, err, "ParseScore(%q)", tt.in)
		assert.ErrorIs(t, err, ErrInvalid)
		var se *Error
		require.ErrorAs(t, err, &se)
		assert.Equal(t, tt.msg, se.Msg.String(i18n.En), "ParseScore(%q)", tt.in)
	}
}

func TestScoreOf(t *testing.T) {
	tests := []struct {
		x    float64
		d    int
		want string
	}{
		{19.81, 2, "19.81"},
		{0.1 + 0.2, 2, "0.3"}, // 0.30000000000000004 in floats
		{2.675, 2, "2.68"},    // half-up on the decimal, not on the float just below it
		{96, 2, "96"},
		{19.815, 1, "19.8"},
		{7.5, 0, "8"},
	}
	for _, tt := range tests {
		got, err := ScoreOf(tt.x, tt.d)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.String(), "ScoreOf(%v, %d)", tt.x, tt.d)
	}
	_, err := ScoreOf(math.NaN(), 2)
	assert.ErrorIs(t, err, ErrInvalid)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "复核得分 NaN 不是有限的数", se.Msg.String(i18n.Zh))
	assert.Equal(t, "score NaN is not a finite number", se.Msg.String(i18n.En))
	_, err = ScoreOf(math.Inf(1), 2)
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestScoreFloat64(t *testing.T) {
	x, ok := MustScore("19.81").Float64()
	assert.True(t, ok)
	assert.Equal(t, 19.81, x)
	_, ok = Score{}.Float64()
	assert.False(t, ok)
}

func TestProjectKey(t *testing.T) {
	assert.Equal(t, "county/a.xlsx#p:学前教育", ProjectKey("county/./a.xlsx", "学前教育", 1))
	assert.Equal(t, "county/a.xlsx#p:学前教育#2", ProjectKey("county/a.xlsx", "学前教育", 2))
	assert.Equal(t, "a.toml#1", PlaceKey("a.toml", 1))
	assert.Equal(t, "i:产出指标/数量指标/培训人数", IndicatorRef("产出指标", "数量指标", "培训人数", 1))
	assert.Equal(t, "i:产出指标/数量指标/培训人数#3", IndicatorRef("产出指标", "数量指标", "培训人数", 3))
	assert.Equal(t, "#4", PlaceRef(4))
}

func TestFingerprint(t *testing.T) {
	// SHA-256 of "abc" (FIPS 180-2, appendix B.1).
	assert.Equal(t, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Fingerprint([]byte("abc")))
}

func TestStale(t *testing.T) {
	rec := Record{Last: Seen{Fingerprint: "bbb"}, Indicators: []IndicatorRecord{{Ref: "#1", Fingerprint: "aaa"}, {Ref: "#2", Fingerprint: "bbb"}}}
	assert.True(t, rec.Stale("bbb"), "indicator 1 was saved against another submission, whatever the project's last save")
	assert.True(t, rec.Stale("aaa"))
	assert.True(t, rec.Stale("ccc"))
	assert.False(t, rec.Indicators[1].Stale("bbb"))
	rec.Indicators[0].Fingerprint = "bbb"
	assert.False(t, rec.Stale("bbb"), "every indicator confirmed")
	assert.False(t, Record{Indicators: []IndicatorRecord{{Ref: "#1"}}}.Stale("bbb"), "a record saved without a fingerprint cannot tell")
}

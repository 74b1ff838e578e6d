package indicators

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// trimSpace trims what bytes.TrimSpace trims: every kind of space, at either end, around
// Chinese, ASCII and broken text.
func TestTrimSpaceIsBytesTrimSpace(t *testing.T) {
	spaces := []string{"", " ", "\t", "\n", "\r\n", "\v", "\f", "\u0085", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029",
		"\u202f", "\u205f", "\u3000", "\u200b", "\ufeff", "\x7f", "\x01"}
	bodies := []string{"", "a", "达成", "指标值", "≥99.22%", "x y", "全年 完成", "\xe8", "\xe8\xbe", "达\xff", "¢", "é", "€", "…", "\u2000达成"}
	for _, lead := range spaces {
		for _, body := range bodies {
			for _, trail := range spaces {
				s := []byte(lead + body + trail)
				assert.Equal(t, string(bytes.TrimSpace(s)), string(trimSpace(s)), "%q", s)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune{' ', 'a', '达', '\u3000', '\u00a0', '\u2028', '\u0085', 'é', '\t', '0', '\uFFFD'}
	for range 20000 {
		var r []rune
		for range rng.IntN(6) {
			r = append(r, alphabet[rng.IntN(len(alphabet))])
		}
		s := []byte(string(r))
		if rng.IntN(8) == 0 && len(s) > 0 {
			s = s[:len(s)-1] // a broken last character
		}
		assert.Equal(t, string(bytes.TrimSpace(s)), string(trimSpace(s)), "%q", s)
	}
}

// A number written as a plain literal keeps its text ("99.60"), any other way is written as
// strconv writes it, and a number written the shortest way is both: the text of a number
// never depends on the decoder that read it.
func TestNumberTextAsWritten(t *testing.T) {
	check := func(raw string) {
		t.Helper()
		f, err := strconv.ParseFloat(raw, 64)
		require.NoError(t, err, raw)
		want := strconv.FormatFloat(f, 'f', -1, 64)
		if shortest([]byte(raw)) {
			assert.Equal(t, want, raw, "%s is written the shortest way", raw)
		}
		if numberLiteral.MatchString(raw) {
			want = raw
		}
		line := fmt.Sprintf(`{"project":{"name":"p"},"indicator":[{"name":"x","weight":10,"target":%s,"actual":"%s"}]}`, raw, raw)
		var direct, slow JSONParser
		slow.Validating = true
		p, err := direct.Parse("stdin", 1, []byte(line), Limits{})
		if err != nil { // beyond the magnitude a file may hold
			_, errSlow := slow.Parse("stdin", 1, []byte(line), Limits{})
			assert.Error(t, errSlow, raw)
			return
		}
		assert.Equal(t, want, p.Indicators[0].Target.Text, raw)
		if f == 0 && math.Signbit(f) {
			return // −0: the validating decoder reads a whole number, and writes 0
		}
		q, err := slow.Parse("stdin", 1, []byte(line), Limits{})
		require.NoError(t, err, raw)
		assert.Equal(t, q, p, raw)
	}
	for _, raw := range []string{"0", "-0", "1", "-1", "20", "20.0", "20.50", "0.5", "-0.5", "00.5", "007", "1e3", "1E-2", "1.5e2",
		"99.22", "98.5", "217100", "0.1", "0.30000000000000004", "123456789012345", "1234567890123456", "12345678901234567",
		"0.000000000000000000001", "0.123456789012345", "0.1234567890123456", "999999999999999", "1000000000000000",
		"0.000001", "100.", "-0.0", "3.14159265358979", "2.675"} {
		check(raw)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		digits := 1 + rng.IntN(17)
		mant := rng.Int64N(int64(1) << 62)
		s := strconv.FormatInt(mant, 10)
		if len(s) > digits {
			s = s[:digits]
		}
		if point := rng.IntN(len(s) + 3); point > 0 && point < len(s) {
			s = s[:point] + "." + s[point:]
		} else if point >= len(s) {
			s = "0." + s
		}
		if rng.IntN(4) == 0 {
			s = "-" + s
		}
		check(s)
	}
}

// Equal texts read from different lines of a stream are one string.
func TestStreamTextsInterned(t *testing.T) {
	line := `{"project":{"name":"项目%d","agency":"单位"},"indicator":[{"name":"x","level1":" 产出指标 ","weight":10,"target":"≥95%%","actual":"达成",` +
		`"criterion":"≥95%%得10分","tiers":[{"when":"actual >= 95","score":"10"},{"when":"actual < 95","score":"0"}]}]}`
	var jp JSONParser
	p, err := jp.Parse("stdin", 1, []byte(fmt.Sprintf(line, 1)), Limits{})
	require.NoError(t, err)
	q, err := jp.Parse("stdin", 2, []byte(fmt.Sprintf(line, 2)), Limits{})
	require.NoError(t, err)
	a, b := p.Indicators[0], q.Indicators[0]
	for _, pair := range [][2]string{{a.Tiers[0].When.Text, b.Tiers[0].When.Text}, {a.Tiers[1].Score.Text, b.Tiers[1].Score.Text},
		{a.Level1, b.Level1}, {a.Criterion, b.Criterion}, {a.Actual.Text, b.Actual.Text}, {p.Agency, q.Agency}} {
		assert.Equal(t, pair[0], pair[1])
		assert.Same(t, unsafe.StringData(pair[0]), unsafe.StringData(pair[1]), "%q is one string", pair[0])
	}
	assert.Equal(t, "产出指标", a.Level1, "trimmed")
	assert.NotEqual(t, p.Name, q.Name)
}

// A text repeated among many unique ones keeps its one string, and a long text is not kept:
// the texts held are at most 2×textSets of at most maxTextLen bytes.
func TestTextsBounded(t *testing.T) {
	var tx texts
	hot := tx.of([]byte("actual >= 95"))
	moved, checks := 0, 0
	for i := range 20 * textSets {
		u := tx.of([]byte(fmt.Sprintf("项目%07d", i)))
		require.Equal(t, fmt.Sprintf("项目%07d", i), u)
		if i%100 == 0 {
			again := tx.of([]byte("actual >= 95"))
			require.Equal(t, "actual >= 95", again)
			if unsafe.StringData(again) != unsafe.StringData(hot) {
				moved++
			}
			hot, checks = again, checks+1
		}
	}
	assert.Zero(t, moved, "the hot text was interned again %d times in %d sightings", moved, checks)
	big := bytes.Repeat([]byte("长"), maxTextLen) // 3 bytes a character: over the length kept
	a, b := tx.of(big), tx.of(big)
	assert.Equal(t, string(big), a)
	assert.NotSame(t, unsafe.StringData(a), unsafe.StringData(b), "a long text is read afresh")
	for _, set := range tx.sets {
		for _, s := range set.s {
			require.LessOrEqual(t, len(s), maxTextLen)
		}
	}
}

package indicators

import (
	"strings"
	"unicode/utf8"

	"jixiao/internal/num"
)

// ActualInTargetUnit is the actual value counted in the target's unit, and whether the two
// units agree. The target's unit is its own ("≥90%", "≥266米"), else the 度量单位 (Unit);
// the actual's is its own. A unit with a scale converts (万元 against 元, 千米 against 米);
// a bare number takes the target's unit, and so does one written with 万 or 亿 ("1.2万"
// under 人) unless that unit is %; other units do not agree: 8成 and 85% under a target in
// % do, 85人 and 0.5万 do not. The value means nothing when the units do not agree; when
// either value is not a number it is the actual's number, and the units agree.
func ActualInTargetUnit(ind *Indicator) (float64, bool) {
	t, a := &ind.Target, &ind.Actual
	if !t.IsNum || !a.IsNum || !a.Percent && a.Unit == "" && !scaled(a) { // most actuals: a bare number
		return a.Num, true
	}
	tb, tf := unitOf(t, ind.Unit)
	ab, af := unitOf(a, "")
	switch {
	case tb == "":
		return a.Num, true
	case ab == "" && tb != "%": // "1.2万" under 人: counted in the target's base unit
		return a.Num / tf, true // "6万" under 万元 is 6
	case ab != tb:
		return a.Num, false
	}
	if af >= tf { // scales are powers of ten: their ratio is exact, and so is one rounding
		return a.Num * (af / tf), true
	}
	return a.Num / (tf / af), true
}

// unitOf is a number's unit without its scale, and the scale: its own unit ("%" for a
// percentage), else unit (the 度量单位), whose scale a number written with 万 or 亿 has
// already applied.
func unitOf(v *Value, unit string) (string, float64) {
	switch {
	case v.Percent:
		return "%", 1
	case v.Unit != "":
		return baseUnit(v.Unit)
	}
	b, f := baseUnit(strings.TrimSpace(num.Normalize(unit)))
	if b == "%" || scaled(v) {
		f = 1
	}
	return b, f
}

// scaled reports whether a number without a unit was written with a scale: "0.5万", "两千".
func scaled(v *Value) bool {
	return v.Unit == "" && !v.Percent && strings.ContainsAny(v.Text, "万亿千")
}

// scales are the multipliers a unit may start with: 万元, 千米.
var scales = map[rune]float64{'万': 1e4, '亿': 1e8, '千': 1e3}

// baseUnit is a unit without its scale, and the scale: 万元 is 1e4 元; a counter's 个 and
// the synonyms below are read alike (个月 is 月, 个工作日 is 工作日).
func baseUnit(u string) (string, float64) {
	f := 1.0
	if r, size := utf8.DecodeRuneInString(u); scales[r] != 0 && size < len(u) {
		f, u = scales[r], u[size:]
	}
	if rest, ok := strings.CutPrefix(u, "个"); ok && rest != "" {
		u = rest
	}
	if s, ok := synonyms[u]; ok {
		u, f = s.unit, f*s.factor
	}
	return u, f
}

// synonyms are units written for one another: the counters of people (名, 位 for 人), of
// items (项 for 个), 日 for 天, 公里 for a thousand 米.
var synonyms = map[string]struct {
	unit   string
	factor float64
}{
	"日": {"天", 1}, "名": {"人", 1}, "位": {"人", 1}, "项": {"个", 1}, "公里": {"米", 1e3},
}

// Units are the units ActualInTargetUnit compares, as written: the target's ("%", "人", else
// the 度量单位) and the actual's ("%", "人", else the 万 or 亿 it was written with); "" for none.
func Units(ind *Indicator) (target, actual string) {
	t, a := &ind.Target, &ind.Actual
	switch {
	case t.Percent:
		target = "%"
	case t.Unit != "":
		target = t.Unit
	default:
		target = strings.TrimSpace(num.Normalize(ind.Unit))
	}
	switch {
	case a.Percent:
		actual = "%"
	case a.Unit != "":
		actual = a.Unit
	case scaled(a):
		if i := strings.IndexAny(a.Text, "万亿千"); i >= 0 {
			r, _ := utf8.DecodeRuneInString(a.Text[i:])
			actual = string(r)
		}
	}
	return target, actual
}

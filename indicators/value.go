package indicators

import (
	"strconv"
	"strings"

	"jixiao/internal/num"
)

// operators are the comparison words and signs a target may start with, longest first
// within each group so that "≥" is not read as "大于".
var operators = []struct {
	word string
	op   Op
}{
	{">=", OpGE}, {"≥", OpGE}, {"≧", OpGE}, {"=>", OpGE}, {"不低于", OpGE}, {"不少于", OpGE},
	{"不小于", OpGE}, {"大于等于", OpGE}, {"大于或等于", OpGE}, {"达到", OpGE}, {"至少", OpGE},
	{"<=", OpLE}, {"≤", OpLE}, {"≦", OpLE}, {"=<", OpLE}, {"不高于", OpLE}, {"不超过", OpLE},
	{"不大于", OpLE}, {"不多于", OpLE}, {"小于等于", OpLE}, {"小于或等于", OpLE}, {"至多", OpLE},
	{"==", OpEQ}, {"=", OpEQ}, {"等于", OpEQ},
	{">", OpGT}, {"大于", OpGT}, {"高于", OpGT}, {"超过", OpGT}, {"多于", OpGT},
	{"<", OpLT}, {"小于", OpLT}, {"低于", OpLT}, {"少于", OpLT},
}

// NumberValue is the Value of a number written as a number.
func NumberValue(f float64) Value {
	return Value{Set: true, Text: strconv.FormatFloat(f, 'f', -1, 64), Num: f, IsNum: true, Plain: true}
}

// ParseValue reads a target or actual written as text: an optional comparison, one number,
// an optional % and unit ("≥99.22%", "≤5天", "=12期", "217,418", "21.74万"; 成 is tenths:
// "8成" is 80%), or a comparison after it ("90%以上", "5%以下", "3个工作日内"); or a date
// ("2022年12月31日前", "12月底前", "2022.11.20"), whose bound is its Op: <= for a deadline,
// >= for a start. The look-alikes of comparison signs that PDF extraction leaves (═, ＝, ≧,
// ≦, ＞, ＜, \geq…) read as the signs. Text that is not just that ("达成", "增长两千人",
// "有效") keeps IsNum and IsDate false; it is never guessed at.
func ParseValue(text string) Value {
	v := Value{Set: true, Text: text}
	if d, ok := num.ParseDate(text); ok {
		v.Date, v.IsDate = d.Date, true
		switch d.Bound {
		case num.DateAt, num.DateBy:
			v.Op = OpLE // a date alone, as a target, is a deadline
		case num.DateBefore:
			v.Op = OpLT
		case num.DateFrom:
			v.Op = OpGE
		case num.DateAfter:
			v.Op = OpGT
		}
		if d.Bound == num.DateAt {
			v.Op = OpNone
		}
		return v
	}
	s := num.Operators(num.Normalize(text))
	for _, o := range operators {
		if strings.HasPrefix(s, o.word) {
			v.Op = o.op
			s = strings.TrimSpace(s[len(o.word):])
			break
		}
	}
	q, ok := num.ParseQuantity(s)
	if !ok || q.Prefix != "" || !plausibleUnit(q.Unit) {
		v.Op = OpNone
		return v
	}
	if v.Op == OpNone {
		q.Unit, v.Op = suffixOp(q.Unit)
	}
	v.Num, v.IsNum, v.Percent, v.Unit = q.Value, true, q.Percent, q.Unit
	if v.Unit == "成" && !v.Percent { // tenths: 8成 is 80%
		v.Num, v.Percent, v.Unit = num.Round(q.Value*10, 12), true, "" // no float noise: 0.7成 is 7
	}
	return v
}

// suffixOps are the comparisons written after a number, longest first.
var suffixOps = []struct {
	word string
	op   Op
}{
	{"(含)及以上", OpGE}, {"(含)以上", OpGE}, {"及以上", OpGE}, {"以上", OpGE},
	{"(含)及以下", OpLE}, {"(含)以下", OpLE}, {"及以下", OpLE}, {"以下", OpLE}, {"以内", OpLE}, {"之内", OpLE},
}

// timeUnits are the units of a duration, after which 内 means "within" ("3个工作日内").
var timeUnits = []string{"个工作日", "工作日", "个月", "小时", "分钟", "天", "日", "周", "月", "年"}

// suffixOp takes a comparison written after the number off its unit: "以上" ≥, "以下",
// "以内" ≤, and 内 after a unit of time ("个工作日内"). A duration within a bound is
// lower-is-better.
func suffixOp(unit string) (string, Op) {
	for _, s := range suffixOps {
		if u, ok := strings.CutSuffix(unit, s.word); ok {
			return strings.TrimSpace(u), s.op
		}
	}
	if u, ok := strings.CutSuffix(unit, "内"); ok {
		for _, t := range timeUnits {
			if u == t {
				return u, OpLE
			}
		}
	}
	return unit, OpNone
}

// plausibleUnit accepts what can follow a number as its unit: a short run without
// sentence punctuation ("人", "期", "元/月·人", "万元"), not a clause.
func plausibleUnit(u string) bool {
	if len([]rune(u)) > 8 {
		return false
	}
	return !strings.ContainsAny(u, "，,。；;：:！？!?")
}

// SameText reports whether two values were written the same way, ignoring full-width forms
// and spaces: an actual that copies its target ("≥266米" under "≥266米").
func SameText(a, b Value) bool {
	if !a.Set || !b.Set || a.Plain || b.Plain {
		return false
	}
	if a.Text == b.Text {
		return true
	}
	strip := func(s string) string { return strings.ReplaceAll(num.Normalize(s), " ", "") }
	return strip(a.Text) == strip(b.Text)
}

package report

import (
	"math"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
)

// A hand-written encoder of the JSON result, for JSON Lines at batch speed: it writes
// exactly what encoding/json writes for the same values (a test compares the two byte for
// byte), without reflection.

// appendResult writes a result as the JSON object NewJSONProject (with its findings, when
// findings is set) gives encoding/json, without building it: JSON Lines at batch speed.
func appendResult(b []byte, r *engine.Result, lang i18n.Lang, findings bool) []byte {
	var scratch [512]byte // where messages are rendered before they are quoted
	text := scratch[:0]
	p := r.Project
	b = append(b, `{"file":`...)
	b = appendString(b, p.File)
	if line := p.Line(); line != 0 {
		b = strconv.AppendInt(append(b, `,"line":`...), int64(line), 10)
	}
	b = append(b, `,"name":`...)
	b = appendString(b, p.Name)
	b = appendOptString(b, `,"agency":`, p.Agency)
	b = appendOptString(b, `,"implementer":`, p.Implementer)
	b = appendOptString(b, `,"agency_code":`, p.AgencyCode)
	b = appendOptString(b, `,"function_code":`, p.FunctionCode)
	if p.Year != 0 {
		b = strconv.AppendInt(append(b, `,"year":`...), int64(p.Year), 10)
	}
	if r.Exact {
		b = appendFloat(append(b, `,"total":`...), r.Total)
	} else {
		b = append(b, `,"total":null`...)
		b = appendFloat(append(b, `,"total_min":`...), r.TotalMin)
		b = appendFloat(append(b, `,"total_max":`...), r.TotalMax)
	}
	b = appendFloat(append(b, `,"full_marks":`...), p.Scoring.FullMarks)
	b = appendString(append(b, `,"grade":`...), r.Grade)
	if !r.Exact && r.GradeMax != r.Grade {
		b = appendOptString(b, `,"grade_max":`, r.GradeMax)
	}
	b = strconv.AppendInt(append(b, `,"targets_set":`...), int64(r.TargetsSet), 10)
	b = strconv.AppendInt(append(b, `,"targets_met":`...), int64(r.TargetsMet), 10)
	if r.TargetsUnknown > 0 {
		b = strconv.AppendInt(append(b, `,"targets_met_max":`...), int64(r.TargetsMet+r.TargetsUnknown), 10)
	}
	if r.Rescaled {
		b = append(b, `,"rescaled":true`...)
	}
	b = appendReported(append(b, `,"reported":`...), &p.Reported)
	if x := r.Execution; x != nil {
		b = append(b, `,"execution":{"rate":`...)
		if x.HasScore {
			b = appendFloat(b, num.Round(x.Rate, 4))
		} else {
			b = append(b, "null"...)
		}
		b = appendFloat(append(b, `,"weight":`...), x.Weight)
		if x.HasScore {
			b = appendFloat(append(b, `,"score":`...), x.Score)
		} else {
			b = append(b, `,"score":null`...)
		}
		b = appendOptFloat(b, `,"reported":`, x.Reported)
		b = appendExecutionReview(b, r)
		b = append(b, '}')
	}
	b = append(b, `,"indicators":[`...)
	for i := range r.Indicators {
		if i > 0 {
			b = append(b, ',')
		}
		b, text = appendIndicator(b, r, &r.Indicators[i], lang, text)
		if r.Review != nil { // the indicator's 复核 goes inside its object, before the closing brace
			b = appendIndicatorReview(b[:len(b)-1], r, i)
			b = append(b, '}')
		}
	}
	b = append(b, ']')
	b = appendReview(b, r)
	if findings {
		b = append(b, `,"findings":`...)
		if len(r.Findings) == 0 {
			b = append(b, "[]"...)
		} else {
			b = append(b, '[')
			for k := range r.Findings {
				if k > 0 {
					b = append(b, ',')
				}
				b, text = appendFinding(b, r, &r.Findings[k], lang, text)
			}
			b = append(b, ']')
		}
	}
	return append(b, '}')
}

func appendReported(b []byte, r *indicators.Reported) []byte {
	b = append(b, '{')
	start := len(b)
	field := func(name string) {
		if len(b) > start {
			b = append(b, ',')
		}
		b = append(b, name...)
	}
	if r.Total != nil {
		field(`"total":`)
		b = appendFloat(b, *r.Total)
	}
	if r.Score != nil {
		field(`"score":`)
		b = appendFloat(b, *r.Score)
	}
	if r.Grade != "" {
		field(`"grade":`)
		b = appendString(b, r.Grade)
	}
	if r.TargetsSet != nil {
		field(`"targets_set":`)
		b = strconv.AppendInt(b, int64(*r.TargetsSet), 10)
	}
	if r.TargetsMet != nil {
		field(`"targets_met":`)
		b = strconv.AppendInt(b, int64(*r.TargetsMet), 10)
	}
	return append(b, '}')
}

func appendIndicator(b []byte, r *engine.Result, ir *engine.IndicatorResult, lang i18n.Lang, text []byte) ([]byte, []byte) {
	ind := ir.Indicator
	b = append(b, '{')
	start := len(b)
	if ind.Level1 != "" {
		b = appendString(append(b, `"level1":`...), ind.Level1)
	}
	if ind.Level2 != "" {
		if len(b) > start {
			b = append(b, ',')
		}
		b = appendString(append(b, `"level2":`...), ind.Level2)
	}
	if len(b) > start {
		b = append(b, ',')
	}
	b = appendString(append(b, `"name":`...), ind.Name)
	b = appendValue(append(b, `,"target":`...), ind.Target)
	b = appendOptString(b, `,"unit":`, ind.Unit)
	b = appendValue(append(b, `,"actual":`...), ind.Actual)
	b = appendFloat(append(b, `,"weight":`...), ind.Weight)
	b = appendNullFloat(append(b, `,"reported":`...), ind.Reported)
	if ir.HasScore {
		b = appendFloat(append(b, `,"score":`...), ir.Score)
	} else {
		b = append(b, `,"score":null`...)
		b = appendFloat(append(b, `,"score_min":`...), ir.Min)
		b = appendFloat(append(b, `,"score_max":`...), ir.Max)
	}
	if ir.Accepted {
		b = append(b, `,"accepted":true`...)
	}
	b = append(b, `,"tier":`...)
	if ir.Tier > 0 {
		b = strconv.AppendInt(b, int64(ir.Tier), 10)
		b = appendOptString(b, `,"when":`, ir.FiredTier().When)
	} else {
		b = append(b, "null"...)
	}
	if ir.Criterion.Derived {
		b = append(b, `,"derived":true`...)
	}
	b = appendOptString(b, `,"method":`, string(ir.Criterion.Method))
	b = append(b, `,"met":`...)
	if ir.MetKnown {
		b = strconv.AppendBool(b, ir.Met)
	} else {
		b = append(b, "null"...)
	}
	b = strconv.AppendBool(append(b, `,"applicable":`...), ir.Applicable)
	if ir.Kind == rules.Unscored {
		b = appendString(append(b, `,"unscored":{"code":`...), ir.Reason.Code)
		text = appendText(text[:0], reasonText(r, ir), lang)
		b = appendString(append(b, `,"message":`...), view(text))
		b = append(b, '}')
	}
	return append(b, '}'), text
}

// view is the string b holds, without copying it: for quoting a message just rendered into
// a scratch buffer, which is not written to again until the string is no longer used.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// appendValue writes a target or actual value: a plain number as a number, text as written.
func appendValue(b []byte, v indicators.Value) []byte {
	switch {
	case !v.Set:
		return append(b, "null"...)
	case v.Plain:
		return appendFloat(b, v.Num)
	}
	return appendString(b, v.Text)
}

func appendFinding(b []byte, r *engine.Result, f *engine.Finding, lang i18n.Lang, text []byte) ([]byte, []byte) {
	d := r.Project.Scoring.Decimals
	msg, hint := messageText(r, f)
	b = appendString(append(b, `{"code":`...), string(f.Code))
	b = appendString(append(b, `,"severity":`...), f.Severity.String())
	b = append(b, `,"indicator":`...)
	if f.Indicator < 0 {
		b = append(b, "null"...)
	} else {
		b = appendString(b, r.Indicators[f.Indicator].Indicator.Name)
	}
	text = appendText(text[:0], msg, lang)
	b = appendString(append(b, `,"message":`...), view(text))
	if !hint.IsZero() {
		text = appendText(text[:0], hint, lang)
		b = appendOptString(b, `,"hint":`, view(text))
	}
	b = appendFindingValue(append(b, `,"expected":`...), f.Expected, d)
	b = appendFindingValue(append(b, `,"actual":`...), f.Actual, d)
	pos := r.Pos(f)
	file := pos.File
	if file == "" {
		file = r.Project.File
	}
	b = appendString(append(b, `,"file":`...), file)
	if pos.Sheet != "" {
		b = appendString(append(b, `,"sheet":`...), pos.Sheet)
	}
	if pos.Page != 0 {
		b = strconv.AppendInt(append(b, `,"page":`...), int64(pos.Page), 10)
	}
	if pos.Line != 0 {
		b = strconv.AppendInt(append(b, `,"line":`...), int64(pos.Line), 10)
	}
	if pos.Col != 0 {
		b = strconv.AppendInt(append(b, `,"column":`...), int64(pos.Col), 10)
	}
	return append(b, '}'), text
}

// appendFindingValue writes what findingValue gives encoding/json.
func appendFindingValue(b []byte, v engine.Value, d int) []byte {
	switch v.Kind {
	case engine.NumberValue:
		return appendFloat(b, v.Num)
	case engine.CountValue:
		return strconv.AppendInt(b, int64(v.Num), 10)
	case engine.TextValue:
		return appendString(b, v.Text)
	case engine.RangeValue:
		return appendString(b, valueString(v, d))
	}
	return append(b, "null"...)
}

func appendOptString(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendString(append(b, key...), s)
}

func appendOptFloat(b []byte, key string, f *float64) []byte {
	if f == nil {
		return b
	}
	return appendFloat(append(b, key...), *f)
}

func appendNullFloat(b []byte, f *float64) []byte {
	if f == nil {
		return append(b, "null"...)
	}
	return appendFloat(b, *f)
}

// appendFloat formats a float as encoding/json does: the shortest decimal that reads back
// as f. Scores and money mostly have a few decimals; those are written directly.
func appendFloat(b []byte, f float64) []byte {
	if f == 0 && !math.Signbit(f) {
		return append(b, '0')
	}
	if a := math.Abs(f); a >= 1e-4 && a < 1e9 {
		for d := 0; d <= 4; d++ {
			p := pow10[d]
			if m := math.Round(a * p); m/p == a {
				return appendDecimal(b, f < 0, uint64(m), d)
			}
		}
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

var pow10 = [...]float64{1, 10, 100, 1000, 10000}

// appendDecimal writes m / 10^d with d decimals, d the fewest that give it: below 1e9 and
// with at most 4 decimals, the float m / 10^d is the only float that decimal reads back as,
// and no shorter decimal reads back as it, so this is the shortest form strconv would give.
func appendDecimal(b []byte, neg bool, m uint64, d int) []byte {
	if neg {
		b = append(b, '-')
	}
	var digits [24]byte
	s := strconv.AppendUint(digits[:0], m, 10)
	if d == 0 {
		return append(b, s...)
	}
	if len(s) <= d {
		b = append(b, '0', '.')
		for range d - len(s) {
			b = append(b, '0')
		}
		return append(b, s...)
	}
	b = append(b, s[:len(s)-d]...)
	b = append(b, '.')
	return append(b, s[len(s)-d:]...)
}

const hexDigits = "0123456789abcdef"

// appendString quotes a string as encoding/json does with HTML escaping off.
func appendString(b []byte, s string) []byte {
	// One pass over the usual text (ASCII, two-byte and three-byte characters that are
	// always valid), escaping what encoding/json escapes; anything else (invalid bytes,
	// overlong forms, surrogates, four-byte characters) is left to the general loop.
	mark := len(b)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if !needsEscape[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		case c >= 0xC2 && c <= 0xDF:
			if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				i += 2
				continue
			}
		case c >= 0xE1 && c <= 0xEF && c != 0xED:
			if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				if c == 0xE2 && s[i+1] == 0x80 && s[i+2]&0xFE == 0xA8 { // U+2028, U+2029
					b = append(b, s[start:i]...)
					b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF])
					start = i + 3
				}
				i += 3
				continue
			}
		}
		return appendStringSlow(b[:mark], s)
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// needsEscape marks the ASCII bytes encoding/json escapes in a string.
var needsEscape = func() (t [utf8.RuneSelf]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// appendEscape writes an ASCII byte as encoding/json escapes it.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// appendStringSlow quotes any string as encoding/json does, invalid UTF-8 included.
func appendStringSlow(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = appendEscape(append(b, s[start:i]...), c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

package report

import (
	"math"
	"strconv"
	"unicode/utf8"

	"jixiao/indicators"
)

// A hand-written encoder of the JSON result, for JSON Lines at batch speed: it writes
// exactly what encoding/json writes for the same values (a test compares the two byte for
// byte), without reflection.

func appendProject(b []byte, p *JSONProject) []byte {
	b = append(b, `{"file":`...)
	b = appendString(b, p.File)
	if p.Line != 0 {
		b = strconv.AppendInt(append(b, `,"line":`...), int64(p.Line), 10)
	}
	b = append(b, `,"name":`...)
	b = appendString(b, p.Name)
	b = appendOptString(b, `,"agency":`, p.Agency)
	b = appendOptString(b, `,"agency_code":`, p.AgencyCode)
	b = appendOptString(b, `,"function_code":`, p.FunctionCode)
	if p.Year != 0 {
		b = strconv.AppendInt(append(b, `,"year":`...), int64(p.Year), 10)
	}
	b = appendNullFloat(append(b, `,"total":`...), p.Total)
	b = appendOptFloat(b, `,"total_min":`, p.TotalMin)
	b = appendOptFloat(b, `,"total_max":`, p.TotalMax)
	b = appendFloat(append(b, `,"full_marks":`...), p.FullMarks)
	b = appendString(append(b, `,"grade":`...), p.Grade)
	b = appendOptString(b, `,"grade_max":`, p.GradeMax)
	b = strconv.AppendInt(append(b, `,"targets_set":`...), int64(p.TargetsSet), 10)
	b = strconv.AppendInt(append(b, `,"targets_met":`...), int64(p.TargetsMet), 10)
	if p.Rescaled {
		b = append(b, `,"rescaled":true`...)
	}
	b = appendReported(append(b, `,"reported":`...), &p.Reported)
	if x := p.Execution; x != nil {
		b = appendNullFloat(append(b, `,"execution":{"rate":`...), x.Rate)
		b = appendFloat(append(b, `,"weight":`...), x.Weight)
		b = appendNullFloat(append(b, `,"score":`...), x.Score)
		b = appendOptFloat(b, `,"reported":`, x.Reported)
		b = append(b, '}')
	}
	b = append(b, `,"indicators":`...)
	if p.Indicators == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Indicators {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendIndicator(b, &p.Indicators[i])
		}
		b = append(b, ']')
	}
	if p.Findings != nil {
		b = append(b, `,"findings":`...)
		if *p.Findings == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for i := range *p.Findings {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendFinding(b, &(*p.Findings)[i])
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

func appendIndicator(b []byte, ind *JSONIndicator) []byte {
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
	b = appendAny(append(b, `,"target":`...), ind.Target)
	b = appendOptString(b, `,"unit":`, ind.Unit)
	b = appendAny(append(b, `,"actual":`...), ind.Actual)
	b = appendFloat(append(b, `,"weight":`...), ind.Weight)
	b = appendNullFloat(append(b, `,"reported":`...), ind.Reported)
	b = appendNullFloat(append(b, `,"score":`...), ind.Score)
	b = appendOptFloat(b, `,"score_min":`, ind.ScoreMin)
	b = appendOptFloat(b, `,"score_max":`, ind.ScoreMax)
	if ind.Accepted {
		b = append(b, `,"accepted":true`...)
	}
	b = append(b, `,"tier":`...)
	if ind.Tier == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(*ind.Tier), 10)
	}
	if ind.Derived {
		b = append(b, `,"derived":true`...)
	}
	b = appendOptString(b, `,"method":`, ind.Method)
	b = append(b, `,"met":`...)
	if ind.Met == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendBool(b, *ind.Met)
	}
	b = strconv.AppendBool(append(b, `,"applicable":`...), ind.Applicable)
	if u := ind.Unscored; u != nil {
		b = appendString(append(b, `,"unscored":{"code":`...), u.Code)
		b = appendString(append(b, `,"message":`...), u.Message)
		b = append(b, '}')
	}
	return append(b, '}')
}

func appendFinding(b []byte, f *JSONFinding) []byte {
	b = appendString(append(b, `{"code":`...), f.Code)
	b = appendString(append(b, `,"severity":`...), f.Severity)
	b = append(b, `,"indicator":`...)
	if f.Indicator == nil {
		b = append(b, "null"...)
	} else {
		b = appendString(b, *f.Indicator)
	}
	b = appendString(append(b, `,"message":`...), f.Message)
	b = appendOptString(b, `,"hint":`, f.Hint)
	b = appendAny(append(b, `,"expected":`...), f.Expected)
	b = appendAny(append(b, `,"actual":`...), f.Actual)
	b = appendString(append(b, `,"file":`...), f.File)
	if f.Line != 0 {
		b = strconv.AppendInt(append(b, `,"line":`...), int64(f.Line), 10)
	}
	if f.Column != 0 {
		b = strconv.AppendInt(append(b, `,"column":`...), int64(f.Column), 10)
	}
	return append(b, '}')
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

// appendAny writes the values a result holds in an any: nil, numbers, strings, booleans.
// Anything else cannot occur; it is written as null rather than guessed at.
func appendAny(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case float64:
		return appendFloat(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case string:
		return appendString(b, x)
	case bool:
		return strconv.AppendBool(b, x)
	}
	return append(b, "null"...)
}

// appendFloat formats a float as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
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

const hexDigits = "0123456789abcdef"

// appendString quotes a string as encoding/json does with HTML escaping off.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
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

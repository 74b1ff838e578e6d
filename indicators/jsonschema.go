package indicators

import (
	"encoding/json"
	"regexp"
	"strings"
)

// JSONSchema is the JSON Schema of the file format, made from Fields: TOML editors (Taplo,
// Even Better TOML) read it from a file's `#:schema` first line to complete keys, show what
// each means and flag errors as a person types. It is draft-04, the draft Taplo implements. It says what a schema can:
// keys, types, required keys, choices, bounds, a discretionary tier's min and max instead of
// a score, tiers or a method; what only jixiao can check (expressions, a duplicate
// indicator, min above max) it leaves to jixiao.
func JSONSchema() []byte {
	out, err := json.MarshalIndent(std.jsonSchema(), "", "  ")
	if err != nil {
		panic(err) // the schema is made of strings, numbers and maps only
	}
	return append(out, '\n')
}

func (s *schema) jsonSchema() map[string]any {
	root := s.object(inRoot)
	root["$schema"] = "http://json-schema.org/draft-04/schema#"
	root["title"] = "jixiao 项目支出绩效自评表"
	root["description"] = "One project's performance self-evaluation (项目支出绩效自评表) as submitted, for jixiao to score and review."
	return root
}

// object is the schema of one table: its keys, which are required, and the rules between
// them.
func (s *schema) object(in string) map[string]any {
	props := map[string]any{}
	var required []string
	deps := map[string]any{}
	obj := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	for _, f := range s.fields(in) {
		props[f.Key] = s.property(f)
		if f.Required && f.Instead == nil {
			required = append(required, f.Key)
		}
		if f.Excludes != "" {
			other := s.field(in, f.Excludes)
			if other.Type == Tables || other.Type == Codes { // given but empty is allowed
				deps[f.Key] = map[string]any{"properties": map[string]any{other.Key: map[string]any{"maxItems": 0}}}
			} else {
				deps[f.Key] = map[string]any{"not": map[string]any{"required": []string{other.Key}}}
			}
		}
		if f.Instead != nil { // the key, or all of the others in its place
			var alts []any
			for _, k := range f.Instead {
				alts = append(alts, map[string]any{"required": []string{k}})
			}
			obj["anyOf"] = []any{
				map[string]any{"required": []string{f.Key}, "not": map[string]any{"anyOf": alts}},
				map[string]any{"required": f.Instead, "not": map[string]any{"required": []string{f.Key}}},
			}
		}
	}
	if required != nil {
		obj["required"] = required
	}
	if len(deps) > 0 {
		obj["dependencies"] = deps
	}
	return obj
}

// blankPattern matches the blank marks that stand for "not given" in a number's place.
var blankPattern = "^\\s*(" + strings.Join(regexpQuoteAll(blankMarks), "|") + ")?\\s*$"

func regexpQuoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = regexp.QuoteMeta(s)
	}
	return out
}

// numberAsText is text that may hold a number: a digit (half- or full-width) or a Chinese
// numeral in it, or a blank mark; jixiao reads it as converted tables write it.
var numberAsText = "[0-9０-９零〇一二两三四五六七八九十百千万亿]|" + blankPattern

// property is the schema of one key.
func (s *schema) property(f *Field) map[string]any {
	p := map[string]any{}
	switch f.Type {
	case Text, Prose:
		p["type"] = []string{"string", "integer"} // a code may be written as a number
		if f.Required {
			p["pattern"] = `\S`
		}
		if f.Enum != nil {
			p = map[string]any{"enum": f.Enum}
		}
	case Number, Count:
		n := map[string]any{"type": "number", "minimum": -MaxMagnitude, "maximum": MaxMagnitude}
		if f.Type == Count {
			n["type"], n["minimum"], n["maximum"] = "integer", 0, MaxCount
		}
		if f.Min != nil {
			n["minimum"] = *f.Min
			if f.MinOpen {
				n["exclusiveMinimum"] = true // draft-04: minimum itself is out
			}
		}
		if f.Max != nil {
			n["maximum"] = *f.Max
		}
		p["anyOf"] = []any{n, map[string]any{"type": "string", "pattern": numberAsText}}
	case Bool:
		p["type"] = "boolean"
	case Written:
		p["type"] = []string{"number", "string"}
		p["minimum"], p["maximum"] = -MaxMagnitude, MaxMagnitude
	case Expression:
		p["anyOf"] = []any{map[string]any{"type": "string", "pattern": `\S`}, map[string]any{"type": "number"}}
	case Interval:
		p["type"] = "array"
		p["items"] = map[string]any{"type": "number"}
		p["minItems"], p["maxItems"] = 2, 2
	case Codes:
		p["type"] = "array"
		p["items"] = map[string]any{"type": "string"}
	case Table:
		p = s.object(f.sub())
	case Tables:
		p["type"] = "array"
		p["items"] = s.object(f.sub())
		if f.Min != nil {
			p["minItems"] = int(*f.Min)
		}
	}
	p["title"] = f.Label.Zh + " · " + f.Label.En
	doc := f.Doc
	if f.Unit != "" {
		doc += " Unit: " + f.Unit + "."
	}
	p["description"] = doc
	if f.Default != nil {
		p["default"] = f.Default
	}
	return p
}

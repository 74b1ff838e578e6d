package indicators

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// WriteTOML writes a project in jixiao's file format, as `jixiao import` saves a table read
// from a workbook: every field it has, the criterion as written, tiers only where the
// project has them (a criterion alone is read into tiers when scored).
func WriteTOML(w io.Writer, p *Project, origin string) error {
	var b strings.Builder
	if origin != "" {
		fmt.Fprintf(&b, "# %s\n", origin)
	}
	b.WriteString("[project]\n")
	str(&b, "name", p.Name)
	str(&b, "agency", p.Agency)
	str(&b, "agency_code", p.AgencyCode)
	str(&b, "function_code", p.FunctionCode)
	if p.Year != 0 {
		fmt.Fprintf(&b, "year = %d\n", p.Year)
	}
	if f := p.Funds; f != nil {
		b.WriteString("\n[funds]\n")
		if f.Unit != "" && f.Unit != "万元" {
			str(&b, "unit", f.Unit)
		}
		for _, x := range []struct {
			key string
			v   *float64
		}{{"budget", f.Budget}, {"adjustment", f.Adjustment}, {"allocated", f.Allocated}, {"balance", f.Balance},
			{"received", f.Received}, {"spent", f.Spent}, {"unspent", f.Unspent}, {"unspent_rate", f.UnspentRate},
			{"full_year_budget", f.FullYearBudget}, {"reported", f.Reported}} {
			number(&b, x.key, x.v)
		}
		if f.Weight != 0 {
			number(&b, "weight", &f.Weight)
		}
		str(&b, "reason", f.Reason)
	}
	r := p.Reported
	if r.Total != nil || r.Score != nil || r.Grade != "" || r.TargetsSet != nil || r.TargetsMet != nil {
		b.WriteString("\n[reported]\n")
		number(&b, "total", r.Total)
		number(&b, "score", r.Score)
		str(&b, "grade", r.Grade)
		integer(&b, "targets_set", r.TargetsSet)
		integer(&b, "targets_met", r.TargetsMet)
	}
	for _, ind := range p.Indicators {
		b.WriteString("\n[[indicator]]\n")
		str(&b, "level1", ind.Level1)
		str(&b, "level2", ind.Level2)
		str(&b, "name", ind.Name)
		value(&b, "target", ind.Target)
		str(&b, "unit", ind.Unit)
		value(&b, "actual", ind.Actual)
		value(&b, "prior", ind.Prior)
		number(&b, "weight", &ind.Weight)
		number(&b, "reported", ind.Reported)
		str(&b, "reason", ind.Reason)
		str(&b, "criterion", ind.Criterion)
		if ind.Method != "" {
			str(&b, "method", string(ind.Method))
		}
		if !ind.Applicable {
			b.WriteString("applicable = false\n")
		}
		if len(ind.Tiers) > 0 {
			b.WriteString("tiers = [\n")
			for _, t := range ind.Tiers {
				if t.Discretionary() && t.Min != nil && t.Max != nil {
					fmt.Fprintf(&b, "  { when = %s, min = %s, max = %s },\n", quote(t.When.Text), fmtFloat(*t.Min), fmtFloat(*t.Max))
				} else {
					fmt.Fprintf(&b, "  { when = %s, score = %s },\n", quote(t.When.Text), quote(t.Score.Text))
				}
			}
			b.WriteString("]\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func str(b *strings.Builder, key, v string) {
	if v != "" {
		fmt.Fprintf(b, "%s = %s\n", key, quote(v))
	}
}

func number(b *strings.Builder, key string, v *float64) {
	if v != nil {
		fmt.Fprintf(b, "%s = %s\n", key, fmtFloat(*v))
	}
}

func integer(b *strings.Builder, key string, v *int) {
	if v != nil {
		fmt.Fprintf(b, "%s = %d\n", key, *v)
	}
}

// tomlNumber is a number literal TOML reads as written ("99.60", "217100").
var tomlNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)

// value writes a target, actual or prior: a plain number as the table showed it, else text.
func value(b *strings.Builder, key string, v Value) {
	switch {
	case !v.Set:
	case v.Plain && tomlNumber.MatchString(v.Text):
		fmt.Fprintf(b, "%s = %s\n", key, v.Text)
	case v.Plain:
		fmt.Fprintf(b, "%s = %s\n", key, fmtFloat(v.Num))
	default:
		fmt.Fprintf(b, "%s = %s\n", key, quote(v.Text))
	}
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

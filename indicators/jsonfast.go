package indicators

import (
	"math"
	"slices"
	"strings"

	"github.com/valyala/fastjson"
)

// fastProject decodes a well-formed project straight from the parsed JSON, without the
// generic tables the validating decoder builds. It accepts only what the validating decoder
// would accept without a message, and gives the same Project; on anything else (an unknown
// key, a value of another type, a number out of range, a limit reached, a duplicate…) it
// reports false and the caller decodes again the slow way, which says precisely what is
// wrong. A differential test holds the two to the same result.
func fastProject(obj *fastjson.Object, base Pos, lim Limits) (*Project, bool) {
	p := &Project{File: base.File, line: base.Line,
		Scoring: Scoring{FullMarks: DefaultFullMarks, Decimals: DefaultDecimals, Method: DefaultMethod, Grades: DefaultGrades()}}
	ok, sawProject, sawIndicators := true, false, false
	obj.Visit(func(k []byte, v *fastjson.Value) {
		if !ok {
			return
		}
		switch string(k) {
		case "project":
			sawProject = true
			ok = fastHead(v, p)
		case "funds":
			p.Funds, ok = fastFunds(v)
		case "reported":
			ok = fastReported(v, &p.Reported)
		case "indicator":
			sawIndicators = true
			p.Indicators, ok = fastIndicators(v, base, lim)
		default: // scoring, review, or an unknown key: the validating decoder's business
			ok = false
		}
	})
	if !ok || !sawProject || !sawIndicators || p.Name == "" {
		return nil, false
	}
	return p, true
}

// str reads a string; JSON null or absence is "".
func jstr(v *fastjson.Value) (string, bool) {
	if v.Type() != fastjson.TypeString {
		return "", false
	}
	b, _ := v.StringBytes()
	return strings.TrimSpace(string(b)), true
}

// num reads a finite number within the magnitude every loader accepts.
func jnum(v *fastjson.Value) (float64, bool) {
	if v.Type() != fastjson.TypeNumber {
		return 0, false
	}
	f, err := v.Float64()
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > MaxMagnitude {
		return 0, false
	}
	return f, true
}

func jnumPtr(v *fastjson.Value) (*float64, bool) {
	f, ok := jnum(v)
	return &f, ok
}

func fastHead(v *fastjson.Value, p *Project) bool {
	o, err := v.Object()
	if err != nil {
		return false
	}
	ok := true
	o.Visit(func(k []byte, x *fastjson.Value) {
		if !ok {
			return
		}
		switch string(k) {
		case "name":
			p.Name, ok = jstr(x)
		case "agency":
			p.Agency, ok = jstr(x)
		case "agency_code":
			p.AgencyCode, ok = jstr(x)
		case "function_code":
			p.FunctionCode, ok = jstr(x)
		case "year":
			f, good := jnum(x)
			ok = good && f == math.Trunc(f) && f >= 0 && f <= 1e9
			p.Year = int(f)
		default:
			ok = false
		}
	})
	return ok
}

func fastFunds(v *fastjson.Value) (*Funds, bool) {
	o, err := v.Object()
	if err != nil {
		return nil, false
	}
	f := &Funds{Unit: "万元"}
	ok := true
	o.Visit(func(k []byte, x *fastjson.Value) {
		if !ok {
			return
		}
		key := string(k)
		var dst **float64
		switch key {
		case "budget":
			dst = &f.Budget
		case "adjustment":
			dst = &f.Adjustment
		case "allocated":
			dst = &f.Allocated
		case "balance":
			dst = &f.Balance
		case "received":
			dst = &f.Received
		case "spent":
			dst = &f.Spent
		case "unspent":
			dst = &f.Unspent
		case "unspent_rate":
			dst = &f.UnspentRate
		case "full_year_budget":
			dst = &f.FullYearBudget
		case "reported":
			dst = &f.Reported
		}
		switch {
		case dst != nil:
			*dst, ok = jnumPtr(x)
		case key == "weight":
			f.Weight, ok = jnum(x)
			ok = ok && f.Weight >= 0
		case key == "reason":
			f.Reason, ok = jstr(x)
		case key == "unit":
			f.Unit, ok = jstr(x)
			ok = ok && (f.Unit == "万元" || f.Unit == "元")
		default:
			ok = false
		}
	})
	return f, ok
}

func fastReported(v *fastjson.Value, r *Reported) bool {
	o, err := v.Object()
	if err != nil {
		return false
	}
	ok := true
	count := func(x *fastjson.Value) (*int, bool) {
		f, good := jnum(x)
		n := int(f)
		return &n, good && f == math.Trunc(f) && f >= 0 && f <= 1e9
	}
	o.Visit(func(k []byte, x *fastjson.Value) {
		if !ok {
			return
		}
		switch string(k) {
		case "total":
			r.Total, ok = jnumPtr(x)
		case "score":
			r.Score, ok = jnumPtr(x)
		case "grade":
			r.Grade, ok = jstr(x)
		case "targets_set":
			r.TargetsSet, ok = count(x)
		case "targets_met":
			r.TargetsMet, ok = count(x)
		default:
			ok = false
		}
	})
	return ok
}

// value reads a target, actual or prior as the validating decoder does.
func fastValue(x *fastjson.Value) (Value, bool) {
	switch x.Type() {
	case fastjson.TypeNumber:
		f, ok := jnum(x)
		return NumberValue(f), ok
	case fastjson.TypeString:
		b, _ := x.StringBytes()
		s := string(b)
		if blank(s) {
			return Value{}, true
		}
		v := ParseValue(s)
		return v, !v.IsNum || math.Abs(v.Num) <= MaxMagnitude
	}
	return Value{}, false
}

func fastIndicators(v *fastjson.Value, base Pos, lim Limits) ([]*Indicator, bool) {
	items, err := v.Array()
	if err != nil || len(items) == 0 || len(items) > lim.MaxIndicators {
		return nil, false
	}
	out := make([]*Indicator, 0, len(items))
	seen := make([]string, 0, len(items))
	for i, item := range items {
		ind, ok := fastIndicator(item, i, base, lim)
		if !ok {
			return nil, false
		}
		key := ind.Level1 + "\x00" + ind.Level2 + "\x00" + ind.Name
		if slices.Contains(seen, key) {
			return nil, false // a duplicate: the validating decoder names it
		}
		seen = append(seen, key)
		out = append(out, ind)
	}
	return out, true
}

func fastIndicator(v *fastjson.Value, i int, base Pos, lim Limits) (*Indicator, bool) {
	o, err := v.Object()
	if err != nil {
		return nil, false
	}
	ind := &Indicator{Index: i, Pos: base, Applicable: true}
	ok, hasWeight := true, false
	o.Visit(func(k []byte, x *fastjson.Value) {
		if !ok {
			return
		}
		switch string(k) {
		case "level1":
			ind.Level1, ok = jstr(x)
		case "level2":
			ind.Level2, ok = jstr(x)
		case "name":
			ind.Name, ok = jstr(x)
		case "target":
			ind.Target, ok = fastValue(x)
		case "unit":
			ind.Unit, ok = jstr(x)
		case "actual":
			ind.Actual, ok = fastValue(x)
		case "prior":
			ind.Prior, ok = fastValue(x)
		case "weight":
			ind.Weight, ok = jnum(x)
			hasWeight = true
		case "reported":
			ind.Reported, ok = jnumPtr(x)
		case "reason":
			ind.Reason, ok = jstr(x)
		case "criterion":
			ind.Criterion, ok = jstr(x)
			if ok && ind.Criterion != "" {
				b, _ := x.StringBytes()
				ind.CriterionSource = Expr{Text: string(b)}
			}
		case "method":
			var m string
			m, ok = jstr(x)
			ind.Method = Method(m)
			ok = ok && slices.Contains(Methods, ind.Method)
		case "applicable":
			switch x.Type() {
			case fastjson.TypeTrue:
				ind.Applicable = true
			case fastjson.TypeFalse:
				ind.Applicable = false
			default:
				ok = false
			}
		case "tiers":
			ind.Tiers, ok = fastTiers(x, base, lim)
		default: // direction, domain, or an unknown key
			ok = false
		}
	})
	if !ok || !hasWeight || ind.Name == "" || len(ind.Tiers) > 0 && ind.Method != "" {
		return nil, false
	}
	ind.Direction = ind.Target.Op.Direction()
	return ind, true
}

func fastTiers(v *fastjson.Value, base Pos, lim Limits) ([]Tier, bool) {
	items, err := v.Array()
	if err != nil || len(items) > lim.MaxTiers {
		return nil, false
	}
	tiers := make([]Tier, 0, len(items))
	for _, item := range items {
		o, err := item.Object()
		if err != nil {
			return nil, false
		}
		t := Tier{Pos: base}
		ok := true
		o.Visit(func(k []byte, x *fastjson.Value) {
			if !ok {
				return
			}
			switch string(k) {
			case "when":
				t.When, ok = fastExpr(x, base, lim)
			case "score":
				t.Score, ok = fastExpr(x, base, lim)
			case "min":
				t.Min, ok = jnumPtr(x)
			case "max":
				t.Max, ok = jnumPtr(x)
			default:
				ok = false
			}
		})
		discretionary := t.Min != nil || t.Max != nil
		if !ok || t.When.Text == "" || discretionary && (t.Min == nil || t.Max == nil || *t.Min > *t.Max || t.Score.Text != "") ||
			!discretionary && t.Score.Text == "" {
			return nil, false
		}
		tiers = append(tiers, t)
	}
	return tiers, true
}

// fastExpr reads an expression string (not blank, within the length limit); a number is
// left to the validating decoder, which writes it as text.
func fastExpr(x *fastjson.Value, base Pos, lim Limits) (Expr, bool) {
	if x.Type() != fastjson.TypeString {
		return Expr{}, false
	}
	b, _ := x.StringBytes()
	s := string(b)
	if strings.TrimSpace(s) == "" || len([]rune(s)) > lim.MaxExprLen {
		return Expr{}, false
	}
	return Expr{Text: s, Pos: base}, true
}

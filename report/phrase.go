package report

import (
	"math"
	"slices"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/analysis"
)

// phraseText writes a condition the interval form does not cover in words, the way lint
// writes values: "实际值含“基本改善”", "预算执行率 ≥ 90%", "实际值 ≥ 指标值". Only a part
// that is none of comparisons, tests of the text actual and their combinations keeps its
// expression.
func phraseText(p *rules.Phrase, ind *indicators.Indicator) i18n.Text {
	zh, en := phraseWords(p, ind, i18n.Zh, 0), phraseWords(p, ind, i18n.En, 0)
	return i18n.Text{Zh: zh, En: en}
}

// Binding strengths, for parentheses: an Or inside an And is bracketed.
const (
	bindOr = iota + 1
	bindAnd
	bindNot
)

func phraseWords(p *rules.Phrase, ind *indicators.Indicator, lang i18n.Lang, outer int) string {
	pick := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	wrap := func(s string, bind int) string {
		if outer > bind {
			return pick("（", "(") + s + pick("）", ")")
		}
		return s
	}
	switch p.Op {
	case rules.PhraseTrue:
		return pick("其余情形", "otherwise")
	case rules.PhraseFalse:
		return pick("从不成立", "never")
	case rules.PhraseNot:
		switch x := p.X; x.Op {
		case rules.PhraseText:
			return textWords(x, true, lang)
		case rules.PhraseCompare:
			if neg, ok := negated[x.Cmp]; ok {
				return compareWords(&rules.Phrase{Op: rules.PhraseCompare, Cmp: neg, L: x.L, R: x.R}, ind, lang)
			}
		}
		return pick("并非", "not ") + phraseWords(p.X, ind, lang, bindNot)
	case rules.PhraseAnd:
		if s, ok := betweenWords(p, ind, lang); ok {
			return s
		}
		return wrap(phraseWords(p.X, ind, lang, bindAnd)+pick(" 且 ", " and ")+phraseWords(p.Y, ind, lang, bindAnd), bindAnd)
	case rules.PhraseOr:
		if words, ok := containsAny(p); ok {
			return textWords(&rules.Phrase{Op: rules.PhraseText, Cmp: "contains", Words: words}, false, lang)
		}
		return wrap(phraseWords(p.X, ind, lang, bindOr)+pick(" 或 ", " or ")+phraseWords(p.Y, ind, lang, bindOr), bindOr)
	case rules.PhraseCompare:
		if b, ok := boundOf(p); ok && b.x == 0 && (b.name == "late_days" || b.name == "late_months") {
			switch {
			case b.lower && !b.closed: // late_days > 0
				return pick("逾期完成", "late")
			case !b.lower && b.closed: // late_days <= 0
				return pick("按期完成", "on time")
			}
		}
		return compareWords(p, ind, lang)
	case rules.PhraseText:
		return textWords(p, false, lang)
	}
	return p.Expr
}

var negated = map[string]string{"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}

// containsAny reads a disjunction of "text contains" tests as one test of its words:
// 实际值含“较好”或“較好”.
func containsAny(p *rules.Phrase) ([]string, bool) {
	switch p.Op {
	case rules.PhraseText:
		return p.Words, p.Cmp == "contains"
	case rules.PhraseOr:
		x, ok1 := containsAny(p.X)
		y, ok2 := containsAny(p.Y)
		return append(x, y...), ok1 && ok2
	}
	return nil, false
}

// textWords writes a test of the text actual: 实际值含“达成”, 实际值不是“未完成”.
func textWords(p *rules.Phrase, not bool, lang i18n.Lang) string {
	quoted := make([]string, len(p.Words))
	for i, w := range p.Words {
		quoted[i] = i18n.Pick(lang, "“"+w+"”", `"`+w+`"`)
	}
	or := strings.Join(quoted, i18n.Pick(lang, "或", " or "))
	type form struct{ zh, en, notZh, notEn string }
	forms := map[string]form{
		"contains":   {"实际值含%s", "the actual contains %s", "实际值不含%s", "the actual does not contain %s"},
		"==":         {"实际值为%s", "the actual reads %s", "实际值不是%s", "the actual does not read %s"},
		"!=":         {"实际值不是%s", "the actual does not read %s", "实际值为%s", "the actual reads %s"},
		"startsWith": {"实际值以%s开头", "the actual begins with %s", "实际值不以%s开头", "the actual does not begin with %s"},
		"endsWith":   {"实际值以%s结尾", "the actual ends with %s", "实际值不以%s结尾", "the actual does not end with %s"},
		"matches":    {"实际值符合正则式 %s", "the actual matches the pattern %s", "实际值不符合正则式 %s", "the actual does not match the pattern %s"},
		"in":         {"实际值为%s", "the actual reads %s", "实际值不是%s", "the actual reads none of %s"},
	}
	f := forms[p.Cmp]
	if p.Cmp == "in" && len(p.Words) > 1 {
		f.zh, f.notZh = "实际值为%s之一", "实际值不是%s中的任何一个"
		f.en = "the actual reads one of %s"
		or = strings.Join(quoted, i18n.Pick(lang, "、", ", "))
	}
	if not {
		return i18n.T(f.notZh, f.notEn, or).String(lang)
	}
	return i18n.T(f.zh, f.en, or).String(lang)
}

// compareWords writes a comparison with its numbers as the variable beside them gives
// them: "预算执行率 ≥ 90%", "实际值 < 95%", "逾期天数 > 30 天".
func compareWords(p *rules.Phrase, ind *indicators.Indicator, lang i18n.Lang) string {
	op := map[string]string{"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠"}[p.Cmp]
	l := termWords(p.L, leafName(p.R), ind, lang, 0)
	r := termWords(p.R, leafName(p.L), ind, lang, 0)
	return l + " " + op + " " + r
}

// betweenWords writes two bounds of one variable as one range: "90% ≤ 实际值 < 95%".
func betweenWords(p *rules.Phrase, ind *indicators.Indicator, lang i18n.Lang) (string, bool) {
	lo, ok1 := boundOf(p.X)
	hi, ok2 := boundOf(p.Y)
	if !ok1 || !ok2 || lo.name != hi.name || lo.lower == hi.lower {
		return "", false
	}
	if !lo.lower {
		lo, hi = hi, lo
	}
	value := func(b bound) string { return numberWords(b.x, b.name, ind, lang) }
	loOp, hiOp := "<", "<"
	if lo.closed {
		loOp = "≤"
	}
	if hi.closed {
		hiOp = "≤"
	}
	name := variableName(lo.name).String(lang)
	return value(lo) + " " + loOp + " " + name + " " + hiOp + " " + value(hi), true
}

// bound is a comparison of a variable with a number: name ≥ x (lower) or name < x.
type bound struct {
	name          string
	x             float64
	lower, closed bool
}

func boundOf(p *rules.Phrase) (bound, bool) {
	if p.Op != rules.PhraseCompare {
		return bound{}, false
	}
	l, r, cmp := p.L, p.R, p.Cmp
	if l.Op == 0 && l.Name == "" {
		l, r = r, l
		cmp = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[cmp]
	}
	if l.Op != 0 || l.Name == "" || r.Op != 0 || r.Name != "" {
		return bound{}, false
	}
	switch cmp {
	case ">", ">=":
		return bound{name: l.Name, x: r.Num, lower: true, closed: cmp == ">="}, true
	case "<", "<=":
		return bound{name: l.Name, x: r.Num, closed: cmp == "<="}, true
	}
	return bound{}, false
}

// leafName is the variable a formula is, or "".
func leafName(t *rules.Formula) string {
	if t.Op == 0 {
		return t.Name
	}
	return ""
}

// Formula binding strengths, for parentheses.
const (
	bindSum = iota + 1
	bindProduct
	bindNeg
)

// termWords writes a formula with reviewers' names for the variables; a number is written
// in the unit of the variable it is compared with (beside). A guard added against float
// error before floor or ceil (+ 1e-9) is left out: it is no part of the rule.
func termWords(t *rules.Formula, beside string, ind *indicators.Indicator, lang i18n.Lang, outer int) string {
	wrap := func(s string, bind int) string {
		if outer > bind {
			return "(" + s + ")"
		}
		return s
	}
	switch t.Op {
	case 0:
		if t.Name != "" {
			return variableName(t.Name).String(lang)
		}
		return numberWords(t.Num, beside, ind, lang)
	case 'n':
		return wrap("−"+termWords(t.X, beside, ind, lang, bindNeg), bindNeg)
	case '+', '-':
		if guard(t.Y) {
			return termWords(t.X, beside, ind, lang, outer)
		}
		sign := map[byte]string{'+': " + ", '-': " − "}[t.Op]
		return wrap(termWords(t.X, beside, ind, lang, bindSum)+sign+termWords(t.Y, beside, ind, lang, bindSum+1), bindSum)
	case '*', '/':
		sign := map[byte]string{'*': " × ", '/': " ÷ "}[t.Op]
		return wrap(termWords(t.X, "", ind, lang, bindProduct)+sign+termWords(t.Y, "", ind, lang, bindProduct+1), bindProduct)
	case 'f':
		args := make([]string, len(t.Args))
		for i, a := range t.Args {
			args[i] = termWords(a, beside, ind, lang, 0)
		}
		switch {
		case len(args) == 1 && t.Name == "floor":
			return "⌊" + args[0] + "⌋"
		case len(args) == 1 && t.Name == "ceil":
			return "⌈" + args[0] + "⌉"
		case len(args) == 1 && t.Name == "abs":
			return "|" + args[0] + "|"
		case t.Name == "round":
			return i18n.Pick(lang, "四舍五入", "round") + "(" + strings.Join(args, ", ") + ")"
		}
		return t.Name + "(" + strings.Join(args, ", ") + ")"
	}
	return t.Expr
}

// guard reports whether a term is a tiny constant added against float error.
func guard(t *rules.Formula) bool {
	return t.Op == 0 && t.Name == "" && t.Num > 0 && t.Num < 1e-6
}

// formulaValue is a formula's value for the indicator when it rests only on what the
// indicator states once (weight, target, numbers), not on its actual.
func formulaValue(t *rules.Formula, ind *indicators.Indicator) (float64, bool) {
	switch t.Op {
	case 0:
		switch t.Name {
		case "":
			return t.Num, true
		case "weight":
			return ind.Weight, true
		case "target":
			return ind.Target.Num, ind.Target.IsNum
		}
		return 0, false
	case 'n':
		x, ok := formulaValue(t.X, ind)
		return -x, ok
	case '+', '-', '*', '/':
		x, ok1 := formulaValue(t.X, ind)
		y, ok2 := formulaValue(t.Y, ind)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch t.Op {
		case '+':
			return x + y, true
		case '-':
			return x - y, true
		case '*':
			return x * y, true
		}
		return x / y, y != 0
	case 'f':
		var xs []float64
		for _, a := range t.Args {
			x, ok := formulaValue(a, ind)
			if !ok {
				return 0, false
			}
			xs = append(xs, x)
		}
		switch {
		case len(xs) == 0:
		case t.Name == "min":
			return slices.Min(xs), true
		case t.Name == "max":
			return slices.Max(xs), true
		case len(xs) > 1:
		case t.Name == "abs":
			return math.Abs(xs[0]), true
		case t.Name == "floor":
			return math.Floor(xs[0]), true
		case t.Name == "ceil":
			return math.Ceil(xs[0]), true
		}
	}
	return 0, false
}

// variableNames are the reviewer's names of the variables a condition may use.
var variableNames = map[string]i18n.Text{
	"actual": i18n.T("实际值", "actual"), "rate": i18n.T("完成率", "completion rate"),
	"target": i18n.T("指标值", "target"), "prior": i18n.T("上年值", "last year's value"),
	"weight": i18n.T("分值", "weight"), "text": i18n.T("实际值", "actual"),
	"late_days": i18n.T("逾期天数", "days late"), "late_months": i18n.T("逾期月数", "months late"),
	"funds.budget": i18n.T("年初预算", "budget"), "funds.adjustment": i18n.T("年中调整", "adjustment"),
	"funds.allocated": i18n.T("年度拨付", "allocated"), "funds.balance": i18n.T("本年度结余", "balance"),
	"funds.received": i18n.T("实际到位", "received"), "funds.spent": i18n.T("实际支出", "spent"),
	"funds.unspent": i18n.T("结余", "unspent"), "funds.unspent_rate": i18n.T("结余率", "unspent rate"),
	"funds.full_year_budget": i18n.T("全年预算", "full-year budget"),
	"funds.execution_rate":   i18n.T("预算执行率", "execution rate"),
}

func variableName(name string) i18n.Text {
	if t, ok := variableNames[name]; ok {
		return t
	}
	return i18n.T("%s", "%s", name)
}

// numberWords writes a number compared with the variable beside: a fraction rate as a
// percentage, an actual or target with the indicator's unit, days and months as such.
func numberWords(x float64, beside string, ind *indicators.Indicator, lang i18n.Lang) string {
	switch beside {
	case "actual", "target", "prior":
		return valueText(x, analysis.VarActual, ind)
	case "rate", "funds.execution_rate":
		return valueText(x, analysis.VarRate, ind)
	case "funds.unspent_rate":
		return num.Short(x, 4) + "%"
	case "late_days":
		if x == math.Trunc(x) && math.Abs(x) < 1e6 {
			return count(int(x), "天", "day", "days").String(lang)
		}
	case "late_months":
		if x == math.Trunc(x) && math.Abs(x) < 1e6 {
			return count(int(x), "个月", "month", "months").String(lang)
		}
	case "weight":
		return i18n.T("%s 分", "%s points", num.Short(x, 4)).String(lang)
	}
	return num.Short(x, 6)
}

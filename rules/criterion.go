package rules

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"jixiao/internal/num"
)

// CriterionContext is what the reader of a criterion needs to know of its indicator.
type CriterionContext struct {
	Weight  float64 // 分值: for 得满分 and shares of the weight
	Target  float64 // 指标值, NaN when not a number: for 未达到 and 按比例
	Percent bool    // the indicator is measured in percent (unit %): 95% means actual 95
	Text    bool    // the actual value is text (定性): 达成/部分达成 become conditions on text
}

// Span is a stretch of a criterion's text, in runes: [Start, End).
type Span struct {
	Start, End int
}

// DerivedTier is a tier read from criterion prose, with the span of text it came from.
type DerivedTier struct {
	When     string
	Score    string   // an expression; empty for a discretionary range
	Min, Max *float64 // a discretionary range
	Span     Span
	Source   string // the text of the span
}

// Unparsed is a span of a criterion that the reader could not turn into a tier.
type Unparsed struct {
	Span   Span
	Source string
	Reason string // why: one of the Unparsed… phrases
}

// Why a part of a criterion was left unread: stable short phrases.
const (
	UnparsedNoScore   = "no score in this part"
	UnparsedCondition = "condition not understood"
	UnparsedLastYear  = "compares with last year"
)

// ReadCriterion reads criterion prose such as "参保率≥99.22%得20分，99.22%>参保率≥98.5%得18分，
// 参保率<98%不得分" into ordered tiers over actual (or rate, where the text speaks of a
// completion ratio of a quantity that is not itself a percentage). Whatever it cannot read
// is returned as Unparsed with its exact span; nothing is guessed. A literal reading that
// looks like a typo ("95%>覆盖面<90%") is kept literally, for the criteria analysis to report.
func ReadCriterion(text string, ctx CriterionContext) ([]DerivedTier, []Unparsed) {
	r := &reader{ctx: ctx, orig: []rune(text)}
	r.normalize()
	if containsAny(string(r.norm), lastYearWords) {
		// Growth over last year needs last year's value in each condition; reading the
		// numbers alone would score the growth rate as if it were the completion rate.
		span := Span{0, len(r.orig)}
		return nil, []Unparsed{{Span: span, Source: text, Reason: UnparsedLastYear}}
	}
	r.rateMode = r.usesRate()
	clauses := r.clauses()
	r.zeroTier = false
	for _, c := range clauses {
		if c.score != nil && isNotStarted(string(r.norm[c.condFrom:c.condTo])) {
			r.zeroTier = true
		}
	}
	var tiers []DerivedTier
	var unparsed []Unparsed
	for i, c := range clauses {
		span := r.span(c.from, c.to)
		if c.score == nil {
			if c.terminator && len(tiers) > 0 {
				continue // 扣完为止 and the like close the tier before
			}
			unparsed = append(unparsed, Unparsed{Span: span, Source: r.source(span), Reason: UnparsedNoScore})
			continue
		}
		when, ok := r.condition(c, i == len(clauses)-1)
		if !ok {
			unparsed = append(unparsed, Unparsed{Span: span, Source: r.source(span), Reason: UnparsedCondition})
			continue
		}
		t := DerivedTier{When: when, Span: span, Source: r.source(span)}
		if c.score.rng {
			lo, hi := c.score.min, c.score.max
			t.Min, t.Max = &lo, &hi
		} else {
			t.Score = c.score.expr
			if c.deduction != nil {
				t.Score = c.deduction.expr() // the condition may have fixed what it counts from
			}
		}
		tiers = append(tiers, t)
	}
	return tiers, unparsed
}

// reader holds one criterion being read.
type reader struct {
	ctx      CriterionContext
	orig     []rune
	norm     []rune // the text normalised: half-width, no blanks, ≥ for \geq…
	at       []int  // for each rune of norm, its index in orig
	rateMode bool   // percentages are completion rates
	zeroTier bool   // some clause scores "not started" (未开展)
	prev     []cmp  // the previous tier's comparisons, for a bare 未达到
}

func (r *reader) span(from, to int) Span {
	if from >= len(r.at) {
		return Span{len(r.orig), len(r.orig)}
	}
	end := len(r.orig)
	if to < len(r.at) {
		end = r.at[to]
	}
	// Trim trailing blanks of the original text from the span.
	for end > r.at[from] && unicode.IsSpace(r.orig[end-1]) {
		end--
	}
	return Span{r.at[from], end}
}

func (r *reader) source(s Span) string { return string(r.orig[s.Start:s.End]) }

var latex = []struct{ from, to string }{
	{`\geqslant`, "≥"}, {`\leqslant`, "≤"}, {`\geq`, "≥"}, {`\leq`, "≤"}, {`\ge`, "≥"}, {`\le`, "≤"},
	{`\gt`, ">"}, {`\lt`, "<"}, {`\times`, "×"}, {`\%`, "%"},
}

// normalize maps full-width forms to ASCII, ≧ ≦ to ≥ ≤, TeX comparisons left by PDF
// extraction to their signs, and drops blanks and $, keeping for each rune where it came from.
func (r *reader) normalize() {
	for i := 0; i < len(r.orig); i++ {
		if r.clauseStart() {
			i += numberingLen(r.orig[i:])
			if i >= len(r.orig) {
				break
			}
		}
		c := r.orig[i]
		if c == '\\' {
			matched := false
			for _, l := range latex {
				if strings.HasPrefix(string(r.orig[i:min(len(r.orig), i+len(l.from))]), l.from) {
					for _, o := range l.to {
						r.norm = append(r.norm, o)
						r.at = append(r.at, i)
					}
					i += len([]rune(l.from)) - 1
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		switch {
		case c >= 0xFF01 && c <= 0xFF5E:
			c -= 0xFEE0
		case c == '≧':
			c = '≥'
		case c == '≦':
			c = '≤'
		case c == '〜':
			c = '~'
		case c == '—' || c == '–' || c == '－':
			c = '-'
		case c == '、' && i+1 < len(r.orig) && isDigitRune(r.orig[i+1]) && i > 0 && isDigitRune(r.orig[i-1]):
			c = ','
		}
		if c == '\n' || c == '\r' { // a line break ends a clause
			c = ';'
		}
		if unicode.IsSpace(c) || c == '$' || c == 0x3000 {
			continue
		}
		r.norm = append(r.norm, c)
		r.at = append(r.at, i)
	}
	r.arabic()
}

// clauseStart reports whether the text normalised so far ends a clause.
func (r *reader) clauseStart() bool {
	if len(r.norm) == 0 {
		return true
	}
	return strings.ContainsRune(";；。,，", r.norm[len(r.norm)-1])
}

// numberingLen is the length of a clause's leading number in the original text ("1. ",
// "2、", "(3)", "（4）", "①", "一、"), blanks before it included; 0 if there is none.
func numberingLen(s []rune) int {
	i := 0
	for i < len(s) && unicode.IsSpace(s[i]) {
		i++
	}
	if i == len(s) {
		return 0
	}
	stripped := stripNumbering(string(s[i:]))
	if n := len(s[i:]) - len([]rune(stripped)); n > 0 {
		return i + n
	}
	return 0
}

// numeralUnits may follow a lone Chinese numeral that is meant as a number (三期, 两人).
const numeralUnits = "人期个项次天日月年户家件元%"

// arabic writes Chinese numerals as digits where they are meant as numbers: always for
// two characters or more (两千, 十五), for one only before a unit or as a score (三期, 得五分).
func (r *reader) arabic() {
	var norm []rune
	var at []int
	for i := 0; i < len(r.norm); i++ {
		v, n, ok := num.LeadingChinese(string(r.norm[i:]))
		if ok {
			k := len([]rune(string(r.norm[i:])[:n]))
			next := rune(0)
			if i+k < len(r.norm) {
				next = r.norm[i+k]
			}
			prev := rune(0)
			if i > 0 {
				prev = r.norm[i-1]
			}
			if k >= 2 || strings.ContainsRune(numeralUnits, next) || next == '分' && strings.ContainsRune("得扣计给减", prev) {
				for _, d := range fmtNum(v) {
					norm = append(norm, d)
					at = append(at, r.at[i])
				}
				i += k - 1
				continue
			}
		}
		norm = append(norm, r.norm[i])
		at = append(at, r.at[i])
	}
	r.norm, r.at = norm, at
}

func isDigitRune(c rune) bool { return c >= '0' && c <= '9' || c >= '０' && c <= '９' }

// usesRate decides whether the criterion's percentages are completion rates: they are when
// the indicator itself is not measured in percent (资金投入 in 万元 scored "100%得10分").
func (r *reader) usesRate() bool {
	if r.ctx.Percent || r.ctx.Text {
		return false
	}
	return strings.ContainsRune(string(r.norm), '%')
}

// clause is one tier's worth of text: a condition and its score.
type clause struct {
	from, to         int // in norm
	condFrom, condTo int // the condition: the clause without its score phrase
	score            *scorePhrase
	terminator       bool // 扣完为止: closes the previous tier, gives no tier of its own
	deduction        *deduction
}

type scorePhrase struct {
	from, to int // in norm
	expr     string
	rng      bool
	min, max float64
}

type deduction struct {
	below bool    // 每降低/每少 (else 每超过/每多)
	step  float64 // per how much
	pts   float64 // points off
	rel   bool    // the step is a percentage of the target, not points of the unit
	// from is the threshold the deduction counts from: the full-marks tier's bound before
	// it ("达到95%得满分；每降低1个百分点扣2分" counts from 95); nil for the target.
	from *cmp
	// points: the step is in percentage points (个百分点, %)
	points bool
}

var (
	numberRE = `(\d+(?:\.\d+)?)`
	// Score phrases, most specific first. Each leaves the rest of its piece as the condition.
	rangeRE      = regexp.MustCompile(`(?:得|计|给)?` + numberRE + `分?(?:~|-|至|到)` + numberRE + `分`)
	shareRangeRE = regexp.MustCompile(`(?:得|按|计)?分值的?` + numberRE + `%?(?:~|-|至|到)` + numberRE + `%(?:计分|得分|计)?`)
	shareSideRE  = regexp.MustCompile(`(?:得|按|计)?分值的?` + numberRE + `%(?:\(含\))?(?:及)?(以下|以上)(?:计分|得分|计)?`)
	shareRE      = regexp.MustCompile(`(?:得|按|计)?分值的?` + numberRE + `%(?:计分|得分|计)?`)
	fullRE       = regexp.MustCompile(`(?:得|计|给|为)?满分`)
	zeroRE       = regexp.MustCompile(`不得分|不计分|不给分|得0分|计0分|0分|扣完全部分值|该项不得分`)
	propRE       = regexp.MustCompile(`按(?:实际)?(?:完成|执行)?(?:比例|比率|率)(?:得分|计分|计算|折算)(?:得分)?|按比例(?:得分|计分)|按完成率计分|按完成情况(?:比例)?(?:得分|计分)`)
	pointsRE     = regexp.MustCompile(`(?:得|计|给|为)` + numberRE + `分|` + numberRE + `分`)
	deductVerbs  = `(降低|下降|减少|低于|不足|超过|增加|高于|超出|提高|少|多|低|高|降|减|超)`
	deductUnits  = `(个百分点|百分点|%|个|人|期|次|天|日|项|户|件|元|万元)?`
	deductRE     = regexp.MustCompile(`每` + deductVerbs + numberRE + `?` + deductUnits + `(?:扣|减)` + numberRE + `分`)
	// "少1期扣1分": the same without 每, where the step must be written.
	deductBareRE = regexp.MustCompile(`^` + deductVerbs + numberRE + deductUnits + `(?:扣|减)` + numberRE + `分`)
	terminatorRE = regexp.MustCompile(`^(?:扣完为止|扣完即止|扣完不倒扣|最低为?0分|不倒扣分?|以此类推|依次类推)$`)
)

// scoreOf finds the score phrase of a piece of normalised text.
func (r *reader) scoreOf(text string) (*scorePhrase, *deduction) {
	w := r.ctx.Weight
	m := deductRE.FindStringSubmatchIndex(text)
	if m == nil {
		m = deductBareRE.FindStringSubmatchIndex(text)
	}
	if m != nil {
		verb := text[m[2]:m[3]]
		step := 1.0
		if m[4] >= 0 {
			step, _ = strconv.ParseFloat(text[m[4]:m[5]], 64)
		}
		unit := ""
		if m[6] >= 0 {
			unit = text[m[6]:m[7]]
		}
		pts, _ := strconv.ParseFloat(text[m[8]:m[9]], 64)
		if math.IsInf(step, 0) || math.IsInf(pts, 0) || math.Abs(pts) > MaxScore {
			return nil, nil
		}
		d := &deduction{below: strings.ContainsAny(verb, "降减少低不"), step: step, pts: pts,
			rel: unit == "%" && !r.ctx.Percent, points: unit == "%" || strings.Contains(unit, "百分点")}
		if step <= 0 {
			return nil, nil
		}
		return &scorePhrase{from: m[0], to: m[1], expr: d.expr()}, d
	}
	try := []func() *scorePhrase{
		func() *scorePhrase {
			if m := shareRangeRE.FindStringSubmatchIndex(text); m != nil {
				lo, _ := strconv.ParseFloat(text[m[2]:m[3]], 64)
				hi, _ := strconv.ParseFloat(text[m[4]:m[5]], 64)
				a, b := round6(w*lo/100), round6(w*hi/100)
				return &scorePhrase{from: m[0], to: m[1], rng: true, min: math.Min(a, b), max: math.Max(a, b)}
			}
			return nil
		},
		func() *scorePhrase {
			if m := shareSideRE.FindStringSubmatchIndex(text); m != nil {
				p, _ := strconv.ParseFloat(text[m[2]:m[3]], 64)
				a, b := 0.0, round6(w*p/100)
				if text[m[4]:m[5]] == "以上" {
					a, b = b, w
				}
				return &scorePhrase{from: m[0], to: m[1], rng: true, min: math.Min(a, b), max: math.Max(a, b)}
			}
			return nil
		},
		func() *scorePhrase {
			if m := shareRE.FindStringSubmatchIndex(text); m != nil {
				p, _ := strconv.ParseFloat(text[m[2]:m[3]], 64)
				return &scorePhrase{from: m[0], to: m[1], expr: "weight * " + fmtNum(p/100)}
			}
			return nil
		},
		func() *scorePhrase {
			if m := rangeRE.FindStringSubmatchIndex(text); m != nil {
				lo, _ := strconv.ParseFloat(text[m[2]:m[3]], 64)
				hi, _ := strconv.ParseFloat(text[m[4]:m[5]], 64)
				if lo <= hi {
					return &scorePhrase{from: m[0], to: m[1], rng: true, min: lo, max: hi}
				}
			}
			return nil
		},
		func() *scorePhrase {
			if m := propRE.FindStringIndex(text); m != nil {
				return &scorePhrase{from: m[0], to: m[1], expr: "weight * min(rate, 1)"}
			}
			return nil
		},
		func() *scorePhrase {
			if m := fullRE.FindStringIndex(text); m != nil {
				return &scorePhrase{from: m[0], to: m[1], expr: "weight"}
			}
			return nil
		},
		func() *scorePhrase {
			if m := zeroRE.FindStringIndex(text); m != nil {
				return &scorePhrase{from: m[0], to: m[1], expr: "0"}
			}
			return nil
		},
		func() *scorePhrase {
			if m := pointsRE.FindStringSubmatchIndex(text); m != nil {
				g := 2
				if m[2] < 0 {
					g = 4
				}
				return &scorePhrase{from: m[0], to: m[1], expr: fmtNum(mustFloat(text[m[g]:m[g+1]]))}
			}
			return nil
		},
	}
	// The earliest phrase in the text wins; among phrases at the same place, the first tried.
	var best *scorePhrase
	for _, f := range try {
		if s := f(); s != nil && s.sane() && (best == nil || s.from < best.from) {
			best = s
		}
	}
	return best, nil
}

// sane reports whether a score phrase's numbers are finite and of a size a score can have;
// "得9999…9分" is no score.
func (s *scorePhrase) sane() bool {
	ok := func(f float64) bool { return !math.IsNaN(f) && math.Abs(f) <= MaxScore }
	if s.rng {
		return ok(s.min) && ok(s.max)
	}
	return !strings.Contains(s.expr, "Inf") && !strings.Contains(s.expr, "NaN") && !strings.Contains(s.expr, "e+")
}

func (d *deduction) expr() string {
	x, from, scale := "actual", "target", ""
	if f := d.from; f != nil {
		from = fmtNum(f.value)
		if f.rate {
			x, scale = "rate", " * 100" // a completion rate, in percentage points
		}
	}
	gap := "max(0, " + from + " - " + x + ")"
	if !d.below {
		gap = "max(0, " + x + " - " + from + ")"
	}
	if d.from == nil && d.rel {
		gap = "(" + gap + " / target * 100)"
	}
	return "max(0, weight - " + gap + scale + " * " + fmtNum(d.pts/d.step) + ")"
}

func round6(x float64) float64 { return float64(int64(x*1e6+0.5)) / 1e6 }

func mustFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// fmtNum writes a number for an expression: plainly, or with an exponent when it is too
// large for an integer literal (expr reads 9227000000000000000 as an int, and overflows).
func fmtNum(f float64) string {
	if math.Abs(f) >= 1e15 {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// clauses cuts the normalised text into tiers: at ；; 。 and line ends always, at ，, when
// not a thousands separator; then pieces without a score join the next piece that has one
// ("未全部完成，按完成情况得15~18分"), and a piece with two scores is cut after the first.
func (r *reader) clauses() []clause {
	text := r.norm
	var pieces [][2]int
	start := 0
	for i := 0; i <= len(text); i++ {
		cut := i == len(text)
		if !cut {
			switch text[i] {
			case ';', '。', '；', '\n':
				cut = true
			case ',', '，':
				cut = !(i > 0 && isDigitRune(text[i-1]) && i+3 < len(text)+0 && threeDigitsAt(text, i+1))
			}
		}
		if cut {
			if i > start {
				pieces = append(pieces, [2]int{start, i})
			}
			start = i + 1
		}
	}
	var out []clause
	pending, pendingTo := -1, -1 // condition pieces waiting for a score
	for _, p := range pieces {
		from, to := p[0], p[1]
		for from < to {
			piece := string(text[from:to])
			s, d := r.scoreOf(piece)
			if s == nil {
				if terminatorRE.MatchString(piece) {
					out = append(out, clause{from: from, to: to, terminator: true})
				} else {
					if pending < 0 {
						pending = from
					}
					pendingTo = to
				}
				break
			}
			// Byte offsets of the match → rune offsets in norm.
			sFrom := from + len([]rune(piece[:s.from]))
			sTo := from + len([]rune(piece[:s.to]))
			c := clause{from: from, to: sTo, condFrom: from, condTo: sFrom, deduction: d}
			if pending >= 0 {
				c.from, c.condFrom = pending, pending
				pending = -1
			}
			sc := *s
			sc.from, sc.to = sFrom, sTo
			c.score = &sc
			// Text after the score that is not another score belongs to this clause's condition
			// only if it is a qualifier; otherwise it starts the next clause.
			if rest := strings.TrimSpace(string(text[sTo:to])); rest != "" {
				if next, _ := r.scoreOf(rest); next == nil {
					if terminatorRE.MatchString(rest) || isTrailer(rest) {
						c.to = to
						out = append(out, c)
						from = to
						continue
					}
				}
			}
			out = append(out, c)
			from = sTo
		}
	}
	if pending >= 0 {
		out = append(out, clause{from: pending, to: pendingTo})
	}
	return out
}

// isTrailer is text after a score that only comments on it: "（含）", "扣完为止".
func isTrailer(s string) bool {
	return terminatorRE.MatchString(s) || s == "(含)" || s == "为止" || s == "。"
}

func threeDigitsAt(text []rune, i int) bool {
	if i+3 > len(text) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigitRune(text[k]) {
			return false
		}
	}
	return i+3 == len(text) || !isDigitRune(text[i+3])
}

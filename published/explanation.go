package published

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"jixiao/indicators"
)

// ClaimKind is what a sentence of the 情况说明 states.
type ClaimKind string

// The kinds of claim.
const (
	ClaimAmount ClaimKind = "amount" // 本年收入合计 307.82 万元
	ClaimShare  ClaimKind = "share"  // …占 34.30%, 占本年支出合计的 100.00%
	ClaimChange ClaimKind = "change" // 增加 633 万元，增长 63.3%
	ClaimRate   ClaimKind = "rate"   // 全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%
)

// Claim is one figure the part explaining the final accounts (部门决算情况说明) states, with
// what it takes to check it.
type Claim struct {
	Kind    ClaimKind      `json:"kind"`
	Subject string         `json:"subject"` // what it is about, as written: 一般公共服务支出（类）
	Section string         `json:"section"` // the heading it stands under
	Pos     indicators.Pos `json:"pos"`     // the figure
	// Value is the figure stated: an amount in 万元 (converted from 元 where so written), or
	// the N of N%.
	Value    float64 `json:"value"`
	Decimals int     `json:"decimals"` // of a percentage as written
	// Amount (share, change, rate): the amount the percentage is about (the share's part, the
	// change's current amount, the rate's spending), as stated before it.
	Amount float64 `json:"amount,omitempty"`
	// Base (share, rate): what the percentage is of: the whole a share is of, the budget a
	// rate is of; BaseName names it (本年支出合计, 年初预算, 全年预算), BaseSet says whether the
	// text states it (else the tables give it, by BaseName).
	Base     float64 `json:"base,omitempty"`
	BaseName string  `json:"base_name,omitempty"`
	BaseSet  bool    `json:"base_set,omitempty"`
	// Change (change): the change stated, signed (减少 is negative); FullBudget (rate, of the
	// 年初预算): the 全年预算 stated beside it, if any.
	Change     float64  `json:"change,omitempty"`
	FullBudget *float64 `json:"full_budget,omitempty"`
	// Item is the classification path an item of the list names (一般公共服务支出（类）社会工作
	// 事务（款）行政运行（项）): the subject of its 支出决算.
	Item string `json:"item,omitempty"`
	// Part is the numbered part of the 情况说明 the claim stands in (五、一般公共预算财政拨款
	// 支出决算情况说明): which funds its classes and codes speak of.
	Part string `json:"part,omitempty"`
}

var (
	// claimRe finds amounts (with a change verb before them) and percentages (with what they
	// are: a share, a growth, a completion rate).
	claimRe = regexp.MustCompile(`(增加|减少|增长|下降|降低|新增|减少了|增加了)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元)` +
		`|(占[^，。；,;\d%]{0,24}?的?|增长|增加|下降|降低|减少|完成[^，。；,;\d%]{0,16}?的?)\s*(-?\d+(?:\.\d+)?)\s*[%％]`)
	clauseEnd    = regexp.MustCompile(`[，。；：,;:]|其中`)
	yearPrefixRe = regexp.MustCompile(`^.*?\d{4}\s*年度?`)
	comparedRe   = regexp.MustCompile(`^(与|比|较).*?(相比|决算数|预算数|上年|同期)`)
	itemPathRe   = regexp.MustCompile(`^\s*\d+\s*[、.．]\s*(.+?[（(]项[)）])`)
	subHeadingRe = regexp.MustCompile(`^\s*([（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+\s*、)`)
)

// readExplanation reads the claims of the part explaining the final accounts.
func readExplanation(r *region) []Claim {
	if r == nil {
		return nil
	}
	var out []Claim
	section, part := "", ""
	type stated struct {
		value float64
		ok    bool
	}
	lead := -1                    // the first amount of the (sub)section, in out: what its shares are of
	named := map[string]float64{} // amounts stated, by subject
	var full, initial stated      // the budgets the current item states
	item := ""
	for _, p := range itemParagraphs(paragraphs(r.lines)) {
		text := p.text
		if m := subHeadingRe.FindStringSubmatch(text); m != nil && heading(text) {
			section = strings.TrimSpace(text)
			if numberedRe.MatchString(key(section)) {
				part = section
			}
			lead, full, initial, item = -1, stated{}, stated{}, ""
			continue
		}
		if m := itemPathRe.FindStringSubmatch(text); m != nil {
			item = squash(m[1])
			full, initial = stated{}, stated{}
		}
		last := -1        // the last amount stated, in out: what a share or a change is about
		var change *Claim // the last change stated: what a growth rate is about
		var spent stated  // 支出决算为 …
		for _, m := range claimRe.FindAllStringSubmatchIndex(text, -1) {
			if m[4] >= 0 { // an amount
				v, ok := parseAmount(text[m[4]:m[5]])
				if !ok {
					continue
				}
				unit := text[m[6]:m[7]]
				if unit == "元" {
					v /= 10000
				}
				if m[2] >= 0 { // a change: 增加 633 万元
					if last < 0 {
						continue
					}
					c := Claim{Kind: ClaimChange, Subject: out[last].Subject, Section: section, Part: part, Pos: p.posAt(m[4]),
						Amount: out[last].Value, Change: v}
					if verb := text[m[2]:m[3]]; strings.HasPrefix(verb, "减少") || verb == "下降" || verb == "降低" {
						c.Change = -v
					}
					change = &c
					continue
				}
				subject := claimSubject(text[:m[4]])
				c := Claim{Kind: ClaimAmount, Subject: subject, Section: section, Part: part, Pos: p.posAt(m[4]), Value: v, Item: item}
				switch k := key(subject); {
				case strings.HasSuffix(k, "全年预算") || strings.HasSuffix(k, "全年预算数") || strings.HasSuffix(k, "调整预算"):
					full = stated{v, true}
					continue
				case strings.HasSuffix(k, "年初预算") || strings.HasSuffix(k, "年初预算数"):
					initial = stated{v, true}
					continue
				case strings.HasSuffix(k, "支出决算") || strings.HasSuffix(k, "决算数"):
					spent = stated{v, true}
				}
				out = append(out, c)
				last = len(out) - 1
				if lead < 0 {
					lead = last
				}
				named[key(subject)] = v
				continue
			}
			// A percentage.
			what := squash(text[m[8]:m[9]])
			n, err := strconv.ParseFloat(text[m[10]:m[11]], 64)
			if err != nil {
				continue
			}
			dec := 0
			if i := strings.IndexByte(text[m[10]:m[11]], '.'); i >= 0 {
				dec = m[11] - m[10] - i - 1
			}
			pos := p.posAt(m[10])
			switch {
			case strings.HasPrefix(what, "占"):
				if last < 0 {
					continue
				}
				c := Claim{Kind: ClaimShare, Subject: out[last].Subject, Section: section, Part: part, Pos: pos, Value: n, Decimals: dec, Amount: out[last].Value}
				base := strings.TrimSuffix(strings.TrimPrefix(what, "占"), "的")
				if base != "" {
					c.BaseName = base
					if v, ok := named[key(base)]; ok {
						c.Base, c.BaseSet = v, true
					}
				} else if lead >= 0 && lead != last {
					c.Base, c.BaseName, c.BaseSet = out[lead].Value, out[lead].Subject, true
				}
				if c.BaseSet || c.BaseName != "" {
					out = append(out, c)
				}
			case strings.HasPrefix(what, "完成"):
				if !spent.ok {
					continue
				}
				c := Claim{Kind: ClaimRate, Subject: item, Section: section, Part: part, Pos: pos, Value: n, Decimals: dec, Amount: spent.value}
				switch {
				case strings.Contains(what, "年初") && initial.ok:
					c.Base, c.BaseName, c.BaseSet = initial.value, "年初预算", true
					if full.ok {
						f := full.value
						c.FullBudget = &f
					}
				case full.ok:
					c.Base, c.BaseName, c.BaseSet = full.value, "全年预算", true
				default:
					continue
				}
				if c.Subject == "" && last >= 0 {
					c.Subject = out[last].Subject
				}
				out = append(out, c)
			default: // 增长 N%, 下降 N%
				if change == nil {
					continue
				}
				c := *change
				c.Value, c.Decimals, c.Pos = n, dec, pos
				if what == "下降" || what == "降低" || what == "减少" {
					c.Value = -n
				}
				out = append(out, c)
				change = nil
			}
		}
	}
	return out
}

// claimSubject is what an amount is said of: the words before it back to the clause's start,
// without a year, a comparison or a verb (为, 共计).
func claimSubject(before string) string {
	locs := clauseEnd.FindAllStringIndex(before, -1)
	if n := len(locs); n > 0 {
		before = before[locs[n-1][1]:]
	}
	s := strings.TrimSpace(before)
	s = yearPrefixRe.ReplaceAllString(s, "")
	s = comparedRe.ReplaceAllString(s, "")
	_, s = splitNumbering(s)
	for _, who := range []string{"本单位", "本部门", "单位", "部门"} {
		if t, ok := strings.CutPrefix(s, who); ok && t != "" {
			s = t
			break
		}
	}
	for _, suffix := range []string{"为", "共计", "达", "是"} {
		if t, ok := strings.CutSuffix(strings.TrimSpace(s), suffix); ok && t != "" {
			s = t
			break
		}
	}
	return strings.TrimSpace(s)
}

// itemParagraphs joins an item of a list whose classification path a line break cut short
// ("3、一般公共服务支出（类）社会工作事务（款）其他社会工作" | "事务支出（项）。…") to the rest of
// it: the first part, short and unpunctuated, reads as a heading of its own.
func itemParagraphs(ps []*para) []*para {
	var out []*para
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if i+1 < len(ps) && itemNumberRe.MatchString(p.text) && strings.Contains(p.text, "类") && !itemPathRe.MatchString(p.text) {
			next := ps[i+1]
			joined := &para{text: p.text + next.text, segs: slices.Clone(p.segs)}
			for _, sg := range next.segs {
				joined.segs = append(joined.segs, paraSeg{off: sg.off + len(p.text), pos: sg.pos})
			}
			if itemPathRe.MatchString(joined.text) {
				out = append(out, joined)
				i++
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

var itemNumberRe = regexp.MustCompile(`^\s*\d+\s*[、.．]`)

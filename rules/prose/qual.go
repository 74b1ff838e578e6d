package prose

import (
	"regexp"
	"strings"
)

// grade is a qualitative band: the text actual matches it when it contains one of keys and
// none of nots ("较好" is not "好", "未建立" is not "建立").
type grade struct {
	label string // the band as written, simplified, without blanks
	orig  string // the band as written (traditional characters kept)
	keys  []string
	nots  []string
	// negated is a regular expression of the keys under a negation (不好, 不太好, 未能达成,
	// 没建立): such a text is not this band. "" for a key that is itself negative (未完成).
	negated string
}

// gradeWords are the words of qualitative bands; the longest one in a band's text is its
// key, unless two bands share it.
var gradeWords = []string{
	"好", "较好", "良好", "一般", "差", "较差", "优秀", "优", "良", "中", "合格", "不合格",
	"达成", "部分达成", "未达成", "基本达成", "建立", "已建立", "未建立", "完成", "全部完成", "未完成",
	"部分完成", "基本完成", "显著", "效果显著", "效果较好", "效果一般", "无明显效果", "明显", "不明显",
	"符合", "不符合", "满意", "基本满意", "不满意", "不理想", "较高", "较低",
}

// negations turn a grade into another: 好 → 较好, 达成 → 未达成.
var negations = []string{"未", "不", "部分", "基本", "较", "没有", "非", "无", "良"}

// Negation before a grade, with at most one word of degree or ability between (不好, 不太好,
// 不够好, 不是很好, 未能达成, 没建立): the grade negated, never the grade itself. 非常 is no
// negation: 常 is not a word between.
const (
	negationWords = `不|未|没有|没|沒有|沒|非|无|無|尚未|仍未|并未|並未|从未|從未`
	degreeWords   = `太|很|够|夠|大|算|甚|怎么|怎麼|是很|是太|是|能|能够|能夠|曾|完全|十分`
)

// negative reports whether a grade's key is itself a negation (未完成, 不合格, 无明显效果).
func negative(k string) bool {
	for _, n := range []string{"不", "未", "没", "沒", "非", "无", "無", "否"} {
		if strings.HasPrefix(k, n) {
			return true
		}
	}
	return false
}

// gradeCond reads a clause's condition as a band of a text actual.
func (r *reader) gradeCond(cl *clause) cond {
	if cl.ce <= cl.cs {
		return cond{kind: condEmpty}
	}
	sp := r.x.span(r.toks[cl.cs].s, r.toks[cl.ce-1].e)
	var orig, simp []rune
	for _, c := range r.x.orig[sp.Start:sp.End] {
		if isGap(c) {
			continue
		}
		orig = append(orig, c)
		simp = append(simp, sign(c))
	}
	// Trim what joins the band to its score: "的", ":", "，", a label.
	trim := func(c rune) bool {
		return strings.ContainsRune("的者,，:：;；、.。()（）[]【】□ ", c) || c == labelRune
	}
	for len(simp) > 0 && trim(simp[len(simp)-1]) {
		simp, orig = simp[:len(simp)-1], orig[:len(orig)-1]
	}
	for len(simp) > 0 && trim(simp[0]) {
		simp, orig = simp[1:], orig[1:]
	}
	if len(simp) == 0 {
		return cond{kind: condEmpty}
	}
	return cond{kind: condText, grade: &grade{label: string(simp), orig: string(orig)}, rule: RuleGrade, words: string(orig)}
}

// simplifiedName is an indicator's name as a band's label is written: simplified, without
// blanks.
func simplifiedName(name string) string {
	var b strings.Builder
	for _, c := range name {
		if !isGap(c) {
			b.WriteRune(sign(c))
		}
	}
	return b.String()
}

// gradeKeys chooses the keys of every band of a criterion: the longest grade word in each
// band, a grade word's negation (基本合格, 不通过) counting as one, or where two bands share a
// word or a band has none, the band's whole text without a leading copy of the indicator's
// name, its subject (验收通过 of 验收 is 通过).
func gradeKeys(gs []*grade, name string) {
	key := make([]string, len(gs))
	longer := func(i int, w string) {
		if strings.Contains(gs[i].label, w) && len([]rune(w)) > len([]rune(key[i])) {
			key[i] = w
		}
	}
	for i := range gs {
		for _, w := range gradeWords {
			longer(i, w)
			for _, n := range negations {
				longer(i, n+w)
			}
		}
	}
	shared := make([]bool, len(gs))
	for i := range gs {
		shared[i] = key[i] == ""
		for j := range gs {
			if i != j && key[i] != "" && key[i] == key[j] {
				shared[i] = true
			}
		}
	}
	for i := range gs {
		if shared[i] {
			key[i] = gs[i].label
			if rest, ok := strings.CutPrefix(key[i], name); ok && name != "" && rest != "" && !containsAny(key, rest) {
				key[i] = rest
			}
		}
	}
	for i, g := range gs {
		k := key[i]
		g.keys = variants(k, g)
		if !negative(k) {
			alts := make([]string, len(g.keys))
			for j, v := range g.keys {
				alts[j] = regexp.QuoteMeta(v)
			}
			g.negated = "(" + negationWords + ")(" + degreeWords + ")?(" + strings.Join(alts, "|") + ")"
		}
		var nots []string
		// The grades this one's key is part of: 较好 is not 好, 未建立 is not 建立.
		for _, w := range gradeWords {
			for _, n := range negations {
				if w == n+k {
					nots = append(nots, w)
				}
			}
		}
		// A band whose key holds this one's is another band: 部分达成 is not 达成.
		for j := range gs {
			if j != i && strings.Contains(key[j], k) && key[j] != k {
				nots = append(nots, key[j])
			}
		}
		seen := map[string]bool{}
		for _, n := range nots {
			for _, v := range variants(n, nil) {
				if !seen[v] && !containsAny(g.keys, v) {
					seen[v] = true
					g.nots = append(g.nots, v)
				}
			}
		}
	}
}

func containsAny(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// variants are a key as simplified and as the text wrote it (較好 for 较好), so that a
// text actual in traditional characters matches too.
func variants(k string, g *grade) []string {
	out := []string{k}
	if g != nil {
		if i := strings.Index(g.label, k); i >= 0 {
			start := len([]rune(g.label[:i]))
			o := []rune(g.orig)
			if start+len([]rune(k)) <= len(o) {
				if v := string(o[start : start+len([]rune(k))]); v != k {
					out = append(out, v)
				}
			}
		}
	}
	var t []rune
	changed := false
	for _, c := range k {
		if tc, ok := traditional[c]; ok {
			t = append(t, tc)
			changed = true
		} else {
			t = append(t, c)
		}
	}
	if changed && !containsAny(out, string(t)) {
		out = append(out, string(t))
	}
	return out
}

// traditional maps simplified characters back, for the variants of a grade.
var traditional = func() map[rune]rune {
	m := map[rune]rune{}
	for t, s := range simplified {
		if old, ok := m[s]; !ok || t < old {
			m[s] = t
		}
	}
	return m
}()

package prose

import (
	"strings"

	"jixiao/internal/i18n"
)

// parseFormula reads the right side of "得分=…" in tokens [a, b): a product of the completion
// rate (完成率, or 实际完成数÷计划数) and the weight (分值, 权重) or a number of points, with a
// cap in brackets ("（超过100%的按100%计）"). Any other quantity leaves it unread.
func (r *reader) parseFormula(a, b int) (*formula, bool, i18n.Text) {
	f := &formula{}
	type factor struct {
		s, e int
		div  bool
	}
	var fs []factor
	start, div, afterMod := a, false, false
	for i := a; i <= b; i++ {
		if i < b && r.toks[i].open() {
			if m, n := r.modifierAt(&cur{r: r, i: i, end: b}); n > 0 {
				f.mod.merge(m)
				if start < i {
					fs = append(fs, factor{start, i, div})
					div = false
				}
				i += n - 1
				start = i + 1
				afterMod = true
				continue
			}
		}
		if i < b && (r.toks[i].open() || r.toks[i].close()) && start == i {
			// A grouping bracket: transparent to the product.
			start = i + 1
			afterMod = true
			continue
		}
		if i == b || r.toks[i].sym("×") || r.toks[i].sym("*") || r.toks[i].sym("/") || r.toks[i].sym("÷") || r.toks[i].close() {
			if start < i {
				fs = append(fs, factor{start, i, div})
			} else if i < b && !afterMod {
				return nil, false, i18n.T("运算符旁没有数量", "an operator without a quantity")
			}
			afterMod = i < b && r.toks[i].close()
			div = i < b && (r.toks[i].sym("/") || r.toks[i].sym("÷"))
			start = i + 1
		}
	}
	var ratio, actual, target, coef int // counts
	for _, x := range fs {
		kind, val := r.factor(x.s, x.e)
		switch {
		case kind == "one" && !x.div:
			// ×100%: a percentage written as such.
		case kind == "coef" && !x.div:
			coef++
			f.coef = val
		case kind == "weight" && !x.div:
			coef++
			f.coefWeight = true
		case kind == "rate" && !x.div:
			ratio++
			f.ratio = ratioRate
		case kind == "percent" && !x.div:
			ratio++
			f.ratio = ratioPercent
		case kind == "actual" && !x.div:
			actual++
		case kind == "target" && x.div:
			target++
		default:
			return nil, false, i18n.T("关于“%s”的公式", "a formula on %s", string(r.x.norm[r.toks[x.s].s:r.toks[x.e-1].e]))
		}
	}
	if actual == 1 && target == 1 && ratio == 0 {
		// 实际完成值÷目标值: the rate, whatever the unit.
		ratio = 1
		f.ratio = ratioRate
	}
	if ratio != 1 || coef != 1 || actual+target != 0 && actual+target != 2 {
		return nil, false, i18n.T("读不懂的公式", "a formula the reader does not follow")
	}
	return f, true, i18n.Text{}
}

// factor classifies one factor of a formula.
func (r *reader) factor(a, b int) (string, dec) {
	if b-a == 1 {
		t := r.toks[a]
		switch {
		case t.k == kNum && t.pct && t.val.cmp(decInt(100)) == 0:
			return "one", dec{}
		case t.k == kNum && !t.pct && (t.unit == "" || t.unit == "分"):
			return "coef", t.val
		}
	}
	var hasWeight, hasRate, hasActual, hasTarget bool
	var text strings.Builder
	for i := a; i < b; i++ {
		t := r.toks[i]
		switch {
		case t.is("分值") || t.is("满分"):
			hasWeight = true
		case t.is("完成率") || t.is("比例"):
			hasRate = true
		case t.is("实际值") || t.is("到位") || t.is("完成") || t.is("实际"):
			hasActual = true
		case t.target() || t.is("预算"):
			hasTarget = true
		case t.k == kText:
			text.WriteString(t.w)
			// A rate (…率), or the indicator itself when it is measured in % (满意度).
			if strings.HasSuffix(t.w, "率") || r.ctx.percent() && r.ownRate(t.w) {
				hasRate = true
			}
			if strings.Contains(t.w, "实有") || strings.Contains(t.w, "实际") {
				hasActual = true
			}
			if strings.Contains(t.w, "应") || strings.Contains(t.w, "核定") {
				hasTarget = true
			}
		case t.fillerWord() || t.is("的") || t.is("该项"):
		default:
			return "", dec{}
		}
	}
	// 任务完成率: the words before a rate name it.
	if hasRate {
		hasTarget, hasActual = false, false
	}
	switch {
	case hasWeight && !hasRate && !hasActual && !hasTarget:
		return "weight", dec{}
	case hasTarget && !hasRate:
		return "target", dec{}
	case hasRate && !hasWeight:
		if !r.ctx.percent() {
			return "rate", dec{}
		}
		// The indicator is itself a rate in %: its own rate is actual / 100. Another rate
		// would be another quantity.
		word := string(r.x.norm[r.toks[a].s:r.toks[b-1].e])
		if r.ownRate(word) {
			return "percent", dec{}
		}
		return "", dec{}
	case hasActual && !hasTarget:
		return "actual", dec{}
	}
	return "", dec{}
}

// ownRate reports whether a rate named in a formula is the indicator itself: the name ends
// with it ("修复率" of 水毁设施修复率), or it is the completion rate of a completion-rate
// indicator.
func (r *reader) ownRate(word string) bool {
	name := r.name()
	w := []rune(word)
	for k := 0; k+2 <= len(w); k++ {
		if strings.HasSuffix(name, string(w[k:])) {
			return true
		}
	}
	return false
}

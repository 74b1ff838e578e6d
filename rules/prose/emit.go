package prose

import (
	"math"
	"sort"
	"strings"
)

// interval is a stretch of the variable: [lo, hi] with open or closed ends.
type interval struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

func (iv interval) empty() bool {
	return iv.lo > iv.hi || iv.lo == iv.hi && (iv.loOpen || iv.hiOpen)
}

// set is a union of intervals, for finding tiers that others cover.
type set []interval

func full() interval { return interval{lo: math.Inf(-1), hi: math.Inf(1), loOpen: true, hiOpen: true} }

func setOf(any [][]bound) set {
	var s set
	for _, g := range any {
		iv := full()
		for _, b := range g {
			v := b.v.float()
			switch b.op {
			case opGE, opGT:
				if v > iv.lo || v == iv.lo && b.op == opGT {
					iv.lo, iv.loOpen = v, b.op == opGT
				}
			case opLE, opLT:
				if v < iv.hi || v == iv.hi && b.op == opLT {
					iv.hi, iv.hiOpen = v, b.op == opLT
				}
			case opEQ:
				iv = intersect(iv, interval{lo: v, hi: v})
			case opNE:
				// x ≠ v: two stretches.
				a := intersect(iv, interval{lo: math.Inf(-1), hi: v, loOpen: true, hiOpen: true})
				c := intersect(iv, interval{lo: v, hi: math.Inf(1), loOpen: true, hiOpen: true})
				s = s.union(set{a, c})
				iv = interval{lo: 1, hi: 0}
			}
		}
		if !iv.empty() {
			s = s.union(set{iv})
		}
	}
	return s
}

func intersect(a, b interval) interval {
	out := a
	if b.lo > out.lo || b.lo == out.lo && b.loOpen {
		out.lo, out.loOpen = b.lo, b.loOpen
	}
	if b.hi < out.hi || b.hi == out.hi && b.hiOpen {
		out.hi, out.hiOpen = b.hi, b.hiOpen
	}
	return out
}

func (s set) empty() bool {
	for _, iv := range s {
		if !iv.empty() {
			return false
		}
	}
	return true
}

func (s set) intersect(t set) set {
	var out set
	for _, a := range s {
		for _, b := range t {
			if iv := intersect(a, b); !iv.empty() {
				out = append(out, iv)
			}
		}
	}
	return out
}

func (s set) union(t set) set {
	out := append(append(set{}, s...), t...)
	var keep set
	for _, iv := range out {
		if !iv.empty() {
			keep = append(keep, iv)
		}
	}
	return keep
}

// complement of one interval: up to two.
func (iv interval) complement() set {
	var out set
	if !math.IsInf(iv.lo, -1) {
		out = append(out, interval{lo: math.Inf(-1), hi: iv.lo, loOpen: true, hiOpen: !iv.loOpen})
	}
	if !math.IsInf(iv.hi, 1) {
		out = append(out, interval{lo: iv.hi, hi: math.Inf(1), loOpen: !iv.hiOpen, hiOpen: true})
	}
	return out
}

// minus is s without t.
func (s set) minus(t set) set {
	out := s
	for _, b := range t {
		out = out.intersect(b.complement())
	}
	return out
}

// emit writes the drafts as tiers and returns, per clause, the tier its text belongs to.
func (r *reader) emit(out *Reading) []int {
	tierOf := make([]int, len(r.clauses))
	for i := range tierOf {
		tierOf[i] = -1
	}
	for _, d := range r.drafts {
		if d.dead || d.cl.unread != "" {
			continue
		}
		t := Tier{When: r.when(d), Score: d.score, CondRule: d.condRule, ThenRule: d.thenRule, Conventions: d.conv, Then: d.then}
		if d.rng {
			lo, hi := d.lo.float(), d.hi.float()
			t.Min, t.Max = &lo, &hi
		}
		sp := r.draftSpan(d)
		t.Span, t.Source = sp, string(r.x.orig[sp.Start:sp.End])
		t.Cond = r.condText(d)
		out.Tiers = append(out.Tiers, t)
		k := len(out.Tiers) - 1
		if d.e > d.s {
			// Its own stretch of the clause's text: those tokens are this tier's.
			id := len(r.parts)
			r.parts = append(r.parts, partRec{kind: Used, clause: d.cl.idx, tier: k})
			for i := d.s; i < d.e; i++ {
				if r.owner[i] == d.cl.part {
					r.owner[i] = id
				}
			}
			continue
		}
		tierOf[d.cl.idx] = k
	}
	return tierOf
}

// condText is the condition as read, in words: the text of the clause's condition, or what
// was implied.
func (r *reader) condText(d *draft) string {
	if d.implied && d.e <= d.s {
		return ""
	}
	cl := d.cl
	s, e := cl.cs, cl.ce
	if d.e > d.s {
		s, e = d.s, min(d.e, cl.ce)
	}
	if d.adjust && (d.e > d.s || cl.cond.kind == condEmpty) || e <= s {
		return ""
	}
	sp := r.x.span(r.toks[s].s, r.toks[e-1].e)
	return strings.TrimRight(string(r.x.orig[sp.Start:sp.End]), "，,：: ")
}

// when writes a draft's condition as an expression.
func (r *reader) when(d *draft) string {
	switch {
	case d.always:
		return "true"
	case d.grade != nil:
		return gradeExpr(d.grade)
	}
	var groups []string
	for _, g := range d.any {
		bs := append([]bound(nil), g...)
		// Lower bounds first, then equalities, then upper bounds: "actual >= 98.5 && actual < 99.22".
		rank := func(b bound) int {
			switch {
			case b.op.lower():
				return 0
			case b.op.upper():
				return 2
			}
			return 1
		}
		sort.SliceStable(bs, func(i, j int) bool { return rank(bs[i]) < rank(bs[j]) })
		var parts []string
		for _, b := range bs {
			parts = append(parts, b.on.name()+" "+b.op.String()+" "+b.v.String())
		}
		groups = append(groups, strings.Join(parts, " && "))
	}
	return strings.Join(groups, " || ")
}

// gradeExpr: the text contains one of the keys, none of the words that make it another
// band, and no negation of it.
func gradeExpr(g *grade) string {
	var keys []string
	for _, k := range g.keys {
		keys = append(keys, "text contains "+quote(k))
	}
	e := strings.Join(keys, " || ")
	if len(keys) > 1 && (len(g.nots) > 0 || g.negated != "") {
		e = "(" + e + ")"
	}
	for _, n := range g.nots {
		e += " && !(text contains " + quote(n) + ")"
	}
	if g.negated != "" {
		e += " && !(text matches " + quote(g.negated) + ")"
	}
	return e
}

// quote writes an expr string literal.
func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

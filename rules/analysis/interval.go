package analysis

import (
	"math"
	"sort"
	"strconv"
)

// Interval is a set of reals between two ends, each open or closed. Lo may be −∞ and Hi
// +∞ (an infinite end is always open).
type Interval struct {
	Lo, Hi             float64
	LoClosed, HiClosed bool
}

// Empty reports whether the interval holds no number.
func (iv Interval) Empty() bool {
	return iv.Lo > iv.Hi || iv.Lo == iv.Hi && !(iv.LoClosed && iv.HiClosed)
}

// Contains reports whether x lies in the interval.
func (iv Interval) Contains(x float64) bool {
	if x < iv.Lo || x > iv.Hi {
		return false
	}
	if x == iv.Lo && !iv.LoClosed || x == iv.Hi && !iv.HiClosed {
		return false
	}
	return true
}

// Point reports whether the interval is a single number.
func (iv Interval) Point() bool { return iv.Lo == iv.Hi && iv.LoClosed && iv.HiClosed }

// String writes the interval in mathematical notation: "[90, 95)", "[217100, +∞)".
func (iv Interval) String() string {
	lo, hi := "(", ")"
	if iv.LoClosed {
		lo = "["
	}
	if iv.HiClosed {
		hi = "]"
	}
	return lo + fmtBound(iv.Lo) + ", " + fmtBound(iv.Hi) + hi
}

func fmtBound(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "+∞"
	case math.IsInf(x, -1):
		return "−∞"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// Set is a union of disjoint intervals in increasing order, with no two touching (they
// would have been merged).
type Set []Interval

// All is the whole real line.
func All() Set {
	return Set{{Lo: math.Inf(-1), Hi: math.Inf(1)}}
}

// Range is the one interval, normalised; empty intervals give the empty set.
func Range(iv Interval) Set {
	if math.IsInf(iv.Lo, -1) {
		iv.LoClosed = false
	}
	if math.IsInf(iv.Hi, 1) {
		iv.HiClosed = false
	}
	if iv.Empty() {
		return nil
	}
	return Set{iv}
}

// Empty reports whether the set holds no number.
func (s Set) Empty() bool { return len(s) == 0 }

// Contains reports whether x lies in the set.
func (s Set) Contains(x float64) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].Hi >= x })
	return i < len(s) && s[i].Contains(x)
}

// Intersect returns the numbers in both sets.
func (s Set) Intersect(t Set) Set {
	var out Set
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		a, b := s[i], t[j]
		iv := Interval{Lo: a.Lo, LoClosed: a.LoClosed, Hi: a.Hi, HiClosed: a.HiClosed}
		if b.Lo > iv.Lo || b.Lo == iv.Lo && !b.LoClosed {
			iv.Lo, iv.LoClosed = b.Lo, b.LoClosed
		}
		if b.Hi < iv.Hi || b.Hi == iv.Hi && !b.HiClosed {
			iv.Hi, iv.HiClosed = b.Hi, b.HiClosed
		}
		if !iv.Empty() {
			out = append(out, iv)
		}
		// Advance whichever ends first.
		if a.Hi < b.Hi || a.Hi == b.Hi && !a.HiClosed {
			i++
		} else {
			j++
		}
	}
	return out
}

// Complement returns the numbers not in the set.
func (s Set) Complement() Set {
	var out Set
	lo, loClosed := math.Inf(-1), false
	for _, iv := range s {
		gap := Interval{Lo: lo, LoClosed: loClosed, Hi: iv.Lo, HiClosed: !iv.LoClosed}
		if !gap.Empty() {
			out = append(out, gap)
		}
		lo, loClosed = iv.Hi, !iv.HiClosed
	}
	if tail := (Interval{Lo: lo, LoClosed: loClosed, Hi: math.Inf(1)}); !tail.Empty() && !math.IsInf(lo, 1) {
		out = append(out, tail)
	}
	return out
}

// Union returns the numbers in either set.
func (s Set) Union(t Set) Set {
	all := make([]Interval, 0, len(s)+len(t))
	all = append(all, s...)
	all = append(all, t...)
	return normalize(all)
}

// Minus returns the numbers of s not in t.
func (s Set) Minus(t Set) Set { return s.Intersect(t.Complement()) }

// normalize sorts intervals and merges those that overlap or touch.
func normalize(ivs []Interval) Set {
	sort.Slice(ivs, func(i, j int) bool {
		if ivs[i].Lo != ivs[j].Lo {
			return ivs[i].Lo < ivs[j].Lo
		}
		return ivs[i].LoClosed && !ivs[j].LoClosed
	})
	var out Set
	for _, iv := range ivs {
		if iv.Empty() {
			continue
		}
		if n := len(out); n > 0 {
			last := &out[n-1]
			if iv.Lo < last.Hi || iv.Lo == last.Hi && (iv.LoClosed || last.HiClosed) {
				if iv.Hi > last.Hi || iv.Hi == last.Hi && iv.HiClosed {
					last.Hi, last.HiClosed = iv.Hi, iv.HiClosed
				}
				continue
			}
		}
		out = append(out, iv)
	}
	return out
}

// String writes the set as a union of intervals: "[0, 90) ∪ [95, 100]".
func (s Set) String() string {
	if len(s) == 0 {
		return "∅"
	}
	out := ""
	for i, iv := range s {
		if i > 0 {
			out += " ∪ "
		}
		out += iv.String()
	}
	return out
}

package prose

import (
	"math"
	"strconv"
)

// dec is an exact decimal m × 10^-e. Thresholds are decimals as written; computing bounds
// (80% → 0.8, 1 − 4%, a share of the weight) in decimal keeps them exact in the expressions
// written, where float arithmetic would leave 0.9600000000000001.
type dec struct {
	m int64
	e int8
}

const (
	decMaxMantissa = 1e17
	decMaxExp      = 12
	// maxValue bounds any number read: beyond it expr would read an integer literal that
	// overflows, and no criterion means it.
	maxValue = 1e15
)

func decInt(i int64) dec { return dec{m: i} }

// parseDec reads digits with an optional point ("95", "0.5", "13.0").
func parseDec(s string) (dec, bool) {
	var d dec
	seenDot := false
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !seenDot:
			seenDot = true
		case c >= '0' && c <= '9':
			if d.m == 0 && c == '0' && !seenDot {
				continue
			}
			digits++
			if digits > 17 {
				return dec{}, false
			}
			d.m = d.m*10 + int64(c-'0')
			if seenDot {
				d.e++
				if d.e > decMaxExp {
					return dec{}, false
				}
			}
		default:
			return dec{}, false
		}
	}
	return d.norm(), true
}

// decOf is the shortest decimal of a float (a weight or target given as a number).
func decOf(f float64) (dec, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > maxValue {
		return dec{}, false
	}
	s := strconv.FormatFloat(math.Abs(f), 'f', -1, 64)
	d, ok := parseDec(s)
	if f < 0 {
		d.m = -d.m
	}
	return d, ok
}

// norm strips trailing zeros.
func (d dec) norm() dec {
	if d.m == 0 {
		return dec{}
	}
	for d.e > 0 && d.m%10 == 0 {
		d.m /= 10
		d.e--
	}
	return d
}

func (d dec) isZero() bool { return d.m == 0 }

func (d dec) neg() dec { return dec{m: -d.m, e: d.e} }

// align brings a and b to the same exponent.
func align(a, b dec) (int64, int64, int8, bool) {
	for a.e < b.e {
		if math.Abs(float64(a.m)) >= decMaxMantissa/10 {
			return 0, 0, 0, false
		}
		a.m *= 10
		a.e++
	}
	for b.e < a.e {
		if math.Abs(float64(b.m)) >= decMaxMantissa/10 {
			return 0, 0, 0, false
		}
		b.m *= 10
		b.e++
	}
	return a.m, b.m, a.e, true
}

func (d dec) add(o dec) (dec, bool) {
	a, b, e, ok := align(d, o)
	if !ok || math.Abs(float64(a)+float64(b)) >= decMaxMantissa {
		return dec{}, false
	}
	return dec{m: a + b, e: e}.norm(), true
}

func (d dec) sub(o dec) (dec, bool) { return d.add(o.neg()) }

func (d dec) mul(o dec) (dec, bool) {
	if d.m == 0 || o.m == 0 {
		return dec{}, true
	}
	if math.Abs(float64(d.m))*math.Abs(float64(o.m)) >= decMaxMantissa || int(d.e)+int(o.e) > decMaxExp {
		return dec{}, false
	}
	return dec{m: d.m * o.m, e: d.e + o.e}.norm(), true
}

// shift divides by 10^n (n > 0) or multiplies by 10^-n.
func (d dec) shift(n int) (dec, bool) {
	e := int(d.e) + n
	for e < 0 {
		if math.Abs(float64(d.m)) >= decMaxMantissa/10 {
			return dec{}, false
		}
		d.m *= 10
		e++
	}
	if e > decMaxExp {
		return dec{}, false
	}
	d.e = int8(e)
	return d.norm(), true
}

// div divides exactly, or fails when the quotient is not a short decimal.
func (d dec) div(o dec) (dec, bool) {
	if o.m == 0 {
		return dec{}, false
	}
	// d/o = (d.m / o.m) × 10^(o.e - d.e); scale d.m up until o.m divides it.
	m, e := d.m, int(d.e)-int(o.e)
	for k := 0; k <= decMaxExp; k++ {
		if m%o.m == 0 {
			q := m / o.m
			for e < 0 {
				q *= 10
				e++
			}
			if e > decMaxExp {
				return dec{}, false
			}
			return dec{m: q, e: int8(e)}.norm(), true
		}
		if math.Abs(float64(m)) >= decMaxMantissa/10 {
			return dec{}, false
		}
		m *= 10
		e++
	}
	return dec{}, false
}

func (d dec) cmp(o dec) int {
	a, b, _, ok := align(d, o)
	if !ok {
		return compareFloat(d.float(), o.float())
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d dec) float() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

// String writes the decimal plainly: "0.96", "217100", "-5".
func (d dec) String() string {
	if d.m == 0 {
		return "0"
	}
	neg := d.m < 0
	m := d.m
	if neg {
		m = -m
	}
	s := strconv.FormatInt(m, 10)
	if d.e > 0 {
		for len(s) <= int(d.e) {
			s = "0" + s
		}
		s = s[:len(s)-int(d.e)] + "." + s[len(s)-int(d.e):]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// big reports whether the decimal is beyond what a criterion can mean.
func (d dec) big() bool { return math.Abs(d.float()) > maxValue }

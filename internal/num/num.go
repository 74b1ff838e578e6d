// Package num rounds, formats and reads the numbers of a self-evaluation table: scores
// and money rounded half-up without float noise, compared with an explicit tolerance,
// numbers as people write them (全角 digits, 217,418, 21.74万, 两千, 98.67%), dates and
// deadlines (2022年12月31日前, 12月底前, 2022.11.20) and the look-alikes of comparison signs
// that PDF extraction leaves (═, ≧, \geq).
package num

import (
	"math"
	"strconv"
)

// MaxDecimals is the largest number of decimals Round and Format accept.
const MaxDecimals = 9

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// Round rounds x half away from zero (四舍五入) to d decimals, reading x as the shortest
// decimal that identifies it: Round(2.675, 2) is 2.68 although the float 2.675 lies just
// below it. The result is the float nearest to the rounded decimal, so it prints without
// noise. NaN and ±Inf are returned unchanged; d is clamped to [0, MaxDecimals].
func Round(x float64, d int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return x
	}
	d = clampDecimals(d)
	p := pow10[d]
	y := math.Abs(x) * p
	// Fast path: far from a tie, plain float rounding is exact enough. The margin is many
	// ulps wide for y < 1e6, the range of every score and most money in 万元.
	if y < 1e6 {
		f := math.Floor(y)
		if r := y - f; math.Abs(r-0.5) > 1e-6 {
			if r > 0.5 {
				f++
			}
			return math.Copysign(f/p, x)
		}
	}
	return roundDecimal(x, d)
}

// roundDecimal rounds the shortest decimal representation of x digit by digit.
func roundDecimal(x float64, d int) float64 {
	var buf [64]byte
	s := strconv.AppendFloat(buf[:0], math.Abs(x), 'f', -1, 64)
	dot := len(s)
	for i, c := range s {
		if c == '.' {
			dot = i
			break
		}
	}
	if len(s)-dot-1 <= d { // already has d decimals or fewer
		return x
	}
	up := s[dot+1+d] >= '5'
	digits := make([]byte, 0, len(s))
	digits = append(digits, s[:dot]...)
	digits = append(digits, s[dot+1:dot+1+d]...)
	if up {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	// digits now holds round(|x| * 10^d) as an integer.
	if len(digits) <= 15 {
		var m float64
		for _, c := range digits {
			m = m*10 + float64(c-'0')
		}
		return math.Copysign(m/pow10[d], x) // exact m and 10^d: correctly rounded quotient
	}
	str := string(digits[:len(digits)-d]) + "." + string(digits[len(digits)-d:])
	v, err := strconv.ParseFloat(str, 64)
	if err != nil {
		return x
	}
	return math.Copysign(v, x)
}

// exact10 holds the powers of ten a float64 holds exactly.
var exact10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// Pow10 is 10^d, the same float as math.Pow(10, d) (which builds it by repeated
// multiplication): from a table for |d| ≤ 22, where the power is exact and a negative
// power its correctly rounded reciprocal, as math.Pow gives them.
func Pow10(d int) float64 {
	switch {
	case d >= 0 && d < len(exact10):
		return exact10[d]
	case d < 0 && -d < len(exact10):
		return 1 / exact10[-d]
	}
	return math.Pow(10, float64(d))
}

func clampDecimals(d int) int {
	if d < 0 {
		return 0
	}
	if d > MaxDecimals {
		return MaxDecimals
	}
	return d
}

// Format rounds x half-up to d decimals and prints exactly d decimals ("96.00"). Negative
// zero prints as zero.
func Format(x float64, d int) string {
	d = clampDecimals(d)
	r := Round(x, d)
	if r == 0 {
		r = 0 // drop the sign of -0
	}
	return strconv.FormatFloat(r, 'f', d, 64)
}

// Short rounds x half-up to d decimals and prints it without trailing zeros ("19.8", "20").
func Short(x float64, d int) string {
	r := Round(x, clampDecimals(d))
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// Sum adds values already rounded to d decimals in integer units of 10^-d, so a total of
// rounded scores carries no float noise.
func Sum(d int, xs ...float64) float64 {
	d = clampDecimals(d)
	var units int64
	for _, x := range xs {
		units += int64(math.Round(x * pow10[d]))
	}
	return float64(units) / pow10[d]
}

// Within reports whether a and b differ by at most tol, allowing for the float error of
// values that were themselves rounded (so 0.005 apart counts as within a tolerance of 0.005).
func Within(a, b, tol float64) bool {
	diff := math.Abs(a - b)
	return diff <= tol+1e-9*max(1, math.Abs(a), math.Abs(b))
}

package analysis

import "math"

// Cond is a tier's condition in the form the analysis reads.
type Cond struct {
	Op   CondOp
	X, Y *Cond  // the operands of And and Or; of Not, X
	Cmp  string // Compare: "<", "<=", ">", ">=", "==" or "!="
	L, R *Term  // Compare: the sides
}

// CondOp is the kind of a Cond.
type CondOp uint8

// The kinds of conditions.
const (
	True CondOp = iota
	False
	Not
	And
	Or
	Compare
)

// Term is a numeric expression in the form the analysis reads: numbers, variables, and
// their sums, differences, products, quotients and negations.
type Term struct {
	Op   byte    // 0 for a leaf; '+', '-', '*', '/', or 'n' for the negation of X
	Num  float64 // a number leaf
	Name string  // a variable leaf: actual, rate, target, weight, prior, funds.budget…; "" for a number
	X, Y *Term
}

// Values gives the value of a variable other than the one analysed (target, weight, prior,
// funds.budget…); NaN when the indicator does not give it.
type Values func(name string) float64

// linear is a·x + b in the analysed variable x.
type linear struct{ a, b float64 }

// linearOf reads a term as linear in the variable v, substituting the indicator's values
// for the other variables.
func linearOf(t *Term, vals Values, v Variable) (linear, bool) {
	switch t.Op {
	case 0:
		switch t.Name {
		case "":
			return linear{b: t.Num}, true
		case "actual":
			if v == VarActual {
				return linear{a: 1}, true
			}
			return constant(vals("target"), 0) // actual = rate × target
		case "rate":
			if v == VarRate {
				return linear{a: 1}, true
			}
			if target := vals("target"); target > 0 { // rate = actual / target
				return linear{a: 1 / target}, true
			}
			return linear{}, false
		}
		return constant(0, vals(t.Name))
	case 'n':
		x, ok := linearOf(t.X, vals, v)
		return linear{-x.a, -x.b}, ok
	}
	l, ok1 := linearOf(t.X, vals, v)
	r, ok2 := linearOf(t.Y, vals, v)
	if !ok1 || !ok2 {
		return linear{}, false
	}
	switch t.Op {
	case '+':
		return linear{l.a + r.a, l.b + r.b}, true
	case '-':
		return linear{l.a - r.a, l.b - r.b}, true
	case '*':
		if l.a == 0 {
			return linear{r.a * l.b, r.b * l.b}, true
		}
		if r.a == 0 {
			return linear{l.a * r.b, l.b * r.b}, true
		}
	case '/':
		if r.a == 0 && r.b != 0 {
			return linear{l.a / r.b, l.b / r.b}, true
		}
	}
	return linear{}, false
}

// constant is a linear form that does not depend on the variable; for "actual" read as a
// rate it is target·x, hence the two arguments (a, b).
func constant(a, b float64) (linear, bool) {
	if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return linear{}, false
	}
	return linear{a: a, b: b}, true
}

// Set returns the values of the variable v where the condition holds, or false when it is
// not linear in v (or uses a value the indicator does not give).
func (c *Cond) Set(vals Values, v Variable) (Set, bool) {
	switch c.Op {
	case True:
		return All(), true
	case False:
		return nil, true
	case Not:
		if s, ok := c.X.Set(vals, v); ok {
			return s.Complement(), true
		}
	case And:
		l, ok1 := c.X.Set(vals, v)
		r, ok2 := c.Y.Set(vals, v)
		return l.Intersect(r), ok1 && ok2
	case Or:
		l, ok1 := c.X.Set(vals, v)
		r, ok2 := c.Y.Set(vals, v)
		return l.Union(r), ok1 && ok2
	case Compare:
		l, ok1 := linearOf(c.L, vals, v)
		r, ok2 := linearOf(c.R, vals, v)
		if !ok1 || !ok2 {
			return nil, false
		}
		return compare(linear{l.a - r.a, l.b - r.b}, c.Cmp), true
	}
	return nil, false
}

// compare returns where a·x + b (op) 0.
func compare(f linear, op string) Set {
	if f.a == 0 {
		holds := false
		switch op {
		case "<":
			holds = f.b < 0
		case "<=":
			holds = f.b <= 0
		case ">":
			holds = f.b > 0
		case ">=":
			holds = f.b >= 0
		case "==":
			holds = f.b == 0
		case "!=":
			holds = f.b != 0
		}
		if holds {
			return All()
		}
		return nil
	}
	x := -f.b / f.a
	if f.a < 0 { // dividing by a negative turns the comparison round
		switch op {
		case "<":
			op = ">"
		case "<=":
			op = ">="
		case ">":
			op = "<"
		case ">=":
			op = "<="
		}
	}
	inf := math.Inf(1)
	switch op {
	case "<":
		return Range(Interval{Lo: -inf, Hi: x})
	case "<=":
		return Range(Interval{Lo: -inf, Hi: x, HiClosed: true})
	case ">":
		return Range(Interval{Lo: x, Hi: inf})
	case ">=":
		return Range(Interval{Lo: x, Hi: inf, LoClosed: true})
	case "==":
		return Range(Interval{Lo: x, Hi: x, LoClosed: true, HiClosed: true})
	}
	return Range(Interval{Lo: x, Hi: x, LoClosed: true, HiClosed: true}).Complement() // !=
}

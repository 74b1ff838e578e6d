package rules

import (
	"github.com/expr-lang/expr/ast"

	"jixiao/rules/analysis"
)

// condForm translates a condition's syntax tree into the form the interval analysis reads,
// or returns nil when some part of it is not a comparison of sums and multiples of
// variables joined by &&, || and !.
func condForm(n ast.Node) *analysis.Cond {
	switch n := n.(type) {
	case *ast.BoolNode:
		return boolCond(n.Value)
	case *ast.ConstantNode:
		if b, ok := n.Value.(bool); ok {
			return boolCond(b)
		}
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			if x := condForm(n.Node); x != nil {
				return &analysis.Cond{Op: analysis.Not, X: x}
			}
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "&&", "and", "||", "or":
			x, y := condForm(n.Left), condForm(n.Right)
			if x == nil || y == nil {
				return nil
			}
			op := analysis.And
			if n.Operator == "||" || n.Operator == "or" {
				op = analysis.Or
			}
			return &analysis.Cond{Op: op, X: x, Y: y}
		case "<", "<=", ">", ">=", "==", "!=":
			l, r := termForm(n.Left), termForm(n.Right)
			if l == nil || r == nil {
				return nil
			}
			return &analysis.Cond{Op: analysis.Compare, Cmp: n.Operator, L: l, R: r}
		}
	}
	return nil
}

func boolCond(b bool) *analysis.Cond {
	if b {
		return &analysis.Cond{Op: analysis.True}
	}
	return &analysis.Cond{Op: analysis.False}
}

// termForm translates a numeric expression, or returns nil.
func termForm(n ast.Node) *analysis.Term {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return &analysis.Term{Num: float64(n.Value)}
	case *ast.FloatNode:
		return &analysis.Term{Num: n.Value}
	case *ast.ConstantNode:
		switch x := n.Value.(type) {
		case int:
			return &analysis.Term{Num: float64(x)}
		case float64:
			return &analysis.Term{Num: x}
		}
	case *ast.IdentifierNode:
		return &analysis.Term{Name: n.Value}
	case *ast.MemberNode:
		if id, ok := n.Node.(*ast.IdentifierNode); ok && id.Value == "funds" {
			if prop, ok := n.Property.(*ast.StringNode); ok {
				return &analysis.Term{Name: "funds." + prop.Value}
			}
		}
	case *ast.UnaryNode:
		x := termForm(n.Node)
		switch {
		case x == nil:
		case n.Operator == "-":
			return &analysis.Term{Op: 'n', X: x}
		case n.Operator == "+":
			return x
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "+", "-", "*", "/":
			x, y := termForm(n.Left), termForm(n.Right)
			if x == nil || y == nil {
				return nil
			}
			return &analysis.Term{Op: n.Operator[0], X: x, Y: y}
		}
	}
	return nil
}

// constsOf returns the numbers written in an expression, where sampling cuts the line.
func constsOf(n ast.Node) []float64 {
	var out []float64
	ast.Walk(&n, constants(func(x float64) { out = append(out, x) }))
	return out
}

type constants func(float64)

func (f constants) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IntegerNode:
		f(float64(n.Value))
	case *ast.FloatNode:
		f(n.Value)
	}
}

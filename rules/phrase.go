package rules

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// Phrase is a tier's condition as parts a reviewer reads, for writing it in words where the
// interval form does not apply (a condition on the text actual, the funds, several
// variables): comparisons of numeric terms, tests of the text actual, and their
// conjunctions, disjunctions and negations. A part that is none of these is kept as its
// expression (PhraseOther).
type Phrase struct {
	Op    PhraseOp
	X, Y  *Phrase  // the operands of And and Or; of Not, X
	Cmp   string   // Compare: "<", "<=", ">", ">=", "==", "!="; Text: also "contains", "startsWith", "endsWith", "matches", "in"
	L, R  *Formula // Compare: the sides
	Words []string // Text: what the text actual is compared with (one, or the list of "in")
	Expr  string   // Other: the part as an expression
}

// PhraseOp is the kind of a Phrase.
type PhraseOp uint8

// The kinds of phrases.
const (
	PhraseTrue PhraseOp = iota
	PhraseFalse
	PhraseNot
	PhraseAnd
	PhraseOr
	PhraseCompare // L Cmp R, numeric
	PhraseText    // the text actual Cmp Words
	PhraseOther   // Expr, not put in words
)

// Phrase is tier k's (0-based) condition as a Phrase, or nil when k is out of range or the
// condition does not parse.
func (c *Criterion) Phrase(k int) *Phrase {
	if k < 0 || k >= len(c.Tiers) {
		return nil
	}
	tree, err := parser.Parse(c.Tiers[k].When)
	if err != nil {
		return nil
	}
	return phraseOf(tree.Node)
}

// ScoreFormula is tier k's (0-based) score expression as a Formula, or nil when k is out
// of range, the tier is discretionary or its score does not parse.
func (c *Criterion) ScoreFormula(k int) *Formula {
	if k < 0 || k >= len(c.Tiers) || c.Tiers[k].Range {
		return nil
	}
	tree, err := parser.Parse(c.Tiers[k].Score)
	if err != nil {
		return nil
	}
	return formulaOf(tree.Node)
}

// Band is the band a tier read from a qualitative criterion's prose matches, as the prose
// wrote it ("基本改善"); "" for any other tier.
func (t *Tier) Band() string { return t.band }

func phraseOf(n ast.Node) *Phrase {
	switch n := n.(type) {
	case *ast.BoolNode:
		return boolPhrase(n.Value)
	case *ast.ConstantNode:
		if b, ok := n.Value.(bool); ok {
			return boolPhrase(b)
		}
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			return &Phrase{Op: PhraseNot, X: phraseOf(n.Node)}
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "&&", "and", "||", "or":
			op := PhraseAnd
			if n.Operator == "||" || n.Operator == "or" {
				op = PhraseOr
			}
			return &Phrase{Op: op, X: phraseOf(n.Left), Y: phraseOf(n.Right)}
		}
		if p := textPhrase(n); p != nil {
			return p
		}
		switch n.Operator {
		case "<", "<=", ">", ">=", "==", "!=":
			return &Phrase{Op: PhraseCompare, Cmp: n.Operator, L: formulaOf(n.Left), R: formulaOf(n.Right)}
		}
	}
	return &Phrase{Op: PhraseOther, Expr: n.String()}
}

// textPhrase reads a test of the text actual against string literals: text contains 'x',
// text == 'x', text in ['x', 'y']…; nil for anything else.
func textPhrase(n *ast.BinaryNode) *Phrase {
	switch n.Operator {
	case "contains", "startsWith", "endsWith", "matches", "==", "!=", "in":
	default:
		return nil
	}
	left, right := n.Left, n.Right
	if id, ok := right.(*ast.IdentifierNode); ok && id.Value == "text" && (n.Operator == "==" || n.Operator == "!=") {
		left, right = right, left // 'x' == text
	}
	if id, ok := left.(*ast.IdentifierNode); !ok || id.Value != "text" {
		return nil
	}
	var words []string
	switch r := right.(type) {
	case *ast.StringNode:
		if n.Operator == "in" {
			return nil
		}
		words = []string{r.Value}
	case *ast.ArrayNode:
		if n.Operator != "in" {
			return nil
		}
		for _, e := range r.Nodes {
			s, ok := e.(*ast.StringNode)
			if !ok {
				return nil
			}
			words = append(words, s.Value)
		}
	default:
		return nil
	}
	return &Phrase{Op: PhraseText, Cmp: n.Operator, Words: words}
}

func boolPhrase(b bool) *Phrase {
	if b {
		return &Phrase{Op: PhraseTrue}
	}
	return &Phrase{Op: PhraseFalse}
}

// Formula is a numeric expression as parts a reviewer reads: numbers, variables (actual,
// target, weight, funds.spent…), the four operations, negation and calls of min, max, abs,
// floor, ceil and round. A part that is none of these is kept as its expression
// (FormulaOther).
type Formula struct {
	Op   byte       // 0 for a leaf; '+', '-', '*', '/'; 'n' for the negation of X; 'f' for a call; FormulaOther
	Num  float64    // a number leaf
	Name string     // a variable leaf; "" for a number. 'f': the function
	X, Y *Formula   // the operands
	Args []*Formula // 'f': the arguments
	Expr string     // FormulaOther: the part as an expression
}

// FormulaOther is the Op of a part not put in words.
const FormulaOther byte = '?'

// formulaFuncs are the functions a Formula names.
var formulaFuncs = map[string]bool{"min": true, "max": true, "abs": true, "floor": true, "ceil": true, "round": true}

func formulaOf(n ast.Node) *Formula {
	switch n := n.(type) {
	case *ast.IntegerNode:
		return &Formula{Num: float64(n.Value)}
	case *ast.FloatNode:
		return &Formula{Num: n.Value}
	case *ast.ConstantNode:
		switch x := n.Value.(type) {
		case int:
			return &Formula{Num: float64(x)}
		case float64:
			return &Formula{Num: x}
		}
	case *ast.IdentifierNode:
		if _, ok := variableNames[n.Value]; ok {
			return &Formula{Name: n.Value}
		}
	case *ast.MemberNode:
		if id, ok := n.Node.(*ast.IdentifierNode); ok && id.Value == "funds" {
			if prop, ok := n.Property.(*ast.StringNode); ok {
				return &Formula{Name: "funds." + prop.Value}
			}
		}
	case *ast.UnaryNode:
		switch n.Operator {
		case "-":
			return &Formula{Op: 'n', X: formulaOf(n.Node)}
		case "+":
			return formulaOf(n.Node)
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "+", "-", "*", "/":
			return &Formula{Op: n.Operator[0], X: formulaOf(n.Left), Y: formulaOf(n.Right)}
		}
	case *ast.BuiltinNode:
		if formulaFuncs[n.Name] {
			return call(n.Name, n.Arguments)
		}
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok && formulaFuncs[id.Value] {
			return call(id.Value, n.Arguments)
		}
	}
	return &Formula{Op: FormulaOther, Expr: n.String()}
}

func call(name string, args []ast.Node) *Formula {
	f := &Formula{Op: 'f', Name: name}
	for _, a := range args {
		f.Args = append(f.Args, formulaOf(a))
	}
	return f
}

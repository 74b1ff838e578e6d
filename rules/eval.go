package rules

import (
	"fmt"
	"math"
	"strings"

	"github.com/expr-lang/expr/vm"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules/analysis"
)

// Kind says what an evaluation produced.
type Kind uint8

const (
	// Scored: one score.
	Scored Kind = iota
	// Ranged: a range of scores, the reviewer's choice within it (a discretionary tier or a
	// qualitative band).
	Ranged
	// Unscored: no score could be given; Reason says why.
	Unscored
)

// Outcome is the result of evaluating one criterion.
type Outcome struct {
	Kind     Kind
	Score    float64 // Scored: the score, not yet rounded
	Min, Max float64 // Ranged: the range, inclusive
	Tier     int     // the 1-based tier that fired; 0 when a method scored or nothing fired
	Reason   Reason  // Unscored: why; otherwise empty
}

// Reason is why an indicator could not be scored, with a stable code.
type Reason struct {
	Code string    `json:"code"`
	Msg  i18n.Text `json:"-"`
}

// Reason codes.
const (
	NoTierMatched  = "no-tier-matched" // no tier's condition holds for the actual value
	ActualMissing  = "actual-missing"  // no actual value given
	ActualText     = "actual-text"     // the actual value is text where a number is needed
	TargetMissing  = "target-missing"  // no usable target where one is needed
	TargetZero     = "target-zero"     // a ratio to a target of 0
	PriorMissing   = "prior-missing"   // the criterion uses prior, which is not given
	FundsMissing   = "funds-missing"   // the criterion uses funds, which are not given
	EvalError      = "eval-error"      // the expression failed while running
	NotANumber     = "not-a-number"    // the score came out NaN or infinite
	UnknownQuality = "unknown-quality" // a qualitative actual that is not one of the bands
)

func unscored(code string, msg i18n.Text) Outcome {
	return Outcome{Kind: Unscored, Reason: Reason{Code: code, Msg: msg}}
}

// Eval scores the criterion against env. It never panics: a failing expression leaves the
// indicator unscored with the reason.
func (c *Criterion) Eval(env *Env) Outcome {
	if len(c.Tiers) == 0 {
		return c.evalMethod(env)
	}
	if c.fast != nil {
		if x, ok := c.fast.input(env); ok {
			k := c.fast.lookup(x)
			if k < 0 {
				return c.noTier()
			}
			if c.fast.final[k] {
				return c.fast.out[k]
			}
			return c.fired(k, env, nil)
		}
	}
	machine := c.machine()
	for k := range c.Tiers {
		t := &c.Tiers[k]
		if o, missing := c.missing(t.when.uses, env); missing {
			return o
		}
		hit, err := runBool(machine, t.when.program, env)
		if err != nil {
			return evalFailed(k, t.Source.When.Text, err)
		}
		if !hit {
			continue
		}
		return c.fired(k, env, machine)
	}
	return c.noTier()
}

// fired is the outcome of tier k (0-based) firing: its score, its range, or its score
// expression's value.
func (c *Criterion) fired(k int, env *Env, machine *vm.VM) Outcome {
	t := &c.Tiers[k]
	if t.Range {
		return Outcome{Kind: Ranged, Min: t.Min, Max: t.Max, Tier: k + 1}
	}
	if t.score.isConst {
		return Outcome{Kind: Scored, Score: t.score.value, Tier: k + 1}
	}
	if o, missing := c.missing(t.score.uses, env); missing {
		return o
	}
	if machine == nil {
		machine = c.machine()
	}
	s, err := runFloat(machine, t.score.program, env)
	if err != nil {
		return evalFailed(k, t.Source.Score.Text, err)
	}
	if math.IsNaN(s) || math.IsInf(s, 0) || math.Abs(s) > MaxScore {
		return unscored(NotANumber, i18n.T("第 %d 档得分 %q 的结果不是合理的分数（%v）", "tier %d score %q is not a plausible score (%v)", k+1, t.Source.Score.Text, s))
	}
	return Outcome{Kind: Scored, Score: s, Tier: k + 1}
}

// machine is the expression VM of the compiler that made c, reused across evaluations
// (a Compiler and its criteria belong to one goroutine).
func (c *Criterion) machine() *vm.VM {
	if c.vm == nil {
		c.vm = &vm.VM{MemoryBudget: c.budget}
	}
	return c.vm
}

func (c *Criterion) noTier() Outcome {
	return unscored(NoTierMatched, i18n.T("实际完成值 %s 不满足任何一档条件：评分标准有缺口", "the actual value %s meets no tier's condition: the criterion has a gap",
		actualText(c.Indicator)))
}

// MaxScore bounds the magnitude of any computed score: beyond it a score expression is
// broken or hostile, and the indicator is left unscored rather than let a total overflow.
const MaxScore = 1e9

// evalFailed explains an expression that failed while running; a memory budget exceeded
// means an expression that builds huge lists or strings, which no criterion needs.
func evalFailed(k int, text string, err error) Outcome {
	if strings.Contains(err.Error(), "memory budget exceeded") {
		return unscored(EvalError, i18n.T("第 %d 档表达式 %q 超出内存预算而被中止：评分标准不需要构造这样大的列表或文本，请检查表达式",
			"tier %d expression %q was stopped for exceeding its memory budget: no criterion needs lists or text this large, check the expression", k+1, text))
	}
	return unscored(EvalError, i18n.T("第 %d 档表达式 %q 计算出错：%v", "tier %d expression %q failed: %v", k+1, text, err))
}

// Matching returns the 1-based numbers of every tier whose condition holds, whichever
// fires first. Tiers whose inputs are missing or that fail are left out.
func (c *Criterion) Matching(env *Env) []int { return c.matching(env, nil) }

// matching appends to out the 1-based numbers of every tier whose condition holds.
func (c *Criterion) matching(env *Env, out []int) []int {
	if c.fast != nil {
		if x, ok := c.fast.input(env); ok {
			for k, s := range c.fast.conds {
				if s.Contains(x) {
					out = append(out, k+1)
				}
			}
			return out
		}
	}
	machine := c.machine()
	for k := range c.Tiers {
		t := &c.Tiers[k]
		if _, missing := c.missing(t.when.uses, env); missing {
			continue
		}
		if hit, err := runBool(machine, t.when.program, env); err == nil && hit {
			out = append(out, k+1)
		}
	}
	return out
}

func runBool(m *vm.VM, p *vm.Program, env *Env) (bool, error) {
	v, err := m.Run(p, env)
	if err != nil {
		return false, err
	}
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("condition gave %T, not a boolean", v)
	}
	return b, nil
}

func runFloat(m *vm.VM, p *vm.Program, env *Env) (float64, error) {
	v, err := m.Run(p, env)
	if err != nil {
		return 0, err
	}
	switch x := v.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	}
	return 0, fmt.Errorf("score gave %T, not a number", v)
}

// missing reports an input that an expression reads but the indicator does not give.
func (c *Criterion) missing(uses variable, env *Env) (Outcome, bool) {
	ind := c.Indicator
	switch {
	case uses&(varActual|varRate) != 0 && math.IsNaN(env.Actual):
		return actualProblem(ind), true
	case uses&(varTarget|varRate) != 0 && math.IsNaN(env.Target):
		return unscored(TargetMissing, i18n.T("评分标准要用指标值（target），但指标值 %q 不是数字", "the criterion uses the target, but the target %q is not a number", ind.Target.Text)), true
	case uses&varRate != 0 && math.IsNaN(env.Rate):
		return unscored(TargetZero, i18n.T("指标值为 0，完成率（rate = actual / target）无从计算", "the target is 0, so the completion rate (rate = actual / target) is undefined")), true
	case uses&varPrior != 0 && math.IsNaN(env.Prior):
		return unscored(PriorMissing, i18n.T("评分标准要用上年度数值（prior），但没有给出", "the criterion uses the prior-year value, which is not given")), true
	case uses&varText != 0 && !ind.Actual.Set:
		return actualProblem(ind), true
	case uses&varFunds != 0 && ind != nil && math.IsNaN(env.Funds.Budget) && math.IsNaN(env.Funds.FullYearBudget) && math.IsNaN(env.Funds.Spent):
		return unscored(FundsMissing, i18n.T("评分标准要用资金数据（funds），但文件没有 [funds]", "the criterion uses the funds, but the file has no [funds]")), true
	}
	return Outcome{}, false
}

func actualProblem(ind *indicators.Indicator) Outcome {
	if !ind.Actual.Set {
		return unscored(ActualMissing, i18n.T("没有实际完成值，无法计分", "no actual value, so it cannot be scored"))
	}
	return unscored(ActualText, i18n.T("实际完成值 %q 不是数字，无法按评分标准比较；请填写数字，或为文字值设定定性档次",
		"the actual value %q is not a number and cannot be compared; give a number, or tiers for text values", ind.Actual.Text))
}

func actualText(ind *indicators.Indicator) string {
	if ind.Actual.Plain {
		return ind.Actual.Text
	}
	return fmt.Sprintf("%q", ind.Actual.Text)
}

// ScoreAt evaluates tier k's (0-based) score expression with the analysed variable set to
// x, for checking a formula score over the values where the tier fires.
func (c *Criterion) ScoreAt(k int, env *Env, v analysis.Variable, x float64) (float64, bool) {
	t := &c.Tiers[k]
	if t.score == nil {
		return 0, false
	}
	if t.score.isConst {
		return t.score.value, true
	}
	probe := *env
	probe.set(v, x)
	if _, missing := c.missing(t.score.uses, &probe); missing {
		return 0, false
	}
	s, err := runFloat(c.machine(), t.score.program, &probe)
	if err != nil || math.IsNaN(s) || math.IsInf(s, 0) {
		return 0, false
	}
	return s, true
}

// Package rules owns the scoring criteria: it compiles each indicator's tiers or standard
// method into expr programs once, with a typed environment, and evaluates them against an
// indicator's values. Its results are facts — which tier fired, the score, why none did —
// and never findings or output.
//
// rules is the only package that imports github.com/expr-lang/expr. It imports indicators
// and must not import engine or cmd.
//
// # The environment
//
// A tier's when and score expressions see these variables (see Env):
//
//	actual   the actual value (实际完成值) as a number, in the indicator's own unit (99.22, not 0.9922)
//	target   the target (指标值) as a number
//	weight   the indicator's weight (分值), in points
//	prior    last year's value (上年度数值)
//	rate     actual / target
//	text     the actual value as written ("达成", "≥266米")
//	funds    the funds block: funds.budget, funds.spent, funds.execution_rate (spent / full-year budget)…
//
// and may call min, max, round, floor, ceil, abs and expr's other pure builtins. Time
// builtins (now, date, duration, timezone) are disabled: a score must not depend on when it
// is computed.
//
// # Standard methods
//
// An indicator without tiers is scored by a named method (its own, or the project's
// default). With w the weight, a the actual value and t the target:
//
//	proportional    higher is better:  w × min(a / t, 1); t must be > 0; a < 0 scores 0
//	reverse         lower is better:   w when a ≤ t, else w × t / a; t must be > 0
//	reverse-linear  lower is better:   w when a ≤ t, else w × max(0, 1 − (a − t) / t): 0 at a = 2t
//	equal           exact:             w when a = t, else 0; with t = 0, w when a ≤ 0
//	qualitative     定性:              达成 80–100 % of w, 部分达成 60–80 %, 未达成 0–60 %;
//	                                   the score is the reviewer's choice within the band
package rules

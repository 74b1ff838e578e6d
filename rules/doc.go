// Package rules owns the scoring criteria: it compiles each indicator's tiers (as written, or
// read from the criterion's prose) or standard method into a Program once per distinct
// criterion, shared by every indicator written alike, and evaluates it against an
// indicator's environment (Env, built once per indicator). A Program's Criterion is the
// criterion as facts, which results carry; the programs, threshold tables and analyses stay
// here. Outcomes are facts — which tier fired, the score, why none did (a Reason code and
// what its message states) — never findings or output.
//
// rules is the only package that imports github.com/expr-lang/expr. It translates each
// condition's syntax tree into the small form its subpackage analysis reads, so that the
// interval analysis needs no expressions. It imports indicators and must not import engine,
// batch, report or cmd.
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

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
// interval analysis needs no expressions, and gives each tier's condition and score as parts
// (Criterion.Phrase, Criterion.ScoreFormula) for writing them in words. It imports
// indicators and must not import engine, batch, report or cmd.
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
// [scoring] method); with neither, and no criterion it could read, by the default its
// target calls for (DefaultMethod): proportional for ≥, ＞ and a plain number, [scoring]
// lower (reverse-linear, or reverse) for ≤, ＜ and a duration within a bound, equal for ＝,
// deadline for a date, qualitative for text. With w the weight, a the actual value and t
// the target:
//
//	proportional    higher is better:  w × min(a / t, 1); t must be > 0; a < 0 scores 0
//	reverse         lower is better:   w when a ≤ t, else w × t / a
//	reverse-linear  lower is better:   w when a ≤ t, else w × max(0, 1 − (a − t) / t): 0 from a = 2t
//	                                   (either, with t = 0: w when a ≤ 0, else 0)
//	equal           exact:             w when a = t to the file's decimals, else w × max(0, 1 − |a − t| / t);
//	                                   with t = 0, w when a ≤ 0, else 0
//	deadline        a date:            w on time; late, w × max(0, 1 − months × [scoring] late_per_month)
//	                                   (a month begun counts whole), or unscored when that is not set
//	qualitative     定性:              达成 80–100 % of w, 部分达成 60–80 %, 未达成 0–60 % ([scoring]
//	                                   band_met, band_partial, band_unmet); the band from the actual's
//	                                   words (QualityWords); the reviewer's choice within it
//
// Under a method that runs the indicator's way (proportional for higher, reverse and
// reverse-linear for lower, equal for ＝) met and the score agree: met is the weight, and
// not met is at most the weight less one unit of the file's last decimal, so that rounding
// never turns an unmet target into full marks.
//
// # Criteria read in part
//
// A criterion given as text that the reader cannot read at all leaves its indicator
// unscored (Reason CriterionUnread), unless [scoring] unread = "default" lets the default
// method score it. Read in part, the tiers read score only the values no unread part could
// change: a part that stands before a tier could take its values under first match, and a
// part that counts events, rankings, dates or last year's value may apply on top of any
// tier. A part without a score changes none.
package rules

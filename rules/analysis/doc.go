// Package analysis reads a criterion's tiers as sets of values of the one variable they
// speak of (actual or rate) and finds, without any actual value, what the tiers do over the
// whole domain of that variable: where no tier scores (gaps), where two tiers hold at once
// (overlaps), which tiers can never fire under first match, whether a better value can score
// worse, and where full marks begin. Sets are exact unions of intervals, open and closed
// ends as written; the sweep over their ends is O(n log n) in the number of tiers.
//
// A condition comes in the small form of Cond: comparisons of sums and multiples of named
// variables, joined by and, or and not. rules translates each expression into it; a
// condition it cannot translate (or that is not linear in the variable) is sampled through
// a function rules gives, and the analysis says so (Proved is false).
//
// analysis imports indicators only; it must not import rules (nor expr), engine or report.
package analysis

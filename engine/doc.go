// Package engine owns a project's outcome: each indicator's score, the total, the grade
// and the targets met, computed from the criteria that rules compiles, and the review checks
// that turn the outcome into findings.
//
// Scores are rounded half-up to the project's decimals one by one; the total is the sum of
// the rounded scores (rescaled to full marks when indicators do not apply), rounded again;
// the grade comes from the rounded total. An indicator that cannot be scored is never
// counted as 0: the total becomes a range.
//
// A Result holds facts only: values, the tier that fired and the criterion's facts, never a
// compiled program. A Finding is data: a Code, a Severity, its subject (project or
// indicator, Field, Index), a Detail and the numbers; report renders its message. Each
// check is one file (check_*.go) holding its code, severity, documentation (the single
// source of `jixiao check --list`, `--explain` and the README's catalogue) and one pass over
// the project that reads what scoring worked out once: each indicator's environment and the
// analysis of its tiers.
//
// engine imports indicators and rules; it must not import batch, report or cmd.
package engine

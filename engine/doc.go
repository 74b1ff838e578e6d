// Package engine owns a project's outcome: each indicator's score, the total, the grade
// and the targets met, computed from the criteria that rules compiles.
//
// Scores are rounded half-up to the project's decimals one by one; the total is the sum of
// the rounded scores (rescaled to full marks when indicators do not apply), rounded again;
// the grade comes from the rounded total. An indicator that cannot be scored is never
// counted as 0: the total becomes a range.
//
// engine imports indicators and rules; it must not import report or cmd.
package engine

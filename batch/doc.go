// Package batch runs many projects through the engine: from files and folders or from a
// JSONL stream, spread over every core, with each result delivered in input order and
// memory that stays flat however long the input (a bounded number of projects is in flight
// at once).
//
// batch imports engine and indicators; output formats are given to it as functions by the
// caller, so it imports neither report nor cmd.
package batch

// Package report writes results for people and programs: the reviewer's table (text), JSON,
// JSON Lines, SARIF, the review workbook and the summary across a batch. It owns the output
// streams (Output, Stream: the head, each input's results, the tail with the summary) and
// renders every finding's message and hint, in Chinese or English, from its check's
// template (Message), so that every format says the same thing. Formatters only read
// results; they never score or change them.
//
// A published report (package published) comes out beside its projects: its findings are
// rendered the same way, one template per code (docmessages.go), and written in every format
// (document.go).
//
// report imports engine, rules, indicators and published; it must not import batch or cmd.
package report

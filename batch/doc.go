// Package batch runs many projects through the engine: from files and folders or from a
// JSONL stream, spread over every core, with each result delivered in input order and
// memory that stays flat however long the input (a bounded number of projects is in flight
// at once).
//
// A published report (indicators.Report: .pdf, .docx, .txt, .md) is one item: package
// published reads it whole, its projects are scored and reviewed like any other, in the
// report's order, and then, under Check, the report's own checks run with the grades the
// engine computed (report.go). The item's Output carries the document and its findings
// beside the projects' results.
//
// batch imports engine, indicators, published and layout; output formats are given to it as
// functions by the caller, so it imports neither report nor cmd.
package batch

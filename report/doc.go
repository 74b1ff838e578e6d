// Package report formats scored projects for people and programs: the reviewer's table in
// a terminal (text) and the machine-readable form (JSON). Formatters only read results;
// they never score or change them.
//
// report imports engine, rules and indicators; it must not import cmd.
package report

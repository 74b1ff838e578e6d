// Package store keeps a reviewer's 复核 records in an embedded SQLite database, by default
// DIR/.jixiao/review.db beside the submissions of a batch (DefaultPath).
//
// It owns the database file and everything in it: the schema and its migrations (ordered SQL
// in code, the number applied kept in PRAGMA user_version, the file marked as jixiao's with
// PRAGMA application_id), the connection settings (WAL journal, synchronous FULL, a busy
// timeout, write transactions that take the write lock when they begin), the current record
// of every project and indicator, and an append-only audit table with every change (who,
// when, project, indicator, field, old value, new value).
//
// Records are keyed by a project key, an opaque string the caller derives (ProjectKey makes
// the usual one: the submission's path relative to the batch root and the project's name),
// and an indicator's ref, another (IndicatorRef: its name under its headings), so a review
// follows its project and indicator when a submission is reordered; each indicator record
// also keeps the 1-based number it had when saved. Records of schema 1 were keyed by place
// (PlaceKey, PlaceRef) and come back Positional; Move takes them to today's keys. Each save is
// one transaction: the later of two saves of the same indicator wins, the record says who
// changed it last and when, and History tells every change. Each save may bring the
// submission's Fingerprint, so a caller can tell a submission edited after its review was
// recorded: each indicator's review keeps the one it was saved or confirmed against
// (IndicatorRecord.Stale, Record.Stale), and Confirm vouches for them all at once.
//
// The store checks only the shape of what it keeps (a score is a decimal number, texts are
// UTF-8 within MaxText bytes, a save names who makes it); whether a score is within an
// indicator's weight, or a rule code exists, is for the caller to check.
//
// store is the only importer of the SQLite driver (modernc.org/sqlite: pure Go, so the
// binary stays cgo-free). It knows nothing of the model, the engine or the output formats:
// it must not import jixiao/indicators, jixiao/rules, jixiao/engine, jixiao/batch,
// jixiao/report or jixiao/cmd; those map their own types onto its plain structs.
package store

// Package store keeps a reviewer's 复核 records in an embedded SQLite database, by default
// DIR/.jixiao/review.db beside the submissions of a batch.
//
// It owns the database file and everything in it: the schema and its migrations (ordered SQL
// in code, the applied count kept in PRAGMA user_version, the file marked as jixiao's with
// PRAGMA application_id), the connection settings (WAL journal, busy timeout, write
// transactions that take the write lock when they begin), the current record of every
// indicator and project, and an append-only audit table with every change (who, when,
// project, indicator, field, old value, new value).
//
// Records are keyed by a project key, an opaque string the caller derives (see ProjectKey),
// and an indicator's 1-based number as the text output shows it. Each save is one
// transaction: the later of two saves of the same indicator wins, and the record says who
// changed it last and when. The store checks only the shape of what it keeps (a score is a
// decimal number, texts are UTF-8 within MaxText bytes); whether a score is within an
// indicator's weight, or a rule code exists, is for the caller to check.
//
// store is the only importer of the SQLite driver (modernc.org/sqlite, pure Go, so the
// binary stays cgo-free). It knows nothing of the model, the engine or the output formats:
// it must not import jixiao/indicators, jixiao/rules, jixiao/engine, jixiao/report,
// jixiao/batch or jixiao/cmd; those map their own types onto its plain structs.
package store

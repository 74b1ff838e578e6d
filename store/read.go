package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"jixiao/internal/i18n"
)

// Project returns everything stored for the project key: its fields, its fingerprints and
// its indicators' records, read in one snapshot. A project with nothing stored comes back
// as a Record with only Key set.
func (s *Store) Project(ctx context.Context, key string) (Record, error) {
	if err := checkKey(key); err != nil {
		return Record{}, s.fail(ctx, opRead, key, 0, err)
	}
	var rec Record
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		rec, err = s.readRecord(ctx, tx, key)
		return err
	})
	if err != nil {
		return Record{}, s.fail(ctx, opRead, key, 0, err)
	}
	return rec, nil
}

// All returns every project's record, by key, read in one snapshot: what an export needs.
func (s *Store) All(ctx context.Context) ([]Record, error) {
	var recs []Record
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+projectColumns+` FROM project ORDER BY key`)
		if err != nil {
			return err
		}
		defer rows.Close()
		index := map[string]int{}
		for rows.Next() {
			rec, err := scanProject(rows)
			if err != nil {
				return err
			}
			index[rec.Key] = len(recs)
			recs = append(recs, rec)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		rows, err = tx.QueryContext(ctx, `SELECT key, `+indicatorColumns+` FROM indicator ORDER BY key, n, ref`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var key string
			ir, err := scanIndicator(rows, &key)
			if err != nil {
				return err
			}
			i, ok := index[key]
			if !ok { // impossible with foreign keys on; say so rather than drop the record
				return fmt.Errorf("indicator %d of project %q has no project row", ir.N, key)
			}
			recs[i].Indicators = append(recs[i].Indicators, ir)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, s.fail(ctx, opRead, "", 0, err)
	}
	return recs, nil
}

// Version is the number of changes the store holds (the audit's latest seq; 0 when empty).
// Every save that changes anything increases it, and nothing else does, so a copy of All
// kept in memory is current for as long as Version returns the number read just before
// All was.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var v int64
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM audit`).Scan(&v)
	})
	if err != nil {
		return 0, s.fail(ctx, opRead, "", 0, err)
	}
	return v, nil
}

// History returns every change of the indicator ref of the project key, oldest first,
// those made before the record moved (Move) included: their Key is the one they were made
// under, their Ref the indicator's ref now.
func (s *Store) History(ctx context.Context, key, ref string) ([]Change, error) {
	if err := checkKey(key); err != nil {
		return nil, s.fail(ctx, opHistory, key, 0, err)
	}
	if ref == "" {
		return nil, s.fail(ctx, opHistory, key, 0, newInvalid(i18n.T("指标为空", "the indicator ref is empty")))
	}
	return s.history(ctx, key, 0, `SELECT `+movedAuditColumns+` FROM audit
LEFT JOIN moved ON old_key = key AND old_ref = ref AND new_key = ?1
WHERE (key = ?1 AND ref = ?2) OR (new_key = ?1 AND new_ref = ?2)
ORDER BY seq`, key, ref)
}

// ProjectHistory returns every change of the project key, of its own fields (N 0) and of
// its indicators, oldest first, those made before the record moved (Move) included.
func (s *Store) ProjectHistory(ctx context.Context, key string) ([]Change, error) {
	if err := checkKey(key); err != nil {
		return nil, s.fail(ctx, opHistory, key, 0, err)
	}
	return s.history(ctx, key, 0, `SELECT `+movedAuditColumns+` FROM audit
LEFT JOIN moved ON old_key = key AND old_ref = ref AND new_key = ?1
WHERE key = ?1 OR key IN (SELECT old_key FROM moved WHERE new_key = ?1 AND new_ref = '')
ORDER BY seq`, key)
}

func (s *Store) history(ctx context.Context, key string, n int, query string, args ...any) ([]Change, error) {
	var out []Change
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Change
			var at string
			if err := rows.Scan(&c.Seq, &at, &c.By, &c.Key, &c.N, &c.Ref, &c.Field, &c.Old, &c.New); err != nil {
				return err
			}
			if c.At, err = parseTime(at); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, s.fail(ctx, opHistory, key, n, err)
	}
	return out, nil
}

// inRead runs fn in a read transaction: one consistent snapshot, which in WAL mode neither
// waits for a writer nor holds one up.
func (s *Store) inRead(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // plain BEGIN
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

const (
	projectColumns = `key, reviewer, review_date, changed_by, changed_at,
		first_fingerprint, first_by, first_at, last_fingerprint, last_by, last_at, positional`
	indicatorColumns = `ref, n, fingerprint, actual, score, reason, rule, note, changed_by, changed_at`
	// movedAuditColumns are the audit's columns with the ref an indicator has now, for a
	// change made before its record moved (joined with moved).
	movedAuditColumns = `seq, at, by, key, n, coalesce(new_ref, ref), field, old, new`
)

type scanner interface{ Scan(dest ...any) error }

func scanProject(row scanner) (Record, error) {
	var r Record
	var changedAt, firstAt, lastAt string
	err := row.Scan(&r.Key, &r.Project.Reviewer, &r.Project.Date, &r.Changed.By, &changedAt,
		&r.First.Fingerprint, &r.First.By, &firstAt, &r.Last.Fingerprint, &r.Last.By, &lastAt, &r.Positional)
	if err != nil {
		return Record{}, err
	}
	for _, t := range [...]struct {
		dst *time.Time
		v   string
	}{{&r.Changed.At, changedAt}, {&r.First.At, firstAt}, {&r.Last.At, lastAt}} {
		if *t.dst, err = parseTime(t.v); err != nil {
			return Record{}, fmt.Errorf("project %q: %w", r.Key, err)
		}
	}
	return r, nil
}

// scanIndicator reads indicatorColumns, after the given leading columns.
func scanIndicator(row scanner, lead ...any) (IndicatorRecord, error) {
	var ir IndicatorRecord
	var score sql.NullString
	var changedAt string
	dest := append(lead, &ir.Ref, &ir.N, &ir.Fingerprint, &ir.Review.Actual, &score, &ir.Review.Reason, &ir.Review.Rule,
		&ir.Review.Note, &ir.Changed.By, &changedAt)
	if err := row.Scan(dest...); err != nil {
		return IndicatorRecord{}, err
	}
	if score.Valid {
		sc, err := ParseScore(score.String)
		if err != nil {
			return IndicatorRecord{}, fmt.Errorf("indicator %d: stored score: %w", ir.N, err)
		}
		ir.Review.Score = sc
	}
	var err error
	if ir.Changed.At, err = parseTime(changedAt); err != nil {
		return IndicatorRecord{}, fmt.Errorf("indicator %d: %w", ir.N, err)
	}
	return ir, nil
}

// readRecord reads a project's whole record inside tx.
func (s *Store) readRecord(ctx context.Context, tx *sql.Tx, key string) (Record, error) {
	rec, err := scanProject(tx.StmtContext(ctx, s.stmts.project).QueryRowContext(ctx, key))
	if errors.Is(err, sql.ErrNoRows) {
		return Record{Key: key}, nil
	}
	if err != nil {
		return Record{}, err
	}
	rows, err := tx.StmtContext(ctx, s.stmts.indicators).QueryContext(ctx, key)
	if err != nil {
		return Record{}, err
	}
	defer rows.Close()
	for rows.Next() {
		ir, err := scanIndicator(rows)
		if err != nil {
			return Record{}, err
		}
		rec.Indicators = append(rec.Indicators, ir)
	}
	return rec, rows.Err()
}

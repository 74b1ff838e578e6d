package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"jixiao/internal/i18n"
)

// Entry is one indicator's review, for SaveIndicators.
type Entry struct {
	N      int // the indicator's 1-based number
	Review Indicator
}

// SaveIndicator records indicator n's review of the project key, replacing every field of
// the record, in one transaction. Each field that changes gets a row in the audit; a save
// that changes nothing leaves the record's Changed stamp as it was. It returns the record
// as stored.
func (s *Store) SaveIndicator(ctx context.Context, key string, n int, rec Indicator, by Author) (IndicatorRecord, error) {
	recs, err := s.saveIndicators(ctx, opSaveIndicator, key, []Entry{{N: n, Review: rec}}, by)
	if err != nil {
		return IndicatorRecord{}, err
	}
	return recs[0], nil
}

// SaveIndicators is SaveIndicator for several indicators of one project, all in one
// transaction: all are saved or none. Each N may appear once.
func (s *Store) SaveIndicators(ctx context.Context, key string, entries []Entry, by Author) ([]IndicatorRecord, error) {
	return s.saveIndicators(ctx, opSaveIndicator, key, entries, by)
}

func (s *Store) saveIndicators(ctx context.Context, op, key string, entries []Entry, by Author) ([]IndicatorRecord, error) {
	one := 0 // the indicator errors name, when the save is of one
	if len(entries) == 1 {
		one = entries[0].N
	}
	if err := checkKey(key); err != nil {
		return nil, s.fail(ctx, op, key, one, err)
	}
	if err := checkAuthor(by); err != nil {
		return nil, s.fail(ctx, op, key, one, err)
	}
	seen := make(map[int]bool, len(entries))
	for _, e := range entries {
		if err := checkN(e.N); err != nil {
			return nil, s.fail(ctx, op, key, 0, err)
		}
		if seen[e.N] {
			return nil, s.fail(ctx, op, key, e.N, newInvalid(i18n.T("同一指标在一次保存中出现两次",
				"the indicator appears twice in one save")))
		}
		seen[e.N] = true
		if err := e.Review.check(); err != nil {
			return nil, s.fail(ctx, op, key, e.N, err)
		}
	}

	out := make([]IndicatorRecord, 0, len(entries))
	err := s.inWrite(ctx, func(tx *sql.Tx, at time.Time, atText string) error {
		if err := touchProject(ctx, tx, key, by, atText); err != nil {
			return err
		}
		for _, e := range entries {
			rec, err := s.saveIndicator(ctx, tx, key, e, by.Name, at, atText)
			if err != nil {
				return &atIndicator{n: e.N, err: err}
			}
			out = append(out, rec)
		}
		return nil
	})
	if err != nil {
		var ai *atIndicator
		if errors.As(err, &ai) {
			return nil, s.fail(ctx, op, key, ai.n, ai.err)
		}
		return nil, s.fail(ctx, op, key, one, err)
	}
	return out, nil
}

// atIndicator tells which indicator of a save failed.
type atIndicator struct {
	n   int
	err error
}

func (e *atIndicator) Error() string { return e.err.Error() }
func (e *atIndicator) Unwrap() error { return e.err }

func (s *Store) saveIndicator(ctx context.Context, tx *sql.Tx, key string, e Entry, by string, at time.Time, atText string) (IndicatorRecord, error) {
	old, found, err := readIndicator(ctx, tx, key, e.N)
	if err != nil {
		return IndicatorRecord{}, err
	}
	changed := false
	for _, f := range [...]struct{ name, old, new string }{
		{FieldActual, old.Review.Actual, e.Review.Actual},
		{FieldScore, old.Review.Score.String(), e.Review.Score.String()},
		{FieldReason, old.Review.Reason, e.Review.Reason},
		{FieldRule, old.Review.Rule, e.Review.Rule},
		{FieldNote, old.Review.Note, e.Review.Note},
	} {
		if f.old == f.new {
			continue
		}
		changed = true
		if err := audit(ctx, tx, atText, by, key, e.N, f.name, f.old, f.new); err != nil {
			return IndicatorRecord{}, err
		}
	}
	if s.midSave != nil {
		s.midSave(ctx)
	}
	if !changed && found {
		return old, nil
	}
	var score any // NULL when not scored
	if e.Review.Score.IsSet() {
		score = e.Review.Score.String()
	}
	_, err = tx.ExecContext(ctx, `
INSERT INTO indicator (key, n, actual, score, reason, rule, note, changed_by, changed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key, n) DO UPDATE SET
	actual = excluded.actual, score = excluded.score, reason = excluded.reason,
	rule = excluded.rule, note = excluded.note,
	changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
		key, e.N, e.Review.Actual, score, e.Review.Reason, e.Review.Rule, e.Review.Note, by, atText)
	if err != nil {
		return IndicatorRecord{}, err
	}
	return IndicatorRecord{N: e.N, Review: e.Review, Changed: Stamp{By: by, At: at}}, nil
}

// SaveProject records the project's own review fields (reviewer, date), replacing both, in
// one transaction, with an audit row for each that changes. It returns the project's whole
// record as stored.
func (s *Store) SaveProject(ctx context.Context, key string, p Project, by Author) (Record, error) {
	if err := checkKey(key); err != nil {
		return Record{}, s.fail(ctx, opSaveProject, key, 0, err)
	}
	if err := checkAuthor(by); err != nil {
		return Record{}, s.fail(ctx, opSaveProject, key, 0, err)
	}
	if err := p.check(); err != nil {
		return Record{}, s.fail(ctx, opSaveProject, key, 0, err)
	}
	var rec Record
	err := s.inWrite(ctx, func(tx *sql.Tx, _ time.Time, atText string) error {
		if err := touchProject(ctx, tx, key, by, atText); err != nil {
			return err
		}
		var reviewer, date string
		err := tx.QueryRowContext(ctx, `SELECT reviewer, review_date FROM project WHERE key = ?`, key).
			Scan(&reviewer, &date)
		if err != nil {
			return err
		}
		changed := false
		for _, f := range [...]struct{ name, old, new string }{
			{FieldReviewer, reviewer, p.Reviewer},
			{FieldDate, date, p.Date},
		} {
			if f.old == f.new {
				continue
			}
			changed = true
			if err := audit(ctx, tx, atText, by.Name, key, 0, f.name, f.old, f.new); err != nil {
				return err
			}
		}
		if s.midSave != nil {
			s.midSave(ctx)
		}
		if changed {
			_, err := tx.ExecContext(ctx, `
UPDATE project SET reviewer = ?, review_date = ?, changed_by = ?, changed_at = ? WHERE key = ?`,
				p.Reviewer, p.Date, by.Name, atText, key)
			if err != nil {
				return err
			}
		}
		rec, err = readRecord(ctx, tx, key)
		return err
	})
	if err != nil {
		return Record{}, s.fail(ctx, opSaveProject, key, 0, err)
	}
	return rec, nil
}

// inWrite runs fn in a write transaction, one save of this Store at a time, and commits
// it. The time of the changes is taken once the write lock is held, so the order of the
// stamps is the order of the commits (as far as the clock goes: the audit's seq is exact).
func (s *Store) inWrite(ctx context.Context, fn func(tx *sql.Tx, at time.Time, atText string) error) error {
	// Saves of this Store queue here, in turn and cancellably, rather than spinning on
	// SQLite's busy handler; saves of other programs meet the busy timeout.
	select {
	case s.write <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.write }()

	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see dsn)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit
	at, atText := s.stamp()
	if err := fn(tx, at, atText); err != nil {
		return err
	}
	return tx.Commit()
}

// touchProject makes sure the project has a row, and records the submission's fingerprint
// at this save: the first one stays, the last one moves, and each new one goes in the
// audit.
func touchProject(ctx context.Context, tx *sql.Tx, key string, by Author, atText string) error {
	var last string
	err := tx.QueryRowContext(ctx, `SELECT last_fingerprint FROM project WHERE key = ?`, key).Scan(&last)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO project (key) VALUES (?)`, key)
		if err != nil {
			return err
		}
	case err != nil:
		return err
	}
	if by.Fingerprint == "" {
		return nil
	}
	if last != by.Fingerprint {
		if err := audit(ctx, tx, atText, by.Name, key, 0, FieldFingerprint, last, by.Fingerprint); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `
UPDATE project SET
	first_fingerprint = CASE WHEN first_fingerprint = '' THEN ?1 ELSE first_fingerprint END,
	first_by = CASE WHEN first_fingerprint = '' THEN ?2 ELSE first_by END,
	first_at = CASE WHEN first_fingerprint = '' THEN ?3 ELSE first_at END,
	last_fingerprint = ?1, last_by = ?2, last_at = ?3
WHERE key = ?4`, by.Fingerprint, by.Name, atText, key)
	return err
}

func audit(ctx context.Context, tx *sql.Tx, at, by, key string, n int, field, old, new string) error {
	_, err := tx.ExecContext(ctx, `
INSERT INTO audit (at, by, key, n, field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		at, by, key, n, field, old, new)
	return err
}

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
	N int // the indicator's 1-based number
	// Ref is what identifies the indicator in its project (IndicatorRef); "" means
	// PlaceRef(N), an indicator known by its place alone.
	Ref    string
	Review Indicator
	// Since, when set, is the Changed time of the record the saver was shown (zero for a
	// record never saved): the save is refused with ErrChanged, in the same transaction,
	// when the record has changed since.
	Since *time.Time
}

func (e Entry) ref() string {
	if e.Ref == "" {
		return PlaceRef(e.N)
	}
	return e.Ref
}

// SaveIndicator records indicator n's review of the project key, the indicator known by
// its place alone (PlaceRef; SaveIndicators takes an Entry with its Ref), replacing every field of
// the record, in one transaction. Each field that changes gets a row in the audit, and so
// does a new fingerprint of the submission; a save that changes nothing writes nothing and
// leaves the Changed stamp as it was. It returns the record as stored.
func (s *Store) SaveIndicator(ctx context.Context, key string, n int, rec Indicator, by Author) (IndicatorRecord, error) {
	recs, err := s.saveIndicators(ctx, key, []Entry{{N: n, Review: rec}}, by)
	if err != nil {
		return IndicatorRecord{}, err
	}
	return recs[0], nil
}

// SaveIndicators is SaveIndicator for several indicators of one project, all in one
// transaction: all are saved or none. Each indicator may appear once.
func (s *Store) SaveIndicators(ctx context.Context, key string, entries []Entry, by Author) ([]IndicatorRecord, error) {
	return s.saveIndicators(ctx, key, entries, by)
}

func (s *Store) saveIndicators(ctx context.Context, key string, entries []Entry, by Author) ([]IndicatorRecord, error) {
	const op = opSaveIndicator
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
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		if err := checkN(e.N); err != nil {
			return nil, s.fail(ctx, op, key, 0, err)
		}
		if err := checkText("indicator ref", e.ref(), MaxKey); err != nil {
			return nil, s.fail(ctx, op, key, e.N, err)
		}
		if seen[e.ref()] {
			return nil, s.fail(ctx, op, key, e.N, newInvalid(i18n.T("同一指标在一次保存中出现两次",
				"the indicator appears twice in one save")))
		}
		seen[e.ref()] = true
		if err := e.Review.check(); err != nil {
			return nil, s.fail(ctx, op, key, e.N, err)
		}
	}

	out := make([]IndicatorRecord, len(entries))
	err := s.inWrite(ctx, func(w *write) error {
		type change struct {
			name, old, new string
		}
		changes := make([][]change, len(entries))
		changed := false
		for i, e := range entries {
			old, err := w.indicator(key, e.ref(), e.N)
			if err != nil {
				return &atIndicator{n: e.N, err: err}
			}
			if e.Since != nil && !e.Since.Equal(old.Changed.At) {
				return &atIndicator{n: e.N, err: &Error{Kind: ErrChanged, Now: old.Changed}}
			}
			out[i] = old
			for _, f := range [...]change{
				{FieldActual, old.Review.Actual, e.Review.Actual},
				{FieldScore, old.Review.Score.String(), e.Review.Score.String()},
				{FieldReason, old.Review.Reason, e.Review.Reason},
				{FieldRule, old.Review.Rule, e.Review.Rule},
				{FieldNote, old.Review.Note, e.Review.Note},
			} {
				if f.old != f.new {
					changes[i] = append(changes[i], f)
				}
			}
			// A review saved against another submission than before is confirmed against
			// this one, even when nothing else of it changes.
			if stored := !old.Changed.At.IsZero(); stored && by.Fingerprint != "" && old.Fingerprint != by.Fingerprint {
				changes[i] = append(changes[i], change{FieldFingerprint, old.Fingerprint, by.Fingerprint})
			}
			changed = changed || len(changes[i]) > 0
		}
		if err := w.touchProject(key, by, changed); err != nil {
			return err
		}
		for i, e := range entries {
			if len(changes[i]) == 0 {
				continue
			}
			for _, c := range changes[i] {
				if err := w.audit(key, e.N, e.ref(), c.name, c.old, c.new); err != nil {
					return &atIndicator{n: e.N, err: err}
				}
			}
			if s.midSave != nil {
				if err := s.midSave(ctx); err != nil {
					return &atIndicator{n: e.N, err: err}
				}
			}
			fields := false // a change of the review itself, not only its confirmation
			for _, c := range changes[i] {
				fields = fields || c.name != FieldFingerprint
			}
			stamp := out[i].Changed
			if fields {
				stamp = Stamp{By: by.Name, At: w.at}
			}
			if err := w.putIndicator(key, e, stamp); err != nil {
				return &atIndicator{n: e.N, err: err}
			}
			fp := out[i].Fingerprint
			if by.Fingerprint != "" {
				fp = by.Fingerprint
			}
			out[i] = IndicatorRecord{Ref: e.ref(), N: e.N, Fingerprint: fp, Review: e.Review, Changed: stamp}
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

// SaveProject records the project's own review fields (reviewer, date), replacing both, in
// one transaction, with an audit row for each that changes and for a new fingerprint. It
// returns the project's whole record as stored.
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
	err := s.inWrite(ctx, func(w *write) error {
		var reviewer, date string
		err := w.stmt(s.stmts.projectFields).QueryRowContext(ctx, key).Scan(&reviewer, &date)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		changed := reviewer != p.Reviewer || date != p.Date
		if err := w.touchProject(key, by, changed); err != nil {
			return err
		}
		if changed {
			for _, f := range [...]struct{ name, old, new string }{
				{FieldReviewer, reviewer, p.Reviewer},
				{FieldDate, date, p.Date},
			} {
				if f.old == f.new {
					continue
				}
				if err := w.audit(key, 0, "", f.name, f.old, f.new); err != nil {
					return err
				}
			}
			if s.midSave != nil {
				if err := s.midSave(ctx); err != nil {
					return err
				}
			}
			_, err := w.stmt(s.stmts.putProjectFields).ExecContext(ctx, p.Reviewer, p.Date, by.Name, w.atText, key)
			if err != nil {
				return err
			}
		}
		rec, err = s.readRecord(ctx, w.tx, key)
		return err
	})
	if err != nil {
		return Record{}, s.fail(ctx, opSaveProject, key, 0, err)
	}
	return rec, nil
}

// write is one save's transaction.
type write struct {
	ctx context.Context
	s   *Store
	tx  *sql.Tx
	by  string
	// fingerprint is the submission the save was made against; "" when unknown
	fingerprint string
	at          time.Time // the time of every change of this save
	atText      string
}

// inWrite runs fn in a write transaction, one save of this Store at a time, and commits
// it. The time of the changes is taken once the write lock is held, so the order of the
// stamps is the order of the commits (as far as the clock goes: the audit's seq is exact).
func (s *Store) inWrite(ctx context.Context, fn func(w *write) error) error {
	// Saves of this Store queue here, in turn and cancellably, rather than spinning on
	// SQLite's busy handler; saves of other programs meet the busy timeout.
	select {
	case s.writing <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.writing }()

	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see dsn)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit
	w := &write{ctx: ctx, s: s, tx: tx}
	w.at, w.atText = s.stamp()
	if err := fn(w); err != nil {
		return err
	}
	return tx.Commit()
}

// stmt is a prepared statement of the Store, in this transaction.
func (w *write) stmt(st *sql.Stmt) *sql.Stmt { return w.tx.StmtContext(w.ctx, st) }

// indicator reads one indicator's record; one not stored comes back with only Ref and N.
func (w *write) indicator(key, ref string, n int) (IndicatorRecord, error) {
	ir, err := scanIndicator(w.stmt(w.s.stmts.indicator).QueryRowContext(w.ctx, key, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return IndicatorRecord{Ref: ref, N: n}, nil
	}
	ir.N = n // the place it is saved at now
	return ir, err
}

// putIndicator writes an indicator's record with its Changed stamp; the fingerprint is
// the save's, or stays as it was when the save brings none.
func (w *write) putIndicator(key string, e Entry, changed Stamp) error {
	var score any // NULL when not scored
	if e.Review.Score.IsSet() {
		score = e.Review.Score.String()
	}
	_, err := w.stmt(w.s.stmts.putIndicator).ExecContext(w.ctx,
		key, e.ref(), e.N, w.fingerprint, e.Review.Actual, score, e.Review.Reason, e.Review.Rule, e.Review.Note,
		changed.By, changed.At.UTC().Format(timeFormat))
	return err
}

// touchProject makes sure the project has a row if the save changes anything, and records
// a new fingerprint of the submission: the first stays, the last moves, and each new one
// goes in the audit. A save that brings the fingerprint already recorded and changes
// nothing writes nothing.
func (w *write) touchProject(key string, by Author, changes bool) error {
	w.by, w.fingerprint = by.Name, by.Fingerprint
	var last string
	err := w.stmt(w.s.stmts.lastFingerprint).QueryRowContext(w.ctx, key).Scan(&last)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	newPrint := by.Fingerprint != "" && by.Fingerprint != last
	if !exists && (changes || newPrint) {
		if _, err := w.stmt(w.s.stmts.newProject).ExecContext(w.ctx, key); err != nil {
			return err
		}
	}
	if !newPrint {
		return nil
	}
	if err := w.audit(key, 0, "", FieldFingerprint, last, by.Fingerprint); err != nil {
		return err
	}
	_, err = w.stmt(w.s.stmts.putFingerprint).ExecContext(w.ctx, by.Fingerprint, by.Name, w.atText, key)
	return err
}

func (w *write) audit(key string, n int, ref, field, before, after string) error {
	_, err := w.stmt(w.s.stmts.audit).ExecContext(w.ctx, w.atText, w.by, key, n, ref, field, before, after)
	return err
}

// statements are the Store's prepared statements; each connection prepares them once.
type statements struct {
	indicator, putIndicator                            *sql.Stmt
	lastFingerprint, newProject, putFingerprint, audit *sql.Stmt
	projectFields, putProjectFields                    *sql.Stmt
	project, indicators                                *sql.Stmt // for reads
}

func (st *statements) all() []*sql.Stmt {
	return []*sql.Stmt{st.indicator, st.putIndicator, st.lastFingerprint, st.newProject, st.putFingerprint,
		st.audit, st.projectFields, st.putProjectFields, st.project, st.indicators}
}

func (s *Store) prepare(ctx context.Context) error {
	for _, p := range [...]struct {
		dst   **sql.Stmt
		query string
	}{
		{&s.stmts.indicator, `SELECT ` + indicatorColumns + ` FROM indicator WHERE key = ? AND ref = ?`},
		{&s.stmts.putIndicator, `
INSERT INTO indicator (key, ref, n, fingerprint, actual, score, reason, rule, note, changed_by, changed_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (key, ref) DO UPDATE SET
	n = excluded.n,
	fingerprint = CASE WHEN excluded.fingerprint = '' THEN indicator.fingerprint ELSE excluded.fingerprint END,
	actual = excluded.actual, score = excluded.score, reason = excluded.reason,
	rule = excluded.rule, note = excluded.note,
	changed_by = excluded.changed_by, changed_at = excluded.changed_at`},
		{&s.stmts.lastFingerprint, `SELECT last_fingerprint FROM project WHERE key = ?`},
		{&s.stmts.newProject, `INSERT INTO project (key) VALUES (?)`},
		// SET expressions read the row as it was, so first_by and first_at test the old
		// first_fingerprint too.
		{&s.stmts.putFingerprint, `
UPDATE project SET
	first_fingerprint = CASE WHEN first_fingerprint = '' THEN ?1 ELSE first_fingerprint END,
	first_by = CASE WHEN first_fingerprint = '' THEN ?2 ELSE first_by END,
	first_at = CASE WHEN first_fingerprint = '' THEN ?3 ELSE first_at END,
	last_fingerprint = ?1, last_by = ?2, last_at = ?3
WHERE key = ?4`},
		{&s.stmts.audit, `INSERT INTO audit (at, by, key, n, ref, field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.stmts.project, `SELECT ` + projectColumns + ` FROM project WHERE key = ?`},
		{&s.stmts.indicators, `SELECT ` + indicatorColumns + ` FROM indicator WHERE key = ? ORDER BY n, ref`},
		{&s.stmts.projectFields, `SELECT reviewer, review_date FROM project WHERE key = ?`},
		{&s.stmts.putProjectFields, `
UPDATE project SET reviewer = ?, review_date = ?, changed_by = ?, changed_at = ? WHERE key = ?`},
	} {
		st, err := s.db.PrepareContext(ctx, p.query)
		if err != nil {
			return err
		}
		*p.dst = st
	}
	return nil
}

// Confirm records that the reviewer has checked every stored indicator review of the
// project key against the submission by.Fingerprint (required) and that each still
// stands: each indicator saved against another submission is confirmed against this one,
// with an audit row (FieldFingerprint) apiece; the reviews and their Changed stamps stay
// as they are. It returns the project's whole record as stored.
func (s *Store) Confirm(ctx context.Context, key string, by Author) (Record, error) {
	if err := checkKey(key); err != nil {
		return Record{}, s.fail(ctx, opConfirm, key, 0, err)
	}
	if err := checkAuthor(by); err != nil {
		return Record{}, s.fail(ctx, opConfirm, key, 0, err)
	}
	if by.Fingerprint == "" {
		return Record{}, s.fail(ctx, opConfirm, key, 0, newInvalid(i18n.T("确认须给出自评表的指纹",
			"a confirmation names the submission's fingerprint")))
	}
	var rec Record
	err := s.inWrite(ctx, func(w *write) error {
		old, err := s.readRecord(ctx, w.tx, key)
		if err != nil {
			return err
		}
		var stale []IndicatorRecord
		for _, ir := range old.Indicators {
			if ir.Fingerprint != by.Fingerprint {
				stale = append(stale, ir)
			}
		}
		if err := w.touchProject(key, by, len(stale) > 0); err != nil {
			return err
		}
		for _, ir := range stale {
			if err := w.audit(key, ir.N, ir.Ref, FieldFingerprint, ir.Fingerprint, by.Fingerprint); err != nil {
				return err
			}
			if _, err := w.tx.ExecContext(ctx, `UPDATE indicator SET fingerprint = ? WHERE key = ? AND ref = ?`,
				by.Fingerprint, key, ir.Ref); err != nil {
				return err
			}
		}
		rec, err = s.readRecord(ctx, w.tx, key)
		return err
	})
	if err != nil {
		return Record{}, s.fail(ctx, opConfirm, key, 0, err)
	}
	return rec, nil
}

package store

import (
	"context"
	"database/sql"
	"errors"

	"jixiao/internal/i18n"
)

// Move takes the whole record of the project from to the key to, in one transaction: its
// fields, fingerprints and indicators, each indicator's ref renamed as refs says (from
// the old ref to the new; one not named keeps its ref). The record is no longer
// Positional. The audit gets a row for the move (FieldMoved, on the new key), and History
// and ProjectHistory of the new keys still tell the changes made before it. Records are
// never merged: a record already stored at to is refused (ErrInvalid), and so is a from
// with nothing stored.
//
// It is how a caller brings the records of a store of schema 1, kept by place, to the
// keys it derives today, once it has made sure the submission is the one they were saved
// against (Record.Last).
func (s *Store) Move(ctx context.Context, from, to string, refs map[string]string, by Author) error {
	for _, k := range [...]string{from, to} {
		if err := checkKey(k); err != nil {
			return s.fail(ctx, opMove, k, 0, err)
		}
	}
	if err := checkAuthor(by); err != nil {
		return s.fail(ctx, opMove, from, 0, err)
	}
	for _, ref := range refs {
		if err := checkText("indicator ref", ref, MaxKey); err != nil {
			return s.fail(ctx, opMove, from, 0, err)
		}
	}
	err := s.inWrite(ctx, func(w *write) error {
		w.by = by.Name
		exists := func(key string) (bool, error) {
			var one int
			err := w.tx.QueryRowContext(ctx, `SELECT 1 FROM project WHERE key = ?`, key).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return false, nil
			}
			return err == nil, err
		}
		if ok, err := exists(from); err != nil {
			return err
		} else if !ok {
			return newInvalid(i18n.T("没有可移动的复核记录", "there is no record to move"))
		}
		if ok, err := exists(to); err != nil {
			return err
		} else if ok {
			return newInvalid(i18n.T("目标项目 %q 已有复核记录，不合并两条记录", "project %q already has a record; records are never merged", to))
		}
		if _, err := w.tx.ExecContext(ctx, `
INSERT INTO project (key, reviewer, review_date, changed_by, changed_at, first_fingerprint, first_by, first_at,
	last_fingerprint, last_by, last_at, positional)
SELECT ?, reviewer, review_date, changed_by, changed_at, first_fingerprint, first_by, first_at,
	last_fingerprint, last_by, last_at, 0
FROM project WHERE key = ?`, to, from); err != nil {
			return err
		}
		var old []string
		rows, err := w.tx.QueryContext(ctx, `SELECT ref FROM indicator WHERE key = ?`, from)
		if err != nil {
			return err
		}
		for rows.Next() {
			var ref string
			if err := rows.Scan(&ref); err != nil {
				rows.Close()
				return err
			}
			old = append(old, ref)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		moved := `INSERT INTO moved (old_key, old_ref, new_key, new_ref) VALUES (?, ?, ?, ?)`
		for _, ref := range old {
			nr, ok := refs[ref]
			if !ok {
				nr = ref
			}
			if _, err := w.tx.ExecContext(ctx, `UPDATE indicator SET key = ?, ref = ? WHERE key = ? AND ref = ?`,
				to, nr, from, ref); err != nil {
				return err
			}
			if _, err := w.tx.ExecContext(ctx, moved, from, ref, to, nr); err != nil {
				return err
			}
		}
		if _, err := w.tx.ExecContext(ctx, moved, from, "", to, ""); err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM project WHERE key = ?`, from); err != nil {
			return err
		}
		return w.audit(to, 0, "", FieldMoved, from, to)
	})
	if err != nil {
		return s.fail(ctx, opMove, from, 0, err)
	}
	return nil
}

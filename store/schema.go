package store

// applicationID marks a SQLite file as a jixiao review database (PRAGMA application_id):
// the bytes "JXRV".
const applicationID = 0x4A585256

// migrations are the schema's steps, in order; the database's PRAGMA user_version is the
// number applied. A released step is never edited: change the schema by appending one.
//
// Times are UTC text of fixed width (timeFormat), so they sort as they read. Texts are
// stored as given; a missing value is the empty string. The score is the shortest decimal
// text of the points, or NULL when not scored, so it comes back exactly as saved.
var migrations = []string{
	// 1: current records, and the audit of every change.
	`
CREATE TABLE project (
	key               TEXT PRIMARY KEY,
	reviewer          TEXT NOT NULL DEFAULT '',   -- 复核人
	review_date       TEXT NOT NULL DEFAULT '',   -- 复核日期, as given
	changed_by        TEXT NOT NULL DEFAULT '',   -- who last changed reviewer or review_date
	changed_at        TEXT NOT NULL DEFAULT '',
	first_fingerprint TEXT NOT NULL DEFAULT '',   -- the submission at the first save with one
	first_by          TEXT NOT NULL DEFAULT '',
	first_at          TEXT NOT NULL DEFAULT '',
	last_fingerprint  TEXT NOT NULL DEFAULT '',   -- the submission at the latest save with one
	last_by           TEXT NOT NULL DEFAULT '',
	last_at           TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE indicator (
	key        TEXT NOT NULL REFERENCES project (key),
	n          INTEGER NOT NULL CHECK (n >= 1),   -- 1-based, as the text output numbers them
	actual     TEXT NOT NULL DEFAULT '',          -- 复核完成值, as typed
	score      TEXT,                              -- 复核得分, decimal text; NULL = not scored
	reason     TEXT NOT NULL DEFAULT '',          -- 扣分理由
	rule       TEXT NOT NULL DEFAULT '',          -- 复核口径 code
	note       TEXT NOT NULL DEFAULT '',          -- 备注
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	PRIMARY KEY (key, n)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit (
	seq   INTEGER PRIMARY KEY AUTOINCREMENT,
	at    TEXT NOT NULL,
	by    TEXT NOT NULL,
	key   TEXT NOT NULL,
	n     INTEGER NOT NULL,                       -- 0 for a project field
	field TEXT NOT NULL,
	old   TEXT NOT NULL,
	new   TEXT NOT NULL
) STRICT;

CREATE INDEX audit_record ON audit (key, n, seq);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
`,
	// 2: indicators known by what identifies them (ref), not by their place alone, each
	// with the submission it was last saved or confirmed against (step 1 knew only the
	// project's latest, which each indicator takes); the
	// records of step 1 keep their place as their ref ("#3") and their projects are marked
	// positional, for the caller to move to its new keys (Move) once it has checked that
	// the submission is the one they were saved against. moved says where a record went,
	// so its history follows it.
	`
CREATE TABLE indicator2 (
	key        TEXT NOT NULL REFERENCES project (key),
	ref        TEXT NOT NULL CHECK (ref <> ''),   -- what identifies the indicator in its project
	n          INTEGER NOT NULL CHECK (n >= 1),   -- its 1-based place when last saved
	fingerprint TEXT NOT NULL DEFAULT '',         -- the submission this review was saved or confirmed against
	actual     TEXT NOT NULL DEFAULT '',
	score      TEXT,
	reason     TEXT NOT NULL DEFAULT '',
	rule       TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	changed_by TEXT NOT NULL,
	changed_at TEXT NOT NULL,
	PRIMARY KEY (key, ref)
) STRICT, WITHOUT ROWID;

INSERT INTO indicator2 (key, ref, n, fingerprint, actual, score, reason, rule, note, changed_by, changed_at)
SELECT key, '#' || n, n, (SELECT last_fingerprint FROM project WHERE project.key = indicator.key),
	actual, score, reason, rule, note, changed_by, changed_at FROM indicator;
DROP TABLE indicator;
ALTER TABLE indicator2 RENAME TO indicator;

ALTER TABLE project ADD COLUMN positional INTEGER NOT NULL DEFAULT 0;  -- 1: keyed by place (step 1)
UPDATE project SET positional = 1;

ALTER TABLE audit ADD COLUMN ref TEXT NOT NULL DEFAULT '';             -- '' for a project field
DROP TRIGGER audit_no_update;
UPDATE audit SET ref = '#' || n WHERE n > 0;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
DROP INDEX audit_record;
CREATE INDEX audit_record ON audit (key, ref, seq);

CREATE TABLE moved (
	old_key TEXT NOT NULL,
	old_ref TEXT NOT NULL,                          -- '' for the project itself
	new_key TEXT NOT NULL,
	new_ref TEXT NOT NULL,
	PRIMARY KEY (new_key, new_ref, old_key, old_ref)
) STRICT, WITHOUT ROWID;
`,
}

// timeFormat is how times are stored: UTC, microseconds, fixed width.
const timeFormat = "2006-01-02T15:04:05.000000Z"

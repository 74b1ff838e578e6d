-- A review store as jixiao wrote it at schema 1 (reviews kept by place), for the
-- migration test: sqlite3 review.db < review.sql

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

-- The records: a.toml reviewed as it still is; b.toml reviewed before it was edited.
INSERT INTO project (key, reviewer, review_date, changed_by, changed_at,
	first_fingerprint, first_by, first_at, last_fingerprint, last_by, last_at) VALUES
	('a.toml#1', '张三', '2024-05-20', '张三', '2024-05-20T09:00:00.000000Z', '095e22434aa62a995d559d47604c74e5b7f0030515f8f6d2aee483164104cbb1', '张三', '2024-05-20T09:00:00.000000Z', '095e22434aa62a995d559d47604c74e5b7f0030515f8f6d2aee483164104cbb1', '张三', '2024-05-20T09:00:00.000000Z'),
	('b.toml#1', '', '', '', '', 'edited-since', '李四', '2024-05-20T09:00:00.000000Z', 'edited-since', '李四', '2024-05-20T09:00:00.000000Z');
INSERT INTO indicator (key, n, score, reason, changed_by, changed_at) VALUES
	('a.toml#1', 1, '18', '佐证不足', '张三', '2024-05-20T09:00:00.000000Z'),
	('a.toml#1', 2, '9', '', '张三', '2024-05-20T09:00:00.000000Z'),
	('b.toml#1', 1, '15', '人数未达标', '李四', '2024-05-20T09:00:00.000000Z');
INSERT INTO audit (at, by, key, n, field, old, new) VALUES
	('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 0, 'fingerprint', '', '095e22434aa62a995d559d47604c74e5b7f0030515f8f6d2aee483164104cbb1'),
	('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 1, 'score', '', '18'),
	('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 1, 'reason', '', '佐证不足'),
	('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 2, 'score', '', '9'),
	('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 0, 'reviewer', '', '张三'),
	('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 0, 'date', '', '2024-05-20'),
	('2024-05-20T09:00:00.000000Z', '李四', 'b.toml#1', 0, 'fingerprint', '', 'edited-since'),
	('2024-05-20T09:00:00.000000Z', '李四', 'b.toml#1', 1, 'score', '', '15'),
	('2024-05-20T09:00:00.000000Z', '李四', 'b.toml#1', 1, 'reason', '', '人数未达标');
PRAGMA application_id = 1247302230;
PRAGMA user_version = 1;

package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
)

var (
	zhang = Author{Name: "张三", Fingerprint: Fingerprint([]byte("submission v1"))}
	li    = Author{Name: "李四", Fingerprint: Fingerprint([]byte("submission v1"))}
)

func TestOpenCreatesFolderAndSchema(t *testing.T) {
	dir := t.TempDir()
	path := DefaultPath(dir)
	s := openAt(t, path)
	assert.Equal(t, path, s.Path())
	_, err := os.Stat(filepath.Join(dir, ".jixiao"))
	require.NoError(t, err, "Open should create the folder .jixiao")

	db := raw(t, path)
	assert.Equal(t, strconv.Itoa(len(migrations)), pragma(t, db, "user_version"))
	assert.Equal(t, strconv.Itoa(applicationID), pragma(t, db, "application_id"))
	assert.Equal(t, "wal", pragma(t, db, "journal_mode"))
	for _, table := range []string{"project", "indicator", "audit"} {
		var n int
		require.NoError(t, db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&n))
		assert.Equal(t, 1, n, "table %s", table)
	}
}

func TestOpenSettingsOnEveryConnection(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// Hold MaxConns connections at once, so each setting is seen on fresh ones too.
	for i := 0; i < MaxConns; i++ {
		conn, err := s.db.Conn(ctx)
		require.NoError(t, err)
		defer conn.Close()
		var timeout, fk, sync int
		var mode string
		require.NoError(t, conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout))
		require.NoError(t, conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk))
		require.NoError(t, conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
		require.NoError(t, conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync))
		assert.Equal(t, 2, sync, "connection %d: synchronous should be FULL", i)
		assert.Equal(t, int(BusyTimeout/time.Millisecond), timeout, "connection %d: busy_timeout", i)
		assert.Equal(t, 1, fk, "connection %d: foreign_keys", i)
		assert.Equal(t, "wal", mode, "connection %d: journal_mode", i)
	}
}

func TestOpenPathWithSpecialCharacters(t *testing.T) {
	// '?', '#' and '%' would end or escape a file: URI if the path were not escaped.
	path := filepath.Join(t.TempDir(), "县 审核?#%20", ".jixiao", "review.db")
	s := openAt(t, path)
	_, err := s.SaveIndicator(context.Background(), "a.toml#1", 1, Indicator{Score: MustScore("1")}, zhang)
	require.NoError(t, err)
	_, err = os.Stat(path)
	require.NoError(t, err, "the database should be at the path given, not at a truncated one")
}

func TestReopenIsIdempotent(t *testing.T) {
	path := tempPath(t, "review.db")
	ctx := context.Background()
	s := openAt(t, path)
	_, err := s.SaveIndicator(ctx, "a.toml#1", 1, Indicator{Score: MustScore("19.81"), Reason: "无佐证"}, zhang)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	for i := 0; i < 3; i++ {
		s := openAt(t, path)
		rec, err := s.Project(ctx, "a.toml#1")
		require.NoError(t, err)
		require.Len(t, rec.Indicators, 1, "reopen %d", i)
		assert.Equal(t, "19.81", rec.Indicators[0].Review.Score.String(), "reopen %d", i)
		h, err := s.History(ctx, "a.toml#1", PlaceRef(1))
		require.NoError(t, err)
		assert.Len(t, h, 2, "reopen %d: the audit should hold the two changes once", i)
		require.NoError(t, s.Close())
	}
	db := raw(t, path)
	assert.Equal(t, strconv.Itoa(len(migrations)), pragma(t, db, "user_version"))
}

func TestOpenEmptyFiles(t *testing.T) {
	ctx := context.Background()
	t.Run("zero bytes", func(t *testing.T) {
		path := tempPath(t, "review.db")
		require.NoError(t, os.WriteFile(path, nil, 0o644))
		s := openAt(t, path)
		_, err := s.SaveIndicator(ctx, "k", 1, Indicator{Note: "ok"}, zhang)
		require.NoError(t, err)
	})
	t.Run("empty SQLite database", func(t *testing.T) {
		path := tempPath(t, "review.db")
		db := raw(t, path)
		_, err := db.Exec("PRAGMA journal_mode = DELETE") // writes the header
		require.NoError(t, err)
		require.NoError(t, db.Close())
		s := openAt(t, path)
		_, err = s.SaveIndicator(ctx, "k", 1, Indicator{Note: "ok"}, zhang)
		require.NoError(t, err)
	})
}

// TestMigrationAppliesOnlyMissingSteps stands in for the next schema step: a store made at
// the current version gets only the new step on its next open, keeping its records.
func TestMigrationAppliesOnlyMissingSteps(t *testing.T) {
	ctx := context.Background()
	path := tempPath(t, "review.db")
	s := openAt(t, path)
	_, err := s.SaveIndicator(ctx, "k", 2, Indicator{Score: MustScore("3.5")}, zhang)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]string(nil), saved...), `ALTER TABLE project ADD COLUMN extra TEXT NOT NULL DEFAULT ''`)

	s = openAt(t, path)
	rec, err := s.Project(ctx, "k")
	require.NoError(t, err)
	require.Len(t, rec.Indicators, 1)
	assert.Equal(t, "3.5", rec.Indicators[0].Review.Score.String())
	require.NoError(t, s.Close())
	db := raw(t, path)
	assert.Equal(t, strconv.Itoa(len(saved)+1), pragma(t, db, "user_version"))
	var extra string
	require.NoError(t, db.QueryRow(`SELECT extra FROM project WHERE key = 'k'`).Scan(&extra), "the new step should have run")

	// Reopened with the older code, the file is newer than it knows.
	migrations = saved
	_, err = Open(ctx, path)
	require.ErrorIs(t, err, ErrNewerSchema)
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		make  func(t *testing.T, path string)
		kind  error
		enMsg string
	}{
		{
			name: "text file",
			make: func(t *testing.T, path string) {
				require.NoError(t, os.WriteFile(path, []byte(`[project]
name = "这不是数据库，是一个 TOML 文件，长度足够让 SQLite 读它的文件头"
`+string(make([]byte, 600))), 0o644))
			},
			kind:  ErrNotStore,
			enMsg: "not a jixiao review database (not an SQLite database at all); name another file with --db, this one is left as it is",
		},
		{
			name: "another program's database",
			make: func(t *testing.T, path string) {
				db := raw(t, path)
				_, err := db.Exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)`)
				require.NoError(t, err)
				require.NoError(t, db.Close())
			},
			kind:  ErrNotStore,
			enMsg: "not a jixiao review database (it belongs to another program); name another file with --db, this one is left as it is",
		},
		{
			name: "newer jixiao",
			make: func(t *testing.T, path string) {
				s, err := Open(ctx, path)
				require.NoError(t, err)
				require.NoError(t, s.Close())
				db := raw(t, path)
				_, err = db.Exec(`PRAGMA user_version = 99`)
				require.NoError(t, err)
				require.NoError(t, db.Close())
			},
			kind: ErrNewerSchema,
			enMsg: "it was written by a newer jixiao (schema version 99, this one knows up to " +
				strconv.Itoa(len(migrations)) + "); upgrade jixiao",
		},
		{
			name:  "folder",
			make:  func(t *testing.T, path string) { require.NoError(t, os.Mkdir(path, 0o755)) },
			kind:  ErrNotStore,
			enMsg: "this is a folder; give the path of a database file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tempPath(t, "review.db")
			tt.make(t, path)
			before := snapshot(t, path)

			s, err := Open(ctx, path)
			if s != nil {
				s.Close()
			}
			require.Error(t, err, "Open(%s) accepted a %s", path, tt.name)
			assert.ErrorIs(t, err, tt.kind)
			var se *Error
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.enMsg, se.Msg.String(i18n.En))
			assert.Contains(t, err.Error(), "review store "+path+": open: "+tt.enMsg)
			assert.Equal(t, before, snapshot(t, path), "Open changed the %s it refused", tt.name)
		})
	}
}

// snapshot is a file's bytes, or a marker for a folder.
func snapshot(t *testing.T, path string) string {
	fi, err := os.Stat(path)
	require.NoError(t, err)
	if fi.IsDir() {
		return "folder"
	}
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func TestErrorLocalized(t *testing.T) {
	s := openTemp(t)
	_, err := s.SaveIndicator(context.Background(), "县/a.xlsx#1", 3, Indicator{Score: MustScore("1")}, Author{})
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "review store "+s.Path()+`: save indicator project "县/a.xlsx#1" indicator 3: name who is saving (the audit keeps it)`,
		se.Localize(i18n.En))
	assert.Equal(t, "复核记录库 "+s.Path()+`: 保存指标复核 项目 "县/a.xlsx#1" 指标 3: 请写明保存人的姓名`, se.Localize(i18n.Zh))
}

func TestCancelledContexts(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Open(ctx, tempPath(t, "review.db"))
	require.Error(t, err)
	assert.ErrorIs(t, err, context.Canceled)

	s := openTemp(t)
	_, err = s.Project(ctx, "k")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.All(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.History(ctx, "k", PlaceRef(1))
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.SaveIndicator(ctx, "k", 1, Indicator{Note: "x"}, zhang)
	assert.ErrorIs(t, err, context.Canceled)
	all, err := s.All(context.Background())
	require.NoError(t, err)
	assert.Empty(t, all)
}

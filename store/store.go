package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"jixiao/internal/i18n"
)

// Connection settings. Every connection waits up to BusyTimeout for a lock another program
// holds before a save fails with ErrBusy; write transactions take the write lock when they
// begin (BEGIN IMMEDIATE), so two writers never deadlock half-way; the journal is WAL, so
// readers never wait for a writer and a writer never waits for readers; synchronous is FULL,
// so a save that returned is on disk, even across a power cut.
const (
	BusyTimeout = 5 * time.Second
	// MaxConns bounds the connections one Store opens: reads run in parallel on them,
	// saves take turns on one of them at a time.
	MaxConns = 4
)

// DefaultPath is the database's place inside a batch's folder dir: dir/.jixiao/review.db.
func DefaultPath(dir string) string { return filepath.Join(dir, ".jixiao", "review.db") }

// Store is an open review database. Its methods are safe for concurrent use; Close it when
// done.
type Store struct {
	db      *sql.DB
	stmts   statements
	path    string
	writing chan struct{} // holds a token while a save of this Store runs
	now     func() time.Time

	// midSave, when set by a test, runs inside each save's transaction after the audit
	// rows are written and before the record is, with the save's context; an error from it
	// fails the save there.
	midSave func(ctx context.Context) error
}

// Open opens the review database at path, creating the file and its folder if needed, and
// brings its schema up to date. A file that is not a jixiao review database is refused
// with ErrNotStore, one written by a newer jixiao with ErrNewerSchema; neither is changed.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, BusyTimeout)
}

// open is Open with another busy timeout, for tests.
func open(ctx context.Context, path string, busy time.Duration) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{Op: opOpen, Path: path, Err: err}
	}
	s := &Store{path: abs, writing: make(chan struct{}, 1), now: time.Now}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, &Error{Op: opOpen, Path: abs, Kind: ErrNotStore,
			Msg: i18n.T("这是一个文件夹；请给出数据库文件的路径", "this is a folder; give the path of a database file")}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, &Error{Op: opOpen, Path: abs, Err: err}
	}
	db, err := sql.Open("sqlite", dsn(abs, busy))
	if err != nil {
		return nil, &Error{Op: opOpen, Path: abs, Err: err}
	}
	db.SetMaxOpenConns(MaxConns)
	db.SetMaxIdleConns(MaxConns)
	s.db = db
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		db.Close()
		return nil, s.fail(ctx, opOpen, "", 0, err)
	}
	return s, nil
}

// dsn is the driver's name for the file at abs with the connection settings. The path
// goes in a file: URI, escaped, so '?', '#' and '%' in folder names stay part of it.
func dsn(abs string, busy time.Duration) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.FormatInt(busy.Milliseconds(), 10)+")")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Set("_txlock", "immediate")
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	return u.String()
}

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// Close closes the database. Saves still running finish or fail first; nothing committed
// is lost.
func (s *Store) Close() error {
	for _, st := range s.stmts.all() {
		if st != nil {
			st.Close()
		}
	}
	if err := s.db.Close(); err != nil {
		return &Error{Op: opClose, Path: s.path, Err: err}
	}
	return nil
}

// migrate checks that the file is a jixiao review database (or empty), applies the schema
// steps it lacks in one transaction, and turns on WAL.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.openErr(ctx, err)
	}
	defer conn.Close()

	// Look before taking the write lock: a foreign file is refused without being locked
	// for writing.
	version, err := s.identify(ctx, conn)
	if err != nil {
		return err
	}
	if version < len(migrations) {
		if err := s.upgrade(ctx, conn); err != nil {
			return err
		}
	}

	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return s.openErr(ctx, err)
	}
	if mode != "wal" {
		return &Error{Op: opOpen, Path: s.path, Msg: i18n.T(
			"无法切换到 WAL 日志模式（当前为 %s）；请关闭正在使用该文件的其他程序后重试",
			"cannot switch to the WAL journal (the file stays in %s mode); close other programs using it and try again", mode)}
	}
	return nil
}

// upgrade applies the missing schema steps under the write lock, checking the version
// again: another program may have upgraded the file meanwhile.
func (s *Store) upgrade(ctx context.Context, conn *sql.Conn) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.openErr(ctx, err)
	}
	defer tx.Rollback()
	version, err := s.identify(ctx, tx)
	if err != nil {
		return err
	}
	for i := version; i < len(migrations); i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return s.openErr(ctx, fmt.Errorf("schema step %d: %w", i+1, err))
		}
	}
	// PRAGMA takes no parameters; both values are integers formatted here.
	if _, err := tx.ExecContext(ctx, "PRAGMA application_id = "+strconv.Itoa(applicationID)); err != nil {
		return s.openErr(ctx, err)
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(len(migrations))); err != nil {
		return s.openErr(ctx, err)
	}
	if err := tx.Commit(); err != nil {
		return s.openErr(ctx, err)
	}
	return nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// identify returns the number of schema steps the file has, or why it is not ours.
func (s *Store) identify(ctx context.Context, q queryer) (int, error) {
	var appID, version, objects int
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return 0, s.openErr(ctx, err)
	}
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, s.openErr(ctx, err)
	}
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return 0, s.openErr(ctx, err)
	}
	switch {
	case appID == applicationID && version > len(migrations):
		return 0, &Error{Op: opOpen, Path: s.path, Kind: ErrNewerSchema, Msg: i18n.T(
			"该复核记录库由较新版本的 jixiao 写入（结构版本 %d，本版本只认识到 %d）；请升级 jixiao",
			"it was written by a newer jixiao (schema version %d, this one knows up to %d); upgrade jixiao",
			version, len(migrations))}
	case appID == applicationID:
		return version, nil
	case appID == 0 && version == 0 && objects == 0:
		return 0, nil // a new or empty database
	}
	return 0, &Error{Op: opOpen, Path: s.path, Kind: ErrNotStore, Msg: notStoreMsg}
}

var notStoreMsg = i18n.T(
	"不是 jixiao 的复核记录库（是另一个程序的数据库）；请用 --db 指定别的文件，本程序不会改动它",
	"not a jixiao review database (it belongs to another program); name another file with --db, this one is left as it is")

// openErr wraps a failure while opening; a file that is not SQLite is ErrNotStore.
func (s *Store) openErr(ctx context.Context, err error) error {
	var de *sqlite.Error
	if errors.As(err, &de) && de.Code()&0xff == sqlite3.SQLITE_NOTADB {
		return &Error{Op: opOpen, Path: s.path, Kind: ErrNotStore, Err: err, Msg: i18n.T(
			"不是 jixiao 的复核记录库（不是 SQLite 数据库）；请用 --db 指定别的文件，本程序不会改动它",
			"not a jixiao review database (not an SQLite database at all); name another file with --db, this one is left as it is")}
	}
	return s.fail(ctx, opOpen, "", 0, err)
}

// stamp is the time of a change as stored.
func (s *Store) stamp() (time.Time, string) {
	t := s.now().UTC().Truncate(time.Microsecond)
	return t, t.Format(timeFormat)
}

func parseTime(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeFormat, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", v, err)
	}
	return t, nil
}

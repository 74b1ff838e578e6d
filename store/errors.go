package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"jixiao/internal/i18n"
)

// The kinds of error, for errors.Is.
var (
	// ErrNotStore: the file is not a jixiao review database (another program's file or
	// database, or not a database at all). The store leaves such a file untouched.
	ErrNotStore = errors.New("not a jixiao review database")
	// ErrNewerSchema: the database was written by a newer jixiao; this one does not know
	// its schema and leaves it untouched.
	ErrNewerSchema = errors.New("review database from a newer jixiao")
	// ErrInvalid: an argument the store does not keep (an empty key, a score that is not a
	// number, a text too long…). Nothing was written.
	ErrInvalid = errors.New("invalid review record")
	// ErrChanged: the record was changed since the saver was shown it (Entry.Since);
	// Error.Now is that change. Nothing was written.
	ErrChanged = errors.New("review record changed since it was shown")
	// ErrBusy: another program held the database for longer than the busy timeout.
	// Nothing was written; trying again later may succeed.
	ErrBusy = errors.New("review database busy")
)

// Error is a failure of the store, with what was being done.
type Error struct {
	Op   string    // what was being done: "open", "save indicator", "read project"…
	Path string    // the database file
	Key  string    // the project key, when the failure concerns one project
	N    int       // the indicator's number, when it concerns one indicator
	Kind error     // ErrNotStore, ErrNewerSchema, ErrInvalid, ErrChanged, ErrBusy, or nil
	Now  Stamp     // with ErrChanged: the record's change the saver had not seen
	Msg  i18n.Text // what went wrong and what to do; empty when Err says it all
	Err  error     // the cause: a driver error, a file-system error, the context's error
}

// Error is the one-line English form.
func (e *Error) Error() string { return e.Localize(i18n.En) }

// Localize is the one-line form in lang: what was being done, on which file and record,
// then what went wrong.
func (e *Error) Localize(lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString(i18n.Pick(lang, "复核记录库", "review store"))
	if e.Path != "" {
		fmt.Fprintf(&b, " %s", e.Path)
	}
	b.WriteString(": ")
	b.WriteString(opText(e.Op).String(lang))
	if e.Key != "" {
		fmt.Fprintf(&b, i18n.Pick(lang, " 项目 %q", " project %q"), e.Key)
	}
	if e.N > 0 {
		fmt.Fprintf(&b, i18n.Pick(lang, " 指标 %d", " indicator %d"), e.N)
	}
	if e.Msg.Zh != "" || e.Msg.En != "" {
		b.WriteString(": ")
		b.WriteString(e.Msg.String(lang))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap gives the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// newInvalid is a refused argument; the caller fills in Op, Path, Key and N.
func newInvalid(msg i18n.Text) *Error { return &Error{Kind: ErrInvalid, Msg: msg} }

// fail wraps err with what was being done. A failure after the context ended is reported
// as the context's error (the driver may say "interrupted" instead), and a lock held too
// long by another program as ErrBusy.
func (s *Store) fail(ctx context.Context, op, key string, n int, err error) error {
	var se *Error
	if errors.As(err, &se) {
		out := *se
		out.Op, out.Path, out.Key, out.N = op, s.path, key, n
		return &out
	}
	e := &Error{Op: op, Path: s.path, Key: key, N: n, Err: err}
	if ctxErr := ctx.Err(); ctxErr != nil {
		if !errors.Is(err, ctxErr) {
			e.Err = fmt.Errorf("%w (%v)", ctxErr, err)
		}
		e.Msg = i18n.T("已取消", "cancelled")
		if strings.HasPrefix(op, "save") {
			e.Msg = i18n.T("已取消，本次保存未写入任何内容", "cancelled, nothing of this save was written")
		}
		return e
	}
	var de *sqlite.Error
	if errors.As(err, &de) && de.Code()&0xff == sqlite3.SQLITE_BUSY {
		e.Kind = ErrBusy
		e.Msg = i18n.T("数据库正被另一个程序占用，请稍后再试", "the database is held by another program; try again later")
	}
	return e
}

// opText names an operation in both languages.
func opText(op string) i18n.Text {
	switch op {
	case opOpen:
		return i18n.T("打开", "open")
	case opSaveIndicator:
		return i18n.T("保存指标复核", "save indicator")
	case opSaveProject:
		return i18n.T("保存项目复核", "save project")
	case opRead:
		return i18n.T("读取复核记录", "read")
	case opHistory:
		return i18n.T("读取修改记录", "read history")
	case opClose:
		return i18n.T("关闭", "close")
	case opConfirm:
		return i18n.T("确认复核记录", "confirm reviews")
	case opMove:
		return i18n.T("移动复核记录", "move record")
	}
	return i18n.T("%s", "%s", op)
}

// The operations named in errors.
const (
	opOpen          = "open"
	opSaveIndicator = "save indicator"
	opSaveProject   = "save project"
	opRead          = "read"
	opHistory       = "read history"
	opClose         = "close"
	opMove          = "move"
	opConfirm       = "confirm"
)

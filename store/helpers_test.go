package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// base is the first time a test clock gives.
var base = time.Date(2024, 5, 20, 9, 0, 0, 0, time.UTC)

// openAt opens the store at path with a clock that ticks one second per save, from base.
func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	require.NoError(t, err, "Open(%s)", path)
	t.Cleanup(func() { s.Close() })
	var mu sync.Mutex
	next := base
	s.now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now := next
		next = next.Add(time.Second)
		return now
	}
	return s
}

// openTemp opens a new store in a temporary folder.
func openTemp(t testing.TB) *Store {
	t.Helper()
	return openAt(t, DefaultPath(t.TempDir()))
}

// raw opens the file with the driver alone, as another program would.
func raw(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func pragma(t testing.TB, db *sql.DB, name string) string {
	t.Helper()
	var v string
	require.NoError(t, db.QueryRow("PRAGMA "+name).Scan(&v), "PRAGMA %s", name)
	return v
}

// checkAuditReplays asserts that replaying the audit gives every stored record, field by
// field, and that every record's Changed stamp is its latest audit row: the audit holds
// every change, and no record holds anything the audit does not.
func checkAuditReplays(t testing.TB, s *Store) {
	t.Helper()
	ctx := context.Background()
	recs, err := s.All(ctx)
	require.NoError(t, err)
	for _, rec := range recs {
		changes, err := s.ProjectHistory(ctx, rec.Key)
		require.NoError(t, err)
		type state struct {
			fields map[string]string
			last   Stamp
		}
		replay := map[int]*state{}
		for _, c := range changes {
			st := replay[c.N]
			if st == nil {
				st = &state{fields: map[string]string{}}
				replay[c.N] = st
			}
			// An indicator's first fingerprint comes with its first save, without a row of its own.
			if old, ok := st.fields[c.Field]; ok || c.N == 0 || c.Field != FieldFingerprint {
				require.Equal(t, old, c.Old, "audit row %d of %s: old value is not the value before it", c.Seq, rec.Key)
			}
			st.fields[c.Field] = c.New
			if c.Field != FieldFingerprint {
				st.last = Stamp{By: c.By, At: c.At}
			}
		}
		for _, ir := range rec.Indicators {
			st := replay[ir.N]
			require.NotNil(t, st, "%s indicator %d is stored but has no audit rows", rec.Key, ir.N)
			want := Indicator{Actual: st.fields[FieldActual], Score: MustScore(st.fields[FieldScore]),
				Reason: st.fields[FieldReason], Rule: st.fields[FieldRule], Note: st.fields[FieldNote]}
			require.Equal(t, want, ir.Review, "%s indicator %d: record differs from the audit's replay", rec.Key, ir.N)
			require.Equal(t, st.last, ir.Changed, "%s indicator %d: Changed is not the latest audit row", rec.Key, ir.N)
			delete(replay, ir.N)
		}
		if st := replay[0]; st != nil {
			require.Equal(t, Project{Reviewer: st.fields[FieldReviewer], Date: st.fields[FieldDate]}, rec.Project,
				"%s: project fields differ from the audit's replay", rec.Key)
			if st.last != (Stamp{}) {
				require.Equal(t, st.last, rec.Changed, "%s: Changed is not the latest audit row of its fields", rec.Key)
			}
			if fp := st.fields[FieldFingerprint]; fp != "" {
				require.Equal(t, fp, rec.Last.Fingerprint, "%s: last fingerprint differs from the audit's", rec.Key)
			}
			delete(replay, 0)
		}
		require.Empty(t, replay, "%s: audit rows for indicators that have no record", rec.Key)
	}
}

func tempPath(t testing.TB, name string) string {
	return filepath.Join(t.TempDir(), name)
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// The size of a large batch's review: what an export reads.
const benchProjects, benchIndicators = 1000, 10

// fill saves benchIndicators indicators for each of benchProjects projects, one
// transaction per project.
func fill(b *testing.B, s *Store) {
	b.Helper()
	ctx := context.Background()
	for p := 0; p < benchProjects; p++ {
		entries := make([]Entry, benchIndicators)
		for n := range entries {
			entries[n] = Entry{N: n + 1, Review: Indicator{
				Actual: "95%", Score: MustScore(fmt.Sprintf("%d.%02d", n+5, p%100)),
				Reason: "部分佐证材料不足，按口径扣分", Rule: "R03", Note: "已与单位核实",
			}}
		}
		by := Author{Name: "张三", Fingerprint: Fingerprint([]byte(strconv.Itoa(p)))}
		_, err := s.SaveIndicators(ctx, benchKey(p), entries, by)
		require.NoError(b, err)
	}
}

func benchKey(p int) string {
	return ProjectKey(fmt.Sprintf("县%02d/项目%04d.xlsx", p%30, p), "项目", 1)
}

// BenchmarkSaveIndicator is one reviewer's save of one indicator (a changed score and
// reason, so two audit rows) into a store holding a large batch: one committed, synced
// transaction per op.
func BenchmarkSaveIndicator(b *testing.B) {
	s := openTemp(b)
	fill(b, s)
	ctx := context.Background()
	key := benchKey(500)
	scores := [2]Score{MustScore("12.5"), MustScore("13.25")}
	reasons := [2]string{"完成率不足", "无满意度调查数据"}
	i := 0
	for b.Loop() {
		// Each indicator in turn, each time with the other score and reason than before.
		n, v := 1+i%benchIndicators, (i/benchIndicators)%2
		_, err := s.SaveIndicator(ctx, key, n, Indicator{Score: scores[v], Reason: reasons[v]}, li)
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSaveIndicatorParallel is saves from several goroutines at once: they take turns,
// so this is the store's write throughput under contention.
func BenchmarkSaveIndicatorParallel(b *testing.B) {
	s := openTemp(b)
	fill(b, s)
	ctx := context.Background()
	b.SetParallelism(2) // 2×GOMAXPROCS writers
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			key := benchKey(i % benchProjects)
			_, err := s.SaveIndicator(ctx, key, 1+i%benchIndicators, Indicator{Score: MustScore(strconv.Itoa(i))}, li)
			if err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

// BenchmarkProject is one project's record: what the project page reads.
func BenchmarkProject(b *testing.B) {
	s := openTemp(b)
	fill(b, s)
	ctx := context.Background()
	key := benchKey(500)
	for b.Loop() {
		rec, err := s.Project(ctx, key)
		if err != nil || len(rec.Indicators) != benchIndicators {
			b.Fatal(err, len(rec.Indicators))
		}
	}
}

// BenchmarkAll reads the whole store of 1,000 projects × 10 indicators: what an export
// reads.
func BenchmarkAll(b *testing.B) {
	s := openTemp(b)
	fill(b, s)
	ctx := context.Background()
	for b.Loop() {
		recs, err := s.All(ctx)
		if err != nil || len(recs) != benchProjects {
			b.Fatal(err, len(recs))
		}
	}
}

// The floors: the same work done with the driver alone, with the same connection
// settings, and nothing of the store's (no validation, no audit, no fingerprint).

// BenchmarkFloorCommit is one synced write transaction of one row: the least a save costs.
func BenchmarkFloorCommit(b *testing.B) {
	db := floorDB(b)
	ctx := context.Background()
	_, err := db.ExecContext(ctx, `CREATE TABLE t (k TEXT, n INTEGER, v TEXT, PRIMARY KEY (k, n)) STRICT`)
	require.NoError(b, err)
	i := 0
	for b.Loop() {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO t VALUES ('k', ?, ?)`, i%benchIndicators, strconv.Itoa(i)); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkFloorScan reads the store's indicator table into strings with the driver alone.
func BenchmarkFloorScan(b *testing.B) {
	s := openTemp(b)
	fill(b, s)
	ctx := context.Background()
	for b.Loop() {
		rows, err := s.db.QueryContext(ctx, `SELECT key, n, actual, score, reason, rule, note, changed_by, changed_at FROM indicator ORDER BY key, n`)
		if err != nil {
			b.Fatal(err)
		}
		count := 0
		for rows.Next() {
			var key, actual, reason, rule, note, by, at string
			var n int
			var score sql.NullString
			if err := rows.Scan(&key, &n, &actual, &score, &reason, &rule, &note, &by, &at); err != nil {
				b.Fatal(err)
			}
			count++
		}
		rows.Close()
		if count != benchProjects*benchIndicators {
			b.Fatal(count)
		}
	}
}

func floorDB(b *testing.B) *sql.DB {
	db, err := sql.Open("sqlite", dsn(tempPath(b, "floor.db"), BusyTimeout))
	require.NoError(b, err)
	b.Cleanup(func() { db.Close() })
	var mode string
	require.NoError(b, db.QueryRow("PRAGMA journal_mode = WAL").Scan(&mode))
	require.Equal(b, "wal", mode)
	return db
}

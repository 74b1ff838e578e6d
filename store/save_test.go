package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
)

func at(seconds int) time.Time { return base.Add(time.Duration(seconds) * time.Second) }

func TestSaveReadRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := tempPath(t, "review.db")
	s := openAt(t, path)
	key := ProjectKey("某县/教育局.xlsx", "学前教育", 1)

	inputs := []Entry{
		{N: 1, Review: Indicator{Actual: "98%", Score: MustScore("19.81"), Reason: "部分佐证不足", Rule: "R03", Note: "见附件 2"}},
		{N: 2, Review: Indicator{Actual: "12 个", Score: MustScore("0.1")}},
		{N: 3, Review: Indicator{Score: MustScore("2.675")}},                    // three decimals kept as typed
		{N: 10, Review: Indicator{Actual: "未提供", Reason: "无佐证材料", Rule: "R01"}}, // not scored yet
	}
	for _, in := range inputs {
		got, err := s.SaveIndicator(ctx, key, in.N, in.Review, zhang)
		require.NoError(t, err, "SaveIndicator(%d)", in.N)
		assert.Equal(t, in.N, got.N)
		assert.Equal(t, in.Review, got.Review, "SaveIndicator(%d) returned", in.N)
		assert.Equal(t, "张三", got.Changed.By)
	}
	_, err := s.SaveProject(ctx, key, Project{Reviewer: "张三、李四", Date: "2024-05-20"}, zhang)
	require.NoError(t, err)

	want := Record{
		Key:     key,
		Project: Project{Reviewer: "张三、李四", Date: "2024-05-20"},
		Changed: Stamp{By: "张三", At: at(4)},
		First:   Seen{Fingerprint: zhang.Fingerprint, By: "张三", At: at(0)},
		Last:    Seen{Fingerprint: zhang.Fingerprint, By: "张三", At: at(0)},
		Indicators: []IndicatorRecord{
			{Ref: "#1", N: 1, Fingerprint: zhang.Fingerprint, Review: inputs[0].Review, Changed: Stamp{By: "张三", At: at(0)}},
			{Ref: "#2", N: 2, Fingerprint: zhang.Fingerprint, Review: inputs[1].Review, Changed: Stamp{By: "张三", At: at(1)}},
			{Ref: "#3", N: 3, Fingerprint: zhang.Fingerprint, Review: inputs[2].Review, Changed: Stamp{By: "张三", At: at(2)}},
			{Ref: "#10", N: 10, Fingerprint: zhang.Fingerprint, Review: inputs[3].Review, Changed: Stamp{By: "张三", At: at(3)}},
		},
	}
	check := func(s *Store, when string) {
		got, err := s.Project(ctx, key)
		require.NoError(t, err)
		assert.Equal(t, want, got, "Project(%q) %s", key, when)
		assert.Equal(t, "19.81", got.Indicators[0].Review.Score.String())
		assert.Equal(t, "2.675", got.Indicators[2].Review.Score.String())
		assert.False(t, got.Indicators[3].Review.Score.IsSet(), "an unscored indicator comes back unscored, not 0")
		all, err := s.All(ctx)
		require.NoError(t, err)
		assert.Equal(t, []Record{want}, all, "All %s", when)
	}
	check(s, "after saving")

	// Restart: a new Store on the same file finds everything.
	require.NoError(t, s.Close())
	check(openAt(t, path), "after a restart")

	// The score is stored as text, not as a REAL that would bring float noise.
	var typ, text string
	require.NoError(t, raw(t, path).QueryRow(`SELECT typeof(score), score FROM indicator WHERE n = 1`).Scan(&typ, &text))
	assert.Equal(t, "text", typ)
	assert.Equal(t, "19.81", text)
}

func TestProjectWithNothingStored(t *testing.T) {
	s := openTemp(t)
	rec, err := s.Project(context.Background(), "nothing#1")
	require.NoError(t, err)
	assert.Equal(t, Record{Key: "nothing#1"}, rec)
	all, err := s.All(context.Background())
	require.NoError(t, err)
	assert.Empty(t, all)
	h, err := s.History(context.Background(), "nothing#1", PlaceRef(1))
	require.NoError(t, err)
	assert.Empty(t, h)
}

func TestLaterSaveWins(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	_, err := s.SaveIndicator(ctx, "k", 4, Indicator{Score: MustScore("8"), Reason: "指标值偏低"}, zhang)
	require.NoError(t, err)
	_, err = s.SaveIndicator(ctx, "k", 4, Indicator{Score: MustScore("6"), Reason: "无满意度调查"}, li)
	require.NoError(t, err)

	rec, err := s.Project(ctx, "k")
	require.NoError(t, err)
	ir, ok := rec.Indicator(PlaceRef(4))
	require.True(t, ok)
	assert.Equal(t, IndicatorRecord{Ref: "#4", N: 4, Fingerprint: li.Fingerprint, Review: Indicator{Score: MustScore("6"), Reason: "无满意度调查"},
		Changed: Stamp{By: "李四", At: at(1)}}, ir)
}

func TestAuditOldAndNewValues(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	v2 := Fingerprint([]byte("submission v2"))
	steps := []func() error{
		func() error { // 0: first save
			_, err := s.SaveIndicator(ctx, "k", 1, Indicator{Actual: "95%", Score: MustScore("18"), Reason: "完成率不足"}, zhang)
			return err
		},
		func() error { // 1: another reviewer changes the score and clears the reason
			_, err := s.SaveIndicator(ctx, "k", 1, Indicator{Actual: "95%", Score: MustScore("18.5"), Rule: "R02"}, li)
			return err
		},
		func() error { // 2: the same values again: no change, no audit row
			_, err := s.SaveIndicator(ctx, "k", 1, Indicator{Actual: "95%", Score: MustScore("18.50"), Rule: "R02"}, zhang)
			return err
		},
		func() error { // 3: project fields, after the submission was edited
			_, err := s.SaveProject(ctx, "k", Project{Reviewer: "李四", Date: "2024-05-21"}, Author{Name: "李四", Fingerprint: v2})
			return err
		},
		func() error { // 4: the score removed, on another indicator a first save
			_, err := s.SaveIndicators(ctx, "k", []Entry{
				{N: 1, Review: Indicator{Actual: "95%", Rule: "R02"}},
				{N: 2, Review: Indicator{Note: "待核"}},
			}, Author{Name: "张三", Fingerprint: v2})
			return err
		},
	}
	for i, step := range steps {
		require.NoError(t, step(), "step %d", i)
	}

	v1 := zhang.Fingerprint
	want := []Change{
		{Seq: 1, At: at(0), By: "张三", Key: "k", N: 0, Field: FieldFingerprint, Old: "", New: v1},
		{Seq: 2, At: at(0), By: "张三", Key: "k", N: 1, Ref: "#1", Field: FieldActual, Old: "", New: "95%"},
		{Seq: 3, At: at(0), By: "张三", Key: "k", N: 1, Ref: "#1", Field: FieldScore, Old: "", New: "18"},
		{Seq: 4, At: at(0), By: "张三", Key: "k", N: 1, Ref: "#1", Field: FieldReason, Old: "", New: "完成率不足"},
		{Seq: 5, At: at(1), By: "李四", Key: "k", N: 1, Ref: "#1", Field: FieldScore, Old: "18", New: "18.5"},
		{Seq: 6, At: at(1), By: "李四", Key: "k", N: 1, Ref: "#1", Field: FieldReason, Old: "完成率不足", New: ""},
		{Seq: 7, At: at(1), By: "李四", Key: "k", N: 1, Ref: "#1", Field: FieldRule, Old: "", New: "R02"},
		{Seq: 8, At: at(3), By: "李四", Key: "k", N: 0, Field: FieldFingerprint, Old: v1, New: v2},
		{Seq: 9, At: at(3), By: "李四", Key: "k", N: 0, Field: FieldReviewer, Old: "", New: "李四"},
		{Seq: 10, At: at(3), By: "李四", Key: "k", N: 0, Field: FieldDate, Old: "", New: "2024-05-21"},
		{Seq: 11, At: at(4), By: "张三", Key: "k", N: 1, Ref: "#1", Field: FieldScore, Old: "18.5", New: ""},
		{Seq: 12, At: at(4), By: "张三", Key: "k", N: 1, Ref: "#1", Field: FieldFingerprint, Old: v1, New: v2},
		{Seq: 13, At: at(4), By: "张三", Key: "k", N: 2, Ref: "#2", Field: FieldNote, Old: "", New: "待核"},
	}
	got, err := s.ProjectHistory(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, want, got, "ProjectHistory")

	got, err = s.History(ctx, "k", PlaceRef(1))
	require.NoError(t, err)
	assert.Equal(t, []Change{want[1], want[2], want[3], want[4], want[5], want[6], want[10], want[11]}, got, "History of indicator 1")

	rec, err := s.Project(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, Seen{Fingerprint: v1, By: "张三", At: at(0)}, rec.First)
	assert.Equal(t, Seen{Fingerprint: v2, By: "李四", At: at(3)}, rec.Last, "who first saved against v2")
	assert.True(t, rec.Stale(v1), "the record was last saved against v2")
	ir, _ := rec.Indicator(PlaceRef(1))
	assert.Equal(t, Stamp{By: "张三", At: at(4)}, ir.Changed)
	checkAuditReplays(t, s)
}

func TestSaveWithoutFingerprintKeepsTheLastOne(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	_, err := s.SaveIndicator(ctx, "k", 1, Indicator{Note: "a"}, Author{Name: "王五"})
	require.NoError(t, err)
	rec, err := s.Project(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, Seen{}, rec.First, "no fingerprint given yet")
	assert.False(t, rec.Stale("anything"))

	_, err = s.SaveIndicator(ctx, "k", 1, Indicator{Note: "b"}, zhang)
	require.NoError(t, err)
	_, err = s.SaveIndicator(ctx, "k", 1, Indicator{Note: "c"}, Author{Name: "王五"})
	require.NoError(t, err)
	rec, err = s.Project(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, Seen{Fingerprint: zhang.Fingerprint, By: "张三", At: at(1)}, rec.First)
	assert.Equal(t, Seen{Fingerprint: zhang.Fingerprint, By: "张三", At: at(1)}, rec.Last)
}

func TestAuditIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	_, err := s.SaveIndicator(ctx, "k", 1, Indicator{Score: MustScore("5")}, zhang)
	require.NoError(t, err)
	_, err = s.db.ExecContext(ctx, `UPDATE audit SET new = '20'`)
	assert.ErrorContains(t, err, "the audit is append-only")
	_, err = s.db.ExecContext(ctx, `DELETE FROM audit`)
	assert.ErrorContains(t, err, "the audit is append-only")
	h, err := s.History(ctx, "k", PlaceRef(1))
	require.NoError(t, err)
	require.Len(t, h, 1)
	assert.Equal(t, "5", h[0].New)
}

func TestSaveRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	long := strings.Repeat("长", MaxText/3+1)
	tests := []struct {
		name string
		save func() error
		msg  string
	}{
		{"empty key", func() error {
			_, err := s.SaveIndicator(ctx, " ", 1, Indicator{}, zhang)
			return err
		}, `review store ` + s.Path() + `: save indicator project " " indicator 1: the project key is empty`},
		{"indicator 0", func() error {
			_, err := s.SaveIndicator(ctx, "k", 0, Indicator{}, zhang)
			return err
		}, `review store ` + s.Path() + `: save indicator project "k": indicator number 0 is out of range (1 to 9999)`},
		{"no name", func() error {
			_, err := s.SaveProject(ctx, "k", Project{}, Author{Fingerprint: "x"})
			return err
		}, `review store ` + s.Path() + `: save project project "k": name who is saving (the audit keeps it)`},
		{"reason too long", func() error {
			_, err := s.SaveIndicator(ctx, "k", 2, Indicator{Reason: long}, zhang)
			return err
		}, fmt.Sprintf(`review store %s: save indicator project "k" indicator 2: reason is too long (%d bytes, the limit is %d)`,
			s.Path(), len(long), MaxText)},
		{"not UTF-8", func() error {
			_, err := s.SaveIndicator(ctx, "k", 2, Indicator{Note: "\xff"}, zhang)
			return err
		}, `review store ` + s.Path() + `: save indicator project "k" indicator 2: note is not valid UTF-8 text`},
		{"same indicator twice", func() error {
			_, err := s.SaveIndicators(ctx, "k", []Entry{{N: 3}, {N: 3}}, zhang)
			return err
		}, `review store ` + s.Path() + `: save indicator project "k" indicator 3: the indicator appears twice in one save`},
		{"reading an empty key", func() error {
			_, err := s.Project(ctx, "")
			return err
		}, `review store ` + s.Path() + `: read: the project key is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.save()
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			assert.Equal(t, tt.msg, err.Error())
		})
	}
	all, err := s.All(ctx)
	require.NoError(t, err)
	assert.Empty(t, all, "a refused save must write nothing")
}

// TestConcurrentSaves has several reviewers save the same indicators at once: every save
// lands whole, the latest committed one is the record, and the audit has every change.
func TestConcurrentSaves(t *testing.T) {
	ctx := context.Background()
	path := tempPath(t, "review.db")
	stores := []*Store{openAt(t, path), openAt(t, path)} // two servers on one file, too
	const workers, saves = 6, 15
	var wg sync.WaitGroup
	errs := make(chan error, workers*saves)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := stores[w%len(stores)]
			who := Author{Name: fmt.Sprintf("reviewer-%d", w)}
			for i := 0; i < saves; i++ {
				n := 1 + i%3 // everyone on indicators 1 to 3
				// A score unique to this save, so every save changes it.
				score := MustScore(fmt.Sprintf("%d.%02d", w, i))
				_, err := s.SaveIndicator(ctx, "shared#1", n, Indicator{Score: score, Note: who.Name}, who)
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent save: %v", err)
	}

	s := stores[0]
	rec, err := s.Project(ctx, "shared#1")
	require.NoError(t, err)
	require.Len(t, rec.Indicators, 3)
	total := 0
	for _, ir := range rec.Indicators {
		h, err := s.History(ctx, "shared#1", PlaceRef(ir.N))
		require.NoError(t, err)
		scores := 0
		var last Change
		for _, c := range h {
			if c.Field == FieldScore {
				scores++
				last = c
			}
		}
		assert.Equal(t, workers*saves/3, scores, "indicator %d: one score change per save", ir.N)
		assert.Equal(t, last.New, ir.Review.Score.String(), "indicator %d: the latest save wins", ir.N)
		assert.Equal(t, last.By, ir.Changed.By, "indicator %d: Changed names the latest saver", ir.N)
		assert.Equal(t, last.By, ir.Review.Note, "indicator %d: fields of one save stay together", ir.N)
		total += scores
	}
	assert.Equal(t, workers*saves, total)
	checkAuditReplays(t, s)
}

// TestCancelledMidSave cancels a save's context after its audit rows are written and
// before its record is: the save fails, and neither half of it is kept.
func TestCancelledMidSave(t *testing.T) {
	bg := context.Background()
	path := tempPath(t, "review.db")
	s := openAt(t, path)
	committed := Indicator{Actual: "90%", Score: MustScore("17.5"), Reason: "完成率 90%"}
	_, err := s.SaveIndicator(bg, "k", 1, committed, zhang)
	require.NoError(t, err)
	_, err = s.SaveProject(bg, "k", Project{Reviewer: "张三"}, zhang)
	require.NoError(t, err)
	before, err := s.ProjectHistory(bg, "k")
	require.NoError(t, err)

	for _, tt := range []struct {
		name     string
		cancelAt int // the call of midSave that cancels: 2 is after the first indicator is written
		save     func(ctx context.Context) error
	}{
		{"indicator", 1, func(ctx context.Context) error {
			_, err := s.SaveIndicator(ctx, "k", 1, Indicator{Score: MustScore("0"), Reason: "无佐证"}, li)
			return err
		}},
		{"several indicators", 2, func(ctx context.Context) error {
			_, err := s.SaveIndicators(ctx, "k", []Entry{{N: 2, Review: Indicator{Note: "新"}}, {N: 1, Review: Indicator{}}}, li)
			return err
		}},
		{"project", 1, func(ctx context.Context) error {
			_, err := s.SaveProject(ctx, "k", Project{Reviewer: "李四"}, li)
			return err
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(bg)
			defer cancel()
			calls := 0
			s.midSave = func(context.Context) error {
				if calls++; calls == tt.cancelAt {
					cancel()
				}
				return nil
			}
			defer func() { s.midSave = nil }()

			err := tt.save(ctx)
			require.Error(t, err, "a save cancelled mid-way should fail")
			assert.ErrorIs(t, err, context.Canceled)
			var se *Error
			require.ErrorAs(t, err, &se)
			assert.Equal(t, "cancelled, nothing of this save was written", se.Msg.String(i18n.En))
			assert.Equal(t, tt.cancelAt, calls, "the save should stop at the first statement after the cancel")

			rec, err := s.Project(bg, "k")
			require.NoError(t, err)
			require.Len(t, rec.Indicators, 1, "no partial record")
			assert.Equal(t, committed, rec.Indicators[0].Review, "the committed record is kept")
			assert.Equal(t, "张三", rec.Project.Reviewer)
			after, err := s.ProjectHistory(bg, "k")
			require.NoError(t, err)
			assert.Equal(t, before, after, "no audit rows from the cancelled save")
		})
	}

	// The store is still usable, and after a restart still holds what was committed.
	_, err = s.SaveIndicator(bg, "k", 2, Indicator{Note: "after"}, li)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	s = openAt(t, path)
	rec, err := s.Project(bg, "k")
	require.NoError(t, err)
	require.Len(t, rec.Indicators, 2)
	assert.Equal(t, committed, rec.Indicators[0].Review)
	assert.Equal(t, "after", rec.Indicators[1].Review.Note)
	checkAuditReplays(t, s)
}

// TestFailedMidSave fails a save half-way for another reason than its context (a full
// disk, say): the transaction is rolled back, not committed half.
func TestFailedMidSave(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	_, err := s.SaveIndicators(ctx, "k", []Entry{{N: 1, Review: Indicator{Score: MustScore("9")}}}, zhang)
	require.NoError(t, err)
	before, err := s.All(ctx)
	require.NoError(t, err)
	version, err := s.Version(ctx)
	require.NoError(t, err)

	full := errors.New("disk full")
	calls := 0
	s.midSave = func(context.Context) error {
		if calls++; calls == 2 {
			return full
		}
		return nil
	}
	_, err = s.SaveIndicators(ctx, "k", []Entry{{N: 2, Review: Indicator{Note: "新"}}, {N: 1, Review: Indicator{Score: MustScore("3")}}},
		Author{Name: "李四", Fingerprint: "v2"})
	s.midSave = nil
	require.ErrorIs(t, err, full)
	assert.Equal(t, "review store "+s.Path()+`: save indicator project "k" indicator 1: disk full`, err.Error())

	after, err := s.All(ctx)
	require.NoError(t, err)
	assert.Equal(t, before, after, "nothing of the failed save is kept")
	v, err := s.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, version, v, "no audit rows from the failed save")
}

// TestReadersWhileAWriterWrites holds a save open in one Store while another Store on the
// same file reads (without waiting, and without seeing the uncommitted save) and tries to
// save (it waits, and gives up when its context ends).
func TestReadersWhileAWriterWrites(t *testing.T) {
	bg := context.Background()
	path := tempPath(t, "review.db")
	writer, other := openAt(t, path), openAt(t, path)
	_, err := writer.SaveIndicator(bg, "k", 1, Indicator{Score: MustScore("10")}, zhang)
	require.NoError(t, err)

	inside, release := make(chan struct{}), make(chan struct{})
	writer.midSave = func(context.Context) error {
		close(inside)
		<-release
		return nil
	}
	done := make(chan error, 1)
	go func() {
		_, err := writer.SaveIndicator(bg, "k", 1, Indicator{Score: MustScore("12.34")}, li)
		done <- err
	}()
	<-inside

	// Reads see the last committed state, while the write lock is held.
	readCtx, cancel := context.WithTimeout(bg, 2*time.Second)
	defer cancel()
	rec, err := other.Project(readCtx, "k")
	require.NoError(t, err, "a read should not wait for the writer")
	assert.Equal(t, "10", rec.Indicators[0].Review.Score.String())
	all, err := writer.All(readCtx) // the writer's own Store reads on another connection
	require.NoError(t, err)
	assert.Equal(t, "10", all[0].Indicators[0].Review.Score.String())

	// A save from the other Store waits for the lock and gives up with its context.
	saveCtx, cancelSave := context.WithTimeout(bg, 300*time.Millisecond)
	defer cancelSave()
	_, err = other.SaveIndicator(saveCtx, "k", 2, Indicator{Note: "waits"}, zhang)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	close(release)
	require.NoError(t, <-done)
	rec, err = other.Project(bg, "k")
	require.NoError(t, err)
	require.Len(t, rec.Indicators, 1, "the save that gave up left nothing")
	assert.Equal(t, "12.34", rec.Indicators[0].Review.Score.String(), "the committed save is seen")
	writer.midSave = nil
	_, err = other.SaveIndicator(bg, "k", 2, Indicator{Note: "now"}, zhang)
	require.NoError(t, err, "once the lock is free the other Store saves")
}

func TestClosedStore(t *testing.T) {
	s := openTemp(t)
	require.NoError(t, s.Close())
	_, err := s.SaveIndicator(context.Background(), "k", 1, Indicator{}, zhang)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "save indicator")
	_, err = s.All(context.Background())
	require.Error(t, err)
}

func TestSaveThatChangesNothingWritesNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	version := func() int64 {
		v, err := s.Version(ctx)
		require.NoError(t, err)
		return v
	}
	require.Equal(t, int64(0), version())

	// An empty review of a project never saved, without a fingerprint: nothing to keep.
	got, err := s.SaveIndicator(ctx, "new#1", 1, Indicator{}, Author{Name: "王五"})
	require.NoError(t, err)
	assert.Equal(t, IndicatorRecord{Ref: "#1", N: 1}, got)
	rec, err := s.SaveProject(ctx, "new#1", Project{}, Author{Name: "王五"})
	require.NoError(t, err)
	assert.Equal(t, Record{Key: "new#1"}, rec)
	all, err := s.All(ctx)
	require.NoError(t, err)
	assert.Empty(t, all, "nothing changed, so nothing is stored")
	assert.Equal(t, int64(0), version())

	_, err = s.SaveIndicator(ctx, "k", 1, Indicator{Score: MustScore("5")}, zhang)
	require.NoError(t, err)
	assert.Equal(t, int64(2), version(), "a fingerprint and a score")
	stored, err := s.Project(ctx, "k")
	require.NoError(t, err)

	// The same review again, with the same fingerprint, by someone else.
	got, err = s.SaveIndicator(ctx, "k", 1, Indicator{Score: MustScore("5.00")}, li)
	require.NoError(t, err)
	assert.Equal(t, stored.Indicators[0], got, "the record as it was: 张三 changed it last")
	again, err := s.Project(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, stored, again)
	assert.Equal(t, int64(2), version())

	// The same review against an edited submission: only the fingerprints are new, the
	// project's and the indicator's (confirmed against it).
	_, err = s.SaveIndicator(ctx, "k", 1, Indicator{Score: MustScore("5")}, Author{Name: "李四", Fingerprint: "v2"})
	require.NoError(t, err)
	assert.Equal(t, int64(4), version())
	again, err = s.Project(ctx, "k")
	require.NoError(t, err)
	confirmed := stored.Indicators[0]
	confirmed.Fingerprint = "v2"
	assert.Equal(t, []IndicatorRecord{confirmed}, again.Indicators, "the indicator is unchanged, its stamp too, and confirmed")
	assert.Equal(t, Seen{Fingerprint: "v2", By: "李四", At: at(4)}, again.Last) // the fifth save
	assert.False(t, again.Stale("v2"), "the reviewer has now seen the edited submission")
	checkAuditReplays(t, s)
}

// Saving one indicator against an edited submission vouches for that one alone; Confirm
// vouches for all, changing no review.
func TestStaleIsPerIndicator(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	v2 := Author{Name: "李四", Fingerprint: Fingerprint([]byte("submission v2"))}
	_, err := s.SaveIndicators(ctx, "k", []Entry{
		{N: 1, Review: Indicator{Score: MustScore("12"), Reason: "佐证不足"}},
		{N: 5, Review: Indicator{Score: MustScore("7")}},
	}, zhang)
	require.NoError(t, err)

	_, err = s.SaveIndicator(ctx, "k", 5, Indicator{Score: MustScore("7")}, v2)
	require.NoError(t, err)
	rec, err := s.Project(ctx, "k")
	require.NoError(t, err)
	assert.True(t, rec.Stale(v2.Fingerprint), "indicator 1 was not looked at again")
	one, _ := rec.Indicator(PlaceRef(1))
	five, _ := rec.Indicator(PlaceRef(5))
	assert.True(t, one.Stale(v2.Fingerprint))
	assert.False(t, five.Stale(v2.Fingerprint), "indicator 5 was saved against v2")

	confirmed, err := s.Confirm(ctx, "k", v2)
	require.NoError(t, err)
	assert.False(t, confirmed.Stale(v2.Fingerprint), "every indicator confirmed")
	c1, _ := confirmed.Indicator(PlaceRef(1))
	assert.Equal(t, one.Review, c1.Review, "a confirmation changes no review")
	assert.Equal(t, one.Changed, c1.Changed, "…nor who changed it last")
	h, err := s.History(ctx, "k", PlaceRef(1))
	require.NoError(t, err)
	last := h[len(h)-1]
	assert.Equal(t, Change{Seq: last.Seq, At: last.At, By: "李四", Key: "k", N: 1, Ref: "#1", Field: FieldFingerprint,
		Old: zhang.Fingerprint, New: v2.Fingerprint}, last)
	v, err := s.Version(ctx)
	require.NoError(t, err)
	_, err = s.Confirm(ctx, "k", v2)
	require.NoError(t, err)
	again, err := s.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, v, again, "confirming again writes nothing")
	_, err = s.Confirm(ctx, "k", Author{Name: "李四"})
	assert.ErrorIs(t, err, ErrInvalid, "a confirmation without the submission's fingerprint")
	checkAuditReplays(t, s)
}

// A save made from a record as it was shown (Since) is refused, nothing written, when the
// record changed since; one from the record as it is saves.
func TestSaveSinceRefusedWhenChanged(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	never := time.Time{}
	_, err := s.SaveIndicators(ctx, "k", []Entry{{N: 4, Review: Indicator{Score: MustScore("8")}, Since: &never}}, zhang)
	require.NoError(t, err, "a record never saved, shown as never saved")
	_, err = s.SaveIndicators(ctx, "k", []Entry{{N: 4, Review: Indicator{Score: MustScore("6")}, Since: &never}}, li)
	require.ErrorIs(t, err, ErrChanged)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, Stamp{By: "张三", At: at(0)}, se.Now, "the change the saver had not seen")
	assert.Equal(t, 4, se.N)

	rec, err := s.Project(ctx, "k")
	require.NoError(t, err)
	ir, _ := rec.Indicator(PlaceRef(4))
	assert.Equal(t, "8", ir.Review.Score.String(), "nothing written")
	shown := ir.Changed.At
	_, err = s.SaveIndicators(ctx, "k", []Entry{{N: 4, Review: Indicator{Score: MustScore("6")}, Since: &shown}}, li)
	require.NoError(t, err, "a save from the record as it is")
}

package store

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schema1 writes a store as jixiao wrote it before indicators had refs: project a.toml#1
// with indicators 1 and 2 reviewed against the submission "v1", and their audit.
func schema1(t *testing.T, path string) {
	t.Helper()
	db := raw(t, path)
	defer db.Close()
	for _, q := range []string{
		migrations[0],
		"PRAGMA application_id = " + strconv.Itoa(applicationID),
		"PRAGMA user_version = 1",
		`INSERT INTO project (key, reviewer, last_fingerprint, last_by, last_at, first_fingerprint, first_by, first_at)
		 VALUES ('a.toml#1', '张三', 'v1', '张三', '2024-05-20T09:00:00.000000Z', 'v1', '张三', '2024-05-20T09:00:00.000000Z')`,
		`INSERT INTO indicator (key, n, score, reason, changed_by, changed_at)
		 VALUES ('a.toml#1', 1, '12', '佐证不足', '张三', '2024-05-20T09:00:00.000000Z'),
		        ('a.toml#1', 2, '3', '', '张三', '2024-05-20T09:00:00.000000Z')`,
		`INSERT INTO audit (at, by, key, n, field, old, new)
		 VALUES ('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 1, 'score', '', '12'),
		        ('2024-05-20T09:00:00.000000Z', '张三', 'a.toml#1', 2, 'score', '', '3')`,
	} {
		_, err := db.Exec(q)
		require.NoError(t, err, q)
	}
}

// TestSchema1RecordsArePositional: opening a store of schema 1 keeps every record, by
// place, marked Positional, its history with it.
func TestSchema1RecordsArePositional(t *testing.T) {
	ctx := context.Background()
	path := tempPath(t, "review.db")
	schema1(t, path)
	s := openAt(t, path)

	rec, err := s.Project(ctx, "a.toml#1")
	require.NoError(t, err)
	assert.True(t, rec.Positional, "a record of schema 1 is known by place")
	require.Len(t, rec.Indicators, 2)
	assert.Equal(t, "#1", rec.Indicators[0].Ref)
	assert.Equal(t, "12", rec.Indicators[0].Review.Score.String())
	h, err := s.History(ctx, "a.toml#1", "#2")
	require.NoError(t, err)
	require.Len(t, h, 1)
	assert.Equal(t, "#2", h[0].Ref)

	// A save today is not positional.
	_, err = s.SaveIndicators(ctx, "b.toml#p:乙", []Entry{{N: 1, Ref: "i:a/b/c", Review: Indicator{Note: "x"}}}, zhang)
	require.NoError(t, err)
	rec, err = s.Project(ctx, "b.toml#p:乙")
	require.NoError(t, err)
	assert.False(t, rec.Positional)
}

// TestMove takes a positional record to its project's key and its indicators' refs, with
// its history, and never merges two records.
func TestMove(t *testing.T) {
	ctx := context.Background()
	path := tempPath(t, "review.db")
	schema1(t, path)
	s := openAt(t, path)
	to := ProjectKey("a.toml", "甲", 1)
	x, y := IndicatorRef("产出", "数量", "x", 1), IndicatorRef("产出", "数量", "y", 1)

	require.NoError(t, s.Move(ctx, "a.toml#1", to, map[string]string{"#1": x, "#2": y}, zhang))

	old, err := s.Project(ctx, "a.toml#1")
	require.NoError(t, err)
	assert.Equal(t, Record{Key: "a.toml#1"}, old, "nothing stays at the old key")
	rec, err := s.Project(ctx, to)
	require.NoError(t, err)
	assert.False(t, rec.Positional)
	assert.Equal(t, "张三", rec.Project.Reviewer)
	assert.Equal(t, "v1", rec.Last.Fingerprint)
	ir, ok := rec.Indicator(x)
	require.True(t, ok, "indicator 1 is now %s: %+v", x, rec.Indicators)
	assert.Equal(t, "12", ir.Review.Score.String())
	assert.Equal(t, "佐证不足", ir.Review.Reason)

	h, err := s.History(ctx, to, x)
	require.NoError(t, err)
	require.Len(t, h, 1, "the history made before the move follows the record")
	assert.Equal(t, "12", h[0].New)
	assert.Equal(t, "a.toml#1", h[0].Key, "a change keeps the key it was made under")
	assert.Equal(t, x, h[0].Ref, "…and names the indicator as it is known now")
	ph, err := s.ProjectHistory(ctx, to)
	require.NoError(t, err)
	require.Len(t, ph, 3)
	assert.Equal(t, y, ph[1].Ref)
	assert.Equal(t, Change{Seq: 3, At: base, By: "张三", Key: to, Field: FieldMoved, Old: "a.toml#1", New: to}, ph[2])

	// A save after the move lands on the moved record.
	_, err = s.SaveIndicators(ctx, to, []Entry{{N: 2, Ref: x, Review: Indicator{Score: MustScore("11")}}}, li)
	require.NoError(t, err)
	h, err = s.History(ctx, to, x)
	require.NoError(t, err)
	assert.Len(t, h, 4, "score and reason changed, the review confirmed against the submission of the save")

	// Never merged, never from nothing.
	_, err = s.SaveIndicator(ctx, "c.toml#1", 1, Indicator{Note: "c"}, zhang)
	require.NoError(t, err)
	err = s.Move(ctx, "c.toml#1", to, nil, zhang)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, s.Move(ctx, "none#1", "none2", nil, zhang), ErrInvalid)
	rec, err = s.Project(ctx, "c.toml#1")
	require.NoError(t, err)
	assert.Len(t, rec.Indicators, 1, "a refused move changes nothing")
}

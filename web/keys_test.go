package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/synth"
	"jixiao/store"
)

// writeStream writes projects as JSON Lines, one project a line.
func writeStream(t *testing.T, path string, ps []*indicators.Project) {
	t.Helper()
	var out bytes.Buffer
	for _, p := range ps {
		var b, line bytes.Buffer
		require.NoError(t, synth.WriteJSON(&b, p))
		require.NoError(t, json.Compact(&line, b.Bytes()))
		out.Write(line.Bytes())
		out.WriteByte('\n')
	}
	require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
}

func generated(n int, seed uint64) []*indicators.Project {
	g := synth.New(seed)
	ps := make([]*indicators.Project, n)
	for i := range ps {
		ps[i] = g.Next()
	}
	return ps
}

func writeProject(t *testing.T, path string, p *indicators.Project) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, synth.WriteTOML(&b, p))
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
}

// put saves a review through the API and requires it to be taken.
func (f *fixture) put(t *testing.T, path, body string) {
	t.Helper()
	r := f.do(t, http.MethodPut, path, body, "Content-Type: application/json")
	require.Equal(t, http.StatusOK, r.status, "PUT %s %s: %s", path, body, r.body)
}

// A submission withdrawn from a stream moves no review onto another project: each review
// follows its project by name.
func TestReviewFollowsItsProject(t *testing.T) {
	dir := t.TempDir()
	stream := filepath.Join(dir, "batch.jsonl")
	ps := generated(3, 7)
	writeStream(t, stream, ps)
	f := serve(t, dir, Options{})
	one := f.entry(t, "项目000001")
	f.put(t, "/api/projects/"+one.id+"/indicators/1/review", `{"score":3,"reason":"项目000001 无佐证","rule":"unassessable-100","reviewer":"王五"}`)
	f.put(t, "/api/projects/"+one.id+"/review", `{"reviewer":"王五","date":"2024-05-20"}`)

	writeStream(t, stream, ps[1:]) // the first line withdrawn
	require.NoError(t, f.srv.Reload(context.Background()))

	one = f.entry(t, "项目000001")
	two := f.entry(t, "项目000002")
	assert.Equal(t, "王五", one.record.Project.Reviewer, "项目000001 keeps its reviewer")
	require.NotNil(t, one.result.Indicators[0].Indicator.Review, "项目000001 keeps its review")
	assert.Equal(t, "项目000001 无佐证", one.result.Indicators[0].Indicator.Review.Reason)
	assert.Equal(t, store.Project{}, two.record.Project, "项目000002 gets no one's reviewer")
	assert.Empty(t, two.record.Indicators, "项目000002 gets no one's review")
	for _, ir := range two.result.Indicators {
		assert.Nil(t, ir.Indicator.Review, "项目000002 %s carries no review", ir.Indicator.Name)
	}
	assert.Empty(t, f.srv.cur.Load().orphans)
	doc := decode[map[string]any](t, f.get(t, "/api/projects/"+two.id))
	assert.Equal(t, "项目000002", doc["name"])
	assert.NotContains(t, f.get(t, "/api/projects/"+two.id).body, "王五")
}

// Two indicators swapped in the file: each review stays with its indicator, by name under
// its headings; an indicator renamed leaves its review an orphan, shown and never applied.
func TestReviewFollowsItsIndicator(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "000001.toml")
	p := generated(1, 3)[0]
	writeProject(t, path, p)
	f := serve(t, dir, Options{})
	e := f.entry(t, p.Name)
	require.Equal(t, "指标0", e.project.Indicators[0].Name)
	require.Equal(t, 20.0, e.project.Indicators[0].Weight)
	f.put(t, "/api/projects/"+e.id+"/indicators/1/review", `{"score":12,"reason":"指标0佐证不足","reviewer":"王五"}`)

	p.Indicators[0], p.Indicators[1] = p.Indicators[1], p.Indicators[0]
	writeProject(t, path, p)
	require.NoError(t, f.srv.Reload(context.Background()))
	e = f.entry(t, p.Name)
	assert.Nil(t, e.result.Indicators[0].Indicator.Review, "指标1, now first, carries no review")
	moved := e.result.Indicators[1].Indicator
	require.Equal(t, "指标0", moved.Name)
	require.NotNil(t, moved.Review, "指标0's review follows it to the second place")
	assert.Equal(t, "指标0佐证不足", moved.Review.Reason)
	assert.Equal(t, 12.0, *moved.Review.Score)
	assert.Empty(t, e.orphans)
	doc := decode[apiProjectDoc](t, f.get(t, "/api/projects/"+e.id))
	assert.Nil(t, doc.Indicators[0].Changed)
	require.NotNil(t, doc.Indicators[1].Changed)
	assert.Equal(t, "王五", doc.Indicators[1].Changed.By)
	page := text(f.get(t, "/projects/"+e.id).body)
	assert.Contains(t, page, "复核得分 → 12", "the history stays with the indicator")

	// A save now lands on 指标0 at its new place.
	f.put(t, "/api/projects/"+e.id+"/indicators/2/review", `{"score":11,"reason":"复核调整","reviewer":"王五"}`)
	e = f.entry(t, p.Name)
	assert.Equal(t, 11.0, *e.result.Indicators[1].Indicator.Review.Score)
	assert.Nil(t, e.result.Indicators[0].Indicator.Review)

	// Renamed: the review matches nothing and is shown, not applied.
	p.Indicators[1].Name = "指标0（改）"
	writeProject(t, path, p)
	require.NoError(t, f.srv.Reload(context.Background()))
	e = f.entry(t, p.Name)
	for _, ir := range e.result.Indicators {
		assert.Nil(t, ir.Indicator.Review, "%s carries no review", ir.Indicator.Name)
	}
	require.Len(t, e.orphans, 1)
	assert.Equal(t, "11", e.orphans[0].Review.Score.String())
	page = text(f.get(t, "/projects/"+e.id).body)
	assert.Contains(t, page, "有复核记录找不到对应的指标或项目，未计入复核")
	assert.Contains(t, page, "产出指标 / 数量指标 / 指标0：复核得分 11 · 复核调整 · 王五")
	batch := text(f.get(t, "/").body)
	assert.Contains(t, batch, p.Name+" ：1 条指标复核找不到对应的指标")
	en := text(f.get(t, "/projects/"+e.id+"?lang=en").body)
	assert.Contains(t, en, "产出指标 / 数量指标 / 指标0: review score 11")
}

// A store written when reviews were kept by place: each record whose submission is still
// the one it was saved against moves to its project and indicators by name, with its
// history; one whose submission changed since is kept as an orphan, never applied.
func TestStoreKeptByPlaceMoves(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.toml", "b.toml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "schema1", name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	db, err := os.ReadFile(filepath.Join("testdata", "schema1", "review.db"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, ".jixiao"), 0o755))
	require.NoError(t, os.WriteFile(store.DefaultPath(dir), db, 0o644))

	f := serve(t, dir, Options{})
	a := f.entry(t, "社区养老服务")
	assert.False(t, a.record.Positional)
	assert.Equal(t, "张三", a.record.Project.Reviewer)
	require.Len(t, a.record.Indicators, 2)
	first := a.result.Indicators[0].Indicator.Review
	require.NotNil(t, first, "indicator 1's review is applied by name now")
	assert.Equal(t, 18.0, *first.Score)
	assert.Equal(t, "佐证不足", first.Reason)
	assert.Equal(t, 9.0, *a.result.Indicators[1].Indicator.Review.Score)
	h, err := f.store.History(context.Background(), a.key, a.refs[0])
	require.NoError(t, err)
	require.Len(t, h, 2, "the history made by place follows the record")
	old, err := f.store.Project(context.Background(), "a.toml#1")
	require.NoError(t, err)
	assert.Empty(t, old.Indicators, "nothing stays at the place key")

	b := f.entry(t, "居家养老补贴")
	assert.Empty(t, b.record.Indicators, "b.toml was edited after its review: its record is not applied")
	assert.Nil(t, b.result.Indicators[0].Indicator.Review)
	orphans := f.srv.cur.Load().orphans
	require.Len(t, orphans, 1)
	assert.Equal(t, "b.toml#1", orphans[0].Key)
	batch := text(f.get(t, "/").body)
	assert.Contains(t, batch, "b.toml · 第 1 个项目（按位置保存，其后自评表有改动）")
	assert.Contains(t, batch, "第 1 项指标（按位置保存）：复核得分 15 · 人数未达标 · 李四")
	assert.True(t, strings.Contains(text(f.get(t, "/projects/"+b.id).body), "本文件中的项目 第 1 个项目：1 条指标复核"),
		"the project page of the file names the orphan")
}

// A project named "X#2" beside two projects "X" in one file gets a key of its own, and a
// submission whose path and project name spell another file's key fails alone, with a
// message in the reader's language: the server starts, and later reloads still pick up
// every other change.
func TestProjectKeysNeverClash(t *testing.T) {
	dir := t.TempDir()
	ps := generated(4, 11)
	ps[1].Name = ps[0].Name
	ps[2].Name = ps[0].Name + "#2"
	writeStream(t, filepath.Join(dir, "x.jsonl"), ps[:3])
	writeProject(t, filepath.Join(dir, "y.toml"), ps[3])
	f := serve(t, dir, Options{})
	keys := map[string]bool{}
	for _, e := range f.srv.cur.Load().entries {
		keys[e.key] = true
	}
	assert.Len(t, keys, 4, "every project has its own key")
	assert.Empty(t, f.srv.Unread())

	// "a.jsonl" holds the project "b.toml#p:c"; the file "a.jsonl#p:b.toml" holds "c".
	q := generated(1, 12)[0]
	q.Name = "b.toml#p:" + ps[3].Name
	writeStream(t, filepath.Join(dir, "a.jsonl"), []*indicators.Project{q})
	writeProject(t, filepath.Join(dir, "a.jsonl#p:b.toml"), ps[3])
	require.NoError(t, f.srv.Reload(context.Background()), "one file's clash fails no reload")
	assert.Equal(t, []string{"a.jsonl#p:b.toml"}, f.srv.Unread())
	assert.Equal(t, 5, f.srv.Projects())
	page := f.get(t, "/").body
	assert.Contains(t, page, "无法区分两者的复核记录")
	assert.Contains(t, f.get(t, "/?lang=en").body, "their reviews cannot be told apart")

	ps[3].Indicators[0].Reason = "另一个文件的修改"
	writeProject(t, filepath.Join(dir, "y.toml"), ps[3])
	require.NoError(t, f.srv.Reload(context.Background()))
	assert.Equal(t, "另一个文件的修改", f.entry(t, ps[3].Name).project.Indicators[0].Reason, "other changes are still read")
}

package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// After the submission is edited, saving one indicator confirms that one alone; the flag
// stays until every reviewed indicator is saved again or all are confirmed at once.
func TestStaleIsClearedPerIndicator(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "000001.toml")
	p := generated(1, 3)[0]
	writeProject(t, path, p)
	f := serve(t, dir, Options{})
	e := f.entry(t, p.Name)
	api := "/api/projects/" + e.id
	f.put(t, api+"/indicators/1/review", `{"score":12,"reason":"指标0佐证不足","reviewer":"王五"}`)
	f.put(t, api+"/indicators/5/review", `{"score":7,"reviewer":"王五"}`)

	p.Indicators[0], p.Indicators[1] = p.Indicators[1], p.Indicators[0]
	writeProject(t, path, p)
	require.NoError(t, f.srv.Reload(context.Background()))
	doc := decode[apiProjectDoc](t, f.get(t, api))
	require.True(t, doc.Stale)
	assert.True(t, doc.Indicators[1].Stale, "指标0, now second, was reviewed against the old file")
	assert.True(t, doc.Indicators[4].Stale)
	assert.False(t, doc.Indicators[0].Stale, "指标1 has no review")

	f.put(t, api+"/indicators/5/review", `{"score":7,"reviewer":"赵六"}`)
	doc = decode[apiProjectDoc](t, f.get(t, api))
	assert.True(t, doc.Stale, "saving indicator 5 vouches for nothing else")
	assert.False(t, doc.Indicators[4].Stale, "indicator 5 is confirmed")
	assert.True(t, doc.Indicators[1].Stale)
	assert.True(t, f.entry(t, p.Name).row.Stale, "the batch still flags it")
	page := f.get(t, "/projects/"+e.id).body
	assert.Contains(t, page, "自评表在复核之后被修改过")
	assert.Equal(t, 1, strings.Count(page, "待确认</span>"), "one indicator left to confirm")

	// Confirm all, from the page's form.
	token := regexp.MustCompile(`action="/projects/` + e.id + `/confirm"[^>]*>\s*<input type="hidden" name="_token" value="([^"]+)"`).FindStringSubmatch(page)
	require.NotNil(t, token, "the page has a confirm form")
	form := url.Values{"_token": {token[1]}, "saver": {"赵六"}}
	r := f.do(t, http.MethodPost, "/projects/"+e.id+"/confirm", form.Encode(), "Content-Type: application/x-www-form-urlencoded")
	require.Equal(t, http.StatusSeeOther, r.status, r.body)
	doc = decode[apiProjectDoc](t, f.get(t, api))
	assert.False(t, doc.Stale)
	require.NotNil(t, doc.Indicators[1].Review)
	assert.Equal(t, 12.0, *doc.Indicators[1].Review.Score, "a confirmation changes no review")
	page = f.get(t, "/projects/"+e.id).body
	assert.NotContains(t, page, "自评表在复核之后被修改过")
	assert.Contains(t, text(page), "核对确认（自评表版本）", "the indicator's history tells the confirmation")

	// And through the API, after another edit.
	p.Indicators[9].Reason = "补充说明" // the file grows: read again whatever its time stamp
	writeProject(t, path, p)
	require.NoError(t, f.srv.Reload(context.Background()))
	require.True(t, decode[apiProjectDoc](t, f.get(t, api)).Stale)
	r = f.do(t, http.MethodPut, api+"/confirm", `{}`)
	assert.Equal(t, http.StatusBadRequest, r.status, "who confirms is named")
	f.put(t, api+"/confirm", `{"reviewer":"赵六"}`)
	assert.False(t, decode[apiProjectDoc](t, f.get(t, api)).Stale)
}

// The English pages say counts in English ("1 error") and use English punctuation around
// their own words: no "Last changed：", no "Changes（1）".
func TestEnglishPageFragments(t *testing.T) {
	dir := copySeed(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("name = \"broken\n[[indicator"), 0o644))
	f := serve(t, dir, Options{})
	e := f.entry(t, seedShebao)
	f.put(t, "/api/projects/"+e.id+"/indicators/2/review", `{"score":8,"reviewer":"张三"}`)
	f.put(t, "/api/projects/"+e.id+"/review", `{"reviewer":"张三","date":"2024-05-20"}`)

	batch := text(f.get(t, "/?lang=en").body)
	assert.Contains(t, batch, "broken.toml · 1 error ")
	assert.NotContains(t, batch, "1 errors")
	assert.Regexp(t, `score-mismatch \(\d+\)`, batch, "the code filter's counts")
	assert.NotContains(t, batch, "（")
	page := text(f.get(t, "/projects/"+e.id+"?lang=en").body)
	assert.Contains(t, page, "Last changed: 张三")
	assert.Regexp(t, `Changes \(\d+\)`, page)
	assert.Regexp(t, `Changes to the project's review \(\d+\)`, page)
	for _, bad := range []string{"Last changed：", "Changes（", "review（"} {
		assert.NotContains(t, page, bad)
	}
	zh := text(f.get(t, "/projects/"+e.id).body)
	assert.Contains(t, zh, "最后修改：张三", "Chinese keeps its own punctuation")
	assert.Regexp(t, `修改记录（\d+）`, zh)
}

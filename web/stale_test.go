package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

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
	form := url.Values{"_token": {token[1]}, "version": {hidden(t, page, "/projects/"+e.id+"/confirm", "version")}, "saver": {"赵六"}}
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

// hidden is the value of the hidden field name of the form posting to action on page.
func hidden(t *testing.T, page, action, name string) string {
	t.Helper()
	form := regexp.MustCompile(`(?s)action="` + regexp.QuoteMeta(action) + `[^"]*">(.*?)</form>`).FindStringSubmatch(page)
	require.NotNil(t, form, "the page has a form posting to %s", action)
	v := regexp.MustCompile(`<input type="hidden" name="` + name + `" value="([^"]*)"`).FindStringSubmatch(form[1])
	require.NotNil(t, v, "the form to %s has the field %s", action, name)
	return v[1]
}

// A page of one version of the submission confirms nothing of a later version, nor saves
// over it: 409, with the reason in the reader's language. The API does the same with its
// optional "version", and saves as before without it.
func TestSaveFromPageOfOldVersionRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "000001.toml")
	p := generated(1, 3)[0]
	writeProject(t, path, p)
	f := serve(t, dir, Options{})
	e := f.entry(t, p.Name)
	api := "/api/projects/" + e.id
	f.put(t, api+"/indicators/1/review", `{"score":12,"reviewer":"王五"}`)
	p.Indicators[1].Reason = "第一次修改" // version B: the page shows the confirm button
	writeProject(t, path, p)
	require.NoError(t, f.srv.Reload(context.Background()))
	page := f.get(t, "/projects/"+e.id).body // the reviewer reads version B
	confirm := "/projects/" + e.id + "/confirm"
	ind := "/projects/" + e.id + "/indicators/2/review"
	seenB := decode[apiProjectDoc](t, f.get(t, api)).Version
	require.Equal(t, seenB, hidden(t, page, confirm, "version"))

	p.Indicators[0].Reason = "单位又改了一次" // version C, never shown to the reviewer
	writeProject(t, path, p)
	require.NoError(t, f.srv.Reload(context.Background()))
	require.True(t, decode[apiProjectDoc](t, f.get(t, api)).Stale)

	form := url.Values{"_token": {hidden(t, page, confirm, "_token")}, "version": {hidden(t, page, confirm, "version")}, "saver": {"王五"}}
	r := f.do(t, http.MethodPost, confirm, form.Encode(), "Content-Type: application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusConflict, r.status)
	assert.Contains(t, r.body, "自评表已被修改，请刷新页面核对后再保存")
	assert.True(t, decode[apiProjectDoc](t, f.get(t, api)).Stale, "version C was never shown, yet it is confirmed")

	form = url.Values{"_token": {hidden(t, page, ind, "_token")}, "version": {hidden(t, page, ind, "version")},
		"since": {hidden(t, page, ind, "since")}, "score": {"3"}, "reviewer": {"王五"}}
	r = f.do(t, http.MethodPost, ind+"?lang=en", form.Encode(), "Content-Type: application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusConflict, r.status)
	assert.Contains(t, r.body, "the submission has changed since this page was shown")
	assert.Nil(t, decode[apiProjectDoc](t, f.get(t, api)).Indicators[1].Review, "nothing saved")

	r = f.do(t, http.MethodPut, api+"/confirm", `{"reviewer":"王五","version":"`+seenB+`"}`)
	assert.Equal(t, http.StatusConflict, r.status)
	assert.Contains(t, r.body, "自评表已被修改")
	r = f.do(t, http.MethodPut, api+"/indicators/2/review", `{"score":3,"reviewer":"王五","version":"`+seenB+`"}`)
	assert.Equal(t, http.StatusConflict, r.status)

	seenC := decode[apiProjectDoc](t, f.get(t, api)).Version
	require.NotEqual(t, seenB, seenC)
	r = f.do(t, http.MethodPut, api+"/confirm", `{"reviewer":"王五","version":"`+seenC+`"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	assert.False(t, decode[apiProjectDoc](t, r).Stale)
}

// Two reviewers open the same page; the second to save is refused rather than silently
// overwriting the first's change, on the page's forms and through the API's "changed".
func TestSaveOverAnotherReviewersChangeRefused(t *testing.T) {
	dir := t.TempDir()
	p := generated(1, 3)[0]
	writeProject(t, filepath.Join(dir, "000001.toml"), p)
	f := serve(t, dir, Options{})
	e := f.entry(t, p.Name)
	api := "/api/projects/" + e.id
	f.put(t, api+"/indicators/1/review", `{"score":12,"reviewer":"王五"}`)
	pageA := f.get(t, "/projects/"+e.id).body
	pageB := f.get(t, "/projects/"+e.id).body
	ind, proj := "/projects/"+e.id+"/indicators/1/review", "/projects/"+e.id+"/review"
	post := func(page, action string, fields url.Values) response {
		for _, k := range []string{"_token", "version", "since"} {
			fields.Set(k, hidden(t, page, action, k))
		}
		return f.do(t, http.MethodPost, action, fields.Encode(), "Content-Type: application/x-www-form-urlencoded")
	}

	r := post(pageA, ind, url.Values{"score": {"10"}, "reason": {"佐证不足"}, "reviewer": {"王五"}})
	require.Equal(t, http.StatusSeeOther, r.status, r.body)
	r = post(pageB, ind, url.Values{"score": {"11"}, "reviewer": {"赵六"}})
	assert.Equal(t, http.StatusConflict, r.status)
	assert.Contains(t, r.body, "这条复核记录已被 王五 于")
	doc := decode[apiProjectDoc](t, f.get(t, api))
	require.NotNil(t, doc.Indicators[0].Review)
	assert.Equal(t, 10.0, *doc.Indicators[0].Review.Score, "the first save stands")

	r = post(pageA, proj, url.Values{"reviewer": {"王五"}, "date": {"2024-05-20"}})
	require.Equal(t, http.StatusSeeOther, r.status, r.body)
	r = post(pageB, proj, url.Values{"reviewer": {"赵六"}, "date": {"2024-05-21"}})
	assert.Equal(t, http.StatusConflict, r.status)

	// The API: "changed" as GET gave it; "" for a record never changed.
	doc = decode[apiProjectDoc](t, f.get(t, api))
	at := doc.Indicators[0].Changed.At.Format(time.RFC3339Nano)
	r = f.do(t, http.MethodPut, api+"/indicators/1/review", `{"score":9,"reviewer":"赵六","changed":"2001-01-01T00:00:00Z"}`)
	assert.Equal(t, http.StatusConflict, r.status)
	r = f.do(t, http.MethodPut, api+"/indicators/1/review", `{"score":9,"reviewer":"赵六","changed":"昨天"}`)
	assert.Equal(t, http.StatusBadRequest, r.status)
	assert.Contains(t, r.body, `“changed” 的值 \"昨天\" 不是时间`)
	r = f.do(t, http.MethodPut, api+"/indicators/1/review", `{"score":9,"reviewer":"赵六","changed":"`+at+`"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	r = f.do(t, http.MethodPut, api+"/indicators/2/review", `{"score":9,"reviewer":"赵六","changed":""}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	r = f.do(t, http.MethodPut, api+"/indicators/2/review", `{"score":8,"reviewer":"王五","changed":""}`)
	assert.Equal(t, http.StatusConflict, r.status, "indicator 2 was saved since")
}

// Saves racing on one indicator, each from the same view of it (never saved): one wins,
// every other is refused, however close together they land.
func TestRacingSavesOneWins(t *testing.T) {
	dir := t.TempDir()
	p := generated(1, 3)[0]
	writeProject(t, filepath.Join(dir, "000001.toml"), p)
	f := serve(t, dir, Options{})
	e := f.entry(t, p.Name)
	path := "/api/projects/" + e.id + "/indicators/1/review"
	const n = 8
	status := make(chan int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r := f.do(t, http.MethodPut, path, fmt.Sprintf(`{"score":%d,"reviewer":"审核员%d","changed":""}`, i+1, i))
			status <- r.status
		})
	}
	wg.Wait()
	close(status)
	count := map[int]int{}
	for s := range status {
		count[s]++
	}
	assert.Equal(t, map[int]int{http.StatusOK: 1, http.StatusConflict: n - 1}, count)
}

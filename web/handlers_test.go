package web

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/report"
	"jixiao/sheets"
	"jixiao/store"
)

// text is a page's visible text, roughly: tags dropped, entities decoded, blanks squeezed.
func text(page string) string {
	page = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>`).ReplaceAllString(page, " ")
	page = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " ")
	return strings.Join(strings.Fields(html.UnescapeString(page)), " ")
}

// The batch page lists every project with its totals and grades, in Chinese by default,
// in English by the query or the browser's language, most errors first.
func TestBatchPage(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	r := f.get(t, "/")
	require.Equal(t, http.StatusOK, r.status, r.body)
	assert.Equal(t, "text/html; charset=utf-8", r.header.Get("Content-Type"))
	page := text(r.body)
	for _, want := range []string{"项目清单", seedShebao, seedYanglao, "泉港区社会保险中心", "96.00", "偏离度", "导出复核工作簿"} {
		assert.Contains(t, page, want)
	}
	assert.Contains(t, r.body, `<html lang="zh-CN">`)
	assert.Contains(t, r.body, `<svg class="chart"`, "the charts are inline SVG")

	for _, en := range []response{f.get(t, "/?lang=en"), f.get(t, "/", "Accept-Language: en-GB,en;q=0.9,zh;q=0.5")} {
		require.Equal(t, http.StatusOK, en.status)
		assert.Contains(t, en.body, `<html lang="en">`)
		assert.Contains(t, text(en.body), "Projects")
		assert.NotContains(t, text(en.body), "项目清单")
	}
	zh := f.get(t, "/", "Accept-Language: zh-CN,zh;q=0.9,en;q=0.8")
	assert.Contains(t, zh.body, `<html lang="zh-CN">`)
	// Links carry an explicit language on.
	assert.Contains(t, f.get(t, "/?lang=en").body, `href="/projects/`+f.id(t, seedShebao)+`?lang=en"`)
}

// The batch sorts by each column and filters by unit, grade change, finding code and words.
func TestBatchSortAndFilter(t *testing.T) {
	dir := copySeed(t)
	generate(t, dir, "县区", 12, 3)
	f := serve(t, dir, Options{})
	order := func(query string) []string {
		r := f.get(t, "/?"+query)
		require.Equal(t, http.StatusOK, r.status)
		var names []string
		for _, m := range regexp.MustCompile(`<td class="name"><a href="/projects/[0-9a-f]+[^"]*">([^<]+)</a>`).FindAllStringSubmatch(r.body, -1) {
			names = append(names, m[1])
		}
		return names
	}
	st := f.srv.cur.Load()
	require.Len(t, st.entries, 14)

	all := order("")
	require.Len(t, all, 14)
	errs := make([]int, len(all))
	byName := map[string]*row{}
	for _, e := range st.entries {
		byName[e.row.Name] = e.row
	}
	for i, n := range all {
		errs[i] = byName[n].Errors
	}
	for i := 1; i < len(errs); i++ {
		assert.GreaterOrEqual(t, errs[i-1], errs[i], "by default the most errors come first: %v", errs)
	}

	byNameAsc := order("sort=name")
	assert.IsNonDecreasing(t, byNameAsc)
	byNameDesc := order("sort=-name")
	assert.IsNonIncreasing(t, byNameDesc)
	totals := order("sort=total")
	for i := 1; i < len(totals); i++ {
		a, b := byName[totals[i-1]].total, byName[totals[i]].total
		if a != nil && b != nil {
			assert.LessOrEqual(t, *a, *b, "sorted by total")
		}
	}
	assert.Equal(t, all, order("sort=nonsense"), "an unknown sort key sorts as by default")

	unit := byName[seedShebao].Agency
	got := order("unit=" + url.QueryEscape(unit))
	assert.ElementsMatch(t, []string{seedShebao, seedYanglao}, got)

	changed := order("change=changed")
	require.NotEmpty(t, changed, "some generated grade is wrong on purpose")
	for _, n := range changed {
		assert.True(t, byName[n].GradeChanged, n)
	}
	same := order("change=same")
	assert.Len(t, same, 14-len(changed))

	withMismatch := order("code=score-mismatch")
	require.NotEmpty(t, withMismatch)
	assert.Contains(t, withMismatch, seedShebao)
	for _, n := range withMismatch {
		assert.Contains(t, byName[n].codes, engine.ScoreMismatch, n)
	}
	assert.Equal(t, []string{seedYanglao}, order("q="+url.QueryEscape("养老金")))
	assert.Empty(t, order("q=nothing-has-this"))
	assert.Contains(t, f.get(t, "/?q=nothing-has-this").body, "没有符合条件的项目")
}

// A project's page shows the re-scored table as the text output has it, the disputed
// figure marked, each finding beside its row in report's words, the tiers as lint names
// them, and a review form per indicator.
func TestProjectPage(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	r := f.get(t, "/projects/"+e.id)
	require.Equal(t, http.StatusOK, r.status, r.body)
	page := text(r.body)
	res := e.result

	view := report.Table(res, i18n.Zh, true)
	for _, h := range view.Head {
		assert.Contains(t, r.body, ">"+h+"</th>")
	}
	for i, row := range view.Rows {
		for _, c := range row.Cells {
			assert.Contains(t, page, html.UnescapeString(c), "row %d", i+1)
		}
		for _, tier := range report.Tiers(res, i, i18n.Zh) {
			assert.Contains(t, page, tier)
		}
		assert.Contains(t, r.body, fmt.Sprintf(`id="ind-%d"`, i+1))
		assert.Contains(t, r.body, fmt.Sprintf(`action="/projects/%s/indicators/%d/review"`, e.id, i+1))
	}
	assert.Contains(t, page, view.Verdict)
	assert.Contains(t, page, view.Summary)

	disputed := 0
	for i := range res.Indicators {
		if report.Disputed(res, i) {
			disputed++
			assert.Contains(t, r.body, `<td class="c8 disputed">*`+view.Rows[i].Cells[report.ColReported]+`</td>`)
		}
	}
	require.Positive(t, disputed, "the seed has a disputed score")
	if view.Total.Disputed {
		disputed++
	}
	assert.Equal(t, disputed, strings.Count(r.body, `class="c8 disputed"`))

	require.NotEmpty(t, res.Findings)
	for k := range res.Findings {
		fd := &res.Findings[k]
		msg, hint := report.Message(res, fd, i18n.Zh)
		assert.Contains(t, page, msg)
		if hint != "" {
			assert.Contains(t, page, hint)
		}
		if fd.Indicator >= 0 {
			// beside its row: between the row and the next one
			start := strings.Index(r.body, fmt.Sprintf(`id="ind-%d"`, fd.Indicator+1))
			end := strings.Index(r.body, fmt.Sprintf(`id="ind-%d"`, fd.Indicator+2))
			if end < 0 {
				end = len(r.body)
			}
			assert.Contains(t, text(r.body[start:end]), msg, "finding %s beside indicator %d", fd.Code, fd.Indicator+1)
		}
	}

	en := f.get(t, "/projects/"+e.id+"?lang=en")
	msg, _ := report.Message(res, &res.Findings[0], i18n.En)
	assert.Contains(t, text(en.body), msg)
	assert.Contains(t, text(en.body), report.Table(res, i18n.En, true).Verdict)
}

// The findings view lists the checks that fired with their counts, and every finding of one.
func TestFindingsPage(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	st := f.srv.cur.Load()
	counts := map[engine.Code]int{}
	for _, e := range st.entries {
		for _, fd := range e.result.Findings {
			counts[fd.Code]++
		}
	}
	r := f.get(t, "/findings")
	require.Equal(t, http.StatusOK, r.status)
	for code, n := range counts {
		assert.Regexp(t, regexp.MustCompile(`<code>`+regexp.QuoteMeta(string(code))+`</code></a></td><td>.*?</td><td>.*?</td><td class="num">`+fmt.Sprint(n)+`</td>`), r.body)
	}
	one := f.get(t, "/findings?code=score-mismatch")
	require.Equal(t, http.StatusOK, one.status)
	assert.Contains(t, text(one.body), fmt.Sprintf("%d 条", counts[engine.ScoreMismatch]))
	e := f.entry(t, seedShebao)
	for k := range e.result.Findings {
		fd := &e.result.Findings[k]
		if fd.Code == engine.ScoreMismatch {
			msg, _ := report.Message(e.result, fd, i18n.Zh)
			assert.Contains(t, text(one.body), msg)
			assert.Contains(t, one.body, fmt.Sprintf(`href="/projects/%s#ind-%d"`, e.id, fd.Indicator+1))
		}
	}
	assert.Equal(t, http.StatusNotFound, f.get(t, "/findings?code=no-such-check").status)
}

// GET /api/projects lists each project with exactly the keys.
func TestAPIProjects(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	r := f.get(t, "/api/projects")
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"))
	list := decode[[]map[string]any](t, r)
	require.Len(t, list, 2)
	keys := []string{"id", "name", "agency", "total", "grade", "reported_total", "review_total", "review_grade", "deviation", "errors", "warnings"}
	for _, p := range list {
		got := make([]string, 0, len(p))
		for k := range p {
			got = append(got, k)
		}
		assert.ElementsMatch(t, keys, got)
	}
	e := f.entry(t, seedShebao)
	var p map[string]any
	for _, x := range list {
		if x["id"] == e.id {
			p = x
		}
	}
	require.NotNil(t, p, "the list has %s", e.id)
	assert.Equal(t, seedShebao, p["name"])
	assert.Equal(t, e.result.Total, p["total"])
	assert.Equal(t, e.result.Grade, p["grade"])
	assert.Equal(t, *e.project.Reported.Score, p["reported_total"])
	e2, w2, _ := engine.Count(e.result.Findings)
	assert.Equal(t, float64(e2), p["errors"])
	assert.Equal(t, float64(w2), p["warnings"])
	assert.Nil(t, p["review_total"], "nothing reviewed yet")
	assert.Nil(t, p["deviation"])
}

// GET /api/projects/{id} is the project as check --format json gives it.
func TestAPIProject(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	r := f.get(t, "/api/projects/"+e.id)
	require.Equal(t, http.StatusOK, r.status)
	doc := decode[map[string]any](t, r)

	var check bytes.Buffer
	require.NoError(t, report.JSON(&check, []*engine.Result{e.result}, i18n.Zh, true))
	want := decode[map[string][]map[string]any](t, response{body: check.String()})["projects"][0]
	for k, v := range want {
		if k == "indicators" {
			continue
		}
		assert.Equal(t, v, doc[k], "key %s as check --format json gives it", k)
	}
	inds := doc["indicators"].([]any)
	wantInds := want["indicators"].([]any)
	require.Len(t, inds, len(wantInds))
	for i := range wantInds {
		for k, v := range wantInds[i].(map[string]any) {
			assert.Equal(t, v, inds[i].(map[string]any)[k], "indicator %d key %s", i+1, k)
		}
	}
	assert.Equal(t, e.id, doc["id"])
	assert.Equal(t, false, doc["stale"])
	assert.Equal(t, http.StatusNotFound, f.get(t, "/api/projects/0123456789abcdef").status)
	assert.Contains(t, f.get(t, "/api/projects/nope").body, `"error"`)
}

// A review saved through the API is kept, shown on the page and in the API, with who
// saved it and when; a later save wins.
func TestAPISaveReview(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	path := "/api/projects/" + e.id + "/indicators/2/review"
	r := f.do(t, http.MethodPut, path, `{"score": 6.5, "reason": "资金到位不足", "rule": "unassessable-30", "note": "见拨付凭证", "reviewer": "张三", "actual": "13.87"}`,
		"Content-Type: application/json")
	require.Equal(t, http.StatusOK, r.status, r.body)
	doc := decode[map[string]any](t, r)
	ind := doc["indicators"].([]any)[1].(map[string]any)
	subset(t, map[string]any{"score": 6.5, "reason": "资金到位不足", "rule": "unassessable-30", "note": "见拨付凭证", "actual": "13.87",
		"difference": -1.5}, ind["review"])
	assert.Equal(t, "张三", ind["changed"].(map[string]any)["by"])
	// The engine totals the review: a range until every indicator has its 复核得分, and the
	// review-* checks speak of what is missing.
	rv := doc["review"].(map[string]any)
	assert.Nil(t, rv["total"])
	assert.Equal(t, 94.81, rv["self"])
	assert.Contains(t, r.body, `"code":"review-score-missing"`)

	rec, err := f.store.Project(t.Context(), e.key)
	require.NoError(t, err)
	ir, ok := rec.Indicator(e.refs[1])
	require.True(t, ok)
	assert.Equal(t, "6.5", ir.Review.Score.String())
	assert.Equal(t, "张三", ir.Changed.By)
	assert.Equal(t, e.fingerprint, rec.Last.Fingerprint, "the save records the submission as it was")

	// A later save by another reviewer wins, and the page says who changed it.
	r = f.do(t, http.MethodPut, path, `{"score": "7", "reason": "复核后调整", "reviewer": "李四"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	page := f.get(t, "/projects/"+e.id)
	assert.Contains(t, page.body, `name="score" value="7"`)
	assert.Contains(t, text(page.body), "李四 ·")
	assert.Contains(t, text(page.body), "复核后调整")
	assert.Contains(t, text(page.body), "修改记录（10）", "five fields set by the first save, five changed by the second (a save replaces the record)")
	list := decode[[]map[string]any](t, f.get(t, "/api/projects"))
	for _, p := range list {
		if p["id"] == e.id {
			assert.Greater(t, p["warnings"].(float64), float64(e.warns), "the review-* checks add warnings of indicators still without a score")
			assert.Nil(t, p["review_total"], "a range until every indicator is scored")
			assert.Nil(t, p["review_grade"])
		}
	}
	// null clears the score
	r = f.do(t, http.MethodPut, path, `{"score": null, "reviewer": "李四"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	_, hasReview := decode[map[string]any](t, r)["indicators"].([]any)[1].(map[string]any)["review"]
	assert.False(t, hasReview)

	// The project's reviewer and date.
	r = f.do(t, http.MethodPut, "/api/projects/"+e.id+"/review", `{"reviewer": "张三", "date": "2024-05-20"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)
	subset(t, map[string]any{"reviewer": "张三", "date": "2024-05-20"}, decode[map[string]any](t, r)["review"])
}

// A review of every indicator gives the reviewer's total, grade and 偏离度, as the engine
// computes them, in the list, the project and on the pages.
func TestCompleteReview(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	var want float64
	for i, ir := range e.result.Indicators {
		score := ir.Indicator.Weight
		reason := ""
		if i == 1 {
			score, reason = 7, "到位资金不足，按无法评价（轻微）扣分值的 30%"
		}
		want += score
		body := fmt.Sprintf(`{"score": %v, "reason": %q, "rule": %q, "reviewer": "张三"}`, score, reason, map[bool]string{true: "unassessable-30", false: ""}[i == 1])
		r := f.do(t, http.MethodPut, fmt.Sprintf("/api/projects/%s/indicators/%d/review", e.id, i+1), body)
		require.Equal(t, http.StatusOK, r.status, r.body)
	}
	e = f.entry(t, seedShebao)
	rv := e.result.Review
	require.NotNil(t, rv)
	require.True(t, rv.Exact)
	var p map[string]any
	for _, x := range decode[[]map[string]any](t, f.get(t, "/api/projects")) {
		if x["id"] == e.id {
			p = x
		}
	}
	assert.Equal(t, rv.Total, p["review_total"])
	assert.Equal(t, rv.Grade, p["review_grade"])
	require.True(t, rv.HasDeviation)
	assert.Equal(t, num.Round(rv.Deviation, 4), p["deviation"], "4 decimals, as check --format json gives it")
	assert.InDelta(t, (94.81-rv.Total)/94.81, rv.Deviation, 1e-9, "偏离度 = (自评 − 复核) / 自评")
	page := text(f.get(t, "/projects/"+e.id).body)
	assert.Contains(t, page, e.row.ReviewTotal)
	assert.Contains(t, page, e.row.Deviation)
	batch := text(f.get(t, "/").body)
	assert.Contains(t, batch, e.row.Deviation)
	assert.NotContains(t, f.get(t, "/").body, "尚无复核总分", "the deviation chart has a bar")
}

// subset asserts that every key of want is in got with the same value.
func subset(t *testing.T, want map[string]any, got any) {
	t.Helper()
	m, ok := got.(map[string]any)
	require.True(t, ok, "want an object, got %v", got)
	for k, v := range want {
		assert.Equal(t, v, m[k], "key %s", k)
	}
}

// Every bad input of a save is refused with the status and the message a reviewer reads,
// and nothing is written.
func TestAPISaveRefusesBadInput(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	path := "/api/projects/" + e.id + "/indicators/2/review"
	for _, c := range []struct {
		name, path, body string
		header           []string
		status           int
		message          string
	}{
		{"score not a number", path, `{"score": "十八", "reviewer": "张三"}`, nil, 400, `复核得分 "十八" 不是数字`},
		{"score a word", path, `{"score": "abc", "reviewer": "张三"}`, nil, 400, `复核得分 "abc" 不是数字`},
		{"score true", path, `{"score": true, "reviewer": "张三"}`, nil, 400, `复核得分 "true" 不是数字`},
		{"score an object", path, `{"score": {}, "reviewer": "张三"}`, nil, 400, `不是数字`},
		{"score with a unit", path, `{"score": "8元", "reviewer": "张三"}`, nil, 400, `不是数字`},
		{"negative score", path, `{"score": -1, "reviewer": "张三"}`, nil, 400, "复核得分 -1 为负数"},
		{"negative text", path, `{"score": "-0.5", "reviewer": "张三"}`, nil, 400, "复核得分 -0.5 为负数"},
		{"above the weight", path, `{"score": 10.01, "reviewer": "张三"}`, nil, 400, "复核得分 10.01 超过该指标的分值 10"},
		{"exponent above the weight", path, `{"score": 1e2, "reviewer": "张三"}`, nil, 400, "超过该指标的分值 10"},
		{"no reviewer", path, `{"score": 8}`, nil, 400, "请填写复核人姓名"},
		{"blank reviewer", path, `{"score": 8, "reviewer": "  "}`, nil, 400, "请填写复核人姓名"},
		{"unknown key", path, `{"score": 8, "reviewer": "张三", "grade": "优"}`, nil, 400, `请求正文中有本接口不认识的键 "grade"；可用的键：score, actual, reason, rule, note, reviewer`},
		{"unknown key in English", path + "?lang=en", `{"score": 5, "reviewer": "王五", "foo": 1}`, nil, 400, `the request body has the key "foo", which this request does not take; the keys are: score, actual, reason, rule, note, reviewer`},
		{"a value of the wrong kind", path, `{"score": 8, "reviewer": 5}`, nil, 400, `请求正文中键 "reviewer" 的值类型不对（应为文字）`},
		{"a syntax error", path + "?lang=en", `{"score": 8,}`, nil, 400, "the request body is not valid JSON (a syntax error at byte 13)"},
		{"not JSON", path, `score=8`, nil, 400, "请求正文不是有效的 JSON"},
		{"two values", path, `{"score": 8, "reviewer": "张三"} {}`, nil, 400, "请求正文不是有效的 JSON"},
		{"empty body", path, ``, nil, 400, "请求正文不是有效的 JSON"},
		{"reason too long", path, `{"score": 8, "reviewer": "张三", "reason": "` + strings.Repeat("x", 17<<10) + `"}`, nil, 400, "过长"},
		{"body too large", path, `{"score": 8, "reviewer": "张三", "reason": "` + strings.Repeat("x", MaxBody) + `"}`, nil, 413, "提交的内容过大"},
		{"indicator 0", "/api/projects/" + e.id + "/indicators/0/review", `{"score": 8, "reviewer": "张三"}`, nil, 404, "指标序号 0 无效"},
		{"indicator past the end", "/api/projects/" + e.id + "/indicators/99/review", `{"score": 8, "reviewer": "张三"}`, nil, 404, "该项目有 " + fmt.Sprint(len(e.result.Indicators)) + " 个指标"},
		{"indicator not a number", "/api/projects/" + e.id + "/indicators/x/review", `{"score": 8, "reviewer": "张三"}`, nil, 404, "指标序号 x 无效"},
		{"unknown project", "/api/projects/0000000000000000/indicators/1/review", `{"score": 8, "reviewer": "张三"}`, nil, 404, "没有编号为 0000000000000000 的项目"},
		{"foreign origin", path, `{"score": 8, "reviewer": "张三"}`, []string{"Origin: https://evil.example"}, 403, "这次修改来自另一个网站"},
		{"cross-site fetch", path, `{"score": 8, "reviewer": "张三"}`, []string{"Sec-Fetch-Site: cross-site"}, 403, "这次修改来自另一个网站"},
		{"foreign host", path, `{"score": 8, "reviewer": "张三"}`, []string{"Host: evil.example"}, 403, "请求的主机名不是本机"},
		{"English message", path + "?lang=en", `{"score": 11, "reviewer": "张三"}`, nil, 400, "the review score 11 is above the indicator's weight 10"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, err := f.store.Version(t.Context())
			require.NoError(t, err)
			r := f.do(t, http.MethodPut, c.path, c.body, c.header...)
			assert.Equal(t, c.status, r.status, r.body)
			assert.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"))
			assert.Contains(t, decode[map[string]string](t, r)["error"], c.message)
			after, err := f.store.Version(t.Context())
			require.NoError(t, err)
			assert.Equal(t, before, after, "nothing written")
		})
	}
	// A same-origin browser write passes the origin check.
	r := f.do(t, http.MethodPut, path, `{"score": 8, "reviewer": "张三"}`, "Origin: "+f.http.URL, "Sec-Fetch-Site: same-origin")
	assert.Equal(t, http.StatusOK, r.status, r.body)
	// The weight itself and 0 are fine.
	assert.Equal(t, http.StatusOK, f.do(t, http.MethodPut, path, `{"score": 10, "reviewer": "张三"}`).status)
	assert.Equal(t, http.StatusOK, f.do(t, http.MethodPut, path, `{"score": "0", "reviewer": "张三"}`).status)
}

// The page's forms save with their token; without it, or with another form's, nothing is
// written; a refused value comes back on the page with the reason, as typed.
func TestFormSave(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	page := f.get(t, "/projects/"+e.id)
	token := func(action string) string {
		m := regexp.MustCompile(`action="` + regexp.QuoteMeta(action) + `"[^>]*>\s*<input type="hidden" name="_token" value="([0-9a-f]+)"`).FindStringSubmatch(page.body)
		require.NotNil(t, m, "the form of %s has a token", action)
		return m[1]
	}
	action := "/projects/" + e.id + "/indicators/3/review"
	tok := token(action)
	version := regexp.MustCompile(`name="version" value="([0-9a-f]+)"`).FindStringSubmatch(page.body)
	require.NotNil(t, version, "the forms carry the submission's version")
	form := func(v url.Values) string {
		if v.Has("_token") {
			v.Set("version", version[1])
		}
		return v.Encode()
	}
	post := func(path, body string, header ...string) response {
		return f.do(t, http.MethodPost, path, body, append([]string{"Content-Type: application/x-www-form-urlencoded"}, header...)...)
	}
	good := url.Values{"_token": {tok}, "score": {"8"}, "reason": {"佐证不全"}, "rule": {"cut-30"}, "note": {""}, "actual": {"3"}, "reviewer": {"王五"}}

	for _, c := range []struct {
		name   string
		body   url.Values
		status int
		want   string
	}{
		{"no token", url.Values{"score": {"8"}, "reviewer": {"王五"}}, 403, "页面已过期"},
		{"another form's token", url.Values{"_token": {token("/projects/" + e.id + "/indicators/2/review")}, "score": {"8"}, "reviewer": {"王五"}}, 403, "页面已过期"},
		{"score not a number", url.Values{"_token": {tok}, "score": {"八分"}, "reason": {"保留的理由"}, "reviewer": {"王五"}}, 400, `复核得分 "八分" 不是数字`},
		{"above the weight", url.Values{"_token": {tok}, "score": {"12"}, "reviewer": {"王五"}}, 400, "复核得分 12 超过该指标的分值 10"},
		{"negative", url.Values{"_token": {tok}, "score": {"-2"}, "reviewer": {"王五"}}, 400, "复核得分 -2 为负数"},
		{"no name", url.Values{"_token": {tok}, "score": {"8"}}, 400, "请填写复核人姓名"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := post(action, form(c.body))
			if c.status == 400 {
				withoutVersion := url.Values{}
				for k, v := range c.body {
					withoutVersion[k] = v
				}
				withoutVersion.Del("version")
				assert.Equal(t, http.StatusConflict, post(action, withoutVersion.Encode()).status, "a form of no version")
			}
			assert.Equal(t, c.status, r.status)
			assert.Contains(t, text(r.body), c.want)
			if c.status == 400 {
				assert.Contains(t, r.body, `<p class="form-error" role="alert">`)
				assert.Contains(t, r.body, `name="score" value="`+html.EscapeString(c.body.Get("score"))+`"`, "what was typed is kept")
				if c.body.Get("reason") != "" {
					assert.Contains(t, r.body, c.body.Get("reason"))
				}
			}
			v, err := f.store.Version(t.Context())
			require.NoError(t, err)
			assert.Zero(t, v, "nothing written")
		})
	}

	r := post(action, form(good))
	require.Equal(t, http.StatusSeeOther, r.status, r.body)
	assert.Equal(t, "/projects/"+e.id+"?saved=3#ind-3", r.header.Get("Location"))
	assert.Contains(t, r.header.Get("Set-Cookie"), saverCookie+"="+url.QueryEscape("王五"))
	after := f.get(t, "/projects/"+e.id+"?saved=3", "Cookie: "+saverCookie+"="+url.QueryEscape("王五"))
	assert.Contains(t, after.body, `name="score" value="8"`)
	assert.Contains(t, after.body, `id="saver" value="王五"`, "the name is remembered")
	assert.Contains(t, text(after.body), "已保存")

	// The English page posts back to English.
	en := post(action+"?lang=en", form(good))
	assert.Equal(t, "/projects/"+e.id+"?saved=3&lang=en#ind-3", en.header.Get("Location"))

	// The project's own form.
	projAction := "/projects/" + e.id + "/review"
	r = post(projAction, form(url.Values{"_token": {token(projAction)}, "reviewer": {"王五"}, "date": {"2024-05-21"}}))
	require.Equal(t, http.StatusSeeOther, r.status, r.body)
	rec, err := f.store.Project(t.Context(), e.key)
	require.NoError(t, err)
	assert.Equal(t, "王五", rec.Project.Reviewer)
	assert.Equal(t, "2024-05-21", rec.Project.Date)
	r = post(projAction, form(url.Values{"_token": {token(projAction)}, "date": {"2024-05-22"}}))
	assert.Equal(t, http.StatusBadRequest, r.status)
	assert.Contains(t, text(r.body), "请填写复核人姓名")
	assert.Equal(t, http.StatusForbidden, post(projAction, form(url.Values{"reviewer": {"王五"}})).status)
	// A foreign origin is refused before the token is looked at.
	assert.Equal(t, http.StatusForbidden, post(action, form(good), "Origin: http://evil.example").status)
}

// The export is the review workbook of every project, with the reviews.
func TestExport(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	r := f.do(t, http.MethodPut, "/api/projects/"+e.id+"/indicators/2/review", `{"score": 6.5, "reason": "资金到位不足", "reviewer": "张三"}`)
	require.Equal(t, http.StatusOK, r.status, r.body)

	x := f.get(t, "/export.xlsx")
	require.Equal(t, http.StatusOK, x.status, x.body)
	assert.Equal(t, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", x.header.Get("Content-Type"))
	assert.Contains(t, x.header.Get("Content-Disposition"), "attachment;")
	assert.Contains(t, x.header.Get("Content-Disposition"), "filename*=UTF-8''%E5%A4%8D%E6%A0%B8.xlsx")
	cells := workbookText(t, []byte(x.body))
	assert.Contains(t, cells, seedShebao)
	assert.Contains(t, cells, seedYanglao)
	assert.Contains(t, cells, "\n资金到位不足\n", "the stored reason is in the workbook")
	assert.Regexp(t, `\n6\.50?\n`, cells, "the stored 复核得分 is in the workbook")
}

// The export names every submission that could not be read, as check --format xlsx does:
// in the summary's block and the 问题清单.
func TestExportNamesUnreadSubmissions(t *testing.T) {
	dir := copySeed(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("name = \"broken\n[[indicator"), 0o644))
	f := serve(t, dir, Options{})
	x := f.get(t, "/export.xlsx")
	require.Equal(t, http.StatusOK, x.status, x.body)
	cells := workbookText(t, []byte(x.body))
	assert.Contains(t, cells, seedShebao)
	assert.Equal(t, 2, strings.Count(cells, "\nbroken.toml\n"), "broken.toml in the summary and in the 问题清单:\n%s", cells)
	assert.Contains(t, cells, "未能读入 1 个输入，均未计分")
}

// workbookText is every cell of a workbook, one per line, sheet by sheet.
func workbookText(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	b, err := sheets.Open(path)
	require.NoError(t, err)
	defer b.Close()
	var out strings.Builder
	for _, name := range b.Sheets() {
		grid, err := b.Grid(name)
		require.NoError(t, err)
		for _, row := range grid.Rows {
			for _, c := range row {
				if c != "" {
					out.WriteString(c + "\n")
				}
			}
		}
	}
	return out.String()
}

// Static files come from the binary; no URL reaches the file system; unknown pages are 404;
// every response carries the security headers.
func TestStaticAndPaths(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	css := f.get(t, "/static/style.css")
	require.Equal(t, http.StatusOK, css.status)
	assert.Contains(t, css.header.Get("Content-Type"), "text/css")
	js := f.get(t, "/static/app.js")
	require.Equal(t, http.StatusOK, js.status)
	assert.Contains(t, js.header.Get("Content-Type"), "javascript")
	for _, p := range []string{"/static/", "/static/../server.go", "/static/%2e%2e/server.go", "/static/..%2fserver.go",
		"/server.go", "/../go.mod", "/projects/..%2f..%2fgo.mod", "/static/templates/layout.html", "/nope"} {
		r := f.get(t, p)
		assert.Contains(t, []int{http.StatusNotFound, http.StatusMovedPermanently, http.StatusTemporaryRedirect, http.StatusBadRequest}, r.status, p)
		assert.NotContains(t, r.body, "package web", p)
		assert.NotContains(t, r.body, "module jixiao", p)
	}
	nf := f.get(t, "/nope")
	assert.Equal(t, http.StatusNotFound, nf.status)
	assert.Contains(t, text(nf.body), "没有这个页面")
	for _, p := range []string{"/", "/nope", "/api/projects"} {
		h := f.get(t, p).header
		assert.Contains(t, h.Get("Content-Security-Policy"), "default-src 'self'", p)
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), p)
		assert.Equal(t, "DENY", h.Get("X-Frame-Options"), p)
	}
	assert.Equal(t, http.StatusMethodNotAllowed, f.do(t, http.MethodDelete, "/api/projects/"+f.id(t, seedShebao)+"/indicators/1/review", "").status)
	assert.Equal(t, http.StatusMethodNotAllowed, f.do(t, http.MethodPost, "/api/projects", "{}").status)
}

// Requests must be addressed to a loopback name when there is no token (another site's
// name pointed at 127.0.0.1 is refused), and carry the token when there is one.
func TestHostAndToken(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	for _, host := range []string{"localhost", "127.0.0.1", "localhost:8080", "[::1]:8080", "127.0.0.2:80"} {
		assert.Equal(t, http.StatusOK, f.get(t, "/", "Host: "+host).status, host)
	}
	for _, host := range []string{"evil.example", "evil.example:8080", "10.0.0.1", "localhost.evil.example"} {
		r := f.get(t, "/api/projects", "Host: "+host)
		assert.Equal(t, http.StatusForbidden, r.status, host)
		assert.Contains(t, r.body, "请求的主机名不是本机")
	}

	g := serve(t, copySeed(t), Options{Token: "s3cret"})
	assert.Equal(t, http.StatusUnauthorized, g.get(t, "/").status)
	assert.Equal(t, http.StatusUnauthorized, g.get(t, "/api/projects").status)
	assert.Contains(t, g.get(t, "/api/projects", "Authorization: Bearer wrong").body, "需要访问令牌")
	assert.Equal(t, http.StatusOK, g.get(t, "/api/projects", "Authorization: Bearer s3cret").status)
	assert.Equal(t, http.StatusOK, g.get(t, "/", "Host: colleague.example:8080", "Cookie: "+tokenCookie+"=s3cret").status,
		"with a token any host name is fine")
	r := g.get(t, "/?token=s3cret&lang=en")
	require.Equal(t, http.StatusSeeOther, r.status)
	assert.Equal(t, "/?lang=en", r.header.Get("Location"), "the token leaves the address")
	assert.Contains(t, r.header.Get("Set-Cookie"), tokenCookie+"=s3cret")
	assert.Contains(t, r.header.Get("Set-Cookie"), "HttpOnly")
	assert.Equal(t, http.StatusUnauthorized, g.do(t, http.MethodPut, "/api/projects/x/indicators/1/review?token=s3cret", `{}`).status,
		"a write never takes the token from the address")
}

func TestAcceptLang(t *testing.T) {
	for header, want := range map[string]i18n.Lang{
		"":                               i18n.Zh,
		"en":                             i18n.En,
		"en-US,en;q=0.9":                 i18n.En,
		"zh-CN,zh;q=0.9,en;q=0.8":        i18n.Zh,
		"fr-FR,fr;q=0.9,en;q=0.5":        i18n.En,
		"fr":                             i18n.Zh,
		"en;q=0.3,zh-TW;q=0.7":           i18n.Zh,
		"en;q=bad,zh;q=0.1":              i18n.Zh,
		"de, en-GB;q=0.8, zh-Hans;q=0.8": i18n.En,
	} {
		assert.Equal(t, want, acceptLang(header), "%q", header)
	}
}

func TestScoreText(t *testing.T) {
	for raw, want := range map[string]struct {
		text string
		ok   bool
	}{
		``: {"", true}, `null`: {"", true}, `18`: {"18", true}, `17.5`: {"17.5", true}, `"18.25"`: {"18.25", true},
		`-1`: {"-1", true}, `true`: {"true", false}, `[1]`: {"[1]", false}, `{}`: {"{}", false},
	} {
		got, ok := scoreText([]byte(raw))
		assert.Equal(t, want.text, got, raw)
		assert.Equal(t, want.ok, ok, raw)
	}
	assert.Equal(t, "100", expandExponent("1e2"))
	assert.Equal(t, "0.015", expandExponent("1.5E-2"))
	assert.Equal(t, "18", expandExponent("18"))
}

// sameRecord tells records apart by every field, stamps included.
func TestSameRecord(t *testing.T) {
	at := time.Date(2024, 5, 20, 9, 0, 0, 0, time.UTC)
	base := func() store.Record {
		return store.Record{Key: "a.toml#1", Project: store.Project{Reviewer: "张三", Date: "2024-05-20"},
			Changed: store.Stamp{By: "张三", At: at}, First: store.Seen{Fingerprint: "f1", By: "张三", At: at},
			Last:       store.Seen{Fingerprint: "f2", By: "李四", At: at.Add(time.Hour)},
			Indicators: []store.IndicatorRecord{{Ref: "i:a/b/c", N: 2, Review: store.Indicator{Score: store.MustScore("6.5"), Reason: "理由"}, Changed: store.Stamp{By: "张三", At: at}}}}
	}
	assert.True(t, sameRecord(base(), base()))
	assert.True(t, sameRecord(store.Record{}, store.Record{}))
	for name, change := range map[string]func(*store.Record){
		"key":            func(r *store.Record) { r.Key = "b.toml#1" },
		"reviewer":       func(r *store.Record) { r.Project.Reviewer = "王五" },
		"changed by":     func(r *store.Record) { r.Changed.By = "王五" },
		"changed at":     func(r *store.Record) { r.Changed.At = at.Add(time.Second) },
		"first":          func(r *store.Record) { r.First.Fingerprint = "f0" },
		"last":           func(r *store.Record) { r.Last.At = at },
		"an indicator":   func(r *store.Record) { r.Indicators = append(r.Indicators, store.IndicatorRecord{N: 3}) },
		"a score":        func(r *store.Record) { r.Indicators[0].Review.Score = store.MustScore("7") },
		"a note":         func(r *store.Record) { r.Indicators[0].Review.Note = "备注" },
		"its stamp":      func(r *store.Record) { r.Indicators[0].Changed.At = at.Add(time.Minute) },
		"its number":     func(r *store.Record) { r.Indicators[0].N = 3 },
		"its ref":        func(r *store.Record) { r.Indicators[0].Ref = "i:a/b/d" },
		"positional":     func(r *store.Record) { r.Positional = true },
		"its changed by": func(r *store.Record) { r.Indicators[0].Changed.By = "王五" },
	} {
		r := base()
		change(&r)
		assert.False(t, sameRecord(base(), r), name)
	}
}

// The project's own review (reviewer and date) refuses what the indicators' does, and a
// form too large is refused whole.
func TestProjectReviewAndFormRefusals(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	path := "/api/projects/" + e.id + "/review"
	for _, c := range []struct {
		name, path, body string
		status           int
		message          string
	}{
		{"no reviewer", path, `{"date": "2024-05-20"}`, 400, "请填写复核人姓名"},
		{"unknown key", path, `{"reviewer": "张三", "name": "张三"}`, 400, `请求正文中有本接口不认识的键 "name"；可用的键：reviewer, date`},
		{"not JSON", path, `reviewer=张三`, 400, "请求正文不是有效的 JSON"},
		{"date too long", path, `{"reviewer": "张三", "date": "` + strings.Repeat("9", 17<<10) + `"}`, 400, "过长"},
		{"unknown project", "/api/projects/ffffffffffffffff/review", `{"reviewer": "张三"}`, 404, "没有编号为 ffffffffffffffff 的项目"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := f.do(t, http.MethodPut, c.path, c.body)
			assert.Equal(t, c.status, r.status, r.body)
			assert.Contains(t, decode[map[string]string](t, r)["error"], c.message)
		})
	}
	big := url.Values{"_token": {"x"}, "reason": {strings.Repeat("理", MaxBody)}}.Encode()
	r := f.do(t, http.MethodPost, "/projects/"+e.id+"/indicators/1/review", big, "Content-Type: application/x-www-form-urlencoded")
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.status)
	assert.Contains(t, text(r.body), "提交的内容过大")
	v, err := f.store.Version(t.Context())
	require.NoError(t, err)
	assert.Zero(t, v, "nothing written")
}

// An unexpected error reaches the reader in their language: the store's and the server's
// own messages in it, a library's English text only in English (Chinese says the log
// has it).
func TestInternalErrorInReadersLanguage(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	answer := func(path string, err error) string {
		w := httptest.NewRecorder()
		f.srv.failErr(w, httptest.NewRequest(http.MethodGet, path, nil), err)
		require.Equal(t, http.StatusInternalServerError, w.Code)
		return w.Body.String()
	}
	plain := fmt.Errorf("disk on fire")
	zh := answer("/api/projects", plain)
	assert.Contains(t, zh, "服务器内部错误：详情已记入 jixiao serve 的日志")
	assert.NotContains(t, zh, "disk on fire")
	assert.Contains(t, answer("/api/projects?lang=en", plain), "internal error: disk on fire")

	own := &Error{Msg: msgMovedTwice}
	assert.Contains(t, answer("/", own), "按位置保存的复核记录迁移之后")
	assert.Contains(t, answer("/?lang=en", own), "review records kept by place were still to move")
	assert.NotContains(t, answer("/", fmt.Errorf("reading: %w", own)), "review records")
}

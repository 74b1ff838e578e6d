package web

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/num"
	"jixiao/sheets"
)

// A 复核得分 is read as a reviewer types it with a Chinese input method (full-width digits
// and point, a trailing 分) and kept rounded half-up to the file's decimals, as the engine
// counts it.
func TestReviewScoreAsWritten(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	path := "/api/projects/" + e.id + "/indicators/1/review"
	for _, c := range []struct{ body, want string }{
		{`{"score":"９.５","reviewer":"王五"}`, "9.5"},
		{`{"score":"9.5分","reviewer":"王五"}`, "9.5"},
		{`{"score":"１２．２５ 分","reviewer":"王五"}`, "12.25"},
		{`{"score":9.995,"reviewer":"王五"}`, "10"},
		{`{"score":"2.585","reviewer":"王五"}`, "2.59"},
		{`{"score":"20.004","reviewer":"王五"}`, "20"},
	} {
		f.put(t, path, c.body)
		rec, err := f.store.Project(t.Context(), e.key)
		require.NoError(t, err)
		ir, ok := rec.Indicator(e.refs[0])
		require.True(t, ok)
		assert.Equal(t, c.want, ir.Review.Score.String(), "PUT %s", c.body)
	}
	page := f.get(t, "/projects/"+e.id).body
	assert.Contains(t, page, `value="20"`)
	assert.NotContains(t, text(page), "→ 20.004", "the history holds the score as kept")

	for _, body := range []string{`{"score":"9.5 分 分","reviewer":"王五"}`, `{"score":"九点五","reviewer":"王五"}`, `{"score":"20.006","reviewer":"王五"}`} {
		r := f.do(t, http.MethodPut, path, body)
		assert.Equal(t, http.StatusBadRequest, r.status, "PUT %s: %s", body, r.body)
	}
}

// The 复核得分 合计 of the exported workbook is saved with the value of the scores as shown,
// each rounded: the 复核总分 the engine gives, whatever the precision of a review written in
// the submission itself.
func TestExportReviewTotalRounded(t *testing.T) {
	dir := t.TempDir()
	src := `[project]
name = "四舍五入"
[reviewer]
name = "王五"
[[indicator]]
name = "甲"
target = 100
actual = 100
weight = 50
reported = 50
[indicator.review]
score = 2.585
[[indicator]]
name = "乙"
target = 100
actual = 100
weight = 50
reported = 50
[indicator.review]
score = 2.585
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "r.toml"), []byte(src), 0o644))
	f := serve(t, dir, Options{})
	e := f.entry(t, "四舍五入")
	require.NotNil(t, e.result.Review)
	require.Equal(t, 5.18, e.result.Review.Total, "the engine totals the rounded scores")
	x := f.get(t, "/export.xlsx")
	require.Equal(t, http.StatusOK, x.status)
	path := filepath.Join(t.TempDir(), "x.xlsx")
	require.NoError(t, os.WriteFile(path, []byte(x.body), 0o644))
	b, err := sheets.Open(path)
	require.NoError(t, err)
	defer b.Close()
	g, err := b.Grid("四舍五入")
	require.NoError(t, err)
	col, total := -1, -1
	for i, row := range g.Rows {
		if c := slices.Index(row, "复核得分"); c >= 0 && col < 0 {
			col = c
		}
		if len(row) > 0 && row[0] == "合计" {
			total = i
		}
	}
	require.True(t, col >= 0 && total >= 0)
	require.NotEmpty(t, g.Formula(total, col), "the 合计 is a formula")
	assert.Equal(t, "5.18", g.Cell(total, col), "saved with the sum of the scores as shown")
}

// /api/projects gives the 偏离度 as check --format json does: a fraction with 4 decimals,
// no float noise.
func TestAPIProjectsDeviationRounded(t *testing.T) {
	f := serve(t, copySeed(t), Options{})
	e := f.entry(t, seedShebao)
	for i, ir := range e.result.Indicators {
		score := ir.Score
		if i == 0 {
			score = 17.37
		}
		f.put(t, fmt.Sprintf("/api/projects/%s/indicators/%d/review", e.id, i+1), fmt.Sprintf(`{"score":%v,"reviewer":"王五"}`, score))
	}
	e = f.entry(t, seedShebao)
	require.NotNil(t, e.result.Review)
	require.True(t, e.result.Review.HasDeviation)
	raw := e.result.Review.Deviation
	require.NotEqual(t, num.Round(raw, 4), raw, "the test needs a deviation with more than 4 decimals: %v", raw)

	body := f.get(t, "/api/projects").body
	m := regexp.MustCompile(`"deviation":(-?[0-9.]+)`).FindAllStringSubmatch(body, -1)
	require.Len(t, m, 1, body)
	assert.Equal(t, strconv.FormatFloat(num.Round(raw, 4), 'f', -1, 64), m[0][1])
	doc := decode[map[string]any](t, f.get(t, "/api/projects/"+e.id))
	assert.Equal(t, m[0][1], fmt.Sprint(doc["review"].(map[string]any)["deviation"]), "the list and the project agree")
}

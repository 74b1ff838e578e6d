package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/sheets"
)

// summary is what must survive a round trip: each project's totals, grade, targets and
// findings (code and indicator).
func summary(t *testing.T, out string) map[string][]string {
	t.Helper()
	var doc struct {
		Projects []struct {
			Name       string   `json:"name"`
			Total      *float64 `json:"total"`
			Grade      string   `json:"grade"`
			TargetsSet int      `json:"targets_set"`
			TargetsMet int      `json:"targets_met"`
			Findings   []struct {
				Code      string  `json:"code"`
				Indicator *string `json:"indicator"`
				Message   string  `json:"message"`
			} `json:"findings"`
		} `json:"projects"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	got := map[string][]string{}
	for _, p := range doc.Projects {
		require.NotNil(t, p.Total, p.Name)
		lines := []string{
			"total " + jsonNumber(*p.Total), "grade " + p.Grade,
			"targets " + jsonNumber(float64(p.TargetsSet)) + "/" + jsonNumber(float64(p.TargetsMet)),
		}
		for _, f := range p.Findings {
			ind := ""
			if f.Indicator != nil {
				ind = *f.Indicator
			}
			lines = append(lines, f.Code+" "+ind+": "+f.Message)
		}
		sort.Strings(lines)
		got[p.Name] = lines
	}
	return got
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// The seed written as a review workbook, then imported back to TOML, scores and checks
// exactly as the original files do; so does checking the workbook directly.
func TestWorkbookRoundTrip(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "review.xlsx")
	code, _, errOut := runIn("check", "--format", "xlsx", "-o", book, "../../testdata/quangang-2021")
	require.Equal(t, exitFindings, code, errOut)

	code, out, _ := runIn("check", "--format", "json", "../../testdata/quangang-2021")
	require.Equal(t, exitFindings, code)
	want := summary(t, out)
	require.Len(t, want, 2)

	code, out, _ = runIn("check", "--format", "json", book)
	require.Equal(t, exitFindings, code)
	assert.Equal(t, want, summary(t, out), "checking the workbook itself")

	imported := filepath.Join(dir, "imported")
	code, out, errOut = runIn("import", "-o", imported, book)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "社保工作运行经费.toml")
	files, err := filepath.Glob(filepath.Join(imported, "*.toml"))
	require.NoError(t, err)
	assert.Len(t, files, 2)
	code, out, _ = runIn("check", "--format", "json", imported)
	require.Equal(t, exitFindings, code)
	assert.Equal(t, want, summary(t, out), "checking the imported TOML files")
}

// The review workbook: a summary sheet, one sheet per project with disputed cells filled
// and commented, and a findings sheet with a filter and a frozen header.
func TestReviewWorkbookContents(t *testing.T) {
	book := filepath.Join(t.TempDir(), "review.xlsx")
	code, _, errOut := runIn("check", "--format", "xlsx", "-o", book, "../../testdata/quangang-2021")
	require.Equal(t, exitFindings, code, errOut)
	f, err := sheets.Open(book)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{"汇总", "城乡居民养老金及个账补贴", "社保工作运行经费", "自评复核报告表", "差值表", "问题清单", "复核口径", "jixiao"}, f.Sheets())

	rows := grid(t, f, "汇总")
	assert.Equal(t, []string{"项目", "单位", "工作表", "自评得分", "自评等次", "计算总分", "计算等次", "复核总分", "复核等次", "偏离度", "复核人", "错误", "警告", "提示", "文件"}, rows[0])
	assert.Equal(t, "城乡居民养老金及个账补贴", rows[1][0])
	assert.Equal(t, "88.52", rows[1][5])
	assert.Equal(t, "良", rows[1][6])
	total, err := f.Kind("汇总", "F2")
	require.NoError(t, err)
	assert.Equal(t, sheets.Number, total, "numbers are numbers, not text")
	name, err := f.Kind("汇总", "A2")
	require.NoError(t, err)
	assert.Equal(t, sheets.Text, name, "text is text")

	// 社保参保率's reported 19.81 is disputed: filled, with the finding as a comment.
	cellName := findCell(t, f, "社保工作运行经费", "社保参保率", 7) // the 得分 column, 3 right of 实际完成值
	comments, err := f.Comments("社保工作运行经费")
	require.NoError(t, err)
	var text string
	for _, c := range comments {
		if c.Cell == cellName {
			text = c.Text
		}
	}
	assert.Contains(t, text, "[score-mismatch] 自评得分 19.81，按评分标准应得 18.00")
	style, err := f.CellStyle("社保工作运行经费", cellName)
	require.NoError(t, err)
	assert.Equal(t, "FFC7CE", style.Fill)

	assert.Len(t, grid(t, f, "问题清单"), 15, "a header and the 16 findings of the seed, the info findings of one code of a project in one row")
	frozen, err := f.FrozenRows("问题清单")
	require.NoError(t, err)
	assert.Equal(t, 1, frozen, "the header is frozen")
}

func grid(t *testing.T, f *sheets.Book, sheet string) [][]string {
	t.Helper()
	g, err := f.Grid(sheet)
	require.NoError(t, err)
	return g.Rows
}

// findCell returns the cell offset columns to the right of the cell holding text.
func findCell(t *testing.T, f *sheets.Book, sheet, text string, offset int) string {
	t.Helper()
	for r, row := range grid(t, f, sheet) {
		for c, v := range row {
			if v == text {
				return sheets.CellName(c+1+offset, r+1)
			}
		}
	}
	t.Fatalf("%q not found in %s", text, sheet)
	return ""
}

func TestXlsxNeedsAnOutputFile(t *testing.T) {
	code, out, errOut := runIn("check", "--format", "xlsx", "../../testdata/quangang-2021")
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "--format xlsx 需要用 -o 指定输出文件")
	_, err := os.Stat("review.xlsx")
	assert.True(t, os.IsNotExist(err))
}

// A workbook with one bad cell: the project it stands in is rejected, named with its
// sheet!cell, and the exit status is 2 as for any bad input; the projects of the other
// sheets are still scored, and import still saves them.
func TestWorkbookWithABadProject(t *testing.T) {
	dir := t.TempDir()
	f := sheets.New()
	require.NoError(t, f.AddSheet("乙"))
	for sheet, weight := range map[string]any{"Sheet1": 100, "乙": "十分"} {
		name := map[string]string{"Sheet1": "甲项目", "乙": "乙项目"}[sheet]
		for r, row := range [][]any{
			{"专项名称", name},
			{"一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"},
			{"产出指标", "数量指标", "期数", "12", "12", weight, 100},
		} {
			require.NoError(t, f.SetRow(sheet, sheets.CellName(1, r+1), row))
		}
	}
	book := filepath.Join(dir, "two.xlsx")
	require.NoError(t, f.SaveAs(book))

	code, out, errOut := runIn("score", "--format", "json", "--summary", book)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, `two.xlsx:乙!F3: 乙项目 › 期数: 分值应为数字，单元格里是 "十分"`)
	var doc struct {
		Projects []struct {
			Name  string  `json:"name"`
			Total float64 `json:"total"`
		} `json:"projects"`
		Summary struct {
			Read   int `json:"read"`
			Failed int `json:"failed"`
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	require.Len(t, doc.Projects, 1, "the good sheet is scored")
	assert.Equal(t, "甲项目", doc.Projects[0].Name)
	assert.Equal(t, 100.0, doc.Projects[0].Total)
	assert.Equal(t, 1, doc.Summary.Failed, "the workbook counts as an input that failed")

	imported := filepath.Join(dir, "imported")
	code, out, errOut = runIn("import", "-o", imported, book)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "乙!F3")
	assert.Equal(t, filepath.Join(imported, "甲项目.toml")+"\n", out, "the good project is saved")
}

// A 指标性质 column says which way a target goes: imported, the TOML file keeps it (the
// target written with its sign), and scores as the workbook does — 反向 4000 with 3900 is met.
func TestImportKeepsTheNatureColumn(t *testing.T) {
	dir := t.TempDir()
	f := sheets.New()
	for r, row := range [][]any{
		{"项目名称", "乡村道路养护"},
		{"一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"},
		{"产出指标", "数量指标", "养护里程", "≥", "120", "公里", "125", 40, 40},
		{"产出指标", "成本指标", "每公里养护成本", "反向", "4000", "元/公里", "3900", 30, 30},
		{"产出指标", "时效指标", "处理时限", "反向指标", "5", "天", "6", 20, 16},
		{"效益指标", "社会效益指标", "群众出行便利度", "定性", "明显提升", "", "明显提升", 10, 10},
		{"合计", "", "", "", "", "", "", 100, 96},
	} {
		require.NoError(t, f.SetRow("Sheet1", sheets.CellName(1, r+1), row))
	}
	book := filepath.Join(dir, "nature.xlsx")
	require.NoError(t, f.SaveAs(book))

	code, out, errOut := runIn("check", "--format", "json", book)
	require.NotEqual(t, exitInput, code, errOut)
	want := summary(t, out)
	assert.Contains(t, want["乡村道路养护"], "total 96", "每公里养护成本 is met: 40 + 30 + 16 + 10")

	imported := filepath.Join(dir, "imported")
	code, _, errOut = runIn("import", "-o", imported, book)
	require.Equal(t, exitOK, code, errOut)
	toml, err := os.ReadFile(filepath.Join(imported, "乡村道路养护.toml"))
	require.NoError(t, err)
	assert.Contains(t, string(toml), "name = \"每公里养护成本\"\ntarget = \"≤4000\"\n", "the direction is kept")
	_, out, _ = runIn("check", "--format", "json", imported)
	assert.Equal(t, want, summary(t, out), "the imported TOML scores as the workbook")
}

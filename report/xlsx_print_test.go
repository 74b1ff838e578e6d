package report

import (
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/sheets"
)

// A project sheet prints as readable pages: landscape A4, one page wide, the table's header
// row repeated on every page, the 评分标准 column of a set width with its text wrapped.
func TestProjectSheetPrints(t *testing.T) {
	b, err := sheets.Open(writeBook(t, seedResults(t, true), "review.xlsx"))
	require.NoError(t, err)
	defer b.Close()
	const sheet = "社保工作运行经费"
	l, err := b.Printing(sheet)
	require.NoError(t, err)
	assert.Equal(t, sheets.PrintLayout{Landscape: true, A4: true, FitWidth: 1, FitHeight: 0}, l)

	rs := openReviewSheet(t, b, sheet)
	head := 0
	g, err := b.Grid(sheet)
	require.NoError(t, err)
	for r, row := range g.Rows {
		if slices.Contains(row, "评分标准") {
			head = r + 1
		}
	}
	first, last, err := b.PrintTitleRows(sheet)
	require.NoError(t, err)
	assert.Equal(t, [2]int{head, head}, [2]int{first, last}, "the indicator table's header on every page")

	width, err := b.ColWidth(sheet, rs.cols["评分标准"])
	require.NoError(t, err)
	assert.InDelta(t, 36, width, 0.01)
	style, err := b.CellStyle(sheet, rs.cell("社保参保率", "评分标准"))
	require.NoError(t, err)
	assert.True(t, style.Wrap, "the criterion wraps within its column")
}

// Scores in every sheet of the workbook are numbers shown with the project's decimals (15.00
// beside 18.00, -3.00 beside 1.81), never text of a number beside a bare number; a number
// written with more decimals shows them all.
func TestWorkbookNumbersShowTheDecimals(t *testing.T) {
	src := `[project]
name = "三位小数"
[scoring]
decimals = 3
[[indicator]]
name = "甲"
target = 100
actual = 90
weight = 40
reported = 40
[[indicator]]
name = "乙"
target = 100
actual = 100
weight = 60
reported = 60
`
	p, err := indicators.Parse("three.toml", []byte(src), indicators.Limits{})
	require.NoError(t, err)
	r3, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err)
	results := append(seedResults(t, true), r3)
	b, err := sheets.Open(writeBook(t, results, "review.xlsx"))
	require.NoError(t, err)
	defer b.Close()
	formats := map[int]string{2: "0.00", 3: "0.000"}
	shown := map[int]*regexp.Regexp{2: regexp.MustCompile(`^-?\d+\.\d{2}$`), 3: regexp.MustCompile(`^-?\d+\.\d{3}$`)}

	// The columns of scores of each sheet, by header label, and the decimals of each row's
	// project.
	check := func(sheet string, labels []string, decimals func(row []string) int) {
		g, err := b.Grid(sheet)
		require.NoError(t, err)
		var cols []int
		headRow := -1
		seen := 0
		for r, row := range g.Rows {
			if slices.Contains(row, labels[0]) {
				cols, headRow = nil, r
				for _, l := range labels {
					if c := slices.Index(row, l); c >= 0 {
						cols = append(cols, c)
					}
				}
				continue
			}
			if headRow < 0 {
				continue
			}
			d := decimals(row)
			if d < 0 {
				continue // not a project's row
			}
			for _, c := range cols {
				v := g.Cell(r, c)
				if v == "" || v == "—" || regexp.MustCompile(`\d–\d`).MatchString(v) {
					continue // blank, unscored, or a range
				}
				at := sheets.CellName(c+1, r+1)
				seen++
				if g.Formula(r, c) != "" { // the 复核得分 合计: worked out on opening, shown in the format
					st, err := b.CellStyle(sheet, at)
					require.NoError(t, err)
					assert.Equal(t, formats[d], st.Format, "%s!%s", sheet, at)
					continue
				}
				kind, err := b.Kind(sheet, at)
				require.NoError(t, err)
				assert.Equal(t, sheets.Number, kind, "%s!%s %q is a number", sheet, at, v)
				assert.Regexp(t, shown[d], v, "%s!%s shows %d decimals", sheet, at, d)
			}
		}
		assert.Greater(t, seen, 3, sheet)
	}
	projectDecimals := func(name string) int {
		switch name {
		case "三位小数":
			return 3
		case "社保工作运行经费", "城乡居民养老金及个账补贴":
			return 2
		}
		return -1
	}
	first := func(row []string) string {
		if len(row) == 0 {
			return ""
		}
		return row[0]
	}
	for _, sheet := range []string{"社保工作运行经费", "城乡居民养老金及个账补贴", "三位小数"} {
		check(sheet, []string{"分值", "得分", "计算得分", "复核得分"}, func([]string) int { return projectDecimals(sheet) })
	}
	check("差值表", []string{"分值", "自评得分", "计算得分", "复核得分", "自评−计算", "自评−复核"}, func(row []string) int { return projectDecimals(first(row)) })
	check("汇总", []string{"自评得分", "计算总分", "复核总分"}, func(row []string) int { return projectDecimals(first(row)) })
	project := ""
	check("自评复核报告表", []string{"分值", "自评得分", "计算得分", "复核得分", "得分差"}, func(row []string) int {
		if m := regexp.MustCompile(`^项目：(\S+?)(　|$)`).FindStringSubmatch(first(row)); m != nil {
			project = m[1]
		}
		return projectDecimals(project)
	})
}

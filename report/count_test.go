package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"jixiao/internal/i18n"
	"jixiao/published"
)

// English counts agree with their number; info is a mass noun ("0 info", never "0 infos").
func TestCountsAgreeWithTheirNumber(t *testing.T) {
	for _, c := range []struct {
		e, w, n int
		zh, en  string
	}{
		{0, 0, 0, "0 个错误，0 个警告，0 个提示", "0 errors, 0 warnings, 0 info"},
		{1, 1, 1, "1 个错误，1 个警告，1 个提示", "1 error, 1 warning, 1 info"},
		{2, 3, 4, "2 个错误，3 个警告，4 个提示", "2 errors, 3 warnings, 4 info"},
	} {
		got := severityCounts(c.e, c.w, c.n)
		assert.Equal(t, c.zh, got.String(i18n.Zh))
		assert.Equal(t, c.en, got.String(i18n.En))
	}
	assert.Equal(t, "1 project", count(1, "个项目", "project", "projects").String(i18n.En))
	assert.Equal(t, "2 个项目", count(2, "个项目", "project", "projects").String(i18n.Zh))
}

// Every English line with a count says one thing in the singular and none or many in the
// plural.
func TestCountLinesAgree(t *testing.T) {
	for _, c := range []struct {
		got    i18n.Text
		zh, en string
	}{
		{lateText(1, 0, false), "逾期 1 天", "1 day late"},
		{lateText(20, 0, false), "逾期 20 天", "20 days late"},
		{lateText(31, 1, true), "逾期 1 个月", "1 month late"},
		{lateText(90, 3, true), "逾期 3 个月", "3 months late"},
	} {
		assert.Equal(t, c.zh, c.got.String(i18n.Zh))
		assert.Equal(t, c.en, c.got.String(i18n.En))
	}
	one := &published.Document{Projects: []*published.Project{{}}, Tables: []*published.Table{{}}}
	assert.Contains(t, documentFacts(one, i18n.En), "1 project self-evaluation · 1 final-accounts table: ")
	assert.Contains(t, documentFacts(one, i18n.Zh), "项目支出绩效自评 1 个 · 决算表 1 张：")
	none := &published.Document{}
	assert.Contains(t, documentFacts(none, i18n.En), "0 project self-evaluations · no final-accounts table")
}

package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"jixiao/internal/i18n"
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

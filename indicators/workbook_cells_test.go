package indicators

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cells a filled-in copy writes are known even when the owner left them blank: each
// indicator's 得分, 度量单位 and 偏差原因, the 预算执行率 得分, 总分 and 等次; a key read from
// its cell keeps that cell, and a key the template has no place for has none.
func TestWorkbookCellsOfBlankSlots(t *testing.T) {
	b := newBook(t)
	b.sheet("Sheet1", [][]any{
		{"项目名称", "教师培训"},
		{"", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"},
		{"年度资金总额", "", 200, 180, 162, 10, "90%", nil},
		{"一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "全年实际值", "权重", "得分", "评（扣）分标准", "偏差原因分析及改进措施"},
		{"产出指标", "数量指标", "培训人次", "≥", "500", "", "520", 50, nil, "达到500人次得满分，未达到按比例得分", ""},
		{"效益指标", "满意度指标", "学员满意度", "≥", "90", "%", "85", 40, 36, "≥90%得满分；每降低1个百分点扣2分，扣完为止", "课程安排偏紧"},
		{"总分", "", "", "", "", "", "", 100, nil},
		{"自评等级", "", "", "", "", "", "", "", nil},
	})
	b.merge("Sheet1", "A8", "G8") // the label spans A–G: the grade goes in H
	projects, err := LoadWorkbook(b.save(), Limits{})
	require.NoError(t, err)
	p := projects[0]
	for path, want := range map[string]string{
		"indicator[0].reported": "I5", "indicator[0].unit": "F5", "indicator[0].reason": "K5",
		"indicator[1].reported": "I6", "indicator[1].unit": "F6", "indicator[1].reason": "K6",
		"funds.reported": "H3", "reported.total": "I7", "reported.grade": "H8",
	} {
		pos, ok := p.Cell(path)
		if assert.True(t, ok, path) {
			assert.Equal(t, "book.xlsx:Sheet1!"+want, filepath.Base(pos.String()), path)
		}
	}
	assert.Nil(t, p.Indicators[0].Reported, "a blank score is still not a score")
	assert.Empty(t, p.Reported.Grade)
	_, ok := p.Cell("reported.score")
	assert.False(t, ok, "no 自评得分 row")
	_, ok = p.Cell("indicator[0].prior")
	assert.False(t, ok, "no 上年度数值 column")
	assert.Equal(t, "book.xlsx:Sheet1!C5", filepath.Base(p.Pos("indicator[0].prior").String()), "Pos falls back to the indicator")
}

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/sheets"
)

// ownerBook writes a small workbook as an owner fills it in: one project, a score missing,
// one proportional where the criterion deducts, a total that is the weights' sum.
func ownerBook(t *testing.T, dir string) string {
	t.Helper()
	b := sheets.New()
	defer b.Close()
	for r, row := range [][]any{
		{"项目名称", "教师培训"},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "全年实际值", "权重", "得分", "评（扣）分标准", "偏差原因分析及改进措施"},
		{"产出指标", "数量指标", "培训人次", "≥500", "人次", 520, 50, nil, "达到500人次得满分，未达到按比例得分", ""},
		{"效益指标", "满意度指标", "学员满意度", "≥90", "%", 85, 50, 47.22, "≥90%得满分；每降低1个百分点扣2分，扣完为止", "课程安排偏紧"},
		{"总分", "", "", "", "", "", 100, 100},
		{"等次", "", "", "", "", "", "优"},
	} {
		require.NoError(t, b.SetRow("Sheet1", sheets.CellName(1, r+1), row))
	}
	path := filepath.Join(dir, "自评表.xlsx")
	require.NoError(t, b.SaveAs(path))
	return path
}

func TestFillCommand(t *testing.T) {
	dir := t.TempDir()
	in := ownerBook(t, dir)
	original, err := os.ReadFile(in)
	require.NoError(t, err)
	out := filepath.Join(dir, "已评分.xlsx")

	code, stdout, stderr := runIn("fill", in, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, `教师培训（工作表 Sheet1）
  已填入 1 处，原填写与计算一致 1 处
    H3  培训人次 得分  50.00
  与原填写不同 2 处，已改为计算值，原值见批注
    H4  学员满意度 得分  47.22 改为 40.00
    H5  总分             100 改为 90.00
  仍需填写或选择 0 处，单元格已标出，见批注
  计算总分 90.00（满分 100），等次 优；绩效目标设置 2 个，完成 1 个

已写入 `+out+"\n", stdout)
	assert.Empty(t, stderr)
	after, err := os.ReadFile(in)
	require.NoError(t, err)
	assert.Equal(t, original, after, "the owner's workbook is never written")

	code, stdout, stderr = runIn("fill", "--lang", "en", in, "-o", out)
	assert.Equal(t, exitInput, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "jixiao fill: "+out+" exists; add --force to replace it\n", stderr)

	code, stdout, stderr = runIn("fill", "--lang", "en", "--force", in, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "  differing from the owner's value: 2, changed to the computed value (the owner's is in the comment)\n")
	assert.Contains(t, stdout, "    H4  学员满意度 score  47.22 changed to 40.00\n")

	code, _, stderr = runIn("fill", "--force", in, "-o", filepath.Join(dir, ".", "自评表.xlsx"))
	assert.Equal(t, exitInput, code)
	assert.Contains(t, stderr, "就是原文件：原文件不会被改写")
	after, err = os.ReadFile(in)
	require.NoError(t, err)
	assert.Equal(t, original, after)

	code, _, stderr = runIn("fill", in)
	assert.Equal(t, exitInput, code)
	assert.Equal(t, "jixiao fill: 请给出一个工作簿和 -o 输出文件：jixiao fill 自评表.xlsx -o 已评分.xlsx\n用法见 jixiao fill --help\n", stderr)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"自评表.xlsx", "已评分.xlsx"}, names, "no temporary file is left behind")
}

// A workbook that holds no table is an error naming the file, and no output is written.
func TestFillCommandUnreadable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "notes.xlsx")
	b := sheets.New()
	require.NoError(t, b.SetText("Sheet1", "A1", "会议纪要"))
	require.NoError(t, b.SaveAs(in))
	b.Close()
	out := filepath.Join(dir, "out.xlsx")
	code, stdout, stderr := runIn("fill", in, "-o", out)
	assert.Equal(t, exitInput, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "notes.xlsx: 工作簿中没有找到自评表")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output")
}

// A blank 度量单位 that fill marks for the owner is the finding check reports, at that cell.
func TestCheckReportsTheUnitFillMarks(t *testing.T) {
	dir := t.TempDir()
	b := sheets.New()
	for r, row := range [][]any{
		{"项目名称", "教师培训"},
		{"一级指标", "二级指标", "三级指标", "年度指标值", "度量单位", "全年实际值", "权重", "得分", "评（扣）分标准", "偏差原因分析及改进措施"},
		{"产出指标", "数量指标", "培训人次", "500", "", 520, 50, 50, "达到500人次得满分，未达到按比例得分", ""},
		{"效益指标", "满意度指标", "学员满意度", "≥90%", "", 95, 50, 50, "≥90%得满分；每降低1个百分点扣2分，扣完为止", ""},
		{"总分", "", "", "", "", "", 100, 100},
	} {
		require.NoError(t, b.SetRow("Sheet1", sheets.CellName(1, r+1), row))
	}
	in := filepath.Join(dir, "自评表.xlsx")
	require.NoError(t, b.SaveAs(in))
	b.Close()

	_, stdout, stderr := runIn("check", in)
	assert.Contains(t, stdout, "自评表.xlsx:Sheet1!E3: 提示 [unit-missing] 培训人次：指标值 500 没有度量单位：请在度量单位一栏填写（如 %、人次、万元）", stderr)
	assert.NotContains(t, stdout, "Sheet1!E4", "≥90% carries its unit")

	code, stdout, stderr := runIn("fill", in, "-o", filepath.Join(dir, "已评分.xlsx"))
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "仍需填写或选择 1 处")
	assert.Contains(t, stdout, "E3  培训人次 度量单位")
}

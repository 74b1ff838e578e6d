package i18n

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLang(t *testing.T) {
	for _, s := range []string{"", "zh", "zh-CN", " ZH_cn ", "cn", "zh-Hans", "Chinese"} {
		l, err := ParseLang(s)
		require.NoError(t, err, s)
		assert.Equal(t, Zh, l, s)
	}
	for _, s := range []string{"en", "EN-us", "en_US", "en-GB", "English"} {
		l, err := ParseLang(s)
		require.NoError(t, err, s)
		assert.Equal(t, En, l, s)
	}
	_, err := ParseLang("fr")
	assert.ErrorContains(t, err, `unknown language "fr" (use zh or en)`)
}

func TestTextRendersNestedTextsInTheSameLanguage(t *testing.T) {
	grade := T("良", "good")
	msg := T("总分 %.2f，等次应为 %s", "total %.2f, so the grade is %s", 88.52, grade)
	assert.Equal(t, "总分 88.52，等次应为 良", msg.String(Zh))
	assert.Equal(t, "total 88.52, so the grade is good", msg.String(En))
	assert.Equal(t, []any{88.52, grade}, msg.Args, "rendering leaves the arguments as they were")
}

func TestTextWithoutArgumentsIsNotAFormat(t *testing.T) {
	assert.Equal(t, "100%得满分", T("100%得满分", "100% gets full marks").String(Zh),
		"a text without arguments is printed as written, % and all")
}

func TestIsZeroAndPick(t *testing.T) {
	assert.True(t, Text{}.IsZero())
	assert.False(t, T("", "x").IsZero())
	assert.Equal(t, "是", Pick(Zh, "是", "yes"))
	assert.Equal(t, "yes", Pick(En, "是", "yes"))
}

// A system error is said in the reader's language: the common causes by name, anything else
// as the system's words, without the path.
func TestOSError(t *testing.T) {
	for _, c := range []struct {
		err    error
		zh, en string
	}{
		{&fs.PathError{Op: "read", Path: "tpl/", Err: syscall.EISDIR}, "这是文件夹，不是文件", "this is a folder, not a file"},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrNotExist}, "文件或文件夹不存在，请检查路径", "no such file or folder: check the path"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "磁盘已满：请腾出空间后重试", "the disk is full: free some space and try again"},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EIO}, "读写时出现输入/输出错误：磁盘、U 盘或网络位置可能有问题", "an input/output error: the disk, USB drive or network place may be failing"},
		{&fs.PathError{Op: "read", Path: "x", Err: errors.New("odd")}, "系统报告：odd", "the system reports: odd"},
	} {
		assert.Equal(t, c.zh, OSError(c.err).String(Zh))
		assert.Equal(t, c.en, OSError(c.err).String(En))
		assert.NotContains(t, OSError(c.err).String(Zh), "x:")
	}
}

// An English count agrees with its number, zero and one alike; a Chinese one has no plural.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		n      int
		zh, en string
	}{
		{0, "0 个指标", "0 indicators"},
		{1, "1 个指标", "1 indicator"},
		{2, "2 个指标", "2 indicators"},
	} {
		got := Count(c.n, "个指标", "indicator", "indicators")
		assert.Equal(t, c.zh, got.String(Zh))
		assert.Equal(t, c.en, got.String(En))
	}
	assert.Equal(t, "0 info", Count(0, "个提示", "info", "info").String(En))
	assert.Equal(t, "1 indicator does not apply", T("有 %s不适用", "%s not apply", Count(1, "个指标", "indicator does", "indicators do")).String(En))
}

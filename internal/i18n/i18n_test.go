package i18n

import (
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

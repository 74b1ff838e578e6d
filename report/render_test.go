package report

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"jixiao/internal/i18n"
)

// appendText renders exactly what fmt renders, for every kind of argument messages use.
func TestAppendTextIsFmt(t *testing.T) {
	nested := i18n.T("第%d档（%s）", "tier %d (%s)", 2, "rate <= 0.8")
	for _, text := range []i18n.Text{
		i18n.T("没有参数", "no arguments"),
		i18n.T("%s 与 %q：%d 个，%v，100%%", "%s and %q: %d, %v, 100%%", "甲", "引号\"\n", -3, 5e300),
		i18n.T("%v %v %v %v", "%v %v %v %v", math.Inf(1), math.NaN(), 0.1+0.2, 1e21),
		i18n.T("%s；%s", "%s; %s", nested, i18n.Text{}),
		i18n.T("%x %5d %t", "%x %5d %t", 255, 7, true),
		i18n.T("%s %s", "%s %s", "only one"),
		i18n.T("%s", "%s", "one", "too many"),
		i18n.T("ends in %", "ends in %", 1),
	} {
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			assert.Equal(t, text.String(lang), string(appendText(nil, text, lang)), "%q", text.En)
			assert.Equal(t, "前"+text.String(lang), string(appendText([]byte("前"), text, lang)), "%q after other text", text.En)
		}
	}
}

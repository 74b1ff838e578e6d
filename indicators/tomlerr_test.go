package indicators

import (
	"regexp"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
)

// Every syntax error the TOML library gives on these files is said in both languages from
// the table, not passed on in its English: the Chinese holds no Latin word but TOML's own and
// the file's, and the English is not the library's sentence.
func TestTOMLSyntaxMessagesInBothLanguages(t *testing.T) {
	own := map[string]bool{"TOML": true, "UTF": true, "true": true, "false": true, "project": true, "toml": true}
	word := regexp.MustCompile(`\b[A-Za-z]{2,}\b`)
	for _, src := range []string{
		"a = \"x\n", "名称 = 1", "a = 1\na = 2", "[a]\n[a]", "[[a]]\n[a]", "a = 1\n[a.b]\n[a]", "a = 1 2", "[a b]", "[[a]\n", "[]", "[a..b]",
		"a =", "a", "a = \"x", "a = 'x", "a = \"\"\"x", "= 1", ".a = 1", "a = [1 2]", "a = {b = 1 c = 2}", "a = \"\\q\"", "a = \"\\x4\"",
		"a = \"\\uD800\"", "a = .5", "a = 1.", "a = 1e", "a = 1__0", "a = 01", "a = +0x10", "a = 0xZ", "a = 99999999999999999999",
		"a = 2023-13-01", "a = \"x\x01\"", "a = \xff", "a = [1,,2]", "a = {,}", "a = abc", "a = '''x''''''", "a = \"\"\"x\"\"\"\"\"\"",
	} {
		var v map[string]any
		_, err := toml.Decode(src, &v)
		require.Error(t, err, "%q", src)
		e := syntaxError("t.toml", src, err)
		zh, en := e.Msg.String(i18n.Zh), e.Msg.String(i18n.En)
		assert.NotContains(t, zh, "TOML 解析器报告", "%q: %s is not in the table", src, err)
		for _, w := range word.FindAllString(zh, -1) {
			assert.True(t, own[w] || regexp.MustCompile(`\b`+w+`\b`).MatchString(src), "%q: %q in %s", src, w, zh)
		}
		assert.NotContains(t, en, "expected", "%q: %s", src, en)
		assert.NotContains(t, en, "unexpected", "%q: %s", src, en)
	}
	// A message the table does not know is kept, as the library's words.
	assert.Equal(t, "TOML 解析器报告：something new", tomlText("something new").String(i18n.Zh))
}

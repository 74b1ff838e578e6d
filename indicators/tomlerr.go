package indicators

import (
	"regexp"
	"strconv"
	"strings"

	"jixiao/internal/i18n"
)

// The TOML library's syntax errors are English sentences: each is said here in both
// languages, with what to do, so that a Chinese message holds no English of the library's.
// What the library says that is not in the table is kept in English, marked as its words.

// tomlMessage is one of the library's messages: its pattern (anchored) and the text it
// becomes, from the pattern's groups.
type tomlMessage struct {
	re   *regexp.Regexp
	text func(m []string) i18n.Text
}

func tomlRe(s string) *regexp.Regexp { return regexp.MustCompile(`^` + s + `$`) }

// tomlMessages are the library's syntax messages (BurntSushi/toml's lexer and parser), most
// common first.
var tomlMessages = []tomlMessage{
	{tomlRe(`expected '\.' or '=', but got (.+) instead`), func(m []string) i18n.Text {
		return i18n.T("键名后面应是 =，这里却是%s；键名含汉字、空格或标点时要加双引号（\"名称\" = …）",
			"a key must be followed by =, not %s; a key with Chinese, spaces or punctuation takes double quotes (\"名称\" = …)", tomlChar(m[1]))
	}},
	{tomlRe(`expected value but found (.+) instead`), func(m []string) i18n.Text {
		return i18n.T("这里应写一个值，而不是%s：文字要加双引号（\"…\"），数字、true、false、[…] 和 {…} 不加",
			"a value belongs here, not %s: text takes double quotes (\"…\"); numbers, true, false, […] and {…} do not", tomlChar(m[1]))
	}},
	{tomlRe(`strings cannot contain newlines`), func([]string) i18n.Text {
		return i18n.T("文字在这一行没有结束：缺少结尾的双引号（跨行的文字请用 \"\"\"…\"\"\"）",
			"the text does not end on its line: the closing double quote is missing (text over several lines takes \"\"\"…\"\"\")")
	}},
	{tomlRe(`Key '(.*)' has already been defined\.`), func(m []string) i18n.Text {
		return i18n.T("%s 已经写过一次：同一个键（或表）只能出现一次", "%s is given twice: a key (or a table) may appear once", m[1])
	}},
	{tomlRe(`Key '(.*)' was already created as a hash\.`), func(m []string) i18n.Text {
		return i18n.T("%s 已经作为表写过一次：同一个表只能出现一次", "%s is already a table: a table may appear once", m[1])
	}},
	{tomlRe(`Key '(.*)' was already created and cannot be used as an array\.`), func(m []string) i18n.Text {
		return i18n.T("%[1]s 已经写过，不能再写成 [[%[1]s]]", "%[1]s is given already, and cannot also be [[%[1]s]]", m[1])
	}},
	{tomlRe(`"(.*)" is not a table`), func(m []string) i18n.Text {
		return i18n.T("%s 已经是一个值，不能再当作表", "%s is a value already, and cannot be a table too", m[1])
	}},
	{tomlRe(`expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead`), func(m []string) i18n.Text {
		return i18n.T("一行只能写一个“键 = 值”：值后面还有%s；请换行，或用 # 开始注释",
			"one line holds one key = value: after the value comes %s; start a new line, or a comment with #", tomlChar(m[1]))
	}},
	{tomlRe(`expected '\.' or '\]' to end table name, but got (.+) instead`), func(m []string) i18n.Text {
		return i18n.T("表名应以 ] 结束，这里却是%s", "a table name ends with ], not %s", tomlChar(m[1]))
	}},
	{tomlRe(`expected end of table array name delimiter '\]', but got (.+) instead`), func(m []string) i18n.Text {
		return i18n.T("[[表名]] 应以 ]] 结束，这里却是%s", "[[name]] ends with ]], not %s", tomlChar(m[1]))
	}},
	{tomlRe(`unexpected end of table name \(table names cannot be empty\)`), func([]string) i18n.Text {
		return i18n.T("表名不能为空：[ ] 中要写名称，如 [project]", "a table name cannot be empty: write one between the brackets, such as [project]")
	}},
	{tomlRe(`unexpected table separator \(table names cannot be empty\)`), func([]string) i18n.Text {
		return i18n.T("表名中有空的一段：. 的两边都要有名称", "a part of the table name is empty: a . needs a name on either side")
	}},
	{tomlRe(`unexpected EOF; expected value`), func([]string) i18n.Text {
		return i18n.T("文件在这里结束了，= 后面还缺少值", "the file ends here, and the value after = is missing")
	}},
	{tomlRe(`unexpected EOF; expected key separator '='`), func([]string) i18n.Text {
		return i18n.T("文件在这里结束了，键名后面还缺少 = 和值", "the file ends here, and the key has no = and value")
	}},
	{tomlRe(`unexpected EOF; expected ['"]('''|"""|'|")['"]`), func(m []string) i18n.Text {
		return i18n.T("文件在这里结束了，文字还缺少结尾的 %s", "the file ends here, and the text has no closing %s", m[1])
	}},
	{tomlRe(`unexpected EOF`), func([]string) i18n.Text {
		return i18n.T("文件在这里意外结束：有括号或引号没有配对", "the file ends too soon: a bracket or quote is not closed")
	}},
	{tomlRe(`unexpected '=': key name appears blank`), func([]string) i18n.Text {
		return i18n.T("= 前面缺少键名", "a key is missing before =")
	}},
	{tomlRe(`unexpected '\.': keys cannot start with a '\.'`), func([]string) i18n.Text {
		return i18n.T("键名不能以 . 开头", "a key cannot begin with .")
	}},
	{tomlRe(`unexpected '='`), func([]string) i18n.Text { return i18n.T("这里多了一个 =", "an = too many here") }},
	{tomlRe(`unexpected '\.'`), func([]string) i18n.Text { return i18n.T("这里多了一个 .", "a . too many here") }},
	{tomlRe(`unexpected comma`), func([]string) i18n.Text { return i18n.T("这里多了一个逗号", "a comma too many here") }},
	{tomlRe(`expected a comma \(','\) or array terminator \('\]'\), but got (.+)`), func(m []string) i18n.Text {
		return i18n.T("数组 […] 中各项要用逗号分隔、以 ] 结束，这里却是%s", "the items of an array […] are separated by commas and end with ], not %s", tomlChar(m[1]))
	}},
	{tomlRe(`expected a comma or an inline table terminator '\}', but got (.+) instead`), func(m []string) i18n.Text {
		return i18n.T("{…} 中各项要用逗号分隔、以 } 结束，这里却是%s", "the items of {…} are separated by commas and end with }, not %s", tomlChar(m[1]))
	}},
	{tomlRe(`newlines not allowed within inline tables`), func([]string) i18n.Text {
		return i18n.T("{…} 要写在一行之内：跨行的请改写成 [表名] 下的一行一项", "{…} must stay on one line: over several lines, write a [table] with one key a line")
	}},
	{tomlRe(`unexpected ['"](''''''|"""""")['"]`), func([]string) i18n.Text {
		return i18n.T("多行文字的结尾引号写多了", "too many quotes close the text")
	}},
	{tomlRe(`invalid escape(?: in string)?:? '\\(.)'`), func(m []string) i18n.Text {
		return i18n.T("文字中的 \\%s 不是有效的转义：要写反斜杠本身请写 \\\\，或改用单引号 '…'",
			"\\%s is no escape in text: write a backslash itself as \\\\, or use single quotes '…'", m[1])
	}},
	{tomlRe(`expected (two|four|eight) hexadecimal digits after '\\(.)', but got (.+) instead`), func(m []string) i18n.Text {
		n := map[string]string{"two": "2", "four": "4", "eight": "8"}[m[1]]
		return i18n.T("转义 \\%s 后面应有 %s 位十六进制数字，这里却是%s", "\\%s takes %s hexadecimal digits, not %s", m[2], n, tomlChar(m[3]))
	}},
	{tomlRe(`floats must start with a digit, not '\.'`), func([]string) i18n.Text {
		return i18n.T("小数要以数字开头：写 0.5，不写 .5", "a decimal number begins with a digit: 0.5, not .5")
	}},
	{tomlRe(`Escaped character '\\u(.*)' is not valid UTF-8\.`), func(m []string) i18n.Text {
		return i18n.T("转义 \\u%s 不是有效的字符", "the escape \\u%s is no valid character", m[1])
	}},
	{tomlRe(`(?:invalid float: '(.*)'|Invalid float value: "(.*)")`), func(m []string) i18n.Text {
		return i18n.T("%s 不是数字的正确写法", "%s is not a number as TOML writes one", m[1]+m[2])
	}},
	{tomlRe(`Invalid (?:integer|float) "(.*)": underscores must be surrounded by digits`), func(m []string) i18n.Text {
		return i18n.T("%s：数字中的下划线两边都要是数字", "%s: an underscore in a number needs digits on both sides", m[1])
	}},
	{tomlRe(`Invalid (?:integer|float) "(.*)": cannot have leading zeroes`), func(m []string) i18n.Text {
		return i18n.T("%s：数字不能以 0 开头（编码之类请加双引号写成文字）", "%s: a number cannot begin with 0 (write codes and the like as text, in double quotes)", m[1])
	}},
	{tomlRe(`Invalid float "(.*)": '\.' must be followed by one or more digits`), func(m []string) i18n.Text {
		return i18n.T("%s：小数点后面要有数字", "%s: a decimal point needs digits after it", m[1])
	}},
	{tomlRe(`cannot use sign with non-decimal numbers: '(.*)'`), func(m []string) i18n.Text {
		return i18n.T("%s：十六进制、八进制和二进制数不能带正负号", "%s: hexadecimal, octal and binary numbers take no sign", m[1])
	}},
	{tomlRe(`not an? (binary|octal|hexadecimal) number: '(.*)'`), func(m []string) i18n.Text {
		return i18n.T("%s 不是数字的正确写法", "%s is not a number as TOML writes one", m[2])
	}},
	{tomlRe(`expected a digit but got (.+)`), func(m []string) i18n.Text {
		return i18n.T("这里应是数字，而不是%s", "a digit belongs here, not %s", tomlChar(m[1]))
	}},
	{tomlRe(`(.*) is out of range for (.*)`), func(m []string) i18n.Text {
		return i18n.T("数字 %s 超出了能表示的范围", "the number %s is out of range", m[1])
	}},
	{tomlRe(`(.*) is out of the safe (.*) range`), func(m []string) i18n.Text {
		return i18n.T("数字 %s 超出了能精确表示的范围", "the number %s is beyond what can be held exactly", m[1])
	}},
	{tomlRe(`invalid datetime: "(.*)"`), func(m []string) i18n.Text {
		return i18n.T("%s 不是日期时间的正确写法；日期当文字写时请加双引号（\"2023年6月30日\"）",
			"%s is not a date and time as TOML writes one; write a date as text, in double quotes (\"2023年6月30日\")", m[1])
	}},
	{tomlRe(`TOML files cannot contain control characters: '0x(..)'`), func(m []string) i18n.Text {
		return i18n.T("文件中有控制字符（0x%s）：请删除它", "the file holds a control character (0x%s): delete it", m[1])
	}},
	{tomlRe(`invalid UTF-8 byte: 0x(..)`), func(m []string) i18n.Text {
		return i18n.T("文件中有不是 UTF-8 的字节（0x%s）：请用 UTF-8 另存后再试", "the file holds a byte that is not UTF-8 (0x%s): save it as UTF-8 and try again", m[1])
	}},
	{tomlRe(`files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8`), func([]string) i18n.Text {
		return i18n.T("文件中有空字节，多半是 UTF-16 编码：请用 UTF-8 另存后再试", "the file holds NUL bytes, most likely UTF-16: save it as UTF-8 and try again")
	}},
}

// tomlText is the library's syntax message said in both languages: as the table says, else
// in the library's English, marked as its words.
func tomlText(msg string) i18n.Text {
	for _, t := range tomlMessages {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			return t.text(m)
		}
	}
	return i18n.T("TOML 解析器报告：%s", "the TOML parser reports: %s", msg)
}

// tomlChar names the character the library quotes ('\n', 'x', "EOF") as a reader sees it.
func tomlChar(q string) i18n.Text {
	if q == "EOF" {
		return i18n.T("文件结尾", "the end of the file")
	}
	s, err := strconv.Unquote(q)
	if err != nil {
		s = strings.Trim(q, `'"`)
	}
	switch s {
	case "\n", "\r":
		return i18n.T("行尾", "the end of the line")
	case " ":
		return i18n.T("空格", "a space")
	case "\t":
		return i18n.T("制表符", "a tab")
	case "\"":
		return i18n.T("双引号 \"", "a double quote \"")
	}
	return i18n.T("“%s”", "“%s”", s)
}

package indicators

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

const minimal = `[project]
name = "测试项目"

[[indicator]]
name = "参保率"
target = 99
actual = 98
weight = 100
`

func parse(t *testing.T, src string) (*Project, ErrorList) {
	t.Helper()
	p, err := Parse("t.toml", []byte(src), Limits{})
	if err == nil {
		return p, nil
	}
	var list ErrorList
	require.True(t, errors.As(err, &list), "Parse returned %T, want ErrorList", err)
	return nil, list
}

func TestParseMinimal(t *testing.T) {
	p, errs := parse(t, minimal)
	require.Empty(t, errs)
	assert.Equal(t, "测试项目", p.Name)
	require.Len(t, p.Indicators, 1)
	ind := p.Indicators[0]
	assert.Equal(t, 99.0, ind.Target.Num)
	assert.True(t, ind.Applicable, "applicable by default")
	assert.Equal(t, Higher, ind.Direction, "a plain number is higher-is-better")
	assert.Equal(t, Pos{File: "t.toml", Line: 4, Col: 1}, ind.Pos)
	assert.Equal(t, float64(DefaultFullMarks), p.Scoring.FullMarks)
	assert.Equal(t, DefaultDecimals, p.Scoring.Decimals)
	assert.Equal(t, DefaultGrades(), p.Scoring.Grades)
}

func TestParseSeedFormat(t *testing.T) {
	p, err := Load(filepath.Join("..", "testdata", "quangang-2021", "社保工作运行经费.toml"), Limits{})
	require.NoError(t, err)
	assert.Equal(t, "社保工作运行经费", p.Name)
	assert.Equal(t, "408003", p.AgencyCode)
	require.NotNil(t, p.Funds)
	assert.Equal(t, 59.13, *p.Funds.Balance)
	assert.Equal(t, 94.81, *p.Reported.Score)
	assert.Equal(t, 7, *p.Reported.TargetsSet)
	require.Len(t, p.Indicators, 7)
	first := p.Indicators[0]
	require.Len(t, first.Tiers, 3)
	assert.True(t, first.Tiers[1].Discretionary())
	assert.Equal(t, 15.0, *first.Tiers[1].Min)
	assert.Equal(t, "100.00", first.Target.Text, "numbers keep the text the file wrote")
	prior := p.Indicators[4].Prior
	assert.Equal(t, 216200.0, prior.Num, "21.62万人 is read as 216200")
}

func TestValueForms(t *testing.T) {
	tests := []struct {
		text  string
		op    Op
		isNum bool
		num   float64
		unit  string
	}{
		{"≥99.22%", OpGE, true, 99.22, ""},
		{"≧100", OpGE, true, 100, ""},
		{"≤5天", OpLE, true, 5, "天"},
		{"=12期", OpEQ, true, 12, "期"},
		{"＜3", OpLT, true, 3, ""},
		{"不低于95%", OpGE, true, 95, ""},
		{"≥266米", OpGE, true, 266, "米"},
		{"217,418", OpNone, true, 217418, ""},
		{"有效", OpNone, false, 0, ""},
		{"达成预期指标", OpNone, false, 0, ""},
		{"增长两千人", OpNone, false, 0, ""},
		// Comparisons written after the number, and durations within a bound.
		{"90%以上", OpGE, true, 90, ""},
		{"90%（含）以上", OpGE, true, 90, ""},
		{"100人及以上", OpGE, true, 100, "人"},
		{"5%以下", OpLE, true, 5, ""},
		{"100人以内", OpLE, true, 100, "人"},
		{"3个工作日内", OpLE, true, 3, "个工作日"},
		{"15天内", OpLE, true, 15, "天"},
		{"2小时内", OpLE, true, 2, "小时"},
		{"3个区内", OpNone, true, 3, "个区内"},
		// Look-alikes of the signs, as PDF extraction leaves them.
		{"═100", OpEQ, true, 100, ""},
		{"＝12期", OpEQ, true, 12, "期"},
		{"≦5天", OpLE, true, 5, "天"},
		{"＞90%", OpGT, true, 90, ""},
		{`$\geq$95%`, OpGE, true, 95, ""},
		{`\leq 5天`, OpLE, true, 5, "天"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			v := ParseValue(tt.text)
			assert.Equal(t, tt.op, v.Op)
			assert.Equal(t, tt.isNum, v.IsNum)
			assert.False(t, v.IsDate)
			if tt.isNum {
				assert.Equal(t, tt.num, v.Num)
				assert.Equal(t, tt.unit, v.Unit)
			}
			assert.Equal(t, tt.text, v.Text, "the text is kept as written")
		})
	}
}

func TestValueDates(t *testing.T) {
	tests := []struct {
		text string
		op   Op
		date num.Date
	}{
		{"2022年12月31日前", OpLE, num.Date{Year: 2022, Month: 12, Day: 31}},
		{"12月底前", OpLE, num.Date{Month: 12}},
		{"≤12月", OpLE, num.Date{Month: 12}},
		{"6月30日前完成", OpLE, num.Date{Month: 6, Day: 30}},
		{"<2022年7月1日", OpLT, num.Date{Year: 2022, Month: 7, Day: 1}},
		{"2022年3月起", OpGE, num.Date{Year: 2022, Month: 3}},
		{"2022年11月20日", OpNone, num.Date{Year: 2022, Month: 11, Day: 20}},
		{"2023年3月", OpNone, num.Date{Year: 2023, Month: 3}},
		{"2022.11.20", OpNone, num.Date{Year: 2022, Month: 11, Day: 20}},
		{"2022-11-20", OpNone, num.Date{Year: 2022, Month: 11, Day: 20}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			v := ParseValue(tt.text)
			require.True(t, v.IsDate, "ParseValue(%q) is a date", tt.text)
			assert.False(t, v.IsNum, "a date is no number")
			assert.Equal(t, tt.op, v.Op)
			assert.Equal(t, tt.date, v.Date)
			assert.Equal(t, tt.text, v.Text)
		})
	}
	p, errs := parse(t, `[project]
name = "p"
[[indicator]]
name = "完成时间"
target = "2022年12月31日前"
actual = "2023年3月"
weight = 10
`)
	require.Empty(t, errs)
	assert.Equal(t, Lower, p.Indicators[0].Direction, "a deadline: earlier is better")
}

func TestDirectionFromTarget(t *testing.T) {
	p, errs := parse(t, `[project]
name = "p"
[[indicator]]
name = "投诉天数"
target = "≤5天"
actual = "3"
weight = 50
[[indicator]]
name = "期数"
target = "=12期"
actual = 12
weight = 30
direction = "higher"
[[indicator]]
name = "覆盖率"
target = 95
actual = 96
weight = 20
`)
	require.Empty(t, errs)
	assert.Equal(t, Lower, p.Indicators[0].Direction)
	assert.Equal(t, Higher, p.Indicators[1].Direction, "direction overrides the operator")
	assert.Equal(t, Higher, p.Indicators[2].Direction)
}

// Each load error, asserted verbatim in both languages, position included.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		kind ErrorKind
		zh   string
		en   string
	}{
		{
			name: "syntax",
			src:  "[project]\nname = \"项目\nx = 1\n",
			kind: ErrSyntax,
			zh:   `t.toml:2:11: TOML 语法错误：文字在这一行没有结束：缺少结尾的双引号（跨行的文字请用 """…"""）`,
			en:   `t.toml:2:11: TOML syntax error: the text does not end on its line: the closing double quote is missing (text over several lines takes """…""")`,
		},
		{
			name: "unknown key with a suggestion, column counted in characters",
			src:  "[project]\nname = \"社保\"\n\n[[indicator]]\nname = \"资金投入\"\nweight = 10\ntiers = [ { when = \"参保率 >= 1\", scor = \"1\" } ]\n",
			kind: ErrUnknownKey,
			zh:   `t.toml:7:32: 社保 › 资金投入: 未知的键 "scor"（在第 1 个指标的第 1 档中）；是不是 "score"？`,
			en:   `t.toml:7:32: 社保 › 资金投入: unknown key "scor" in indicator 1, tier 1; did you mean "score"?`,
		},
		{
			name: "unknown top-level table",
			src:  minimal + "\n[thresholds]\nx = 1\n",
			kind: ErrUnknownKey,
			zh:   `t.toml:10:1: 测试项目: 未知的键 "thresholds"（在文件顶层）；可用的键：funds, indicator, project, reported, review, review_rules, reviewer, scoring`,
			en:   `t.toml:10:1: 测试项目: unknown key "thresholds" at the top level; known keys: funds, indicator, project, reported, review, review_rules, reviewer, scoring`,
		},
		{
			name: "wrong type",
			src:  strings.Replace(minimal, "weight = 100", "weight = \"十分\"", 1),
			kind: ErrType,
			zh:   `t.toml:8:1: 测试项目 › 参保率: weight（分值）应为数字，实际为文本 "十分"`,
			en:   `t.toml:8:1: 测试项目 › 参保率: weight must be a number, not the text "十分"`,
		},
		{
			name: "missing weight",
			src:  strings.Replace(minimal, "weight = 100\n", "", 1),
			kind: ErrMissing,
			zh:   `t.toml:4:1: 测试项目 › 参保率: 缺少必填项 weight（分值）：请在第 1 个指标中填写`,
			en:   `t.toml:4:1: 测试项目 › 参保率: missing required weight: add it to indicator 1`,
		},
		{
			name: "missing project name",
			src:  strings.Replace(minimal, "name = \"测试项目\"\n", "agency = \"某单位\"\n", 1),
			kind: ErrMissing,
			zh:   `t.toml:1:1: 缺少必填项 name（专项名称）：请在 [project] 中填写`,
			en:   `t.toml:1:1: missing required name (project name): add it to [project]`,
		},
		{
			name: "missing project table",
			src:  "[[indicator]]\nname = \"a\"\nweight = 100\n",
			kind: ErrMissing,
			zh:   `t.toml: 缺少 [project] 表：请至少填写 [project] 的 name（专项名称）`,
			en:   `t.toml: missing the [project] table: add [project] with at least its name`,
		},
		{
			name: "no indicators",
			src:  "[project]\nname = \"p\"\n",
			kind: ErrMissing,
			zh:   `t.toml: p: 没有任何指标：请用 [[indicator]] 逐项填写三级指标`,
			en:   `t.toml: p: no indicators: add each 三级指标 as an [[indicator]] table`,
		},
		{
			name: "nan",
			src:  strings.Replace(minimal, "actual = 98", "actual = nan", 1),
			kind: ErrValue,
			zh:   `t.toml:7:1: 测试项目 › 参保率: actual（实际完成值）不能是 NaN：请填写一个有限的数`,
			en:   `t.toml:7:1: 测试项目 › 参保率: actual (actual value) cannot be NaN: give a finite number`,
		},
		{
			name: "unknown method",
			src:  strings.Replace(minimal, "weight = 100", "weight = 100\nmethod = \"ratio\"", 1),
			kind: ErrValue,
			zh:   `t.toml:9:1: 测试项目 › 参保率: 未知的计分方法 "ratio"；可用：proportional, reverse, reverse-linear, equal, deadline, qualitative`,
			en:   `t.toml:9:1: 测试项目 › 参保率: unknown scoring method "ratio"; use one of: proportional, reverse, reverse-linear, equal, deadline, qualitative`,
		},
		{
			name: "tier without score",
			src:  strings.Replace(minimal, "weight = 100", "weight = 100\ntiers = [ { when = \"actual >= 99\" } ]", 1),
			kind: ErrMissing,
			zh:   `t.toml:9:11: 测试项目 › 参保率: 缺少必填项 score（得分）：请在第 1 个指标的第 1 档中填写`,
			en:   `t.toml:9:11: 测试项目 › 参保率: missing required score: add it to indicator 1, tier 1`,
		},
		{
			name: "discretionary tier with min above max",
			src:  strings.Replace(minimal, "weight = 100", "weight = 100\ntiers = [\n  { when = \"actual < 99\", min = 18, max = 15 },\n]", 1),
			kind: ErrValue,
			zh:   `t.toml:10:3: 测试项目 › 参保率: min（18）大于 max（15）`,
			en:   `t.toml:10:3: 测试项目 › 参保率: min (18) is greater than max (15)`,
		},
		{
			name: "duplicate indicator",
			src:  minimal + "\n[[indicator]]\nname = \"参保率\"\nweight = 0\n",
			kind: ErrValue,
			zh:   `t.toml:10:1: 测试项目 › 参保率: 指标重复：与第 1 个指标同名（同一一级、二级指标下）；请删除重复项或改名`,
			en:   `t.toml:10:1: 测试项目 › 参保率: duplicate indicator: same name as indicator 1 under the same headings; remove one or rename it`,
		},
		{
			name: "empty file",
			src:  "# nothing but a comment\n\n",
			kind: ErrMissing,
			zh:   `t.toml: 文件是空的：至少需要 [project] 和一个 [[indicator]]`,
			en:   `t.toml: the file is empty: it needs at least [project] and one [[indicator]]`,
		},
		{
			name: "binary",
			src:  "\x00\x01\x02PK",
			kind: ErrEncoding,
			zh:   `t.toml: 这是二进制文件，不是 TOML 文本`,
			en:   `t.toml: this is a binary file, not TOML text`,
		},
		{
			name: "GBK text",
			src:  "[project]\nname = \"\xc9\xe7\xb1\xa3\"\n", // 社保 in GBK
			kind: ErrEncoding,
			zh:   `t.toml:2:9: 文件不是 UTF-8 编码（多半是 GBK）：请用 UTF-8 另存后再试`,
			en:   `t.toml:2:9: the file is not UTF-8 (most likely GBK): save it as UTF-8 and try again`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := parse(t, tt.src)
			require.NotEmpty(t, errs, "Parse accepted the file")
			var e *Error
			for _, x := range errs {
				if x.Kind == tt.kind {
					e = x
					break
				}
			}
			require.NotNil(t, e, "no error of kind %s in %v", tt.kind, errs)
			assert.Equal(t, tt.zh, e.Localize(i18n.Zh))
			assert.Equal(t, tt.en, e.Localize(i18n.En))
		})
	}
}

func TestEveryErrorIsReported(t *testing.T) {
	src := `[project]
name = "p"
colour = "red"

[[indicator]]
name = "a"
weight = "x"

[[indicator]]
name = "b"
weight = 10
reported = "很好"
`
	_, errs := parse(t, src)
	require.Len(t, errs, 3, "got %v", errs)
	lines := []int{errs[0].Pos.Line, errs[1].Pos.Line, errs[2].Pos.Line}
	assert.Equal(t, []int{3, 7, 12}, lines, "sorted by position")
	var one *Error
	assert.True(t, errors.As(error(errs), &one), "each error is reachable with errors.As")
}

func TestLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("[project]\nname = \"p\"\n")
	for i := 0; i < 30; i++ {
		b.WriteString("[[indicator]]\nname = \"i" + strings.Repeat("x", i) + "\"\nweight = 1\n")
	}
	_, err := Parse("t.toml", []byte(b.String()), Limits{MaxIndicators: 20})
	require.Error(t, err)
	assert.Equal(t, "t.toml:63:1: more than 20 indicators (number 21 starts here): no real table has this many; check the file, or raise the limit with --max-indicators", err.Error())
	_, err = Parse("t.toml", []byte(b.String()), Limits{MaxIndicators: 30})
	assert.NoError(t, err, "accepted once the limit is raised")

	_, err = Parse("t.toml", []byte(minimal), Limits{MaxFileSize: 10})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "over the limit of 10")
}

func TestLongFormPlacesCaretByDisplayWidth(t *testing.T) {
	_, errs := parse(t, "[project]\nname = \"社保\"\n[[indicator]]\nname = \"资金\"\nweight = 1\n\"资金x\" = 1\n")
	require.NotEmpty(t, errs)
	long := errs[0].Long(i18n.En)
	lines := strings.Split(long, "\n")
	require.Len(t, lines, 3, long)
	assert.Equal(t, `    "资金x" = 1`, lines[1])
	assert.Equal(t, "    ^", lines[2])
}

func TestExprPositions(t *testing.T) {
	src := "[project]\nname = \"p\"\n[[indicator]]\nname = \"参保率\"\nweight = 1\ntiers = [\n  { when = \"参保 >= 1\", score = \"1\" },\n  { when = \"a\\tb >= 2\", score = '2' },\n]\n"
	p, errs := parse(t, src)
	require.Empty(t, errs)
	when := p.Indicators[0].Tiers[0].When
	assert.Equal(t, Pos{File: "t.toml", Line: 7, Col: 12}, when.Pos, "the opening quote")
	assert.Equal(t, Pos{File: "t.toml", Line: 7, Col: 15}, when.PosAt(2), "two characters in, counted in runes")
	esc := p.Indicators[0].Tiers[1].When
	assert.Equal(t, "a\tb >= 2", esc.Text)
	assert.Equal(t, 17, esc.PosAt(3).Col, "an escape takes two columns for one character")
	assert.Equal(t, Pos{File: "t.toml", Line: 8, Col: 33}, p.Indicators[0].Tiers[1].Score.Pos)
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub"), 0o755))
	for _, f := range []string{"b.toml", "a.toml", "sub/c.toml", "notes.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte(minimal), 0o644))
	}
	files, err := Files([]string{dir, filepath.Join(dir, "notes.txt")})
	require.NoError(t, err)
	want := []string{filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml"), filepath.Join(dir, "sub/c.toml"), filepath.Join(dir, "notes.txt")}
	assert.Equal(t, want, files)

	_, err = Files([]string{filepath.Join(dir, "missing.toml")})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no such file")
}

// An error list as a Go error names its first error and how many more, agreeing in number.
func TestErrorListCountsTheRest(t *testing.T) {
	e := &Error{Pos: Pos{File: "t.toml", Line: 1}, Kind: ErrValue, Msg: i18n.T("坏", "bad")}
	assert.Equal(t, "t.toml:1: bad (and 1 more error)", ErrorList{e, e}.Error())
	assert.Equal(t, "t.toml:1: bad (and 2 more errors)", ErrorList{e, e, e}.Error())
}

package indicators

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
)

const reviewed = `[project]
name = "复核项目"

[reviewer]
name = "李四"
date = "2024-05-20"

[[indicator]]
name = "参保率"
target = 99
actual = 98
weight = 60
reported = 60

[indicator.review]
actual = 97.5
score = 42
reason = "参保名册与系统数据不一致"
rule = "unassessable-30"

[[indicator]]
name = "满意度"
target = 90
actual = 95
weight = 40
reported = 40
review = { score = 40, note = "问卷齐全" }
`

// The reviewer's 复核 is read from [indicator.review] and from an inline table alike, each
// key placed where it stands, and written back under its own header.
func TestReviewRecordFromTOML(t *testing.T) {
	p, errs := parse(t, reviewed)
	require.Empty(t, errs)
	assert.Equal(t, Reviewer{Name: "李四", Date: "2024-05-20"}, p.Reviewer)
	r := p.Indicators[0].Review
	require.NotNil(t, r)
	assert.Equal(t, 97.5, r.Actual.Num)
	require.NotNil(t, r.Score)
	assert.Equal(t, 42.0, *r.Score)
	assert.Equal(t, "参保名册与系统数据不一致", r.Reason)
	assert.Equal(t, "unassessable-30", r.Rule)
	assert.Equal(t, Pos{File: "t.toml", Line: 17, Col: 1}, p.Pos("indicator[0].review.score"))
	assert.Equal(t, Pos{File: "t.toml", Line: 19, Col: 1}, p.Pos("indicator[0].review.rule"))

	inline := p.Indicators[1].Review
	require.NotNil(t, inline)
	assert.Equal(t, 40.0, *inline.Score)
	assert.Equal(t, "问卷齐全", inline.Note)
	assert.Equal(t, 27, p.Pos("indicator[1].review.note").Line)

	var out strings.Builder
	require.NoError(t, WriteTOML(&out, p, ""))
	assert.Contains(t, out.String(), "\n[indicator.review]\nactual = 97.5\nscore = 42\n")
	assert.Contains(t, out.String(), "\n[reviewer]\nname = \"李四\"\ndate = \"2024-05-20\"\n")
	back, err := Parse("back.toml", []byte(out.String()), Limits{})
	require.NoError(t, err, out.String())
	assert.Equal(t, p.Indicators[1].Review, back.Indicators[1].Review)
	assert.Equal(t, p.Reviewer, back.Reviewer)

	var line bytes.Buffer
	require.NoError(t, WriteJSON(&line, p))
	assert.Contains(t, line.String(), `"review":{"score":40,"note":"问卷齐全"}`)
	for _, validating := range []bool{false, true} {
		q, err := (&JSONParser{Validating: validating}).Parse("stdin", 1, bytes.TrimSpace(line.Bytes()), Limits{})
		require.NoError(t, err)
		assert.Equal(t, p.Indicators[0].Review.Reason, q.Indicators[0].Review.Reason, "validating: %v", validating)
		assert.Equal(t, *p.Indicators[0].Review.Score, *q.Indicators[0].Review.Score, "validating: %v", validating)
	}
	assert.Nil(t, (&Indicator{}).Review, "an indicator without [indicator.review] has none")
	assert.True(t, (*Review)(nil).IsZero())
}

func TestReviewRecordErrors(t *testing.T) {
	_, errs := parse(t, strings.Replace(reviewed, "score = 42", `score = "较好"`, 1))
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Localize(i18n.Zh), "t.toml:17:")
	assert.Contains(t, errs[0].Localize(i18n.Zh), "复核得分")

	_, errs = parse(t, strings.Replace(reviewed, "rule = ", "rules = ", 1))
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Localize(i18n.En), `unknown key "rules" in indicator 1, its review table; did you mean "rule"?`)
}

// A configuration's [[review_rules]] are read with the thresholds; what the keys of a rule
// say together is checked, at the key concerned.
func TestReviewRulesInConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(text string) string {
		path := filepath.Join(dir, "config.toml")
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	cfg, err := LoadConfig(write(`[review]
tolerance = 0.01

[[review_rules]]
code = "no-evidence"
title = "无佐证材料"
title_en = "no supporting evidence"
effect = "zero"

[[review_rules]]
code = "half"
title = "扣一半"
effect = "cut"
cut = 0.5
note = true
`))
	require.NoError(t, err)
	assert.Equal(t, 0.01, *cfg.Review.Tolerance)
	require.Len(t, cfg.ReviewRules, 2)
	assert.Equal(t, ReviewRule{Code: "half", Title: "扣一半", Effect: EffectCut, Cut: 0.5, Note: true}, cfg.ReviewRules[1])

	cases := []struct{ text, want string }{
		{"code = \"x\"\ntitle = \"x\"\neffect = \"cut\"\n", `config.toml:1:1: rule "x" cuts a share (effect = "cut"): give the share, such as cut = 0.3`},
		{"code = \"x\"\ntitle = \"x\"\neffect = \"zero\"\ncut = 0.3\n", `config.toml:5:1: rule "x" does not cut a share`},
		{"code = \"x\"\ntitle = \"x\"\neffect = \"cut\"\ncut = 30\n", "config.toml:5:1: cut must be above 0 and at most 1"},
		{"code = \"x\"\ntitle = \"x\"\neffect = \"half\"\n", `config.toml:4:1: effect must be zero, cut, none or criterion, not "half"`},
		{"code = \"a,b\"\ntitle = \"x\"\neffect = \"zero\"\n", `config.toml:2:1: the rule code "a,b" cannot be used`},
		{"code = \"x\"\neffect = \"zero\"\n", "config.toml:1:1: missing required title (rule title)"},
		{"code = \"x\"\ntitle = \"x\"\neffect = \"zero\"\n\n[[review_rules]]\ncode = \"x\"\ntitle = \"y\"\neffect = \"zero\"\n",
			`config.toml:7:1: the rule code "x" is used twice (by rule 1 too)`},
	}
	for _, c := range cases {
		_, err := LoadConfig(write("[[review_rules]]\n" + c.text))
		require.Error(t, err, c.text)
		assert.Contains(t, err.Error(), c.want, c.text)
	}
}

// A project file may carry its own rules; the direct JSON decoder reads them too, and leaves
// a rule it would have to complain about to the validating one.
func TestReviewRulesInAFile(t *testing.T) {
	src := "[[review_rules]]\ncode = \"x\"\ntitle = \"扣一半\"\neffect = \"cut\"\ncut = 0.5\n\n" + reviewed
	p, errs := parse(t, src)
	require.Empty(t, errs)
	require.Len(t, p.ReviewRules, 1)
	var line bytes.Buffer
	require.NoError(t, WriteJSON(&line, p))
	q, err := (&JSONParser{}).Parse("stdin", 1, bytes.TrimSpace(line.Bytes()), Limits{})
	require.NoError(t, err)
	assert.Equal(t, p.ReviewRules, q.ReviewRules)

	bad := strings.Replace(line.String(), `,"cut":0.5`, ``, 1)
	_, err = (&JSONParser{}).Parse("stdin", 1, []byte(strings.TrimSpace(bad)), Limits{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `rule "x" cuts a share`)
}

// The review columns of a workbook (复核完成值, 复核得分, 扣分理由, 复核口径, 复核备注) and the
// reviewer above the table are read through the same table of fields, each from its cell.
func TestReviewRecordFromWorkbook(t *testing.T) {
	b := newBook(t)
	b.sheet("Sheet1", [][]any{
		{"专项名称", "复核项目", "单位名称", "某单位"},
		{"复核人", "李四", "复核日期", "2024-05-20"},
		{"三级指标", "指标值", "实际完成值", "分值", "得分", "计算得分", "复核完成值", "复核得分", "扣分理由", "复核口径", "复核备注"},
		{"参保率", 99, 98, 60, 60, 59.39, 97.5, 42, "参保名册与系统数据不一致", "unassessable-30", ""},
		{"满意度", 90, 95, 40, 40, 40, "", 40, "", "", "—"},
	})
	projects, err := LoadWorkbook(b.save(), Limits{})
	require.NoError(t, err)
	require.Len(t, projects, 1)
	p := projects[0]
	assert.Equal(t, Reviewer{Name: "李四", Date: "2024-05-20"}, p.Reviewer)
	assert.Equal(t, 60.0, *p.Indicators[0].Reported, "得分 is the submission's, 计算得分 is not read")
	r := p.Indicators[0].Review
	require.NotNil(t, r)
	assert.Equal(t, 97.5, r.Actual.Num)
	assert.Equal(t, 42.0, *r.Score)
	assert.Equal(t, "参保名册与系统数据不一致", r.Reason)
	assert.Equal(t, "unassessable-30", r.Rule)
	assert.Equal(t, "book.xlsx:Sheet1!H4", lastPart(p.Pos("indicator[0].review.score").String()))
	assert.Equal(t, "book.xlsx:Sheet1!B2", lastPart(p.Pos("reviewer.name").String()))
	assert.Equal(t, &Review{Score: r2(40)}, p.Indicators[1].Review, "blank marks are not a note")

	b = newBook(t)
	b.sheet("Sheet1", [][]any{
		{"专项名称", "复核项目"},
		{"三级指标", "指标值", "实际完成值", "分值", "得分", "复核得分"},
		{"参保率", 99, 98, 60, 60, "较好"},
	})
	_, err = LoadWorkbook(b.save(), Limits{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `Sheet1!F3: 复核项目 › 参保率: the review score should be a number; the cell holds "较好"`)
}

func r2(x float64) *float64 { return &x }

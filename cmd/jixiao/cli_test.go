package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/mdblock"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's command reference from the commands' --help")

// testApp is an app for one language, with the given environment.
func testApp(lang i18n.Lang, env map[string]string, terminal bool) *app {
	return &app{ctx: context.Background(), stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, lang: lang, color: "auto",
		getenv: func(k string) string { return env[k] }, terminal: func(io.Writer) bool { return terminal }}
}

// Every command has help of its own in both languages, from --help, -h and help CMD alike:
// usage, examples, flags; and every text of it is written in both languages.
func TestEveryCommandHasHelpInBothLanguages(t *testing.T) {
	zh, en := testApp(i18n.Zh, nil, false).root(), testApp(i18n.En, nil, false).root()
	for _, c := range zh.Commands() {
		name := c.Name()
		t.Run(name, func(t *testing.T) {
			e, _, err := en.Find([]string{name})
			require.NoError(t, err)
			assert.NotEqual(t, c.Short, e.Short, "Short in both languages")
			assert.NotEqual(t, c.Long, e.Long, "Long in both languages")
			assert.NotEmpty(t, c.Example, "examples")
			c.LocalFlags().VisitAll(func(f *pflag.Flag) {
				assert.NotEqual(t, f.Usage, e.LocalFlags().Lookup(f.Name).Usage, "--%s usage in both languages", f.Name)
				assert.NotContains(t, f.Usage, "`")
			})
			for _, lang := range []string{"zh", "en"} {
				code, out, errOut := runIn(name, "--help", "--lang", lang)
				require.Equal(t, exitOK, code, errOut)
				assert.Empty(t, errOut)
				assert.True(t, strings.HasPrefix(out, "jixiao "+name+" — "), out)
				assert.Contains(t, out, i18n.Pick(map[string]i18n.Lang{"zh": i18n.Zh, "en": i18n.En}[lang], "示例：", "Examples:"))
				_, short, _ := runIn(name, "-h", "--lang", lang)
				assert.Equal(t, out, short, "-h")
				_, viaHelp, _ := runIn("help", name, "--lang", lang)
				assert.Equal(t, out, viaHelp, "help %s", name)
			}
		})
	}
}

// The README's command reference is the commands' --help in English.
func TestReadmeCommands(t *testing.T) {
	stale, err := mdblock.Sync("../../README.md", "<!-- commands:begin", "<!-- commands:end -->", readmeCommands(t), *updateReadme)
	require.NoError(t, err)
	assert.False(t, stale, "the README's command reference is out of date: go test ./cmd/jixiao -run TestReadmeCommands -update-readme")
}

// readmeCommands is what jixiao --help and each command's --help print in English, as
// Markdown.
func readmeCommands(t *testing.T) string {
	a := testApp(i18n.En, nil, false)
	help := func(args ...string) string {
		code, out, errOut := runIn(append(args, "--help", "--lang", "en")...)
		require.Equal(t, exitOK, code, errOut)
		return out
	}
	var b strings.Builder
	b.WriteString("```text\n$ jixiao --help\n" + help() + "```\n")
	for _, c := range a.ordered(a.root()) {
		if c.IsAvailableCommand() {
			b.WriteString("\n#### jixiao " + c.Name() + "\n\n```text\n$ jixiao " + c.Name() + " --help\n" + help(c.Name()) + "```\n")
		}
	}
	return b.String()
}

func TestChooseLang(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		env  map[string]string
		want i18n.Lang
		err  string
	}{
		{"default", nil, nil, i18n.Zh, ""},
		{"flag", []string{"check", "--lang", "en"}, map[string]string{"LANG": "zh_CN.UTF-8"}, i18n.En, ""},
		{"flag=", []string{"--lang=en", "check"}, nil, i18n.En, ""},
		{"flag over env", []string{"--lang", "zh"}, map[string]string{"JIXIAO_LANG": "en"}, i18n.Zh, ""},
		{"after --", []string{"tiers", "--", "--lang", "en"}, nil, i18n.Zh, ""},
		{"JIXIAO_LANG", nil, map[string]string{"JIXIAO_LANG": "en", "LANG": "zh_CN.UTF-8"}, i18n.En, ""},
		{"LANG", nil, map[string]string{"LANG": "en_GB.UTF-8"}, i18n.En, ""},
		{"LC_ALL first", nil, map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, i18n.Zh, ""},
		{"LC_MESSAGES", nil, map[string]string{"LC_MESSAGES": "en_US", "LANG": "zh_CN"}, i18n.En, ""},
		{"C locale", nil, map[string]string{"LANG": "C.UTF-8"}, i18n.Zh, ""},
		{"other locale", nil, map[string]string{"LANG": "fr_FR.UTF-8"}, i18n.Zh, ""},
		{"bad flag", []string{"--lang", "fr"}, nil, i18n.Zh, `--lang "fr"`},
		{"bad env", nil, map[string]string{"JIXIAO_LANG": "fr"}, i18n.Zh, `JIXIAO_LANG "fr"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := chooseLang(c.args, func(k string) string { return c.env[k] })
			if c.err != "" {
				assert.ErrorContains(t, err, c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestColorDecision(t *testing.T) {
	for _, c := range []struct {
		mode     string
		env      map[string]string
		terminal bool
		want     bool
	}{
		{"auto", nil, true, true},
		{"auto", nil, false, false},
		{"auto", map[string]string{"NO_COLOR": "1"}, true, false},
		{"auto", map[string]string{"NO_COLOR": ""}, true, true}, // set but empty counts as unset (no-color.org)
		{"auto", map[string]string{"TERM": "dumb"}, true, false},
		{"always", map[string]string{"NO_COLOR": "1"}, false, true},
		{"never", nil, true, false},
	} {
		a := testApp(i18n.Zh, c.env, c.terminal)
		a.color = c.mode
		assert.Equal(t, c.want, a.colorOn(io.Discard), "%s %v terminal=%v", c.mode, c.env, c.terminal)
	}
}

// Colour is laid over whole lines, however the writes split them.
func TestPainterHoldsSplitLines(t *testing.T) {
	line := "  p.toml:3:1: 错误 [score-mismatch] x\n"
	var whole, split bytes.Buffer
	p := newPainter(&whole, outRules, false)
	p.Write([]byte(line))
	q := newPainter(&split, outRules, false)
	for _, piece := range []string{line[:7], line[7:16], line[16:]} {
		q.Write([]byte(piece))
	}
	q.Write([]byte("1  x  *19.89"))
	q.Flush()
	assert.Equal(t, "  p.toml:3:1: "+bold+red+"错误"+reset+red+" [score-mismatch]"+reset+" x\n", whole.String())
	assert.Equal(t, whole.String()+"1  x  "+bold+red+"*19.89"+reset, split.String())
}

func TestBuildNote(t *testing.T) {
	a := testApp(i18n.En, nil, false)
	info := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	assert.Equal(t, " (commit 0123456789ab, 2026-01-02T03:04:05Z, modified)", a.buildNote(info))
	assert.Equal(t, " (提交 0123456789ab, 2026-01-02T03:04:05Z, 已修改)", testApp(i18n.Zh, nil, false).buildNote(info))
	info.Settings[3].Value = "false"
	assert.Equal(t, " (commit 0123456789ab, 2026-01-02T03:04:05Z)", a.buildNote(info))
	assert.Equal(t, "", a.buildNote(&debug.BuildInfo{}), "built without VCS stamping")
	assert.Equal(t, "", a.buildNote(nil))
	assert.Regexp(t, `^jixiao \d+\.\d+\.\d+( \(.+\))?$`, a.versionLine())
}

// What a folder is searched for (said when it holds nothing) is what FormatOf reads.
func TestReadableMatchesFolderFormat(t *testing.T) {
	known := map[string]bool{}
	for _, r := range readable {
		ext := strings.TrimPrefix(r, "*")
		known[ext] = true
		assert.NotEqual(t, indicators.Unknown, indicators.FolderFormat("x"+ext), "%s is read", r)
	}
	for _, ext := range []string{".toml", ".xlsx", ".xlsm", ".xls", ".jsonl", ".ndjson", ".json", ".csv", ".txt", ".md", ".docx", ".doc", ".pdf", ".et", ".wps", ".ods", ".yaml"} {
		if indicators.FolderFormat("x"+ext) != indicators.Unknown {
			assert.True(t, known[ext], "FolderFormat reads %s: add it to readable", ext)
		}
	}
}

func TestLongDashes(t *testing.T) {
	root := testApp(i18n.Zh, nil, false).root()
	got := longDashes(root, []string{"gen", "-n", "5", "-seed", "3", "-format=toml", "-o", "x", "-qf", "-", "--", "-format"})
	assert.Equal(t, []string{"gen", "-n", "5", "--seed", "3", "--format=toml", "-o", "x", "-qf", "-", "--", "-format"}, got)
}

// The commands are built per run against their app: nothing of one run leaks into another.
func TestRunsShareNothing(t *testing.T) {
	code, out, _ := runIn("check", "--list", "--lang", "en")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "reported score does not follow the criterion")
	code, out, _ = runIn("check", "--list")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "自评得分与评分标准不符")
}

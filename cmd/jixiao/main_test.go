package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMain(m *testing.M) {
	testscript.Main(cleanEnv{m}, map[string]func(){
		"jixiao": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// cleanEnv runs the tests without the machine's locale or colour settings: the tests that
// run the command line in this process must not turn English on a machine with LANG=en_US.
// (The scripts' commands run as this binary too, but there testscript.Main runs the command
// instead of Run, with the script's own environment.)
type cleanEnv struct{ m *testing.M }

func (c cleanEnv) Run() int {
	for _, name := range []string{"JIXIAO_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"} {
		os.Unsetenv(name)
	}
	return c.m.Run()
}

// The CLI scripts in testdata/script: each archive holds the command, its input files and
// the expected output. SEED is the bundled example folder, SEEDREPORT the published report.
func TestScripts(t *testing.T) {
	seed, err := filepath.Abs("../../testdata/quangang-2021")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEED", seed)
			env.Setenv("SEEDREPORT", seed+"-report.txt") // the published report the folder transcribes
			return nil
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}

func TestRunWithoutArguments(t *testing.T) {
	code, out, errOut := runIn()
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "用法：\n  jixiao 命令 [选项] [参数]")
	assert.Empty(t, out)
}

// runIn runs the command line and returns its exit status, stdout and stderr.
func runIn(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// A file of 100,000 indicators and an expression of 100,000 nodes are rejected at once
// under the default limits, and accepted when the limits are raised.
func TestHugeInputsAndLimits(t *testing.T) {
	dir := t.TempDir()
	var many strings.Builder
	many.WriteString("[project]\nname = \"many\"\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&many, "[[indicator]]\nname = \"i%d\"\ntarget = 100\nactual = 100\nweight = 0.001\n", i)
	}
	manyFile := filepath.Join(dir, "many.toml")
	require.NoError(t, os.WriteFile(manyFile, []byte(many.String()), 0o644))

	code, out, errOut := runIn("score", manyFile)
	assert.Equal(t, exitInput, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "many.toml:5003:1: 指标超过 1000 个（第 1001 个从这里开始）")

	code, out, errOut = runIn("score", "--max-indicators", "100000", manyFile)
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "绩效目标设置 100000 个")

	expr := "actual >= 1" + strings.Repeat("+1", 50_000) // 100,002 nodes
	exprFile := filepath.Join(dir, "expr.toml")
	require.NoError(t, os.WriteFile(exprFile, []byte("[project]\nname = \"expr\"\n[[indicator]]\nname = \"x\"\nactual = 1\nweight = 100\ntiers = [ { when = \""+expr+"\", score = \"100\" }, { when = \"true\", score = \"0\" } ]\n"), 0o644))
	code, _, errOut = runIn("score", exprFile)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "expr.toml:7:13: expr › x: 表达式长 100011 个字符，超过上限 4000")
	assert.Less(t, len(errOut), 1000, "a huge line is shown as a window around the column")

	code, _, errOut = runIn("score", "--max-expr-len", "200000", exprFile)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "过于复杂，超过节点上限")

	code, out, errOut = runIn("score", "--max-expr-len", "200000", "--max-expr-nodes", "200000", exprFile)
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "计算总分 0.00")
}

// The same input gives byte-identical output whatever GOMAXPROCS and whatever order the
// files were written in.
func TestDeterministicOutput(t *testing.T) {
	var inputs []string
	for _, glob := range []string{"../../testdata/quangang-2021/*.toml", "../../engine/testdata/review/*.toml", "../../testdata/bad/*.toml"} {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		inputs = append(inputs, files...)
	}
	require.Greater(t, len(inputs), 50)
	outputs := map[string]bool{}
	for round, procs := range []int{1, 2, 1, 2} {
		dir := t.TempDir()
		order := rand.New(rand.NewPCG(uint64(round), 7)).Perm(len(inputs))
		for _, i := range order {
			data, err := os.ReadFile(inputs[i])
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.toml", i)), data, 0o644))
		}
		prev := runtime.GOMAXPROCS(procs)
		code, out, errOut := runIn("check", "--format", "json", dir)
		runtime.GOMAXPROCS(prev)
		assert.Equal(t, exitInput, code, "the bad files make it 2")
		outputs[strings.ReplaceAll(out+errOut, dir, "DIR")] = true
	}
	assert.Len(t, outputs, 1, "every run printed the same bytes")
}

// An interrupted run leaves no output file, neither whole nor partial.
func TestInterruptedRunLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "review.json")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := runContext(ctx, []string{"check", "--format", "json", "-o", out, "../../testdata/quangang-2021"}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitStopped, code)
	assert.Equal(t, "jixiao: 已中断，没有写出输出文件\n", stderr.String())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "no file, no temporary file")

	// A file that exists is kept as it was.
	require.NoError(t, os.WriteFile(out, []byte("before"), 0o644))
	code = runContext(ctx, []string{"check", "-o", out, "../../testdata/quangang-2021"}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitStopped, code)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "before", string(data))
}

// genJSONL is n generated projects as a JSONL stream.
func genJSONL(t *testing.T, n int) string {
	t.Helper()
	code, out, errOut := runIn("gen", "-n", fmt.Sprint(n), "--seed", "3")
	require.Equal(t, exitOK, code, errOut)
	return out
}

// runStdin runs the command line with the given standard input.
func runStdin(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// JSON Lines come out in input order however many workers score them, one line each; a
// broken line is reported with its line number and the rest are still processed.
func TestStreamOrderAndBrokenLines(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(genJSONL(t, 300)), "\n")
	require.Len(t, lines, 300)
	lines[41] = `{"project": {"name": "断行"`                                                // line 42: cut short
	lines[99] = `{"project": {"name": "坏"}, "indicator": [{"name": "x", "weight": "十分"}]}` // line 100
	input := strings.Join(lines, "\n") + "\n\n"                                            // a blank line at the end is no project

	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	code, out, errOut := runStdin(input, "check", "--format", "jsonl", "--quiet", "-")
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut, "stdin:42:26: JSON 语法错误（第 26 个字符）：这一行没有写完")
	assert.Contains(t, errOut, "stdin:100: 坏 › x: weight（分值）应为数字，实际为文本 \"十分\"")
	got := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, got, 300, "every line gives one result line, or the line of its errors")
	for i, line := range got {
		var p struct {
			Name   string `json:"name"`
			Errors []struct {
				Line int `json:"line"`
			} `json:"errors"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &p))
		if i == 41 || i == 99 {
			require.Len(t, p.Errors, 1, "line %d is filed as errors", i+1)
			assert.Equal(t, i+1, p.Errors[0].Line)
			continue
		}
		assert.Equal(t, fmt.Sprintf("项目%06d", i), p.Name, "result %d is in input order", i)
	}
}

// The same stream gives byte-identical output with one core or two, and with --summary.
func TestStreamDeterministicAcrossGOMAXPROCS(t *testing.T) {
	input := genJSONL(t, 400)
	var outputs []string
	for _, procs := range []int{1, 2, 1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		code, out, _ := runStdin(input, "check", "--format", "jsonl", "--summary", "--quiet", "-")
		runtime.GOMAXPROCS(prev)
		assert.Equal(t, exitFindings, code)
		outputs = append(outputs, out)
	}
	for i := 1; i < len(outputs); i++ {
		assert.True(t, outputs[i] == outputs[0], "run %d differs", i)
	}
	last := outputs[0][strings.LastIndex(strings.TrimSpace(outputs[0]), "\n")+1:]
	assert.True(t, strings.HasPrefix(last, `{"summary":{"read":400,"failed":0,`), last)
}

func TestSummaryText(t *testing.T) {
	input := genJSONL(t, 200)
	code, out, _ := runStdin(input, "score", "--summary", "--quiet", "--lang", "en", "-")
	assert.Equal(t, exitOK, code)
	summary := out[strings.Index(out, "Summary: "):]
	assert.Contains(t, summary, "Summary: 200 projects read, 0 inputs unusable")
	assert.Contains(t, summary, "Grades (rows: stated, columns: computed")
	assert.Contains(t, summary, "Largest changes of total:")
	assert.NotContains(t, summary, "Findings:", "score runs no checks")

	code, out, _ = runStdin(input, "check", "--summary", "--quiet", "-")
	assert.Equal(t, exitFindings, code)
	summary = out[strings.Index(out, "汇总："):]
	assert.Contains(t, summary, "汇总：读入 200 个项目，0 个输入无法使用")
	assert.Contains(t, summary, "等次改变的项目：")
	assert.Contains(t, summary, "自评得分最常与评分标准不符的指标：")
	assert.Contains(t, summary, "错误最多的单位：")
}

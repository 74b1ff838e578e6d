package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/rules"
)

// options are the flags shared by the commands that read projects (score, check, lint).
type options struct {
	format  string
	formats []string // the formats the command writes
	limits  indicators.Limits
	nodes   uint   // AST nodes per expression
	output  string // write here instead of stdout, atomically
	summary bool   // add the summary across the inputs
	quiet   bool   // no progress bar
	lang    i18n.Lang
	files   []string
}

// register adds the shared flags to fs.
func (o *options) register(a *app, cmd *cobra.Command, formats ...string) {
	o.formats = formats
	fs := cmd.Flags()
	fs.StringVarP(&o.format, "format", "f", "text", a.t("输出`格式`：%s（默认 text）", "output `format`: %s (default text)", a.list(formats)))
	fs.StringVarP(&o.output, "output", "o", "", a.t("写入`文件`而不是标准输出：先写临时文件再改名，绝不留下写了一半的文件",
		"write to `FILE`, not standard output: written to a temporary file and renamed, never left half-written"))
	fs.BoolVar(&o.summary, "summary", false, a.t("附上全部输入的汇总（等次变化、总分变化、按代码统计的问题）",
		"add the summary across all inputs (grades, changes of total, findings by code)"))
	fs.BoolVarP(&o.quiet, "quiet", "q", false, a.t("不在终端上显示进度条", "no progress bar on the terminal"))
	o.limitFlags(a, fs)
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

func (o *options) limitFlags(a *app, fs *pflag.FlagSet) {
	fs.Int64Var(&o.limits.MaxFileSize, "max-file-size", indicators.DefaultMaxFileSize, a.t("输入文件的最大字节数（默认 8 MiB）", "largest input file, in bytes (default 8 MiB)"))
	fs.IntVar(&o.limits.MaxIndicators, "max-indicators", indicators.DefaultMaxIndicators, a.t("一个项目最多的指标数（默认 %d）", "most indicators in one project (default %d)", indicators.DefaultMaxIndicators))
	fs.IntVar(&o.limits.MaxTiers, "max-tiers", indicators.DefaultMaxTiers, a.t("一个评分标准最多的档数（默认 %d）", "most tiers in one criterion (default %d)", indicators.DefaultMaxTiers))
	fs.IntVar(&o.limits.MaxExprLen, "max-expr-len", indicators.DefaultMaxExprLen, a.t("一个 when 或 score 表达式最多的字符数（默认 %d）", "most characters in one when or score expression (default %d)", indicators.DefaultMaxExprLen))
	fs.UintVar(&o.nodes, "max-expr-nodes", rules.DefaultMaxNodes, a.t("一个表达式最多的语法树节点数（默认 %d）", "most syntax-tree nodes in one expression (default %d)", rules.DefaultMaxNodes))
}

// valid checks the flags once parsed; it prints what is wrong and reports whether to go on.
func (o *options) valid(a *app, cmd *cobra.Command, args []string, needFiles bool) bool {
	o.files, o.lang = args, a.lang
	if u := a.choiceError(cmd, o.format, o.formats, a.t("未知的输出格式 %q；可用 %s", "unknown format %q: use %s", o.format, a.list(o.formats))); u != nil {
		a.printUsageError(u)
		return false
	}
	if needFiles && len(o.files) == 0 {
		a.usage(cmd, a.t("请给出要处理的文件或文件夹", "name the files or folders to read"))
		return false
	}
	return true
}

// engineOptions are the engine settings the flags give.
func (o *options) engineOptions() engine.Options {
	return engine.Options{Limits: rules.Limits{MaxNodes: o.nodes}}
}

// inputHelp says what the inputs of score, check and lint are.
func (a *app) inputHelp() string {
	return a.t(`文件可以是 .toml 文件、.xlsx 工作簿、.jsonl 文件（每行一个项目，字段同 TOML），或发布的部门决算
报告（.pdf、.docx，及其文字 .txt、.md）；"-" 从标准输入读 JSON Lines；文件夹代表其下全部这些文件（文字
文件除外；按名称排序）。找不到可读文件的路径是错误。选项可写在文件前后。`,
		`A file is a .toml file, an .xlsx workbook, a .jsonl file (one project a line, the TOML
fields as JSON) or a published report (.pdf, .docx, or its text as .txt or .md); "-" reads
JSON Lines from standard input; a folder stands for every such file below it but text
files, in name order. A path with nothing to read is an error. Flags may stand before or
after the files.`)
}

func (a *app) scoreCommand() *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{
		Use:        "score " + a.t("[选项] 文件或文件夹...", "[flags] FILE|DIR..."),
		Short:      a.t("计分：每个项目的得分、总分和等次", "score each project: scores, total and grade"),
		GroupID:    groupReview,
		SuggestFor: []string{"rate", "grade"},
		Long: a.t(`按每个指标自己的评分标准计分，打印复核人熟悉的表格（一级/二级/三级指标、指标值、单位、
实际完成值、分值、自评得分、计算得分、计分依据），再打印总分、等次、绩效目标设置和完成个数，
与自评所写的对照。无法计分的指标显示为区间，不计为 0。`,
			`Scores each indicator by its own criterion and prints the table a reviewer knows (level 1,
2 and 3 indicators, target, unit, actual value, weight, reported and computed points, the
tier or method that gave them), then the total, the grade and the targets set and met,
beside what the submission states. An indicator that cannot be scored is shown as a range,
never as 0.`) + "\n\n" + a.inputHelp(),
		Example: a.t(`  jixiao score 项目.toml
  jixiao score --format json -o 得分.json 自评表/
  jixiao gen -n 100 | jixiao score --summary -q -`,
			`  jixiao score project.toml
  jixiao score --format json -o scores.json submissions/
  jixiao gen -n 100 | jixiao score --summary -q -`),
		RunE: a.runs(func(cmd *cobra.Command, args []string) int {
			if !o.valid(a, cmd, args, true) {
				return exitInput
			}
			return a.process(o, batch.Score, o.engineOptions())
		}),
	}
	o.register(a, cmd, "text", "json", "jsonl")
	return cmd
}

// printErrors prints an input's errors, each with its place and source line.
func printErrors(w io.Writer, err error, lang i18n.Lang) {
	var list indicators.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e.Long(lang))
		}
		return
	}
	fmt.Fprintln(w, err)
}

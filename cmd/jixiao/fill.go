package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"jixiao/fill"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/report"
)

// fillFlags are the settings of fill, as its flags give them.
type fillFlags struct {
	output     string // the filled copy; required
	force      bool   // replace output when it exists
	lang       i18n.Lang
	tolerance  float64 // the default unless toleranceSet
	configPath string  // a [review] table of thresholds

	toleranceSet bool // --tolerance was given, 0 included: 0 is a tolerance, not "unset"
}

// fillCommand scores an owner's workbook into a copy of it: jixiao fill BOOK.xlsx -o SCORED.xlsx.
func (a *app) fillCommand() *cobra.Command {
	var ff fillFlags
	cmd := &cobra.Command{
		Use:        "fill " + a.t("工作簿.xlsx -o 已评分.xlsx", "WORKBOOK.xlsx -o SCORED.xlsx"),
		Short:      a.t("把得分、总分、等次填入自评表工作簿的副本", "score a self-evaluation workbook into a copy of it"),
		GroupID:    groupFiles,
		SuggestFor: []string{"score-xlsx", "autofill"},
		Long: a.t(`读出项目单位自己的自评表工作簿，按每个指标的评分标准计分，把每个指标的得分、预算执行率得分、
总分和等次写入同一工作簿的副本中模板本来的单元格；工作表、版式、合并单元格、样式、列宽、打印设置和
公式都保留，原文件不改。原来填写的数与计算不同时，填入计算值，原值和计分依据写入批注，单元格标红；
不能计分的指标不填数，单元格标黄，批注说明还需要什么；缺少的偏差原因、执行率不足的说明和度量单位
同样标出。标准输出上按项目列出填了什么、哪些不同、还缺什么。`,
			`Reads a project owner's own self-evaluation workbook, scores each indicator by its criterion,
and writes each indicator's score, the budget-execution score, the total and the grade into
the template's own cells of a copy of the workbook; sheets, layout, merged cells, styles,
column widths, print settings and formulas are kept, and the original is never written. A
value the owner wrote that differs is replaced by the computed one, with the owner's value
and the basis in a comment and the cell marked red; an indicator that cannot be scored gets
no number, its cell marked yellow with a comment saying what is needed; missing reasons for
missed targets or low execution, and missing units, are marked the same way. Standard output
lists, per project, what was filled, what differed and what is still missing.`),
		Example: a.t(`  jixiao lint 自评表.xlsx                       # 先看评分标准本身有没有问题
  jixiao fill 自评表.xlsx -o 自评表-已评分.xlsx
  jixiao fill --force 自评表.xlsx -o 自评表-已评分.xlsx   # 替换已有的副本`,
			`  jixiao lint submission.xlsx                     # first, flaws of the criteria themselves
  jixiao fill submission.xlsx -o submission-scored.xlsx
  jixiao fill --force submission.xlsx -o submission-scored.xlsx   # replace an earlier copy`),
		RunE: a.runs(func(cmd *cobra.Command, files []string) int {
			if len(files) != 1 || ff.output == "" {
				return a.usage(cmd, a.t("请给出一个工作簿和 -o 输出文件：jixiao fill 自评表.xlsx -o 已评分.xlsx",
					"name one workbook and the output: jixiao fill BOOK.xlsx -o SCORED.xlsx"))
			}
			if ff.tolerance < 0 {
				return a.usage(cmd, a.t("--tolerance 不能为负数", "--tolerance cannot be negative"))
			}
			ff.lang, ff.toleranceSet = a.lang, cmd.Flags().Changed("tolerance")
			return a.fillWorkbook(files, ff)
		}),
	}
	fs := cmd.Flags()
	fs.StringVarP(&ff.output, "output", "o", "", a.t("填好的副本（.xlsx `文件`；整个替换，不会只写一半）", "the filled copy (an .xlsx `FILE`; replaced whole, never half-written)"))
	fs.BoolVar(&ff.force, "force", false, a.t("-o 文件已存在时替换它", "replace the -o file if it exists"))
	fs.Float64Var(&ff.tolerance, "tolerance", 0, a.t("原填得分与计算得分相差不超过 `分数` 即视为相符（默认 0.005）",
		"`points` between a written and a computed score that still match (default 0.005)"))
	fs.StringVar(&ff.configPath, "config", "", a.t("含 [review] 阈值表和 [[review_rules]] 复核口径的 TOML `文件`（一个省的规则）",
		"a TOML `FILE` holding a [review] table of thresholds and the [[review_rules]] (a province's rules)"))
	cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt
	})
	cmd.RegisterFlagCompletionFunc("config", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"toml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"xlsx", "xlsm"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

// fillWorkbook fills the one workbook named in files into ff.output and prints, per project,
// what was filled, what differed and what is still missing.
func (a *app) fillWorkbook(files []string, ff fillFlags) int {
	ctx, stdout, stderr := a.ctx, a.stdout, a.paintErr()
	fail := func(zh, en string, args ...any) int {
		fmt.Fprintln(stderr, "jixiao fill:", i18n.T(zh, en, args...).String(ff.lang))
		return exitInput
	}
	in := files[0]
	if indicators.FormatOf(in) != indicators.Workbook || indicators.FormatOf(ff.output) != indicators.Workbook {
		return fail("fill 读写的是 Excel 工作簿（.xlsx）：%s → %s", "fill reads and writes Excel workbooks (.xlsx): %s → %s", in, ff.output)
	}
	if sameFile(in, ff.output) {
		return fail("-o %s 就是原文件：原文件不会被改写，请另给一个文件名", "-o %s is the workbook itself, which is never written: name another file", ff.output)
	}
	if _, err := os.Stat(ff.output); err == nil && !ff.force {
		return fail("%s 已存在；要替换它请加 --force", "%s exists; add --force to replace it", ff.output)
	}
	opts := fill.Options{Lang: ff.lang}
	if ff.configPath != "" {
		cfg, err := indicators.LoadConfig(ff.configPath)
		if err != nil {
			printErrors(stderr, err, ff.lang)
			return exitInput
		}
		opts.Engine.Config = cfg
	}
	if ff.toleranceSet {
		opts.Engine.Override.Tolerance = &ff.tolerance
	}
	b, err := fill.Open(in, opts)
	if err != nil {
		printErrors(stderr, err, ff.lang)
		return exitInput
	}
	defer b.Close()
	for _, p := range b.Projects {
		for _, w := range p.Result.Project.Warnings {
			fmt.Fprintln(stderr, i18n.Pick(ff.lang, "注意：", "note: ")+w.Long(ff.lang))
		}
	}
	err = writeOutput(ctx, ff.output, stdout, b.Write)
	if code, failed := a.outputFailed(err); failed {
		return code
	}
	for i, p := range b.Projects {
		if i > 0 {
			io.WriteString(stdout, "\n")
		}
		if err := report.FillSummary(stdout, p.Result, p.Notes, ff.lang); err != nil {
			fmt.Fprintln(stderr, "jixiao fill:", err)
			return exitInput
		}
	}
	fmt.Fprintln(stdout, i18n.T("\n已写入 %s", "\nwritten to %s", ff.output).String(ff.lang))
	return exitOK
}

// sameFile reports whether two paths name one file (the second need not exist).
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}

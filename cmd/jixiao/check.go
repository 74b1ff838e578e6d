package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/report"
)

// reviewOptions are the flags of check and lint beside the shared ones.
type reviewOptions struct {
	options
	tolerance  float64
	configPath string
	list       bool
	explain    string
}

func (a *app) checkCommand() *cobra.Command {
	return a.reviewCommand(false)
}

func (a *app) lintCommand() *cobra.Command {
	return a.reviewCommand(true)
}

// reviewCommand is check (every check) or lint (the checks of the criteria only).
func (a *app) reviewCommand(lint bool) *cobra.Command {
	o := &reviewOptions{}
	cmd := &cobra.Command{
		Use:        "check " + a.t("[选项] 文件或文件夹...", "[flags] FILE|DIR...") + "\ncheck --list | --explain " + a.t("代码", "CODE"),
		Short:      a.t("复核：计分并列出全部问题", "score, then report every inconsistency as a finding"),
		GroupID:    groupReview,
		SuggestFor: []string{"review", "verify", "audit"},
		Long: a.t(`像 score 一样计分，再复核每个项目，把每处不一致报告为一条问题：稳定的代码、严重程度（错误、
警告、提示）、项目和指标、消息、所涉数字（expected 为 jixiao 算出的，actual 为自评所写的），
必要时附提示。文本输出是附计算得分的表格（有争议的数字标 *）、问题清单和一句结论。
--format sarif 写出 SARIF 2.1.0 日志；--format xlsx（需 -o）写出复核工作簿。
退出状态：0 没有错误级问题，1 有错误级问题，2 有无法使用的输入或用法错误。`,
			`Scores like score, then reviews each project and reports every inconsistency as a finding:
a stable code, a severity (error, warning, info), the project and indicator, a message, the
numbers involved (expected, what jixiao computes; actual, what the submission states) and,
where it helps, a hint. The text output is the table with the computed scores (disputed
figures marked *), the findings, and a one-line verdict. --format sarif writes a SARIF 2.1.0
log; --format xlsx (with -o) a review workbook.
Exit status: 0 no error-severity finding, 1 some, 2 an unusable input or bad usage.`) + "\n\n" + a.inputHelp(),
		Example: a.t(`  jixiao check 自评表.xlsx
  jixiao check --format xlsx -o 复核.xlsx 自评表/
  jixiao check --config 福建.toml --tolerance 0.01 项目.toml
  jixiao check --explain score-mismatch
  jixiao check --list --format json`,
			`  jixiao check submission.xlsx
  jixiao check --format xlsx -o review.xlsx submissions/
  jixiao check --config province.toml --tolerance 0.01 project.toml
  jixiao check --explain score-mismatch
  jixiao check --list --format json`),
		RunE: a.runs(func(cmd *cobra.Command, args []string) int { return a.review(cmd, o, args, lint) }),
	}
	formats := []string{"text", "json", "jsonl", "sarif", "xlsx"}
	if lint {
		formats = formats[:4]
		cmd.Use = strings.ReplaceAll(cmd.Use, "check", "lint")
		cmd.SuggestFor = []string{"validate", "vet"}
		cmd.Short = a.t("只检查评分标准本身：缺口、重叠、永不生效的档次等", "report the flaws of the criteria themselves: gaps, overlaps, dead tiers")
		cmd.Long = a.t(`只运行评分标准本身的检查（tier-* 代码和 target-threshold），打印问题而不打印得分表：
没有实际完成值的模板也可以检查。每一档的条件从表达式中精确读成区间的并；读不出的，在各常数
处及其间取样，并注明是取样而非证明。
退出状态：0 没有错误级问题，1 有错误级问题，2 有无法使用的输入或用法错误。`,
			`Runs only the checks of the criteria themselves (the tier-* codes and target-threshold) and
prints the findings, without a score table: a template without actual values is fine. Each
tier's condition is read from its expression as an exact union of intervals; what cannot be
read so is sampled at the criterion's constants and between them, and the finding says so.
Exit status: 0 no error-severity finding, 1 some, 2 an unusable input or bad usage.`) + "\n\n" + a.inputHelp()
		cmd.Example = a.t(`  jixiao lint 模板.toml
  jixiao lint --format sarif 评分标准/ > lint.sarif
  jixiao lint --list`,
			`  jixiao lint template.toml
  jixiao lint --format sarif criteria/ > lint.sarif
  jixiao lint --list`)
	}
	o.register(a, cmd, formats...)
	fs := cmd.Flags()
	fs.Float64Var(&o.tolerance, "tolerance", 0, a.t("自评得分与计算得分相差不超过 `分数` 即视为相符（默认 0.005）",
		"`points` between a reported and a computed score that still match (default 0.005)"))
	fs.StringVar(&o.configPath, "config", "", a.t("含 [review] 阈值表和 [[review_rules]] 复核口径的 TOML `文件`（一个省的规则）",
		"a TOML `FILE` holding a [review] table of thresholds and the [[review_rules]] (a province's rules)"))
	fs.BoolVar(&o.list, "list", false, a.t("列出全部检查（与 --format json 一起时输出 JSON）", "list the checks (as JSON with --format json)"))
	fs.StringVar(&o.explain, "explain", "", a.t("详细解释一项检查：`代码` 如 score-mismatch", "explain one check: `CODE` such as score-mismatch"))
	cmd.RegisterFlagCompletionFunc("explain", func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var codes []cobra.Completion
		for _, c := range engine.Checks() {
			if (c.Lint || !lint) && strings.HasPrefix(string(c.Code), toComplete) {
				codes = append(codes, cobra.CompletionWithDesc(string(c.Code), c.Title.String(a.lang)))
			}
		}
		return codes, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.RegisterFlagCompletionFunc("config", func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"toml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

// review runs check or lint, or answers --list and --explain.
func (a *app) review(cmd *cobra.Command, o *reviewOptions, args []string, lint bool) int {
	if !o.valid(a, cmd, args, !o.list && o.explain == "") {
		return exitInput
	}
	if o.list || o.explain != "" {
		return a.catalogue(cmd, o, lint)
	}
	if o.format == "xlsx" && o.output == "" {
		return a.usage(cmd, a.t("--format xlsx 需要用 -o 指定输出文件，如 -o review.xlsx", "--format xlsx needs an output file: -o review.xlsx"))
	}
	if o.tolerance < 0 {
		return a.usage(cmd, a.t("--tolerance 不能为负数", "--tolerance cannot be negative"))
	}
	opts := o.engineOptions()
	if o.configPath != "" {
		cfg, err := indicators.LoadConfig(o.configPath)
		if err == nil {
			err = engine.DisableErrors(cfg.Review.Disable, func(int) indicators.Pos { return indicators.Pos{File: o.configPath} }, report.DocumentCodes()...).Err()
		}
		if err != nil {
			printErrors(a.paintErr(), err, a.lang)
			return exitInput
		}
		opts.Config = cfg
	}
	if cmd.Flags().Changed("tolerance") { // 0 is a tolerance too: only an absent flag means the default
		opts.Override.Tolerance = &o.tolerance
	}
	mode := batch.Check
	if lint {
		mode = batch.Lint
	}
	return a.process(&o.options, mode, opts)
}

// catalogue answers --list (every check, or lint's) and --explain CODE, as text or JSON.
func (a *app) catalogue(cmd *cobra.Command, o *reviewOptions, lint bool) int {
	if o.format != "text" && o.format != "json" {
		return a.usage(cmd, a.t("--list 和 --explain 只输出 text 或 json，不输出 %s", "--list and --explain write text or json, not %s", o.format))
	}
	if len(o.files) > 0 {
		return a.usage(cmd, a.t("--list 和 --explain 不读文件；去掉 %s", "--list and --explain read no files: leave out %s", o.files[0]))
	}
	if !o.list && !report.KnownCode(o.explain) {
		msg := a.t("没有代码为 %q 的检查", "no check has the code %q", o.explain)
		if s := report.SuggestCode(o.explain); s != "" {
			msg += a.t("；是不是 %s？", "; did you mean %s?", s)
		}
		a.printUsageError(&usageError{cmd: cmd, msg: msg, hint: a.t("jixiao check --list 列出全部检查", "jixiao check --list lists the checks")})
		return exitInput
	}
	json := o.format == "json"
	err := writeOutput(a.ctx, o.output, a.stdout, func(w io.Writer) error {
		var err error
		switch {
		case o.list && json:
			err = report.CatalogueJSON(w, a.lang, lint)
		case o.list:
			err = report.Catalogue(w, a.lang, lint)
		case json:
			_, err = report.ExplainCodeJSON(w, o.explain, a.lang)
		default:
			_, err = report.ExplainCode(w, o.explain, a.lang)
		}
		return err
	})
	if code, failed := a.outputFailed(err); failed {
		return code
	}
	return exitOK
}

package main

import (
	"github.com/spf13/cobra"
)

// The groups of commands, as help lists them.
const (
	groupReview = "review"
	groupFiles  = "files"
	groupOther  = "other"
)

// commands are jixiao's commands in the order help lists them. Adding one: write its
// constructor, func (a *app) xxxCommand() *cobra.Command, in a file of its own (xxx.go: the
// flags bound to local variables, a body that calls the packages and returns the exit
// status through a.runs, Short, Long and Example in both languages through a.t, completion
// of its flag values), add it here, then regenerate the README's command reference:
// go test ./cmd/jixiao -run TestReadmeCommands -update-readme.
func (a *app) commands() []*cobra.Command {
	return []*cobra.Command{
		a.scoreCommand(),
		a.checkCommand(),
		a.lintCommand(),
		a.tiersCommand(),
		a.importCommand(),
		a.fillCommand(),
		a.serveCommand(),
		a.schemaCommand(),
		a.genCommand(),
		a.completionCommand(),
		a.versionCommand(),
	}
}

// root builds the command tree of this run.
func (a *app) root() *cobra.Command {
	root := &cobra.Command{
		Use:   "jixiao " + a.t("命令 [选项] [参数]", "COMMAND [flags] [ARGS]"),
		Short: a.t("项目支出绩效自评表的计分与复核", "scores and reviews project-expenditure performance self-evaluations"),
		Long: a.t(`读取项目支出绩效自评表（TOML、Excel 工作簿、JSON Lines，或发布的部门决算报告），按每个指标
自己的评分标准计分，复核自评中每一处不一致。
退出状态：0 成功（check、lint：没有错误级问题）；1 check 或 lint 发现错误级问题（tiers：有未能
读懂的部分）；2 输入无法使用，或用法错误。`,
			`Reads project-expenditure performance self-evaluations (TOML, Excel workbooks, JSON Lines
or published final-accounts reports), scores each indicator by its own criterion, and
reviews every inconsistency.
Exit status: 0 success (check, lint: no error-severity finding); 1 check or lint found an
error-severity finding (tiers: part of the text could not be read); 2 unusable input or bad
usage.`),
		Version: release,
		// A word that is no command is an error with the nearest command, in the run's language.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return a.unknownCommand(cmd, args[0])
			}
			return nil
		},
		RunE: a.runs(func(cmd *cobra.Command, args []string) int {
			a.writeHelp(a.stderr, cmd)
			return exitInput
		}),
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if u := a.choiceError(cmd, a.color, colorModes,
				a.t("--color 的值 %q 无效；可用 auto、always 或 never", "--color %q is not auto, always or never", a.color)); u != nil {
				return u
			}
			return nil
		},
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
		SilenceErrors:     true,
		SilenceUsage:      true,
	}
	root.AddGroup(
		&cobra.Group{ID: groupReview, Title: a.t("计分与复核：", "Scoring and review:")},
		&cobra.Group{ID: groupFiles, Title: a.t("文件：", "Files:")},
		&cobra.Group{ID: groupOther, Title: a.t("其他：", "Other:")},
	)
	pf := root.PersistentFlags()
	pf.String("lang", "", a.t("界面和消息的`语言`：zh 或 en（默认取 JIXIAO_LANG 或 LANG，否则 zh）",
		"the `language` of labels and messages: zh or en (default: JIXIAO_LANG or LANG, else zh)"))
	pf.StringVar(&a.color, "color", "auto", a.t("`何时`使用颜色：auto（在终端上且未设 NO_COLOR 时）、always 或 never",
		"`when` to colour the output: auto (on a terminal, unless NO_COLOR is set), always or never"))
	pf.BoolP("help", "h", false, a.t("显示帮助", "show this help"))
	root.Flags().BoolP("version", "v", false, a.t("显示版本", "show the version"))
	root.SetVersionTemplate(a.versionLine() + "\n")
	root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]cobra.Completion{"zh", "en"}, cobra.ShellCompDirectiveNoFileComp))
	root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(colorModes, cobra.ShellCompDirectiveNoFileComp))

	pf.SortFlags = false
	root.Flags().SortFlags = false
	for _, c := range a.commands() {
		c.Flags().SortFlags = false // help lists the flags as each command orders them
		root.AddCommand(c)
	}
	root.SetHelpCommand(a.helpCommand(root))
	nameValues(root)
	root.SetHelpCommandGroupID(groupOther)
	root.SetHelpFunc(func(cmd *cobra.Command, args []string) { a.writeHelp(a.stdout, cmd) })
	root.SetUsageFunc(func(cmd *cobra.Command) error { a.writeHelp(a.stderr, cmd); return nil })
	return root
}

package main

import (
	"bufio"

	"github.com/spf13/cobra"
)

// shells are the shells a completion script is written for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

// completionCommand prints a shell's completion script: the commands, their flags, and the
// values of flags that have a fixed set (formats, check codes for --explain, languages). The
// script asks jixiao itself (the hidden __complete command) at each <Tab>, so it stays in
// step with the binary.
func (a *app) completionCommand() *cobra.Command {
	var noDesc bool
	cmd := &cobra.Command{
		Use:     "completion bash|zsh|fish|powershell",
		Short:   a.t("打印 shell 的自动补全脚本", "print a shell completion script"),
		GroupID: groupOther,
		Long: a.t(`打印所给 shell 的补全脚本：按 Tab 补全命令、选项，以及选项的取值（--format 的格式、
--explain 的检查代码、--lang 的语言）。脚本在每次补全时询问 jixiao 本身，因此与程序保持一致。`,
			`Prints the completion script of the given shell: <Tab> completes commands, flags, and the
values of flags (formats for --format, check codes for --explain, languages for --lang). The
script asks jixiao itself at each completion, so it stays in step with the program.`),
		Example: a.t(`  source <(jixiao completion bash)                       # bash，当前会话
  jixiao completion bash > /etc/bash_completion.d/jixiao   # bash，长期
  jixiao completion zsh > "${fpath[1]}/_jixiao"           # zsh（需 compinit）
  jixiao completion fish > ~/.config/fish/completions/jixiao.fish
  jixiao completion powershell | Out-String | Invoke-Expression`,
			`  source <(jixiao completion bash)                       # bash, this session
  jixiao completion bash > /etc/bash_completion.d/jixiao   # bash, for good
  jixiao completion zsh > "${fpath[1]}/_jixiao"           # zsh (with compinit)
  jixiao completion fish > ~/.config/fish/completions/jixiao.fish
  jixiao completion powershell | Out-String | Invoke-Expression`),
		ValidArgs: shells,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &usageError{cmd: cmd, msg: a.t("请给出一个 shell：bash、zsh、fish 或 powershell", "name one shell: bash, zsh, fish or powershell")}
			}
			if u := a.choiceError(cmd, args[0], shells,
				a.t("不支持的 shell %q；可用 bash、zsh、fish 或 powershell", "no completion for the shell %q: bash, zsh, fish or powershell", args[0])); u != nil {
				return u
			}
			return nil
		},
		RunE: a.runs(func(cmd *cobra.Command, args []string) int {
			w := bufio.NewWriter(a.stdout)
			root := cmd.Root()
			var err error
			switch args[0] {
			case "bash":
				err = root.GenBashCompletionV2(w, !noDesc)
			case "zsh":
				if noDesc {
					err = root.GenZshCompletionNoDesc(w)
				} else {
					err = root.GenZshCompletion(w)
				}
			case "fish":
				err = root.GenFishCompletion(w, !noDesc)
			case "powershell":
				if noDesc {
					err = root.GenPowerShellCompletion(w)
				} else {
					err = root.GenPowerShellCompletionWithDesc(w)
				}
			}
			if err == nil {
				err = w.Flush()
			}
			if err != nil {
				a.errLine("jixiao completion: " + err.Error())
				return exitInput
			}
			return exitOK
		}),
	}
	cmd.Flags().BoolVar(&noDesc, "no-descriptions", false, a.t("补全时不显示说明", "leave out the descriptions of the choices"))
	return cmd
}

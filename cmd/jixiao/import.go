package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"jixiao/batch"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// importCommand reads 自评表 workbooks and writes each project as a TOML file in jixiao's
// format, criterion text and all, for the reviewer to fix and keep. It never overwrites a
// file unless told to: a TOML file may hold a reviewer's hand edits.
func (a *app) importCommand() *cobra.Command {
	var dir string
	var force bool
	cmd := &cobra.Command{
		Use:        "import " + a.t("[选项] 工作簿.xlsx或报告...", "[flags] WORKBOOK.xlsx|REPORT..."),
		Short:      a.t("把工作簿或发布的报告中的自评表存为 TOML 文件", "save the self-evaluations of workbooks or published reports as TOML files"),
		GroupID:    groupFiles,
		SuggestFor: []string{"convert", "xlsx"},
		Long: a.t(`读出工作簿或发布的部门决算报告（.txt、.md、.docx、.pdf）中的每个项目（按表头识别，不靠固定
单元格），每个项目存为一个 TOML 文件，以项目名
命名，评分标准原文保留，供复核人修改和保存。已有同名文件时不写任何文件，并列出本会写出的文件；
要覆盖，加上 --force。每个写出的文件名打印在标准输出上。`,
			`Reads every project of the workbooks or published reports (.txt, .md, .docx, .pdf; found by
their labels, not fixed cells) and saves each
as a TOML file named after the project, criterion text and all, for the reviewer to fix and
keep. If any of the files exists, nothing is written and the files it would write are
listed; --force overwrites them. Each file written is printed on standard output.`),
		Example: a.t(`  jixiao import 自评表.xlsx
  jixiao import -o 项目/ 自评表.xlsx 另一单位.xlsx
  jixiao import --force -o 项目/ 自评表.xlsx      # 覆盖已有的文件`,
			`  jixiao import submission.xlsx
  jixiao import -o projects/ submission.xlsx another.xlsx
  jixiao import --force -o projects/ submission.xlsx   # overwrite files already there`),
		RunE: a.runs(func(cmd *cobra.Command, files []string) int {
			if len(files) == 0 {
				return a.usage(cmd, a.t("请给出要导入的工作簿（.xlsx）或发布的报告", "name the workbooks (.xlsx) or published reports to import"))
			}
			return a.importWorkbooks(files, dir, force)
		}),
	}
	cmd.Flags().StringVarP(&dir, "output", "o", ".", a.t("写入 TOML 文件的`文件夹`（没有就建立；默认当前文件夹）", "the `DIR` to write the TOML files to (made if missing; default the current folder)"))
	cmd.Flags().BoolVar(&force, "force", false, a.t("覆盖已有的同名文件", "overwrite files that already exist"))
	cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"xlsx", "xlsm", "pdf", "docx", "txt", "md"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

// planned is one TOML file import will write.
type planned struct {
	path    string
	project *indicators.Project
	origin  string
}

func (a *app) importWorkbooks(files []string, dir string, force bool) int {
	errOut := a.paintErr()
	taken := map[string]bool{}
	code := exitOK
	var plan []planned
	for _, file := range files {
		projects, err := batch.Projects(file, indicators.Limits{})
		if err != nil { // a workbook's other projects are still saved
			printErrors(errOut, err, a.lang)
			code = exitInput
			if len(projects) == 0 {
				continue
			}
		}
		if len(projects) == 0 { // a published report of final-accounts tables alone
			a.errLine(a.t("%s: 没有找到项目支出绩效自评表（也没有评价报告），没有可导入的项目；这份报告的决算表可以用 jixiao check 核对",
				"%s: no 项目支出绩效自评表 (nor evaluation report) was found, so there is no project to import; jixiao check checks the report's final-accounts tables", file))
			code = exitInput
			continue
		}
		for _, p := range projects {
			for _, w := range p.Warnings {
				fmt.Fprintln(errOut, i18n.Pick(a.lang, "注意：", "note: ")+w.Long(a.lang))
			}
			origin := i18n.T("由 jixiao import 从 %s 读出；评分标准在计分时读成分档（jixiao tiers 可打印出来）",
				"read by jixiao import from %s; the criterion is read into tiers when scored (jixiao tiers prints them)", filepath.Base(file)).String(a.lang)
			plan = append(plan, planned{path: filepath.Join(dir, fileName(p.Name, taken)), project: p, origin: origin})
		}
	}
	if !force {
		var existing int
		var lines []string
		for _, f := range plan {
			line := "  " + f.path
			if _, err := os.Lstat(f.path); err == nil {
				existing++
				line += a.t("（已存在）", " (exists)")
			}
			lines = append(lines, line)
		}
		if existing > 0 {
			a.errLine("jixiao import: " + i18n.Count(existing, "个文件已存在，没有写入任何文件；要覆盖，加上 --force。本会写出：",
				"of the files exists already, so nothing was written; --force overwrites it. The files it would write:",
				"of the files exist already, so nothing was written; --force overwrites them. The files it would write:").String(a.lang))
			io.WriteString(a.stderr, strings.Join(lines, "\n")+"\n")
			return exitInput
		}
	}
	if len(plan) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			code, _ := a.outputFailed(cannotWrite(dir, err))
			return code
		}
	}
	for _, f := range plan {
		err := writeOutput(a.ctx, f.path, a.stdout, func(w io.Writer) error { return indicators.WriteTOML(w, f.project, f.origin) })
		if c, failed := a.outputFailed(err); failed {
			return c
		}
		a.stdoutLine(f.path)
	}
	return code
}

// fileName is a file name for a project: its name with the characters file systems refuse
// replaced, made unique.
func fileName(name string, taken map[string]bool) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	if base == "" {
		base = "project"
	}
	candidate := base + ".toml"
	for n := 2; taken[candidate]; n++ {
		candidate = fmt.Sprintf("%s-%d.toml", base, n)
	}
	taken[candidate] = true
	return candidate
}

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"jixiao/internal/i18n"
	"jixiao/internal/synth"
)

// genCommand writes seeded synthetic projects for benchmarks: a JSONL stream, or a folder
// of TOML files.
func (a *app) genCommand() *cobra.Command {
	var (
		n      int
		seed   uint64
		format string
		out    string
		force  bool
	)
	formats := []string{"jsonl", "toml"}
	cmd := &cobra.Command{
		Use:     "gen [-n N] [--seed S] [--format jsonl|toml] [-o " + a.t("路径", "PATH") + "]",
		Short:   a.t("生成合成的测试项目（用于基准测试）", "write synthetic projects for benchmarks"),
		GroupID: groupFiles,
		Long: a.t(`按种子生成合成项目（十个计分方法各异的指标，部分自评得分、总分和等次故意写错），用于基准
测试：JSON Lines 写到标准输出或 -o 文件，TOML 每个项目一个文件，写到 -o 文件夹。同一种子生成
相同的项目。已有的文件不会被覆盖，除非加上 --force。`,
			`Writes seeded synthetic projects (ten indicators of mixed methods, some reported scores,
totals and grades wrong on purpose) for benchmarks: JSON Lines to standard output or the -o
file, or TOML, one file a project, in the -o folder. The same seed gives the same projects.
Files that exist are not overwritten unless --force is given.`),
		Example: `  jixiao gen -n 1000 -o projects.jsonl
  jixiao gen -n 10000 --format toml -o toml10k/
  jixiao gen -n 1000 | jixiao check --format jsonl --summary -q -`,
		Args: a.noArgs,
		RunE: a.runs(func(cmd *cobra.Command, args []string) int {
			if u := a.choiceError(cmd, format, formats, a.t("未知的输出格式 %q；可用 jsonl 或 toml", "unknown format %q: use jsonl or toml", format)); u != nil {
				a.printUsageError(u)
				return exitInput
			}
			if n < 0 {
				return a.usage(cmd, a.t("-n 不能为负数", "-n cannot be negative"))
			}
			if format == "toml" && out == "" {
				return a.usage(cmd, a.t("--format toml 需要一个文件夹：-o 文件夹", "--format toml needs a folder: -o DIR"))
			}
			return a.generate(n, seed, format, out, force)
		}),
	}
	fs := cmd.Flags()
	fs.IntVarP(&n, "count", "n", 1000, a.t("生成多少个`项目`（默认 1000）", "how many `projects` (default 1000)"))
	fs.Uint64Var(&seed, "seed", 1, a.t("随机`种子`：同一种子生成相同的项目（默认 1）", "the `seed`: the same seed gives the same projects (default 1)"))
	fs.StringVarP(&format, "format", "f", "jsonl", a.t("`格式`：jsonl（每行一个项目）或 toml（每个项目一个文件，写到 -o 文件夹）", "`format`: jsonl (one project a line) or toml (one file a project, in the -o folder)"))
	fs.StringVarP(&out, "output", "o", "", a.t("输出`路径`：jsonl 的文件（默认标准输出）或 toml 的文件夹", "the output `PATH`: a file for jsonl (default standard output), a folder for toml"))
	fs.BoolVar(&force, "force", false, a.t("覆盖已有的同名文件", "overwrite files that already exist"))
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// maxListed is how many existing files gen names when it refuses to overwrite them.
const maxListed = 10

// tomlName is the file gen writes the i-th project to, in the folder out.
func tomlName(out string, i int) string { return filepath.Join(out, fmt.Sprintf("%06d.toml", i)) }

func (a *app) generate(n int, seed uint64, format, out string, force bool) int {
	if !force && a.wouldOverwrite(n, format, out) {
		return exitInput
	}
	ctx := a.ctx
	g := synth.New(seed)
	if format == "jsonl" {
		err := writeOutput(ctx, out, a.stdout, func(w io.Writer) error {
			for i := 0; i < n; i++ {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := synth.WriteJSON(w, g.Next()); err != nil {
					return err
				}
			}
			return nil
		})
		if code, failed := a.outputFailed(err); failed {
			return code
		}
		return exitOK
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		code, _ := a.outputFailed(cannotWrite(out, err))
		return code
	}
	for i := 0; i < n; i++ {
		p := g.Next()
		path := tomlName(out, i)
		err := writeOutput(ctx, path, a.stdout, func(w io.Writer) error {
			bw := bufio.NewWriter(w)
			if err := synth.WriteTOML(bw, p); err != nil {
				return err
			}
			return bw.Flush()
		})
		if code, failed := a.outputFailed(err); failed {
			return code
		}
	}
	return exitOK
}

// wouldOverwrite reports, and says on standard error, whether gen would overwrite files that
// exist: the -o file of JSON Lines, or the folder's files of the projects it writes. Then it
// writes nothing.
func (a *app) wouldOverwrite(n int, format, out string) bool {
	if out == "" || out == "-" {
		return false
	}
	if format == "jsonl" {
		if _, err := os.Lstat(out); err == nil {
			a.errLine(a.t("jixiao gen: %s 已存在，没有写入；要覆盖，加上 --force", "jixiao gen: %s exists, so nothing was written; --force overwrites it", out))
			return true
		}
		return false
	}
	var existing []string
	count := 0
	for i := 0; i < n; i++ {
		path := tomlName(out, i)
		if _, err := os.Lstat(path); err == nil {
			if count++; count <= maxListed {
				existing = append(existing, "  "+path)
			}
		}
	}
	if count == 0 {
		return false
	}
	a.errLine("jixiao gen: " + i18n.Count(count, "个文件已存在，没有写入任何文件；要覆盖，加上 --force。已存在的有：",
		"of the files exists already, so nothing was written; --force overwrites it. The one that exists:",
		"of the files exist already, so nothing was written; --force overwrites them. Those that exist:").String(a.lang))
	if count > maxListed {
		existing = append(existing, i18n.T("  ……还有 %d 个", "  …and %d more", count-maxListed).String(a.lang))
	}
	io.WriteString(a.stderr, strings.Join(existing, "\n")+"\n")
	return true
}

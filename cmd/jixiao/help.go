package main

import (
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// writeHelp writes cmd's help: what it does, its usage, its examples and its flags, in the
// run's language. `jixiao CMD --help`, `jixiao CMD -h` and `jixiao help CMD` print it to
// standard output; the README's command reference is this text in English.
func (a *app) writeHelp(w io.Writer, cmd *cobra.Command) {
	io.WriteString(w, a.helpText(cmd))
}

func (a *app) helpText(cmd *cobra.Command) string {
	var b strings.Builder
	b.WriteString(cmd.CommandPath() + " — " + cmd.Short + "\n\n")
	b.WriteString(a.t("用法：", "Usage:") + "\n")
	for _, line := range strings.Split(usageLine(cmd), "\n") {
		b.WriteString("  " + line + "\n")
	}
	if cmd.Long != "" {
		b.WriteString("\n" + strings.TrimRight(cmd.Long, "\n") + "\n")
	}
	if !cmd.HasParent() {
		for _, g := range cmd.Groups() {
			var rows [][2]string
			for _, c := range a.ordered(cmd) {
				if c.GroupID == g.ID && (c.IsAvailableCommand() || c.Name() == "help") {
					rows = append(rows, [2]string{c.Name(), c.Short})
				}
			}
			if len(rows) > 0 {
				b.WriteString("\n" + g.Title + "\n")
				writeColumns(&b, rows)
			}
		}
	}
	if cmd.Example != "" {
		b.WriteString("\n" + a.t("示例：", "Examples:") + "\n" + strings.TrimRight(cmd.Example, "\n") + "\n")
	}
	local, common := cmd.LocalNonPersistentFlags(), cmd.InheritedFlags()
	if !cmd.HasParent() {
		common = cmd.PersistentFlags()
	}
	if rows := flagRows(local); len(rows) > 0 {
		b.WriteString("\n" + a.t("选项：", "Flags:") + "\n")
		writeColumns(&b, rows)
	}
	if rows := flagRows(common); len(rows) > 0 {
		b.WriteString("\n" + a.t("通用选项：", "Global flags:") + "\n")
		writeColumns(&b, rows)
	}
	if !cmd.HasParent() {
		b.WriteString("\n" + a.t("用 \"jixiao help 命令\" 或 \"jixiao 命令 --help\" 查看一个命令的用法。",
			"Run \"jixiao help COMMAND\" or \"jixiao COMMAND --help\" for a command's usage.") + "\n")
	}
	return b.String()
}

// usageLine is the command's path and the rest of its Use, which says its arguments; a
// command may give several forms, one a line.
func usageLine(cmd *cobra.Command) string {
	var lines []string
	for _, use := range strings.Split(cmd.Use, "\n") {
		_, rest, _ := strings.Cut(use, " ")
		line := cmd.CommandPath()
		if !cmd.HasParent() {
			line = use
		} else if rest != "" {
			line += " " + rest
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// valueAnnotation holds the name of a flag's value, for help: "--format FORMAT".
const valueAnnotation = "jixiao_value_name"

// nameValues takes the word in backquotes out of each flag's usage (pflag's convention for
// naming the value) into an annotation, so that help shows the name and completion shows
// the usage without backquotes. An ASCII name is written in upper case.
func nameValues(c *cobra.Command) {
	for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.PersistentFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			i := strings.IndexByte(f.Usage, '`')
			if i < 0 {
				return
			}
			j := strings.IndexByte(f.Usage[i+1:], '`')
			if j < 0 {
				return
			}
			name := f.Usage[i+1 : i+1+j]
			f.Usage = f.Usage[:i] + name + f.Usage[i+2+j:]
			if isASCII(name) {
				name = strings.ToUpper(name)
			}
			if f.Annotations == nil {
				f.Annotations = map[string][]string{}
			}
			f.Annotations[valueAnnotation] = []string{name}
		})
	}
	for _, sub := range c.Commands() {
		nameValues(sub)
	}
}

// flagRows lists the visible flags of fs in their order: "-f, --format FORMAT" and the
// usage. An unnamed number is N or X.
func flagRows(fs *pflag.FlagSet) [][2]string {
	var rows [][2]string
	fs.SortFlags = false
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := ""
		if v := f.Annotations[valueAnnotation]; len(v) > 0 {
			name = v[0]
		}
		switch t := f.Value.Type(); {
		case t == "bool":
			name = ""
		case name != "":
		case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
			name = "N"
		case strings.HasPrefix(t, "float"):
			name = "X"
		default:
			name = "TEXT"
		}
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		if name != "" {
			left += " " + name
		}
		rows = append(rows, [2]string{left, f.Usage})
	})
	return rows
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// writeColumns writes rows of two columns, the first padded to the widest (counting CJK
// characters as two cells), at most 32 cells: a longer one puts its text on the next line.
func writeColumns(b *strings.Builder, rows [][2]string) {
	width := 0
	for _, r := range rows {
		if w := runewidth.StringWidth(r[0]); w <= 32 {
			width = max(width, w)
		}
	}
	for _, r := range rows {
		w := runewidth.StringWidth(r[0])
		b.WriteString("  " + r[0])
		if w > width {
			b.WriteString("\n  " + strings.Repeat(" ", width))
		} else {
			b.WriteString(strings.Repeat(" ", width-w))
		}
		b.WriteString("   " + r[1] + "\n")
	}
}

// helpCommand is `jixiao help [COMMAND]`: the same text as COMMAND --help.
func (a *app) helpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help " + a.t("[命令]", "[COMMAND]"),
		Short: a.t("显示一个命令的帮助", "show a command's help"),
		Args:  cobra.ArbitraryArgs,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, c := range root.Commands() {
				if c.IsAvailableCommand() && strings.HasPrefix(c.Name(), toComplete) {
					names = append(names, cobra.CompletionWithDesc(c.Name(), c.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			target, _, err := root.Find(args)
			if err != nil || target == nil {
				return errors.New(a.t("找不到这个命令", "no such command"))
			}
			if target == root && len(args) > 0 {
				return a.unknownCommand(root, args[0])
			}
			a.writeHelp(a.stdout, target)
			a.code = exitOK
			return nil
		},
	}
}

// ordered are root's commands in the order commands() gives them, help last (cobra keeps
// them sorted by name).
func (a *app) ordered(root *cobra.Command) []*cobra.Command {
	rank := map[string]int{}
	for i, c := range a.commands() {
		rank[c.Name()] = i + 1
	}
	cmds := append([]*cobra.Command(nil), root.Commands()...)
	slices.SortStableFunc(cmds, func(x, y *cobra.Command) int {
		rx, ry := rank[x.Name()], rank[y.Name()]
		if rx == 0 {
			rx = len(rank) + 1
		}
		if ry == 0 {
			ry = len(rank) + 1
		}
		return rx - ry
	})
	return cmds
}

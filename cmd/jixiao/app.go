package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"jixiao/internal/i18n"
	"jixiao/internal/near"
)

// app is what one run of the command line shares: its streams, environment, language and
// colour, and the exit status of the command that ran. A new one is made for every run, and
// the commands are built against it: nothing is global.
type app struct {
	ctx      context.Context
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	getenv   func(string) string
	terminal func(io.Writer) bool

	lang  i18n.Lang
	color string // --color: auto, always or never
	code  int    // the exit status the command set
}

// t renders a text in the run's language.
func (a *app) t(zh, en string, args ...any) string { return i18n.T(zh, en, args...).String(a.lang) }

// execute runs the command line: the language first (help and errors are in it), then the
// command tree built for this run.
func (a *app) execute(args []string) int {
	lang, err := chooseLang(args, a.getenv)
	a.lang = lang
	if err != nil {
		fmt.Fprintln(a.stderr, "jixiao: "+err.Error())
		return exitInput
	}
	root := a.root()
	args = longDashes(root, args)
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SilenceErrors = true
	root.SilenceUsage = true
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return a.flagError(root, cmd, args, err) })
	_, err = root.ExecuteContextC(a.ctx)
	if err != nil {
		var u *usageError
		if !errors.As(err, &u) {
			u = &usageError{cmd: root, msg: err.Error()}
		}
		a.printUsageError(u)
		return exitInput
	}
	return a.code
}

// runs adapts a command's body, which returns the exit status, to cobra.
func (a *app) runs(body func(cmd *cobra.Command, args []string) int) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		a.code = body(cmd, args)
		return nil
	}
}

// usageError is a mistake in the command line: one line saying what is wrong, and a second
// saying where to look (by default the command's --help).
type usageError struct {
	cmd  *cobra.Command
	msg  string
	hint string
}

func (u *usageError) Error() string { return u.msg }

func (a *app) printUsageError(u *usageError) {
	w := a.paintErr()
	fmt.Fprintf(w, "%s: %s\n", u.cmd.CommandPath(), u.msg)
	hint := u.hint
	if hint == "" {
		hint = a.t("用法见 %s --help", "see %s --help", u.cmd.CommandPath())
	}
	fmt.Fprintln(w, hint)
}

// usage prints a usage error of cmd and returns the exit status for it.
func (a *app) usage(cmd *cobra.Command, msg string) int {
	a.printUsageError(&usageError{cmd: cmd, msg: msg})
	return exitInput
}

// chooseLang is the language of the run: --lang, else JIXIAO_LANG, else the locale
// (LC_ALL, LC_MESSAGES, LANG, the first set), else Chinese. A locale that is neither
// Chinese nor English gives Chinese; a --lang or JIXIAO_LANG that names neither is an error.
func chooseLang(args []string, getenv func(string) string) (i18n.Lang, error) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			break
		}
		value, given := "", false
		switch {
		case arg == "--lang" || arg == "-lang":
			if i+1 < len(args) {
				value, given = args[i+1], true
			}
		case strings.HasPrefix(arg, "--lang="), strings.HasPrefix(arg, "-lang="):
			value, given = arg[strings.IndexByte(arg, '=')+1:], true
		}
		if given {
			return parseLang("--lang", value)
		}
	}
	if v := getenv("JIXIAO_LANG"); v != "" {
		return parseLang("JIXIAO_LANG", v)
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if l, err := i18n.ParseLang(localeLang(v)); err == nil {
				return l, nil
			}
			return i18n.Zh, nil
		}
	}
	return i18n.Zh, nil
}

// localeLang is the language of a locale name: "en" of "en_US.UTF-8".
func localeLang(locale string) string {
	if i := strings.IndexAny(locale, "_.@-"); i >= 0 {
		locale = locale[:i]
	}
	return locale
}

func parseLang(source, value string) (i18n.Lang, error) {
	l, err := i18n.ParseLang(value)
	if err != nil {
		// In both languages: the language is what could not be decided.
		return i18n.Zh, fmt.Errorf("%s %q：未知的语言，请用 zh 或 en (unknown language: use zh or en)", source, value)
	}
	return l, nil
}

// longDashes turns a Go-style long flag with one dash (-format, -seed) into its two-dash
// form, as jixiao's flags were once written; a one-letter flag (-o, -q) is left alone, and
// so is everything after "--".
func longDashes(root *cobra.Command, args []string) []string {
	long := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) { long[f.Name] = true })
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	out := make([]string, len(args))
	copy(out, args)
	for i, arg := range out {
		if arg == "--" {
			break
		}
		if len(arg) > 2 && arg[0] == '-' && arg[1] != '-' {
			name, _, _ := strings.Cut(arg[1:], "=")
			if len(name) > 1 && long[name] {
				out[i] = "-" + arg
			}
		}
	}
	return out
}

// flagError turns pflag's errors into one line in the run's language, with the nearest
// flag when one was mistyped. On the root, a word that is no command is reported as such
// before its flags.
func (a *app) flagError(root, cmd *cobra.Command, args []string, err error) error {
	if cmd == root {
		if word := firstWord(root, args); word != "" {
			return a.unknownCommand(root, word)
		}
	}
	var notExist *pflag.NotExistError
	var needsValue *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			letter := notExist.GetSpecifiedName()[:1]
			if len(short) == 1 {
				return &usageError{cmd: cmd, msg: a.t("未知的选项 -%s", "unknown flag -%s", letter)}
			}
			return &usageError{cmd: cmd, msg: a.t("未知的选项 -%s（在 -%s 中）", "unknown flag -%s in -%s", letter, short)}
		}
		name := notExist.GetSpecifiedName()
		msg := a.t("未知的选项 --%s", "unknown flag --%s", name)
		var names []string
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
		if s := near.Closest(name, names); s != "" {
			msg += a.t("；是不是 --%s？", "; did you mean --%s?", s)
		}
		return &usageError{cmd: cmd, msg: msg}
	case errors.As(err, &needsValue):
		return &usageError{cmd: cmd, msg: a.t("选项 %s 需要一个值", "flag %s needs a value", flagName(needsValue.GetFlag()))}
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		want := a.t("一个值", "a value")
		switch f.Value.Type() {
		case "float64":
			want = a.t("一个数", "a number")
		case "int", "int64":
			want = a.t("一个整数", "a whole number")
		case "uint", "uint64":
			want = a.t("一个非负整数", "a whole number, 0 or more")
		case "bool":
			want = "true " + a.t("或", "or") + " false"
		}
		return &usageError{cmd: cmd, msg: a.t("选项 %s 的值应为%s，而不是 %q", "flag %s wants %s, not %q", flagName(f), want, invalid.GetValue())}
	case errors.As(err, &syntax):
		return &usageError{cmd: cmd, msg: a.t("写法不对的选项 %s", "malformed flag %s", syntax.GetSpecifiedFlag())}
	}
	return &usageError{cmd: cmd, msg: err.Error()}
}

func flagName(f *pflag.Flag) string {
	if f.Shorthand != "" {
		return "-" + f.Shorthand + "/--" + f.Name
	}
	return "--" + f.Name
}

// firstWord is the first argument that is neither a flag nor a flag's value and names no
// command: the word a mistyped command leaves.
func firstWord(root *cobra.Command, args []string) string {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			return ""
		}
		if strings.HasPrefix(arg, "-") && arg != "-" {
			name := strings.TrimLeft(arg, "-")
			if f := root.PersistentFlags().Lookup(name); f != nil && f.NoOptDefVal == "" && !strings.Contains(arg, "=") {
				i++ // its value
			}
			continue
		}
		if c, _, err := root.Find([]string{arg}); err == nil && c != root {
			return ""
		}
		return arg
	}
	return ""
}

// unknownCommand is the error for a word that names no command, with the nearest one.
func (a *app) unknownCommand(root *cobra.Command, word string) error {
	msg := a.t("未知的命令 %q", "unknown command %q", word)
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
		}
	}
	suggestion := near.Closest(word, names)
	for _, c := range root.Commands() {
		if suggestion == "" && slices.Contains(c.SuggestFor, word) { // the words other tools use
			suggestion = c.Name()
		}
	}
	if suggestion != "" {
		msg += a.t("；是不是 %s？", "; did you mean %s?", suggestion)
	}
	return &usageError{cmd: root, msg: msg, hint: a.t("jixiao --help 列出全部命令", "jixiao --help lists the commands")}
}

// choiceError checks a value against its choices: nil if it is one, else msg (which says
// what is wrong) with the nearest choice.
func (a *app) choiceError(cmd *cobra.Command, value string, choices []string, msg string) *usageError {
	for _, c := range choices {
		if value == c {
			return nil
		}
	}
	if s := near.Closest(value, choices); s != "" {
		msg += a.t("；是不是 %s？", "; did you mean %s?", s)
	}
	return &usageError{cmd: cmd, msg: msg}
}

// list joins choices as a sentence lists them: "a、b 或 c", "a, b or c".
func (a *app) list(choices []string) string {
	if len(choices) < 2 {
		return strings.Join(choices, "")
	}
	return strings.Join(choices[:len(choices)-1], a.t("、", ", ")) + a.t(" 或 ", " or ") + choices[len(choices)-1]
}

// stdoutLine and errLine write a line to standard output or standard error.
func (a *app) stdoutLine(s string) { io.WriteString(a.stdout, s+"\n") }
func (a *app) errLine(s string)    { io.WriteString(a.paintErr(), s+"\n") }

// noArgs is the Args of a command that takes no arguments.
func (a *app) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return &usageError{cmd: cmd, msg: a.t("不接受参数，而这里有 %q", "takes no arguments, and was given %q", args[0])}
	}
	return nil
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules/prose"
)

// tiersCommand reads one criterion's prose and prints the tiers it reads, as TOML to paste
// into an indicator, or with --explain how each part of the text was read.
func (a *app) tiersCommand() *cobra.Command {
	var (
		weight             float64
		unit, name, direct string
		targetText         string
		text, explain      bool
	)
	cmd := &cobra.Command{
		Use:     "tiers " + a.t("[选项] \"评分标准\"", "[flags] \"TEXT\""),
		Short:   a.t("把评分标准的文字读成分档（TOML）", "read a criterion's prose into tiers, as TOML"),
		GroupID: groupReview,
		Long: a.t(`像细心的复核人一样读一条评分标准的文字，把分档打印成 TOML，可粘贴到指标里（"-" 从标准输入
读文字）。选项告诉读者指标的情况：分值、指标值和单位、名称（名称中的数字不是阈值）、指标值没有
≥ 或 ≤ 时哪个方向更好，以及实际值是否为文字（定性）。读不懂的部分连同位置和原因一并列出，
退出状态为 1；绝不猜测。`,
			`Reads one criterion's prose the way a careful reviewer does and prints the tiers as TOML to
paste into an indicator ("-" reads the text from standard input). The flags say what the
reader needs to know of the indicator: its weight, target and unit, its name (digits in it
are no thresholds), which way is better when the target carries no ≥ or ≤, and whether the
actual value is text (定性). Whatever cannot be read is named with its exact span and the
reason, and the command exits 1; nothing is guessed.`),
		Example: `  jixiao tiers --weight 20 --target 100 --unit % "1年内完成100%，得20分；未全部完成，按完成情况得15~18分；未开展，不得分。"
  jixiao tiers --explain --weight 6 --target 100 --unit % "执行率达到100%的得满分；执行率每低于5%扣1.5分，扣完为止。"
  pbpaste | jixiao tiers --weight 10 -`,
		RunE: a.runs(func(cmd *cobra.Command, words []string) int {
			lang := a.lang
			dir, ok := map[string]prose.Direction{"": prose.Unknown, "higher": prose.Higher, "lower": prose.Lower, "equal": prose.Equal}[direct]
			if !ok {
				a.printUsageError(a.choiceError(cmd, direct, directions, a.t("--direction 应为 higher、lower 或 equal，而不是 %q", "--direction must be higher, lower or equal, not %q", direct)))
				return exitInput
			}
			criterion := strings.Join(words, " ")
			if criterion == "-" {
				data, err := io.ReadAll(io.LimitReader(a.stdin, 1<<20))
				if err != nil {
					a.errLine("jixiao tiers: " + a.t("读取标准输入时出错：%s", "error reading standard input: %s", i18n.OSError(err)))
					return exitInput
				}
				criterion = strings.TrimSpace(string(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
			}
			if criterion == "" {
				return a.usage(cmd, a.t("请给出评分标准的文字，如 jixiao tiers \"≥95%得10分，<95%不得分\"",
					"give the criterion's text, e.g. jixiao tiers \"≥95%得10分，<95%不得分\""))
			}
			ctx := prose.Context{Name: name, Unit: unit, Target: math.NaN(), Direction: dir, Weight: weight, Text: text}
			if targetText != "" {
				// A number, or a deadline ("6月30日前"), against which 按时完成 reads the date.
				t := indicators.ParseValue(targetText)
				switch {
				case t.IsNum:
					ctx.Target = t.Num
				case t.IsDate && t.Op != indicators.OpGE && t.Op != indicators.OpGT:
					ctx.Deadline, ctx.Text = true, false
				default:
					return a.usage(cmd, a.t("--target 应为一个数或一个期限（如 6月30日前），而不是 %q",
						"--target must be a number or a deadline (e.g. 6月30日前), not %q", targetText))
				}
			}
			return a.printTiers(criterion, ctx, explain, lang)
		}),
	}
	fs := cmd.Flags()
	fs.Float64Var(&weight, "weight", 0, a.t("指标的`分值`，用于“得满分”和按分值比例的得分", "the indicator's weight (分值) in `points`, for 得满分 and shares of the weight"))
	fs.StringVar(&targetText, "target", "", a.t("指标的`指标值`，用于“未达到”和“按比例”；期限（如 6月30日前）用于“按时完成”", "the indicator's `target` (指标值), for 未达到 and 按比例; a deadline (6月30日前) for 按时完成"))
	fs.StringVar(&unit, "unit", "", a.t("指标的`单位`；% 表示文字中的百分数就是实际值本身", "the indicator's `unit`; % means percentages in the text are the actual value itself"))
	fs.StringVar(&name, "name", "", a.t("指标的`名称`（三级指标）：其中的数字不是阈值", "the indicator's `name` (三级指标): digits in it are no thresholds"))
	fs.StringVar(&direct, "direction", "", a.t("指标值没有 ≥ 或 ≤ 时哪个`方向`更好：higher、lower 或 equal", "the `direction` that is better when the target has no ≥ or ≤: higher, lower or equal"))
	fs.BoolVar(&text, "text", false, a.t("实际值是文字（定性）：“达成”等标签成为条件", "the actual value is text (定性): labels such as 达成 become conditions"))
	fs.BoolVar(&explain, "explain", false, a.t("显示每一部分是怎样读的：分档、位置、规则、约定、未读懂的部分", "show how each part was read: tiers, spans, rules, conventions, what was left"))
	cmd.RegisterFlagCompletionFunc("direction", cobra.FixedCompletions(directions, cobra.ShellCompDirectiveNoFileComp))
	for _, f := range []string{"weight", "target", "unit", "name"} {
		cmd.RegisterFlagCompletionFunc(f, cobra.NoFileCompletions)
	}
	return cmd
}

// directions are the values of tiers --direction.
var directions = []string{"higher", "lower", "equal"}

// printTiers reads the criterion and prints its tiers (or, explained, how it was read); 1
// if part of it could not be read.
func (a *app) printTiers(criterion string, ctx prose.Context, explain bool, lang i18n.Lang) int {
	stdout, stderr := a.stdout, a.paintErr()
	r := prose.Read(criterion, ctx)

	var b strings.Builder
	if explain {
		explainReading(&b, criterion, r, lang)
	} else {
		fmt.Fprintf(&b, "criterion = %s\n", tomlString(criterion))
		if len(r.Tiers) > 0 {
			b.WriteString("tiers = [\n")
			for _, t := range r.Tiers {
				entry := "{ when = " + tomlString(t.When)
				if t.Min != nil {
					entry += fmt.Sprintf(", min = %s, max = %s }", num.Short(*t.Min, 6), num.Short(*t.Max, 6))
				} else {
					entry += ", score = " + tomlString(t.Score) + " }"
				}
				fmt.Fprintf(&b, "  %s,  # %s\n", entry, oneLine(t.Source))
			}
			b.WriteString("]\n")
		}
		for _, u := range r.Unread {
			fmt.Fprintf(&b, "# %s「%s」（%s；%s）\n", i18n.Pick(lang, "未能读懂：", "not read: "), oneLine(u.Source),
				u.Reason.Text().String(lang), spanLabel(u.Span, lang))
		}
	}
	io.WriteString(stdout, b.String())
	if len(r.Unread) > 0 {
		fmt.Fprintf(stderr, "jixiao tiers: %s\n", i18n.T("有 %s", "%s", i18n.Count(len(r.Unread), "段未能读懂，见上；它们不会计分", "part could not be read (see above); it does not score", "parts could not be read (see above); they do not score")).String(lang))
		return exitFindings
	}
	return exitOK
}

// explainReading writes the tree of a reading: each tier with its span, the words of its
// condition and consequence and the rules that read them, the conventions that settled it
// and the expressions it became; then the filler set aside and what was left unread, why.
func explainReading(b *strings.Builder, text string, r prose.Reading, lang i18n.Lang) {
	runes := []rune(text)
	q := func(s string) string { return i18n.Pick(lang, "「"+oneLine(s)+"」", "“"+oneLine(s)+"”") }
	paren := func(s string) string { return i18n.Pick(lang, "（"+s+"）", " ("+s+")") }
	for i, t := range r.Tiers {
		fmt.Fprintf(b, "%s · %s %s\n", i18n.T("第 %d 档", "tier %d", i+1).String(lang), spanLabel(t.Span, lang), q(t.Source))
		cond := q(t.Cond)
		if t.Cond == "" {
			cond = i18n.Pick(lang, "（由得分一句推出）", "(implied by its consequence)")
		}
		then := q(t.Then)
		if t.Then == "" {
			then = i18n.Pick(lang, "（未写出：满分）", "(not written: full marks)")
		}
		fmt.Fprintf(b, "    %s %s  %s%s\n", i18n.Pick(lang, "条件", "condition"), cond, t.CondRule.Text().String(lang), paren(string(t.CondRule)))
		fmt.Fprintf(b, "    %s %s  %s%s\n", i18n.Pick(lang, "得分", "score"), then, t.ThenRule.Text().String(lang), paren(string(t.ThenRule)))
		for _, c := range t.Conventions {
			fmt.Fprintf(b, "    %s%s\n", i18n.Pick(lang, "约定：", "convention: "), c.Text().String(lang))
		}
		score := t.Score
		if t.Min != nil {
			score = i18n.T("由复核人在 %s–%s 分之间定分", "the reviewer's choice within %s–%s", num.Short(*t.Min, 6), num.Short(*t.Max, 6)).String(lang)
		}
		fmt.Fprintf(b, "    → when %s, %s %s\n", t.When, i18n.Pick(lang, "得分", "score"), score)
	}
	for _, p := range r.Parts {
		if p.Kind != prose.Filler || p.What == "separator" || p.What == "list label" {
			continue
		}
		fmt.Fprintf(b, "%s · %s %s%s\n", i18n.Pick(lang, "不计分的说明", "filler"), spanLabel(p.Span, lang),
			q(string(runes[p.Span.Start:p.Span.End])), paren(fillerText(p.What).String(lang)))
	}
	for _, u := range r.Unread {
		why := u.Reason.Text().String(lang)
		if !u.Detail.IsZero() {
			why += i18n.Pick(lang, "：", ": ") + u.Detail.String(lang)
		}
		fmt.Fprintf(b, "%s · %s %s\n    %s\n", i18n.Pick(lang, "未能读懂", "not read"), spanLabel(u.Span, lang), q(u.Source), why)
	}
}

// fillerText names a kind of filler.
func fillerText(what string) i18n.Text {
	switch what {
	case "checking note":
		return i18n.T("查核方法", what)
	case "what is judged":
		return i18n.T("评价内容", what)
	case "rule for indicators that do not apply":
		return i18n.T("不适用时的规定", what)
	case "stated standard":
		return i18n.T("所述标准", what)
	case "stated weight":
		return i18n.T("所述分值", what)
	case "definition":
		return i18n.T("定义", what)
	case "note":
		return i18n.T("注释", what)
	case "heading":
		return i18n.T("标题", what)
	case "preamble":
		return i18n.T("引言", what)
	}
	return i18n.T(what, what)
}

func spanLabel(s prose.Span, lang i18n.Lang) string {
	return i18n.T("第 %d–%d 个字", "characters %d–%d", s.Start+1, s.End).String(lang)
}

// oneLine shows a line break inside a quoted part as ⏎.
func oneLine(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r", ""), "\n", "⏎")
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

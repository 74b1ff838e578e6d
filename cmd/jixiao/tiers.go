package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules/prose"
)

// runTiers reads one criterion's prose and prints the tiers it reads, as TOML to paste into
// an indicator, or with --explain how each part of the text was read.
func runTiers(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tiers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	weight := fs.Float64("weight", 0, "the indicator's weight (分值), for 得满分 and shares of the weight")
	target := fs.Float64("target", math.NaN(), "the indicator's target (指标值), for 未达到 and 按比例")
	unit := fs.String("unit", "", "the indicator's unit; % means percentages in the text are the actual value itself")
	name := fs.String("name", "", "the indicator's name (三级指标): digits in it are no thresholds")
	direction := fs.String("direction", "", "higher, lower or equal: which way is better, when the text does not say")
	text := fs.Bool("text", false, "the actual value is text (定性): labels such as 达成 become conditions")
	explain := fs.Bool("explain", false, "show how each part of the text was read: the tiers, their spans and rules")
	langName := fs.String("lang", "zh", "language: zh or en")
	words, ok := parseInterleaved(fs, args)
	if !ok {
		return exitInput
	}
	lang, err := i18n.ParseLang(*langName)
	if err != nil {
		fmt.Fprintln(stderr, "jixiao tiers:", err)
		return exitInput
	}
	dir, ok := map[string]prose.Direction{"": prose.Unknown, "higher": prose.Higher, "lower": prose.Lower, "equal": prose.Equal}[*direction]
	if !ok {
		fmt.Fprintln(stderr, "jixiao tiers:", i18n.T("--direction 应为 higher、lower 或 equal，而不是 %q", "--direction must be higher, lower or equal, not %q", *direction).String(lang))
		return exitInput
	}
	criterion := strings.Join(words, " ")
	if criterion == "-" {
		data, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			fmt.Fprintln(stderr, "jixiao tiers:", err)
			return exitInput
		}
		criterion = strings.TrimSpace(string(data))
	}
	if criterion == "" {
		fmt.Fprintln(stderr, "jixiao tiers:", i18n.Pick(lang, "请给出评分标准的文字，如 jixiao tiers \"≥95%得10分，<95%不得分\"",
			"give the criterion's text, e.g. jixiao tiers \"≥95%得10分，<95%不得分\""))
		return exitInput
	}
	ctx := prose.Context{Name: *name, Unit: *unit, Target: *target, Direction: dir, Weight: *weight, Text: *text}
	r := prose.Read(criterion, ctx)

	var b strings.Builder
	if *explain {
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
		fmt.Fprintf(stderr, "jixiao tiers: %s\n", i18n.T("有 %d 段未能读懂，见上；它们不会计分", "%d parts could not be read (see above); they do not score", len(r.Unread)).String(lang))
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
		if u.Detail != "" {
			why += i18n.Pick(lang, "：", ": ") + u.Detail
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

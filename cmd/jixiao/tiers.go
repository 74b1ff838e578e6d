package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/prose"
)

// runTiers reads one criterion's prose and prints the tiers it reads, as TOML to paste into
// an indicator, or with --explain which span became which tier.
func runTiers(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tiers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	weight := fs.Float64("weight", 0, "the indicator's weight (分值), for 得满分 and shares of the weight")
	target := fs.Float64("target", math.NaN(), "the indicator's target (指标值), for 未达到 and 按比例")
	unit := fs.String("unit", "", "the indicator's unit; % means percentages in the text are the actual value itself")
	text := fs.Bool("text", false, "the actual value is text (定性): labels such as 达成 become conditions")
	explain := fs.Bool("explain", false, "show which span of the text became which tier")
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
	ctx := prose.Context{Weight: *weight, Target: *target, Unit: *unit, Text: *text}
	tiers, unparsed := rules.ReadCriterion(criterion, ctx)

	var b strings.Builder
	if *explain {
		for i, t := range tiers {
			fmt.Fprintf(&b, "%s %d  %s\n", i18n.Pick(lang, "第", "tier"), i+1, spanLabel(t.Span, lang))
			fmt.Fprintf(&b, "    「%s」\n    → when %s, %s\n", t.Source, t.When, scoreText(t, lang))
		}
		for _, u := range unparsed {
			fmt.Fprintf(&b, "%s  %s\n    「%s」\n", i18n.Pick(lang, "未能读懂", "not read"), spanLabel(u.Span, lang), u.Source)
		}
	} else {
		fmt.Fprintf(&b, "criterion = %s\n", tomlString(criterion))
		if len(tiers) > 0 {
			b.WriteString("tiers = [\n")
			for _, t := range tiers {
				entry := "{ when = " + tomlString(t.When)
				if t.Min != nil {
					entry += fmt.Sprintf(", min = %s, max = %s }", num.Short(*t.Min, 6), num.Short(*t.Max, 6))
				} else {
					entry += ", score = " + tomlString(t.Score) + " }"
				}
				fmt.Fprintf(&b, "  %s,  # %s\n", entry, t.Source)
			}
			b.WriteString("]\n")
		}
		for _, u := range unparsed {
			fmt.Fprintf(&b, "# %s「%s」（%s）\n", i18n.Pick(lang, "未能读懂：", "not read: "), u.Source, spanLabel(u.Span, lang))
		}
	}
	io.WriteString(stdout, b.String())
	if len(unparsed) > 0 {
		fmt.Fprintf(stderr, "jixiao tiers: %s\n", i18n.T("有 %d 段未能读懂，见上；它们不会计分", "%d parts could not be read (see above); they do not score", len(unparsed)).String(lang))
		return exitFindings
	}
	return exitOK
}

func spanLabel(s rules.Span, lang i18n.Lang) string {
	return i18n.T("第 %d–%d 个字", "characters %d–%d", s.Start+1, s.End).String(lang)
}

func scoreText(t rules.DerivedTier, lang i18n.Lang) string {
	if t.Min != nil {
		return i18n.T("由复核人在 %s–%s 分之间定分", "the reviewer's choice within %s–%s", num.Short(*t.Min, 6), num.Short(*t.Max, 6)).String(lang)
	}
	return i18n.T("得分 %s", "score %s", t.Score).String(lang)
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}

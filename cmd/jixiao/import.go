package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"jixiao/batch"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

// runImport reads 自评表 workbooks (or published reports) and writes each project as a TOML file in jixiao's format,
// criterion text and all, for the reviewer to fix and keep.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("o", ".", "the folder to write the TOML files to")
	langName := fs.String("lang", "zh", "language: zh or en")
	files, ok := parseInterleaved(fs, args)
	if !ok {
		return exitInput
	}
	lang, err := i18n.ParseLang(*langName)
	if err != nil {
		fmt.Fprintln(stderr, "jixiao import:", err)
		return exitInput
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "jixiao import:", i18n.Pick(lang, "请给出要导入的工作簿（.xlsx）或发布的报告", "name the workbooks (.xlsx) or published reports to import"))
		return exitInput
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(stderr, "jixiao import:", err)
		return exitInput
	}
	taken := map[string]bool{}
	code := exitOK
	for _, file := range files {
		projects, err := batch.Projects(file, indicators.Limits{})
		if err != nil {
			printErrors(stderr, err, lang)
			code = exitInput
			continue
		}
		for _, p := range projects {
			for _, w := range p.Warnings {
				fmt.Fprintln(stderr, i18n.Pick(lang, "注意：", "note: ")+w.Long(lang))
			}
			out := filepath.Join(*dir, fileName(p.Name, taken))
			origin := i18n.T("由 jixiao import 从 %s 读出；评分标准在计分时读成分档（jixiao tiers 可打印出来）",
				"read by jixiao import from %s; the criterion is read into tiers when scored (jixiao tiers prints them)", filepath.Base(file)).String(lang)
			err := writeOutput(ctx, out, stdout, func(w io.Writer) error { return indicators.WriteTOML(w, p, origin) })
			if code2, failed := outputFailed(ctx, err, stderr); failed {
				return code2
			}
			fmt.Fprintln(stdout, out)
		}
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

package main

import (
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// release is jixiao's version, semantic versioning: raised in the commit that makes a
// release (MAJOR for a change that breaks files, flags, output keys or check codes people
// rely on, MINOR for a new command, flag, check or key, PATCH for a fix), and tagged vX.Y.Z
// there. A plain `go build` from a checkout prints it, with the commit where the build
// records one.
const release = "0.9.0"

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   a.t("显示版本号和构建它的提交", "print the release number and the commit it was built from"),
		GroupID: groupOther,
		Long: a.t(`版本号遵循语义化版本（主版本.次版本.修订号）；从 git 检出构建时，还显示提交、提交时间，以及工作区有无未提交的改动（“已修改”）。`,
			`The release number follows semantic versioning (MAJOR.MINOR.PATCH); a build from a git
checkout adds the commit, its time, and whether the work tree had changes ("modified").`),
		Example: "  jixiao version\n  jixiao --version",
		Args:    a.noArgs,
		RunE: a.runs(func(cmd *cobra.Command, args []string) int {
			a.stdoutLine(a.versionLine())
			return exitOK
		}),
	}
}

// versionLine is "jixiao 0.9.0 (commit 1a2b3c4d5e6f, 2026-01-02T03:04:05Z, modified)".
func (a *app) versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return "jixiao " + release + a.buildNote(info)
}

// buildNote is what the build recorded of its commit (go build from a git checkout, unless
// -buildvcs=false), in parentheses; "" when it recorded nothing.
func (a *app) buildNote(info *debug.BuildInfo) string {
	if info == nil {
		return ""
	}
	var commit, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if commit == "" {
		return ""
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	parts := []string{a.t("提交 ", "commit ") + commit}
	if when != "" {
		parts = append(parts, when)
	}
	if modified {
		parts = append(parts, a.t("已修改", "modified"))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"jixiao/internal/i18n"
)

// progress shows a bar on stderr for long runs, when stderr is a terminal and not --quiet.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(stderr io.Writer, total int, quiet bool, lang i18n.Lang) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) || total >= 0 && total < 50 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("jixiao"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString(i18n.Pick(lang, "项目", "projects")), progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish())}
}

func (p *progress) Add(n int) {
	if p.bar != nil {
		p.bar.Add(n)
	}
}

func (p *progress) Clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

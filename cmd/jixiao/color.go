package main

import (
	"bytes"
	"io"
	"regexp"
)

// colorModes are the values of --color.
var colorModes = []string{"auto", "always", "never"}

// colorOn reports whether to colour what goes to w: --color=always, or auto (the default)
// on a terminal unless NO_COLOR is set (https://no-color.org) or TERM is dumb.
func (a *app) colorOn(w io.Writer) bool {
	switch a.color {
	case "always":
		return true
	case "never":
		return false
	}
	return a.getenv("NO_COLOR") == "" && a.getenv("TERM") != "dumb" && a.terminal(w)
}

// paintErr is standard error, coloured when colour is on there.
func (a *app) paintErr() io.Writer {
	if a.colorOn(a.stderr) {
		return newPainter(a.stderr, errRules, true)
	}
	return a.stderr
}

// ANSI styles.
const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	bold   = "\x1b[1m"
	reset  = "\x1b[0m"
)

// A rule colours the submatches of a pattern in a line: style[i] for submatch i+1 ("" for
// none).
type rule struct {
	re    *regexp.Regexp
	style []string
}

// Colour is laid over the finished text, line by line, after the report has laid out its
// columns: widths count only what is visible, and the report itself stays plain text.
var (
	// The findings of check and lint ("  file:3:1: 错误 [code] …"): the severity and code.
	outRules = []rule{
		{regexp.MustCompile(`^(  \S.*?: )(错误|error)( \[[a-z0-9-]+\])`), []string{"", bold + red, red}},
		{regexp.MustCompile(`^(  \S.*?: )(警告|warning)( \[[a-z0-9-]+\])`), []string{"", bold + yellow, yellow}},
		{regexp.MustCompile(`^(  \S.*?: )(提示|info)( \[[a-z0-9-]+\])`), []string{"", cyan, cyan}},
		// A disputed figure in the table, marked *.
		{regexp.MustCompile(`(\s)(\*-?[0-9][0-9.]*)`), []string{"", bold + red}},
		// The verdict.
		{regexp.MustCompile(`^(结论：|Verdict: )(.*)$`), []string{bold, bold}},
	}
	// Standard error: the place of an error (or the command a usage error is about), and notes.
	errRules = []rule{
		{regexp.MustCompile(`^(注意：|note: )`), []string{bold + yellow}},
		{regexp.MustCompile(`^([^\s:：][^:：]*(?::[^\s:]+)*?)(: )`), []string{bold + red, ""}},
		{regexp.MustCompile(`^(\s+)(\^)$`), []string{"", bold}},
	}
)

// painter colours whole lines as they pass. A line split across writes is held until its
// end, unless direct: then each write is taken as whole lines (standard error's messages).
type painter struct {
	w       io.Writer
	rules   []rule
	direct  bool
	pending []byte
}

func newPainter(w io.Writer, rules []rule, direct bool) *painter {
	return &painter{w: w, rules: rules, direct: direct}
}

func (p *painter) Write(b []byte) (int, error) {
	p.pending = append(p.pending, b...)
	var out []byte
	for {
		i := bytes.IndexByte(p.pending, '\n')
		if i < 0 {
			break
		}
		out = append(paintLine(out, p.pending[:i], p.rules), '\n')
		p.pending = p.pending[i+1:]
	}
	if p.direct && len(p.pending) > 0 {
		out = paintLine(out, p.pending, p.rules)
		p.pending = p.pending[:0]
	}
	if len(p.pending) == 0 {
		p.pending = nil
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Flush writes a last line without its end.
func (p *painter) Flush() error {
	if len(p.pending) == 0 {
		return nil
	}
	_, err := p.w.Write(paintLine(nil, p.pending, p.rules))
	p.pending = nil
	return err
}

// paintLine appends line with the first rule that matches it applied (a table row may have
// several disputed figures: that rule applies to each).
func paintLine(out, line []byte, rules []rule) []byte {
	for _, r := range rules {
		all := r.re.FindAllSubmatchIndex(line, -1)
		if all == nil {
			continue
		}
		last := 0
		for _, m := range all {
			for g := 1; g*2 < len(m) && g <= len(r.style); g++ {
				start, end := m[2*g], m[2*g+1]
				if start < 0 {
					continue
				}
				out = append(out, line[last:start]...)
				if style := r.style[g-1]; style != "" && end > start {
					out = append(out, style...)
					out = append(out, line[start:end]...)
					out = append(out, reset...)
				} else {
					out = append(out, line[start:end]...)
				}
				last = end
			}
		}
		return append(out, line[last:]...)
	}
	return append(out, line...)
}

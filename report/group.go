package report

import (
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
)

// findingLine is what the text output writes as one line and the workbook as one row of its
// findings: one finding, or the info findings of one code about several indicators of a
// project, grouped ("no-criterion" on ten rows is one line naming the ten). JSON and SARIF
// keep one finding per indicator.
type findingLine struct {
	f       *engine.Finding // the finding, or the first of the group: its code, severity and place
	names   []string        // the indicators it is about; none for a project finding
	msg     string          // the message; for a group whose messages differ, each after its indicator
	hint    string
	grouped bool
	each    bool // the messages differ: msg names each indicator before its own
}

// subject is the indicators a line is about, as a reader writes them: "群众满意度",
// "待遇领取增长人数、群众满意度（2 个指标）", or only how many when the message names each.
func (l *findingLine) subject(lang i18n.Lang) string {
	count := count(len(l.names), "个指标", "indicator", "indicators").String(lang)
	switch {
	case l.each:
		return count
	case l.grouped:
		return strings.Join(l.names, i18n.Pick(lang, "、", ", ")) + i18n.Pick(lang, "（"+count+"）", " ("+count+")")
	}
	return strings.Join(l.names, i18n.Pick(lang, "、", ", "))
}

// findingLines renders r's findings in lang, grouping the info findings of each code about
// indicators into one line at the place of the first.
func findingLines(r *engine.Result, lang i18n.Lang) []findingLine {
	var lines []findingLine
	group := map[engine.Code]int{} // code → its line
	type part struct{ name, msg, hint string }
	parts := map[int][]part{} // line → the findings grouped in it
	for k := range r.Findings {
		f := &r.Findings[k]
		msg, hint := Message(r, f, lang)
		if f.Indicator < 0 || f.Severity != engine.Info {
			l := findingLine{f: f, msg: msg, hint: hint}
			if f.Indicator >= 0 {
				l.names = []string{r.Indicators[f.Indicator].Indicator.Name}
			}
			lines = append(lines, l)
			continue
		}
		name := r.Indicators[f.Indicator].Indicator.Name
		at, ok := group[f.Code]
		if !ok {
			at = len(lines)
			group[f.Code] = at
			lines = append(lines, findingLine{f: f})
		}
		lines[at].names = append(lines[at].names, name)
		parts[at] = append(parts[at], part{name, msg, hint})
	}
	sep := i18n.Pick(lang, "：", ": ")
	for at, ps := range parts {
		l := &lines[at]
		l.grouped = len(ps) > 1
		l.msg, l.hint = ps[0].msg, ps[0].hint
		if !l.grouped {
			continue
		}
		sameMsg, sameHint := true, true
		for _, p := range ps[1:] {
			sameMsg = sameMsg && p.msg == ps[0].msg
			sameHint = sameHint && p.hint == ps[0].hint
		}
		if !sameMsg { // the indicators of each message together: "A、B：msg1；C：msg2"
			var order []string
			names := map[string][]string{}
			for _, p := range ps {
				if _, seen := names[p.msg]; !seen {
					order = append(order, p.msg)
				}
				names[p.msg] = append(names[p.msg], p.name)
			}
			each := make([]string, len(order))
			for i, msg := range order {
				each[i] = strings.Join(names[msg], i18n.Pick(lang, "、", ", ")) + sep + msg
			}
			l.msg = strings.Join(each, i18n.Pick(lang, "；", "; "))
			l.each = true
		}
		if !sameHint {
			var each []string
			for _, p := range ps {
				if p.hint != "" {
					each = append(each, p.name+sep+p.hint)
				}
			}
			l.hint = strings.Join(each, i18n.Pick(lang, "；", "; "))
		}
	}
	return lines
}

// text writes the line as the text output lists it: "where: 提示 [code] A、B：message".
func (l *findingLine) text(r *engine.Result, lang i18n.Lang) string {
	where := Where(r.Pos(l.f), lang)
	if where == "" {
		where = r.Project.File
	}
	var b strings.Builder
	b.WriteString("  " + where + ": " + SeverityLabel(l.f.Severity, lang) + " [" + string(l.f.Code) + "] ")
	if len(l.names) > 0 {
		b.WriteString(l.subject(lang) + i18n.Pick(lang, "：", ": "))
	}
	b.WriteString(l.msg + "\n")
	if l.hint != "" {
		b.WriteString("      → " + l.hint + "\n")
	}
	return b.String()
}

package report

import (
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// Summary is the picture across a batch. Its size does not grow with the number of projects
// (but for one counter per distinct indicator name, grade and budget unit, and the names of
// at most MaxFailures inputs that could not be used).
type Summary struct {
	// Scored and Checked say what the command produced, and so what the summary shows:
	// grades and totals (score, check), findings (check, lint). NewSummary sets both.
	Scored, Checked bool

	Read     int // projects read and scored
	Failed   int // inputs that could not be used
	Findings int
	// Transitions counts projects by stated grade (canonical; "—" when none or unreadable)
	// and re-scored grade ("?" when the total is a range spanning grades).
	Transitions map[[2]string]int
	Changed     int // projects whose stated grade differs from the re-scored one
	BySeverity  [3]int
	ByCode      map[string]int
	// Mismatched counts, by indicator name, the reported scores that did not follow their
	// criterion (score-mismatch).
	Mismatched map[string]int
	// Units counts, by budget unit (agency; "—" when not given), its projects, their errors
	// and grade changes.
	Units  map[string]*Unit
	deltas deltaHeap // the largest |stated − re-scored| totals, at most MaxDeltas
	review reviewSummary
	failed []failedInput // the inputs that could not be used, at most MaxFailures
}

// failedInput is an input that could not be used as the summary keeps it: the failure with
// its first error alone, and how many it has.
type failedInput struct {
	Failure
	errors int
}

// FailedInput is an input that could not be used in the summary's JSON: its file, the line
// of a stream, and how many errors it has (the JSON document's errors list them).
type FailedInput struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Errors int    `json:"errors"`
}

// Unit is what a summary counts for one budget unit.
type Unit struct {
	Name     string `json:"unit"`
	Projects int    `json:"projects"`
	Errors   int    `json:"errors"`
	Changed  int    `json:"grade_changes"`
}

// MaxDeltas is how many of the largest total changes a summary keeps.
const MaxDeltas = 20

// Delta is one project's stated total against its re-scored one.
type Delta struct {
	Project  string  `json:"project"`
	File     string  `json:"file"`
	Stated   float64 `json:"stated"`
	Rescored float64 `json:"rescored"`
	Change   float64 `json:"change"` // re-scored − stated
}

// NewSummary returns an empty summary.
func NewSummary() *Summary {
	return &Summary{Scored: true, Checked: true, Transitions: map[[2]string]int{}, ByCode: map[string]int{}, Mismatched: map[string]int{},
		Units: map[string]*Unit{}}
}

// Fail counts an input that could not be used, without naming it (AddFailure names it).
func (s *Summary) Fail() { s.Failed++ }

// AddFailure counts an input that could not be used and keeps its name, its number of errors
// and the first of them (for the first MaxFailures).
func (s *Summary) AddFailure(f *Failure) {
	s.Failed++
	if len(s.failed) >= MaxFailures {
		return
	}
	in := failedInput{Failure: Failure{Input: f.Input, Line: f.Line}, errors: len(f.Errors)}
	if len(f.Errors) > 0 {
		in.Errors = f.Errors[:1:1]
	}
	s.failed = append(s.failed, in)
}

// Add counts one project's result: its grade and total where the command scored it, its
// findings where the command checked it.
func (s *Summary) Add(r *engine.Result) {
	s.Read++
	p := r.Project
	name := p.Agency
	if name == "" {
		name = "—"
	}
	u := s.Units[name]
	if u == nil {
		u = &Unit{Name: name}
		s.Units[name] = u
	}
	u.Projects++
	if s.Scored {
		s.addScores(r, u)
	}
	if s.Checked {
		s.addFindings(r, u)
	}
}

// addScores counts a project's grade against the stated one and its change of total.
func (s *Summary) addScores(r *engine.Result, u *Unit) {
	p := r.Project
	stated, ok := engine.CanonicalGrade(p.Scoring.Grades, p.Reported.Grade)
	if !ok {
		stated = "—"
	}
	rescored := r.Grade
	if !r.Exact && r.GradeMax != r.Grade {
		rescored = "?"
	}
	s.Transitions[[2]string{stated, rescored}]++
	// A range of grades that rules out the stated one is a change, though which grade it
	// becomes is not settled.
	if ok && (rescored != "?" && stated != rescored || rescored == "?" && !engine.GradePossible(p.Scoring.Grades, r.TotalMin, r.TotalMax, stated)) {
		s.Changed++
		u.Changed++
	}
	total := p.Reported.Score
	if total == nil {
		total = p.Reported.Total
	}
	if total != nil && r.Exact && r.Total != *total {
		change := r.Total - *total
		// A change smaller than every one kept is dropped before its file is written out.
		if s.deltas.Len() < MaxDeltas || math.Abs(change) >= math.Abs(s.deltas[0].Change) {
			heap.Push(&s.deltas, Delta{Project: p.Name, File: p.Pos("").String(), Stated: *total, Rescored: r.Total, Change: change})
			if s.deltas.Len() > MaxDeltas {
				heap.Pop(&s.deltas)
			}
		}
	}
	s.addReview(r)
}

// addFindings counts a project's findings by severity, code and unit, and the indicators whose
// reported score did not follow the criterion.
func (s *Summary) addFindings(r *engine.Result, u *Unit) {
	for k := range r.Findings {
		f := &r.Findings[k]
		s.Findings++
		s.BySeverity[f.Severity]++
		if f.Severity == engine.Error {
			u.Errors++
		}
		s.ByCode[string(f.Code)]++
		if f.Code == engine.ScoreMismatch && f.Indicator >= 0 {
			s.Mismatched[r.Indicators[f.Indicator].Indicator.Name]++
		}
	}
}

// Deltas returns the largest changes of total, largest first (ties by project name).
func (s *Summary) Deltas() []Delta {
	out := append([]Delta(nil), s.deltas...)
	sort.Slice(out, func(i, j int) bool {
		a, b := math.Abs(out[i].Change), math.Abs(out[j].Change)
		if a != b {
			return a > b
		}
		if out[i].Project != out[j].Project {
			return out[i].Project < out[j].Project
		}
		return out[i].File < out[j].File
	})
	return out
}

// WorstUnits returns the n units with the most errors (then the most grade changes, then
// by name); units without either are left out.
func (s *Summary) WorstUnits(n int) []Unit {
	var out []Unit
	for _, u := range s.Units {
		if u.Errors > 0 || u.Changed > 0 {
			out = append(out, *u)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Errors != b.Errors {
			return a.Errors > b.Errors
		}
		if a.Changed != b.Changed {
			return a.Changed > b.Changed
		}
		return a.Name < b.Name
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Count is a name and how often it came up.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Top returns the n largest counts of m, largest first, ties by name.
func Top(m map[string]int, n int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// deltaHeap keeps the largest |Change| at the bottom: a min-heap by |Change| (ties: the
// later name is smaller, so the order kept is deterministic).
type deltaHeap []Delta

func (h deltaHeap) Len() int { return len(h) }
func (h deltaHeap) Less(i, j int) bool {
	a, b := math.Abs(h[i].Change), math.Abs(h[j].Change)
	if a != b {
		return a < b
	}
	if h[i].Project != h[j].Project {
		return h[i].Project > h[j].Project
	}
	return h[i].File > h[j].File
}
func (h deltaHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *deltaHeap) Push(x any)   { *h = append(*h, x.(Delta)) }
func (h *deltaHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// SummaryJSON is the summary's machine-readable form (documented in the README). What the
// command did not produce is left out: grades and the changes of total under lint, findings
// and the indicators mis-scored under score.
type SummaryJSON struct {
	Read         int           `json:"read"`
	Failed       int           `json:"failed"`
	FailedInputs []FailedInput `json:"failed_inputs,omitempty"` // the first MaxFailures
	Grades       *gradesJSON   `json:"grades,omitempty"`
	Findings     *findingsJSON `json:"findings,omitempty"`
	Changes      []Delta       `json:"largest_changes,omitzero"`
	Mismatched   []Count       `json:"most_mismatched_indicators,omitzero"`
	Units        []Unit        `json:"worst_units"`

	Review *reviewSummaryJSON `json:"review,omitempty"` // when some project carries a reviewer's 复核
}

type gradesJSON struct {
	Changed     int              `json:"changed"`
	Transitions []transitionJSON `json:"transitions"`
}

type transitionJSON struct {
	Stated   string `json:"stated"`
	Rescored string `json:"rescored"`
	Count    int    `json:"count"`
}

type findingsJSON struct {
	Total      int            `json:"total"`
	BySeverity map[string]int `json:"by_severity"`
	ByCode     []Count        `json:"by_code"`
}

// transitions lists the grade changes counted in m (from, to → projects), ordered by the
// grade before, then the grade after, best first.
func transitions[T any](m map[[2]string]int, mk func(from, to string, n int) T) []T {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		for k := range a {
			if ra, rb := gradeRank(a[k]), gradeRank(b[k]); ra != rb {
				return ra < rb
			}
			if a[k] != b[k] { // grades outside the bands, in a fixed order
				return a[k] < b[k]
			}
		}
		return false
	})
	out := make([]T, len(keys))
	for i, k := range keys {
		out[i] = mk(k[0], k[1], m[k])
	}
	return out
}

// NewSummaryJSON converts a summary to its JSON form.
func NewSummaryJSON(s *Summary) SummaryJSON {
	out := SummaryJSON{Read: s.Read, Failed: s.Failed, Units: s.WorstUnits(20), Review: newReviewSummaryJSON(s)}
	for i := range s.failed {
		f := &s.failed[i]
		out.FailedInputs = append(out.FailedInputs, FailedInput{File: f.Input, Line: f.Line, Errors: f.errors})
	}
	if out.Units == nil {
		out.Units = []Unit{}
	}
	if s.Scored {
		out.Grades = &gradesJSON{Changed: s.Changed,
			Transitions: transitions(s.Transitions, func(from, to string, n int) transitionJSON { return transitionJSON{from, to, n} })}
		out.Changes = s.Deltas()
		if out.Changes == nil {
			out.Changes = []Delta{}
		}
		for i := range out.Changes {
			c := &out.Changes[i]
			c.Change = num.Round(c.Change, 2)
		}
	}
	if s.Checked {
		out.Findings = &findingsJSON{Total: s.Findings, ByCode: Top(s.ByCode, 0),
			BySeverity: map[string]int{"error": s.BySeverity[0], "warning": s.BySeverity[1], "info": s.BySeverity[2]}}
	}
	if s.Checked && s.Scored {
		out.Mismatched = Top(s.Mismatched, 20) // score-mismatch: a check of scores
	}
	return out
}

// gradeRank orders grades as reviewers list them: 优 良 中 差, then others, then — and ?.
func gradeRank(g string) int {
	switch g {
	case "优", "优秀":
		return 0
	case "良", "良好":
		return 1
	case "中", "中等", "合格":
		return 2
	case "差", "较差", "不合格":
		return 3
	case "—":
		return 5
	case "?":
		return 6
	}
	return 4
}

// SummaryText writes the summary for a person: counts, the inputs that could not be used,
// the grade transition table, the largest changes of total (score, check), findings by code,
// the indicators most often mis-scored (check, lint) and the units with the most errors.
func SummaryText(w io.Writer, s *Summary, lang i18n.Lang) error {
	j := NewSummaryJSON(s)
	L := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	var b strings.Builder
	b.WriteString(i18n.T("汇总：读入 %s，%s无法使用\n", "Summary: %s read, %s unusable\n",
		count(s.Read, "个项目", "project", "projects"), count(s.Failed, "个输入", "input", "inputs")).String(lang))
	writeFailedInputs(&b, s, lang)

	// The grade transition table: stated grades down, computed across.
	var stated, rescored []string
	seenS, seenR := map[string]bool{}, map[string]bool{}
	var grades []transitionJSON
	if j.Grades != nil {
		grades = j.Grades.Transitions
	}
	for _, t := range grades {
		if !seenS[t.Stated] {
			seenS[t.Stated] = true
			stated = append(stated, t.Stated)
		}
		if !seenR[t.Rescored] {
			seenR[t.Rescored] = true
			rescored = append(rescored, t.Rescored)
		}
	}
	sort.Slice(rescored, func(a, c int) bool { return gradeRank(rescored[a]) < gradeRank(rescored[c]) })
	if len(stated) > 0 {
		b.WriteString("\n" + L("等次（行：自评，列：计算；— 为未写或无法识别，? 为计算总分是跨等次的区间）", "Grades (rows: stated, columns: computed; — none or unreadable, ? a computed range spanning grades)") + "\n")
		aligns := []align{left}
		for range rescored {
			aligns = append(aligns, right)
		}
		t := newTable(aligns...)
		t.row(append([]string{""}, rescored...)...)
		for _, st := range stated {
			row := []string{st}
			for _, rs := range rescored {
				row = append(row, fmt.Sprint(s.Transitions[[2]string{st, rs}]))
			}
			t.row(row...)
		}
		if err := t.write(&b); err != nil {
			return err
		}
		b.WriteString(i18n.T("等次改变的项目：%d 个\n", "Projects whose grade changes: %d\n", s.Changed).String(lang))
	}
	if len(j.Changes) > 0 {
		b.WriteString("\n" + L("总分变化最大的项目：", "Largest changes of total:") + "\n")
		t := newTable(left, left, right, right, right)
		t.row(L("项目", "Project"), L("文件", "File"), L("自评总分", "Stated"), L("计算总分", "Computed"), L("变化", "Change"))
		for _, d := range j.Changes {
			t.row(d.Project, d.File, num.Format(d.Stated, 2), num.Format(d.Rescored, 2), fmt.Sprintf("%+.2f", num.Round(d.Change, 2)))
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	if s.Checked {
		b.WriteString("\n" + i18n.T("问题：共 %d 个（%s）", "Findings: %d (%s)",
			s.Findings, severityCounts(s.BySeverity[0], s.BySeverity[1], s.BySeverity[2])).String(lang) + "\n")
	}
	if j.Findings != nil && len(j.Findings.ByCode) > 0 {
		t := newTable(left, right)
		for _, c := range j.Findings.ByCode {
			t.row("  "+c.Name, fmt.Sprint(c.Count))
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	if len(j.Mismatched) > 0 {
		b.WriteString("\n" + L("自评得分最常与评分标准不符的指标：", "Indicators whose reported score most often ignores the criterion:") + "\n")
		t := newTable(left, right)
		for _, c := range j.Mismatched {
			t.row("  "+c.Name, fmt.Sprint(c.Count))
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	if len(j.Units) > 0 {
		if err := writeUnits(&b, s, j.Units, lang); err != nil {
			return err
		}
	}
	if err := writeReviewSummary(&b, j.Review, lang); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeUnits writes the units with the most errors and grade changes: the errors where the
// command checked, the grade changes where it scored.
func writeUnits(b *strings.Builder, s *Summary, units []Unit, lang i18n.Lang) error {
	L := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	switch {
	case s.Checked:
		b.WriteString("\n" + L("错误最多的单位：", "Units with the most errors:") + "\n")
	default:
		b.WriteString("\n" + L("等次改变最多的单位：", "Units with the most grade changes:") + "\n")
	}
	head := []string{"  " + L("单位", "Unit"), L("项目", "Projects")}
	if s.Checked {
		head = append(head, L("错误", "Errors"))
	}
	if s.Scored {
		head = append(head, L("等次改变", "Grade changes"))
	}
	aligns := []align{left}
	for range head[1:] {
		aligns = append(aligns, right)
	}
	t := newTable(aligns...)
	t.row(head...)
	for _, u := range units {
		row := []string{"  " + u.Name, fmt.Sprint(u.Projects)}
		if s.Checked {
			row = append(row, fmt.Sprint(u.Errors))
		}
		if s.Scored {
			row = append(row, fmt.Sprint(u.Changed))
		}
		t.row(row...)
	}
	return t.write(b)
}

// writeFailedInputs names each input that could not be used (the first MaxFailures), with its
// first error and how many more it has.
func writeFailedInputs(b *strings.Builder, s *Summary, lang i18n.Lang) {
	if s.Failed == 0 {
		return
	}
	b.WriteString(notRead(s.Failed).String(lang) + "\n")
	for i := range s.failed {
		f := &s.failed[i]
		if len(f.Errors) == 0 {
			b.WriteString("  " + f.Place() + "\n")
			continue
		}
		e := f.Errors[0]
		line := "  " + f.where(e, lang) + i18n.Pick(lang, "：", ": ") + message(e, lang)
		if f.errors > 1 {
			line += i18n.T("（另有 %s）", " (and %s)", count(f.errors-1, "处错误", "more error", "more errors")).String(lang)
		}
		b.WriteString(line + "\n")
	}
	if n := s.Failed - len(s.failed); n > 0 {
		b.WriteString("  " + i18n.T("另有 %d 个输入未列出", "%d more not listed", n).String(lang) + "\n")
	}
}

// WriteSummaryJSON writes the summary as one JSON value (compact with indent "").
func WriteSummaryJSON(w io.Writer, s *Summary, indent string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	return enc.Encode(NewSummaryJSON(s))
}

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

// Summary is the picture across a  Its size does not grow with the number of projects
// (but for one counter per distinct indicator name, grade and budget unit).
type Summary struct {
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
	return &Summary{Transitions: map[[2]string]int{}, ByCode: map[string]int{}, Mismatched: map[string]int{}, Units: map[string]*Unit{}}
}

// Fail counts an input that could not be used.
func (s *Summary) Fail() { s.Failed++ }

// Add counts one project's result.
func (s *Summary) Add(r *engine.Result) {
	s.Read++
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

// SummaryJSON is the summary's machine-readable form (documented in the README).
type SummaryJSON struct {
	Read       int          `json:"read"`
	Failed     int          `json:"failed"`
	Grades     gradesJSON   `json:"grades"`
	Findings   findingsJSON `json:"findings"`
	Changes    []Delta      `json:"largest_changes"`
	Mismatched []Count      `json:"most_mismatched_indicators"`
	Units      []Unit       `json:"worst_units"`

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
	out := SummaryJSON{Read: s.Read, Failed: s.Failed, Changes: s.Deltas(), Mismatched: Top(s.Mismatched, 20),
		Units: s.WorstUnits(20), Review: newReviewSummaryJSON(s)}
	if out.Units == nil {
		out.Units = []Unit{}
	}
	out.Grades.Changed = s.Changed
	out.Grades.Transitions = transitions(s.Transitions, func(from, to string, n int) transitionJSON { return transitionJSON{from, to, n} })
	out.Findings = findingsJSON{Total: s.Findings, ByCode: Top(s.ByCode, 0),
		BySeverity: map[string]int{"error": s.BySeverity[0], "warning": s.BySeverity[1], "info": s.BySeverity[2]}}
	if out.Changes == nil {
		out.Changes = []Delta{}
	}
	for i := range out.Changes {
		c := &out.Changes[i]
		c.Change = num.Round(c.Change, 2)
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

// SummaryText writes the summary for a person: counts, the grade transition table, the
// largest changes of total, findings by code, the indicators most often mis-scored and the
// units with the most errors.
func SummaryText(w io.Writer, s *Summary, lang i18n.Lang) error {
	j := NewSummaryJSON(s)
	L := func(zh, en string) string { return i18n.Pick(lang, zh, en) }
	var b strings.Builder
	b.WriteString(i18n.T("汇总：读入 %d 个项目，%d 个输入无法使用\n", "Summary: %d projects read, %d inputs unusable\n", s.Read, s.Failed).String(lang))

	// The grade transition table: stated grades down, re-scored across.
	var stated, rescored []string
	seenS, seenR := map[string]bool{}, map[string]bool{}
	for _, t := range j.Grades.Transitions {
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
		b.WriteString("\n" + L("等次（行：自评，列：复核；— 为未写或无法识别，? 为总分区间跨等次）", "Grades (rows: stated, columns: re-scored; — none or unreadable, ? a range spanning grades)") + "\n")
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
		t.row(L("项目", "Project"), L("文件", "File"), L("自评", "Stated"), L("复核", "Re-scored"), L("变化", "Change"))
		for _, d := range j.Changes {
			t.row(d.Project, d.File, num.Format(d.Stated, 2), num.Format(d.Rescored, 2), fmt.Sprintf("%+.2f", num.Round(d.Change, 2)))
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	b.WriteString("\n" + i18n.T("问题：共 %d 个（错误 %d，警告 %d，提示 %d）", "Findings: %d (%d errors, %d warnings, %d infos)",
		s.Findings, s.BySeverity[0], s.BySeverity[1], s.BySeverity[2]).String(lang) + "\n")
	if len(j.Findings.ByCode) > 0 {
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
		b.WriteString("\n" + L("错误最多的单位：", "Units with the most errors:") + "\n")
		t := newTable(left, right, right, right)
		t.row("  "+L("单位", "Unit"), L("项目", "Projects"), L("错误", "Errors"), L("等次改变", "Grade changes"))
		for _, u := range j.Units {
			t.row("  "+u.Name, fmt.Sprint(u.Projects), fmt.Sprint(u.Errors), fmt.Sprint(u.Changed))
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	if err := writeReviewSummary(&b, j.Review, lang); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
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

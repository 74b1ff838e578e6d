package batch

import (
	"container/heap"
	"math"
	"sort"

	"jixiao/engine"
)

// Summary is the picture across a batch. Its size does not grow with the number of projects
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

// Add counts one output.
func (s *Summary) Add(o Output) {
	if o.Err != nil {
		s.Failed++
		return
	}
	for _, r := range o.Results {
		s.add(r)
	}
}

func (s *Summary) add(r *engine.Result) {
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
	if ok && rescored != "?" && stated != rescored {
		s.Changed++
		u.Changed++
	}
	total := p.Reported.Score
	if total == nil {
		total = p.Reported.Total
	}
	if total != nil && r.Exact {
		d := Delta{Project: p.Name, File: p.Pos("").String(), Stated: *total, Rescored: r.Total, Change: r.Total - *total}
		if d.Change != 0 {
			heap.Push(&s.deltas, d)
			if s.deltas.Len() > MaxDeltas {
				heap.Pop(&s.deltas)
			}
		}
	}
	for _, f := range r.Findings {
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

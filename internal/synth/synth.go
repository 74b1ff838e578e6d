// Package synth makes realistic synthetic self-evaluations for benchmarks and tests: ten
// indicators of mixed methods per project (tiered criteria drawn from a few hundred
// variants of real thresholds, proportional, reverse and qualitative indicators), with some
// reported scores, totals and grades wrong on purpose. The same seed gives the same projects.
package synth

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Generator draws projects from a seeded source.
type Generator struct {
	rng      *rand.Rand
	n        int
	variants [][3]float64 // the thresholds of the tiered criteria in circulation
}

// Variants is how many distinct tiered criteria (top, middle and low thresholds) the
// projects draw from: real criteria repeat across units but are not identical.
const Variants = 300

// New returns a generator; the same seed gives the same projects.
func New(seed uint64) *Generator {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, 0x6a697869616f))}
	for i := 0; i < Variants; i++ {
		top := round2(95 + float64(g.rng.IntN(500))/100)
		mid := round2(top - 0.5 - float64(g.rng.IntN(20))/10)
		low := round2(mid - 0.5 - float64(g.rng.IntN(20))/10)
		g.variants = append(g.variants, [3]float64{top, mid, low})
	}
	return g
}

// Project is one project in the file schema, ready for TOML or JSON.
type Project struct {
	Project   projectHead    `json:"project"`
	Funds     map[string]any `json:"funds"`
	Reported  map[string]any `json:"reported"`
	Indicator []indicator    `json:"indicator"`
}

type projectHead struct {
	Name   string `json:"name"`
	Agency string `json:"agency"`
	Year   int    `json:"year"`
}

type indicator struct {
	Level1    string  `json:"level1"`
	Level2    string  `json:"level2"`
	Name      string  `json:"name"`
	Target    any     `json:"target"`
	Unit      string  `json:"unit,omitempty"`
	Actual    any     `json:"actual"`
	Weight    float64 `json:"weight"`
	Reported  float64 `json:"reported"`
	Reason    string  `json:"reason,omitempty"`
	Criterion string  `json:"criterion,omitempty"`
	Method    string  `json:"method,omitempty"`
	Tiers     []tier  `json:"tiers,omitempty"`
}

type tier struct {
	When  string   `json:"when"`
	Score string   `json:"score,omitempty"`
	Min   *float64 `json:"min,omitempty"`
	Max   *float64 `json:"max,omitempty"`
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func f(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// Next draws the next project.
func (g *Generator) Next() Project {
	r := g.rng
	i := g.n
	g.n++
	p := Project{Project: projectHead{Name: fmt.Sprintf("项目%06d", i), Agency: fmt.Sprintf("单位%03d", i%997), Year: 2021}}
	budget := float64(50 + r.IntN(950))
	spent := round2(budget * (0.6 + 0.4*r.Float64()))
	p.Funds = map[string]any{"budget": budget, "spent": spent}
	if spent/budget < 0.9 && r.IntN(2) == 0 {
		p.Funds["reason"] = "部分项目延期，资金结转下年"
	}
	weights := []float64{20, 10, 10, 10, 10, 10, 10, 5, 10, 5}
	var total float64
	for k := 0; k < 10; k++ {
		ind := g.indicator(k, weights[k])
		if r.IntN(20) == 0 { // an inconsistent reported score, as about one in twenty are
			ind.Reported = round2(ind.Reported * 0.97)
		}
		total += ind.Reported
		p.Indicator = append(p.Indicator, ind)
	}
	total = round2(total)
	stated := total
	if r.IntN(25) == 0 {
		stated = 100 // the weights' total in the score column
	}
	grade := "优"
	switch {
	case stated < 60:
		grade = "差"
	case stated < 80:
		grade = "中"
	case stated < 90:
		grade = "良"
	}
	if r.IntN(30) == 0 {
		grade = "优秀"
	}
	p.Reported = map[string]any{"score": stated, "grade": grade, "targets_set": 10}
	return p
}

func (g *Generator) indicator(k int, w float64) indicator {
	r := g.rng
	ind := indicator{Name: fmt.Sprintf("指标%d", k), Weight: w}
	switch {
	case k < 4:
		ind.Level1, ind.Level2 = "产出指标", []string{"数量指标", "质量指标", "时效指标", "成本指标"}[k]
	case k < 8:
		ind.Level1, ind.Level2 = "效益指标", []string{"社会效益指标", "经济效益指标", "可持续影响指标", "生态效益指标"}[k-4]
	default:
		ind.Level1, ind.Level2 = "满意度指标", "服务对象满意度指标"
	}
	switch k % 5 {
	case 0, 2: // written tiers: one of a few hundred threshold variants, as units write their own
		v := g.variants[r.IntN(len(g.variants))]
		top, mid, low := v[0], v[1], v[2]
		ind.Target, ind.Unit = top, "%"
		a := round2(low - 1 + r.Float64()*(100-low+1))
		ind.Actual = a
		s1, s2 := round2(w*0.9), round2(w*0.75)
		ind.Criterion = fmt.Sprintf("≥%s%%得%s分；%s%%>x≥%s%%得%s分；%s%%>x≥%s%%得%s分；x<%s%%不得分",
			f(top), f(w), f(top), f(mid), f(s1), f(mid), f(low), f(s2), f(low))
		ind.Tiers = []tier{
			{When: "actual >= " + f(top), Score: f(w)},
			{When: "actual >= " + f(mid) + " && actual < " + f(top), Score: f(s1)},
			{When: "actual >= " + f(low) + " && actual < " + f(mid), Score: f(s2)},
			{When: "actual < " + f(low), Score: "0"},
		}
		switch {
		case a >= top:
			ind.Reported = w
		case a >= mid:
			ind.Reported = s1
		case a >= low:
			ind.Reported = s2
		}
		if r.IntN(10) == 0 && a < top { // proportional instead of the written tiers
			ind.Reported = round2(w * a / top)
		}
	case 1: // proportional, higher is better
		t := []float64{100, 12, 217100, 500}[r.IntN(4)]
		a := round2(t * (0.85 + 0.2*r.Float64()))
		ind.Target, ind.Actual, ind.Method = t, a, "proportional"
		ind.Reported = round2(w * math.Min(a/t, 1))
	case 3: // reverse, lower is better
		t := float64(5 + r.IntN(25))
		a := round2(t * (0.8 + 0.4*r.Float64()))
		ind.Target, ind.Unit, ind.Actual, ind.Method = "≤"+f(t)+"天", "天", a, "reverse"
		ind.Reported = w
		if a > t {
			ind.Reported = round2(w * t / a)
		}
	case 4: // qualitative
		labels := []string{"达成", "达成", "达成", "部分达成", "未达成"}
		l := labels[r.IntN(len(labels))]
		ind.Target, ind.Actual, ind.Method = "达成年度指标", l, "qualitative"
		ind.Reported = map[string]float64{"达成": w, "部分达成": round2(w * 0.7), "未达成": round2(w * 0.4)}[l]
	}
	if a, ok := ind.Actual.(float64); ok {
		if t, ok := ind.Target.(float64); ok && a < t && r.IntN(3) > 0 {
			ind.Reason = "受客观因素影响未完成"
		}
	}
	return ind
}

// WriteJSON writes the project as one line of JSON.
func WriteJSON(w io.Writer, p Project) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(p)
}

// WriteTOML writes the project as a TOML file in jixiao's format.
func WriteTOML(w io.Writer, p Project) error {
	var b strings.Builder
	fmt.Fprintf(&b, "[project]\nname = %q\nagency = %q\nyear = %d\n\n[funds]\n", p.Project.Name, p.Project.Agency, p.Project.Year)
	for _, k := range []string{"budget", "spent", "reason"} {
		if v, ok := p.Funds[k]; ok {
			writeValue(&b, k, v)
		}
	}
	b.WriteString("\n[reported]\n")
	for _, k := range []string{"score", "grade", "targets_set"} {
		writeValue(&b, k, p.Reported[k])
	}
	for _, ind := range p.Indicator {
		b.WriteString("\n[[indicator]]\n")
		writeValue(&b, "level1", ind.Level1)
		writeValue(&b, "level2", ind.Level2)
		writeValue(&b, "name", ind.Name)
		writeValue(&b, "target", ind.Target)
		if ind.Unit != "" {
			writeValue(&b, "unit", ind.Unit)
		}
		writeValue(&b, "actual", ind.Actual)
		writeValue(&b, "weight", ind.Weight)
		writeValue(&b, "reported", ind.Reported)
		for _, kv := range []struct{ k, v string }{{"reason", ind.Reason}, {"criterion", ind.Criterion}, {"method", ind.Method}} {
			if kv.v != "" {
				writeValue(&b, kv.k, kv.v)
			}
		}
		if len(ind.Tiers) > 0 {
			b.WriteString("tiers = [\n")
			for _, t := range ind.Tiers {
				fmt.Fprintf(&b, "  { when = %q, score = %q },\n", t.When, t.Score)
			}
			b.WriteString("]\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeValue(b *strings.Builder, key string, v any) {
	switch x := v.(type) {
	case string:
		fmt.Fprintf(b, "%s = %q\n", key, x)
	case float64:
		fmt.Fprintf(b, "%s = %s\n", key, f(x))
	case int:
		fmt.Fprintf(b, "%s = %d\n", key, x)
	}
}

// Package synth makes realistic synthetic self-evaluations for benchmarks and tests: ten
// indicators of mixed methods per project (tiered criteria drawn from a few hundred
// variants of real thresholds, proportional, reverse and qualitative indicators), with some
// reported scores, totals and grades wrong on purpose. The same seed gives the same projects.
package synth

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"

	"jixiao/indicators"
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

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func f(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// Next draws the next project.
func (g *Generator) Next() *indicators.Project {
	r := g.rng
	i := g.n
	g.n++
	p := &indicators.Project{Name: fmt.Sprintf("项目%06d", i), Agency: fmt.Sprintf("单位%03d", i%997), Year: 2021}
	budget := float64(50 + r.IntN(950))
	spent := round2(budget * (0.6 + 0.4*r.Float64()))
	p.Funds = &indicators.Funds{Unit: "万元", Budget: &budget, Spent: &spent}
	if spent/budget < 0.9 && r.IntN(2) == 0 {
		p.Funds.Reason = "部分项目延期，资金结转下年"
	}
	weights := []float64{20, 10, 10, 10, 10, 10, 10, 5, 10, 5}
	var total float64
	for k := 0; k < 10; k++ {
		ind := g.indicator(k, weights[k])
		if r.IntN(20) == 0 { // an inconsistent reported score, as about one in twenty are
			*ind.Reported = round2(*ind.Reported * 0.97)
		}
		total += *ind.Reported
		ind.Index = k
		p.Indicators = append(p.Indicators, ind)
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
	set := 10
	p.Reported = indicators.Reported{Score: &stated, Grade: grade, TargetsSet: &set}
	return p
}

func (g *Generator) indicator(k int, w float64) *indicators.Indicator {
	r := g.rng
	ind := &indicators.Indicator{Name: fmt.Sprintf("指标%d", k), Weight: w, Applicable: true}
	var reported float64
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
		ind.Target, ind.Unit = indicators.NumberValue(top), "%"
		a := round2(low - 1 + r.Float64()*(100-low+1))
		ind.Actual = indicators.NumberValue(a)
		s1, s2 := round2(w*0.9), round2(w*0.75)
		ind.Criterion = fmt.Sprintf("≥%s%%得%s分；%s%%>x≥%s%%得%s分；%s%%>x≥%s%%得%s分；x<%s%%不得分",
			f(top), f(w), f(top), f(mid), f(s1), f(mid), f(low), f(s2), f(low))
		ind.Tiers = []indicators.Tier{
			tier("actual >= "+f(top), f(w)),
			tier("actual >= "+f(mid)+" && actual < "+f(top), f(s1)),
			tier("actual >= "+f(low)+" && actual < "+f(mid), f(s2)),
			tier("actual < "+f(low), "0"),
		}
		switch {
		case a >= top:
			reported = w
		case a >= mid:
			reported = s1
		case a >= low:
			reported = s2
		}
		if r.IntN(10) == 0 && a < top { // proportional instead of the written tiers
			reported = round2(w * a / top)
		}
	case 1: // proportional, higher is better
		t := []float64{100, 12, 217100, 500}[r.IntN(4)]
		a := round2(t * (0.85 + 0.2*r.Float64()))
		ind.Target, ind.Actual, ind.Method = indicators.NumberValue(t), indicators.NumberValue(a), indicators.MethodProportional
		reported = round2(w * math.Min(a/t, 1))
	case 3: // reverse, lower is better
		t := float64(5 + r.IntN(25))
		a := round2(t * (0.8 + 0.4*r.Float64()))
		ind.Target, ind.Unit, ind.Actual, ind.Method = indicators.ParseValue("≤"+f(t)+"天"), "天", indicators.NumberValue(a), indicators.MethodReverse
		reported = w
		if a > t {
			reported = round2(w * t / a)
		}
	case 4: // qualitative
		labels := []string{"达成", "达成", "达成", "部分达成", "未达成"}
		l := labels[r.IntN(len(labels))]
		ind.Target, ind.Actual, ind.Method = indicators.ParseValue("达成年度指标"), indicators.ParseValue(l), indicators.MethodQualitative
		reported = map[string]float64{"达成": w, "部分达成": round2(w * 0.7), "未达成": round2(w * 0.4)}[l]
	}
	ind.Reported = &reported
	ind.Direction = ind.Target.Op.Direction()
	if ind.Actual.Plain && ind.Target.Plain && ind.Actual.Num < ind.Target.Num && r.IntN(3) > 0 {
		ind.Reason = "受客观因素影响未完成"
	}
	return ind
}

func tier(when, score string) indicators.Tier {
	return indicators.Tier{When: indicators.Expr{Text: when}, Score: indicators.Expr{Text: score}}
}

// WriteJSON writes the project as one line of JSON Lines.
func WriteJSON(w io.Writer, p *indicators.Project) error { return indicators.WriteJSON(w, p) }

// WriteTOML writes the project as a TOML file in jixiao's format.
func WriteTOML(w io.Writer, p *indicators.Project) error { return indicators.WriteTOML(w, p, "") }

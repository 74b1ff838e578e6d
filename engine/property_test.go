package engine

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules"
)

// genProject draws a project as TOML text: 1–12 indicators, each scored by a standard
// method or by ascending tiers; sometimes a tier scores above the weight, sometimes an
// indicator does not apply. overWeight reports whether any tier can exceed its weight.
func genProject(t *rapid.T) (src string, overWeight bool) {
	var b strings.Builder
	b.WriteString("[project]\nname = \"p\"\n")
	n := rapid.IntRange(1, 12).Draw(t, "n")
	methods := []string{"proportional", "reverse", "reverse-linear", "equal", "tiers"}
	for i := 0; i < n; i++ {
		weight := float64(rapid.IntRange(1, 4000).Draw(t, "weight")) / 100
		target := float64(rapid.IntRange(1, 100000).Draw(t, "target")) / 100
		actual := float64(rapid.IntRange(0, 200000).Draw(t, "actual")) / 100
		fmt.Fprintf(&b, "[[indicator]]\nname = \"i%d\"\ntarget = %v\nactual = %v\nweight = %v\n", i, target, actual, weight)
		if !rapid.Bool().Draw(t, "applicable") && rapid.Bool().Draw(t, "dropped") {
			b.WriteString("applicable = false\n")
		}
		method := rapid.SampledFrom(methods).Draw(t, "method")
		if method != "tiers" {
			fmt.Fprintf(&b, "method = %q\n", method)
			continue
		}
		// Ascending thresholds over [0, 2·target]; the first tier (the highest) gives full marks.
		k := rapid.IntRange(1, 5).Draw(t, "tiers")
		b.WriteString("tiers = [\n")
		for j := k; j >= 1; j-- {
			threshold := target * float64(j) / float64(k)
			score := weight * float64(j) / float64(k)
			if rapid.IntRange(0, 9).Draw(t, "over") == 0 {
				score = weight + 1 + float64(rapid.IntRange(0, 50).Draw(t, "excess"))
				overWeight = true
			}
			fmt.Fprintf(&b, "  { when = \"actual >= %v\", score = \"%v\" },\n", threshold, score)
		}
		fmt.Fprintf(&b, "  { when = \"actual < %v\", score = \"0\" },\n]\n", target/float64(k))
	}
	return b.String(), overWeight
}

func TestPropertyTotals(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		src, overWeight := genProject(t)
		p, err := indicators.Parse("p.toml", []byte(src), indicators.Limits{})
		if err != nil {
			t.Fatalf("generated file does not load: %v\n%s", err, src)
		}
		r, err := New(Options{}).Check(p)
		if err != nil {
			t.Fatalf("check: %v", err)
		}
		d := p.Scoring.Decimals
		var sum, weight float64
		exceeds := false
		for _, ir := range r.Indicators {
			if !ir.HasScore {
				t.Fatalf("%s unscored: %+v", ir.Indicator.Name, ir.Reason)
			}
			if ir.Score != num.Round(ir.Score, d) {
				t.Fatalf("%s: score %v is not rounded to %d decimals", ir.Indicator.Name, ir.Score, d)
			}
			if ir.Score < 0 || ir.Score > ir.Indicator.Weight {
				exceeds = true
			}
			if ir.Applicable {
				sum += ir.Score
				weight += ir.Indicator.Weight
			}
		}
		want := sum
		if r.Rescaled {
			want = sum * p.Scoring.FullMarks / weight
		}
		if !r.Exact || r.Total != num.Round(want, d) {
			t.Fatalf("total %v, want the rounded sum of the rounded scores %v", r.Total, num.Round(want, d))
		}
		if math.IsNaN(r.Total) {
			t.Fatal("NaN total")
		}
		if exceeds && !overWeight {
			t.Fatal("a score outside [0, weight] from a criterion that never allows one")
		}
		if exceeds && !hasFinding(r, ScoreOverWeight) {
			t.Fatal("a score outside [0, weight] without a score-over-weight finding")
		}
		if overWeight && !hasFinding(r, TierOverWeight) {
			t.Fatal("a tier above its weight without a tier-over-weight finding")
		}
	})
}

func hasFinding(r *Result, code Code) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// Under every default method, met and the score agree: a met target scores the weight (a
// qualitative band reaching it), an unmet one less (a missed deadline may be unscored).
func TestPropertyMetAgreesWithScore(t *testing.T) {
	targets := []string{"≥%v", "＞%v", "%v", "≧%v", "%v以上", "≤%v", "＜%v", "≦%v", "%v以下", "=%v", "═%v"}
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(0, 3).Draw(t, "decimals")
		unit := math.Pow(10, float64(-d))
		var b strings.Builder
		fmt.Fprintf(&b, "[project]\nname = \"p\"\nyear = 2022\n[scoring]\ndecimals = %d\n", d)
		if rapid.Bool().Draw(t, "reverse") {
			b.WriteString("lower = \"reverse\"\n")
		}
		if rapid.Bool().Draw(t, "late rule") {
			fmt.Fprintf(&b, "late_per_month = %v\n", float64(rapid.IntRange(0, 10).Draw(t, "late share"))/10)
		}
		n := rapid.IntRange(1, 8).Draw(t, "n")
		for i := range n {
			weight := float64(rapid.IntRange(1, 3000).Draw(t, "weight")) * unit * float64(rapid.IntRange(1, 10).Draw(t, "scale"))
			fmt.Fprintf(&b, "[[indicator]]\nname = \"i%d\"\nweight = %v\n", i, num.Round(weight, d))
			switch rapid.IntRange(0, 5).Draw(t, "kind") {
			case 0: // a deadline and a date
				fmt.Fprintf(&b, "target = \"%d月%d日前\"\nactual = \"2022年%d月%d日\"\n", rapid.IntRange(1, 12).Draw(t, "tm"),
					rapid.IntRange(1, 28).Draw(t, "td"), rapid.IntRange(1, 12).Draw(t, "am"), rapid.IntRange(1, 28).Draw(t, "ad"))
			case 1: // a qualitative target
				actual := rapid.SampledFrom([]string{"健全", "已建立", "基本健全", "部分完成", "未建立", "较差", "有效"}).Draw(t, "actual")
				fmt.Fprintf(&b, "target = \"健全\"\nactual = %q\n", actual)
			default: // a number and a direction
				target := float64(rapid.IntRange(1, 100000).Draw(t, "target")) / 100
				actual := target
				switch rapid.IntRange(0, 3).Draw(t, "near") {
				case 0: // near the target, to the file's decimals and beyond them
					actual = target + float64(rapid.IntRange(-30, 30).Draw(t, "offset"))*unit/10
				case 1:
					actual = float64(rapid.IntRange(0, 300000).Draw(t, "actual")) / 100
				case 2:
					actual = 2 * target
				}
				form := rapid.SampledFrom(targets).Draw(t, "form")
				fmt.Fprintf(&b, "target = \"%s\"\nactual = %v\n", fmt.Sprintf(form, target), actual)
			}
		}
		src := b.String()
		p, err := indicators.Parse("p.toml", []byte(src), indicators.Limits{})
		if err != nil {
			t.Fatalf("generated file does not load: %v\n%s", err, src)
		}
		r, err := New(Options{}).Score(p)
		if err != nil {
			t.Fatalf("score: %v", err)
		}
		for _, ir := range r.Indicators {
			w := num.Round(ir.Indicator.Weight, d)
			what := fmt.Sprintf("%s (%s, target %q, actual %q, decimals %d): %+v", ir.Indicator.Name, ir.Criterion.Method,
				ir.Indicator.Target.Text, ir.Indicator.Actual.Text, d, ir)
			if !ir.Criterion.Default {
				t.Fatalf("%s: not a default method", what)
			}
			switch {
			case ir.Kind == rules.Unscored:
				if ir.MetKnown && ir.Met {
					t.Fatalf("%s: met, yet unscored", what)
				}
			case !ir.MetKnown:
				t.Fatalf("%s: scored, yet met unknown", what)
			case ir.Kind == rules.Ranged && ir.Met != (ir.Max == w):
				t.Fatalf("%s: met %v, band up to %v of %v", what, ir.Met, ir.Max, w)
			case ir.Kind == rules.Scored && ir.Met != (ir.Score == w):
				t.Fatalf("%s: met %v, score %v of %v", what, ir.Met, ir.Score, w)
			case ir.Kind == rules.Scored && ir.Score > w:
				t.Fatalf("%s: above the weight", what)
			}
		}
	})
}

package engine

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"jixiao/indicators"
	"jixiao/internal/num"
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

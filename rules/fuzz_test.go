package rules

import (
	"fmt"
	"math"
	"testing"
	"time"

	"jixiao/indicators"
)

// FuzzCompile compiles an arbitrary condition and score, evaluates them at a few values
// and analyses the criterion. Nothing may panic, and a score is finite or the indicator
// is unscored.
func FuzzCompile(f *testing.F) {
	for _, seed := range []struct{ when, score string }{
		{"actual >= 99.22", "20"},
		{"actual >= 98.5 && actual < 99.22", "18"},
		{"rate <= 0.8", "weight * rate"},
		{"!(actual < 90) || actual == 50", "weight * min(actual / target, 1)"},
		{"text == '达成'", "weight * 0.8"},
		{"round(actual) >= 90", "max(0, weight - (target - actual) * 2)"},
		{"funds.execution_rate < 0.9", "weight * funds.execution_rate"},
		{"len(repeat('x', 100000000)) > 0", "1"},
		{"all(1..1000, all(1..1000, # > 0))", "1"},
		{"actual >= prior", "actual / 0"},
		{"参保率 >= 99", "'满分'"},
		{"actual >=", ""},
	} {
		f.Add(seed.when, seed.score, 98.67)
	}
	f.Fuzz(func(t *testing.T, when, score string, actual float64) {
		if len(when) > 2000 || len(score) > 2000 {
			return
		}
		timer := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("slow: when=%q score=%q actual=%v", when, score, actual)) })
		defer timer.Stop()
		p := &indicators.Project{Name: "p", Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100, Method: indicators.MethodProportional}}
		ind := &indicators.Indicator{Name: "x", Weight: 20, Target: indicators.NumberValue(99.6), Actual: indicators.NumberValue(actual),
			Prior: indicators.NumberValue(99.22), Applicable: true, Direction: indicators.Higher,
			Tiers: []indicators.Tier{{When: indicators.Expr{Text: when}, Score: indicators.Expr{Text: score}}, {When: indicators.Expr{Text: "true"}, Score: indicators.Expr{Text: "0"}}}}
		p.Indicators = []*indicators.Indicator{ind}
		crit, err := NewCompiler(Limits{}).Project(p)
		if err != nil {
			return
		}
		for _, a := range []float64{actual, 0, 99.22, -1, 1e9} {
			ind.Actual = indicators.NumberValue(a)
			env := NewEnv(p, ind)
			o := crit[0].Eval(&env)
			if o.Kind == Scored && (math.IsNaN(o.Score) || math.IsInf(o.Score, 0)) {
				t.Fatalf("score %v for %q at %v", o.Score, score, a)
			}
		}
		env := NewEnv(p, ind)
		crit[0].Analysis(&env, ind)
	})
}

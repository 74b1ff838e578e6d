package prose_test

import (
	"fmt"
	"testing"

	"jixiao/rules/prose"
)

// benchTemplates are the forms of criteria, each filled with different numbers below.
var benchTemplates = []string{
	"%s≥%d%%得%d分；%d%%≤%s＜%d%%得%d分；%s＜%d%%不得分。",
	"%s达到%d%%得满分，每降低1个百分点扣%d分，扣完为止。",
	"%s在%d%%以上的得%d分，在%d-%d%%之间的得%d分，%d%%以下不得分。",
	"%s偏差在±%d%%（含）以内得%d分，偏差超过±%d%%不得分。",
	"%d分：%s达到%d%%；%d分：%s低于%d%%。",
	"%s达到%d%%得%d分，每超过1个百分点加0.5分，每低1个百分点扣%d分，最多加减5分。",
	"查阅资料。%s不低于%d%%得%d分，低于%d%%的，每低5个百分点扣%d分，扣满6分为止。",
	"得分=%s×分值（超过100%%的按100%%计）。",
	"%s%d%%（含）至%d%%得%d分，%d%%以下得%d分。",
	"1. %s≥%d%%，得%d分；\n2. %s＜%d%%，不得分。",
}

var benchSubjects = []string{"完成率", "覆盖率", "合格率", "知晓率", "满意度", "执行率", "到位率", "达标率"}

// benchCriteria makes n distinct criteria.
func benchCriteria(n int) []string {
	seen := map[string]bool{}
	var out []string
	for i := 0; len(out) < n; i++ {
		s := benchSubjects[i%len(benchSubjects)]
		a := 60 + i%37
		w := 5 + i%16
		var text string
		switch k := (i / len(benchSubjects)) % len(benchTemplates); k {
		case 0:
			text = fmt.Sprintf(benchTemplates[k], s, a+3, w, a, s, a+3, w-2, s, a)
		case 1:
			text = fmt.Sprintf(benchTemplates[k], s, a, 1+i%3)
		case 2:
			text = fmt.Sprintf(benchTemplates[k], s, a+5, w, a-5, a+5, w-3, a-5)
		case 3:
			text = fmt.Sprintf(benchTemplates[k], s, 1+i%9, w, 1+i%9)
		case 4:
			text = fmt.Sprintf(benchTemplates[k], w, s, a, w-4, s, a)
		case 5:
			text = fmt.Sprintf(benchTemplates[k], s, a, w, 1+i%2)
		case 6:
			text = fmt.Sprintf(benchTemplates[k], s, a, w, a, 1+i%3)
		case 7:
			text = fmt.Sprintf(benchTemplates[k], s) + fmt.Sprintf("（第%d项）", i)
		case 8:
			text = fmt.Sprintf(benchTemplates[k], s, a-10, a, w, a-10, w/3)
		case 9:
			text = fmt.Sprintf(benchTemplates[k], s, a, w, s, a)
		}
		if !seen[text] {
			seen[text] = true
			out = append(out, text)
		}
	}
	return out
}

// benchContext is the indicator of the i-th criterion: a rate in %.
func benchContext(i int) prose.Context {
	return prose.Context{Name: "项目" + benchSubjects[i%len(benchSubjects)], Unit: "%", Target: 95, Weight: 20}
}

// BenchmarkRead10k reads 10,000 distinct criteria; one op is all of them. The target is
// under one second per op on one core (go test ./rules/prose -run '^$' -bench Read10k -cpu 1).
func BenchmarkRead10k(b *testing.B) {
	texts := benchCriteria(10_000)
	read := 0
	for i, t := range texts {
		if prose.Read(t, benchContext(i)).Whole() {
			read++
		}
	}
	b.ReportMetric(float64(read), "read-whole")
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for i, t := range texts {
			prose.Read(t, benchContext(i))
		}
	}
	// CPU time per op as well as wall time: on a machine other work shares, the wall time
	// of one core's work stretches, its CPU time does not.
	if c := cpuTime(); c > 0 {
		b.ReportMetric(float64(c-cpu)/float64(b.N), "cpu-ns/op")
	}
}

// The benchmark's criteria are distinct and read whole, so that it measures real readings.
func TestBenchCriteriaAreRead(t *testing.T) {
	texts := benchCriteria(10_000)
	for i, text := range texts[:400] {
		r := prose.Read(text, benchContext(i))
		if !r.Whole() {
			t.Errorf("the benchmark criterion %q is not read whole: %+v", text, r.Unread)
		}
	}
}

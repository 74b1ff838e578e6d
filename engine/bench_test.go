package engine

import (
	"bytes"
	"testing"

	"jixiao/indicators"
	"jixiao/internal/synth"
)

// generated returns n synthetic projects, loaded.
func generated(b *testing.B, n int) []*indicators.Project {
	g := synth.New(11)
	var jp indicators.JSONParser
	out := make([]*indicators.Project, n)
	for i := range out {
		var buf bytes.Buffer
		if err := synth.WriteJSON(&buf, g.Next()); err != nil {
			b.Fatal(err)
		}
		p, err := jp.Parse("bench", i+1, bytes.TrimSpace(buf.Bytes()), indicators.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		out[i] = p
	}
	return out
}

// Score and check one 10-indicator project already in memory: compile its criteria (the
// compiler's caches warm, as in a batch), score, run every check. One core.
func BenchmarkCheckProject(b *testing.B) {
	projects := generated(b, 1000)
	e := New(Options{})
	for _, p := range projects { // warm the compiler's caches, as a long batch has them
		e.Check(p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := e.Check(projects[i%len(projects)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// The same, scoring only.
func BenchmarkScoreProject(b *testing.B) {
	projects := generated(b, 1000)
	e := New(Options{})
	for _, p := range projects {
		e.Score(p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := e.Score(projects[i%len(projects)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

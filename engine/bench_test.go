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

// benchmarkProject runs one 10-indicator project already in memory through run (score, or
// score and check): compiling its criteria with the compiler's caches warm, as in a batch.
// One core.
func benchmarkProject(b *testing.B, run func(*Engine, *indicators.Project) (*Result, error)) {
	projects := generated(b, 1000)
	e := New(Options{})
	for _, p := range projects { // warm the compiler's caches, as a long batch has them
		run(e, p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := run(e, projects[i%len(projects)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkCheckProject(b *testing.B) { benchmarkProject(b, (*Engine).Check) }
func BenchmarkScoreProject(b *testing.B) { benchmarkProject(b, (*Engine).Score) }

package engine

import (
	"bytes"
	"testing"

	"jixiao/indicators"
	"jixiao/internal/synth"
)

// lines returns n synthetic projects as JSON lines.
func lines(b *testing.B, n int) [][]byte {
	g := synth.New(11)
	out := make([][]byte, n)
	for i := range out {
		var buf bytes.Buffer
		if err := synth.WriteJSON(&buf, g.Next()); err != nil {
			b.Fatal(err)
		}
		out[i] = bytes.TrimSpace(buf.Bytes())
	}
	return out
}

// generated returns n synthetic projects, loaded by one decoder as a stream is.
func generated(b *testing.B, n int) []*indicators.Project {
	var jp indicators.JSONParser
	out := make([]*indicators.Project, n)
	for i, line := range lines(b, n) {
		p, err := jp.Parse("bench", i+1, line, indicators.Limits{})
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

// BenchmarkStreamProject decodes one project of a JSON Lines stream and checks it, as each
// worker of a batch does (the output left out): the decoder and the engine kept from one
// line to the next, the lines cycled. One core.
func BenchmarkStreamProject(b *testing.B) {
	in := lines(b, 1000)
	var jp indicators.JSONParser
	e := New(Options{})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p, err := jp.Parse("bench", i+1, in[i%len(in)], indicators.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.Check(p); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

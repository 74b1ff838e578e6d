package batch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/synth"
	"jixiao/published"
)

// stream returns n generated projects as JSONL, one per line.
func stream(t *testing.T, n int) []byte {
	t.Helper()
	g := synth.New(7)
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		require.NoError(t, synth.WriteJSON(&b, g.Next()))
	}
	return b.Bytes()
}

func collect(t *testing.T, items <-chan batch.Item, opts batch.Options) []batch.Output {
	t.Helper()
	var outs []batch.Output
	err := batch.Run(context.Background(), items, opts, func(o batch.Output) error {
		outs = append(outs, o)
		return nil
	})
	require.NoError(t, err)
	return outs
}

func TestRunKeepsInputOrderAndMatchesOneByOne(t *testing.T) {
	data := stream(t, 200)
	outs := collect(t, batch.Lines(context.Background(), bytes.NewReader(data), "in.jsonl", 1<<20),
		batch.Options{Workers: 4, Mode: batch.Check})
	require.Len(t, outs, 200)

	eng := engine.New(engine.Options{})
	var jp indicators.JSONParser
	for i, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		o := outs[i]
		require.Equal(t, i, o.Item.Seq)
		require.Equal(t, i+1, o.Item.Line)
		require.NoError(t, o.Err)
		require.Len(t, o.Results, 1)

		p, err := jp.Parse("in.jsonl", i+1, line, indicators.Limits{})
		require.NoError(t, err)
		want, err := eng.Check(p)
		require.NoError(t, err)
		got := o.Results[0]
		assert.Equal(t, want.Project.Name, got.Project.Name, "line %d", i+1)
		assert.Equal(t, want.Total, got.Total, "line %d", i+1)
		assert.Equal(t, want.Grade, got.Grade, "line %d", i+1)
		assert.Equal(t, codes(want.Findings), codes(got.Findings), "line %d", i+1)
		e, _, _ := engine.Count(want.Findings)
		assert.Equal(t, e, o.Errors, "line %d", i+1)
	}
}

func codes(fs []engine.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f.Code)
	}
	return out
}

func TestLinesSkipsBlankLinesAndReportsLongOnesInPlace(t *testing.T) {
	long := `{"project":{"name":"` + strings.Repeat("长", 100) + `"}}`
	in := "\r\n{\"a\":1}\r\n   \n" + long + "\n{\"b\":2}" // the last line has no ending
	var items []batch.Item
	for it := range batch.Lines(context.Background(), strings.NewReader(in), "s.jsonl", 64) {
		items = append(items, it)
	}
	require.Len(t, items, 3)

	assert.Equal(t, 0, items[0].Seq)
	assert.Equal(t, 2, items[0].Line)
	assert.Equal(t, `{"a":1}`, string(items[0].Data), "the line ending is not part of the line")

	assert.Equal(t, 1, items[1].Seq)
	assert.Equal(t, 4, items[1].Line)
	require.Error(t, items[1].Err)
	var el indicators.ErrorList
	require.True(t, errors.As(items[1].Err, &el))
	assert.Equal(t, indicators.ErrLimit, el[0].Kind)
	assert.Equal(t, "s.jsonl", el[0].Pos.File)
	assert.Equal(t, 4, el[0].Pos.Line)

	assert.Equal(t, 2, items[2].Seq)
	assert.Equal(t, 5, items[2].Line)
	assert.Equal(t, `{"b":2}`, string(items[2].Data))
}

type failingReader struct{ data *strings.Reader }

func (r failingReader) Read(p []byte) (int, error) {
	n, err := r.data.Read(p)
	if err != nil {
		return n, errors.New("disk gone")
	}
	return n, nil
}

func TestLinesEndsWithTheReadError(t *testing.T) {
	var items []batch.Item
	for it := range batch.Lines(context.Background(), failingReader{strings.NewReader("{}\n")}, "s.jsonl", 1<<10) {
		items = append(items, it)
	}
	require.Len(t, items, 2)
	assert.Equal(t, "{}", string(items[0].Data))
	require.Error(t, items[1].Err)
	assert.Contains(t, items[1].Err.Error(), "disk gone")
	assert.Equal(t, 2, items[1].Line)
}

func TestRunReportsBadLinesWithTheirPlaceAndGoesOn(t *testing.T) {
	good := stream(t, 2)
	lines := bytes.Split(bytes.TrimSpace(good), []byte("\n"))
	in := string(lines[0]) + "\n{\"project\": \n" + string(lines[1]) + "\n"
	outs := collect(t, batch.Lines(context.Background(), strings.NewReader(in), "in.jsonl", 1<<20),
		batch.Options{Workers: 2, Mode: batch.Check})
	require.Len(t, outs, 3)
	assert.NoError(t, outs[0].Err)
	assert.NoError(t, outs[2].Err)
	require.Error(t, outs[1].Err)
	assert.Contains(t, outs[1].Err.Error(), "in.jsonl:2")
	assert.Empty(t, outs[1].Results)
}

func TestRunFormatsInTheWorkerAndDropsResults(t *testing.T) {
	data := stream(t, 20)
	format := func(rs []*engine.Result, _ *published.Result) ([]byte, error) {
		return []byte(fmt.Sprintf("%s %.2f\n", rs[0].Project.Name, rs[0].Total)), nil
	}
	outs := collect(t, batch.Lines(context.Background(), bytes.NewReader(data), "in.jsonl", 1<<20),
		batch.Options{Workers: 3, Mode: batch.Score, Format: format})
	require.Len(t, outs, 20)
	for _, o := range outs {
		assert.Nil(t, o.Results, "results are dropped once formatted unless Keep is set")
		assert.NotEmpty(t, o.Text)
	}

	outs = collect(t, batch.Lines(context.Background(), bytes.NewReader(data), "in.jsonl", 1<<20),
		batch.Options{Workers: 3, Mode: batch.Score, Format: format, Keep: true})
	for _, o := range outs {
		require.Len(t, o.Results, 1)
		assert.Equal(t, fmt.Sprintf("%s %.2f\n", o.Results[0].Project.Name, o.Results[0].Total), string(o.Text))
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	data := stream(t, 100)
	stop := errors.New("output closed")
	n := 0
	err := batch.Run(context.Background(), batch.Lines(context.Background(), bytes.NewReader(data), "in.jsonl", 1<<20),
		batch.Options{Workers: 4, Mode: batch.Check}, func(batch.Output) error {
			n++
			if n == 5 {
				return stop
			}
			return nil
		})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 5, n, "nothing is emitted after the error")
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	items := make(chan batch.Item) // never closed: only cancelling ends the run
	done := make(chan error, 1)
	go func() {
		done <- batch.Run(ctx, items, batch.Options{Workers: 2}, func(batch.Output) error { return nil })
	}()
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
}

func TestSourcesNumbersItemsAcrossFilesStreamsAndStdin(t *testing.T) {
	dir := t.TempDir()
	stream := filepath.Join(dir, "s.jsonl")
	require.NoError(t, os.WriteFile(stream, []byte("{\"a\":1}\n\n{\"b\":2}\n"), 0o644))
	inputs := []string{"one.toml", stream, "-", filepath.Join(dir, "missing.ndjson"), "two.xlsx"}
	var items []batch.Item
	for it := range batch.Sources(context.Background(), inputs, strings.NewReader("{\"c\":3}\n"), 1<<10) {
		items = append(items, it)
	}
	type got struct {
		Seq  int
		Name string
		Line int
		Data string
		Err  bool
	}
	var gots []got
	for _, it := range items {
		gots = append(gots, got{it.Seq, it.Name, it.Line, string(it.Data), it.Err != nil})
	}
	assert.Equal(t, []got{
		{0, "one.toml", 0, "", false},
		{1, stream, 1, `{"a":1}`, false},
		{2, stream, 3, `{"b":2}`, false},
		{3, "stdin", 1, `{"c":3}`, false},
		{4, filepath.Join(dir, "missing.ndjson"), 0, "", true},
		{5, "two.xlsx", 0, "", false},
	}, gots)
}

// A leading byte-order mark is no part of the first line.
func TestLinesDropALeadingBOM(t *testing.T) {
	var items []batch.Item
	for it := range batch.Lines(context.Background(), strings.NewReader("\xEF\xBB\xBF{\"a\":1}\n{\"b\":2}\n"), "s.jsonl", 1<<10) {
		items = append(items, it)
	}
	require.Len(t, items, 2)
	assert.Equal(t, `{"a":1}`, string(items[0].Data))
	assert.Equal(t, 1, items[0].Line)
	assert.NoError(t, items[0].Err)
}

// A stream that is not JSON Lines is one error at its first line, whatever its length; an
// empty stream is one error too.
func TestStreamsThatAreNotJSONLinesAreOneError(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"toml", "\n# 自评表\n[project]\nname = \"x\"\n[[indicator]]\nname = \"a\"\n", "looks like TOML"},
		{"toml without a comment", "[project]\nname = \"x\"\n", "looks like TOML"},
		{"pretty json", "{\n  \"project\": {\"name\": \"x\"}\n}\n", "one JSON document spread over lines"},
		{"json array", "[{\"project\": {\"name\": \"x\"}}, {\"project\": {\"name\": \"y\"}}]\n", "a JSON array"},
		{"text", "项目名称,分值\n甲,100\n", "one project's JSON object"},
		{"empty", "", "the input is empty"},
		{"blank", "\n  \n\n", "the input is empty"},
		{"bom alone", "\xEF\xBB\xBF", "the input is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var items []batch.Item
			for it := range batch.Lines(context.Background(), strings.NewReader(c.in), "stdin", 1<<10) {
				items = append(items, it)
			}
			require.Len(t, items, 1, "one item, carrying the error")
			var el indicators.ErrorList
			require.ErrorAs(t, items[0].Err, &el)
			assert.Contains(t, el[0].Error(), c.want)
			assert.Equal(t, "stdin", el[0].Pos.File)
		})
	}
	// A later line that is not JSON is that line's own error, as before.
	var items []batch.Item
	for it := range batch.Lines(context.Background(), strings.NewReader("{\"a\":1}\n[x]\n"), "stdin", 1<<10) {
		items = append(items, it)
	}
	require.Len(t, items, 2)
	assert.Equal(t, "[x]", string(items[1].Data))
}

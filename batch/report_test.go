package batch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/layout"
	"jixiao/published"
)

const seedReport = "../testdata/quangang-2021-report.txt"

// run sends the inputs through the pipeline in the given mode.
func run(t *testing.T, mode batch.Mode, eopts engine.Options, inputs ...string) []batch.Output {
	t.Helper()
	return collect(t, batch.Sources(context.Background(), inputs, strings.NewReader(""), 1<<20),
		batch.Options{Workers: 2, Mode: mode, Engine: eopts})
}

// outcome is what a reviewer compares between two readings of the same project.
type outcome struct {
	Total, TotalMin, TotalMax float64
	Exact                     bool
	Grade                     string
	TargetsSet, TargetsMet    int
	Scores                    []float64
	Findings                  []string // code, indicator and the figures, sorted
}

func outcomeOf(r *engine.Result) outcome {
	o := outcome{Total: r.Total, TotalMin: r.TotalMin, TotalMax: r.TotalMax, Exact: r.Exact, Grade: r.Grade,
		TargetsSet: r.TargetsSet, TargetsMet: r.TargetsMet}
	for _, ir := range r.Indicators {
		o.Scores = append(o.Scores, ir.Score)
	}
	for _, f := range r.Findings {
		about := "(project)"
		if f.Indicator >= 0 {
			about = r.Indicators[f.Indicator].Indicator.Name
		}
		o.Findings = append(o.Findings, fmt.Sprintf("%s %s %s %v %v", f.Code, about, f.Field.Key(), f.Expected, f.Actual))
	}
	sort.Strings(o.Findings)
	return o
}

// The seed report, read whole, gives both projects with the totals, grades, targets and
// findings of its hand transcription (testdata/quangang-2021), each placed in the report;
// then the report's own findings: the 589.89 listed and not counted, the grades its
// narrative states, and nothing about a one-cent difference.
func TestSeedReportLikeItsTranscription(t *testing.T) {
	outs := run(t, batch.Check, engine.Options{}, seedReport)
	require.Len(t, outs, 1)
	out := outs[0]
	require.NoError(t, out.Err)
	require.Len(t, out.Results, 2)

	eng := engine.New(engine.Options{})
	want := map[string]outcome{}
	errs := 0
	for _, file := range []string{"社保工作运行经费.toml", "城乡居民养老金及个账补贴.toml"} {
		p, err := indicators.Load(filepath.Join("../testdata/quangang-2021", file), indicators.Limits{})
		require.NoError(t, err)
		r, err := eng.Check(p)
		require.NoError(t, err)
		want[p.Name] = outcomeOf(r)
	}
	assert.Equal(t, "社保工作运行经费", out.Results[0].Project.Name, "the report's order")
	assert.Equal(t, "城乡居民养老金及个账补贴", out.Results[1].Project.Name)
	for _, r := range out.Results {
		assert.Equal(t, want[r.Project.Name], outcomeOf(r), r.Project.Name)
		e, _, _ := engine.Count(r.Findings)
		errs += e
		for k := range r.Findings {
			pos := r.Pos(&r.Findings[k])
			assert.Equal(t, seedReport, pos.File)
			assert.Positive(t, pos.Line, "%s: every finding points at a line of the report", r.Findings[k].Code)
		}
	}
	assert.Equal(t, 96.0, out.Results[0].Total)
	assert.Equal(t, "良", out.Results[1].Grade)

	require.NotNil(t, out.Document)
	assert.Equal(t, seedReport, out.Document.Document.File)
	byCode := map[string][]published.Finding{}
	docErrors := 0
	for _, f := range out.Document.Findings {
		byCode[f.Code] = append(byCode[f.Code], f)
		if f.Severity == published.Error {
			docErrors++
		}
		assert.False(t, math.Abs(math.Abs(f.Diff)-0.01) < 1e-9, "no finding about a one-cent difference: %s %s", f.Code, f.Item)
		assert.Positive(t, f.Pos.Line, "%s: placed", f.Code)
	}
	require.Len(t, byCode[published.CodeTotalMismatch], 1)
	total := byCode[published.CodeTotalMismatch][0]
	assert.Equal(t, 589.89, math.Abs(total.Diff))
	require.Len(t, total.Blame, 1)
	assert.Equal(t, 589.89, total.Blame[0].Amount)
	require.Len(t, byCode[published.CodeNarrativeGrades], 1)
	grades := byCode[published.CodeNarrativeGrades][0]
	assert.Equal(t, "rescored", grades.Item, "compared with the grades the engine computed")
	assert.Equal(t, []published.GradeCount{{Grade: "优", Count: 1}, {Grade: "良", Count: 1}, {Grade: "中", Count: 0}, {Grade: "差", Count: 0}}, grades.Expected)
	assert.Equal(t, errs+docErrors, out.Errors, "the document's errors count like the projects'")
	assert.Equal(t, 4, docErrors)
}

// Score reads the report and scores its projects, without checks; lint checks the criteria
// alone, not the report.
func TestReportModes(t *testing.T) {
	for _, mode := range []batch.Mode{batch.Score, batch.Lint} {
		out := run(t, mode, engine.Options{}, seedReport)[0]
		require.NoError(t, out.Err)
		require.Len(t, out.Results, 2)
		require.NotNil(t, out.Document)
		assert.Nil(t, out.Document.Findings, "mode %d", mode)
	}
}

// The review configuration's tolerances and disabled codes apply to the report's checks.
func TestReportConfiguration(t *testing.T) {
	codes := func(opts engine.Options) map[string]int {
		got := map[string]int{}
		for _, f := range run(t, batch.Check, opts, seedReport)[0].Document.Findings {
			got[f.Code]++
		}
		return got
	}
	loose := codes(engine.Options{})
	assert.Equal(t, 1, loose[published.CodeNarrativeGrades])
	assert.Equal(t, 1, loose[published.CodeTotalMismatch])

	off := codes(engine.Options{Config: indicators.Config{Review: indicators.Thresholds{Disable: []string{published.CodeNarrativeGrades}}}})
	assert.Zero(t, off[published.CodeNarrativeGrades])
	assert.Equal(t, 1, off[published.CodeTotalMismatch])

	tiny := 1e-9
	strict := codes(engine.Options{Override: indicators.Thresholds{MoneyTolerance: &tiny}})
	assert.Greater(t, strict[published.CodeTotalMismatch]+strict[published.CodeLineMismatch]+strict[published.CodeCrossMismatch],
		loose[published.CodeTotalMismatch], "without the 尾数误差, the one-cent differences are findings")

	zero := 0.0 // money_tolerance = 0 is a tolerance of 0, not "unset"
	assert.Equal(t, strict, codes(engine.Options{Override: indicators.Thresholds{MoneyTolerance: &zero}}))
	assert.Equal(t, strict, codes(engine.Options{Config: indicators.Config{Review: indicators.Thresholds{MoneyTolerance: &zero}}}))
}

// A report jixiao cannot read is an input error naming the file, like any other.
func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(notes, []byte("会议纪要\n没有表格。\n"), 0o644))
	out := run(t, batch.Check, engine.Options{}, notes)[0]
	require.Error(t, out.Err)
	var list indicators.ErrorList
	require.True(t, errors.As(out.Err, &list), "an ErrorList, printed like a file's errors")
	assert.Equal(t, notes, list[0].Pos.File)
	assert.Contains(t, list[0].Localize(i18n.Zh), "没有找到可识别的表格")
	assert.Nil(t, out.Results)
}

// blankPDF is a PDF of n pages without text: a scan, to a text extractor.
func blankPDF(n int) []byte {
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 3+i)
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)}
	for range n {
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// A scanned PDF is named as such; without pdftotext, the first PDF says how to install it
// and the others are named as not read.
func TestPDFErrors(t *testing.T) {
	dir := t.TempDir()
	scan, other := filepath.Join(dir, "scan.pdf"), filepath.Join(dir, "other.pdf")
	require.NoError(t, os.WriteFile(scan, blankPDF(2), 0o644))
	require.NoError(t, os.WriteFile(other, blankPDF(1), 0o644))

	if _, err := exec.LookPath("pdftotext"); err == nil {
		out := run(t, batch.Check, engine.Options{}, scan)[0]
		require.Error(t, out.Err)
		assert.True(t, errors.Is(out.Err, layout.ErrScanned) || strings.Contains(out.Err.Error(), "scan"))
		var list indicators.ErrorList
		require.True(t, errors.As(out.Err, &list))
		assert.Contains(t, list[0].Localize(i18n.Zh), "这是扫描件，没有文字层")
		assert.Equal(t, scan, list[0].Pos.File)
	}

	t.Setenv("PATH", dir) // no pdftotext here
	outs := run(t, batch.Check, engine.Options{}, scan, other)
	require.Len(t, outs, 2)
	var first, second indicators.ErrorList
	require.True(t, errors.As(outs[0].Err, &first))
	require.True(t, errors.As(outs[1].Err, &second))
	assert.Contains(t, first[0].Localize(i18n.Zh), "apt-get install poppler-utils")
	assert.Equal(t, scan, first[0].Pos.File)
	assert.Equal(t, other+": 未读取：没有 pdftotext（见上）", second[0].Localize(i18n.Zh))

	_, err := batch.Projects(scan, indicators.Limits{})
	require.True(t, errors.As(err, &first))
	assert.Contains(t, first[0].Localize(i18n.En), "install poppler-utils")
}

// Projects reads any input's projects: a report's are placed in it, for import to save.
func TestProjectsOfAReport(t *testing.T) {
	ps, err := batch.Projects(seedReport, indicators.Limits{})
	require.NoError(t, err)
	require.Len(t, ps, 2)
	assert.Equal(t, "社保工作运行经费", ps[0].Name)
	assert.Equal(t, indicators.Pos{File: seedReport, Line: 533, Col: 7}, ps[0].Pos("project.name"), "专项名称\t\t社保工作运行经费")
	assert.Equal(t, seedReport, ps[0].Pos("indicator").File)
	assert.Positive(t, ps[0].Pos("indicator").Line, "the table, where no key is placed")

	ps, err = batch.Projects("../testdata/quangang-2021/社保工作运行经费.toml", indicators.Limits{})
	require.NoError(t, err)
	require.Len(t, ps, 1)
}

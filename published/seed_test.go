package published_test

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/published"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seedReport is the bundled published report; seedProjects its hand transcription.
const (
	seedReport   = "../testdata/quangang-2021-report.txt"
	seedProjects = "../testdata/quangang-2021"
)

func readSeed(t *testing.T) *published.Document {
	t.Helper()
	doc, err := published.Read(seedReport)
	require.NoError(t, err, "Read(%s)", seedReport)
	return doc
}

// transcribed loads the hand transcription of each project, by name.
func transcribed(t *testing.T) map[string]*indicators.Project {
	t.Helper()
	out := map[string]*indicators.Project{}
	files, err := filepath.Glob(filepath.Join(seedProjects, "*.toml"))
	require.NoError(t, err)
	require.Len(t, files, 2)
	for _, f := range files {
		p, err := indicators.Load(f, indicators.Limits{})
		require.NoError(t, err, "indicators.Load(%s)", f)
		out[p.Name] = p
	}
	return out
}

// sameProject asserts that a project read from the report has the transcription's fields.
func sameProject(t *testing.T, want, got *indicators.Project) {
	t.Helper()
	assert.Equal(t, want.Name, got.Name)
	assert.Equal(t, want.Agency, got.Agency, "%s: agency", want.Name)
	assert.Equal(t, want.AgencyCode, got.AgencyCode, "%s: agency code", want.Name)
	assert.Equal(t, want.FunctionCode, got.FunctionCode, "%s: function code", want.Name)
	assert.Equal(t, want.Year, got.Year, "%s: year", want.Name)
	require.NotNil(t, got.Funds, "%s: funds", want.Name)
	for _, f := range []struct {
		name      string
		want, got *float64
	}{{"budget", want.Funds.Budget, got.Funds.Budget}, {"adjustment", want.Funds.Adjustment, got.Funds.Adjustment},
		{"allocated", want.Funds.Allocated, got.Funds.Allocated}, {"balance", want.Funds.Balance, got.Funds.Balance},
		{"received", want.Funds.Received, got.Funds.Received}, {"spent", want.Funds.Spent, got.Funds.Spent},
		{"unspent", want.Funds.Unspent, got.Funds.Unspent}, {"unspent_rate", want.Funds.UnspentRate, got.Funds.UnspentRate}} {
		assert.Equal(t, f.want, f.got, "%s: funds.%s", want.Name, f.name)
	}
	assert.Equal(t, want.Reported, got.Reported, "%s: what the submission states", want.Name)
	require.Len(t, got.Indicators, len(want.Indicators), "%s: indicators", want.Name)
	for i, w := range want.Indicators {
		g := got.Indicators[i]
		where := want.Name + " › " + w.Name
		assert.Equal(t, w.Name, g.Name, "indicator %d", i)
		assert.Equal(t, w.Level1, g.Level1, "%s: level1", where)
		assert.Equal(t, w.Level2, g.Level2, "%s: level2", where)
		sameValue(t, w.Target, g.Target, where+": target")
		sameValue(t, w.Actual, g.Actual, where+": actual")
		sameValue(t, w.Prior, g.Prior, where+": prior")
		assert.Equal(t, w.Unit, g.Unit, "%s: unit", where)
		assert.Equal(t, w.Weight, g.Weight, "%s: weight", where)
		assert.Equal(t, w.Reported, g.Reported, "%s: reported score", where)
		assert.Equal(t, w.Criterion, g.Criterion, "%s: criterion", where)
		// The transcription wrote one reason's comma full-width; the report prints it half-width.
		assert.Equal(t, num.Normalize(w.Reason), num.Normalize(g.Reason), "%s: reason", where)
		assert.Equal(t, w.Applicable, g.Applicable, "%s: applicable", where)
		assert.Equal(t, w.Direction, g.Direction, "%s: direction", where)
	}
}

// sameValue compares values by what they mean: the number where there is one (the
// transcription writes 2000 where the report prints 增长两千人), else the text.
func sameValue(t *testing.T, want, got indicators.Value, what string) {
	t.Helper()
	assert.Equal(t, want.Set, got.Set, "%s: set (want %q, got %q)", what, want.Text, got.Text)
	assert.Equal(t, want.IsNum, got.IsNum, "%s: a number (want %q, got %q)", what, want.Text, got.Text)
	if want.IsNum {
		assert.Equal(t, want.Num, got.Num, "%s: number (want %q, got %q)", what, want.Text, got.Text)
		assert.Equal(t, want.Op, got.Op, "%s: operator", what)
		assert.Equal(t, want.Percent, got.Percent, "%s: percent", what)
	} else {
		assert.Equal(t, want.Text, got.Text, what)
	}
}

// scored is what the engine makes of a project: total, grade, targets, each indicator's
// score and the codes of the review's findings with the indicator they are about.
type scored struct {
	total                  float64
	grade                  string
	targetsSet, targetsMet int
	scores                 []float64
	findings               []string
}

func score(t *testing.T, p *indicators.Project) scored {
	t.Helper()
	r, err := engine.New(engine.Options{}).Check(p)
	require.NoError(t, err, "engine Check(%s)", p.Name)
	s := scored{total: r.Total, grade: r.Grade, targetsSet: r.TargetsSet, targetsMet: r.TargetsMet}
	for _, ir := range r.Indicators {
		s.scores = append(s.scores, ir.Score)
	}
	for _, f := range r.Findings {
		about := ""
		if f.Indicator >= 0 {
			about = r.Indicators[f.Indicator].Indicator.Name
		}
		s.findings = append(s.findings, string(f.Code)+" "+about)
	}
	sort.Strings(s.findings)
	return s
}

func TestSeedProjects(t *testing.T) {
	doc := readSeed(t)
	want := transcribed(t)
	require.Len(t, doc.Projects, 2)
	assert.Equal(t, 2021, doc.Year)
	for _, p := range doc.Projects {
		w := want[p.Project.Name]
		require.NotNil(t, w, "a project the transcription does not have: %q", p.Project.Name)
		sameProject(t, w, p.Project)
		assert.Equal(t, score(t, w), score(t, p.Project), "%s: the engine's result, read from the report and from the transcription", w.Name)
	}

	one, two := doc.Projects[0], doc.Projects[1]
	assert.Equal(t, "项目支出绩效自评表（一）", one.Title)
	r1, err := engine.New(engine.Options{}).Score(one.Project)
	require.NoError(t, err)
	assert.Equal(t, "96.00 优 7 5", num.Format(r1.Total, 2)+" "+r1.Grade+" "+itoa(r1.TargetsSet)+" "+itoa(r1.TargetsMet))
	r2, err := engine.New(engine.Options{}).Score(two.Project)
	require.NoError(t, err)
	assert.Equal(t, "88.52 良 9 6", num.Format(r2.Total, 2)+" "+r2.Grade+" "+itoa(r2.TargetsSet)+" "+itoa(r2.TargetsMet))

	// Every figure is placed in the report.
	assert.Equal(t, seedReport+":531:1", one.Table.String())
	assert.Equal(t, seedReport+":589:1", one.Report.String())
	assert.Equal(t, seedReport+":556:12", one.Where("reported.total").String(), "the table's 合计")
	assert.Equal(t, seedReport+":621:11", one.Where("reported.score").String(), "本项目绩效自评得分 94.81 分")
	assert.Equal(t, seedReport+":621:32", one.Where("reported.targets_set").String())
	assert.Equal(t, seedReport+":554:177", one.Where("indicator[5].reported").String(), "社保参保率's score cell")
	assert.Equal(t, seedReport+":533:7", one.Where("project.name").String())
	assert.Equal(t, seedReport+":537:5", one.Where("funds.budget").String())
	assert.Equal(t, seedReport+":749:47", two.Where("indicator[6].reported").String(), "全民参保率: the score lost in the table, from the report")
	assert.Equal(t, seedReport+":757:1", two.Where("indicator[7]").String(), "待遇领取增长人数: only the report has it")
	assert.Equal(t, seedReport+":757:1", two.Where("indicator[7].criterion").String(), "no criterion: the indicator's place")
}

func itoa(n int) string { return num.Short(float64(n), 0) }

func engineGrades(t *testing.T, doc *published.Document) []string {
	t.Helper()
	var grades []string
	for _, p := range doc.Projects {
		r, err := engine.New(engine.Options{}).Score(p.Project)
		require.NoError(t, err)
		g := r.Grade
		if !r.Exact && r.GradeMax != r.Grade {
			g = ""
		}
		grades = append(grades, g)
	}
	return grades
}

func TestSeedFindings(t *testing.T) {
	doc := readSeed(t)
	grades := engineGrades(t, doc)
	require.Equal(t, []string{"优", "良"}, grades, "the engine's grades")
	fs := published.Check(doc, grades, published.Options{})

	byCode := map[string][]published.Finding{}
	for _, f := range fs {
		byCode[f.Code] = append(byCode[f.Code], f)
	}
	counts := map[string]int{}
	for c, l := range byCode {
		counts[c] = len(l)
	}
	assert.Equal(t, map[string]int{
		published.CodeLineMissing:     1, // 201 in 01表, in no other table
		published.CodeTotalMismatch:   1, // 01表 本年支出合计 against its lines: 589.89
		published.CodeNarrativeGrades: 1, // both 优, one re-scores to 良
		published.CodeEvalMismatch:    1, // table 合计 100 against the report's 94.81
		published.CodeHeadingDiffers:  4, // table (二)'s merged headings landed on other rows
		published.CodeCellsMissing:    2, // table (二) lost two scores
		published.CodeRowFromReport:   2, // table (二) lost two rows
	}, counts, "the findings by code")

	total := byCode[published.CodeTotalMismatch][0]
	assert.Equal(t, "公开01表 › 支出", total.Subject)
	assert.Equal(t, "本年支出合计", total.Item)
	assert.Equal(t, 18081.38, total.Actual)
	assert.Equal(t, 18671.27, total.Expected)
	assert.Equal(t, -589.89, total.Diff)
	assert.Equal(t, "万元", total.Unit)
	require.Len(t, total.Blame, 1, "one listed line equals the difference")
	assert.Equal(t, published.Ref{Table: "公开01表", Name: "一、一般公共服务支出", Amount: 589.89,
		Pos: indicators.Pos{File: seedReport, Line: 95, Col: 37}}, total.Blame[0])
	assert.Equal(t, seedReport+":121:25", total.Pos.String(), "the stated 本年支出合计")

	missing := byCode[published.CodeLineMissing][0]
	assert.Equal(t, "公开01表 › 支出", missing.Subject)
	assert.Equal(t, "一、一般公共服务支出", missing.Item)
	assert.Equal(t, []string{"公开03表"}, missing.Names)
	assert.Equal(t, 589.89, missing.Actual)

	grade := byCode[published.CodeNarrativeGrades][0]
	assert.Equal(t, seedReport+":479:88", grade.Pos.String(), "the counts in the 预算绩效情况说明")
	assert.Equal(t, []published.GradeCount{{"优", 2}, {"良", 0}, {"中", 0}, {"差", 0}}, grade.Actual)
	assert.Equal(t, []published.GradeCount{{"优", 1}, {"良", 1}, {"中", 0}, {"差", 0}}, grade.Expected)
	assert.Equal(t, []string{"社保工作运行经费 优", "城乡居民养老金及个账补贴 良"}, grade.Names)

	eval := byCode[published.CodeEvalMismatch][0]
	assert.Equal(t, seedReport+":556:12", eval.Pos.String(), "the table's 合计")
	assert.Equal(t, seedReport+":621:11", eval.Other.String(), "the report's 自评得分")
	assert.Equal(t, 100.0, eval.Actual)
	assert.Equal(t, 94.81, eval.Expected)

	for _, f := range fs {
		assert.False(t, num.Within(math.Abs(f.Diff), 0.01, 1e-9), "no finding about a one-cent difference: %s", msg(f, i18n.En))
	}

	golden(t, "seed-findings.golden", render(fs))
}

// With no tolerance, the seed's one-cent differences (尾数误差) are findings: the default
// tolerance is what keeps them out.
func TestSeedOneCentDifferences(t *testing.T) {
	doc := readSeed(t)
	strict := published.Check(doc, nil, published.Options{MoneyTolerance: 1e-9})
	loose := published.Check(doc, nil, published.Options{})
	var cents []string
	for _, f := range strict {
		if num.Within(math.Abs(f.Diff), 0.01, 1e-9) {
			cents = append(cents, f.Subject+" "+f.Item)
		}
	}
	assert.Contains(t, cents, "公开04表 › 支出 八、社会保障和就业支出", "表04 208 row 14,888.95 against 表05 14,888.94")
	assert.Contains(t, cents, "公开06表 › 人员经费 人员经费合计", "2257.70 against 301 + 303 = 2257.71")
	assert.Len(t, strict, len(loose)+len(cents), "the strict check adds the one-cent differences and nothing else")
}

func render(fs []published.Finding) string {
	var b strings.Builder
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, f := range fs {
			b.WriteString(f.Pos.String() + ": " + string(f.Severity) + " [" + f.Code + "] " + msg(f, lang) + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file %s (go test ./published -update writes it)", path)
	assert.Equal(t, string(want), got, "output differs from %s; review, then rerun with -update", path)
}

// The engine's codes and these will share one catalogue: none may be used twice.
func TestCodesApartFromEngine(t *testing.T) {
	ours := map[string]bool{}
	for _, c := range published.Codes() {
		ours[c.Code] = true
	}
	require.NotEmpty(t, engine.Checks())
	for _, c := range engine.Checks() {
		assert.False(t, ours[string(c.Code)], "%s is an engine code too", c.Code)
	}
}

// The projects read from the report, saved as TOML files (as import saves them) and loaded
// again, are the transcription and score alike.
func TestSeedSavedAsTOML(t *testing.T) {
	doc := readSeed(t)
	want := transcribed(t)
	dir := t.TempDir()
	for _, p := range doc.Projects {
		path := filepath.Join(dir, p.Project.Name+".toml")
		f, err := os.Create(path)
		require.NoError(t, err)
		require.NoError(t, indicators.WriteTOML(f, p.Project, p.Title+", "+seedReport))
		require.NoError(t, f.Close())
		loaded, err := indicators.Load(path, indicators.Limits{})
		require.NoError(t, err, "indicators.Load(%s)", path)
		w := want[p.Project.Name]
		sameProject(t, w, loaded)
		assert.Equal(t, score(t, w), score(t, loaded), "%s: the engine's result after saving", w.Name)
	}
}

// An evaluation report is matched to its table by the project it names, else by order; a
// report without a table gives a project of its own.
func TestReportMatching(t *testing.T) {
	seed, err := os.ReadFile(seedReport)
	require.NoError(t, err)
	lines := strings.Split(string(seed), "\n")
	write := func(text string) *published.Document {
		path := filepath.Join(t.TempDir(), "report.txt")
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		doc, err := published.Read(path)
		require.NoError(t, err)
		return doc
	}

	t.Run("by order", func(t *testing.T) {
		text := strings.Replace(string(seed), "为提高社保工作运行经费专项资金使用绩效，泉港区人力资源和社会保障局组织对 2021 年度社保工作运行经费专项开展绩效评价。",
			"为提高专项资金使用绩效，组织开展绩效评价。", 1)
		doc := write(text)
		require.Len(t, doc.Projects, 2)
		assert.Equal(t, 589, doc.Projects[0].Report.Line, "the unnamed report goes to the table in its place")
		assert.Equal(t, facts(published.Check(readSeed(t), nil, published.Options{})), facts(published.Check(doc, nil, published.Options{})))
	})

	t.Run("a report without its table", func(t *testing.T) {
		// Lines 559–585 are 项目支出绩效自评表（二）.
		text := strings.Join(append(append([]string{}, lines[:558]...), lines[585:]...), "\n")
		doc := write(text)
		require.Len(t, doc.Projects, 2)
		p := doc.Projects[1]
		assert.False(t, p.Table.IsValid())
		assert.Equal(t, "项目支出绩效评价报告（二）", p.Title)
		assert.Equal(t, "城乡居民养老金及个账补贴", p.Project.Name)
		assert.Len(t, p.Project.Indicators, 9, "every indicator the report restates")
		require.NotNil(t, p.Project.Funds)
		assert.Equal(t, 6807.0, *p.Project.Funds.Budget, "the funds the report states")
		assert.Equal(t, 94.79, *p.Project.Reported.Score)
		r, err := engine.New(engine.Options{}).Score(p.Project)
		require.NoError(t, err)
		assert.True(t, r.Exact, "scored by the default method")
		got := map[string]int{}
		for _, f := range published.Check(doc, nil, published.Options{}) {
			got[f.Code]++
		}
		assert.Equal(t, 1, got[published.CodeTableMissing])
		assert.Equal(t, 1, got[published.CodeNarrativeCount], "the narrative states two self-evaluations; the report holds one table")
		assert.Zero(t, got[published.CodeRowFromReport], "no table, so no row is missing from it")
	})
}

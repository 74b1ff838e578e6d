package published_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/published"
)

// The seed's narrative in the wording that puts the count after the projects, under a
// heading that is not a 说明 (as Shanghai's reports write it).
const (
	seedSelfEval = "根据预算绩效管理要求，本单位组织对 2021 年度 2 个项目实施单位自评，是社保工作运行经费、城乡居民养老金及个账补贴项目，涉及财政拨款资金共计 6880.00 万元。（《项目支出绩效自评表》详见附件一）"
	seedEval     = "对 2 个项目实施单位评价，是社保工作运行经费、城乡居民养老金及个账补贴项目，涉及财政拨款资金共计 6880.00 万元，评价结果等次为“优”“良”“中”“差”的项目分别是 2 个、0 个、0 个、0 个。（《项目支出绩效评价报告》详见附件二）"
	countAfter   = "本部门 2021 年度预算绩效管理工作开展情况如下：编报绩效目标的 2021 年度项目 2 个，涉及预算金额 6880.00 万元；" +
		"绩效跟踪评价的 2021 年度项目 2 个，涉及预算金额 6880.00 万元；绩效自评的 2021 年度项目 %N 个，涉及预算金额 %F 万元，平均得分 %A 分" +
		"（其中，绩效评级为“优”的项目 %G 个；绩效评级为“良”的项目 0 个；绩效评级为“中”的项目 0 个；绩效评级为“差”的项目 0 个）。"
)

// seedWith is the seed report with its narrative in the count-after wording (n projects,
// funds f, average a, g of them 优) under 七、预算绩效管理情况; without its annex (the
// tables and reports) when bare.
func seedWith(t *testing.T, n, f, a, g string, bare bool) *published.Document {
	t.Helper()
	data, err := os.ReadFile(seedReport)
	require.NoError(t, err)
	text := string(data)
	for _, s := range []string{seedSelfEval, seedEval, "七、预算绩效情况说明\n\n根据"} {
		require.Equal(t, 1, strings.Count(text, s), "the seed holds %q once", s)
	}
	text = strings.Replace(text, seedSelfEval, strings.NewReplacer("%N", n, "%F", f, "%A", a, "%G", g).Replace(countAfter), 1)
	text = strings.Replace(text, seedEval, "", 1)
	text = strings.Replace(text, "七、预算绩效情况说明\n\n", "七、预算绩效管理情况\n\n", 1)
	if bare {
		cut := strings.Index(text, "\n第五部分 附件\n")
		require.Positive(t, cut)
		text = text[:cut+1]
	}
	doc, err := published.Read(writeReport(t, text))
	require.NoError(t, err)
	return doc
}

// A narrative that puts the count after the projects is read: the self-evaluations' count,
// funds, average and grades, and neither the projects that set targets nor those monitored.
// Against the tables, its count, funds and grades are checked as the usual wording's are;
// without any table, it is said to be unchecked, with what it states.
func TestNarrativeCountAfter(t *testing.T) {
	doc := seedWith(t, "2", "6880.00", "96.31", "2", false)
	require.Len(t, doc.Narrative.Statements, 1, "only the self-evaluations: %+v", doc.Narrative.Statements)
	st := doc.Narrative.Statements[0]
	assert.Equal(t, "自评", st.Kind)
	assert.Equal(t, 2, st.Count)
	require.NotNil(t, st.Funds)
	assert.Equal(t, 6880.0, *st.Funds)
	require.NotNil(t, st.Average)
	assert.Equal(t, 96.31, *st.Average)
	assert.Equal(t, 2, st.AverageDecimals)
	assert.Equal(t, []published.GradeCount{{Grade: "优", Count: 2}, {Grade: "良", Count: 0}, {Grade: "中", Count: 0}, {Grade: "差", Count: 0}}, st.Grades)

	base := map[string]int{}
	for _, f := range published.Check(readSeed(t), nil, published.Options{}) {
		base[f.Code]++
	}
	for _, tt := range []struct {
		name       string
		n, f, a, g string
		want       map[string]int
	}{
		// The seed's reports state 自评得分 94.81 and 94.79: 94.80 on average.
		{"as the tables", "2", "6880.00", "94.80", "2", map[string]int{}},
		{"as the tables, one decimal", "2", "6880.00", "94.8", "2", map[string]int{}},
		{"count", "3", "6880.00", "94.80", "2", map[string]int{published.CodeNarrativeCount: 1}},
		{"funds", "2", "6890.00", "94.80", "2", map[string]int{published.CodeNarrativeFunds: 1}},
		{"average", "2", "6880.00", "96.31", "2", map[string]int{published.CodeNarrativeAverage: 1}},
		{"grades", "2", "6880.00", "94.80", "1", map[string]int{published.CodeNarrativeGrades: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]int{}
			for _, f := range published.Check(seedWith(t, tt.n, tt.f, tt.a, tt.g, false), nil, published.Options{}) {
				got[f.Code]++
			}
			for c, k := range base {
				if got[c] -= k; got[c] == 0 {
					delete(got, c)
				}
			}
			// The seed's own evaluation sentence is gone: its count is no longer checked.
			assert.Equal(t, tt.want, got)
		})
	}

	t.Run("the average's finding", func(t *testing.T) {
		var got []published.Finding
		for _, f := range published.Check(seedWith(t, "2", "6880.00", "96.31", "2", false), nil, published.Options{}) {
			if f.Code == published.CodeNarrativeAverage {
				got = append(got, f)
			}
		}
		require.Len(t, got, 1)
		f := got[0]
		assert.Equal(t, "自评", f.Item)
		assert.Equal(t, 96.31, f.Actual)
		assert.Equal(t, 94.8, f.Expected)
		assert.Equal(t, 1.51, f.Diff)
		assert.Equal(t, []string{"社保工作运行经费 94.81", "城乡居民养老金及个账补贴 94.79"}, f.Names)
		assert.Positive(t, f.Pos.Line)
	})

	t.Run("no tables", func(t *testing.T) {
		doc := seedWith(t, "2", "6880.00", "96.31", "2", true)
		require.Empty(t, doc.Projects)
		var unchecked []published.Finding
		for _, f := range published.Check(doc, nil, published.Options{}) {
			switch f.Code {
			case published.CodeNarrativeUnchecked:
				unchecked = append(unchecked, f)
			case published.CodeNarrativeCount, published.CodeNarrativeFunds, published.CodeNarrativeGrades, published.CodeNarrativeAverage:
				t.Errorf("%s: nothing to compare with, yet %+v", f.Code, f)
			}
		}
		require.Len(t, unchecked, 1)
		f := unchecked[0]
		assert.Equal(t, published.Warning, f.Severity)
		assert.Equal(t, "自评", f.Item)
		assert.Equal(t, 2, f.Actual)
		assert.Equal(t, []string{"涉及预算金额6880.00万元", "平均得分96.31分", "评级为“优”的项目2个", "评级为“良”的项目0个",
			"评级为“中”的项目0个", "评级为“差”的项目0个"}, f.Names)
		assert.Positive(t, f.Pos.Line, "the sentence's place")
	})
}

// The real PDF states one self-evaluated project, its funds, average and grades (合格 and
// 不合格 among them) under 十、预算绩效管理情况, and holds no self-evaluation table: the
// claim is said to be unchecked, at its place on page 21.
func TestRealPDFNarrativeUnchecked(t *testing.T) {
	doc := readReal(t)
	require.Len(t, doc.Narrative.Statements, 1, "%+v", doc.Narrative.Statements)
	st := doc.Narrative.Statements[0]
	assert.Nil(t, st.Grades, "合格 and 不合格 are no grades of the projects'")
	var got []published.Finding
	for _, f := range published.Check(doc, nil, published.Options{}) {
		if strings.HasPrefix(f.Code, "narrative-") && f.Code != published.CodeNarrativeNoBase {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1, "%+v", got)
	f := got[0]
	assert.Equal(t, published.CodeNarrativeUnchecked, f.Code)
	assert.Equal(t, "自评", f.Item)
	assert.Equal(t, 1, f.Actual)
	assert.Equal(t, []string{"涉及预算金额175.52万元", "平均得分100.00分", "评级为“优”的项目1个", "评级为“良”的项目0个",
		"评级为“合格”的项目0个", "评级为“不合格”的项目0个"}, f.Names)
	assert.Equal(t, 21, f.Pos.Page)
	assert.Equal(t, 12, f.Pos.Line)
}

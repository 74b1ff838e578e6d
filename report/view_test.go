package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/engine"
	"jixiao/internal/i18n"
)

// layOut writes a TableView the way the text output writes a project, up to the findings.
func layOut(name string, v TableView) string {
	var b strings.Builder
	b.WriteString(name + "\n  " + strings.Join(v.Facts, " · ") + "\n\n")
	t := newTable(right, left, left, left, right, left, right, right, right, right, left)
	t.row(v.Head...)
	t.rule()
	marked := false
	row := func(r TableRow) {
		cells := append([]string(nil), r.Cells...)
		if r.Disputed {
			cells[ColReported] = "*" + cells[ColReported]
			marked = true
		}
		t.row(cells...)
	}
	for _, r := range v.Rows {
		row(r)
	}
	if v.Execution != nil {
		row(*v.Execution)
	}
	t.rule()
	row(v.Total)
	t.write(&b)
	b.WriteString("\n")
	for _, n := range v.Notes {
		b.WriteString(i18n.Pick(langOf(v), "注 ", "Note ") + n + "\n")
	}
	if marked != (v.Legend != "") {
		b.WriteString("(the legend is given when, and only when, a figure is marked)\n")
	}
	if v.Legend != "" {
		b.WriteString(v.Legend + "\n")
	}
	b.WriteString(v.Summary + "\n")
	if v.Stated != "" {
		b.WriteString(v.Stated + "\n")
	}
	return b.String()
}

func langOf(v TableView) i18n.Lang {
	if v.Head[1] == "一级指标" {
		return i18n.Zh
	}
	return i18n.En
}

// The table as data says what the text output says, cell for cell, for the seed and for
// generated projects (ranges, unscored lines, disputed figures), in both languages.
func TestTableIsTheTextTable(t *testing.T) {
	results := append(seedResults(t, true), generatedResults(t, 7, 40)...)
	disputed := 0
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, findings := range []bool{false, true} {
			for _, r := range results {
				var text bytes.Buffer
				require.NoError(t, Text(&text, []*engine.Result{r}, lang, findings))
				v := Table(r, lang, findings)
				want := layOut(r.Project.Name, v)
				require.True(t, strings.HasPrefix(text.String(), want),
					"Table(%s) laid out:\n%s\ntext output:\n%s", r.Project.Name, want, text.String())
				if findings {
					assert.Contains(t, text.String(), "\n"+v.Verdict+"\n")
				} else {
					assert.Empty(t, v.Verdict)
				}
				for i, row := range v.Rows {
					assert.Equal(t, findings && Disputed(r, i), row.Disputed)
					if row.Disputed {
						disputed++
					}
				}
			}
		}
	}
	assert.Positive(t, disputed, "no disputed figure among the projects: the test proves too little")
}

// Tiers names each tier as lint's findings do: its number, its condition as a reviewer
// reads it, and its score.
func TestTiers(t *testing.T) {
	r := seedResults(t, true)[1]
	seen := 0
	for i, ir := range r.Indicators {
		got := Tiers(r, i, i18n.Zh)
		seen += len(got)
		require.Len(t, got, len(ir.Criterion.Tiers), "indicator %d", i)
		for k, s := range got {
			assert.True(t, strings.HasPrefix(s, fmt.Sprintf("第%d档（", k+1)), "tier %d of indicator %d: %q", k+1, i, s)
		}
	}
	require.Positive(t, seen, "the seed project has no tiers: the test proves nothing")
	last := len(r.Indicators) - 1
	assert.Equal(t, []string{"第1档（实际值 ≥ 98%，10 分）", "第2档（90% ≤ 实际值 < 98%，8 分）", "第3档（85% ≤ 实际值 < 90%，5 分）", "第4档（实际值 < 85%，0 分）"},
		Tiers(r, last, i18n.Zh))
	assert.True(t, strings.HasPrefix(Tiers(r, last, i18n.En)[0], "tier 1 ("), Tiers(r, last, i18n.En)[0])
	// The findings about tiers name them in the same words.
	named := 0
	for k := range r.Findings {
		f := &r.Findings[k]
		if f.Code != engine.TierOverlap {
			continue
		}
		msg, _ := Message(r, f, i18n.Zh)
		tiers := Tiers(r, f.Indicator, i18n.Zh)
		assert.Contains(t, msg, tiers[f.Tier-1])
		assert.Contains(t, msg, tiers[f.Index])
		named++
	}
	assert.Positive(t, named, "no tier-overlap finding in the seed")
}

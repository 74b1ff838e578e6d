package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

const fillProject = `
[project]
name = "教师培训"
[funds]
budget = 200
spent = 150
weight = 10
reported = 9
[[indicator]]
name = "培训人次"
target = 500
actual = 450
weight = 30
criterion = "完成500人次得30分；未全部完成，按完成情况得12~16分；未开展不得分"
[[indicator]]
name = "培训合格率"
target = 95
unit = "%"
actual = 92
weight = 30
criterion = "合格率达到100%得30分；100%>合格率≥95%得15分；95%>合格率<90%得0分"
[[indicator]]
name = "学员满意度"
target = 90
unit = "%"
actual = 85
weight = 30
reported = 28.33
criterion = "≥90%得满分；每降低1个百分点扣2分，扣完为止"
`

// Every note a filled workbook can carry renders in both languages without a formatting
// slip: a comment for each marked note, none for the others, and the summary.
func TestEveryFillNoteRenders(t *testing.T) {
	r := check(t, "fill.toml", []byte(fillProject))
	var mismatch, reason *engine.Finding
	for k := range r.Findings {
		switch f := &r.Findings[k]; {
		case f.Code == engine.ScoreMismatch && f.Indicator == 2:
			mismatch = f
		case f.Code == engine.MissingReason:
			reason = f
		}
	}
	if mismatch == nil || reason == nil {
		t.Fatalf("the project lacks the findings the notes answer: %v", r.Findings)
	}
	cell := indicators.Pos{Sheet: "Sheet1", Line: 7, Col: 9}
	var notes []FillNote
	for _, slot := range []FillSlot{SlotScore, SlotExecution, SlotTotal, SlotStated, SlotGrade, SlotReason, SlotUnit, SlotFunds} {
		for action := FillWritten; action <= FillNeeded; action++ {
			for ind := range r.Indicators {
				n := FillNote{Slot: slot, Action: action, Indicator: ind, Cell: cell, Owner: "18", Value: "10.00", Finding: mismatch}
				switch {
				case action == FillNeeded:
					n.Finding = reason
				case action == FillFormulaReplaced:
					n.Formula, n.Result = "SUM(I3:I6)", "86"
				case action == FillOpen && ind == 0:
					n.Cleared = true
				}
				notes = append(notes, n)
			}
		}
	}
	for i := range notes {
		n := &notes[i]
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			text := FillComment(r, n, lang)
			if n.Marked() {
				assert.NotEmpty(t, text, "slot %d action %d", n.Slot, n.Action)
			} else {
				assert.Empty(t, text, "slot %d action %d marks nothing", n.Slot, n.Action)
			}
			assert.NotContains(t, text, "%!", "slot %d action %d: %s", n.Slot, n.Action, text)
		}
	}
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		var b strings.Builder
		assert.NoError(t, FillSummary(&b, r, notes, lang))
		assert.NotContains(t, b.String(), "%!")
		assert.Contains(t, b.String(), i18n.Pick(lang, "教师培训（工作表 Sheet1）", "教师培训 (sheet Sheet1)"))
	}

	// The texts that say what the owner must choose, and why a score differs.
	open := FillNote{Slot: SlotScore, Action: FillOpen, Indicator: 0, Cell: cell}
	assert.Equal(t, "请在 12.00–16.00 分之间填写得分：评分标准（第2档 0 < 实际值 < 500，由评分标准文字推得）由自评人按完成情况酌情定分",
		FillComment(r, &open, i18n.Zh))
	gap := FillNote{Slot: SlotScore, Action: FillOpen, Indicator: 1, Cell: cell, Owner: "20"}
	assert.Equal(t, "cannot be scored: the actual value 92 meets no tier's condition: the criterion has a gap. Add a tier for this actual value to the criterion. The owner's 20 is kept, unchecked",
		FillComment(r, &gap, i18n.En))
	replaced := FillNote{Slot: SlotScore, Action: FillReplaced, Indicator: 2, Cell: cell, Owner: "28.33", Value: "20.00", Finding: mismatch}
	assert.Equal(t, "已改为 20.00。原填写 28.33；按评分标准应得 20.00（第2档 实际值 < 90%，由评分标准文字推得）\n28.33 = 30 × 85 / 90：这是按比例计分的结果，而不是按所写的评分标准",
		FillComment(r, &replaced, i18n.Zh))
	x := FillNote{Slot: SlotExecution, Action: FillReplaced, Indicator: -1, Cell: cell, Owner: "9", Value: "7.50"}
	assert.Equal(t, "changed to 7.50. The owner wrote 9; budget execution 75.00% × weight 10, capped at the weight, gives 7.50",
		FillComment(r, &x, i18n.En))
}

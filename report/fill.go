package report

import (
	"io"
	"strings"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/sheets"
)

// A project owner's own workbook, scored in place (jixiao fill): package fill decides what
// goes into each cell the template has for a score, total or grade, and what the owner must
// still add; these are its notes as data, rendered here as cell comments and as the summary.

// FillSlot is what a cell of the owner's workbook is for.
type FillSlot uint8

// The cells fill writes or marks.
const (
	SlotScore     FillSlot = iota // an indicator's 得分
	SlotExecution                 // the 预算执行率 得分
	SlotTotal                     // 合计 / 总分 in the score column
	SlotStated                    // the 自评得分 written below the table
	SlotGrade                     // 等次
	SlotReason                    // an indicator's 偏差原因 (its actual value when the table has no such column)
	SlotUnit                      // an indicator's 度量单位
	SlotFunds                     // the budget execution's reason (at 全年执行数 when there is no place for it)
)

// FillAction is what fill did at a cell, or asks of the owner there.
type FillAction uint8

// The actions, those that mark their cell last.
const (
	FillWritten     FillAction = iota // the computed value, into a blank cell
	FillKept                          // the owner's value equals the computed one (within the tolerance): left as it was
	FillFormulaKept                   // a formula whose result will equal the computed value: left a formula
	// Marked.
	FillReplaced        // the owner's value differed: the computed value went in, the owner's into the comment
	FillFormulaReplaced // a formula whose result will not equal the computed value: the value went in
	FillOpen            // no number can be given: the owner chooses within a range, or supplies what scoring needs
	FillNeeded          // the owner must still add something: a reason, a unit
)

// FillNote is one cell of an owner's workbook that fill wrote, left or marked.
type FillNote struct {
	Slot      FillSlot
	Action    FillAction
	Indicator int            // the indicator of SlotScore, SlotReason and SlotUnit; −1 otherwise
	Cell      indicators.Pos // the sheet and cell
	Owner     string         // what the cell showed before ("" when blank)
	Formula   string         // its formula, without "=", when it had one
	Result    string         // that formula's result with the computed values in; "" when it cannot be worked out
	Value     string         // what went in: the score as printed, the grade; "" for nothing
	Cleared   bool           // FillOpen: the owner's number lay outside what the criterion allows and was taken out
	Finding   *engine.Finding
}

// Marked reports whether the note marks its cell for the owner's attention, with a comment.
func (n *FillNote) Marked() bool { return n.Action >= FillReplaced }

// Disputed reports whether the note replaced what the owner wrote.
func (n *FillNote) Disputed() bool {
	return n.Action == FillReplaced || n.Action == FillFormulaReplaced
}

// FillComment is the comment a marked cell carries for one note: what was written and what
// the owner had, and why; or what the owner must choose or add. "" for a note that marks
// nothing.
func FillComment(r *engine.Result, n *FillNote, lang i18n.Lang) string {
	if !n.Marked() {
		return ""
	}
	return fillText(r, n).String(lang)
}

// fillText is a marked note's comment in both languages.
func fillText(r *engine.Result, n *FillNote) i18n.Text {
	d := r.Project.Scoring.Decimals
	if n.Action == FillNeeded {
		return neededText(r, n)
	}
	if n.Action == FillOpen {
		return openText(r, n, d)
	}
	var why i18n.Text // how the computed value comes about
	switch n.Slot {
	case SlotScore:
		ir := &r.Indicators[n.Indicator]
		why = i18n.T("按评分标准应得 %s（%s）", "the criterion gives %s (%s)", n.Value, basisWords(r, ir))
	case SlotExecution:
		x := r.Execution
		why = i18n.T("预算执行率 %s%% × 分值 %s，最高满分，应得 %s", "budget execution %s%% × weight %s, capped at the weight, gives %s",
			num.Format(x.Rate*100, 2), num.Short(x.Weight, d), n.Value)
	case SlotTotal, SlotStated:
		why = i18n.T("各项得分之和为 %s", "the scores add up to %s", n.Value)
		if r.Rescaled {
			why = i18n.T("各项得分之和按 %s 分折算为 %s", "the scores, rescaled to %s, add up to %s", num.Short(r.Project.Scoring.FullMarks, d), n.Value)
		}
	case SlotGrade:
		why = i18n.T("总分 %s 对应的等次是 %s", "a total of %s is graded %s", num.Format(r.Total, d), n.Value)
	}
	var msg i18n.Text
	switch {
	case n.Action == FillFormulaReplaced && n.Result == "":
		msg = i18n.T("已改为 %s。原为公式 =%s，jixiao 无法算出它的结果；%s", "changed to %s. The cell held the formula =%s, whose result jixiao cannot work out; %s",
			n.Value, n.Formula, why)
	case n.Action == FillFormulaReplaced:
		msg = i18n.T("已改为 %s。原为公式 =%s，填入计算的得分后结果为 %s，与之不符：%s", "changed to %s. The cell held the formula =%s, whose result with the computed scores in is %s, which differs: %s",
			n.Value, n.Formula, n.Result, why)
	default:
		msg = i18n.T("已改为 %s。原填写 %s；%s", "changed to %s. The owner wrote %s; %s", n.Value, n.Owner, why)
	}
	if hint := replacedHint(r, n); !hint.IsZero() {
		msg = i18n.T("%s\n%s", "%s\n%s", msg, hint)
	}
	return msg
}

// replacedHint says how the owner's value may have come about: the hint of the finding
// behind it (proportional scoring instead of the tiers…), or a total that is the sum of the
// weights.
func replacedHint(r *engine.Result, n *FillNote) i18n.Text {
	if f := n.Finding; f != nil && n.Action == FillReplaced {
		if _, hint := messageText(r, f); !hint.IsZero() {
			return hint
		}
	}
	if (n.Slot == SlotTotal || n.Slot == SlotStated) && n.Action == FillReplaced {
		if v, ok := num.ParseNumber(n.Owner); ok && num.Within(v, r.Weight, 0.005) && !num.Within(r.Total, r.Weight, 0.005) {
			return i18n.T("原填写的是各项分值（满分）之和，不是得分之和", "that is the sum of the weights (full marks), not of the scores")
		}
	}
	return i18n.Text{}
}

// openText says what the owner must choose or supply where no number can be given.
func openText(r *engine.Result, n *FillNote, d int) i18n.Text {
	var msg i18n.Text
	switch n.Slot {
	case SlotScore:
		ir := &r.Indicators[n.Indicator]
		if ir.Kind == rules.Ranged {
			msg = i18n.T("请在 %s–%s 分之间填写得分：评分标准（%s）由自评人按完成情况酌情定分", "choose a score within %s–%s: the criterion (%s) leaves it to the owner's judgement of the degree of completion",
				num.Format(ir.Min, d), num.Format(ir.Max, d), basisWords(r, ir))
		} else if f := n.Finding; f != nil && f.Code == engine.CriterionUnparsed {
			unread, _ := messageText(r, f)
			msg = i18n.T("无法计分：%s。请改写这一段，写明条件和得分，或写明指标值和实际完成值的单位",
				"cannot be scored: %s. Rewrite that part with its condition and score, or give the units of the target and the actual value", unread)
		} else if ir.Reason == nil {
			msg = i18n.T("未能确定得分", "the score is not determined")
		} else {
			msg = i18n.T("无法计分：%s", "cannot be scored: %s", reasonText(r, ir))
			if need := neededFor(ir); !need.IsZero() {
				msg = i18n.T("%s。%s", "%s. %s", msg, need)
			}
		}
	case SlotExecution:
		msg = i18n.T("缺少全年预算数或全年执行数，无法计算预算执行率得分", "the full-year budget or the amount spent is missing, so the budget-execution score cannot be worked out")
		if r.Execution == nil {
			msg = i18n.T("预算执行率没有分值，无法计分：请填写分值", "budget execution has no weight, so it cannot be scored: give its weight")
		}
	case SlotTotal, SlotStated:
		msg = i18n.T("总分在 %s–%s 之间：待标出的各项得分确定后才能确定", "the total lies within %s–%s: it is settled once the marked scores are",
			num.Format(r.TotalMin, d), num.Format(r.TotalMax, d))
	case SlotGrade:
		msg = i18n.T("等次在 %s 与 %s 之间：待总分确定后才能确定", "the grade lies between %s and %s: it is settled once the total is",
			r.Grade, r.GradeMax)
	}
	switch {
	case n.Cleared:
		msg = i18n.T("%s。原填写 %s 不在可能的范围内，已删除", "%s. The owner's %s lies outside what is possible and was taken out", msg, n.Owner)
	case n.Formula != "":
		msg = i18n.T("%s。公式 =%s 保留，请在定分后核对其结果", "%s. The formula =%s is kept: check its result once the scores are settled", msg, n.Formula)
	case n.Owner != "":
		msg = i18n.T("%s。原填写 %s 保留，未能核对", "%s. The owner's %s is kept, unchecked", msg, n.Owner)
	}
	return msg
}

// neededFor says what an unscored indicator needs to be scored.
func neededFor(ir *engine.IndicatorResult) i18n.Text {
	switch ir.Reason.Code {
	case rules.NoTierMatched:
		return i18n.T("请在评分标准中补写适用于该实际完成值的档次", "Add a tier for this actual value to the criterion")
	case rules.ActualMissing:
		return i18n.T("请填写实际完成值", "Give the actual value")
	case rules.TargetMissing, rules.TargetZero:
		return i18n.T("请填写数字形式的指标值", "Give the target as a number")
	case rules.TargetUnreadable:
		return i18n.T("请改正指标值的写法", "Correct the target as written")
	case rules.ActualUnreadable:
		return i18n.T("请改正实际完成值的写法", "Correct the actual value as written")
	case rules.ActualUnit:
		return i18n.T("请按指标值的单位填写实际完成值", "Write the actual value in the target's unit")
	}
	return i18n.Text{}
}

// neededText says what the owner must still add at a cell.
func neededText(r *engine.Result, n *FillNote) i18n.Text {
	switch n.Slot {
	case SlotUnit:
		return i18n.T("没有填写度量单位：请填写（如 %、人次、万元）", "no unit of measure: give one (%, 人次, 万元…)")
	case SlotFunds:
		msg, _ := messageText(r, n.Finding)
		return i18n.T("%s。请说明资金未按计划支出的原因", "%s. Say why the money was not spent as planned", msg)
	}
	msg, _ := messageText(r, n.Finding)
	return i18n.T("%s。请填写偏差原因及改进措施", "%s. Give the reason and the steps taken to improve", msg)
}

// basisWords is the 计分依据 of the text output, a tier read from the criterion's text
// said so.
func basisWords(r *engine.Result, ir *engine.IndicatorResult) i18n.Text {
	b := basisText(r, ir)
	if ir.Criterion.Derived && ir.Tier > 0 {
		b = i18n.T("%s，由评分标准文字推得", "%s, read from the criterion's text", b)
	}
	return b
}

// fillSubject names what a cell is for: "资金投入 得分", "合计", "等次".
func fillSubject(r *engine.Result, n *FillNote) i18n.Text {
	name := ""
	if n.Indicator >= 0 && n.Indicator < len(r.Indicators) {
		name = r.Indicators[n.Indicator].Indicator.Name
	}
	switch n.Slot {
	case SlotScore:
		return i18n.T("%s 得分", "%s score", name)
	case SlotExecution:
		return i18n.T("预算执行率得分", "budget-execution score")
	case SlotTotal:
		return i18n.T("总分", "total")
	case SlotStated:
		return i18n.T("自评得分", "stated score")
	case SlotGrade:
		return i18n.T("等次", "grade")
	case SlotUnit:
		return i18n.T("%s 度量单位", "%s unit", name)
	case SlotFunds:
		return i18n.T("预算执行率", "budget execution")
	}
	return i18n.T("%s", "%s", name)
}

// FillSummary writes what fill did in one project's table: the cells filled, those whose
// value differed from the owner's (with both), and what the owner must still choose or add.
func FillSummary(w io.Writer, r *engine.Result, notes []FillNote, lang i18n.Lang) error {
	var filled, kept, differed, missing []*FillNote
	for i := range notes {
		n := &notes[i]
		switch {
		case n.Action == FillWritten:
			filled = append(filled, n)
		case n.Action == FillKept || n.Action == FillFormulaKept:
			kept = append(kept, n)
		case n.Disputed():
			differed = append(differed, n)
		default:
			missing = append(missing, n)
		}
	}
	sheet := ""
	if len(notes) > 0 {
		sheet = notes[0].Cell.Sheet
	}
	var b strings.Builder
	b.WriteString(r.Project.Name)
	if sheet != "" {
		b.WriteString(i18n.T("（工作表 %s）", " (sheet %s)", sheet).String(lang))
	}
	b.WriteString("\n")
	section := func(head i18n.Text, rows [][]string) error {
		b.WriteString("  " + head.String(lang) + "\n")
		t := newTable(left, left, left)
		for _, row := range rows {
			row[0] = "    " + row[0]
			t.row(row...)
		}
		return t.write(&b)
	}
	var rows [][]string
	for _, n := range filled {
		rows = append(rows, []string{cellName(n.Cell), fillSubject(r, n).String(lang), n.Value})
	}
	for _, n := range kept {
		if n.Action == FillFormulaKept {
			rows = append(rows, []string{cellName(n.Cell), fillSubject(r, n).String(lang),
				i18n.T("公式 =%s 保留，结果 %s", "formula =%s kept, result %s", n.Formula, n.Value).String(lang)})
		}
	}
	if err := section(i18n.T("已填入 %d 处，原填写与计算一致 %d 处", "filled in: %d; already holding the computed value: %d", len(filled), len(kept)), rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, n := range differed {
		was := n.Owner
		if n.Formula != "" {
			was = "=" + n.Formula
			if n.Result != "" {
				was += " → " + n.Result
			}
		}
		rows = append(rows, []string{cellName(n.Cell), fillSubject(r, n).String(lang), i18n.T("%s 改为 %s", "%s changed to %s", was, n.Value).String(lang)})
	}
	if err := section(i18n.T("与原填写不同 %d 处，已改为计算值，原值见批注", "differing from the owner's value: %d, changed to the computed value (the owner's is in the comment)", len(differed)), rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, n := range missing {
		rows = append(rows, []string{cellName(n.Cell), fillSubject(r, n).String(lang), firstLine(fillText(r, n).String(lang))})
	}
	if err := section(i18n.T("仍需填写或选择 %d 处，单元格已标出，见批注", "still to be given or chosen: %d, marked, see the comments", len(missing)), rows); err != nil {
		return err
	}
	b.WriteString("  ")
	b.WriteString(summaryLine(r, lang, false) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// cellName is a position's cell name: I7.
func cellName(p indicators.Pos) string { return sheets.CellName(p.Col, p.Line) }

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

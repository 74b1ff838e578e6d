package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/published"
)

// This file renders the findings of a published report (package published) in either
// language: one template per code, from the finding's fields as the code documents them.

// DocumentMessage renders a finding about a published report in lang. Every output renders
// such findings through it, so that one reads the same in text, JSON, SARIF and a workbook.
func DocumentMessage(f *published.Finding, lang i18n.Lang) string {
	return textString(docMessageText(f), lang)
}

// docMessageText is a document finding's message in both languages.
func docMessageText(f *published.Finding) i18n.Text {
	tmpl, ok := docTemplates[f.Code]
	if !ok { // a code without a template is a programmer's error, caught by the tests
		return i18n.T("%s", "%s", f.Code)
	}
	return tmpl(f)
}

// docTemplates renders each code's findings.
var docTemplates = map[string]func(*published.Finding) i18n.Text{
	published.CodeRowUnread:          msgRowUnread,
	published.CodeCellsMissing:       msgCellsMissing,
	published.CodeTableUnread:        msgTableUnread,
	published.CodePageNoText:         msgPageNoText,
	published.CodeRowFromReport:      msgRowFromReport,
	published.CodeHeadingDiffers:     msgHeadingDiffers,
	published.CodeReportMissing:      msgReportMissing,
	published.CodeTableMissing:       msgTableMissing,
	published.CodeEvalMismatch:       msgEvalMismatch,
	published.CodeTotalMismatch:      msgTotalMismatch,
	published.CodeRowMismatch:        msgRowMismatch,
	published.CodeBalanceMismatch:    msgBalanceMismatch,
	published.CodeCrossMismatch:      msgCrossMismatch,
	published.CodeLineMissing:        msgLineMissing,
	published.CodeLineMismatch:       msgLineMismatch,
	published.CodeLineExceeds:        msgLineExceeds,
	published.CodeUnitMismatch:       msgUnitMismatch,
	published.CodeContentsMissing:    msgContentsMissing,
	published.CodeContentsUnlisted:   msgContentsUnlisted,
	published.CodeNarrativeFigure:    msgNarrativeFigure,
	published.CodeNarrativeShare:     msgNarrativeShare,
	published.CodeNarrativeChange:    msgNarrativeChange,
	published.CodeNarrativeNoBase:    msgNarrativeNoBase,
	published.CodeNarrativeRate:      msgNarrativeRate,
	published.CodeNarrativeCount:     msgNarrativeCount,
	published.CodeNarrativeFunds:     msgNarrativeFunds,
	published.CodeNarrativeGrades:    msgNarrativeGrades,
	published.CodeNarrativeUnchecked: msgNarrativeUnchecked,
	published.CodeNarrativeAverage:   msgNarrativeAverage,
}

func msgRowUnread(f *published.Finding) i18n.Text {
	return i18n.T("%s中%s未能读成一行：“%s”；它不参与任何核对，请对照原表",
		"%s: %s could not be read as a row: “%s”; it takes part in no check, compare it with the original table",
		f.Subject, placeText(f.Pos), first(f.Names))
}

func msgCellsMissing(f *published.Finding) i18n.Text {
	cols := strings.Join(f.Names, "、")
	if f.Other.IsValid() {
		return i18n.T("%s“%s”一行读不全，缺少%s；已按评价报告（%s）补上",
			"%s, row “%s” is read in part, %s missing; taken from the evaluation report (%s)",
			f.Subject, f.Item, cols, placeText(f.Other))
	}
	return i18n.T("%s“%s”一行读不全，缺少%s；这些数不参与核对",
		"%s, row “%s” is read in part, %s missing; those figures take part in no check", f.Subject, f.Item, cols)
}

func msgTableUnread(f *published.Finding) i18n.Text {
	return i18n.T("%s找到了标题，但没有读出任何数据行；它的核对都没有进行",
		"%s: its title was found but no row could be read; none of its checks ran", f.Subject)
}

func msgPageNoText(f *published.Finding) i18n.Text {
	return i18n.T("%s没有文字层（空白页，或是扫描的图片）：这一页的内容没有读入",
		"%s has no text (a blank page, or a scanned image): nothing on it was read", pageName(f.Pos))
}

func msgUnitMismatch(f *published.Finding) i18n.Text {
	return i18n.T("%s 的单位多半标错：表间关系 %s 按各表所标单位（%s）换算后不成立，而按所印数字 %s 与 %s 正好相等",
		"%s probably states the wrong unit: the identity %s fails once converted by the units stated (%s), yet the figures as printed, %s and %s, are equal",
		f.Subject, f.Item, strings.Join(f.Names, "、"), docValue(f.Actual), docValue(f.Expected))
}

func msgContentsMissing(f *published.Finding) i18n.Text {
	return i18n.T("目录列有“%s”（%s），报告中没有找到这张表；它的核对都没有进行",
		"the 目录 lists “%s” (%s), but the report holds no such table; none of its checks ran", f.Item, first(f.Names))
}

func msgContentsUnlisted(f *published.Finding) i18n.Text {
	return i18n.T("%s“%s”不在目录（%s）中", "%s “%s” is not listed in the 目录 (%s)", f.Subject, f.Item, placeText(f.Other))
}

func msgNarrativeFigure(f *published.Finding) i18n.Text {
	return i18n.T("%s：“%s”写为 %s 万元，而%s为 %s 万元（%s），相差 %s 万元",
		"%s: “%s” is stated as %s 万元, but %s is %s 万元 (%s), a difference of %s 万元",
		f.Subject, f.Item, docValue(f.Actual), first(f.Names), docValue(f.Expected), placeText(f.Other), money(math.Abs(f.Diff)))
}

func msgNarrativeShare(f *published.Finding) i18n.Text {
	return i18n.T("%[1]s：“%[2]s”%[3]s 万元写为占%[4]s的 %[5]s%%，而 %[3]s ÷ %[6]s = %[7]s%%",
		"%[1]s: “%[2]s”, %[3]s 万元, is stated as %[5]s%% of %[4]s, but %[3]s ÷ %[6]s = %[7]s%%",
		f.Subject, f.Item, amount(f, 0), nth(f.Names, 0), docPercent(f.Actual), amount(f, 1), docPercent(f.Expected))
}

func msgNarrativeChange(f *published.Finding) i18n.Text {
	return i18n.T("%s：“%s”本年 %s 万元、比上年变化 %s 万元，则上年为 %s 万元，变化率应为 %s%%，而文中写为 %s%%",
		"%s: “%s” is %s 万元 this year, a change of %s 万元, so last year's was %s 万元 and the rate of change is %s%%, but the text states %s%%",
		f.Subject, f.Item, amount(f, 0), amount(f, 1), amount(f, 2), docPercent(f.Expected), docPercent(f.Actual))
}

func msgNarrativeNoBase(f *published.Finding) i18n.Text {
	switch nth(f.Names, 0) {
	case string(published.ClaimRate):
		t := i18n.T("%[1]s：“%[2]s”写为完成%[3]s的 %[4]s%%，而%[3]s为 0，完成率无从计算",
			"%[1]s: “%[2]s” is stated as %[4]s%% of the %[3]s, but the %[3]s is 0 and no rate can be computed",
			f.Subject, f.Item, nth(f.Names, 1), docPercent(f.Actual))
		if len(f.Amounts) > 2 {
			t = i18n.T("%s；%s%% 是支出决算 %s 万元对全年预算 %s 万元的完成率", "%s; %s%% is the spending, %s 万元, over the full-year budget of %s 万元",
				t, docPercent(f.Expected), amount(f, 1), amount(f, 2))
		}
		return t
	case string(published.ClaimShare):
		return i18n.T("%[1]s：“%[2]s”写为占%[3]s的 %[4]s%%，而%[3]s为 0，占比无从计算",
			"%[1]s: “%[2]s” is stated as %[4]s%% of %[3]s, which is 0: no share can be computed",
			f.Subject, f.Item, nth(f.Names, 1), docPercent(f.Actual))
	}
	return i18n.T("%s：“%s”本年 %s 万元，比上年的变化也是这么多，上年为 0：增长率无从计算，文中的 %s%% 不是算出来的",
		"%s: “%s” is %s 万元 this year and changed by as much, so last year's was 0: no rate of growth can be computed, and the %s%% stated is not a computation",
		f.Subject, f.Item, amount(f, 1), docPercent(f.Actual))
}

func msgNarrativeRate(f *published.Finding) i18n.Text {
	return i18n.T("%[1]s：“%[2]s”写为完成%[3]s的 %[4]s%%，而支出决算 %[5]s ÷ %[3]s %[6]s = %[7]s%%",
		"%[1]s: “%[2]s” is stated as %[4]s%% of the %[3]s, but the spending %[5]s ÷ the %[3]s %[6]s = %[7]s%%",
		f.Subject, f.Item, nth(f.Names, 0), docPercent(f.Actual), amount(f, 0), amount(f, 1), docPercent(f.Expected))
}

func msgRowFromReport(f *published.Finding) i18n.Text {
	return i18n.T("%s：自评表中没有“%s”这一行，评价报告列出了它，按评价报告读入（没有评分标准）",
		"%s: the table has no row “%s”; the evaluation report restates it, and it is read from there (without a criterion)",
		f.Subject, f.Item)
}

func msgHeadingDiffers(f *published.Finding) i18n.Text {
	return i18n.T("%s › %s：自评表列在“%v”下，评价报告（%s）列在“%v”下；采用评价报告的",
		"%s › %s: the table files it under “%v”, the evaluation report (%s) under “%v”; the report's headings are used",
		f.Subject, f.Item, f.Actual, placeText(f.Other), f.Expected)
}

func msgReportMissing(f *published.Finding) i18n.Text {
	return i18n.T("%s：没有找到对应的项目支出绩效评价报告，自评得分、绩效目标个数和未完成原因无从核对",
		"%s: no matching evaluation report was found, so the stated score, the targets set and met and the reasons cannot be checked",
		f.Subject)
}

func msgTableMissing(f *published.Finding) i18n.Text {
	return i18n.T("%s：只有项目支出绩效评价报告，没有找到自评表；指标按评价报告读入，没有评分标准",
		"%s: there is an evaluation report but no self-evaluation table; the indicators are read from the report, without criteria",
		f.Subject)
}

func msgEvalMismatch(f *published.Finding) i18n.Text {
	what := figureLabel(first(f.Names))
	subject := f.Subject
	if f.Item != "" {
		subject += " › " + f.Item
	}
	return i18n.T("%[1]s：%[2]s在自评表中为 %[3]v，在评价报告（%[4]s）中为 %[5]v",
		"%[1]s: %[2]s is %[3]v in the table and %[5]v in the evaluation report (%[4]s)",
		subject, what, docValue(f.Actual), placeText(f.Other), docValue(f.Expected))
}

// figureLabel names a figure a table and its report both state.
func figureLabel(figure string) i18n.Text {
	switch figure {
	case "target":
		return i18n.T("绩效目标值", "the target")
	case "actual":
		return i18n.T("实际完成值", "the actual value")
	case "weight":
		return i18n.T("指标分值", "the weight")
	case "score":
		return i18n.T("得分", "the score")
	case "total":
		return i18n.T("自评得分（自评表的合计）", "the total score (the table's 合计)")
	case "funds.budget":
		return i18n.T("年初预算安排金额①", "the budget ①")
	case "funds.adjustment":
		return i18n.T("年中调整金额②", "the adjustment ②")
	case "funds.allocated":
		return i18n.T("年度拨付金额③", "the allocation ③")
	case "funds.balance":
		return i18n.T("本年度结余金额④", "the balance ④")
	case "funds.received":
		return i18n.T("实际到位金额⑤", "the amount received ⑤")
	case "funds.spent":
		return i18n.T("实际支出金额⑥", "the amount spent ⑥")
	case "funds.unspent":
		return i18n.T("本年度结余金额⑦", "the amount unspent ⑦")
	case "funds.unspent_rate":
		return i18n.T("结余率⑧", "the unspent rate ⑧")
	}
	return i18n.T(figure, figure)
}

func msgTotalMismatch(f *published.Finding) i18n.Text {
	t := i18n.T("%s：%s为 %s，而所列各行之和为 %s，相差 %s",
		"%s: %s is %s, but the lines listed add up to %s, a difference of %s",
		f.Subject, f.Item, docValue(f.Actual), docValue(f.Expected), money(math.Abs(f.Diff))+docUnit(f))
	return withBlame(t, f.Blame)
}

func msgRowMismatch(f *published.Finding) i18n.Text {
	return i18n.T("%s：%s 不成立：左边 %s，右边各栏之和 %s，相差 %s",
		"%s: %s does not hold: %s on the left, %s for the columns on the right, a difference of %s",
		f.Subject, f.Item, docValue(f.Actual), docValue(f.Expected), money(math.Abs(f.Diff))+docUnit(f))
}

func msgBalanceMismatch(f *published.Finding) i18n.Text {
	return i18n.T("%s：%s 不成立：左边 %s，右边 %s，相差 %s",
		"%s: %s does not hold: %s on the left, %s on the right, a difference of %s",
		f.Subject, f.Item, docValue(f.Actual), docValue(f.Expected), money(math.Abs(f.Diff))+docUnit(f))
}

func msgCrossMismatch(f *published.Finding) i18n.Text {
	return i18n.T("表间关系 %s 不成立：%s 对 %s（%s），相差 %s",
		"the identity %s between tables does not hold: %s against %s (%s), a difference of %s",
		f.Item, docValue(f.Actual), docValue(f.Expected), placeText(f.Other), money(math.Abs(f.Diff))+docUnit(f))
}

func msgLineMissing(f *published.Finding) i18n.Text {
	return i18n.T("%s列有“%s”%s，而%s中没有这一科目的行",
		"%s lists “%s”, %s, but %s has no line for that subject",
		f.Subject, f.Item, fmt.Sprint(docValue(f.Actual))+docUnit(f), strings.Join(f.Names, "、"))
}

func msgLineMismatch(f *published.Finding) i18n.Text {
	return i18n.T("%s“%s”为 %s，%s中同一科目（%s）为 %s，相差 %s",
		"%s: “%s” is %s, but the same subject in %s (%s) is %s, a difference of %s",
		f.Subject, f.Item, docValue(f.Actual), strings.Join(f.Names, "、"), placeText(f.Other), docValue(f.Expected), money(math.Abs(f.Diff))+docUnit(f))
}

func msgLineExceeds(f *published.Finding) i18n.Text {
	return i18n.T("%s“%s”%s，超过了%s中同一科目的全部支出 %s（%s），多出 %s",
		"%s: “%s”, %s, exceeds all spending on the same subject in %s, %s (%s), by %s",
		f.Subject, f.Item, docValue(f.Actual), strings.Join(f.Names, "、"), docValue(f.Expected), placeText(f.Other), money(math.Abs(f.Diff))+docUnit(f))
}

func msgNarrativeCount(f *published.Finding) i18n.Text {
	what, found := i18n.T("自评", "self-evaluated"), i18n.T("自评表", "self-evaluation tables")
	if f.Item == "评价" {
		what, found = i18n.T("评价", "evaluated"), i18n.T("评价报告", "evaluation reports")
	}
	t := i18n.T("预算绩效情况说明称%[1]s了 %[2]v 个项目，而报告中有 %[3]v 份%[4]s",
		"the narrative states %[2]v projects were %[1]s, and the report holds %[3]v %[4]s",
		what, f.Actual, f.Expected, found)
	if len(f.Names) > 0 {
		t = i18n.T("%s；它提到的%s在报告中没有找到", "%s; it names %s, which the report does not hold",
			t, strings.Join(f.Names, "、"))
	}
	return t
}

func msgNarrativeUnchecked(f *published.Finding) i18n.Text {
	what, found := i18n.T("自评", "self-evaluated"), i18n.T("项目支出绩效自评表", "项目支出绩效自评表 (self-evaluation table)")
	if f.Item == "评价" {
		what, found = i18n.T("评价", "evaluated"), i18n.T("项目支出绩效评价报告", "项目支出绩效评价报告 (evaluation report)")
	}
	said := i18n.T("", "")
	if len(f.Names) > 0 {
		said = i18n.T("（%s）", " (%s)", i18n.Text{Zh: strings.Join(f.Names, "，"), En: strings.Join(f.Names, ", ")})
	}
	n, _ := f.Actual.(int)
	return i18n.T("预算绩效情况说明称%[1]s了 %[2]s%[3]s，而报告中没有一份%[4]s：这些说法无法与表核对，请向单位索取表来复核",
		"the narrative states %[2]s %[1]s%[3]s, and the report holds no %[4]s: the claim cannot be checked against a table; ask the unit for the tables and review them",
		what, count(n, "个项目", "project", "projects"), said, found)
}

func msgNarrativeAverage(f *published.Finding) i18n.Text {
	return i18n.T("预算绩效情况说明称平均得分 %s 分，而报告中各项目的得分（%s）平均为 %s 分",
		"the narrative states an average score of %s, but the projects' scores in the report (%s) average %s",
		docValue(f.Actual), i18n.Text{Zh: strings.Join(f.Names, "，"), En: strings.Join(f.Names, ", ")}, docValue(f.Expected))
}

func msgNarrativeFunds(f *published.Finding) i18n.Text {
	return i18n.T("预算绩效情况说明称涉及资金共计 %s 万元，而各项目年初预算与年中调整之和为 %s 万元，相差 %s",
		"the narrative states funds of %s 万元 in all, but the projects' budgets and adjustments add up to %s 万元, a difference of %s",
		docValue(f.Actual), docValue(f.Expected), money(math.Abs(f.Diff)))
}

func msgNarrativeGrades(f *published.Finding) i18n.Text {
	basis := i18n.T("按各项目的计算总分", "by the projects' computed totals")
	if f.Item == "stated" {
		basis = i18n.T("按各自评表所填", "as the tables state them")
	}
	return i18n.T("预算绩效情况说明称评价结果为 %s，而%s为 %s：%s",
		"the narrative states the grades %s, but %s the grades are %s: %s",
		gradeCounts(f.Actual), basis, gradeCounts(f.Expected), i18n.Text{Zh: strings.Join(f.Names, "，"), En: strings.Join(f.Names, ", ")})
}

// withBlame adds the lines a difference points at.
func withBlame(t i18n.Text, blame []published.Ref) i18n.Text {
	switch len(blame) {
	case 0:
		return t
	case 1:
		b := blame[0]
		return i18n.T("%s；差额恰好等于“%s”一行的金额 %s（%s），多半是这一行列错或漏计",
			"%s; the difference is exactly the amount of the line “%s”, %s (%s): most likely that line is wrong or was left out of the total",
			t, b.Name, money(b.Amount), placeText(b.Pos))
	}
	names := make([]string, len(blame))
	for i, b := range blame {
		names[i] = "“" + b.Name + "”"
	}
	return i18n.T("%s；差额等于%s中某一行的金额", "%s; the difference equals the amount of one of %s",
		t, strings.Join(names, "、"))
}

// placeText is a position without its file: "第583行" / "line 583", a .docx cell "表3!B5", or a
// PDF's page and line "第5页第12行" / "page 5, line 12".
func placeText(p indicators.Pos) i18n.Text {
	if p.Page > 0 {
		if p.Line > 0 {
			return i18n.T("第%d页第%d行", "page %d, line %d", p.Page, p.Line)
		}
		return i18n.T("第%d页", "page %d", p.Page)
	}
	switch {
	case p.Sheet != "":
		s := indicators.Pos{Sheet: p.Sheet, Line: p.Line, Col: p.Col}.String()
		s = strings.TrimPrefix(s, ":")
		return i18n.T("%s", "%s", s)
	case p.Line > 0:
		return i18n.T("第%d行", "line %d", p.Line)
	}
	return i18n.T("位置不明", "place unknown")
}

// docValue renders a figure: amounts and scores with two decimals and thousands separators.
func docValue(v any) any {
	switch x := v.(type) {
	case float64:
		return money(x)
	case []published.GradeCount:
		return gradeCounts(x)
	case nil:
		return "—"
	}
	return v
}

// money prints an amount as the tables do: 18,081.38.
func money(x float64) string {
	s := num.Format(x, 2)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}

func gradeCounts(v any) i18n.Text {
	gs, _ := v.([]published.GradeCount)
	zh := make([]string, len(gs))
	en := make([]string, len(gs))
	for i, g := range gs {
		zh[i] = g.Grade + " " + strconv.Itoa(g.Count) + " 个"
		en[i] = fmt.Sprintf("%s %d", g.Grade, g.Count)
	}
	return i18n.T(strings.Join(zh, "、"), strings.Join(en, ", "))
}

// docUnit is a finding's unit after a figure: " 万元"; "" when none.
func docUnit(f *published.Finding) string {
	if f.Unit == "" {
		return ""
	}
	return " " + f.Unit
}

func pageName(p indicators.Pos) i18n.Text {
	if p.Page > 0 {
		return i18n.T("第%d页", "page %d", p.Page)
	}
	return placeText(p)
}

// docPercent prints a percentage as stated or computed: 34.30.
func docPercent(v any) string {
	if x, ok := v.(float64); ok {
		return num.Format(x, 2)
	}
	return fmt.Sprint(docValue(v))
}

func nth(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// amount is the finding's i-th further amount, as the tables print it.
func amount(f *published.Finding, i int) string {
	if i < len(f.Amounts) {
		return money(f.Amounts[i])
	}
	return ""
}

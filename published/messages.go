package published

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/layout"
)

// catalogue is every kind of finding with its documentation and its message: the single
// place where a code's words are written, in both languages.
var catalogue = []*CodeDoc{
	{Code: CodeRowUnread, Severity: Warning, message: msgRowUnread,
		Title: i18n.T("表中有未能读出的行", "a table line not read"),
		Doc:   "A line inside a table (a final-accounts table or a self-evaluation table) could not be read as a row — its cells match none of the table's columns, or it holds text where amounts belong — or an indicator an evaluation report restates does not follow \"name, 目标值 …, 实际完成 …, 权重 …, 得分 …\". The line is quoted with its place; it takes part in no check, so compare it with the original. Fields: Subject (the table or report), Names (the line's text)."},
	{Code: CodeCellsMissing, Severity: Warning, message: msgCellsMissing,
		Title: i18n.T("表中有读不全的行", "a row read in part"),
		Doc:   "A row was read, but some of its cells are not in the text (extraction lost them, often the last cells of a row whose merged cells spilled into their neighbours). The row is kept; the missing figures come from the evaluation report where it restates them (Other names where), and otherwise take part in no check. Fields: Subject (the table), Item (the row), Names (the missing columns), Other."},
	{Code: CodeTableUnread, Severity: Warning, message: msgTableUnread,
		Title: i18n.T("决算表未能读出", "a final-accounts table not read"),
		Doc:   "A final-accounts table was found by its title or its 公开NN表 label, but no row of it could be read: no header row names its columns, or its rows are missing. None of its checks run. Fields: Subject (the table)."},
	{Code: CodePageNoText, Severity: Info, message: msgPageNoText,
		Title: i18n.T("PDF 页面没有文字", "a PDF page without text"),
		Doc:   "A page of a PDF holds no text: it is blank, or it is a scanned image whose content cannot be read without text recognition. Whatever it shows takes part in no check; if a table is missing from the report, look at this page. (A PDF with no text on any page is not read at all: it is named as a scan.) Fields: Subject (the page), Pos."},
	{Code: CodeRowFromReport, Severity: Warning, message: msgRowFromReport,
		Title: i18n.T("指标只见于评价报告", "an indicator only the evaluation report gives"),
		Doc:   "The evaluation report (项目支出绩效评价报告) restates an indicator that the self-evaluation table does not have: the table lost the row in extraction, or the report and the table list different indicators. The indicator is read from the report (target, actual, weight, score, reason), without a criterion, so it is scored by the default method. Fields: Subject (the project), Item (the indicator), Pos (the report's line), Other (the table)."},
	{Code: CodeHeadingDiffers, Severity: Info, message: msgHeadingDiffers,
		Title: i18n.T("表与报告的指标层级不同", "headings differ between table and report"),
		Doc:   "The self-evaluation table files an indicator under other 一级/二级指标 than the evaluation report does. In extracted text the table's merged heading cells often land on the wrong rows, so the report's headings are used. Fields: Subject, Item (the indicator), Actual (the table's headings), Expected (the report's), Pos (the table row), Other (the report line)."},
	{Code: CodeReportMissing, Severity: Warning, message: msgReportMissing,
		Title: i18n.T("自评表没有对应的评价报告", "a self-evaluation without its evaluation report"),
		Doc:   "No 项目支出绩效评价报告 matches a self-evaluation table by name or by order, so the stated 自评得分, the targets set and met and the reasons for unmet targets are unknown, and the table's figures cannot be compared with the report's. Fields: Subject (the project), Pos (the table's title)."},
	{Code: CodeTableMissing, Severity: Warning, message: msgTableMissing,
		Title: i18n.T("评价报告没有对应的自评表", "an evaluation report without its table"),
		Doc:   "An evaluation report matches no self-evaluation table. Its project is read from the report alone: no criteria, so every indicator is scored by the default method. Fields: Subject (the project), Pos (the report's title)."},
	{Code: CodeEvalMismatch, Severity: Error, message: msgEvalMismatch,
		Title: i18n.T("自评表与评价报告数字不符", "table and evaluation report disagree"),
		Doc:   "The self-evaluation table and its evaluation report state the same figure differently: an indicator's target, actual value, weight or score, a funds amount, or the total (the table's 合计 against the report's 自评得分). Scores are compared with the score tolerance (0.005 points), amounts with the money tolerance (0.01 万元). Fields: Subject (the project), Item (the indicator; \"\" for the project), Names (the figure: target, actual, weight, score, total, funds.budget…), Actual (the table's), Expected (the report's), Diff, Pos (the table's cell), Other (the report's line)."},
	{Code: CodeTotalMismatch, Severity: Error, message: msgTotalMismatch,
		Title: i18n.T("合计与所列各行之和不符", "a total is not the sum of its lines"),
		Doc:   "A total row (合计, 本年收入合计, 本年支出合计, 人员经费合计, a 类 over its 款, a 款 over its 项, 三公 over its items) differs from the sum of the lines it totals by more than the money tolerance (0.01, the 尾数误差 the report admits). When the difference equals the amount of one listed line, that line is named as the likely cause (Blame). Fields: Subject (table › part), Item (the total row and column), Actual (stated), Expected (the sum), Diff, Blame."},
	{Code: CodeRowMismatch, Severity: Error, message: msgRowMismatch,
		Title: i18n.T("行内合计与各栏之和不符", "a row's total is not the sum of its columns"),
		Doc:   "Within one row, a total column (本年收入合计, 本年支出合计, 小计, 合计) differs from the sum of the columns it totals (基本支出 + 项目支出…) by more than the money tolerance. Fields: Subject, Item (the identity), Actual, Expected, Diff."},
	{Code: CodeBalanceMismatch, Severity: Error, message: msgBalanceMismatch,
		Title: i18n.T("收支总计不平衡", "the totals do not balance"),
		Doc:   "A balance the table must keep does not hold: 总计 = the year's total plus carry-overs (年初结转和结余, 使用非财政拨款结余; 结余分配, 年末结转和结余), income 总计 = expenditure 总计, a carry-over equal to its parts, 年末结转和结余 = 年初 + 本年收入 − 本年支出, and in 04表 for each kind of fiscal funds: its income and its carry-over from last year = its spending and its carry-over to next year. Fields: Subject, Item (the identity), Actual (left side), Expected (right side), Diff."},
	{Code: CodeCrossMismatch, Severity: Error, message: msgCrossMismatch,
		Title: i18n.T("表间勾稽关系不符", "tables disagree"),
		Doc:   "An identity between two tables of the national template does not hold: 01表 本年收入合计 = 02表 合计, 01表 本年支出合计 = 03表 合计, 01表 and 04表 fiscal income lines, 04表 本年收入合计 = 02表 财政拨款收入, 04表's fund columns = 05表, 08表 and 09表 合计, 05表 基本支出 = 06表 人员经费 + 公用经费, 08表 本年收入 = 04表 政府性基金. Amounts in 元 and 万元 are compared in 万元. Fields: Item (the identity), Actual, Expected, Diff, Pos, Other."},
	{Code: CodeLineMissing, Severity: Error, message: msgLineMissing,
		Title: i18n.T("科目行在另一表中缺失", "a subject line missing from another table"),
		Doc:   "A 类/款/项 line with an amount in one table has no line in a table that must show it: 01表's expenditure classes in 03表, 04表's fund columns in 05表, 08表 and 09表, every line of 05表 and 08表 in 03表. Fields: Subject (table › part), Item (the line), Actual (its amount), Names (the other table), Pos, Other."},
	{Code: CodeLineMismatch, Severity: Error, message: msgLineMismatch,
		Title: i18n.T("同一科目在两表中金额不同", "one subject, two amounts"),
		Doc:   "The same class line has different amounts in two tables that must agree (01表 and 03表; 04表's fund columns and 05表, 08表, 09表), by more than the money tolerance. Fields: Subject, Item, Actual (this table), Expected (the other), Diff, Names (the other table), Pos, Other."},
	{Code: CodeLineExceeds, Severity: Error, message: msgLineExceeds,
		Title: i18n.T("财政拨款支出超过全部支出", "fiscal spending above all spending"),
		Doc:   "A line of 05表 (一般公共预算财政拨款) or 08表 (政府性基金) exceeds all spending on the same subject in 03表, which includes it. Fields: Subject, Item, Actual (the fiscal line), Expected (03表's line), Diff, Names, Pos, Other."},
	{Code: CodeUnitMismatch, Severity: Error, message: msgUnitMismatch,
		Title: i18n.T("表的金额单位与数字不符", "a table's unit contradicts its figures"),
		Doc:   "An identity between two tables fails once their amounts are converted by the units their 单位 lines state (元 and 万元), yet holds on the figures as printed: one table's 单位 line is wrong (or its figures were not converted). Fields: Subject (the table whose unit is suspect), Item (the identity), Actual, Expected (as printed), Names (the two units), Pos, Other."},
	{Code: CodeContentsMissing, Severity: Warning, message: msgContentsMissing,
		Title: i18n.T("目录所列的表在报告中没有找到", "a table the 目录 lists is missing"),
		Doc:   "The report's 目录 lists a table of the national template (收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表) that the report does not hold under that title, or that jixiao could not find (a scanned page, a title worded otherwise). Its checks did not run. Fields: Item (the title as listed), Names (the table), Pos (the 目录 entry)."},
	{Code: CodeContentsUnlisted, Severity: Warning, message: msgContentsUnlisted,
		Title: i18n.T("报告中的表没有列入目录", "a table not in the 目录"),
		Doc:   "The report holds a final-accounts table that its 目录 does not list. Fields: Subject (the table), Item (its title), Pos (the table), Other (the 目录)."},
	{Code: CodeNarrativeFigure, Severity: Error, message: msgNarrativeFigure,
		Title: i18n.T("情况说明中的金额与表不符", "an amount the 情况说明 states differs from its table"),
		Doc:   "The part explaining the final accounts (部门决算情况说明) states an amount of a table's line (本年收入合计, 基本支出, 一般公共服务支出（类）, 社会保险经办机构（2080109）, a listed item's 支出决算…) that differs from the table by more than the money tolerance. Amounts in 元 are compared in 万元. Fields: Subject (the section), Item (what the amount is of, as written), Actual (stated), Expected (the table), Diff, Names (the table's line), Pos (the figure), Other (the table's cell)."},
	{Code: CodeNarrativeShare, Severity: Error, message: msgNarrativeShare,
		Title: i18n.T("情况说明中的占比算错", "a share the 情况说明 states is wrong"),
		Doc:   "A share (占 N%, 占本年支出合计的 N%) is not the amount it follows divided by the whole it is a share of (the whole named, or else the first amount of its section), rounded to the decimals written; a difference of 0.01 percentage points, left when shares are made to add up to 100 %, is tolerated. Fields: Item, Actual (stated %), Expected (computed %), Names (the whole, the amount, the whole's amount), Pos."},
	{Code: CodeNarrativeChange, Severity: Error, message: msgNarrativeChange,
		Title: i18n.T("情况说明中的增减幅度算错", "a change from last year is wrong"),
		Doc:   "A change from last year (增加/减少 X 万元，增长/下降 N%) does not hold: last year's amount is this year's amount less the change, and N must be the change divided by it, rounded to the decimals written (0.01 percentage points tolerated). Fields: Item, Actual (stated %), Expected (computed %), Names (this year's amount, the change, last year's), Pos."},
	{Code: CodeNarrativeNoBase, Severity: Info, message: msgNarrativeNoBase,
		Title: i18n.T("以 0 为基数的增长率或完成率", "a rate over a base of 0"),
		Doc:   "A growth rate, share or completion rate is stated over a base of 0: an increase from last year's 0 (a new unit or a new item: “增长 100%” is a convention, not a computation), or 完成年初预算的 N% where the 年初预算 is 0 (the figure is then the rate of the 全年预算, given as Expected). Worth rewording; no figure is wrong. Fields: Item, Actual (stated %), Expected (the rate of the 全年预算, where one is stated), Names, Pos."},
	{Code: CodeNarrativeRate, Severity: Error, message: msgNarrativeRate,
		Title: i18n.T("情况说明中的预算完成率算错", "a completion rate is wrong"),
		Doc:   "A completion rate (完成全年预算的 N%, 完成年初预算的 N%) is not the 支出决算 stated divided by the budget named, rounded to the decimals written (0.01 percentage points tolerated). Fields: Item (the item of the list), Actual (stated %), Expected (computed %), Names (the budget, the spending, the budget's amount), Pos."},
	{Code: CodeNarrativeCount, Severity: Error, message: msgNarrativeCount,
		Title: i18n.T("情况说明中的项目个数不符", "the narrative's number of projects"),
		Doc:   "The 预算绩效情况说明 states a number of projects self-evaluated (or evaluated) that differs from the number of 项目支出绩效自评表 (or 评价报告) the report holds, or names a project the report has no table for (Names). Fields: Actual (stated), Expected (found), Names, Pos."},
	{Code: CodeNarrativeFunds, Severity: Error, message: msgNarrativeFunds,
		Title: i18n.T("情况说明中的资金总额不符", "the narrative's funds total"),
		Doc:   "The 预算绩效情况说明's funds total (涉及财政拨款资金共计 N 万元) differs from the sum of the projects' budgets (年初预算 ① + 年中调整 ②) by more than the money tolerance. Fields: Actual (stated), Expected (the sum), Diff, Pos."},
	{Code: CodeNarrativeGrades, Severity: Error, message: msgNarrativeGrades,
		Title: i18n.T("情况说明中的等次与复核不符", "the narrative's grades"),
		Doc:   "The 预算绩效情况说明 states how many projects earned each grade (优/良/中/差), and the projects' grades do not give those counts: the grades re-scored by jixiao when given, else the grades the tables state. Fields: Actual (stated counts), Expected (counts from the grades), Names (each project with its grade), Item (\"rescored\" or \"stated\"), Pos."},
}

func msgRowUnread(f *Finding) i18n.Text {
	return i18n.T("%s中%s未能读成一行：“%s”；它不参与任何核对，请对照原表",
		"%s: %s could not be read as a row: “%s”; it takes part in no check, compare it with the original table",
		f.Subject, place(f.Pos), first(f.Names))
}

func msgCellsMissing(f *Finding) i18n.Text {
	cols := strings.Join(f.Names, "、")
	if f.Other.IsValid() {
		return i18n.T("%s“%s”一行读不全，缺少%s；已按评价报告（%s）补上",
			"%s, row “%s” is read in part, %s missing; taken from the evaluation report (%s)",
			f.Subject, f.Item, cols, place(f.Other))
	}
	return i18n.T("%s“%s”一行读不全，缺少%s；这些数不参与核对",
		"%s, row “%s” is read in part, %s missing; those figures take part in no check", f.Subject, f.Item, cols)
}

func msgTableUnread(f *Finding) i18n.Text {
	return i18n.T("%s找到了标题，但没有读出任何数据行；它的核对都没有进行",
		"%s: its title was found but no row could be read; none of its checks ran", f.Subject)
}

func msgPageNoText(f *Finding) i18n.Text {
	return i18n.T("%s没有文字层（空白页，或是扫描的图片）：这一页的内容没有读入",
		"%s has no text (a blank page, or a scanned image): nothing on it was read", pageName(f.Pos))
}

func msgUnitMismatch(f *Finding) i18n.Text {
	return i18n.T("%s 的单位多半标错：表间关系 %s 按各表所标单位（%s）换算后不成立，而按所印数字 %s 与 %s 正好相等",
		"%s probably states the wrong unit: the identity %s fails once converted by the units stated (%s), yet the figures as printed, %s and %s, are equal",
		f.Subject, f.Item, strings.Join(f.Names, "、"), value(f.Actual), value(f.Expected))
}

func msgContentsMissing(f *Finding) i18n.Text {
	return i18n.T("目录列有“%s”（%s），报告中没有找到这张表；它的核对都没有进行",
		"the 目录 lists “%s” (%s), but the report holds no such table; none of its checks ran", f.Item, first(f.Names))
}

func msgContentsUnlisted(f *Finding) i18n.Text {
	return i18n.T("%s“%s”不在目录（%s）中", "%s “%s” is not listed in the 目录 (%s)", f.Subject, f.Item, place(f.Other))
}

func msgNarrativeFigure(f *Finding) i18n.Text {
	return i18n.T("%s：“%s”写为 %s 万元，而%s为 %s 万元（%s），相差 %s 万元",
		"%s: “%s” is stated as %s 万元, but %s is %s 万元 (%s), a difference of %s 万元",
		f.Subject, f.Item, value(f.Actual), first(f.Names), value(f.Expected), place(f.Other), money(math.Abs(f.Diff)))
}

func msgNarrativeShare(f *Finding) i18n.Text {
	return i18n.T("%[1]s：“%[2]s”%[3]s 万元写为占%[4]s的 %[5]s%%，而 %[3]s ÷ %[6]s = %[7]s%%",
		"%[1]s: “%[2]s”, %[3]s 万元, is stated as %[5]s%% of %[4]s, but %[3]s ÷ %[6]s = %[7]s%%",
		f.Subject, f.Item, nth(f.Names, 1), nth(f.Names, 0), percent(f.Actual), nth(f.Names, 2), percent(f.Expected))
}

func msgNarrativeChange(f *Finding) i18n.Text {
	return i18n.T("%s：“%s”本年 %s 万元、比上年变化 %s 万元，则上年为 %s 万元，变化率应为 %s%%，而文中写为 %s%%",
		"%s: “%s” is %s 万元 this year, a change of %s 万元, so last year's was %s 万元 and the rate of change is %s%%, but the text states %s%%",
		f.Subject, f.Item, nth(f.Names, 0), nth(f.Names, 1), nth(f.Names, 2), percent(f.Expected), percent(f.Actual))
}

func msgNarrativeNoBase(f *Finding) i18n.Text {
	switch nth(f.Names, 0) {
	case string(ClaimRate):
		t := i18n.T("%s：“%s”写为完成%s的 %s%%，而%s为 0，完成率无从计算",
			"%s: “%s” is stated as %s%% of the %s, but the %s is 0 and no rate can be computed",
			f.Subject, f.Item, nth(f.Names, 1), percent(f.Actual), nth(f.Names, 1))
		if len(f.Names) > 4 {
			t = i18n.T("%s；%s%% 是支出决算 %s 万元对全年预算 %s 万元的完成率", "%s; %s%% is the spending, %s 万元, over the full-year budget of %s 万元",
				t, percent(f.Expected), nth(f.Names, 3), nth(f.Names, 4))
		}
		return t
	case string(ClaimShare):
		return i18n.T("%s：“%s”写为占%s的 %s%%，而%s为 0，占比无从计算",
			"%s: “%s” is stated as %s%% of %s, which is 0: no share can be computed",
			f.Subject, f.Item, nth(f.Names, 1), percent(f.Actual), nth(f.Names, 1))
	}
	return i18n.T("%s：“%s”本年 %s 万元，比上年的变化也是这么多，上年为 0：增长率无从计算，文中的 %s%% 不是算出来的",
		"%s: “%s” is %s 万元 this year and changed by as much, so last year's was 0: no rate of growth can be computed, and the %s%% stated is not a computation",
		f.Subject, f.Item, nth(f.Names, 3), percent(f.Actual))
}

func msgNarrativeRate(f *Finding) i18n.Text {
	return i18n.T("%s：“%s”写为完成%s的 %s%%，而支出决算 %s ÷ %s %s = %s%%",
		"%s: “%s” is stated as %s%% of the %s, but the spending %s ÷ the %s %s = %s%%",
		f.Subject, f.Item, nth(f.Names, 0), percent(f.Actual), nth(f.Names, 1), nth(f.Names, 0), nth(f.Names, 2), percent(f.Expected))
}

func msgRowFromReport(f *Finding) i18n.Text {
	return i18n.T("%s：自评表中没有“%s”这一行，评价报告列出了它，按评价报告读入（没有评分标准）",
		"%s: the table has no row “%s”; the evaluation report restates it, and it is read from there (without a criterion)",
		f.Subject, f.Item)
}

func msgHeadingDiffers(f *Finding) i18n.Text {
	return i18n.T("%s › %s：自评表列在“%v”下，评价报告（%s）列在“%v”下；采用评价报告的",
		"%s › %s: the table files it under “%v”, the evaluation report (%s) under “%v”; the report's headings are used",
		f.Subject, f.Item, f.Actual, place(f.Other), f.Expected)
}

func msgReportMissing(f *Finding) i18n.Text {
	return i18n.T("%s：没有找到对应的项目支出绩效评价报告，自评得分、绩效目标个数和未完成原因无从核对",
		"%s: no matching evaluation report was found, so the stated score, the targets set and met and the reasons cannot be checked",
		f.Subject)
}

func msgTableMissing(f *Finding) i18n.Text {
	return i18n.T("%s：只有项目支出绩效评价报告，没有找到自评表；指标按评价报告读入，没有评分标准",
		"%s: there is an evaluation report but no self-evaluation table; the indicators are read from the report, without criteria",
		f.Subject)
}

func msgEvalMismatch(f *Finding) i18n.Text {
	what := figureLabel(first(f.Names))
	subject := f.Subject
	if f.Item != "" {
		subject += " › " + f.Item
	}
	return i18n.T("%[1]s：%[2]s在自评表中为 %[3]v，在评价报告（%[4]s）中为 %[5]v",
		"%[1]s: %[2]s is %[3]v in the table and %[5]v in the evaluation report (%[4]s)",
		subject, what, value(f.Actual), place(f.Other), value(f.Expected))
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

func msgTotalMismatch(f *Finding) i18n.Text {
	t := i18n.T("%s：%s为 %s，而所列各行之和为 %s，相差 %s",
		"%s: %s is %s, but the lines listed add up to %s, a difference of %s",
		f.Subject, f.Item, value(f.Actual), value(f.Expected), money(math.Abs(f.Diff))+unit(f))
	return withBlame(t, f.Blame)
}

func msgRowMismatch(f *Finding) i18n.Text {
	return i18n.T("%s：%s 不成立：左边 %s，右边各栏之和 %s，相差 %s",
		"%s: %s does not hold: %s on the left, %s for the columns on the right, a difference of %s",
		f.Subject, f.Item, value(f.Actual), value(f.Expected), money(math.Abs(f.Diff))+unit(f))
}

func msgBalanceMismatch(f *Finding) i18n.Text {
	return i18n.T("%s：%s 不成立：左边 %s，右边 %s，相差 %s",
		"%s: %s does not hold: %s on the left, %s on the right, a difference of %s",
		f.Subject, f.Item, value(f.Actual), value(f.Expected), money(math.Abs(f.Diff))+unit(f))
}

func msgCrossMismatch(f *Finding) i18n.Text {
	return i18n.T("表间关系 %s 不成立：%s 对 %s（%s），相差 %s",
		"the identity %s between tables does not hold: %s against %s (%s), a difference of %s",
		f.Item, value(f.Actual), value(f.Expected), place(f.Other), money(math.Abs(f.Diff))+unit(f))
}

func msgLineMissing(f *Finding) i18n.Text {
	return i18n.T("%s列有“%s”%s，而%s中没有这一科目的行",
		"%s lists “%s”, %s, but %s has no line for that subject",
		f.Subject, f.Item, fmt.Sprint(value(f.Actual))+unit(f), strings.Join(f.Names, "、"))
}

func msgLineMismatch(f *Finding) i18n.Text {
	return i18n.T("%s“%s”为 %s，%s中同一科目（%s）为 %s，相差 %s",
		"%s: “%s” is %s, but the same subject in %s (%s) is %s, a difference of %s",
		f.Subject, f.Item, value(f.Actual), strings.Join(f.Names, "、"), place(f.Other), value(f.Expected), money(math.Abs(f.Diff))+unit(f))
}

func msgLineExceeds(f *Finding) i18n.Text {
	return i18n.T("%s“%s”%s，超过了%s中同一科目的全部支出 %s（%s），多出 %s",
		"%s: “%s”, %s, exceeds all spending on the same subject in %s, %s (%s), by %s",
		f.Subject, f.Item, value(f.Actual), strings.Join(f.Names, "、"), value(f.Expected), place(f.Other), money(math.Abs(f.Diff))+unit(f))
}

func msgNarrativeCount(f *Finding) i18n.Text {
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

func msgNarrativeFunds(f *Finding) i18n.Text {
	return i18n.T("预算绩效情况说明称涉及资金共计 %s 万元，而各项目年初预算与年中调整之和为 %s 万元，相差 %s",
		"the narrative states funds of %s 万元 in all, but the projects' budgets and adjustments add up to %s 万元, a difference of %s",
		value(f.Actual), value(f.Expected), money(math.Abs(f.Diff)))
}

func msgNarrativeGrades(f *Finding) i18n.Text {
	basis := i18n.T("按各项目复核后的得分", "as re-scored")
	if f.Item == "stated" {
		basis = i18n.T("按各自评表所填", "as the tables state them")
	}
	return i18n.T("预算绩效情况说明称评价结果为 %s，而%s为 %s：%s",
		"the narrative states the grades %s, but %s the grades are %s: %s",
		gradeCounts(f.Actual), basis, gradeCounts(f.Expected), strings.Join(f.Names, "，"))
}

// withBlame adds the lines a difference points at.
func withBlame(t i18n.Text, blame []Ref) i18n.Text {
	switch len(blame) {
	case 0:
		return t
	case 1:
		b := blame[0]
		return i18n.T("%s；差额恰好等于“%s”一行的金额 %s（%s），多半是这一行列错或漏计",
			"%s; the difference is exactly the amount of the line “%s”, %s (%s): most likely that line is wrong or was left out of the total",
			t, b.Name, money(b.Amount), place(b.Pos))
	}
	names := make([]string, len(blame))
	for i, b := range blame {
		names[i] = "“" + b.Name + "”"
	}
	return i18n.T("%s；差额等于%s中某一行的金额", "%s; the difference equals the amount of one of %s",
		t, strings.Join(names, "、"))
}

// place is a position without its file: "第583行" / "line 583", a .docx cell "表3!B5", or a
// PDF's page and line "第5页第12行" / "page 5, line 12".
func place(p indicators.Pos) i18n.Text {
	if page, ok := layout.PageOf(p); ok {
		if p.Line > 0 {
			return i18n.T("第%d页第%d行", "page %d, line %d", page, p.Line)
		}
		return i18n.T("第%d页", "page %d", page)
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

// value renders a figure: amounts and scores with two decimals and thousands separators.
func value(v any) any {
	switch x := v.(type) {
	case float64:
		return money(x)
	case []GradeCount:
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
	gs, _ := v.([]GradeCount)
	zh := make([]string, len(gs))
	en := make([]string, len(gs))
	for i, g := range gs {
		zh[i] = g.Grade + " " + strconv.Itoa(g.Count) + " 个"
		en[i] = fmt.Sprintf("%s %d", g.Grade, g.Count)
	}
	return i18n.T(strings.Join(zh, "、"), strings.Join(en, ", "))
}

// unit is a finding's unit after a figure: " 万元"; "" when none.
func unit(f *Finding) string {
	if f.Unit == "" {
		return ""
	}
	return " " + f.Unit
}

// Place renders a position for a reader: a PDF's page and line (第5页第12行), a .docx cell
// (表3!B5) or a text line (第583行), without the file.
func Place(p indicators.Pos) i18n.Text { return place(p) }

func pageName(p indicators.Pos) i18n.Text {
	if page, ok := layout.PageOf(p); ok {
		return i18n.T("第%d页", "page %d", page)
	}
	return place(p)
}

// percent prints a percentage as stated or computed: 34.30.
func percent(v any) string {
	if x, ok := v.(float64); ok {
		return num.Format(x, 2)
	}
	return fmt.Sprint(value(v))
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

package published

import (
	"jixiao/internal/i18n"
)

// catalogue is every kind of finding with its documentation: the single source of `jixiao
// check --list`, `--explain` and the README's catalogue for these codes. Their messages are
// rendered by package report, from each finding's fields as documented here.
var catalogue = []*CodeDoc{
	{Code: CodeRowUnread, Severity: Warning,
		Title: i18n.T("表中有未能读出的行", "a table line not read"),
		Doc: i18n.T(
			"表格（决算表或自评表）中的一行未能读成一行数据——它的各格对不上表的任何一栏，或者在金额栏里写着文字——或者评价报告复述的某个指标不是“指标名，目标值 …，实际完成 …，权重 …，得分 …”的写法。这一行连同位置原样引出；它不参与任何核对，请对照原件。字段：Subject（表或报告），Names（这一行的文字）。",
			"A line inside a table (a final-accounts table or a self-evaluation table) could not be read as a row — its cells match none of the table's columns, or it holds text where amounts belong — or an indicator an evaluation report restates does not follow \"name, 目标值 …, 实际完成 …, 权重 …, 得分 …\". The line is quoted with its place; it takes part in no check, so compare it with the original. Fields: Subject (the table or report), Names (the line's text)."),
	},
	{Code: CodeCellsMissing, Severity: Warning,
		Title: i18n.T("表中有读不全的行", "a row read in part"),
		Doc: i18n.T(
			"读出了一行，但文本中缺了它的某些格（提取时丢失，常见于合并单元格挤到相邻格的行的最后几格）。这一行保留；缺的数字若评价报告复述了就从那里取（Other 指明位置），否则不参与核对。字段：Subject（表），Item（行），Names（缺的栏），Other。",
			"A row was read, but some of its cells are not in the text (extraction lost them, often the last cells of a row whose merged cells spilled into their neighbours). The row is kept; the missing figures come from the evaluation report where it restates them (Other names where), and otherwise take part in no check. Fields: Subject (the table), Item (the row), Names (the missing columns), Other."),
	},
	{Code: CodeTableUnread, Severity: Warning,
		Title: i18n.T("决算表未能读出", "a final-accounts table not read"),
		Doc: i18n.T(
			"按标题或“公开NN表”字样找到了一张决算表，却没有读出任何一行：没有表头行说明它的各栏，或者它的行缺失。它的核对都没有进行。字段：Subject（表）。",
			"A final-accounts table was found by its title or its 公开NN表 label, but no row of it could be read: no header row names its columns, or its rows are missing. None of its checks run. Fields: Subject (the table)."),
	},
	{Code: CodePageNoText, Severity: Info,
		Title: i18n.T("PDF 页面没有文字", "a PDF page without text"),
		Doc: i18n.T(
			"PDF 的某一页没有文字：是空白页，或是扫描的图片，不做文字识别就读不出内容。这一页上的东西不参与任何核对；报告中若缺了哪张表，请看这一页。（整份 PDF 都没有文字时根本不读，而是指明它是扫描件。）字段：Pos（这一页）。",
			"A page of a PDF holds no text: it is blank, or it is a scanned image whose content cannot be read without text recognition. Whatever it shows takes part in no check; if a table is missing from the report, look at this page. (A PDF with no text on any page is not read at all: it is named as a scan.) Fields: Pos (the page)."),
	},
	{Code: CodeRowFromReport, Severity: Warning,
		Title: i18n.T("指标只见于评价报告", "an indicator only the evaluation report gives"),
		Doc: i18n.T(
			"项目支出绩效评价报告复述了一个自评表中没有的指标：自评表的这一行在提取时丢了，或者报告与表列的指标不同。这个指标按报告读入（目标值、实际完成值、权重、得分、原因），没有评分标准，所以按默认方法计分。字段：Subject（项目），Item（指标），Pos（报告中的行），Other（自评表）。",
			"The evaluation report (项目支出绩效评价报告) restates an indicator that the self-evaluation table does not have: the table lost the row in extraction, or the report and the table list different indicators. The indicator is read from the report (target, actual, weight, score, reason), without a criterion, so it is scored by the default method. Fields: Subject (the project), Item (the indicator), Pos (the report's line), Other (the table)."),
	},
	{Code: CodeHeadingDiffers, Severity: Info,
		Title: i18n.T("表与报告的指标层级不同", "headings differ between table and report"),
		Doc: i18n.T(
			"自评表把一个指标列在与评价报告不同的一级/二级指标下。提取出的文本中，表的合并标题格常常落到错误的行上，所以采用报告的层级。字段：Subject，Item（指标），Actual（表的层级），Expected（报告的层级），Pos（表中的行），Other（报告中的行）。",
			"The self-evaluation table files an indicator under other 一级/二级指标 than the evaluation report does. In extracted text the table's merged heading cells often land on the wrong rows, so the report's headings are used. Fields: Subject, Item (the indicator), Actual (the table's headings), Expected (the report's), Pos (the table row), Other (the report line)."),
	},
	{Code: CodeReportMissing, Severity: Warning,
		Title: i18n.T("自评表没有对应的评价报告", "a self-evaluation without its evaluation report"),
		Doc: i18n.T(
			"没有哪份项目支出绩效评价报告按名称或顺序与这张自评表对应，所以所述的自评得分、绩效目标设置与完成个数、未完成原因都无从得知，表中的数字也无法与报告核对。字段：Subject（项目），Pos（表的标题）。",
			"No 项目支出绩效评价报告 matches a self-evaluation table by name or by order, so the stated 自评得分, the targets set and met and the reasons for unmet targets are unknown, and the table's figures cannot be compared with the report's. Fields: Subject (the project), Pos (the table's title)."),
	},
	{Code: CodeTableMissing, Severity: Warning,
		Title: i18n.T("评价报告没有对应的自评表", "an evaluation report without its table"),
		Doc: i18n.T(
			"一份评价报告没有对应的自评表。它的项目只按报告读入：没有评分标准，所以每个指标都按默认方法计分。字段：Subject（项目），Pos（报告的标题）。",
			"An evaluation report matches no self-evaluation table. Its project is read from the report alone: no criteria, so every indicator is scored by the default method. Fields: Subject (the project), Pos (the report's title)."),
	},
	{Code: CodeEvalMismatch, Severity: Error,
		Title: i18n.T("自评表与评价报告数字不符", "table and evaluation report disagree"),
		Doc: i18n.T(
			"自评表与它的评价报告把同一个数字写得不一样：某个指标的目标值、实际完成值、分值或得分，某项资金，或总分（表的合计与报告的自评得分）。得分按得分容差（0.005 分）比较，金额按金额容差（0.01 万元）比较。字段：Subject（项目），Item（指标；项目本身为空），Names（哪个数：target、actual、weight、score、total、funds.budget…），Actual（表中的），Expected（报告中的），Diff，Pos（表中的格），Other（报告中的行）。",
			"The self-evaluation table and its evaluation report state the same figure differently: an indicator's target, actual value, weight or score, a funds amount, or the total (the table's 合计 against the report's 自评得分). Scores are compared with the score tolerance (0.005 points), amounts with the money tolerance (0.01 万元). Fields: Subject (the project), Item (the indicator; \"\" for the project), Names (the figure: target, actual, weight, score, total, funds.budget…), Actual (the table's), Expected (the report's), Diff, Pos (the table's cell), Other (the report's line)."),
	},
	{Code: CodeTotalMismatch, Severity: Error,
		Title: i18n.T("合计与所列各行之和不符", "a total is not the sum of its lines"),
		Doc: i18n.T(
			"合计行（合计、本年收入合计、本年支出合计、人员经费合计，类对其款，款对其项，“三公”对其各项）与它所合计的各行之和相差超过金额容差（0.01，报告自己承认的尾数误差）。差额恰好等于所列某一行的金额时，指出这一行是最可能的原因（Blame）。字段：Subject（表 › 部分），Item（合计行与栏），Actual（所写），Expected（各行之和），Diff，Blame。",
			"A total row (合计, 本年收入合计, 本年支出合计, 人员经费合计, a 类 over its 款, a 款 over its 项, 三公 over its items) differs from the sum of the lines it totals by more than the money tolerance (0.01, the 尾数误差 the report admits). When the difference equals the amount of one listed line, that line is named as the likely cause (Blame). Fields: Subject (table › part), Item (the total row and column), Actual (stated), Expected (the sum), Diff, Blame."),
	},
	{Code: CodeRowMismatch, Severity: Error,
		Title: i18n.T("行内合计与各栏之和不符", "a row's total is not the sum of its columns"),
		Doc: i18n.T(
			"同一行中，合计栏（本年收入合计、本年支出合计、小计、合计）与它所合计的各栏（基本支出 + 项目支出…）之和相差超过金额容差。字段：Subject，Item（等式），Actual，Expected，Diff。",
			"Within one row, a total column (本年收入合计, 本年支出合计, 小计, 合计) differs from the sum of the columns it totals (基本支出 + 项目支出…) by more than the money tolerance. Fields: Subject, Item (the identity), Actual, Expected, Diff."),
	},
	{Code: CodeBalanceMismatch, Severity: Error,
		Title: i18n.T("收支总计不平衡", "the totals do not balance"),
		Doc: i18n.T(
			"表必须保持的平衡不成立：总计 = 本年合计加结转（年初结转和结余、使用非财政拨款结余；结余分配、年末结转和结余），收入总计 = 支出总计，结转等于其各部分，年末结转和结余 = 年初 + 本年收入 − 本年支出，以及 04表中每一类财政拨款：本年收入加年初结转 = 本年支出加年末结转。字段：Subject，Item（等式），Actual（左边），Expected（右边），Diff。",
			"A balance the table must keep does not hold: 总计 = the year's total plus carry-overs (年初结转和结余, 使用非财政拨款结余; 结余分配, 年末结转和结余), income 总计 = expenditure 总计, a carry-over equal to its parts, 年末结转和结余 = 年初 + 本年收入 − 本年支出, and in 04表 for each kind of fiscal funds: its income and its carry-over from last year = its spending and its carry-over to next year. Fields: Subject, Item (the identity), Actual (left side), Expected (right side), Diff."),
	},
	{Code: CodeCrossMismatch, Severity: Error,
		Title: i18n.T("表间勾稽关系不符", "tables disagree"),
		Doc: i18n.T(
			"全国统一格式中两表之间的勾稽关系不成立：01表本年收入合计 = 02表合计，01表本年支出合计 = 03表合计，01表与04表的财政拨款收入各行，04表本年收入合计 = 02表财政拨款收入，04表各类资金栏 = 05表、08表、09表合计，05表基本支出 = 06表人员经费 + 公用经费，08表本年收入 = 04表政府性基金。元与万元换算成万元比较。字段：Item（等式），Actual，Expected，Diff，Pos，Other。",
			"An identity between two tables of the national template does not hold: 01表 本年收入合计 = 02表 合计, 01表 本年支出合计 = 03表 合计, 01表 and 04表 fiscal income lines, 04表 本年收入合计 = 02表 财政拨款收入, 04表's fund columns = 05表, 08表 and 09表 合计, 05表 基本支出 = 06表 人员经费 + 公用经费, 08表 本年收入 = 04表 政府性基金. Amounts in 元 and 万元 are compared in 万元. Fields: Item (the identity), Actual, Expected, Diff, Pos, Other."),
	},
	{Code: CodeLineMissing, Severity: Error,
		Title: i18n.T("科目行在另一表中缺失", "a subject line missing from another table"),
		Doc: i18n.T(
			"某表中有金额的一个类/款/项科目，在必须列出它的另一张表中没有这一行：01表的支出类在03表中，04表的各资金栏在05表、08表、09表中，05表与08表的每一行在03表中。字段：Subject（表 › 部分），Item（行），Actual（它的金额），Names（另一张表），Pos，Other。",
			"A 类/款/项 line with an amount in one table has no line in a table that must show it: 01表's expenditure classes in 03表, 04表's fund columns in 05表, 08表 and 09表, every line of 05表 and 08表 in 03表. Fields: Subject (table › part), Item (the line), Actual (its amount), Names (the other table), Pos, Other."),
	},
	{Code: CodeLineMismatch, Severity: Error,
		Title: i18n.T("同一科目在两表中金额不同", "one subject, two amounts"),
		Doc: i18n.T(
			"同一个科目在两张必须一致的表（01表与03表；04表各资金栏与05表、08表、09表）中金额不同，相差超过金额容差。字段：Subject，Item，Actual（本表），Expected（另一表），Diff，Names（另一张表），Pos，Other。",
			"The same class line has different amounts in two tables that must agree (01表 and 03表; 04表's fund columns and 05表, 08表, 09表), by more than the money tolerance. Fields: Subject, Item, Actual (this table), Expected (the other), Diff, Names (the other table), Pos, Other."),
	},
	{Code: CodeLineExceeds, Severity: Error,
		Title: i18n.T("财政拨款支出超过全部支出", "fiscal spending above all spending"),
		Doc: i18n.T(
			"05表（一般公共预算财政拨款）或08表（政府性基金）的某一行，超过了03表中同一科目的全部支出，而后者包含前者。字段：Subject，Item，Actual（财政拨款这一行），Expected（03表的这一行），Diff，Names，Pos，Other。",
			"A line of 05表 (一般公共预算财政拨款) or 08表 (政府性基金) exceeds all spending on the same subject in 03表, which includes it. Fields: Subject, Item, Actual (the fiscal line), Expected (03表's line), Diff, Names, Pos, Other."),
	},
	{Code: CodeUnitMismatch, Severity: Error,
		Title: i18n.T("表的金额单位与数字不符", "a table's unit contradicts its figures"),
		Doc: i18n.T(
			"两表之间的一个勾稽关系，按各表“单位”一行所标的单位（元与万元）换算后不成立，按所印数字却成立：某张表的单位标错了（或数字没有换算）。字段：Subject（单位可疑的表），Item（等式），Actual，Expected（所印数字），Names（两个单位），Pos，Other。",
			"An identity between two tables fails once their amounts are converted by the units their 单位 lines state (元 and 万元), yet holds on the figures as printed: one table's 单位 line is wrong (or its figures were not converted). Fields: Subject (the table whose unit is suspect), Item (the identity), Actual, Expected (as printed), Names (the two units), Pos, Other."),
	},
	{Code: CodeContentsMissing, Severity: Warning,
		Title: i18n.T("目录所列的表在报告中没有找到", "a table the 目录 lists is missing"),
		Doc: i18n.T(
			"报告的目录列有全国统一格式中的一张表（收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表），报告中却没有这个标题的表，或者 jixiao 没有找到它（扫描的页面，或标题写法不同）。它的核对没有进行。字段：Item（目录所列的标题），Names（表），Pos（目录中的条目）。",
			"The report's 目录 lists a table of the national template (收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表) that the report does not hold under that title, or that jixiao could not find (a scanned page, a title worded otherwise). Its checks did not run. Fields: Item (the title as listed), Names (the table), Pos (the 目录 entry)."),
	},
	{Code: CodeContentsUnlisted, Severity: Warning,
		Title: i18n.T("报告中的表没有列入目录", "a table not in the 目录"),
		Doc: i18n.T(
			"报告中有一张决算表，而目录没有列出它。字段：Subject（表），Item（它的标题），Pos（表），Other（目录）。",
			"The report holds a final-accounts table that its 目录 does not list. Fields: Subject (the table), Item (its title), Pos (the table), Other (the 目录)."),
	},
	{Code: CodeNarrativeFigure, Severity: Error,
		Title: i18n.T("情况说明中的金额与表不符", "an amount the 情况说明 states differs from its table"),
		Doc: i18n.T(
			"部门决算情况说明所写的某一表行的金额（本年收入合计、基本支出、一般公共服务支出（类）、社会保险经办机构（2080109）、所列某项的支出决算…）与表中相差超过金额容差。以元写的金额换算成万元比较。字段：Subject（节），Item（金额说的是什么，照原文），Actual（所写），Expected（表中），Diff，Names（表中的行），Pos（这个数字），Other（表中的格）。",
			"The part explaining the final accounts (部门决算情况说明) states an amount of a table's line (本年收入合计, 基本支出, 一般公共服务支出（类）, 社会保险经办机构（2080109）, a listed item's 支出决算…) that differs from the table by more than the money tolerance. Amounts in 元 are compared in 万元. Fields: Subject (the section), Item (what the amount is of, as written), Actual (stated), Expected (the table), Diff, Names (the table's line), Pos (the figure), Other (the table's cell)."),
	},
	{Code: CodeNarrativeShare, Severity: Error,
		Title: i18n.T("情况说明中的占比算错", "a share the 情况说明 states is wrong"),
		Doc: i18n.T(
			"某个占比（占 N%、占本年支出合计的 N%）不等于它前面的金额除以它所占的总数（所写明的总数，否则本节的第一个金额），按所写的小数位四舍五入；为使各占比合计 100% 而留下的 0.01 个百分点可以容忍。字段：Item，Actual（所写的 %），Expected（算出的 %），Names（总数的名称），Amounts（这个金额，总数的金额）。",
			"A share (占 N%, 占本年支出合计的 N%) is not the amount it follows divided by the whole it is a share of (the whole named, or else the first amount of its section), rounded to the decimals written; a difference of 0.01 percentage points, left when shares are made to add up to 100 %, is tolerated. Fields: Item, Actual (stated %), Expected (computed %), Names (the whole), Amounts (the amount, the whole's amount), Pos."),
	},
	{Code: CodeNarrativeChange, Severity: Error,
		Title: i18n.T("情况说明中的增减幅度算错", "a change from last year is wrong"),
		Doc: i18n.T(
			"与上年相比的变化（增加/减少 X 万元，增长/下降 N%）不成立：上年金额是本年金额减去变化额，N 必须是变化额除以上年金额，按所写的小数位四舍五入（容忍 0.01 个百分点）。字段：Item，Actual（所写的 %），Expected（算出的 %），Amounts（本年金额，变化额，上年金额），Pos。",
			"A change from last year (增加/减少 X 万元，增长/下降 N%) does not hold: last year's amount is this year's amount less the change, and N must be the change divided by it, rounded to the decimals written (0.01 percentage points tolerated). Fields: Item, Actual (stated %), Expected (computed %), Amounts (this year's amount, the change, last year's), Pos."),
	},
	{Code: CodeNarrativeNoBase, Severity: Info,
		Title: i18n.T("以 0 为基数的增长率或完成率", "a rate over a base of 0"),
		Doc: i18n.T(
			"增长率、占比或完成率是以 0 为基数写的：从上年的 0 增长（新单位或新项目：“增长 100%”是一种惯例，不是计算结果），或年初预算为 0 时写“完成年初预算的 N%”（这个数其实是对全年预算的完成率，作为 Expected 给出）。值得改写；没有哪个数字是错的。字段：Item，Actual（所写的 %），Expected（对全年预算的完成率，若写了全年预算），Names（说法的种类，基数的名称），Amounts（基数，金额，全年预算），Pos。",
			"A growth rate, share or completion rate is stated over a base of 0: an increase from last year's 0 (a new unit or a new item: “增长 100%” is a convention, not a computation), or 完成年初预算的 N% where the 年初预算 is 0 (the figure is then the rate of the 全年预算, given as Expected). Worth rewording; no figure is wrong. Fields: Item, Actual (stated %), Expected (the rate of the 全年预算, where one is stated), Names (the kind of claim, the base's name), Amounts (the base, the amount, the 全年预算), Pos."),
	},
	{Code: CodeNarrativeRate, Severity: Error,
		Title: i18n.T("情况说明中的预算完成率算错", "a completion rate is wrong"),
		Doc: i18n.T(
			"某个完成率（完成全年预算的 N%、完成年初预算的 N%）不等于所写的支出决算除以所说的预算，按所写的小数位四舍五入（容忍 0.01 个百分点）。字段：Item（所列的项），Actual（所写的 %），Expected（算出的 %），Names（预算的名称），Amounts（支出决算，预算金额），Pos。",
			"A completion rate (完成全年预算的 N%, 完成年初预算的 N%) is not the 支出决算 stated divided by the budget named, rounded to the decimals written (0.01 percentage points tolerated). Fields: Item (the item of the list), Actual (stated %), Expected (computed %), Names (the budget), Amounts (the spending, the budget's amount), Pos."),
	},
	{Code: CodeNarrativeCount, Severity: Error,
		Title: i18n.T("情况说明中的项目个数不符", "the narrative's number of projects"),
		Doc: i18n.T(
			"预算绩效情况说明所写的自评（或评价）项目个数，与报告中的项目支出绩效自评表（或评价报告）份数不同，或者提到了报告中没有自评表的项目（Names）。字段：Item（自评或评价），Actual（所写），Expected（找到的），Names，Pos。",
			"The 预算绩效情况说明 states a number of projects self-evaluated (or evaluated) that differs from the number of 项目支出绩效自评表 (or 评价报告) the report holds, or names a project the report has no table for (Names). Fields: Item (自评 or 评价), Actual (stated), Expected (found), Names, Pos."),
	},
	{Code: CodeNarrativeFunds, Severity: Error,
		Title: i18n.T("情况说明中的资金总额不符", "the narrative's funds total"),
		Doc: i18n.T(
			"预算绩效情况说明中的资金总额（涉及财政拨款资金共计 N 万元）与各项目预算（年初预算① + 年中调整②）之和相差超过金额容差。字段：Actual（所写），Expected（之和），Diff，Pos。",
			"The 预算绩效情况说明's funds total (涉及财政拨款资金共计 N 万元) differs from the sum of the projects' budgets (年初预算 ① + 年中调整 ②) by more than the money tolerance. Fields: Actual (stated), Expected (the sum), Diff, Pos."),
	},
	{Code: CodeNarrativeGrades, Severity: Error,
		Title: i18n.T("情况说明中的等次与计算等次不符", "the narrative's grades"),
		Doc: i18n.T(
			"预算绩效情况说明写了各等次（优/良/中/差）的项目个数，而各项目的等次得不出这些个数：有 jixiao 算出的等次（计算总分的等次）时按它，否则按各自评表所填的等次。字段：Actual（所写的个数），Expected（按等次数出的个数），Names（每个项目及其等次），Item（\"rescored\" 或 \"stated\"），Pos。",
			"The 预算绩效情况说明 states how many projects earned each grade (优/良/中/差), and the projects' grades do not give those counts: the grades of the totals jixiao computes when given, else the grades the tables state. Fields: Actual (stated counts), Expected (counts from the grades), Names (each project with its grade), Item (\"rescored\" or \"stated\"), Pos."),
	},
	{Code: CodeNarrativeUnchecked, Severity: Warning,
		Title: i18n.T("情况说明所述的项目无表可核", "projects the narrative states, with no table to check"),
		Doc: i18n.T(
			"预算绩效情况说明（或预算绩效管理情况）称若干项目做了绩效自评（或评价），写了个数，也许还有涉及的资金、平均得分、各评级的项目个数，而报告中一份项目支出绩效自评表（或评价报告）也没有：这些说法无法与任何表核对，报告的结论也不涉及它们。请向单位索取这些项目的自评表，用 jixiao check 复核。字段：Item（自评或评价），Actual（所写的个数），Names（所写的其他数字，照原文），Pos。",
			"The 预算绩效情况说明 (or 预算绩效管理情况) states that some projects were self-evaluated (or evaluated), with their number and perhaps the funds involved, their average score and how many earned each grade, and the report holds no 项目支出绩效自评表 (or 评价报告) at all: none of it can be checked against a table, and the report's verdict does not cover it. Ask the unit for those projects' tables and review them with jixiao check. Fields: Item (自评 or 评价), Actual (the number stated), Names (the other figures stated, as written), Pos."),
	},
	{Code: CodeNarrativeAverage, Severity: Error,
		Title: i18n.T("情况说明中的平均得分不符", "the narrative's average score"),
		Doc: i18n.T(
			"预算绩效情况说明写了自评（或评价）项目的平均得分（平均得分 N 分），而报告中各项目所述的得分（评价报告的自评得分，没有时用自评表的合计）的平均，按所写的小数位四舍五入，与之相差超过得分容差。字段：Item（自评或评价），Actual（所写），Expected（算出的平均），Diff，Unit，Names（每个项目及其得分），Pos。",
			"The 预算绩效情况说明 states the average score of the projects self-evaluated (or evaluated) (平均得分 N 分), and the average of the scores the report states for them (the evaluation report's 自评得分, else the table's 合计), rounded to the decimals written, differs by more than the score tolerance. Fields: Item (自评 or 评价), Actual (stated), Expected (the average), Diff, Unit, Names (each project with its score), Pos."),
	},
}

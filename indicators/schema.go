package indicators

import (
	"strings"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// Type is the kind of value a key of the file format takes. Each syntax reads it its own
// way (TOML, JSON, a workbook cell) and the one decoder checks it the same way for all.
type Type int

// The types of keys.
const (
	Text       Type = iota // a string; a whole number is read as its digits (codes such as 408003)
	Number                 // a finite number within ±10^15; text holding one number is accepted, blank marks (—, /, 无) are "not given"
	Count                  // a whole number from 0 to 10^9
	Bool                   // true or false
	Written                // a target, actual or prior: a number, or text as written ("≥99.22%", "达成")
	Prose                  // text whose every character is placed in the file (a criterion, for pointing into it)
	Expression             // an expr expression as text; a number is its own expression
	Interval               // two numbers [low, high], low ≤ high
	Codes                  // an array of strings
	Table                  // a table of keys: [funds]
	Tables                 // an array of tables: [[indicator]], tiers = [ {…}, … ]
)

var typeNames = [...]string{"text", "number", "count", "bool", "written", "prose", "expression", "interval", "codes", "table", "tables"}

func (t Type) String() string { return typeNames[t] }

// Field is one key of the file format: where it stands, what it takes and means, how the
// workbook labels it, and where its value lives in the model. Fields is the table of them
// all; the decoders (TOML, JSON and its fast path, workbooks), the writers and the JSON
// Schema are driven by it. Adding a key to the format is a field of the model and a row of
// Fields.
type Field struct {
	In       string // the table it stands in: "" (top level), "project", "funds", "funds.review", "scoring", "scoring.grades", "reported", "review", "reviewer", "review_rules", "indicator", "indicator.tiers", "indicator.review"
	Key      string // snake_case
	Type     Type   //
	Unit     string // the unit of a number: "万元" (or funds.unit), "points", "%", "fraction", "the indicator's unit"
	Required bool   // the key must be given (a Text or Prose also not blank; a Number as a usable number)
	// BlankIsZero lets a required Number be blank (—, /, 无): it is then 0, which a review
	// check reports (a weight of 0 is missing-value).
	BlankIsZero bool
	Label       i18n.Text // what messages call it: 分值 / weight
	Doc         string    // what it means, in English, for the README and editors
	Enum        []string  // the only values a Text may take
	Min, Max    *float64  // bounds of a Number or Count, inclusive unless MinOpen; Min of Tables: the fewest tables
	MinOpen     bool      // Min itself is outside the bounds
	Default     any       // what an absent key means: a string, float64, int or bool (nil: the zero value); []Grade for grades
	// Implied computes the text an absent key means from the rest of its table (a direction
	// from the target's operator).
	Implied func(obj any) string
	// Instead names the keys that stand in this one's place: when one is given all must be,
	// and this key must not be (score, or min and max).
	Instead []string
	// Excludes names a key that must not be given together with this one; Conflict says so.
	Excludes string
	Conflict i18n.Text
	// Reject is the message for a value outside Enum or the bounds (nil: the general one).
	Reject func(v any) i18n.Text
	// Missing is the message for an absent required key, where the general one does not fit.
	Missing i18n.Text
	// Sheet holds the labels a workbook gives the value: the header of its column (an
	// indicator's key) or the cell left of it (a project's key). SheetPart holds parts of such
	// labels, tried when no label matches whole.
	Sheet, SheetPart []string
	// at returns a pointer to where the value lives in the table's model object: a *Project
	// for "" and "project", *Funds, *Scoring, *Grade, *Reported, *Thresholds, *Reviewer,
	// *ReviewRule, *Indicator, *Tier, *Review.
	at func(obj any) any
	// source returns where a Prose value's placed characters live.
	source func(obj any) *Expr
	// path is In.Key, the name of the table a Table or Tables field holds.
	path string
	// Made by newSchema for the decoders: the table this one holds, the key it excludes,
	// the keys that may stand in its place.
	spec     *spec
	excluded *Field
	standIns []*Field
}

func bound(f float64) *float64 { return &f }

// The tables of the format, each with its model object.
const (
	inRoot      = ""
	inProject   = "project"
	inFunds     = "funds"
	inScoring   = "scoring"
	inGrades    = "scoring.grades"
	inReported  = "reported"
	inReview    = "review"
	inReviewer  = "reviewer"
	inRules     = "review_rules"
	inIndicator = "indicator"
	inTiers     = "indicator.tiers"
	inIndReview = "indicator.review"
	inFundsRev  = "funds.review"
)

// methodNames are the standard methods' names, in documentation order.
var methodNames = func() []string {
	out := make([]string, len(Methods))
	for i, m := range Methods {
		out[i] = string(m)
	}
	return out
}()

func rejectMethod(v any) i18n.Text {
	return i18n.T("未知的计分方法 %q；可用：%s", "unknown scoring method %q; use one of: %s", v, strings.Join(methodNames, ", "))
}

// always is a Reject that says the same whatever the value.
func always(msg i18n.Text) func(any) i18n.Text { return func(any) i18n.Text { return msg } }

// Fields is the file format, key by key, in the order each table is read and written.
var Fields = []Field{
	// The top level: one table per part of the 自评表.
	{In: inRoot, Key: "project", Type: Table, Required: true, Label: i18n.T("项目", "project"),
		Doc:     "The project: its name and the budget unit that ran it.",
		Missing: i18n.T("缺少 [project] 表：请至少填写 [project] 的 name（专项名称）", "missing the [project] table: add [project] with at least its name"),
		at:      func(o any) any { return o.(*Project) }},
	{In: inRoot, Key: "funds", Type: Table, Label: i18n.T("资金", "funds"),
		Doc: "The money block: the Fujian ①–⑧ columns, or the central layout's budget, full-year budget and spent; every amount optional.",
		at:  func(o any) any { return &o.(*Project).Funds }},
	{In: inRoot, Key: "scoring", Type: Table, Label: i18n.T("计分规则", "scoring"),
		Doc: "How the project is scored; every key has the national default.",
		at:  func(o any) any { return &o.(*Project).Scoring }},
	{In: inRoot, Key: "reported", Type: Table, Label: i18n.T("自评结果", "reported"),
		Doc: "What the submission states about itself: its total, score, grade and target counts.",
		at:  func(o any) any { return &o.(*Project).Reported }},
	{In: inRoot, Key: "review", Type: Table, Label: i18n.T("复核阈值", "review thresholds"),
		Doc: "Thresholds of the review checks, over the shared --config file's.",
		at:  func(o any) any { return &o.(*Project).Thresholds }},
	{In: inRoot, Key: "reviewer", Type: Table, Label: i18n.T("复核人", "reviewer"),
		Doc: "Who made the reviewer's 复核 recorded in [indicator.review], and when.",
		at:  func(o any) any { return &o.(*Project).Reviewer }},
	{In: inRoot, Key: "review_rules", Type: Tables, Label: i18n.T("复核口径", "review rules"),
		Doc: "The 复核口径 a reviewer cites for a score, over the shared --config file's (which replace the rules jixiao ships with).",
		at:  func(o any) any { return &o.(*Project).ReviewRules }},
	{In: inRoot, Key: "indicator", Type: Tables, Required: true, Min: bound(1), Label: i18n.T("指标", "indicators"),
		Doc:     "One table per 三级指标 row, in the table's order.",
		Missing: i18n.T("没有任何指标：请用 [[indicator]] 逐项填写三级指标", "no indicators: add each 三级指标 as an [[indicator]] table"),
		at:      func(o any) any { return &o.(*Project).Indicators }},

	{In: inProject, Key: "name", Type: Text, Required: true, Label: i18n.T("专项名称", "project name"),
		Doc: "专项名称 / 项目名称, as the table writes it.", Sheet: []string{"专项名称", "项目名称"},
		at: func(o any) any { return &o.(*Project).Name }},
	{In: inProject, Key: "agency", Type: Text, Label: i18n.T("单位名称", "budget unit"),
		Doc: "单位名称 / 主管部门: the budget unit that answers for the project.", Sheet: []string{"单位名称", "主管部门", "主管单位", "预算单位"},
		at: func(o any) any { return &o.(*Project).Agency }},
	{In: inProject, Key: "implementer", Type: Text, Label: i18n.T("实施单位", "implementing unit"),
		Doc: "实施单位: the unit that carried the project out, where the table names it apart from the agency.", Sheet: []string{"实施单位", "项目实施单位"},
		at: func(o any) any { return &o.(*Project).Implementer }},
	{In: inProject, Key: "agency_code", Type: Text, Label: i18n.T("单位编码", "unit code"),
		Doc: "单位编码.", Sheet: []string{"单位编码"},
		at: func(o any) any { return &o.(*Project).AgencyCode }},
	{In: inProject, Key: "function_code", Type: Text, Label: i18n.T("功能科目编码", "function code"),
		Doc: "部门预算功能科目: the budget function code.", Sheet: []string{"部门预算功能科目", "功能科目", "预算功能科目"},
		at: func(o any) any { return &o.(*Project).FunctionCode }},
	{In: inProject, Key: "year", Type: Count, Unit: "year", Label: i18n.T("年度", "year"),
		Doc: "The budget year.", Sheet: []string{"年度"},
		at: func(o any) any { return &o.(*Project).Year }},

	{In: inFunds, Key: "unit", Type: Text, Label: i18n.T("金额单位", "money unit"),
		Doc: "The unit of every amount of the funds.", Enum: []string{"万元", "元"}, Default: "万元",
		Reject: func(v any) i18n.Text {
			return i18n.T("金额单位只能是 万元 或 元，实际为 %q", "the money unit must be 万元 or 元, not %q", v)
		},
		at: func(o any) any { return &o.(*Funds).Unit }},
	{In: inFunds, Key: "budget", Type: Number, Unit: "万元", Label: i18n.T("年初预算数①", "budget ①"),
		Doc: "① 年初预算 / 年初预算数.", at: func(o any) any { return &o.(*Funds).Budget }},
	{In: inFunds, Key: "adjustment", Type: Number, Unit: "万元", Label: i18n.T("年中调整②", "adjustment ②"),
		Doc: "② 年中调整.", at: func(o any) any { return &o.(*Funds).Adjustment }},
	{In: inFunds, Key: "allocated", Type: Number, Unit: "万元", Label: i18n.T("年度拨付③", "allocated ③"),
		Doc: "③ 年度拨付.", at: func(o any) any { return &o.(*Funds).Allocated }},
	{In: inFunds, Key: "balance", Type: Number, Unit: "万元", Label: i18n.T("本年度结余④", "balance ④"),
		Doc: "④ 本年度结余 = ① + ② − ③.", at: func(o any) any { return &o.(*Funds).Balance }},
	{In: inFunds, Key: "received", Type: Number, Unit: "万元", Label: i18n.T("实际到位⑤", "received ⑤"),
		Doc: "⑤ 实际到位.", at: func(o any) any { return &o.(*Funds).Received }},
	{In: inFunds, Key: "spent", Type: Number, Unit: "万元", Label: i18n.T("实际支出⑥", "spent ⑥"),
		Doc: "⑥ 实际支出 / 全年执行数.", at: func(o any) any { return &o.(*Funds).Spent }},
	{In: inFunds, Key: "unspent", Type: Number, Unit: "万元", Label: i18n.T("结余⑦", "unspent ⑦"),
		Doc: "⑦ 结余 = ⑤ − ⑥.", at: func(o any) any { return &o.(*Funds).Unspent }},
	{In: inFunds, Key: "unspent_rate", Type: Number, Unit: "%", Label: i18n.T("结余率⑧", "unspent rate ⑧"),
		Doc: "⑧ 结余率 = ⑦ / ⑤, in percent.", at: func(o any) any { return &o.(*Funds).UnspentRate }},
	{In: inFunds, Key: "full_year_budget", Type: Number, Unit: "万元", Label: i18n.T("全年预算数", "full-year budget"),
		Doc: "全年预算数; budget + adjustment when not given.", at: func(o any) any { return &o.(*Funds).FullYearBudget }},
	{In: inFunds, Key: "reported", Type: Number, Unit: "points", Label: i18n.T("预算执行率得分", "reported execution score"),
		Doc: "The 预算执行率 score as the submission gave it.", at: func(o any) any { return &o.(*Funds).Reported }},
	{In: inFunds, Key: "weight", Type: Number, Unit: "points", Label: i18n.T("预算执行率分值", "execution-rate weight"),
		Doc: "Points for 预算执行率, scored min(spent / full-year budget, 1) × weight; 0 or absent: not scored.", Min: bound(0),
		Reject: always(i18n.T("预算执行率分值不能为负数", "the execution-rate weight cannot be negative")),
		at:     func(o any) any { return &o.(*Funds).Weight }},
	{In: inFunds, Key: "reason", Type: Text, Label: i18n.T("偏差原因", "reason"),
		Doc:   "Why execution fell short. In a workbook, a column of the funds block's header or a row below it, labelled 偏差原因, 原因说明 or 未执行原因.",
		Sheet: []string{"偏差原因", "原因说明", "未执行原因"}, SheetPart: []string{"偏差原因", "原因说明", "未执行原因", "执行偏差"},
		at: func(o any) any { return &o.(*Funds).Reason }},
	{In: inFunds, Key: "review", Type: Table, Label: i18n.T("预算执行率复核", "review of the execution line"),
		Doc: "The reviewer's 复核 of the 预算执行率 line, as [indicator.review] is of an indicator: 复核完成值 (the execution rate found, in %), 复核得分, 扣分理由, 复核口径, 备注.",
		at:  func(o any) any { return &o.(*Funds).Review }},

	{In: inFundsRev, Key: "actual", Type: Written, Unit: "%", Label: i18n.T("复核执行率", "reviewed execution rate"),
		Doc: "复核完成值 of the execution line: the execution rate the reviewer found, in percent.", Sheet: []string{"复核完成值", "复核实际完成值"},
		at: func(o any) any { return &o.(*Review).Actual }},
	{In: inFundsRev, Key: "score", Type: Number, Unit: "points", Label: i18n.T("预算执行率复核得分", "review score of the execution line"),
		Doc: "复核得分 of the execution line: the reviewer's score; absent, the review total counts its computed score.", Sheet: []string{"复核得分"},
		at: func(o any) any { return &o.(*Review).Score }},
	{In: inFundsRev, Key: "reason", Type: Text, Label: i18n.T("扣分理由", "reason"),
		Doc: "扣分理由: why points were cut (or added).", Sheet: []string{"扣分理由", "复核扣分理由", "复核意见"},
		at: func(o any) any { return &o.(*Review).Reason }},
	{In: inFundsRev, Key: "rule", Type: Text, Label: i18n.T("复核口径", "review rule"),
		Doc: "复核口径: the code of the review rule the score follows ([[review_rules]]).", Sheet: []string{"复核口径"},
		at: func(o any) any { return &o.(*Review).Rule }},
	{In: inFundsRev, Key: "note", Type: Text, Label: i18n.T("复核备注", "review note"),
		Doc: "备注: what else the reviewer records.", Sheet: []string{"复核备注"},
		at: func(o any) any { return &o.(*Review).Note }},

	{In: inScoring, Key: "full_marks", Type: Number, Unit: "points", Label: i18n.T("满分", "full marks"),
		Doc: "满分: what the weights add up to.", Min: bound(0), MinOpen: true, Default: float64(DefaultFullMarks),
		Reject: always(i18n.T("满分必须大于 0", "full_marks must be greater than 0")),
		at:     func(o any) any { return &o.(*Scoring).FullMarks }},
	{In: inScoring, Key: "decimals", Type: Count, Label: i18n.T("小数位数", "decimals"),
		Doc: "Decimals of every score, rounded half-up.", Max: bound(num.MaxDecimals), Default: DefaultDecimals,
		Reject: always(i18n.T("小数位数最多 %d 位", "decimals can be at most %d", num.MaxDecimals)),
		at:     func(o any) any { return &o.(*Scoring).Decimals }},
	{In: inScoring, Key: "method", Type: Text, Label: i18n.T("计分方法", "scoring method"),
		Doc:  "The method of every indicator with neither tiers nor a method of its own; absent: each by its target (≥ proportional, ≤ lower, = equal, a date deadline, text qualitative).",
		Enum: methodNames, Reject: rejectMethod, at: func(o any) any { return &o.(*Scoring).Method }},
	{In: inScoring, Key: "lower", Type: Text, Label: i18n.T("反向指标计分方法", "lower-is-better method"),
		Doc:  "The default method of a lower-is-better target (≤, ＜, a duration within a bound): reverse-linear, or reverse.",
		Enum: []string{string(MethodReverseLinear), string(MethodReverse)}, Default: string(DefaultLower),
		at: func(o any) any { return &o.(*Scoring).Lower }},
	{In: inScoring, Key: "unread", Type: Text, Label: i18n.T("读不懂的评分标准", "unread criteria"),
		Doc:  "A criterion whose text cannot be read leaves its indicator unscored (\"unscored\", a range), or is scored by the default method, said on its row (\"default\").",
		Enum: []string{UnreadUnscored, UnreadDefault}, Default: UnreadUnscored,
		at: func(o any) any { return &o.(*Scoring).Unread }},
	{In: inScoring, Key: "late_per_month", Type: Number, Unit: "fraction", Label: i18n.T("逾期每月扣分比例", "share lost per month late"),
		Doc: "Under the default method, the share of the weight a missed deadline loses per month late (a month begun counts whole; 1: nothing for any lateness); absent: a missed deadline is unscored.",
		Min: bound(0), Max: bound(1), Reject: always(i18n.T("late_per_month 应在 0 到 1 之间", "late_per_month must lie between 0 and 1")),
		at: func(o any) any { return &o.(*Scoring).LatePerMonth }},
	{In: inScoring, Key: "band_met", Type: Interval, Unit: "% of the weight", Label: i18n.T("达成年度指标的得分区间", "band of 达成"),
		Doc: "达成年度指标: the qualitative band, in percent of the weight (default [80, 100]).",
		at:  func(o any) any { return &o.(*Scoring).BandMet }},
	{In: inScoring, Key: "band_partial", Type: Interval, Unit: "% of the weight", Label: i18n.T("部分达成的得分区间", "band of 部分达成"),
		Doc: "部分达成年度指标并具有一定效果: the qualitative band, in percent of the weight (default [60, 80]).",
		at:  func(o any) any { return &o.(*Scoring).BandPartial }},
	{In: inScoring, Key: "band_unmet", Type: Interval, Unit: "% of the weight", Label: i18n.T("未达成的得分区间", "band of 未达成"),
		Doc: "未达成年度指标且效果较差: the qualitative band, in percent of the weight (default [0, 60]).",
		at:  func(o any) any { return &o.(*Scoring).BandUnmet }},
	{In: inScoring, Key: "grades", Type: Tables, Min: bound(1), Label: i18n.T("等次", "grades"),
		Doc: "等次 bands, each { name, min }: a total at or above min earns name unless a higher band applies.", Default: DefaultGrades(),
		at: func(o any) any { return &o.(*Scoring).Grades }},
	{In: inGrades, Key: "name", Type: Text, Required: true, Label: i18n.T("等次名称", "grade name"),
		Doc: "The grade: 优, 良, 中, 差.", at: func(o any) any { return &o.(*Grade).Name }},
	{In: inGrades, Key: "min", Type: Number, Unit: "points", Required: true, Label: i18n.T("等次下限", "grade lower bound"),
		Doc: "The lowest total earning the grade, inclusive.", at: func(o any) any { return &o.(*Grade).Min }},

	{In: inReported, Key: "total", Type: Number, Unit: "points", Label: i18n.T("合计", "table total"),
		Doc: "The 合计 printed in the table's score column.", at: func(o any) any { return &o.(*Reported).Total }},
	{In: inReported, Key: "score", Type: Number, Unit: "points", Label: i18n.T("自评得分", "self-assessed score"),
		Doc: "The 自评得分 stated in the text.", at: func(o any) any { return &o.(*Reported).Score }},
	{In: inReported, Key: "grade", Type: Text, Label: i18n.T("等次", "grade"),
		Doc: "The 等次 as written: 优秀 and 优, 良好 and 良… are the same.", at: func(o any) any { return &o.(*Reported).Grade }},
	{In: inReported, Key: "targets_set", Type: Count, Label: i18n.T("设置绩效目标个数", "targets set"),
		Doc: "设置绩效目标 N 个.", at: func(o any) any { return &o.(*Reported).TargetsSet }},
	{In: inReported, Key: "targets_met", Type: Count, Label: i18n.T("实际完成个数", "targets met"),
		Doc: "实际完成 N 个.", at: func(o any) any { return &o.(*Reported).TargetsMet }},

	{In: inReview, Key: "tolerance", Type: Number, Unit: "points", Label: i18n.T("得分容差", "score tolerance"), Min: bound(0),
		Doc: "A reported score this close to the computed one matches (default 0.005).", at: func(o any) any { return &o.(*Thresholds).Tolerance }},
	{In: inReview, Key: "money_tolerance", Type: Number, Unit: "万元", Label: i18n.T("金额容差", "money tolerance"), Min: bound(0),
		Doc: "The 尾数误差 between money figures (default 0.01).", at: func(o any) any { return &o.(*Thresholds).MoneyTolerance }},
	{In: inReview, Key: "overachieved_ratio", Type: Number, Unit: "fraction", Label: i18n.T("超额完成比例", "over-achievement ratio"), Min: bound(0),
		Doc: "actual / target from which over-achievement needs a reason (default 1.30).", at: func(o any) any { return &o.(*Thresholds).OverachievedRatio }},
	{In: inReview, Key: "execution_rate_min", Type: Number, Unit: "fraction", Label: i18n.T("预算执行率下限", "minimum execution rate"), Min: bound(0),
		Doc: "Execution below this needs a reason (default 0.90).", at: func(o any) any { return &o.(*Thresholds).ExecutionRateMin }},
	{In: inReview, Key: "balance_rate_max", Type: Number, Unit: "fraction", Label: i18n.T("结余率上限", "maximum balance rate"), Min: bound(0),
		Doc: "A 结余率 above this is flagged (default 0.20).", at: func(o any) any { return &o.(*Thresholds).BalanceRateMax }},
	{In: inReview, Key: "spend_gap_max", Type: Number, Unit: "fraction", Label: i18n.T("绩效与支出差距上限", "maximum spend–results gap"), Min: bound(0),
		Doc: "How far the indicators' score share may exceed the execution share (default 0.05).", at: func(o any) any { return &o.(*Thresholds).SpendGapMax }},
	{In: inReview, Key: "disable", Type: Codes, Label: i18n.T("停用的检查", "disabled checks"),
		Doc: "Codes of checks not to run, such as \"all-full-marks\".", at: func(o any) any { return &o.(*Thresholds).Disable }},

	{In: inReviewer, Key: "name", Type: Text, Label: i18n.T("复核人", "reviewer"),
		Doc: "复核人: the reviewer's name as it goes on the report.", Sheet: []string{"复核人", "复核人员"},
		at: func(o any) any { return &o.(*Reviewer).Name }},
	{In: inReviewer, Key: "date", Type: Text, Label: i18n.T("复核日期", "review date"),
		Doc: "复核日期, as written: \"2024-05-20\".", Sheet: []string{"复核日期", "复核时间"},
		at: func(o any) any { return &o.(*Reviewer).Date }},

	{In: inRules, Key: "code", Type: Text, Required: true, Label: i18n.T("口径代码", "rule code"),
		Doc: "The code a reviewer cites (review.rule), such as \"no-evidence\"; unique in the list.",
		at:  func(o any) any { return &o.(*ReviewRule).Code }},
	{In: inRules, Key: "title", Type: Text, Required: true, Label: i18n.T("口径名称", "rule title"),
		Doc: "What the rule says, in Chinese: 无佐证材料.", at: func(o any) any { return &o.(*ReviewRule).Title }},
	{In: inRules, Key: "title_en", Type: Text, Label: i18n.T("口径名称（英文）", "rule title in English"),
		Doc: "What the rule says, in English; the Chinese title when absent.", at: func(o any) any { return &o.(*ReviewRule).TitleEn }},
	{In: inRules, Key: "effect", Type: Text, Required: true, Label: i18n.T("扣分方式", "effect"),
		Doc:  "What the rule does to the score: zero (the indicator scores 0), cut (a share of the weight is cut), none (no cut), criterion (the score the criterion gives).",
		Enum: []string{string(EffectZero), string(EffectCut), string(EffectNone), string(EffectCriterion)},
		Reject: func(v any) i18n.Text {
			return i18n.T("effect 只能是 zero（得0分）、cut（按比例扣分）、none（不扣分）或 criterion（按评分标准计分），实际为 %q",
				"effect must be zero, cut, none or criterion, not %q", v)
		},
		at: func(o any) any { return &o.(*ReviewRule).Effect }},
	{In: inRules, Key: "cut", Type: Number, Unit: "fraction", Label: i18n.T("扣分比例", "share cut"),
		Doc: "For effect = \"cut\": the share of the weight cut from the score before the review (0.3 for 30 %), above 0 and at most 1.",
		Min: bound(0), MinOpen: true, Max: bound(1),
		Reject: always(i18n.T("扣分比例 cut 应大于 0 且不超过 1（0.3 表示扣分值的 30%）", "cut must be above 0 and at most 1 (0.3 cuts 30 % of the weight)")),
		at:     func(o any) any { return &o.(*ReviewRule).Cut }},
	{In: inRules, Key: "completion_above", Type: Number, Unit: "fraction", Label: i18n.T("适用完成率下限", "completion rate above"),
		Doc: "The rule applies only where the completion rate (复核完成值 / 指标值) is above this: 1.3 for 130 %.", Min: bound(0),
		at: func(o any) any { return &o.(*ReviewRule).CompletionAbove }},
	{In: inRules, Key: "note", Type: Bool, Label: i18n.T("须填备注", "note required"),
		Doc: "true: a 备注 (review.note) must go with the rule.", at: func(o any) any { return &o.(*ReviewRule).Note }},

	{In: inIndicator, Key: "level1", Type: Text, Label: i18n.T("一级指标", "level-1 heading"),
		Doc: "一级指标: 产出指标, 效益指标, 满意度指标….", Sheet: []string{"一级指标"},
		at: func(o any) any { return &o.(*Indicator).Level1 }},
	{In: inIndicator, Key: "level2", Type: Text, Label: i18n.T("二级指标", "level-2 heading"),
		Doc: "二级指标: 数量指标, 质量指标, 时效指标, 成本指标….", Sheet: []string{"二级指标"},
		at: func(o any) any { return &o.(*Indicator).Level2 }},
	{In: inIndicator, Key: "name", Type: Text, Required: true, Label: i18n.T("三级指标名称", "indicator name"),
		Doc: "三级指标: unique under its headings.", Sheet: []string{"三级指标", "三级指标名称", "指标名称"}, SheetPart: []string{"三级指标"},
		at: func(o any) any { return &o.(*Indicator).Name }},
	{In: inIndicator, Key: "target", Type: Written, Unit: "the indicator's unit", Label: i18n.T("指标值", "target"),
		Doc:       "指标值: a number, or text as written (\"≥99.22%\", \"≤5天\", \"有效\"); its operator sets the direction.",
		Sheet:     []string{"指标值", "年度指标值", "年初目标值", "绩效目标值", "目标值", "年度目标值", "预期指标值"},
		SheetPart: []string{"指标值", "目标值"},
		at:        func(o any) any { return &o.(*Indicator).Target }},
	{In: inIndicator, Key: "unit", Type: Text, Label: i18n.T("度量单位", "unit"),
		Doc: "度量单位: %, 人, 万元….", Sheet: []string{"度量单位", "计量单位", "单位"},
		at: func(o any) any { return &o.(*Indicator).Unit }},
	{In: inIndicator, Key: "actual", Type: Written, Unit: "the indicator's unit", Label: i18n.T("实际完成值", "actual value"),
		Doc:       "实际完成值: a number, or text as written.",
		Sheet:     []string{"实际完成值", "全年实际值", "实际值", "完成值", "年度实际完成值"},
		SheetPart: []string{"实际完成", "实际值"},
		at:        func(o any) any { return &o.(*Indicator).Actual }},
	{In: inIndicator, Key: "prior", Type: Written, Unit: "the indicator's unit", Label: i18n.T("上年度数值", "prior-year value"),
		Doc: "上年度数值: last year's value.", Sheet: []string{"上年度数值", "上年实际值", "上年值"},
		at: func(o any) any { return &o.(*Indicator).Prior }},
	{In: inIndicator, Key: "weight", Type: Number, Unit: "points", Required: true, BlankIsZero: true, Label: i18n.T("分值", "weight"),
		Doc: "分值: the indicator's share of full marks.", Sheet: []string{"分值", "权重", "指标分值", "指标权重"}, SheetPart: []string{"分值", "权重"},
		at: func(o any) any { return &o.(*Indicator).Weight }},
	{In: inIndicator, Key: "reported", Type: Number, Unit: "points", Label: i18n.T("得分", "reported score"),
		Doc: "得分 as submitted.", Sheet: []string{"得分", "自评得分", "指标得分"},
		at: func(o any) any { return &o.(*Indicator).Reported }},
	{In: inIndicator, Key: "reason", Type: Text, Label: i18n.T("偏差原因", "reason"),
		Doc:       "偏差原因 / 未完成原因: why the target was not met.",
		Sheet:     []string{"偏差原因", "未完成原因", "偏差原因分析及改进措施", "偏差原因及改进措施", "原因分析"},
		SheetPart: []string{"偏差原因", "未完成原因"},
		at:        func(o any) any { return &o.(*Indicator).Reason }},
	{In: inIndicator, Key: "criterion", Type: Prose, Label: i18n.T("评分标准", "criterion"),
		Doc:       "评分标准 as written; read into tiers when the indicator has neither tiers nor a method.",
		Sheet:     []string{"评分标准", "评(扣)分标准", "评(扣)分依据", "评分规则", "计分方法", "评分方法"},
		SheetPart: []string{"评分标准", "扣分标准", "评分规则"},
		at:        func(o any) any { return &o.(*Indicator).Criterion },
		source:    func(o any) *Expr { return &o.(*Indicator).CriterionSource }},
	{In: inIndicator, Key: "method", Type: Text, Label: i18n.T("计分方法", "scoring method"),
		Doc: "A standard method instead of tiers.", Enum: methodNames, Reject: rejectMethod,
		Excludes: "tiers", Conflict: i18n.T("一个指标不能同时有 tiers 和 method：请删去其一", "an indicator cannot have both tiers and a method: remove one"),
		at: func(o any) any { return &o.(*Indicator).Method }},
	{In: inIndicator, Key: "applicable", Type: Bool, Label: i18n.T("是否适用", "applicable"),
		Doc: "false: left out, and the total rescaled to full marks (按百分制折算).", Default: true,
		at: func(o any) any { return &o.(*Indicator).Applicable }},
	{In: inIndicator, Key: "direction", Type: Text, Label: i18n.T("方向", "direction"),
		Doc: "Which way is better; by default the target's operator says (≥ higher, ≤ lower, = equal).", Enum: []string{string(Higher), string(Lower), string(Equal)},
		Implied: func(o any) string { return string(o.(*Indicator).Target.Op.Direction()) },
		Reject: func(v any) i18n.Text {
			return i18n.T("direction 只能是 higher、lower 或 equal，实际为 %q", "direction must be higher, lower or equal, not %q", v)
		},
		at: func(o any) any { return &o.(*Indicator).Direction }},
	{In: inIndicator, Key: "domain", Type: Interval, Unit: "the indicator's unit", Label: i18n.T("取值范围", "domain"),
		Doc: "[low, high]: the range the actual value can take.", at: func(o any) any { return &o.(*Indicator).Domain }},
	{In: inIndicator, Key: "tiers", Type: Tables, Label: i18n.T("分档", "tiers"),
		Doc: "The criterion's tiers, tried in order: the first whose when holds gives the score.",
		at:  func(o any) any { return &o.(*Indicator).Tiers }},

	{In: inIndicator, Key: "review", Type: Table, Label: i18n.T("复核", "review"),
		Doc: "The reviewer's 复核 of the indicator: 复核完成值, 复核得分, 扣分理由, 复核口径, 备注.",
		at:  func(o any) any { return &o.(*Indicator).Review }},

	{In: inTiers, Key: "when", Type: Expression, Required: true, Label: i18n.T("条件", "condition"),
		Doc: "The condition, an expression over actual, target, weight, prior, rate, text and funds.", at: func(o any) any { return &o.(*Tier).When }},
	{In: inTiers, Key: "min", Type: Number, Unit: "points", Label: i18n.T("自由裁量下限", "discretionary minimum"),
		Doc: "A discretionary tier's lowest score (with max, instead of score).", at: func(o any) any { return &o.(*Tier).Min }},
	{In: inTiers, Key: "max", Type: Number, Unit: "points", Label: i18n.T("自由裁量上限", "discretionary maximum"),
		Doc: "A discretionary tier's highest score (with min, instead of score).", at: func(o any) any { return &o.(*Tier).Max }},
	{In: inTiers, Key: "score", Type: Expression, Required: true, Instead: []string{"min", "max"}, Label: i18n.T("得分", "score"),
		Doc: "The score, an expression such as \"20\" or \"weight * actual / target\".", at: func(o any) any { return &o.(*Tier).Score }},

	{In: inIndReview, Key: "actual", Type: Written, Unit: "the indicator's unit", Label: i18n.T("复核完成值", "reviewed actual value"),
		Doc: "复核完成值: the completion value the reviewer found, a number or text as written.", Sheet: []string{"复核完成值", "复核实际完成值"},
		at: func(o any) any { return &o.(*Review).Actual }},
	{In: inIndReview, Key: "score", Type: Number, Unit: "points", Label: i18n.T("复核得分", "review score"),
		Doc: "复核得分: the reviewer's score.", Sheet: []string{"复核得分"},
		at: func(o any) any { return &o.(*Review).Score }},
	{In: inIndReview, Key: "reason", Type: Text, Label: i18n.T("扣分理由", "reason"),
		Doc: "扣分理由: why points were cut (or added).", Sheet: []string{"扣分理由", "复核扣分理由", "复核意见"},
		at: func(o any) any { return &o.(*Review).Reason }},
	{In: inIndReview, Key: "rule", Type: Text, Label: i18n.T("复核口径", "review rule"),
		Doc: "复核口径: the code of the review rule the score follows ([[review_rules]]).", Sheet: []string{"复核口径"},
		at: func(o any) any { return &o.(*Review).Rule }},
	{In: inIndReview, Key: "note", Type: Text, Label: i18n.T("复核备注", "review note"),
		Doc: "备注: what else the reviewer records (required by some rules).", Sheet: []string{"复核备注"},
		at: func(o any) any { return &o.(*Review).Note }},
}

// schema indexes a table of fields by the table each stands in.
type schema struct {
	all    []*Field
	tables map[string]*spec
}

// spec is one table of the format: its keys, and those the decoders visit for each object
// of it besides reading what is given.
type spec struct {
	fields   []*Field
	defaults []*Field // keys with a Default, and tables held by value (their defaults)
	settled  []*Field // keys with Implied or Excludes
	slots    [64]int8 // a key's hash → its index in fields + 1 (0: empty), probed in turn
}

// keyHash spreads a table's keys over the slots by length and first and last byte.
func keyHash[S string | []byte](k S) int {
	if len(k) == 0 {
		return 0
	}
	return (len(k)*31 + int(k[0]) + int(k[len(k)-1])*7) & 63
}

// index is the place of key k in the table, or -1: the direct JSON path looks up every key.
func (t *spec) index(k []byte) int {
	for h := keyHash(k); t.slots[h] != 0; h = (h + 1) & 63 {
		if i := int(t.slots[h]) - 1; t.fields[i].Key == string(k) {
			return i
		}
	}
	return -1
}

func newSchema(fields []Field) *schema {
	s := &schema{tables: map[string]*spec{}}
	for i := range fields {
		f := &fields[i]
		f.path = join(f.In, f.Key)
		s.all = append(s.all, f)
		t := s.tables[f.In]
		if t == nil {
			t = &spec{}
			s.tables[f.In] = t
		}
		t.fields = append(t.fields, f)
		if len(t.fields) > 60 {
			panic("indicators: a table of more than 60 keys") // the slots and the decoders' bit sets
		}
		h := keyHash(f.Key)
		for t.slots[h] != 0 {
			h = (h + 1) & 63
		}
		t.slots[h] = int8(len(t.fields))
		if f.Default != nil || f.Type == Table {
			t.defaults = append(t.defaults, f)
		}
		if f.Implied != nil || f.Excludes != "" {
			t.settled = append(t.settled, f)
		}
	}
	for _, f := range s.all {
		f.spec = s.tables[f.path]
		if f.Excludes != "" {
			f.excluded = s.field(f.In, f.Excludes)
		}
		f.standIns = nil
		for _, k := range f.Instead {
			f.standIns = append(f.standIns, s.field(f.In, k))
		}
	}
	return s
}

// std is the file format.
var std = newSchema(Fields)

// fields lists the keys of one table, in order.
func (s *schema) fields(in string) []*Field { return s.spec(in).fields }

// spec is the table named in; an empty one if the format has none.
func (s *schema) spec(in string) *spec {
	if t := s.tables[in]; t != nil {
		return t
	}
	return &spec{}
}

// field finds a key of a table.
func (s *schema) field(in, key string) *Field {
	for _, f := range s.fields(in) {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// sub is the name of the table a Table or Tables field holds.
func (f *Field) sub() string { return f.path }

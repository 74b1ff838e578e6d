package indicators

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"jixiao/internal/num"
)

// Project is one project's self-evaluation as submitted (one 项目支出绩效自评表).
type Project struct {
	File         string `json:"file"`
	Name         string `json:"name"`          // 专项名称 / 项目名称
	Agency       string `json:"agency"`        // 单位名称 / 主管部门
	Implementer  string `json:"implementer"`   // 实施单位, when the table names it apart from the agency
	AgencyCode   string `json:"agency_code"`   // 单位编码
	FunctionCode string `json:"function_code"` // 部门预算功能科目
	Year         int    `json:"year"`

	Funds      *Funds       `json:"funds,omitempty"`
	Scoring    Scoring      `json:"scoring"`
	Reported   Reported     `json:"reported"`
	Thresholds Thresholds   `json:"-"` // the [review] table: thresholds of the review checks, as the file sets them
	Indicators []*Indicator `json:"indicators"`

	// Reviewer is who made the reviewer's 复核 recorded in the indicators, and when.
	Reviewer Reviewer `json:"-"`
	// ReviewRules are the 复核口径 the file's review follows; nil: the shared configuration's.
	ReviewRules []ReviewRule `json:"-"`

	// Source places every key of a TOML file; nil for input that carries no positions.
	Source *Source `json:"-"`
	// cells places the keys of a project read from a workbook.
	cells map[string]Pos
	// line is the line of a JSONL stream the project was read from.
	line int
	// Warnings are what the loader noticed without rejecting the file (a formula cell
	// without its computed value, a sheet that is not a table…).
	Warnings ErrorList `json:"-"`
}

// Line is the line of the JSON Lines stream the project was read from; 0 for a file.
func (p *Project) Line() int { return p.line }

// Place records that the key at path ("project.name", "funds", "indicator[2].weight") stands
// at pos, for a project built by a reader outside this package (a published report's
// tables): Pos then finds it as it finds a workbook's cells, a key not placed falling back to
// the nearest enclosing key that is. It is for building a project, before it is shared.
func (p *Project) Place(path string, pos Pos) {
	if p.cells == nil {
		p.cells = map[string]Pos{}
	}
	p.cells[path] = pos
}

// Pos returns where the key at path ("indicator[2].weight") stands in the file.
func (p *Project) Pos(path string) Pos {
	if p.cells != nil {
		return cellPos(p.cells, path, p.File)
	}
	if p.Source == nil {
		return Pos{File: p.File, Line: p.line}
	}
	return p.Source.Pos(path)
}

// Cell returns the cell of a workbook the key at path was read from, or, for a score,
// total, grade, unit or reason the template leaves blank, the cell it has for it; false when
// there is none (no fallback to an enclosing key, unlike Pos).
func (p *Project) Cell(path string) (Pos, bool) {
	pos, ok := p.cells[path]
	return pos, ok
}

// HasCells reports whether the project was read from a workbook's cells: without them Cell
// finds none, and a caller need not build the path to ask.
func (p *Project) HasCells() bool { return p.cells != nil }

// Scoring holds how the project is scored. Zero values mean the documented defaults.
type Scoring struct {
	FullMarks float64 `json:"full_marks"` // 满分, default 100
	Decimals  int     `json:"decimals"`   // decimals of every score, default 2
	Method    Method  `json:"method"`     // the method of every indicator without tiers or method; "": by its target
	Grades    []Grade `json:"grades"`     // 等次, highest first
	// Lower is the method of a lower-is-better target under the default: reverse-linear or
	// reverse.
	Lower Method `json:"lower"`
	// Unread says what becomes of an indicator whose criterion text cannot be read:
	// UnreadUnscored (a range) or UnreadDefault (the default method, said on its row).
	Unread string `json:"unread"`
	// LatePerMonth is the share of the weight a missed deadline loses per month late (a month
	// begun counts whole), under the default method; nil: a missed deadline is unscored.
	LatePerMonth *float64 `json:"late_per_month,omitempty"`
	// The qualitative bands, in percent of the weight; nil: the national bands.
	BandMet     *[2]float64 `json:"band_met,omitempty"`     // 达成年度指标: 80–100
	BandPartial *[2]float64 `json:"band_partial,omitempty"` // 部分达成年度指标并具有一定效果: 60–80
	BandUnmet   *[2]float64 `json:"band_unmet,omitempty"`   // 未达成年度指标且效果较差: 0–60
}

// What becomes of a criterion that cannot be read ([scoring] unread).
const (
	UnreadUnscored = "unscored" // the indicator is unscored: 0 to its weight
	UnreadDefault  = "default"  // the default method scores it, and its row says so
)

// The national qualitative bands, in percent of the weight.
var (
	DefaultBandMet     = [2]float64{80, 100}
	DefaultBandPartial = [2]float64{60, 80}
	DefaultBandUnmet   = [2]float64{0, 60}
)

// Grade is one grade band: a total at or above Min (inclusive) earns Name, unless a higher
// band applies.
type Grade struct {
	Name string  `json:"name"`
	Min  float64 `json:"min"`
}

// Default scoring, as the national framework sets it.
const (
	DefaultFullMarks = 100
	DefaultDecimals  = 2
	// DefaultMethod, the empty method, scores each indicator without a criterion by its
	// target: proportional for higher-is-better, Lower for lower-is-better, equal for ＝,
	// deadline for a date, qualitative for text.
	DefaultMethod Method = ""
	DefaultLower         = MethodReverseLinear
)

// DefaultGrades are the national bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
func DefaultGrades() []Grade {
	return []Grade{{"优", 90}, {"良", 80}, {"中", 60}, {"差", 0}}
}

// Thresholds holds the thresholds of the review checks, from a file's [review] table or a
// shared configuration. Nil fields are not set here and fall back to the next source, then
// to the documented defaults.
type Thresholds struct {
	Tolerance         *float64 `json:"tolerance,omitempty"`          // points between a reported and a computed score
	MoneyTolerance    *float64 `json:"money_tolerance,omitempty"`    // 万元 (or 元) between money figures: the 尾数误差
	OverachievedRatio *float64 `json:"overachieved_ratio,omitempty"` // actual / target from which over-achievement needs a reason
	ExecutionRateMin  *float64 `json:"execution_rate_min,omitempty"` // execution rate (a fraction) below which a reason is needed
	BalanceRateMax    *float64 `json:"balance_rate_max,omitempty"`   // 结余率 (a fraction) above which it is flagged
	SpendGapMax       *float64 `json:"spend_gap_max,omitempty"`      // indicator score share minus execution share allowed
	Disable           []string `json:"disable,omitempty"`            // check codes not to run
}

// Over returns r with every field that r leaves unset taken from base.
func (r Thresholds) Over(base Thresholds) Thresholds {
	pick := func(a, b *float64) *float64 {
		if a != nil {
			return a
		}
		return b
	}
	out := Thresholds{
		Tolerance: pick(r.Tolerance, base.Tolerance), MoneyTolerance: pick(r.MoneyTolerance, base.MoneyTolerance),
		OverachievedRatio: pick(r.OverachievedRatio, base.OverachievedRatio), ExecutionRateMin: pick(r.ExecutionRateMin, base.ExecutionRateMin),
		BalanceRateMax: pick(r.BalanceRateMax, base.BalanceRateMax), SpendGapMax: pick(r.SpendGapMax, base.SpendGapMax),
	}
	out.Disable = append(append(out.Disable, base.Disable...), r.Disable...)
	return out
}

// Reported is what the submission states about itself. Nil pointers are "not stated".
type Reported struct {
	Total      *float64 `json:"total,omitempty"`       // 合计 printed in the table's score column
	Score      *float64 `json:"score,omitempty"`       // 自评得分 stated in the text
	Grade      string   `json:"grade,omitempty"`       // 等次 as written: 优秀, 优, 良好…
	TargetsSet *int     `json:"targets_set,omitempty"` // 设置绩效目标 N 个
	TargetsMet *int     `json:"targets_met,omitempty"` // 实际完成 N 个
}

// Funds is the money block. Amounts are in Unit (万元 unless 元); nil means not given.
// The Fujian layout numbers them ①–⑧; the central layout uses Budget, FullYearBudget, Spent.
type Funds struct {
	Unit           string   `json:"unit"`                       // 万元 (default) or 元
	Budget         *float64 `json:"budget,omitempty"`           // ① 年初预算 / 年初预算数
	Adjustment     *float64 `json:"adjustment,omitempty"`       // ② 年中调整
	Allocated      *float64 `json:"allocated,omitempty"`        // ③ 年度拨付
	Balance        *float64 `json:"balance,omitempty"`          // ④ 本年度结余 = ①+②−③
	Received       *float64 `json:"received,omitempty"`         // ⑤ 实际到位
	Spent          *float64 `json:"spent,omitempty"`            // ⑥ 实际支出 / 全年执行数
	Unspent        *float64 `json:"unspent,omitempty"`          // ⑦ 结余 = ⑤−⑥
	UnspentRate    *float64 `json:"unspent_rate,omitempty"`     // ⑧ 结余率 = ⑦/⑤, in percent
	FullYearBudget *float64 `json:"full_year_budget,omitempty"` // 全年预算数; default budget + adjustment
	Weight         float64  `json:"weight,omitempty"`           // points for 预算执行率; 0: not scored
	Reported       *float64 `json:"reported,omitempty"`         // the 执行率 score as submitted
	Reason         string   `json:"reason,omitempty"`           // why execution fell short

	// Review is the reviewer's 复核 of the 预算执行率 line ([funds.review]), the keys of an
	// indicator's; nil when none.
	Review *Review `json:"-"`
}

// Available is the budget execution is measured against: FullYearBudget, else Budget +
// Adjustment. It reports false when neither is given.
func (f *Funds) Available() (float64, bool) {
	if f == nil {
		return 0, false
	}
	if f.FullYearBudget != nil {
		return *f.FullYearBudget, true
	}
	if f.Budget == nil {
		return 0, false
	}
	v := *f.Budget
	if f.Adjustment != nil {
		v += *f.Adjustment
	}
	return v, true
}

// Method names a standard scoring method.
type Method string

// The standard methods. Their formulas are documented in the README and in rules.
const (
	MethodProportional  Method = "proportional"   // higher is better: weight × min(actual/target, 1)
	MethodReverse       Method = "reverse"        // lower is better: weight × min(target/actual, 1)
	MethodReverseLinear Method = "reverse-linear" // lower is better: falls linearly to 0 at twice the target
	MethodEqual         Method = "equal"          // full marks at the target, else falling by the relative deviation
	MethodDeadline      Method = "deadline"       // a date target: full marks on time; late as [scoring] late_per_month says
	MethodQualitative   Method = "qualitative"    // 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of weight
)

// Methods lists the standard methods in documentation order.
var Methods = []Method{MethodProportional, MethodReverse, MethodReverseLinear, MethodEqual, MethodDeadline, MethodQualitative}

// Direction says which way is better for an indicator's actual value.
type Direction string

// Directions.
const (
	Higher Direction = "higher" // ≥ ＞: more is better
	Lower  Direction = "lower"  // ≤ ＜: less is better
	Equal  Direction = "equal"  // ＝: exactly the target
)

// Indicator is one 三级指标 row.
type Indicator struct {
	Index     int      `json:"-"` // 0-based place in the file
	Level1    string   `json:"level1,omitempty"`
	Level2    string   `json:"level2,omitempty"`
	Name      string   `json:"name"`
	Target    Value    `json:"target"`
	Unit      string   `json:"unit,omitempty"`
	Actual    Value    `json:"actual"`
	Prior     Value    `json:"prior"`
	Weight    float64  `json:"weight"`
	Reported  *float64 `json:"reported,omitempty"`
	Reason    string   `json:"reason,omitempty"`
	Criterion string   `json:"criterion,omitempty"` // 评分标准 as written
	// CriterionSource is the criterion with the place of each character in the file, for
	// pointing at a span of it.
	CriterionSource Expr        `json:"-"`
	Tiers           []Tier      `json:"tiers,omitempty"`
	Method          Method      `json:"method,omitempty"`    // "" unless given in the file
	Direction       Direction   `json:"direction,omitempty"` // as given, or from the target's operator
	Applicable      bool        `json:"applicable"`
	Domain          *[2]float64 `json:"domain,omitempty"` // the range actual can take, if declared
	Pos             Pos         `json:"-"`                // the [[indicator]] header

	// Review is the reviewer's 复核 of the indicator ([indicator.review]); nil when none.
	Review *Review `json:"-"`
}

// Path is the key path of the indicator's table, for Source lookups.
func (ind *Indicator) Path() string { return "indicator[" + strconv.Itoa(ind.Index) + "]" }

// Tier is one tier of a criterion: when When holds, the score is Score, or, for a
// discretionary tier, the reviewer's choice within [Min, Max].
type Tier struct {
	When  Expr     `json:"when"`
	Score Expr     `json:"score"`
	Min   *float64 `json:"min,omitempty"`
	Max   *float64 `json:"max,omitempty"`
	Pos   Pos      `json:"-"`
}

// Discretionary reports whether the tier gives a range rather than one score.
func (t *Tier) Discretionary() bool { return t.Min != nil || t.Max != nil }

// Op is a comparison written in front of a target: ≥ ＞ ＝ ＜ ≤.
type Op string

// The comparison operators a target may carry.
const (
	OpNone Op = ""
	OpGE   Op = ">="
	OpGT   Op = ">"
	OpEQ   Op = "="
	OpLT   Op = "<"
	OpLE   Op = "<="
)

// Direction returns the direction the operator implies; OpNone implies Higher.
func (o Op) Direction() Direction {
	switch o {
	case OpLE, OpLT:
		return Lower
	case OpEQ:
		return Equal
	}
	return Higher
}

// Value is a target, actual or prior value: a number, or text as written in the table
// ("≥99.22%", "≤5天", "达成"), with the number inside it where there is one.
type Value struct {
	Set     bool    `json:"-"`    // the key was given
	Text    string  `json:"text"` // as written; a number's TOML literal for plain numbers
	Num     float64 `json:"-"`    // the number, valid when IsNum
	IsNum   bool    `json:"-"`    // Num holds a usable number
	Plain   bool    `json:"-"`    // written as a bare number, not as text
	Op      Op      `json:"-"`    // the comparison written before the number
	Percent bool    `json:"-"`    // written with %
	Unit    string  `json:"-"`    // what followed the number
	// Date is the date a deadline or an actual date states ("2022年12月31日前", "2022.11.20"),
	// valid when IsDate; a deadline's Op is <= (before it) or < , a start's >= or >.
	Date   num.Date `json:"-"`
	IsDate bool     `json:"-"`
}

// Expr is an expression's text with the place of each of its characters in the file, so
// that an error at character k of a when or score string is reported where it stands.
type Expr struct {
	Text string `json:"text"`
	Pos  Pos    `json:"-"` // the value's first character (its opening quote)
	src  *Source
	raw  string // the string token as written, quotes and escapes included
	off  int    // byte offset of raw in the file
}

// Detached is the expression without its link to the source file: the text and where it
// starts. A cache that outlives the file keeps this, not the whole file.
func (e Expr) Detached() Expr { return Expr{Text: e.Text, Pos: e.Pos} }

// PosAt returns the position of the character at rune offset k of Text.
func (e Expr) PosAt(k int) Pos {
	if e.src == nil || e.raw == "" {
		return e.Pos
	}
	raw := e.raw
	i, basic := 0, true
	switch {
	case strings.HasPrefix(raw, `"""`), strings.HasPrefix(raw, `'''`):
		basic = raw[0] == '"'
		i = 3
		if strings.HasPrefix(raw[i:], "\r\n") {
			i += 2
		} else if strings.HasPrefix(raw[i:], "\n") {
			i++
		}
	case raw[0] == '"':
		i = 1
	case raw[0] == '\'':
		i, basic = 1, false
	default:
		return e.Pos
	}
	for n := 0; n < k && i < len(raw); n++ {
		if basic && raw[i] == '\\' && i+1 < len(raw) {
			switch raw[i+1] {
			case 'u':
				i += 6
			case 'U':
				i += 10
			case 'x':
				i += 4
			default:
				i += 2
			}
			continue
		}
		_, size := utf8.DecodeRuneInString(raw[i:])
		i += size
	}
	if i > len(raw) {
		i = len(raw)
	}
	return e.src.at(e.off + i)
}

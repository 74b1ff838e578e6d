package published

import (
	"strings"

	"jixiao/indicators"
	"jixiao/layout"
)

// Document is a published report as read: its projects, its final-accounts tables and what
// its narrative states, each with where it stands.
type Document struct {
	File     string
	Format   layout.Format
	Year     int        // the year the report is about (2021 年度), 0 if not found
	Projects []*Project // one per 项目支出绩效自评表, or per evaluation report without a table
	Tables   []*Table   // the 公开NN表 found, in the order of the report
	// Contents are the final-accounts tables the report's 目录 lists, in its order; nil when
	// the report has no 目录 (HasContents false) or it lists no table.
	Contents    []ContentsEntry
	HasContents bool
	// Narrative is what the 预算绩效情况说明 states about the projects.
	Narrative Narrative
	// Claims are the figures the part explaining the final accounts (部门决算情况说明) states:
	// amounts of table lines, shares, changes from last year, completion rates.
	Claims []Claim
	// Notes are what reading noticed: rows it could not read, cells a row lacks, rows only the
	// evaluation report gives, headings that differ. Check returns them with its own findings.
	Notes []Finding
}

// Project is one project of the report: the model built from its self-evaluation table and
// its evaluation report, and where each figure came from.
type Project struct {
	// Project is the self-evaluation as jixiao scores it. Figures come from the table; the
	// evaluation report fills what the table lost, and gives the stated score (自评得分),
	// the targets set and met, the reasons and the headings.
	Project *indicators.Project
	Title   string         // 项目支出绩效自评表（一）, or the report's title when there is no table
	Table   indicators.Pos // the table's title line; zero when there is no table
	Report  indicators.Pos // the evaluation report's title line; zero when there is none
	// pairs are the figures both the table and the report state, for Check to compare.
	pairs []pair
}

// Where returns where the figure at a key path stands in the report (the paths of jixiao's
// file format: "project.name", "funds.budget", "reported.score", "indicator[2].weight"),
// falling back to the indicator, the table or the report. The project's own Pos says the
// same: the engine's findings about it point into the report.
func (p *Project) Where(path string) indicators.Pos {
	if pos := p.Project.Pos(path); pos.IsValid() {
		return pos
	}
	if p.Table.IsValid() {
		return p.Table
	}
	return p.Report
}

// pair is one figure stated twice, in the table and in the evaluation report.
type pair struct {
	path      string // the key path of the figure
	indicator string // the indicator's name; "" for the project
	figure    string // what the figure is: target, actual, weight, score, total, funds.budget…
	table     field
	report    field
	money     bool // an amount in 万元, compared with the money tolerance; else points or a value
}

// Table is one final-accounts table (公开NN表) as read.
type Table struct {
	Number int            // the NN of 公开NN表 (1–9); from the title when no label is printed
	Label  string         // the label as printed ("公开 01 表"); "" when none
	Title  string         // 收入支出决算总表
	Unit   string         // 万元 or 元, from the table's 单位 line; "" when not stated
	Agency string         // the unit or department the table is of
	Pos    indicators.Pos // the title line (or the label, when no title precedes it)
	Parts  []*Part        // one part, or the sides of a table printed side by side (收入 | 支出)
	// NoData: the table is printed without any figure, and the report says so (本表无数据);
	// its amounts count as 0 where another table's must equal them.
	NoData bool
	// BlankIsZero: a blank amount cell is an amount of 0 printed blank (a PDF laid out by
	// where its text stands), not a cell extraction may have lost.
	BlankIsZero bool
}

// Name is how findings name the table: its label, else its title.
func (t *Table) Name() string {
	if t.Number > 0 {
		return "公开" + twoDigits(t.Number) + "表"
	}
	return t.Title
}

// Part returns the part named name ("收入", "支出", "人员经费"); "" names the only part.
func (t *Table) Part(name string) *Part {
	for _, p := range t.Parts {
		if p.Name == name {
			return p
		}
	}
	if name == "" && len(t.Parts) == 1 {
		return t.Parts[0]
	}
	return nil
}

// Part is a set of rows under the same amount columns: a whole table, or one side of it.
type Part struct {
	Name    string   // 收入, 支出, 人员经费, 公用经费; "" for a table of one part
	Columns []Column // the amount columns, left to right
	Rows    []*Row
}

// Column returns the index of the column named name: the whole name ("本年支出/小计"), else
// its last part ("小计"); -1 when there is none. Names separated by | are tried in turn
// ("小计|合计": templates name the same column either way).
func (p *Part) Column(name string) int {
	if alts := strings.Split(name, "|"); len(alts) > 1 {
		for _, a := range alts {
			if i := p.Column(a); i >= 0 {
				return i
			}
		}
		return -1
	}
	for i, c := range p.Columns {
		if c.Name == name {
			return i
		}
	}
	for i, c := range p.Columns {
		if c.Leaf() == name {
			return i
		}
	}
	return -1
}

// Row returns the first row named name (numbering left out), or nil.
func (p *Part) Row(name string) *Row {
	for _, r := range p.Rows {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Column is an amount column, named by its header; a column under a group header is named
// "group/column" ("本年支出/基本支出").
type Column struct {
	Name    string
	Ordinal bool // 行次 or 栏次: it numbers the rows and holds no amount
	Pos     indicators.Pos
}

// Leaf is the column's own name, without its group.
func (c Column) Leaf() string {
	for i := len(c.Name) - 1; i >= 0; i-- {
		if c.Name[i] == '/' {
			return c.Name[i+1:]
		}
	}
	return c.Name
}

// Row is one line of a table.
type Row struct {
	Code    string   // 功能分类 code (208, 20801, 2080109) or 经济分类 code (301, 30101); "" when none
	Number  string   // the numbering of the label: 一, 1, (1); "" when none
	Name    string   // the label without its numbering and blanks: 社会保障和就业支出
	Label   string   // the label as printed: 八、社会保障和就业支出
	Amounts []Amount // one per column of the part; an amount not read is not Set
	Pos     indicators.Pos
}

// Amount is one amount cell.
type Amount struct {
	Value float64
	Set   bool // a number is printed (a blank cell or a dash is not)
	Text  string
	Pos   indicators.Pos
}

// Narrative is what the report's 预算绩效情况说明 states.
type Narrative struct {
	Pos        indicators.Pos // the section's heading; zero when the report has none
	Statements []Statement    // each sentence stating a number of projects
}

// Statement is one sentence of the 预算绩效情况说明: "本单位组织对 2021 年度 2 个项目实施单位
// 自评，是…，涉及财政拨款资金共计 6880.00 万元" and the like.
type Statement struct {
	Kind     string         // 自评 (self-evaluation) or 评价 (evaluation)
	Count    int            // the number of projects stated
	Names    []string       // the projects it names
	Funds    *float64       // the funds stated (涉及…资金共计), in 万元; nil when not stated
	FundsPos indicators.Pos // where the funds figure stands
	Grades   []GradeCount   // the counts per grade stated (优 2 个, 良 0 个…); nil when not stated
	GradePos indicators.Pos // where the grade counts stand
	Average  *float64       // the average score stated (平均得分 N 分); nil when not stated
	// AverageDecimals are the decimals the average is written with; AveragePos where it stands.
	AverageDecimals int
	AveragePos      indicators.Pos
	// Said are the further figures the sentence states, as written ("涉及预算金额175.52万元",
	// "平均得分100.00分", "绩效评级为“优”的项目1个"), for saying what could not be checked.
	Said []string
	Pos  indicators.Pos // the sentence
}

// GradeCount is a number of projects with one grade.
type GradeCount struct {
	Grade string `json:"grade"`
	Count int    `json:"count"`
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

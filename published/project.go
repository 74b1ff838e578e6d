package published

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"jixiao/indicators"
	"jixiao/internal/num"
)

// buildProject makes the project of a self-evaluation table and its evaluation report (either
// may be nil, not both). Figures come from the table; the report fills the cells the table
// lacks and the rows it lost, and gives the stated score, targets, reasons and headings.
// Where both state a figure, the pair is kept for Check.
func buildProject(file string, year int, se *selfEval, rep *evalReport) (*Project, []Finding) {
	p := &indicators.Project{File: file, Year: year, Scoring: indicators.Scoring{
		FullMarks: indicators.DefaultFullMarks, Decimals: indicators.DefaultDecimals,
		Method: indicators.DefaultMethod, Grades: indicators.DefaultGrades()}}
	out := &Project{Project: p}
	var notes []Finding
	b := &builder{out: out}
	if se != nil {
		out.Title, out.Table = se.title.text, se.title.pos
		if se.year != 0 {
			p.Year = se.year // the table's own year before the report's
		}
		p.Name = squash(se.name.text)
		p.Agency = squash(se.agency.text)
		p.Implementer = squash(se.implementer.text)
		p.AgencyCode = squash(se.agencyCode.text)
		p.FunctionCode = squash(se.functionCode.text)
		b.place("project.name", se.name)
		b.place("project.agency", se.agency)
		b.place("project.implementer", se.implementer)
		b.place("project.agency_code", se.agencyCode)
		b.place("project.function_code", se.functionCode)
	}
	if rep != nil {
		out.Report = rep.title.pos
		if se == nil {
			out.Title = rep.title.text
			p.Name = rep.name
			b.place("project.name", field{pos: rep.title.pos})
		}
	}
	subject := p.Name
	if subject == "" {
		subject = out.Title
	}
	// Every key falls back to the table (or the report) as a whole: the engine's findings
	// about a figure read from nowhere in particular point at the title.
	origin := out.Table
	if !origin.IsValid() {
		origin = out.Report
	}
	for _, key := range []string{"project", "funds", "reported", "indicator"} {
		b.place(key, field{pos: origin})
	}

	// Funds: the table's, else the report's; both stated, a pair.
	var tableFunds, reportFunds map[string]field
	if se != nil {
		tableFunds = se.funds
	}
	if rep != nil {
		reportFunds = rep.funds
	}
	if len(tableFunds)+len(reportFunds) > 0 {
		p.Funds = &indicators.Funds{Unit: "万元"}
		for _, k := range fundsKeys {
			t, r := tableFunds[k.key], reportFunds[k.key]
			f := t
			if !f.set() {
				f = r
			}
			v, ok := parseAmount(f.text)
			if !ok {
				continue
			}
			k.set(p.Funds, v)
			if !b.placed {
				b.place("funds", f) // the funds block: its first figure
				b.placed = true
			}
			b.place("funds."+k.key, f)
			if t.set() && r.set() {
				out.pairs = append(out.pairs, pair{path: "funds." + k.key, figure: "funds." + k.key, table: t, report: r, money: true})
			}
		}
	}

	// Indicators: the table's rows in order, then the rows only the report restates.
	reportRows := map[string]*reportRow{}
	used := map[*reportRow]bool{}
	if rep != nil {
		for _, rr := range rep.rows {
			if _, dup := reportRows[rr.name]; !dup {
				reportRows[rr.name] = rr
			}
		}
	}
	if se != nil {
		for _, row := range se.rows {
			rr := reportRows[row.name.text]
			if rr != nil {
				used[rr] = true
			}
			ind := b.indicator(row, rr)
			i := len(p.Indicators)
			p.Indicators = append(p.Indicators, ind)
			if rr != nil {
				if th, rh := headings(row.level1.text, row.level2.text), headings(rr.level1, rr.level2); rr.level1 != "" && th != rh {
					f := newFinding(CodeHeadingDiffers)
					f.Pos, f.Other, f.Subject, f.Item = row.pos.pos, rr.pos.pos, subject, ind.Name
					f.Actual, f.Expected = th, rh
					notes = append(notes, f)
				}
				b.pairs(i, ind.Name, row, rr)
			}
		}
		for _, f := range se.notes {
			if f.Code == CodeCellsMissing {
				if rr := reportRows[f.Item]; rr != nil {
					f.Other = rr.pos.pos
				}
			}
			notes = append(notes, f)
		}
	}
	if rep != nil {
		for _, rr := range rep.rows {
			if used[rr] {
				continue
			}
			p.Indicators = append(p.Indicators, b.indicator(nil, rr))
			if se != nil {
				f := newFinding(CodeRowFromReport)
				f.Pos, f.Other, f.Subject, f.Item = rr.pos.pos, se.title.pos, subject, rr.name
				notes = append(notes, f)
			}
		}
		notes = append(notes, rep.notes...)
	}

	// What the submission states of itself.
	if se != nil {
		if v, ok := parseAmount(se.totalScore.text); ok {
			p.Reported.Total = &v
			b.place("reported.total", se.totalScore)
		}
		p.Reported.Grade = squash(se.grade.text)
		b.place("reported.grade", se.grade)
	}
	if rep != nil {
		if v, ok := parseAmount(rep.score.text); ok {
			p.Reported.Score = &v
			b.place("reported.score", rep.score)
			if se != nil && se.totalScore.set() {
				out.pairs = append(out.pairs, pair{path: "reported.score", figure: "total", table: se.totalScore, report: rep.score})
			}
		}
		if p.Reported.Grade == "" {
			p.Reported.Grade = squash(rep.grade.text)
			b.place("reported.grade", rep.grade)
		}
		if n, err := strconv.Atoi(rep.set.text); err == nil {
			p.Reported.TargetsSet = &n
			b.place("reported.targets_set", rep.set)
		}
		if n, err := strconv.Atoi(rep.met.text); err == nil {
			p.Reported.TargetsMet = &n
			b.place("reported.targets_met", rep.met)
		}
	}
	if se != nil && rep == nil {
		f := newFinding(CodeReportMissing)
		f.Pos, f.Subject = se.title.pos, subject
		notes = append(notes, f)
	}
	if se == nil && rep != nil {
		f := newFinding(CodeTableMissing)
		f.Pos, f.Subject = rep.title.pos, subject
		notes = append(notes, f)
	}
	return out, notes
}

// headings joins an indicator's 一级 and 二级指标 for a message.
func headings(level1, level2 string) string {
	if level2 == "" {
		return level1
	}
	return level1 + " › " + level2
}

// fundsKeys are jixiao's [funds] keys with the field each sets.
var fundsKeys = []struct {
	key string
	set func(f *indicators.Funds, v float64)
}{
	{"budget", func(f *indicators.Funds, v float64) { f.Budget = &v }},
	{"adjustment", func(f *indicators.Funds, v float64) { f.Adjustment = &v }},
	{"allocated", func(f *indicators.Funds, v float64) { f.Allocated = &v }},
	{"balance", func(f *indicators.Funds, v float64) { f.Balance = &v }},
	{"received", func(f *indicators.Funds, v float64) { f.Received = &v }},
	{"spent", func(f *indicators.Funds, v float64) { f.Spent = &v }},
	{"unspent", func(f *indicators.Funds, v float64) { f.Unspent = &v }},
	{"unspent_rate", func(f *indicators.Funds, v float64) { f.UnspentRate = &v }},
	{"full_year_budget", func(f *indicators.Funds, v float64) { f.FullYearBudget = &v }},
	{"weight", func(f *indicators.Funds, v float64) { f.Weight = v }},
	{"reported", func(f *indicators.Funds, v float64) { f.Reported = &v }},
}

type builder struct {
	out    *Project
	placed bool // the funds block is placed
}

// place records where the key at path was read from, for every position of the project.
func (b *builder) place(path string, f field) {
	if f.pos.IsValid() {
		b.out.Project.Place(path, f.pos)
	}
}

// indicator builds one indicator from its table row, its report row, or both.
func (b *builder) indicator(row *evalRow, rr *reportRow) *indicators.Indicator {
	i := len(b.out.Project.Indicators)
	ind := &indicators.Indicator{Index: i, Applicable: true}
	path := ind.Path()
	pick := func(key string, t, r field) field {
		f := t
		if !f.set() {
			f = r
		}
		b.place(path+"."+key, f)
		return f
	}
	var t evalRow
	if row != nil {
		t = *row
	}
	var r reportRow
	if rr != nil {
		r = *rr
	}
	switch {
	case row != nil:
		ind.Name = row.name.text
		ind.Pos = row.pos.pos
	default:
		ind.Name = rr.name
		ind.Pos = rr.pos.pos
	}
	b.place(path, field{pos: ind.Pos})
	ind.Level1, ind.Level2 = t.level1.text, t.level2.text
	if rr != nil && rr.level1 != "" {
		ind.Level1, ind.Level2 = rr.level1, rr.level2
	}
	ind.Target = cellValue(pick("target", t.target, r.target).text)
	ind.Actual = cellValue(pick("actual", t.actual, r.actual).text)
	if v, ok := parseAmount(pick("weight", t.weight, r.weight).text); ok {
		ind.Weight = v
	}
	if v, ok := parseAmount(pick("reported", t.score, r.score).text); ok {
		ind.Reported = &v
	}
	ind.Reason = strings.TrimSpace(pick("reason", t.reason, r.reason).text)
	if t.crit.set() {
		ind.Criterion = t.crit.text
		ind.CriterionSource = indicators.Expr{Text: ind.Criterion, Pos: t.crit.pos}
		b.place(path+".criterion", t.crit)
	}
	ind.Unit = squash(t.unit.text)
	if ind.Unit == "" {
		ind.Unit = inferUnit(ind, t.expl.text)
	}
	if prior, ok := priorValue(t.expl.text, ind.Unit); ok {
		ind.Prior = prior
		b.place(path+".prior", t.expl)
	}
	ind.Direction = ind.Target.Op.Direction()
	return ind
}

// pairs keeps the figures of indicator i that both the table and the report state.
func (b *builder) pairs(i int, name string, row *evalRow, rr *reportRow) {
	path := "indicator[" + strconv.Itoa(i) + "]."
	for _, x := range []struct {
		key, figure string
		t, r        field
	}{{"target", "target", row.target, rr.target}, {"actual", "actual", row.actual, rr.actual},
		{"weight", "weight", row.weight, rr.weight}, {"reported", "score", row.score, rr.score}} {
		if x.t.set() && x.r.set() {
			b.out.pairs = append(b.out.pairs, pair{path: path + x.key, indicator: name, figure: x.figure, table: x.t, report: x.r})
		}
	}
}

// growthWords may stand before a target's number without changing it: "增长两千人" is a
// growth of 2000 people, the quantity the indicator counts.
var growthWords = map[string]bool{"增长": true, "新增": true, "增加": true}

// cellValue reads a target or actual as written. A bare number is a number, as in a TOML
// file. "增长两千人" is 2000 (人): a number, the text kept as written for display, and
// written to a TOML file as 2000 (so that an imported project scores as the report does).
func cellValue(text string) indicators.Value {
	text = strings.TrimSpace(text)
	if text == "" {
		return indicators.Value{}
	}
	compact := squash(text)
	v := indicators.ParseValue(compact)
	v.Text = text
	switch {
	case v.IsNum && v.Op == indicators.OpNone && v.Unit == "" && !v.Percent:
		if _, plain := parseAmount(compact); plain {
			v.Plain = true
		}
	case !v.IsNum:
		if q, ok := num.ParseQuantity(compact); ok && growthWords[q.Prefix] && !q.Percent && len([]rune(q.Unit)) <= 4 {
			v.Num, v.IsNum, v.Unit, v.Plain = q.Value, true, q.Unit, true
		}
	}
	return v
}

var (
	priorRe     = regexp.MustCompile(`上\s*年\s*度\s*数\s*值\s*[:：]\s*(.*?)\s*(?:\d\s*计\s*算\s*方\s*法|$)`)
	leadingNum  = regexp.MustCompile(`^([≥≤><=＞＜]?)\s*(\d[\d,]*(?:\.\d+)?)\s*(%|[^\s\d%，,。；;]{0,6})`)
	trailingNum = regexp.MustCompile(`([≥≤><=＞＜]?)\s*(\d[\d,]*(?:\.\d+)?)\s*(%|[^\s\d%，,。；;]{0,4})\s*[。.]?$`)
)

// priorValue reads last year's value from the 指标解释 cell's "3 上年度数值:…". A text that
// begins with the number ("73 万元 100% 已全部拨付到位") gives that number; a label followed by
// the number ("参保率 99.22%") the number at its end; a description ("反映1年内完成投入情况")
// none. The value is a plain number when its unit is the indicator's; otherwise it is kept as
// written ("21.62万人", "≥95").
func priorValue(expl, unit string) (indicators.Value, bool) {
	m := priorRe.FindStringSubmatch(expl)
	if m == nil {
		return indicators.Value{}, false
	}
	text := strings.TrimSpace(m[1])
	if text == "" || strings.HasPrefix(squash(text), "反映") {
		return indicators.Value{}, false
	}
	n := leadingNum.FindStringSubmatch(text)
	if n == nil {
		n = trailingNum.FindStringSubmatch(text)
	}
	if n == nil {
		return indicators.Value{}, false
	}
	op, digits, u := n[1], n[2], squash(n[3])
	v, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
	if err != nil {
		return indicators.Value{}, false
	}
	if op == "" && (u == "" || u == "%" || u == unit || !startsWithMultiplier(u)) {
		val := indicators.NumberValue(v)
		val.Text = strings.ReplaceAll(digits, ",", "")
		return val, true
	}
	return indicators.ParseValue(op + digits + u), true
}

func startsWithMultiplier(u string) bool {
	r, _ := utf8.DecodeRuneInString(u)
	return r == '万' || r == '亿' || r == '千'
}

// inferUnit finds the unit of an indicator the table gives no unit column for, the way a
// reader does: the unit written after the target's number in the criterion ("≥4 期得",
// "167 元/月·人得", "100%"), else after another threshold of the criterion that is not a
// percentage or a score ("216500 人"), else last year's value's unit ("73 万元"), else the
// target's own unit ("增长两千人"), else a percentage for a name ending in 率, 比例 or 满意度.
// It returns "" when nothing says.
func inferUnit(ind *indicators.Indicator, expl string) string {
	if ind.Target.Percent {
		return "%"
	}
	if ind.Target.IsNum && ind.Target.Unit != "" {
		return ind.Target.Unit
	}
	crit := num.Normalize(ind.Criterion)
	nums := criterionNumbers(crit)
	if ind.Target.IsNum {
		for _, n := range nums {
			if n.value == ind.Target.Num && n.unit != "" {
				return n.unit
			}
		}
	}
	for _, n := range nums {
		if n.unit != "" && n.unit != "%" {
			return n.unit
		}
	}
	if m := priorRe.FindStringSubmatch(expl); m != nil {
		if n := leadingNum.FindStringSubmatch(strings.TrimSpace(m[1])); n != nil {
			if u := squash(n[3]); u != "" && plausibleUnit(u) {
				return u
			}
		}
	}
	for _, suffix := range []string{"率", "比例", "满意度"} {
		if strings.HasSuffix(ind.Name, suffix) {
			return "%"
		}
	}
	return ""
}

type critNumber struct {
	value float64
	unit  string
}

var critNumRe = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*(%|[\p{Han}/·.]{1,6})?`)

// unitStop are characters that end a unit written after a number in a criterion.
const unitStop = "得分以及或的且为时内"

// criterionNumbers lists the numbers of a criterion with the unit written after each: "%",
// "期", "元/月·人"; "" when none. Scores (得10分, 10 分) have no unit.
func criterionNumbers(crit string) []critNumber {
	var out []critNumber
	for _, m := range critNumRe.FindAllStringSubmatchIndex(crit, -1) {
		v, err := strconv.ParseFloat(crit[m[2]:m[3]], 64)
		if err != nil {
			continue
		}
		unit := ""
		if m[4] >= 0 {
			unit = crit[m[4]:m[5]]
			if cut := strings.IndexFunc(unit, func(r rune) bool { return strings.ContainsRune(unitStop, r) }); cut >= 0 {
				unit = unit[:cut]
			}
			unit = strings.TrimRight(unit, ".")
		}
		if !plausibleUnit(unit) {
			unit = ""
		}
		out = append(out, critNumber{value: v, unit: unit})
	}
	return out
}

// plausibleUnit accepts a unit of measure, not the start of a clause.
func plausibleUnit(u string) bool {
	if u == "" || u == "%" {
		return u == "%"
	}
	if utf8.RuneCountInString(u) > 5 {
		return false
	}
	for _, r := range u {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("/·.", r) {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(u)
	return unicode.Is(unicode.Han, first)
}

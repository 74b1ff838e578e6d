package indicators

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/sheets"
)

// A review workbook shows each project on a sheet laid out as a 自评表, whose cells cannot
// hold all of a project: a direction, tiers, a method, an indicator that does not apply, a
// domain, the [scoring] table, the file's [review] thresholds and rules. So that reading the
// workbook back scores exactly as the input it was written from, the workbook keeps, in a
// hidden sheet, each project's whole model as WriteJSON writes it, and the text jixiao wrote
// into the reviewer's cells. Reading a project sheet, the reader takes the model and lays the
// sheet's cells over it:
//
//   - a cell of the 自评表 (a fact above the table, a funds figure, an indicator's 指标值,
//     实际完成值, 分值, 得分, 评分标准…, 合计, 自评得分, 等次) replaces the model's value
//     when it reads differently, changed or cleared; a cell that reads as the model's value
//     leaves it (a number keeps the decimals it was written with);
//   - the reviewer's cells (复核人, 复核日期, and each line's 复核完成值, 复核得分, 扣分理由,
//     复核口径, 复核备注) count once the review is begun on the sheet: once any of them differs
//     from what jixiao filled in. Then every one counts as the sheet shows it, the filled-in
//     scores as the reviewer's agreement; until then the model's own review stands, and the
//     computed scores jixiao filled in are no review;
//   - the rows decide which indicators there are: a row is matched to the model's indicator
//     of the same name, and a row without one is read from its cells alone;
//   - an indicator whose 评分标准, 指标值 (with its 指标性质) or 分值 the sheet shows changed
//     loses the model's tiers, method and direction, which were made for the old text: it is
//     scored by the text the sheet shows.
//
// The hidden sheet keeps with each project a digest of its model and of the text jixiao
// filled into the reviewer's cells. A project whose digest no longer matches (the hidden
// sheet was edited) is read from its cells alone, with a warning naming the hidden sheet.
//
// A workbook without the hidden sheet (one a unit made, or an older review workbook) is read
// from its cells alone; its review cells count once one says what jixiao does not fill in
// (begunByCells).

// ModelSheet is the hidden sheet of a review workbook that keeps its projects' models.
const ModelSheet = "jixiao"

// modelVersion is the layout of the hidden sheet; a reader passes over a layout it does not
// know, with a note.
const modelVersion = "2"

// modelChunk is the most characters of the model's text in one cell: a cell holds 32,767
// UTF-16 units, and a character takes at most two.
const modelChunk = 16000

// Model is what a review workbook keeps, hidden, of one project sheet: the project's whole
// model, and the text jixiao filled into the reviewer's cells, by cell name ("O7").
type Model struct {
	Sheet   string
	Project *Project
	Filled  map[string]string
}

// ModelRows lays out the hidden sheet that keeps models: a first row naming the layout, then
// for each project sheet a row of its model as WriteJSON writes it (cut into cells of at most
// 16,000 characters), and a row per cell jixiao filled in for the reviewer.
func ModelRows(models []Model) ([][]string, error) {
	rows := [][]string{{ModelSheet, modelVersion, "jixiao 读回本工作簿所用的数据，请勿修改 / what jixiao reads this workbook back with: do not edit"}}
	for _, m := range models {
		var b bytes.Buffer
		if err := WriteJSON(&b, m.Project); err != nil {
			return nil, err
		}
		project := strings.TrimSpace(b.String())
		rows = append(rows, append([]string{m.Sheet, "project"}, chunks(project)...))
		places := strings.Join(slices.Sorted(maps.Keys(m.Project.cells)), "\n")
		if places != "" {
			rows = append(rows, append([]string{m.Sheet, "places"}, chunks(places)...))
		}
		for _, cell := range slices.Sorted(maps.Keys(m.Filled)) {
			rows = append(rows, []string{m.Sheet, "filled", cell, m.Filled[cell]})
		}
		rows = append(rows, []string{m.Sheet, "digest", modelDigest(m.Sheet, project, places, m.Filled)})
	}
	return rows, nil
}

// modelDigest is the digest of a project sheet's model as the hidden sheet keeps it: the
// sheet's name, the model's text, its places and the text filled into each reviewer's cell.
func modelDigest(sheet, project, places string, filled map[string]string) string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	field(sheet)
	field(project)
	field(places)
	for _, cell := range slices.Sorted(maps.Keys(filled)) {
		field(cell)
		field(filled[cell])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// chunks cuts text into pieces of at most modelChunk characters.
func chunks(text string) []string {
	var out []string
	for text != "" {
		cut := len(text)
		if utf8.RuneCountInString(text) > modelChunk {
			cut = 0
			for n := 0; n < modelChunk; n++ {
				_, size := utf8.DecodeRuneInString(text[cut:])
				cut += size
			}
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	return out
}

// sheetModel is a project sheet's model as read back: the project as the generic tables the
// decoder reads, and the cells jixiao filled in.
type sheetModel struct {
	project map[string]any
	filled  map[string]string
	// places are the key paths the project's own workbook had a cell for ("indicator[0].unit"),
	// blank ones too: a check that asks whether the table has a place for a key (a 度量单位
	// column) asks the project's table, not the review workbook's.
	places map[string]bool
	// text, placesText and digest are the model's text, its places' and the digest as the
	// hidden sheet holds them, for checking the digest.
	text, placesText, digest string
}

// readModels reads the hidden sheet of a review workbook, if it has one: the model of each
// project sheet, by sheet. A model that cannot be read is a note, and its sheet is read from
// its cells alone.
func readModels(s *schema, f *sheets.Book, file string, lim Limits) (map[string]*sheetModel, ErrorList) {
	if !slices.Contains(f.Sheets(), ModelSheet) {
		return nil, nil
	}
	g, err := f.Grid(ModelSheet)
	if err != nil || len(g.Rows) == 0 || g.Cell(0, 0) != ModelSheet {
		return nil, nil // a sheet of the unit's own that happens to be named so
	}
	note := func(sheet string, msg i18n.Text) ErrorList {
		return ErrorList{{Pos: Pos{File: file, Sheet: ModelSheet}, Kind: ErrValue, Project: sheet, Msg: msg}}
	}
	if v := g.Cell(0, 1); v != modelVersion {
		return nil, note("", i18n.T("隐藏的工作表 %s 是另一版 jixiao 写的（格式 %s）：各项目按单元格读出", "the hidden sheet %s was written by another version of jixiao (layout %s): the projects are read from their cells",
			ModelSheet, v))
	}
	models := map[string]*sheetModel{}
	var notes ErrorList
	for _, row := range g.Rows[1:] {
		if len(row) < 3 {
			continue
		}
		sheet := row[0]
		m := models[sheet]
		if m == nil {
			m = &sheetModel{filled: map[string]string{}, places: map[string]bool{}}
			models[sheet] = m
		}
		switch row[1] {
		case "project":
			m.text = strings.Join(row[2:], "")
			var jp JSONParser
			jp.s = s
			p, err := jp.Parse(file, 0, []byte(m.text), lim)
			if err != nil {
				notes = append(notes, note(sheet, i18n.T("隐藏的工作表 %s 中项目“%s”的数据读不出（%v）：该项目按单元格读出",
					"the data of %[2]q in the hidden sheet %[1]s cannot be read (%[3]v): the project is read from its cells", ModelSheet, sheet, err))...)
				continue
			}
			m.project = s.generic(inRoot, p)
		case "places":
			m.placesText = strings.Join(row[2:], "")
			for _, path := range strings.Split(m.placesText, "\n") {
				m.places[path] = true
			}
		case "digest":
			m.digest = row[2]
		case "filled":
			if len(row) > 3 {
				m.filled[row[2]] = row[3]
			} else {
				m.filled[row[2]] = ""
			}
		}
	}
	for _, sheet := range slices.Sorted(maps.Keys(models)) {
		m := models[sheet]
		if m.project != nil && m.digest != modelDigest(sheet, m.text, m.placesText, m.filled) {
			notes = append(notes, note(sheet, i18n.T("隐藏的工作表 %s 中项目“%s”的数据已被改动，与写出时不符：不采用这些数据，该项目按单元格读出；请核对该工作表的评分标准、指标值和分值",
				"the data of %[2]q in the hidden sheet %[1]s was changed after it was written: it is not used, and the project is read from its cells; check the sheet's criteria, targets and weights", ModelSheet, sheet))...)
			m.project = nil
		}
		if m.project == nil {
			delete(models, sheet)
		}
	}
	return models, notes
}

// generic is what obj holds of table in as the generic values every syntax hands the
// decoder, leaving out what the writers leave out: decoded, it is obj again.
func (s *schema) generic(in string, obj any) map[string]any {
	m := map[string]any{}
	for _, f := range s.fields(in) {
		if !s.worth(f, obj) {
			continue
		}
		p := f.at(obj)
		switch f.Type {
		case Text, Prose:
			m[f.Key] = text(p)
		case Number:
			m[f.Key], _ = number(p)
		case Count:
			n, _ := count(p)
			m[f.Key] = int64(n)
		case Bool:
			m[f.Key] = *p.(*bool)
		case Written:
			m[f.Key] = *p.(*Value)
		case Expression:
			m[f.Key] = p.(*Expr).Text
		case Interval:
			d := *p.(**[2]float64)
			m[f.Key] = []any{d[0], d[1]}
		case Codes:
			var items []any
			for _, c := range *p.(*[]string) {
				items = append(items, c)
			}
			m[f.Key] = items
		case Table:
			sub := p
			if v := reflect.ValueOf(p).Elem(); v.Kind() == reflect.Pointer {
				sub = v.Interface()
			}
			m[f.Key] = s.generic(f.sub(), sub)
		case Tables:
			rows := reflect.ValueOf(p).Elem()
			items := make([]any, rows.Len())
			for i := range items {
				row := rows.Index(i)
				if row.Kind() != reflect.Pointer {
					row = row.Addr()
				}
				items[i] = s.generic(f.sub(), row.Interface())
			}
			m[f.Key] = items
		}
	}
	return m
}

// placesOf keeps of the cells read the ones of values the project has, and the places its
// own workbook had (blank cells of the review workbook's columns are none of the project's).
// The funds block's 偏差原因 stays a place: no check asks whether the table has one, and it
// is where the reason for low execution goes in this workbook.
func (b *blockReader) placesOf(root map[string]any) {
	for path := range b.cells {
		if !b.model.places[path] && valueAt(root, path) == nil && path != "funds.reason" {
			delete(b.cells, path)
		}
	}
}

// valueAt is the value at a key path of generic tables, indexed tables included
// ("indicator[2].unit"), or nil.
func valueAt(m map[string]any, path string) any {
	if path == "" {
		return m
	}
	head, rest, deeper := strings.Cut(path, ".")
	var v any
	if name, index, ok := strings.Cut(head, "["); ok {
		k, err := strconv.Atoi(strings.TrimSuffix(index, "]"))
		items, _ := m[name].([]any)
		if err != nil || k < 0 || k >= len(items) {
			return nil
		}
		v = items[k]
	} else {
		v = m[head]
	}
	if !deeper || v == nil {
		return v
	}
	sub, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	return valueAt(sub, rest)
}

// reviewKey reports whether a key path is one of the reviewer's: 复核人, 复核日期, a line's 复核.
func reviewKey(path string) bool {
	return strings.HasPrefix(path, inReviewer+".") || strings.Contains(path, ".review.")
}

// begun reports whether the review is begun on the block's sheet: a reviewer's cell differs
// from what jixiao filled in (a blank one where it filled nothing).
func (b *blockReader) begun() bool {
	for cell, text := range b.reviewCells {
		if !sameText(text, b.model.filled[cell]) {
			return true
		}
	}
	for cell, text := range b.model.filled {
		if _, read := b.reviewCells[cell]; read {
			continue
		}
		col, row, err := sheets.SplitCellName(cell)
		if err == nil && row-1 >= b.top && row-1 < b.end && !sameText(b.g.cell(row-1, col-1), text) {
			return true
		}
	}
	return false
}

// begunByCells reports whether the review is begun on a sheet read from its cells alone (a
// review workbook without its hidden sheet): a reviewer's cell says what jixiao does not fill
// in. jixiao fills a line's 复核得分 with the computed score beside it (计算得分) and, where
// that differs from the reported score, 扣分理由 with the computed score's grounds and 复核口径
// with by-criterion; 复核人, 复核日期, 复核完成值 and 复核备注 it leaves blank. A sheet
// without a 计算得分 column (a unit's own) has begun once any reviewer's cell is filled.
func (b *blockReader) begunByCells() bool {
	for cell, text := range b.reviewCells {
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		col, row, err := sheets.SplitCellName(cell)
		if err != nil {
			return true
		}
		computed, ok := b.computedScore(row-1, col-1)
		key := b.reviewKeys[cell]
		switch {
		case !ok:
			return true
		case strings.HasSuffix(key, ".review.score"):
			if !sameText(text, computed) {
				return true
			}
		case strings.HasSuffix(key, ".review.reason"):
			if !suggested(text, computed) {
				return true
			}
		case strings.HasSuffix(key, ".review.rule"):
			if text != criterionRule {
				return true
			}
		default: // 复核人, 复核日期, 复核完成值, 复核备注
			return true
		}
	}
	return false
}

// criterionRule is the review rule jixiao suggests where the computed score differs from
// the reported one: scoring by the criterion.
const criterionRule = "by-criterion"

// computedScore is the text of the 计算得分 cell of row r, the column so labelled in the
// nearest row above r (at or below the block's top) that has one; false when there is none.
func (b *blockReader) computedScore(r, c int) (string, bool) {
	for h := r - 1; h >= b.top && h >= 0; h-- {
		for k := range b.g.Rows[h] {
			if label(b.g.cell(h, k)) == "计算得分" {
				return strings.TrimSpace(b.g.cell(r, k)), true
			}
		}
	}
	return "", false
}

// suggested reports whether a 扣分理由 is the one jixiao fills in beside a computed score
// that differs from the reported one: "自评得分 20，按评分标准应得 18.00（…）" ("reported 20,
// but the criterion gives 18.00 (…)").
func suggested(reason, computed string) bool {
	zh := strings.HasPrefix(reason, "自评得分 ") && strings.Contains(reason, "应得 "+computed)
	en := strings.HasPrefix(reason, "reported ") && strings.Contains(reason, " gives "+computed)
	return computed != "" && (zh || en)
}

// withoutReview takes a project's review tables away: the reviewer's, and each line's.
func withoutReview(root map[string]any) {
	delete(root, inReviewer)
	if funds, ok := root[inFunds].(map[string]any); ok {
		delete(funds, "review")
	}
	rows, _ := root[inIndicator].([]any)
	for _, row := range rows {
		if ind, ok := row.(map[string]any); ok {
			delete(ind, "review")
		}
	}
}

// sameText reports whether a cell's text says what jixiao filled in: the same number (18.00
// and 18), or the same text.
func sameText(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if x, ok := num.ParseNumber(a); ok {
		y, ok := num.ParseNumber(b)
		return ok && x == y
	}
	return a == b
}

// withModel is the block's project: the model, with the sheet's cells laid over it.
func (b *blockReader) withModel(visible map[string]any) map[string]any {
	m := b.model.project
	begun := b.begun()
	for _, key := range slices.Sorted(maps.Keys(b.seen)) {
		if strings.HasPrefix(key, inIndicator+"[") || reviewKey(key) {
			continue
		}
		overlay(m, visible, key)
	}
	if begun { // the reviewer's tables as the sheet shows them
		for _, key := range []string{inReviewer, inFundsRev} {
			replace(m, visible, key)
		}
	}
	rows, _ := visible[inIndicator].([]any)
	model, _ := m[inIndicator].([]any)
	used := make([]bool, len(model))
	out := make([]any, 0, len(rows))
	for k, row := range rows {
		vi := row.(map[string]any)
		j := matchIndicator(vi, model, used, k)
		if j < 0 {
			out = append(out, vi)
			continue
		}
		used[j] = true
		mi := model[j].(map[string]any)
		prefix := "indicator[" + strconv.Itoa(k) + "]."
		for _, key := range slices.Sorted(maps.Keys(b.seen)) {
			if rel, ok := strings.CutPrefix(key, prefix); ok && !reviewKey(key) {
				if overlay(mi, vi, rel) && scoringText[rel] {
					for _, derived := range []string{"tiers", "method", "direction"} {
						delete(mi, derived)
					}
				}
			}
		}
		if begun {
			replace(mi, vi, "review")
		}
		out = append(out, mi)
	}
	m[inIndicator] = out
	return m
}

// matchIndicator finds the model's indicator a row shows: the one at its place if named
// alike, else the first unused one named alike; -1 for none.
func matchIndicator(row map[string]any, model []any, used []bool, k int) int {
	name, _ := row["name"].(string)
	named := func(j int) bool {
		mi, _ := model[j].(map[string]any)
		n, _ := mi["name"].(string)
		return !used[j] && strings.TrimSpace(n) == strings.TrimSpace(name)
	}
	if k < len(model) && named(k) {
		return k
	}
	for j := range model {
		if named(j) {
			return j
		}
	}
	return -1
}

// scoringText are an indicator's keys whose cells the model's tiers, method and direction
// were made from: 评分标准, 指标值 (指标性质 read into it) and 分值.
var scoringText = map[string]bool{"criterion": true, "target": true, "weight": true}

// overlay lays the value at key path of visible over the model's, where it reads
// differently: changed, or cleared (absent in visible); true when it did.
func overlay(model, visible map[string]any, path string) bool {
	mv, vv := lookup(model, path), lookup(visible, path)
	if sameValue(mv, vv) {
		return false
	}
	put(model, path, vv)
	return true
}

// replace puts the table at key of visible in the model's place, or takes the model's away.
func replace(model, visible map[string]any, path string) {
	put(model, path, lookup(visible, path))
}

// lookup is the value at a dotted key path of generic tables, or nil.
func lookup(m map[string]any, path string) any {
	head, rest, deeper := strings.Cut(path, ".")
	v, ok := m[head]
	if !ok || !deeper {
		return v
	}
	sub, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	return lookup(sub, rest)
}

// put stores v at a dotted key path, making the tables on the way; nil takes the key away,
// and a table left empty with it.
func put(m map[string]any, path string, v any) {
	head, rest, deeper := strings.Cut(path, ".")
	if !deeper {
		if v == nil {
			delete(m, head)
		} else {
			m[head] = v
		}
		return
	}
	sub, ok := m[head].(map[string]any)
	if !ok {
		if v == nil {
			return
		}
		sub = map[string]any{}
		m[head] = sub
	}
	put(sub, rest, v)
	if len(sub) == 0 {
		delete(m, head)
	}
}

// sameValue reports whether a cell's reading says what the model holds: the same text, the
// same number (a count 2023 and 2023.0), the same written value ("99.60" and 99.6 as plain
// numbers alike).
func sameValue(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	switch x := a.(type) {
	case Value:
		y, ok := b.(Value)
		return ok && (x.Text == y.Text || x.Plain && y.Plain && x.Num == y.Num)
	case string:
		y, ok := b.(string)
		return ok && strings.TrimSpace(x) == strings.TrimSpace(y)
	}
	if x, ok := asFloat(a); ok {
		y, ok := asFloat(b)
		return ok && x == y
	}
	return reflect.DeepEqual(a, b)
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	}
	return 0, false
}

package published

import (
	"strings"

	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/layout"
)

// Read reads the published report at path: a PDF (its text layer, read with poppler's
// pdftotext), a Word document (.docx) or extracted text (.txt, .md). A file holding no self-evaluation table, no final-accounts table and no evaluation
// report is an error naming it.
func Read(path string) (*Document, error) {
	ld, err := layout.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return FromLayout(ld)
}

// FromLayout reads a document already cut into lines of cells, by layout or by another
// extractor (a PDF's text layer).
func FromLayout(ld *layout.Document) (*Document, error) {
	s := split(ld)
	doc := &Document{File: ld.File, Format: ld.Format, Year: s.year, Contents: s.contents, HasContents: s.hasContents}
	if len(s.accounts)+len(s.selfEvals)+len(s.reports) == 0 {
		return nil, &indicators.Error{Pos: indicators.Pos{File: ld.File}, Kind: indicators.ErrMissing, Msg: i18n.T(
			"没有找到可识别的表格：既没有项目支出绩效自评表、项目支出绩效评价报告，也没有公开01–09表（收入支出决算总表等）",
			"no table jixiao recognises: no 项目支出绩效自评表, no 项目支出绩效评价报告 and no final-accounts table (公开01–09表, 收入支出决算总表…)")}
	}
	for _, r := range s.accounts {
		t, notes := readAccounts(r, ld.Geometric())
		doc.Tables = append(doc.Tables, t)
		doc.Notes = append(doc.Notes, notes...)
	}
	evals := make([]*selfEval, len(s.selfEvals))
	for i, r := range s.selfEvals {
		evals[i] = readSelfEval(r)
	}
	reports := make([]*evalReport, len(s.reports))
	for i, r := range s.reports {
		reports[i] = readReport(r)
	}
	for _, m := range match(evals, reports) {
		p, notes := buildProject(ld.File, s.year, m.table, m.report)
		doc.Projects = append(doc.Projects, p)
		doc.Notes = append(doc.Notes, notes...)
	}
	doc.Claims = readExplanation(s.explanation)
	for _, pg := range ld.Pages {
		if pg.Words == 0 {
			f := newFinding(CodePageNoText)
			f.Pos = indicators.Pos{File: ld.File, Page: pg.Number, Line: 1}
			doc.Notes = append(doc.Notes, f)
		}
	}
	for i, r := range s.performance {
		n := readNarrative(r)
		if i == 0 {
			doc.Narrative.Pos = n.Pos
		}
		doc.Narrative.Statements = append(doc.Narrative.Statements, n.Statements...)
	}
	sortFindings(doc.Notes)
	return doc, nil
}

type matched struct {
	table  *selfEval
	report *evalReport
}

// match pairs each self-evaluation table with its evaluation report: by the project's name in
// the report's first sentence, else by order among those left. Tables come first, in order;
// reports matching no table follow.
func match(evals []*selfEval, reports []*evalReport) []matched {
	used := make([]bool, len(reports))
	out := make([]matched, len(evals))
	for i, se := range evals {
		out[i].table = se
		name := squash(se.name.text)
		for j, rep := range reports {
			if !used[j] && name != "" && (rep.name == name || (rep.name == "" && containsName(rep.intro, name))) {
				out[i].report, used[j] = rep, true
				break
			}
		}
	}
	for i := range out {
		if out[i].report != nil {
			continue
		}
		for j, rep := range reports {
			if !used[j] && (rep.name == "" || squash(out[i].table.name.text) == "") {
				out[i].report, used[j] = rep, true
				break
			}
		}
	}
	for j, rep := range reports {
		if !used[j] {
			out = append(out, matched{report: rep})
		}
	}
	return out
}

func containsName(text, name string) bool { return name != "" && strings.Contains(text, name) }

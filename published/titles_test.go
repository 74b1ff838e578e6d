package published_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/published"
)

// selfEvalBody is a self-evaluation table in the central layout, with its 主管部门 and 实施单位
// on one row and the stated grade on a row of its own, tab-separated.
const selfEvalBody = "项目名称\t社区养老服务补贴\t\t\t\t\t\t\n" +
	"主管部门\t某区民政局\t\t\t实施单位\t某区养老服务中心\t\t\n" +
	"一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n" +
	"产出指标\t数量指标\t补贴人数\t≥1000人\t1050人\t50\t50\t\n" +
	"满意度指标\t服务对象满意度指标\t满意度\t≥90%\t93%\t50\t50\t\n" +
	"总分\t\t\t\t\t100\t100\t\n" +
	"自评等级\t优\t\t\t\t\t\t\n"

// A self-evaluation table is found under each title units print — with its year before it or
// in brackets, after an annex's label — in text, Markdown and Word alike; its year is the
// title's, its 主管部门 the agency and its 实施单位 the implementer, and its "自评等级 | 优" row
// the stated grade, read rather than reported as a line not read.
func TestSelfEvalTitlesAndHead(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		title string
		year  int
	}{
		{"项目支出绩效自评表", 0},
		{"项目支出绩效自评表（2023年度）", 2023},
		{"2023年度项目支出绩效自评表", 2023},
		{"2023年项目支出绩效自评表", 2023},
		{"附件2：2023年度项目支出绩效自评表", 2023},
		{"附件二：项目支出绩效自评表", 0},
	} {
		text := c.title + "\n" + selfEvalBody
		md := "# " + c.title + "\n\n" + markdownTable(selfEvalBody)
		files := map[string]func(path string){
			".txt":  func(path string) { require.NoError(t, os.WriteFile(path, []byte(text), 0o644)) },
			".md":   func(path string) { require.NoError(t, os.WriteFile(path, []byte(md), 0o644)) },
			".docx": func(path string) { writeDocx(t, text, path) },
		}
		for ext, write := range files {
			path := filepath.Join(dir, "r"+ext)
			write(path)
			doc, err := published.Read(path)
			if !assert.NoError(t, err, "%s in %s", c.title, ext) {
				continue
			}
			require.Len(t, doc.Projects, 1, "%s in %s", c.title, ext)
			p := doc.Projects[0].Project
			assert.Equal(t, "社区养老服务补贴", p.Name, "%s in %s", c.title, ext)
			assert.Equal(t, c.year, p.Year, "%s in %s: the title's year", c.title, ext)
			assert.Equal(t, "某区民政局", p.Agency, "%s in %s: the 主管部门", c.title, ext)
			assert.Equal(t, "某区养老服务中心", p.Implementer, "%s in %s: the 实施单位", c.title, ext)
			assert.Equal(t, "优", p.Reported.Grade, "%s in %s: the 自评等级 row", c.title, ext)
			require.NotNil(t, p.Reported.Total, "%s in %s", c.title, ext)
			assert.Equal(t, 100.0, *p.Reported.Total)
			for _, f := range doc.Notes {
				assert.NotEqual(t, published.CodeRowUnread, f.Code, "%s in %s: %+v", c.title, ext, f)
			}
		}
	}
}

// markdownTable writes tab-separated rows as a Markdown table.
func markdownTable(rows string) string {
	var b strings.Builder
	for i, row := range strings.Split(strings.TrimSuffix(rows, "\n"), "\n") {
		cells := strings.Split(row, "\t")
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat("---|", len(cells)) + "\n")
		}
	}
	return b.String()
}

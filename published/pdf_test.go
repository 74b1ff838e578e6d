package published_test

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
	"jixiao/published"
)

// realReport is the real 2024 部门决算 of a district-level department, as published (24
// pages): ../shared/reports/README.md.
const realReport = "../../shared/reports/2024-district-social-work-dept-final-accounts.pdf"

func requirePdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils): PDF tests skipped")
	}
}

func readReal(t testing.TB) *published.Document {
	t.Helper()
	if _, err := os.Stat(realReport); err != nil {
		t.Skipf("%s is absent (../shared is not beside the checkout): the real PDF's tests are skipped", realReport)
	}
	requirePdftotext(t)
	doc, err := published.Read(realReport)
	require.NoError(t, err, "Read(%s)", realReport)
	return doc
}

// tablesText is every table as read: its number, title, unit, parts and columns, and each
// row with its code, label, amounts and page and line.
func tablesText(doc *published.Document) string {
	var b strings.Builder
	for _, t := range doc.Tables {
		fmt.Fprintf(&b, "%s %s 单位:%s", t.Name(), t.Title, t.Unit)
		if t.NoData {
			b.WriteString(" 本表无数据")
		}
		fmt.Fprintf(&b, " (%s)\n", place(t.Pos))
		for _, p := range t.Parts {
			cols := make([]string, len(p.Columns))
			for i, c := range p.Columns {
				cols[i] = c.Name
			}
			fmt.Fprintf(&b, "  [%s] %s\n", p.Name, strings.Join(cols, " | "))
			for _, r := range p.Rows {
				fmt.Fprintf(&b, "    %-7s %s", r.Code, r.Label)
				for _, a := range r.Amounts {
					if a.Text == "" {
						b.WriteString(" | ·")
					} else {
						b.WriteString(" | " + a.Text)
					}
				}
				fmt.Fprintf(&b, "  (%s)\n", place(r.Pos))
			}
		}
	}
	return b.String()
}

// The real PDF is read whole: the nine tables its 目录 names, every row of each with every
// amount where the page prints it (testdata/pdf-2024-tables.golden, reviewed against the
// PDF page by page: 01表 on page 5, 02表 on pages 6–7, 03表 on pages 8–9, 04表 on pages
// 10–11, 05表 on page 12, 06表 on page 13, 07–09表 on pages 14–16 without data).
func TestRealPDFTables(t *testing.T) {
	doc := readReal(t)
	assert.Equal(t, "pdf", string(doc.Format))
	assert.Equal(t, 2024, doc.Year)

	var listed []int
	for _, e := range doc.Contents {
		listed = append(listed, e.Number)
	}
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7, 8, 9}, listed, "the 目录 on pages 2–3 lists the nine tables")
	require.Len(t, doc.Tables, 9)
	for i, tb := range doc.Tables {
		assert.Equal(t, i+1, tb.Number, "the tables in the report's order")
		assert.Equal(t, "万元", tb.Unit, "%s: every table's 单位 line reads 单位：万元", tb.Name())
		assert.Equal(t, i >= 6, tb.NoData, "%s: 07–09表 are printed without data, and the report says so (故本表无数据)", tb.Name())
	}
	for _, n := range doc.Notes {
		t.Errorf("reading noted %s at %s: %s: every line of every table is placed", n.Code, place(n.Pos), msg(n, i18n.Zh))
	}

	rows := map[string]*published.Row{}
	for _, tb := range doc.Tables {
		for _, p := range tb.Parts {
			for _, r := range p.Rows {
				rows[tb.Name()+" "+p.Name+" "+r.Code+r.Name] = r
			}
		}
	}
	// A name wrapped over three lines, its code and amounts on the middle one (page 12).
	r := rows["公开05表  2080505机关事业单位基本养老保险缴费支出"]
	require.NotNil(t, r, "05表 2080505, its name joined from 机关事业单位 / 基本养老保险 / 缴费支出")
	assert.Equal(t, []string{"6.18", "6.18", ""}, amountTexts(r), "合计, 基本支出, and 项目支出 printed blank")
	assert.Equal(t, "第12页第24行", place(r.Pos))
	// A name wrapped with its amount on the line below its first part (page 13, right side).
	r = rows["公开06表 公用经费 31007信息网络及软件购置更新"]
	require.NotNil(t, r, "06表 31007, 信息 网络 及软件 购置 / 更新")
	assert.Equal(t, []string{"0.00"}, amountTexts(r))
	// The rows of 02表 on its second page (page 7) are the same table's.
	r = rows["公开02表  2210203购房补贴"]
	require.NotNil(t, r)
	assert.Equal(t, "第7页第6行", place(r.Pos))
	// 01表's two sides, and 04表's four fund columns.
	require.NotNil(t, rows["公开01表 支出 住房保障支出"])
	assert.Equal(t, []string{"29.42"}, amountTexts(rows["公开01表 支出 住房保障支出"]))
	assert.Equal(t, []string{"307.82", "307.82", "", ""}, amountTexts(rows["公开04表 支出 总计"]))

	golden(t, "pdf-2024-tables.golden", tablesText(doc))
}

func amountTexts(r *published.Row) []string {
	out := make([]string, len(r.Amounts))
	for i, a := range r.Amounts {
		out[i] = a.Text
	}
	return out
}

// Every finding on the real PDF, each verified by hand against the PDF.
func TestRealPDFFindings(t *testing.T) {
	doc := readReal(t)
	fs := published.Check(doc, nil, published.Options{})
	var got []string
	for _, f := range fs {
		got = append(got, place(f.Pos)+" "+f.Code+" "+msg(f, i18n.Zh))
	}
	assert.Equal(t, []string{
		// Page 17: "收入支出总计 307.82 万元。与 2023 年度相比，收入支出总计增加 307.82 万元，增长
		// 100.00%": an increase equal to the whole amount means last year's was 0, over which no
		// rate of growth exists; 100.00% is a convention for a unit founded in 2024, not a figure.
		"第17页第6行 narrative-change-from-zero 情况说明 › 一、收入支出决算总体情况说明：“收入支出总计”本年 307.82 万元，比上年的变化也是这么多，上年为 0：增长率无从计算，文中的 100.00% 不是算出来的",
		// Page 17, the same for 财政拨款收入支出总计 (增加 307.82 万元，增长 100.00%).
		"第17页第16行 narrative-change-from-zero 情况说明 › 四、财政拨款收入支出决算总体情况说明：“财政拨款收入支出总计”本年 307.82 万元，比上年的变化也是这么多，上年为 0：增长率无从计算，文中的 100.00% 不是算出来的",
		// Pages 17–18, the same for 一般公共预算财政拨款支出 (增加 307.82 万元，增长 100.00%).
		"第18页第2行 narrative-change-from-zero 情况说明 › （一）一般公共预算财政拨款支出决算总体情况：“一般公共预算财政拨款支出”本年 307.82 万元，比上年的变化也是这么多，上年为 0：增长率无从计算，文中的 100.00% 不是算出来的",
		// Page 18: "年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的
		// 95.89%": no rate of a budget of 0 exists; 307.82 / 321.02 = 95.888…% is the rate of
		// the 全年预算, which the sentence should name.
		"第18页第10行 narrative-change-from-zero 情况说明 › （三）一般公共预算财政拨款支出决算具体情况：“支出决算”写为完成年初预算的 95.89%，而年初预算为 0，完成率无从计算；95.89% 是支出决算 307.82 万元对全年预算 321.02 万元的完成率",
		// Page 21: "机关运行经费支出 10.23 万元，比 2023 年度增加 10.23 万元，增长 100.00%": from 0.
		// Page 21: "绩效自评的 2024 年度项目 1 个，涉及预算金额 175.52 万元，平均得分 100.00 分（其中，
		// 绩效评级为“优”的项目 1 个；…）", and the report holds no self-evaluation table.
		"第21页第12行 narrative-claim-unchecked 预算绩效情况说明称自评了 1 个项目（涉及预算金额175.52万元，平均得分100.00分，评级为“优”的项目1个，评级为“良”的项目0个，评级为“合格”的项目0个，评级为“不合格”的项目0个），而报告中没有一份项目支出绩效自评表：这些说法无法与表核对，请向单位索取表来复核",
		"第21页第19行 narrative-change-from-zero 情况说明 › （一）机关运行经费支出情况：“机关运行经费支出”本年 10.23 万元，比上年的变化也是这么多，上年为 0：增长率无从计算，文中的 100.00% 不是算出来的",
	}, got)
	for _, f := range fs {
		if f.Code == published.CodeNarrativeUnchecked {
			assert.Equal(t, published.Warning, f.Severity, "a claim to look into, not a figure that is wrong")
		} else {
			assert.Equal(t, published.Info, f.Severity, "%s: no figure of the report is wrong beyond the 尾数误差", f.Code)
		}
		for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
			assert.NotContains(t, msg(f, lang), "%!", f.Code)
		}
	}
}

// The checks that found nothing did run: with no tolerance, exactly the report's two
// one-cent differences (尾数误差) appear, each verified by hand.
func TestRealPDFOneCentDifferences(t *testing.T) {
	doc := readReal(t)
	loose := published.Check(doc, nil, published.Options{})
	strict := published.Check(doc, nil, published.Options{MoneyTolerance: 1e-9})
	var extra []string
	for _, f := range strict[:] {
		if f.Code == published.CodeNarrativeNoBase || f.Code == published.CodeNarrativeUnchecked {
			continue
		}
		extra = append(extra, place(f.Pos)+" "+msg(f, i18n.Zh))
	}
	assert.Len(t, strict, len(loose)+2)
	assert.Equal(t, []string{
		// 05表 合计 基本支出 105.58 (page 12) against 06表 人员经费合计 95.36 + 公用经费合计
		// 10.23 = 105.59 (page 13).
		"第12页第39行 表间关系 公开05表 合计（基本支出） = 公开06表 › 人员经费 人员经费合计 + 公开06表 › 公用经费 公用经费合计 不成立：105.58 对 105.59（第13页第54行），相差 0.01 万元",
		// 06表 302 商品和服务支出 10.23 against its 款: 3.78 + 1.15 + 0.02 + 0.68 + 0.48 + 1.48
		// + 2.43 + 0.20 = 10.22 (page 13).
		"第13页第6行 公开06表 › 公用经费：302 商品和服务支出为 10.23，而所列各行之和为 10.22，相差 0.01 万元",
	}, extra)
}

package published_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
	"jixiao/published"
)

// The 目录 against the tables: a table it lists that the report lacks, and a table the
// report holds that it does not list.
func TestContents(t *testing.T) {
	contents := "目 录\n第二部分 2021 年度部门决算表|3\n"
	for _, title := range []string{"一、收入支出决算总表", "二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表",
		"六、一般公共预算财政拨款基本支出决算表", "七、一般公共预算财政拨款“三公”经费支出决算表",
		"八、政府性基金预算财政拨款收入支出决算表", "九、国有资本经营预算财政拨款支出决算表 ..."} {
		contents += title + "|4\n"
	}
	body := miniAccounts[:strings.Index(miniAccounts, "九、国有资本经营预算财政拨款支出决算表")]
	body = strings.Replace(body, "2021 年度\n第二部分", "2021 年度\n"+contents+"第二部分", 1)
	doc, err := published.Read(writeReport(t, body))
	require.NoError(t, err)
	require.True(t, doc.HasContents)
	require.Len(t, doc.Contents, 8)
	assert.Equal(t, 9, doc.Contents[7].Number, "an entry's dot leaders left out")
	fs := published.Check(doc, nil, published.Options{})
	var got []string
	for _, f := range fs {
		got = append(got, f.Code+" "+msg(f, i18n.Zh))
	}
	assert.Equal(t, []string{
		"accounts-contents-missing 目录列有“国有资本经营预算财政拨款支出决算表”（公开09表），报告中没有找到这张表；它的核对都没有进行",
		"accounts-contents-unlisted 公开05表“一般公共预算财政拨款支出决算表”不在目录（第4行）中",
	}, got)
}

// The 情况说明 against the tables of the consistent mini report: each figure below is stated
// wrong once, on purpose, and the rest are right.
const explanation = `第三部分 2021 年度部门决算情况说明
一、收入支出决算总体情况说明
2021 年度收入支出总计 180.00 万元。与 2020 年度相比，收入支出总计增加 30.00 万元，增长 25.00%。主要原因：业务增加。
二、收入决算情况说明
本年收入合计 160.00 万元，其中：财政拨款收入 150.00 万元，占 90.00%；其他收入 100000 元，占 6.25%。
三、支出决算情况说明
本年支出合计 180.00 万元，其中：基本支出 80.00 万元，占 44.44%；项目支出 110.00 万元，占 61.11%。
五、一般公共预算财政拨款支出决算情况说明
（二）一般公共预算财政拨款支出决算结构情况
一般公共预算财政拨款支出 120.00 万元，主要用于以下方面：社会保障和就业支出（类）120.00 万元，占 100.00%。
（三）一般公共预算财政拨款支出决算具体情况
一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 150.00 万元，支出决算为 120.00 万元，完成年初预算的 80.00%。
1、社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）。全年预算为 150.00 万元，支出决算为 121.00 万元，完成全年预算数的 80.00%。
第四部分 名词解释
`

func TestExplanation(t *testing.T) {
	doc, err := published.Read(writeReport(t, miniAccounts+explanation))
	require.NoError(t, err)
	fs := published.Check(doc, nil, published.Options{})
	var got []string
	for _, f := range fs {
		got = append(got, place(f.Pos)+" "+f.Code+" "+msg(f, i18n.Zh))
	}
	assert.Equal(t, []string{
		// 180.00 − 30.00 = 150.00 last year; 30 / 150 = 20.00%, not 25.00%.
		"第123行 narrative-change-mismatch 情况说明 › 一、收入支出决算总体情况说明：“收入支出总计”本年 180.00 万元、比上年变化 30.00 万元，则上年为 150.00 万元，变化率应为 20.00%，而文中写为 25.00%",
		// 150 / 160 = 93.75%; 100000 元 = 10.00 万元 = 01表 其他收入, and 10 / 160 = 6.25%.
		"第125行 narrative-share-mismatch 情况说明 › 二、收入决算情况说明：“财政拨款收入”150.00 万元写为占本年收入合计的 90.00%，而 150.00 ÷ 160.00 = 93.75%",
		// 03表 合计 项目支出 is 100.00; the share is right for the 110.00 stated.
		"第127行 narrative-figure-mismatch 情况说明 › 三、支出决算情况说明：“项目支出”写为 110.00 万元，而公开03表 合计（项目支出）为 100.00 万元（第41行），相差 10.00 万元",
		// 年初预算 0: 120 / 150 = 80.00% is the rate of the 全年预算.
		"第132行 narrative-change-from-zero 情况说明 › （三）一般公共预算财政拨款支出决算具体情况：“支出决算”写为完成年初预算的 80.00%，而年初预算为 0，完成率无从计算；80.00% 是支出决算 120.00 万元对全年预算 150.00 万元的完成率",
		// 05表 2080109 is 120.00; 121 / 150 = 80.67%.
		"第133行 narrative-figure-mismatch 情况说明 › （三）一般公共预算财政拨款支出决算具体情况：“支出决算”写为 121.00 万元，而公开05表 2080109 社会保险经办机构为 120.00 万元（第74行），相差 1.00 万元",
		"第133行 narrative-rate-mismatch 情况说明 › （三）一般公共预算财政拨款支出决算具体情况：“社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）”写为完成全年预算的 80.00%，而支出决算 121.00 ÷ 全年预算 150.00 = 80.67%",
	}, got)
	for _, f := range fs {
		assert.NotContains(t, msg(f, i18n.En), "%!", f.Code)
	}
}

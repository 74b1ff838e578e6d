package rules

import (
	"fmt"
	"math"
	"testing"
	"time"
	"unicode/utf8"

	"jixiao/indicators"
)

// FuzzReadCriterion reads arbitrary text as a criterion. It must not panic or hang; every
// span must lie within the text and quote it; and every tier it reads must compile.
func FuzzReadCriterion(f *testing.F) {
	for _, s := range []string{
		"1年内完成100%，得20分；未全部完成，按完成情况得15~18分；未开展，不得分。",
		"资金投入 100%得 10 分; 资金投入 ≤项目进度 80%得 8 分; 资金未全部投入得 5 分。",
		"参保率≥99.22% 得 20 分, 99.22% > 参保率≥98.5% 得 18 分, 98.5% > 参保率≥98%得 15 分, 参保率 < 98%不得分",
		"覆盖面达到 100%得 10 分; 100% > 覆盖面≥95%得 5 分; 95% > 覆盖面 <90%得 0 分。",
		"达到 12 期得 5 分, 未达到 不得分",
		"达到95%得满分；每降低1个百分点扣2分，扣完为止",
		"好：得分值的80%-100%；较好：得分值的60%-80%；一般：得分值的60%以下",
		"x<60%或x>120%不得分；其他得10分",
		`参保人数 \geq 217100 得 10 分, 217100 $>$ 参保人数 \geq 216500 人得 5 分`,
		"增长两千人以上得20分，不足两千人得10分",
		"1. ≥95%得10分\n2. 90%≤x<95%得8分\n（3）x<90%不得分",
		"这不是评分标准",
	} {
		f.Add(s, 20.0, 100.0, true)
	}
	f.Fuzz(func(t *testing.T, text string, weight, target float64, percent bool) {
		if !utf8.ValidString(text) || len(text) > 4000 {
			return
		}
		timer := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("slow criterion: %q", text)) })
		defer timer.Stop()
		tiers, unparsed := ReadCriterion(text, CriterionContext{Weight: weight, Target: target, Percent: percent})
		runes := []rune(text)
		check := func(s Span, src string) {
			if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
				t.Fatalf("span %v outside the text of %d runes", s, len(runes))
			}
			if string(runes[s.Start:s.End]) != src {
				t.Fatalf("span %v quotes %q, the text there is %q", s, src, string(runes[s.Start:s.End]))
			}
		}
		ind := &indicators.Indicator{Name: "x", Weight: 20, Target: indicators.NumberValue(100), Actual: indicators.NumberValue(90), Applicable: true}
		for _, tr := range tiers {
			check(tr.Span, tr.Source)
			tier := indicators.Tier{When: indicators.Expr{Text: tr.When}, Score: indicators.Expr{Text: tr.Score}, Min: tr.Min, Max: tr.Max}
			if tr.Min != nil && (math.IsNaN(*tr.Min) || *tr.Min > *tr.Max) {
				t.Fatalf("range %v–%v", *tr.Min, *tr.Max)
			}
			ind.Tiers = append(ind.Tiers, tier)
		}
		for _, u := range unparsed {
			check(u.Span, u.Source)
		}
		p := &indicators.Project{Name: "p", Indicators: []*indicators.Indicator{ind}, Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100, Method: indicators.MethodProportional}}
		if _, err := NewCompiler(Limits{}).Project(p); err != nil {
			t.Fatalf("derived tiers do not compile: %v\ntext: %q", err, text)
		}
	})
}

package prose_test

import (
	"fmt"
	"math"
	"testing"
	"time"
	"unicode/utf8"

	"jixiao/indicators"
	"jixiao/rules"
	"jixiao/rules/prose"
)

// FuzzRead reads arbitrary text as a criterion. It must not panic or hang; its parts must
// cover the text, in order, without gaps or overlaps; every span must lie within the text
// and quote it; every tier must compile; and a text read whole must read the same with
// filler around it (a checking note before, a data source after).
func FuzzRead(f *testing.F) {
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
		"每低于目标值5%扣1分，扣完为止",
		"与计划每偏差2%扣1分，扣满10分为止",
		"偏差在±10%（含）以内得满分，±10%-±20%（含）得5分，超过±20%不得分",
		"得分=完成率×分值（超过100%的按100%计）",
		"8分：完成率100%\n6分：完成率90%（含）-100%\n0分：完成率低于90%",
		"完成目标得20分，每超过1个百分点加0.5分，每低1个百分点扣0.5分，最多加减5分。",
		"以95%为基准。每低1个百分点扣0.5分",
		"這不是評分標準",
	} {
		f.Add(s, 20.0, 100.0, true)
		f.Add(s, 10.0, 73.0, false)
	}
	f.Fuzz(func(t *testing.T, text string, weight, target float64, percent bool) {
		if !utf8.ValidString(text) || len(text) > 4000 {
			return
		}
		timer := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("slow criterion: %q", text)) })
		defer timer.Stop()
		ctx := prose.Context{Name: "指标", Weight: weight, Target: target}
		if percent {
			ctx.Unit = "%"
		}
		r := prose.Read(text, ctx)
		checkReading(t, text, r)
		// The tiers compile.
		ind := &indicators.Indicator{Name: "x", Weight: 20, Target: indicators.NumberValue(100), Actual: indicators.NumberValue(90), Applicable: true}
		for _, tr := range r.Tiers {
			if tr.Min != nil && (math.IsNaN(*tr.Min) || *tr.Min > *tr.Max) {
				t.Fatalf("range %v–%v", *tr.Min, *tr.Max)
			}
			ind.Tiers = append(ind.Tiers, indicators.Tier{When: indicators.Expr{Text: tr.When}, Score: indicators.Expr{Text: tr.Score}, Min: tr.Min, Max: tr.Max})
		}
		p := &indicators.Project{Name: "p", Indicators: []*indicators.Indicator{ind}, Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100, Method: indicators.MethodProportional}}
		if _, err := rules.NewCompiler(rules.Limits{}).Project(p); err != nil {
			t.Fatalf("tiers read do not compile: %v\ntext: %q", err, text)
		}
		// Filler around a text read whole changes nothing.
		if !r.Whole() {
			return
		}
		padded := prose.Read(fillerBefore+text+fillerAfter, ctx)
		if !padded.Whole() || !sameTiers(r.Tiers, padded.Tiers) {
			t.Fatalf("filler changed the reading of %q:\n%s\nwith filler:\n%s", text, tiersText(r), tiersText(padded))
		}
	})
}

const (
	fillerBefore = "查阅资料和现场核查。"
	fillerAfter  = "（数据来源：年度统计报表）"
)

// checkReading checks what every reading must satisfy: parts cover the text in order, and
// every span quotes the text.
func checkReading(t *testing.T, text string, r prose.Reading) {
	t.Helper()
	runes := []rune(text)
	at := 0
	for _, p := range r.Parts {
		if p.Span.Start != at || p.Span.End <= p.Span.Start || p.Span.End > len(runes) {
			t.Fatalf("part %+v does not follow on at %d in %q (parts %+v)", p, at, text, r.Parts)
		}
		if p.Kind == prose.Used && (p.Tier < 0 || p.Tier >= len(r.Tiers)) {
			t.Fatalf("part %+v names no tier of %d", p, len(r.Tiers))
		}
		at = p.Span.End
	}
	if at != len(runes) {
		t.Fatalf("parts end at %d of %d runes in %q", at, len(runes), text)
	}
	quote := func(s prose.Span, src string) {
		if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
			t.Fatalf("span %v outside the text of %d runes", s, len(runes))
		}
		if string(runes[s.Start:s.End]) != src {
			t.Fatalf("span %v quotes %q, the text there is %q", s, src, string(runes[s.Start:s.End]))
		}
	}
	for _, tr := range r.Tiers {
		quote(tr.Span, tr.Source)
	}
	for _, u := range r.Unread {
		quote(u.Span, u.Source)
		if u.Reason == "" {
			t.Fatalf("unread %q without a reason", u.Source)
		}
	}
}

func sameTiers(a, b []prose.Tier) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].When != b[i].When || a[i].Score != b[i].Score || (a[i].Min == nil) != (b[i].Min == nil) ||
			a[i].Min != nil && (*a[i].Min != *b[i].Min || *a[i].Max != *b[i].Max) {
			return false
		}
	}
	return true
}

func tiersText(r prose.Reading) string {
	s := ""
	for _, t := range r.Tiers {
		s += fmt.Sprintf("  %s → %s %v %v\n", t.When, t.Score, t.Min, t.Max)
	}
	for _, u := range r.Unread {
		s += fmt.Sprintf("  unread %q: %s %s\n", u.Source, u.Reason, u.Detail)
	}
	return s
}

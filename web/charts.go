package web

import (
	"cmp"
	"fmt"
	"html/template"
	"math"
	"net/url"
	"slices"
	"strings"

	"jixiao/engine"
	"jixiao/internal/num"
)

// The batch page's charts are drawn here as inline SVG: no script, no library, and they
// print as they show. Each is a small bar chart with its numbers written beside the bars.

const (
	chartW = 360
	chartH = 210
)

// batchCharts are the grades (as stated, as jixiao scores them, as the reviewer does), the
// findings by code, and the 偏离度 by budget unit.
func batchCharts(st *state, codes []codeCount, p *page) []chart {
	return []chart{
		gradesChart(st, p),
		findingsChart(codes, p),
		deviationChart(st, p),
	}
}

// series is one set of bars of a grouped chart.
type series struct {
	name  string
	class string
	count map[string]int
}

func gradesChart(st *state, p *page) chart {
	var grades []string
	seen := map[string]bool{}
	addGrade := func(g string) {
		if g != "" && !seen[g] {
			seen[g] = true
			grades = append(grades, g)
		}
	}
	for _, e := range st.entries {
		for _, g := range e.result.Project.Scoring.Grades {
			addGrade(g.Name)
		}
	}
	stated := series{name: p.T("自评", "Stated"), class: "s-stated", count: map[string]int{}}
	scored := series{name: p.T("计算", "jixiao"), class: "s-scored", count: map[string]int{}}
	review := series{name: p.T("复核", "Review"), class: "s-review", count: map[string]int{}}
	for _, e := range st.entries {
		r := e.result
		if g, ok := engine.CanonicalGrade(r.Project.Scoring.Grades, r.Project.Reported.Grade); ok {
			stated.count[g]++
		}
		if r.Exact || r.GradeMax == r.Grade {
			scored.count[r.Grade]++
		}
		if _, g, _ := reviewFigures(r); g != "" {
			review.count[g]++
		}
	}
	for _, s := range []series{stated, scored, review} {
		for g := range s.count {
			addGrade(g)
		}
	}
	return chart{
		Title: p.T("等次分布：自评、计算、复核", "Grades: stated, by jixiao, by the reviewer"),
		Note:  p.T("项目个数；总分为区间且跨等次的项目不计入“计算”", "projects; a total that is a range across grades is left out of “jixiao”"),
		SVG:   groupedBars(grades, []series{stated, scored, review}),
	}
}

// groupedBars draws, for each category, one bar per series, with the count above it.
func groupedBars(cats []string, ss []series) template.HTML {
	var b strings.Builder
	svgOpen(&b)
	peak := 1
	for _, s := range ss {
		for _, n := range s.count {
			peak = max(peak, n)
		}
	}
	const left, right, top, bottom = 12, 12, 34, 28
	plotH := float64(chartH - top - bottom)
	groupW := float64(chartW-left-right) / float64(max(len(cats), 1))
	barW := math.Min(28, (groupW-14)/float64(len(ss)))
	// legend
	for i, s := range ss {
		x := left + i*92
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="8" width="12" height="12"/><text class="legend" x="%d" y="18">%s</text>`,
			s.class, x, x+17, esc(s.name))
	}
	base := float64(chartH - bottom)
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, left, base, chartW-right, base)
	for ci, c := range cats {
		x0 := float64(left) + float64(ci)*groupW + (groupW-barW*float64(len(ss)))/2
		for si, s := range ss {
			n := s.count[c]
			h := plotH * float64(n) / float64(peak)
			x := x0 + float64(si)*barW
			fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s %s: %d</title></rect>`,
				s.class, x+1, base-h, barW-2, h, esc(s.name), esc(c), n)
			fmt.Fprintf(&b, `<text class="num" x="%.1f" y="%.1f" text-anchor="middle">%d</text>`, x+barW/2, base-h-4, n)
		}
		fmt.Fprintf(&b, `<text class="cat" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`,
			float64(left)+float64(ci)*groupW+groupW/2, base+18, esc(c))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// bar is one bar of a horizontal chart.
type bar struct {
	label string
	value float64
	text  string // the value as written beside the bar
	class string
	href  string // where the bar leads; "" for none
}

func findingsChart(codes []codeCount, p *page) chart {
	top := slices.Clone(codes)
	slices.SortStableFunc(top, func(a, b codeCount) int { return cmp.Compare(b.Count, a.Count) })
	if len(top) > 8 {
		top = top[:8]
	}
	bars := make([]bar, len(top))
	for i, c := range top {
		bars[i] = bar{label: c.Code, value: float64(c.Count), text: fmt.Sprint(c.Count), class: "b-" + c.Class,
			href: p.Href("/findings?code=" + c.Code)}
	}
	return chart{
		Title: p.T("问题最多的检查", "Findings by check"),
		Note:  p.T("问题条数；点击查看每一条", "findings; click for every one"),
		SVG:   hbars(bars, p.T("没有问题", "no findings")),
	}
}

func deviationChart(st *state, p *page) chart {
	type acc struct {
		sum float64
		n   int
	}
	units := map[string]*acc{}
	for _, e := range st.entries {
		_, _, dev := reviewFigures(e.result)
		if dev == nil {
			continue
		}
		u := e.row.Agency
		if u == "" {
			u = "—"
		}
		a := units[u]
		if a == nil {
			a = &acc{}
			units[u] = a
		}
		a.sum += *dev
		a.n++
	}
	var bars []bar
	for u, a := range units {
		avg := a.sum / float64(a.n)
		class := "b-cut"
		if avg < 0 {
			class = "b-raise"
		}
		bars = append(bars, bar{label: u, value: avg * 100, text: num.Format(avg*100, 2) + "%", class: class,
			href: p.Href("/?unit=" + url.QueryEscape(u) + "&sort=-deviation")})
	}
	slices.SortFunc(bars, func(a, b bar) int {
		return cmp.Or(cmp.Compare(math.Abs(b.value), math.Abs(a.value)), strings.Compare(a.label, b.label))
	})
	if len(bars) > 8 {
		bars = bars[:8]
	}
	return chart{
		Title: p.T("各单位平均偏离度", "Average deviation by unit"),
		Note:  p.T("偏离度 =（自评得分 − 复核得分）/ 自评得分；正值为复核扣分", "deviation = (stated − review) / stated; positive where the review cut"),
		SVG:   hbars(bars, p.T("尚无复核总分", "no review totals yet")),
	}
}

// hbars draws labelled horizontal bars, from a zero line (which sits left of centre when
// some values are negative), the value written at each bar's end.
func hbars(bars []bar, empty string) template.HTML {
	var b strings.Builder
	svgOpen(&b)
	if len(bars) == 0 {
		fmt.Fprintf(&b, `<text class="empty" x="%d" y="%d" text-anchor="middle">%s</text></svg>`, chartW/2, chartH/2, esc(empty))
		return template.HTML(b.String())
	}
	const labelW, textW, top = 172, 52, 8
	rowH := math.Min(24, float64(chartH-top-4)/float64(len(bars)))
	lo, hi := 0.0, 0.0
	for _, br := range bars {
		lo, hi = math.Min(lo, br.value), math.Max(hi, br.value)
	}
	span := hi - lo
	if span == 0 {
		span = 1
	}
	plotW := float64(chartW - labelW - textW)
	zero := float64(labelW) + plotW*(-lo)/span
	for i, br := range bars {
		y := float64(top) + float64(i)*rowH
		w := plotW * math.Abs(br.value) / span
		x := zero
		if br.value < 0 {
			x = zero - w
		}
		if br.href != "" {
			fmt.Fprintf(&b, `<a href="%s">`, esc(br.href))
		}
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%.1f">%s</text>`, labelW-6, y+rowH*0.68, esc(clip(br.label, 26)))
		fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %s</title></rect>`,
			br.class, x, y+3, math.Max(w, 1), rowH-6, esc(br.label), esc(br.text))
		// The value stands right of the bar, or right of the zero line for a negative one:
		// left of it are the labels.
		tx, anchor := x+w+4, "start"
		if br.value < 0 {
			tx = zero + 4
		}
		fmt.Fprintf(&b, `<text class="num" x="%.1f" y="%.1f" text-anchor="%s">%s</text>`, tx, y+rowH*0.68, anchor, esc(br.text))
		if br.href != "" {
			b.WriteString(`</a>`)
		}
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%.1f" y1="%d" x2="%.1f" y2="%.1f"/>`, zero, top, zero, float64(top)+rowH*float64(len(bars)))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func svgOpen(b *strings.Builder) {
	fmt.Fprintf(b, `<svg class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" xmlns="http://www.w3.org/2000/svg">`,
		chartW, chartH, chartW, chartH)
}

// esc escapes text for SVG (XML) content and attributes.
func esc(s string) string { return template.HTMLEscapeString(s) }

// clip shortens a label to n columns (a Chinese character takes two), with an ellipsis.
func clip(s string, n int) string {
	w := 0
	for i, r := range s {
		if r < 0x80 {
			w++
		} else {
			w += 2
		}
		if w > n {
			return s[:i] + "…"
		}
	}
	return s
}

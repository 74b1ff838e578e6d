package web

import (
	"strconv"
	"strings"

	"jixiao/internal/i18n"
	"jixiao/store"
)

// orphanView is a stored review that matches nothing read now: a project's (its file and
// name as the key holds them) or an indicator's (its headings and name). It is shown, never
// applied.
type orphanView struct {
	File, Name string // of a project record
	Place      bool   // kept by place (a store of schema 1) and not moved
	Reviewer   string
	Indicators []orphanIndicator
	Changed    stampView
}

type orphanIndicator struct {
	Name    string // the indicator as its ref names it
	Score   string
	Reason  string
	Changed stampView
}

// projectOrphan describes a project record no submission holds now.
func projectOrphan(rec store.Record, lang i18n.Lang) orphanView {
	v := orphanView{Place: rec.Positional, Reviewer: rec.Project.Reviewer, Changed: stamp(rec.Changed)}
	v.File, v.Name = splitKey(rec.Key, lang)
	for _, ir := range rec.Indicators {
		v.Indicators = append(v.Indicators, indicatorOrphan(ir, lang))
		if ir.Changed.At.After(rec.Changed.At) {
			v.Changed = stamp(ir.Changed)
		}
	}
	return v
}

func indicatorOrphan(ir store.IndicatorRecord, lang i18n.Lang) orphanIndicator {
	return orphanIndicator{Name: refName(ir.Ref, lang), Score: ir.Review.Score.String(), Reason: ir.Review.Reason,
		Changed: stamp(ir.Changed)}
}

// splitKey is the file and project a store key names (store.ProjectKey, store.PlaceKey).
func splitKey(key string, lang i18n.Lang) (file, name string) {
	if i := strings.LastIndex(key, "#p:"); i >= 0 {
		return key[:i], key[i+len("#p:"):]
	}
	if i := strings.LastIndex(key, "#"); i >= 0 {
		return key[:i], i18n.Pick(lang, "第 "+key[i+1:]+" 个项目", "project "+key[i+1:])
	}
	return key, ""
}

// refName is the indicator a store ref names (store.IndicatorRef, store.PlaceRef), as a
// reader knows it: "产出指标 / 数量指标 / 培训人数".
func refName(ref string, lang i18n.Lang) string {
	if rest, ok := strings.CutPrefix(ref, "i:"); ok {
		return strings.Join(strings.SplitN(rest, "/", 3), " / ")
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(ref, "#")); err == nil {
		return i18n.Pick(lang, "第 "+strconv.Itoa(n)+" 项指标（按位置保存）", "indicator "+strconv.Itoa(n)+" (kept by place)")
	}
	return ref
}

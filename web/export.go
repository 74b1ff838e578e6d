package web

import (
	"net/http"
	"net/url"
	"strconv"

	"jixiao/engine"
	"jixiao/internal/i18n"
	"jixiao/report"
)

// export writes the review workbook of the whole batch, every stored review applied, as
// check --format xlsx writes it: the submissions that could not be read named in it too. It is made whole in memory first: a failure is an
// error, never half a file.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	st, err := s.current(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	lang, _ := langOf(r)
	buf := getBuffer()
	defer putBuffer(buf)
	// Each submission in input order, as check files them: its projects, or why it could
	// not be read (the summary's block and the 问题清单 name it).
	out := report.NewStream(buf, report.Output{Format: "xlsx", Lang: lang})
	for _, src := range st.sources {
		results := make([]*engine.Result, len(src.projects))
		for i, e := range src.projects {
			results[i] = e.result
		}
		err := out.Add(results, nil, nil)
		if err == nil && src.err != nil {
			err = out.Fail(report.NewFailure(src.rel, 0, src.err))
		}
		if err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	if err := out.Close(); err != nil {
		s.failErr(w, r, err)
		return
	}
	name := i18n.Pick(lang, "复核", "review") + ".xlsx"
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="review.xlsx"; filename*=UTF-8''`+url.PathEscape(name))
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
}

package web

import (
	"net/http"
	"net/url"
	"strconv"

	"jixiao/internal/i18n"
	"jixiao/report"
)

// export writes the review workbook of the whole batch, every stored review applied, as
// check --format xlsx writes it. It is made whole in memory first: a failure is an
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
	if err := report.Workbook(buf, st.results(), lang); err != nil {
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

package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"jixiao/internal/i18n"
	"jixiao/store"
)

// routes maps the pages, the API and the export, each to its handler; nothing else is
// served (the style sheet and the script are embedded in the binary).
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.batchPage)
	mux.HandleFunc("GET /projects/{id}", s.projectPage)
	mux.HandleFunc("POST /projects/{id}/indicators/{n}/review", s.saveIndicatorForm)
	mux.HandleFunc("POST /projects/{id}/review", s.saveProjectForm)
	mux.HandleFunc("POST /projects/{id}/confirm", s.confirmForm)
	mux.HandleFunc("GET /findings", s.findingsPage)
	mux.HandleFunc("GET /api/projects", s.apiProjects)
	mux.HandleFunc("GET /api/projects/{id}", s.apiProject)
	mux.HandleFunc("PUT /api/projects/{id}/indicators/{n}/review", s.apiSaveIndicator)
	mux.HandleFunc("PUT /api/projects/{id}/review", s.apiSaveProject)
	mux.HandleFunc("PUT /api/projects/{id}/confirm", s.apiConfirm)
	mux.HandleFunc("GET /export.xlsx", s.export)
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	mux.HandleFunc("GET /", s.notFound)
	return s.guard(mux)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, http.StatusNotFound, msgNotFound)
}

// fail answers a request that cannot be served: a JSON {"error": "…"} for the API, a page
// for a person, the message in the request's language.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg i18n.Text) {
	lang, _ := langOf(r)
	text := msg.String(lang)
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/export.xlsx" && !acceptsHTML(r) {
		writeJSON(w, status, map[string]string{"error": text})
		return
	}
	var b bytes.Buffer
	p := s.newPage(r, i18n.T("出错了", "Something went wrong").String(lang), "")
	err := s.pages.ExecuteTemplate(&b, "error.html", errorPage{page: p, Status: status, Message: text})
	if err != nil {
		http.Error(w, text, status)
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// failErr answers with the right status for an error from the store or the request.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.fail(w, r, http.StatusRequestEntityTooLarge, i18n.T(msgTooLarge.Zh, msgTooLarge.En, MaxBody))
	case errors.Is(err, store.ErrBusy):
		s.fail(w, r, http.StatusServiceUnavailable, msgStoreBusy)
	case r.Context().Err() != nil:
		// The client went away or the server is stopping: nothing to tell anyone.
		w.WriteHeader(http.StatusServiceUnavailable)
	default:
		s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		s.fail(w, r, http.StatusInternalServerError, i18n.T(msgInternal.Zh, msgInternal.En, internalDetail(err)))
	}
}

func acceptsHTML(r *http.Request) bool { return strings.Contains(r.Header.Get("Accept"), "text/html") }

// writeJSON writes v as JSON with the status; v is encoded first, so an encoding error is
// a 500, never half a document.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// page is what every page shares: its language, title and links.
type page struct {
	Lang     i18n.Lang
	HTMLLang string // zh-CN or en
	Title    string
	Nav      string // the part of the site: batch, findings
	explicit bool   // the query chose the language: links carry it on
	path     string
	query    url.Values
	Read     time.Time // when the submissions were last looked at
	Token    string    // the form token of the page's own forms, when it has them
}

func (s *Server) newPage(r *http.Request, title, nav string) page {
	lang, explicit := langOf(r)
	p := page{Lang: lang, HTMLLang: "zh-CN", Title: title, Nav: nav, explicit: explicit,
		path: r.URL.Path, query: r.URL.Query()}
	if lang == i18n.En {
		p.HTMLLang = "en"
	}
	if st := s.cur.Load(); st != nil {
		p.Read = st.read
	}
	return p
}

// Href is path with the page's language carried on, when the query chose it.
func (p page) Href(path string) string {
	if !p.explicit {
		return path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "lang=" + langCode(p.Lang)
}

// Switch is this page in the other language.
func (p page) Switch() string {
	q := url.Values{}
	for k, v := range p.query {
		q[k] = v
	}
	if p.Lang == i18n.En {
		q.Set("lang", "zh")
	} else {
		q.Set("lang", "en")
	}
	return p.path + "?" + q.Encode()
}

// Explicit reports whether the query chose the page's language, and LangQuery is the
// query that carries it on ("?lang=en").
func (p page) Explicit() bool { return p.explicit }

func (p page) LangQuery() string { return "?lang=" + langCode(p.Lang) }

// English reports whether the page is in English.
func (p page) English() bool { return p.Lang == i18n.En }

// T is the page's text in its language.
func (p page) T(zh, en string) string { return i18n.Pick(p.Lang, zh, en) }

// Count is n things in the page's language, the English noun agreeing with n: "3 处错误",
// "1 error", "3 errors" (i18n.Count).
func (p page) Count(n int, zh, one, many string) string {
	return i18n.Count(n, zh, one, many).String(p.Lang)
}

// Colon and Paren are the punctuation of the page's language: "：" or ": ", "（3）" or " (3)".
func (p page) Colon() string { return p.T("：", ": ") }
func (p page) Paren(s any) string {
	return i18n.Pick(p.Lang, "（"+fmt.Sprint(s)+"）", " ("+fmt.Sprint(s)+")")
}

type errorPage struct {
	page
	Status  int
	Message string
}

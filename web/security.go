package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// Limits on a request. A review's fields are bounded by the store (store.MaxText each);
// a body holds at most one indicator's fields, JSON-escaped.
const (
	MaxBody        = 256 << 10 // bytes in a request body
	MaxHeaderBytes = 64 << 10  // bytes in a request's header
)

// tokenCookie carries the --token after the first request that gave it in the URL.
const tokenCookie = "jixiao_token"

// guard wraps the application in the checks every request passes, outermost first:
// security headers; the token, or, without one, a loopback Host (a page of another site
// that points a name of its own at 127.0.0.1 is refused); no write from another site
// (Origin and Sec-Fetch-Site); the body bounded.
func (s *Server) guard(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
			"form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")

		if s.opts.Token == "" {
			if !loopbackHost(r.Host) {
				s.fail(w, r, http.StatusForbidden, msgForeignHost)
				return
			}
		} else if !s.authorized(w, r) {
			return
		}
		if err := cop.Check(r); err != nil {
			s.fail(w, r, http.StatusForbidden, msgForeignOrigin)
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine's loopback interface.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// authorized checks the token: in an Authorization: Bearer header (scripts), in the cookie
// (browsers), or in ?token= (the link printed at start), which sets the cookie and is taken
// out of the address by a redirect. It answers the request itself when it is refused.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	want := []byte(s.opts.Token)
	same := func(got string) bool { return got != "" && subtle.ConstantTimeCompare([]byte(got), want) == 1 }
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && same(strings.TrimSpace(auth)) {
		return true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && same(c.Value) {
		return true
	}
	q := r.URL.Query()
	if same(q.Get("token")) && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.opts.Token, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		q.Del("token")
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		http.Redirect(w, r, u.String(), http.StatusSeeOther)
		return false
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="jixiao"`)
	s.fail(w, r, http.StatusUnauthorized, msgNeedToken)
	return false
}

// formToken is the token a page puts in its forms for the action it posts to: an HMAC
// of the action under the server's secret, so only a page this server rendered (since it
// started) can post it.
func (s *Server) formToken(action string) string {
	m := hmac.New(sha256.New, s.secret)
	m.Write([]byte("form\x00" + action))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// postedForm parses a form posted to action and checks its token, answering the request
// itself (and reporting false) when either fails.
func (s *Server) postedForm(w http.ResponseWriter, r *http.Request, action string) bool {
	if err := r.ParseForm(); err != nil {
		s.failErr(w, r, err)
		return false
	}
	if !s.formTokenOK(action, r.PostForm.Get("_token")) {
		s.fail(w, r, http.StatusForbidden, msgBadFormToken)
		return false
	}
	return true
}

// formTokenOK checks a form's token against the action it was posted to.
func (s *Server) formTokenOK(action, token string) bool {
	return hmac.Equal([]byte(s.formToken(action)), []byte(token))
}

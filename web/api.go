package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/store"
)

// apiListItem is a project as GET /api/projects lists it.
type apiListItem struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Agency        string   `json:"agency"`
	Total         *float64 `json:"total"` // null when the total is a range
	Grade         string   `json:"grade"`
	ReportedTotal *float64 `json:"reported_total"` // the 自评得分 stated (text, else the table's total)
	ReviewTotal   *float64 `json:"review_total"`   // the reviewer's 复核总分; null until every indicator has its score
	ReviewGrade   *string  `json:"review_grade"`
	Deviation     *float64 `json:"deviation"` // 偏离度, a fraction, 4 decimals
	Errors        int      `json:"errors"`
	Warnings      int      `json:"warnings"`
}

// apiProjects lists the projects in input order; the batch page's ?unit=, ?change=,
// ?code=, ?q= and ?sort= apply too.
func (s *Server) apiProjects(w http.ResponseWriter, r *http.Request) {
	st, err := s.current(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	q := r.URL.Query()
	if q.Get("sort") == "" {
		q.Set("sort", "file")
	}
	rows := readBatchQuery(q).rows(st)
	out := make([]apiListItem, len(rows))
	for i, rw := range rows {
		it := apiListItem{ID: rw.ID, Name: rw.Name, Agency: rw.Agency, Total: rw.total, Grade: rw.Grade,
			ReportedTotal: rw.reported, ReviewTotal: rw.review, Errors: rw.Errors, Warnings: rw.Warns}
		if rw.deviation != nil { // 4 decimals of a fraction, as check --format json gives it
			it.Deviation = ptr(num.Round(*rw.deviation, 4))
		}
		if it.Total == nil { // a range: the grade of its lower end, as the JSON output gives it
			it.Grade = st.byID[rw.ID].result.Grade
		}
		if rw.reviewGrade != "" {
			it.ReviewGrade = &rw.reviewGrade
		}
		out[i] = it
	}
	writeJSON(w, http.StatusOK, out)
}

// apiProject is the project as check --format json gives it, with each indicator's review.
func (s *Server) apiProject(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	lang, _ := langOf(r)
	writeJSON(w, http.StatusOK, projectJSON(e, lang))
}

// apiReviewBody is the body of PUT /api/projects/{id}/indicators/{n}/review. Score is a
// number, a string holding one, or null (not scored); actual is the 复核完成值, optional.
type apiReviewBody struct {
	Score    json.RawMessage `json:"score"`
	Actual   string          `json:"actual"`
	Reason   string          `json:"reason"`
	Rule     string          `json:"rule"`
	Note     string          `json:"note"`
	Reviewer string          `json:"reviewer"`
	apiSeen
}

// apiSeen is what a client was shown, optional in a save's body: the submission's
// "version" and the record's "changed" time (both as GET gives them; "" for a record never
// changed). A save whose version or changed time is no longer the current one is refused
// with 409; a body without them saves whatever the current ones are.
type apiSeen struct {
	Version *string `json:"version"`
	Changed *string `json:"changed"`
}

// apiProjectBody is the body of PUT /api/projects/{id}/review: the 复核人 (who also makes
// the change) and the 复核日期.
type apiProjectBody struct {
	Reviewer string `json:"reviewer"`
	Date     string `json:"date"`
	apiSeen
}

// decodeBody reads one JSON object into v; unknown keys and trailing data are errors.
func decodeBody(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("more than one JSON value")
	}
	return nil
}

// badBody answers a body that could not be read: 413 when too large, else 400 saying
// what is wrong with it: a key the request does not take (keys lists those it does), a
// value of the wrong kind, or text that is not JSON.
func (s *Server) badBody(w http.ResponseWriter, r *http.Request, err error, keys ...string) {
	var tooLarge *http.MaxBytesError
	var wrongType *json.UnmarshalTypeError
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &tooLarge):
		s.failErr(w, r, err)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json names an unknown key only in its message.
		key := strings.TrimPrefix(err.Error(), "json: unknown field ")
		s.fail(w, r, http.StatusBadRequest, i18n.T(msgUnknownKey.Zh, msgUnknownKey.En, key, strings.Join(keys, ", ")))
	case errors.As(err, &wrongType):
		kind := i18n.T("文字", "text")
		if wrongType.Type.Kind() != reflect.String {
			kind = i18n.T("%s", "%s", wrongType.Type.String())
		}
		s.fail(w, r, http.StatusBadRequest, i18n.T(msgBadJSONValue.Zh, msgBadJSONValue.En, strconv.Quote(wrongType.Field), kind.String(langOr(r))))
	case errors.As(err, &syntax):
		s.fail(w, r, http.StatusBadRequest, i18n.T(msgBadJSON.Zh, msgBadJSON.En,
			i18n.T("第 %d 个字节处语法有误", "a syntax error at byte %d", syntax.Offset).String(langOr(r))))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		s.fail(w, r, http.StatusBadRequest, i18n.T(msgBadJSON.Zh, msgBadJSON.En,
			i18n.T("正文为空或不完整", "the body is empty or cut short").String(langOr(r))))
	default:
		s.fail(w, r, http.StatusBadRequest, i18n.T(msgBadJSON.Zh, msgBadJSON.En,
			i18n.T("多于一个 JSON 值", "more than one JSON value").String(langOr(r))))
	}
}

// langOr is the request's language.
func langOr(r *http.Request) i18n.Lang {
	lang, _ := langOf(r)
	return lang
}

// The keys each body takes, for the message of one that has another.
var (
	reviewKeys  = []string{"score", "actual", "reason", "rule", "note", "reviewer", "version", "changed"}
	projectKeys = []string{"reviewer", "date", "version", "changed"}
	confirmKeys = []string{"reviewer", "version"}
)

// scoreText is the score of a body as text: "" for absent or null.
func scoreText(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", true
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return string(raw), false
		}
		return s, true
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		return string(raw), true
	}
	return string(raw), false
}

func (s *Server) apiSaveIndicator(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	n, ok := s.indicatorN(w, r, e)
	if !ok {
		return
	}
	var body apiReviewBody
	if err := decodeBody(r, &body); err != nil {
		s.badBody(w, r, err, reviewKeys...)
		return
	}
	score, isNum := scoreText(body.Score)
	if !isNum {
		s.fail(w, r, http.StatusBadRequest, i18n.T(msgScoreNotNumber.Zh, msgScoreNotNumber.En, score))
		return
	}
	// JSON writes 1e1; the store keeps decimals as people write them.
	score = expandExponent(score)
	in := reviewInput{Actual: body.Actual, Score: score, Reason: body.Reason, Rule: body.Rule, Note: body.Note, Reviewer: body.Reviewer}
	if m, code := outdated(e, body.Version, body.Changed, e.indicatorStamp(n)); code != 0 {
		s.fail(w, r, code, m)
		return
	}
	rec, msg := checkReview(e, n, in)
	if msg != nil {
		s.fail(w, r, http.StatusBadRequest, *msg)
		return
	}
	_, err := s.store.SaveIndicators(r.Context(), e.key, []store.Entry{{N: n, Ref: e.refs[n-1], Review: rec, Since: sinceTime(body.Changed)}},
		store.Author{Name: strings.TrimSpace(body.Reviewer), Fingerprint: e.fingerprint})
	s.savedJSON(w, r, e.id, err)
}

func (s *Server) apiSaveProject(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	var body apiProjectBody
	if err := decodeBody(r, &body); err != nil {
		s.badBody(w, r, err, projectKeys...)
		return
	}
	if m, code := outdated(e, body.Version, body.Changed, e.record.Changed); code != 0 {
		s.fail(w, r, code, m)
		return
	}
	name := strings.TrimSpace(body.Reviewer)
	if name == "" {
		s.fail(w, r, http.StatusBadRequest, msgNeedReviewer)
		return
	}
	_, err := s.store.SaveProject(r.Context(), e.key, store.Project{Reviewer: name, Date: strings.TrimSpace(body.Date)},
		store.Author{Name: name, Fingerprint: e.fingerprint})
	s.savedJSON(w, r, e.id, err)
}

// apiConfirmBody is the body of PUT /api/projects/{id}/confirm: who confirms, and
// optionally the submission's version they checked (apiSeen).
type apiConfirmBody struct {
	Reviewer string  `json:"reviewer"`
	Version  *string `json:"version"`
}

// apiConfirm confirms every indicator review of the project against the submission as it
// is now; no review changes.
func (s *Server) apiConfirm(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	var body apiConfirmBody
	if err := decodeBody(r, &body); err != nil {
		s.badBody(w, r, err, confirmKeys...)
		return
	}
	if m, code := outdated(e, body.Version, nil, store.Stamp{}); code != 0 {
		s.fail(w, r, code, m)
		return
	}
	name := strings.TrimSpace(body.Reviewer)
	if name == "" {
		s.fail(w, r, http.StatusBadRequest, msgNeedReviewer)
		return
	}
	_, err := s.store.Confirm(r.Context(), e.key, store.Author{Name: name, Fingerprint: e.fingerprint})
	s.savedJSON(w, r, e.id, err)
}

// savedJSON answers a save: a record the store refused with its message (400), another
// failure as a server error, else the project as it now stands (as GET gives it).
func (s *Server) savedJSON(w http.ResponseWriter, r *http.Request, id string, err error) {
	if m, bad := changedSince(err); bad {
		s.fail(w, r, http.StatusConflict, m)
		return
	} else if m, bad := invalid(err); bad {
		s.fail(w, r, http.StatusBadRequest, m)
		return
	} else if err != nil {
		s.failErr(w, r, err)
		return
	}
	st, err := s.current(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	e, ok := st.byID[id]
	if !ok { // the submission vanished between the save and now; the save stands
		writeJSON(w, http.StatusOK, map[string]string{"id": id})
		return
	}
	lang, _ := langOf(r)
	writeJSON(w, http.StatusOK, projectJSON(e, lang))
}

// expandExponent writes a JSON number with an exponent (1.5e1) as a plain decimal, which
// the store reads; other text is left as it is.
func expandExponent(s string) string {
	if !strings.ContainsAny(s, "eE") {
		return s
	}
	var f json.Number = json.Number(s)
	x, err := f.Float64()
	if err != nil {
		return s
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.9f", x), "0"), ".")
}

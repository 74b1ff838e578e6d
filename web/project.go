package web

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/report"
	"jixiao/store"
)

// saverCookie remembers, in the browser, the name of who saves reviews there.
const saverCookie = "jixiao_reviewer"

type projectPage struct {
	page
	Row        *row
	Table      report.TableView
	Indicators []indicatorView
	Findings   []findingView // the project's own findings (not of one indicator)
	Stale      bool          // some indicator's review was recorded against another version
	// ConfirmAction and ConfirmToken are the form that confirms every review at once.
	ConfirmAction, ConfirmToken string
	Last                        store.Seen // the submission as the review last saw it
	Reviewer                    string     // 复核人 and 复核日期 as recorded for the report
	Date                        string
	Changed                     stampView
	Action                      string // the project form's action and token
	FormToken                   string
	// Version is the submission's fingerprint the page shows, and Since the Changed stamp
	// of the 复核人/复核日期 it shows (stampToken): the forms send both back, and a save
	// from a page of another version, or over another reviewer's later change, is refused.
	Version, Since string
	Error          string // a refused save of the project form
	History        []changeView
	Saver          string // who saves, as this browser remembers
	Saved          int    // the indicator just saved (1-based), 0 for none; -1 the project form
	// Orphans are the project's stored indicator reviews that match none of its indicators
	// (renamed or removed): shown, not counted. FileOrphans are the records of projects of
	// the same file that match no project of it now (a project renamed).
	Orphans     []orphanIndicator
	FileOrphans []orphanView
	// Labels name the review's fields as the file format does (indicators.Fields):
	// actual, score, reason, rule, note of an indicator; name and date of the reviewer.
	Labels map[string]string
	// The table's execution and total rows, as cells to write.
	Execution, Total []cellView
}

// cellView is one cell of the table as written: its class (its column, and disputed) and
// its text (a disputed figure marked *, as the text output marks it).
type cellView struct {
	Class, Text string
}

func cellViews(row report.TableRow) []cellView {
	out := make([]cellView, len(row.Cells))
	for k, c := range row.Cells {
		out[k] = cellView{Class: columnClass[k], Text: c}
		if k == report.ColReported && row.Disputed {
			out[k] = cellView{Class: columnClass[k] + " disputed", Text: "*" + c}
		}
	}
	return out
}

var columnClass = []string{"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12"}

type indicatorView struct {
	N          int
	Stale      bool // its review was recorded against another version of the submission
	Row        report.TableRow
	Cells      []cellView
	Applicable bool
	Weight     string
	Findings   []findingView
	Criterion  string
	Tiers      []tierView
	Review     reviewValues
	Rules      []ruleOption
	Changed    stampView
	Action     string
	FormToken  string
	Since      string // the Changed stamp of the review shown (stampToken)
	Error      string
	History    []changeView
}

// ruleOption is one review rule (复核口径) of the form's choice.
type ruleOption struct {
	Code, Title string
	Selected    bool
}

// ruleOptions are the rules in force for r, the one chosen marked; a chosen code that is
// not among them is kept, marked as unknown (review-rule-unknown says so too).
func ruleOptions(r *engine.Result, chosen string, lang i18n.Lang) []ruleOption {
	var out []ruleOption
	found := chosen == ""
	for i := range r.Rules {
		rule := &r.Rules[i]
		out = append(out, ruleOption{Code: rule.Code, Title: engine.RuleTitle(rule, lang), Selected: rule.Code == chosen})
		found = found || rule.Code == chosen
	}
	if !found {
		out = append(out, ruleOption{Code: chosen, Title: i18n.Pick(lang, "不在口径清单中", "not in the list of rules"), Selected: true})
	}
	return out
}

// fieldLabels are the labels of the review's keys in the file format, in lang.
func fieldLabels(lang i18n.Lang) map[string]string {
	out := map[string]string{}
	for _, f := range indicators.Fields {
		switch f.In {
		case "indicator.review":
			out[f.Key] = f.Label.String(lang)
		case "reviewer":
			out["reviewer."+f.Key] = f.Label.String(lang)
		}
	}
	return out
}

type tierView struct {
	Text  string
	Fired bool
}

// reviewValues are an indicator's review as the form shows it.
type reviewValues struct {
	Actual, Score, Reason, Rule, Note string
}

type findingView struct {
	Severity string // the label, in the page's language
	Class    string // error, warning, info
	Code     string
	Message  string
	Hint     string
	Where    string
}

type stampView struct {
	By string
	At string // local time, to the minute; "" when never
}

type changeView struct {
	At, By     string
	N          int
	Field      string
	Old, New   string
	Submission bool // the change is of the submission's fingerprint
}

func stamp(s store.Stamp) stampView {
	if s.At.IsZero() {
		return stampView{}
	}
	return stampView{By: s.By, At: localTime(s.At)}
}

func localTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// findingViews renders the findings of r about indicator i (−1: the project) through
// report.Message, as every output does.
func findingViews(r *engine.Result, i int, lang i18n.Lang) []findingView {
	var out []findingView
	for k := range r.Findings {
		f := &r.Findings[k]
		if f.Indicator != i {
			continue
		}
		msg, hint := report.Message(r, f, lang)
		out = append(out, findingView{Severity: report.SeverityLabel(f.Severity, lang), Class: severityClass(f.Severity),
			Code: string(f.Code), Message: msg, Hint: hint, Where: r.Pos(f).String()})
	}
	return out
}

// lookup finds the project of the request's {id}, answering the request when there is none.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) (*state, *entry, bool) {
	st, err := s.current(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return nil, nil, false
	}
	id := r.PathValue("id")
	e, ok := st.byID[id]
	if !ok {
		s.fail(w, r, http.StatusNotFound, i18n.T(msgNoProject.Zh, msgNoProject.En, id))
		return nil, nil, false
	}
	return st, e, true
}

// indicatorN reads the request's {n}, 1-based, answering the request when it names no
// indicator of e.
func (s *Server) indicatorN(w http.ResponseWriter, r *http.Request, e *entry) (int, bool) {
	raw := r.PathValue("n")
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > len(e.result.Indicators) {
		s.fail(w, r, http.StatusNotFound, i18n.T(msgNoIndicator.Zh, msgNoIndicator.En, raw, len(e.result.Indicators)))
		return 0, false
	}
	return n, true
}

func (s *Server) projectPage(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	p, err := s.newProjectPage(r, e)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if v, err := strconv.Atoi(r.URL.Query().Get("saved")); err == nil {
		p.Saved = v
	}
	s.render(w, r, "project.html", p)
}

func (s *Server) newProjectPage(r *http.Request, e *entry) (*projectPage, error) {
	res := e.result
	p := &projectPage{page: s.newPage(r, e.row.Name, "batch"), Row: e.row}
	lang := p.Lang
	p.Labels = fieldLabels(lang)
	p.Table = report.Table(res, lang, true)
	p.Total = cellViews(p.Table.Total)
	if p.Table.Execution != nil {
		p.Execution = cellViews(*p.Table.Execution)
	}
	p.Findings = findingViews(res, -1, lang)
	rec := e.record
	p.Stale = e.stale()
	p.ConfirmAction = "/projects/" + e.id + "/confirm"
	p.ConfirmToken = s.formToken(p.ConfirmAction)
	p.Last = rec.Last
	p.Reviewer, p.Date = rec.Project.Reviewer, rec.Project.Date
	p.Changed = stamp(rec.Changed)
	p.Version, p.Since = e.fingerprint, stampToken(rec.Changed)
	for _, ir := range e.orphans {
		p.Orphans = append(p.Orphans, indicatorOrphan(ir, lang))
	}
	for _, o := range s.cur.Load().orphans {
		if file, _ := splitKey(o.Key, lang); file == e.rel {
			p.FileOrphans = append(p.FileOrphans, projectOrphan(o, lang))
		}
	}
	p.Action = "/projects/" + e.id + "/review"
	p.FormToken = s.formToken(p.Action)
	if c, err := r.Cookie(saverCookie); err == nil {
		p.Saver, _ = url.QueryUnescape(c.Value)
	}
	history, err := s.store.ProjectHistory(r.Context(), e.key)
	if err != nil {
		return nil, err
	}
	byRef := map[string][]changeView{}
	for i := len(history) - 1; i >= 0; i-- { // newest first
		c := history[i]
		cv := changeView{At: localTime(c.At), By: c.By, N: c.N, Field: fieldLabel(c.Field, p.Labels, lang), Old: c.Old, New: c.New,
			Submission: c.Field == store.FieldFingerprint}
		if cv.Submission {
			cv.Old, cv.New = short(c.Old), short(c.New)
			if c.N > 0 { // the indicator's review saved or confirmed against another version
				cv.Field = i18n.Pick(lang, "核对确认（自评表版本）", "checked against (submission)")
			}
		}
		if c.N == 0 {
			p.History = append(p.History, cv)
		} else {
			byRef[c.Ref] = append(byRef[c.Ref], cv)
		}
	}
	d := res.Project.Scoring.Decimals
	p.Indicators = make([]indicatorView, len(res.Indicators))
	for i := range res.Indicators {
		ir := &res.Indicators[i]
		ind := ir.Indicator
		n := i + 1
		iv := indicatorView{N: n, Stale: e.staleAt(i), Row: p.Table.Rows[i], Cells: cellViews(p.Table.Rows[i]), Applicable: ind.Applicable, Weight: num.Short(ind.Weight, d),
			Findings: findingViews(res, i, lang), Criterion: ind.Criterion, History: byRef[e.refs[i]]}
		for k, t := range report.Tiers(res, i, lang) {
			iv.Tiers = append(iv.Tiers, tierView{Text: t, Fired: ir.Tier == k+1})
		}
		if ir, ok := rec.Indicator(e.refs[i]); ok {
			iv.Review = reviewValues{Actual: ir.Review.Actual, Score: ir.Review.Score.String(), Reason: ir.Review.Reason,
				Rule: ir.Review.Rule, Note: ir.Review.Note}
			iv.Changed = stamp(ir.Changed)
			iv.Since = stampToken(ir.Changed)
		}
		iv.Rules = ruleOptions(res, iv.Review.Rule, lang)
		iv.Action = fmt.Sprintf("/projects/%s/indicators/%d/review", e.id, n)
		iv.FormToken = s.formToken(iv.Action)
		p.Indicators[i] = iv
	}
	return p, nil
}

// short is the beginning of a fingerprint, as a person compares them.
func short(fp string) string {
	if len(fp) > 12 {
		return fp[:12]
	}
	return fp
}

// fieldLabel names a field of the audit: a review key by its label in labels (fieldLabels,
// the file format's, as the form has them), the two fields only the audit has by their own.
func fieldLabel(field string, labels map[string]string, lang i18n.Lang) string {
	switch field {
	case store.FieldReviewer:
		field = "reviewer.name"
	case store.FieldDate:
		field = "reviewer.date"
	case store.FieldFingerprint:
		return i18n.Pick(lang, "自评表（文件指纹）", "submission (fingerprint)")
	case store.FieldMoved:
		return i18n.Pick(lang, "复核记录改按名称对应", "record now kept by name")
	}
	if label, ok := labels[field]; ok {
		return label
	}
	return field
}

// reviewInput is an indicator's review as a form or the API sends it.
type reviewInput struct {
	Actual, Score, Reason, Rule, Note string
	Reviewer                          string
}

// checkReview turns what was sent into the record to store, or says, in the reviewer's
// words, why it cannot be: a score that is not a number, below 0 or above the weight, or
// no name of who saves.
func checkReview(e *entry, n int, in reviewInput) (store.Indicator, *i18n.Text) {
	ind := e.result.Indicators[n-1].Indicator
	rec := store.Indicator{Actual: strings.TrimSpace(in.Actual), Reason: strings.TrimSpace(in.Reason),
		Rule: strings.TrimSpace(in.Rule), Note: strings.TrimSpace(in.Note)}
	text := strings.TrimSpace(in.Score)
	sc, err := store.ParseScore(scoreAsWritten(text))
	if err != nil {
		m := i18n.T(msgScoreNotNumber.Zh, msgScoreNotNumber.En, text)
		return rec, &m
	}
	if x, ok := sc.Float64(); ok {
		d := e.result.Project.Scoring.Decimals
		// Kept as the engine counts it: half-up to the file's decimals (9.995 is 10.00).
		if sc, err = store.ScoreOf(x, d); err != nil {
			m := i18n.T(msgScoreNotNumber.Zh, msgScoreNotNumber.En, text)
			return rec, &m
		}
		x, _ = sc.Float64()
		switch {
		case x < 0:
			m := i18n.T(msgScoreNegative.Zh, msgScoreNegative.En, sc.String())
			return rec, &m
		case x > ind.Weight+1e-9:
			m := i18n.T(msgScoreOverWeight.Zh, msgScoreOverWeight.En, sc.String(), num.Short(ind.Weight, d))
			return rec, &m
		}
	}
	rec.Score = sc
	if strings.TrimSpace(in.Reviewer) == "" {
		m := msgNeedReviewer
		return rec, &m
	}
	return rec, nil
}

// scoreAsWritten is a 复核得分 as a reviewer types it with a Chinese input method, made
// plain: full-width digits and point (９.５), a trailing 分 ("9.5分", "９．５ 分").
func scoreAsWritten(s string) string {
	s = num.Normalize(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "分"))
	return s
}

// invalid is the reviewer's message of a store error that refused an argument, if it is
// one.
func invalid(err error) (i18n.Text, bool) {
	var se *store.Error
	if errors.Is(err, store.ErrInvalid) && errors.As(err, &se) && !se.Msg.IsZero() {
		return se.Msg, true
	}
	return i18n.Text{}, false
}

func (s *Server) saveIndicatorForm(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	n, ok := s.indicatorN(w, r, e)
	if !ok {
		return
	}
	if !s.postedForm(w, r, fmt.Sprintf("/projects/%s/indicators/%d/review", e.id, n)) {
		return
	}
	f := r.PostForm
	in := reviewInput{Actual: f.Get("actual"), Score: f.Get("score"), Reason: f.Get("reason"), Rule: f.Get("rule"),
		Note: f.Get("note"), Reviewer: f.Get("reviewer")}
	status := http.StatusBadRequest
	rec, msg := checkReview(e, n, in)
	if m, code := outdated(e, formVersion(f), formValue(f, "since"), e.indicatorStamp(n)); code != 0 {
		rec, msg, status = store.Indicator{}, &m, code
	}
	if msg == nil {
		_, err := s.store.SaveIndicators(r.Context(), e.key, []store.Entry{{N: n, Ref: e.refs[n-1], Review: rec, Since: sinceTime(formValue(f, "since"))}},
			store.Author{Name: strings.TrimSpace(in.Reviewer), Fingerprint: e.fingerprint})
		if m, bad := changedSince(err); bad {
			msg, status = &m, http.StatusConflict
		} else if m, bad := invalid(err); bad {
			msg = &m
		} else if err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	if msg != nil {
		s.refuseForm(w, r, status, e, n, in, store.Project{}, *msg)
		return
	}
	rememberSaver(w, strings.TrimSpace(in.Reviewer))
	http.Redirect(w, r, s.back(r, e, n), http.StatusSeeOther)
}

// back is the project page after a save, at the indicator saved (0: the project form).
func (s *Server) back(r *http.Request, e *entry, n int) string {
	p := s.newPage(r, "", "")
	saved, anchor := strconv.Itoa(n), fmt.Sprintf("#ind-%d", n)
	if n == 0 {
		saved, anchor = "-1", "#review"
	}
	return p.Href("/projects/"+e.id+"?saved="+saved) + anchor
}

// refuseForm shows the project page again with what was entered and why it was refused,
// with the status (400, or 409 for a page of another version or record): for indicator n, or for the
// project's own form (n 0, with proj).
func (s *Server) refuseForm(w http.ResponseWriter, r *http.Request, status int, e *entry, n int, in reviewInput, proj store.Project, msg i18n.Text) {
	p, err := s.newProjectPage(r, e)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	text := msg.String(p.Lang)
	if n == 0 {
		p.Reviewer, p.Date, p.Error = proj.Reviewer, proj.Date, text
	} else {
		iv := &p.Indicators[n-1]
		iv.Review = reviewValues{Actual: in.Actual, Score: in.Score, Reason: in.Reason, Rule: in.Rule, Note: in.Note}
		iv.Rules = ruleOptions(e.result, in.Rule, p.Lang)
		iv.Error = text
	}
	if in.Reviewer != "" {
		p.Saver = in.Reviewer
	}
	s.renderStatus(w, r, status, "project.html", p)
}

// saveProjectForm saves the 复核人 and 复核日期; who saves is the page's name field, else
// the reviewer named.
func (s *Server) saveProjectForm(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	if !s.postedForm(w, r, "/projects/"+e.id+"/review") {
		return
	}
	f := r.PostForm
	proj := store.Project{Reviewer: strings.TrimSpace(f.Get("reviewer")), Date: strings.TrimSpace(f.Get("date"))}
	who := cmp.Or(strings.TrimSpace(f.Get("saver")), proj.Reviewer)
	in := reviewInput{Reviewer: who}
	if m, code := outdated(e, formVersion(f), formValue(f, "since"), e.record.Changed); code != 0 {
		s.refuseForm(w, r, code, e, 0, in, proj, m)
		return
	}
	if who == "" {
		s.refuseForm(w, r, http.StatusBadRequest, e, 0, in, proj, msgNeedReviewer)
		return
	}
	_, err := s.store.SaveProject(r.Context(), e.key, proj, store.Author{Name: who, Fingerprint: e.fingerprint})
	if m, bad := invalid(err); bad {
		s.refuseForm(w, r, http.StatusBadRequest, e, 0, in, proj, m)
		return
	} else if err != nil {
		s.failErr(w, r, err)
		return
	}
	rememberSaver(w, who)
	http.Redirect(w, r, s.back(r, e, 0), http.StatusSeeOther)
}

// confirmForm confirms every indicator review of the project against the submission as
// it is now (the reviewer has checked them): no review changes.
func (s *Server) confirmForm(w http.ResponseWriter, r *http.Request) {
	_, e, ok := s.lookup(w, r)
	if !ok {
		return
	}
	if !s.postedForm(w, r, "/projects/"+e.id+"/confirm") {
		return
	}
	who := strings.TrimSpace(r.PostForm.Get("saver"))
	proj := store.Project{Reviewer: e.record.Project.Reviewer, Date: e.record.Project.Date}
	if m, code := outdated(e, formVersion(r.PostForm), nil, store.Stamp{}); code != 0 {
		s.refuseForm(w, r, code, e, 0, reviewInput{}, proj, m)
		return
	}
	if who == "" {
		s.refuseForm(w, r, http.StatusBadRequest, e, 0, reviewInput{}, proj, msgNeedReviewer)
		return
	}
	if _, err := s.store.Confirm(r.Context(), e.key, store.Author{Name: who, Fingerprint: e.fingerprint}); err != nil {
		s.failErr(w, r, err)
		return
	}
	rememberSaver(w, who)
	http.Redirect(w, r, s.back(r, e, 0), http.StatusSeeOther)
}

// stampToken is a record's Changed stamp as a form or the API carries it: its time in
// RFC 3339 (as the API's "changed.at"), "" when never changed.
func stampToken(st store.Stamp) string {
	if st.At.IsZero() {
		return ""
	}
	return st.At.UTC().Format(time.RFC3339Nano)
}

// formVersion is the submission's version a page's form was shown (projectPage.Version):
// every page sends it, so a form without it is of no version and refused.
func formVersion(f url.Values) *string {
	v := f.Get("version")
	return &v
}

// formValue is the value of a form's field, nil when the form has no such field.
func formValue(f url.Values, key string) *string {
	v, ok := f[key]
	if !ok || len(v) == 0 {
		return nil
	}
	return &v[0]
}

// indicatorStamp is the Changed stamp of indicator n's review (1-based), zero when none is
// stored.
func (e *entry) indicatorStamp(n int) store.Stamp {
	ir, _ := e.record.Indicator(e.refs[n-1])
	return ir.Changed
}

// outdated says why a save made from what a page (or an API client) was shown must be
// refused with 409: version, the submission's fingerprint shown, is not the current one;
// or since, the Changed stamp of the record shown (stampToken), is not now's, another
// reviewer having saved it since (400 when since is not a time). A nil value is not
// checked, so a client that sends neither saves as before. Status 0: nothing outdated.
func outdated(e *entry, version, since *string, now store.Stamp) (i18n.Text, int) {
	if version != nil && strings.TrimSpace(*version) != e.fingerprint {
		return msgSubmissionChanged, http.StatusConflict
	}
	if since == nil {
		return i18n.Text{}, 0
	}
	shown := strings.TrimSpace(*since)
	switch {
	case shown == "" && now.At.IsZero():
		return i18n.Text{}, 0
	case shown != "":
		t, err := time.Parse(time.RFC3339Nano, shown)
		if err != nil {
			return i18n.T(msgBadChanged.Zh, msgBadChanged.En, shown), http.StatusBadRequest
		}
		if t.Equal(now.At) {
			return i18n.Text{}, 0
		}
	}
	if now.At.IsZero() {
		return msgReviewChangedAway, http.StatusConflict
	}
	return i18n.T(msgReviewChanged.Zh, msgReviewChanged.En, now.By, localTime(now.At)), http.StatusConflict
}

// sinceTime is the Changed time a client was shown, for the store to compare in its
// transaction: nil when none was sent (or it is not a time, which outdated refused).
func sinceTime(since *string) *time.Time {
	if since == nil {
		return nil
	}
	var t time.Time
	if shown := strings.TrimSpace(*since); shown != "" {
		var err error
		if t, err = time.Parse(time.RFC3339Nano, shown); err != nil {
			return nil
		}
	}
	return &t
}

// changedSince is the reviewer's message of a save the store refused because another
// reviewer's save landed first (after outdated's look, within the same moments).
func changedSince(err error) (i18n.Text, bool) {
	var se *store.Error
	if !errors.Is(err, store.ErrChanged) || !errors.As(err, &se) {
		return i18n.Text{}, false
	}
	if se.Now.At.IsZero() {
		return msgReviewChangedAway, true
	}
	return i18n.T(msgReviewChanged.Zh, msgReviewChanged.En, se.Now.By, localTime(se.Now.At)), true
}

// rememberSaver keeps who saved in a cookie, so the next page fills in the name.
func rememberSaver(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: saverCookie, Value: url.QueryEscape(name), Path: "/",
		MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteStrictMode, HttpOnly: true})
}

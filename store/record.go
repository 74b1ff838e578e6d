package store

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jixiao/internal/i18n"
	"jixiao/internal/num"
)

// Limits on what the store keeps. A value beyond them is refused with ErrInvalid, so a
// runaway client cannot fill the disk one field at a time.
const (
	MaxText        = 16 << 10 // bytes in one text field (完成值, 理由, 口径, 备注, 复核人, 日期)
	MaxKey         = 1 << 10  // bytes in a project key
	MaxName        = 200      // bytes in the name of who saves
	MaxFingerprint = 128      // bytes in a submission's fingerprint
	MaxIndicator   = 9999     // the largest indicator number (1-based, inclusive)
	maxIntDigits   = 12       // digits before the point in a Score
)

// Indicator is a reviewer's 复核 of one indicator: what they enter.
type Indicator struct {
	Actual string // 复核完成值, the completion value as the reviewer typed it ("98%", "12 个")
	Score  Score  // 复核得分 in points; the zero Score means not scored yet
	Reason string // 扣分理由, why points were cut
	Rule   string // 复核口径, the code of the review rule the cut follows
	Note   string // 备注
}

// IsZero reports whether nothing is entered.
func (r Indicator) IsZero() bool { return r == Indicator{} }

// Project is a reviewer's 复核 of a project as a whole: what they enter.
type Project struct {
	Reviewer string // 复核人, the reviewer's name as it goes on the report
	Date     string // 复核日期 as the reviewer gives it ("2024-05-20")
}

// Author says who saves and what they were looking at.
type Author struct {
	Name string // the person saving; required, kept in the audit
	// Fingerprint is the submission's fingerprint as the reviewer saw it (see Fingerprint).
	// Empty means unknown: the project's last fingerprint is then left as it was.
	Fingerprint string
}

// Stamp says who made a change and when.
type Stamp struct {
	By string
	At time.Time // UTC, to the microsecond; zero if never changed
}

// Seen is a fingerprint of the submission, with who first saved a review against it and
// when.
type Seen struct {
	Fingerprint string // empty if no save of the project came with a fingerprint
	By          string
	At          time.Time // UTC, to the microsecond
}

// IndicatorRecord is an indicator's current review as stored.
type IndicatorRecord struct {
	// Ref is what identifies the indicator in its project (see IndicatorRef); a record
	// saved by place alone has PlaceRef(N).
	Ref string
	N   int // the indicator's 1-based number when last saved
	// Fingerprint is the submission this review was last saved or confirmed against (see
	// Stale); empty when no save of it came with one.
	Fingerprint string
	Review      Indicator
	// Changed says who changed a field of Review last and when. A save that changes nothing
	// leaves it as it was.
	Changed Stamp
}

// Record is everything the store holds for one project.
type Record struct {
	Key     string
	Project Project
	// Changed says who changed a field of Project last and when; zero if never set.
	Changed Stamp
	// First is the first fingerprint of the submission a save of the project came with,
	// Last the latest (of saves of its fields or of an indicator); each with who saved
	// first against it and when. A save that brings no fingerprint leaves both alone.
	First, Last Seen
	Indicators  []IndicatorRecord // by Ref
	// Positional marks a record kept by a store of schema 1, which knew projects by their
	// place in the file and indicators by their number: its key is a PlaceKey and its
	// indicators' refs PlaceRefs. Move takes it to the keys of today.
	Positional bool
}

// Stale reports whether the submission has changed since an indicator's review was saved
// or confirmed: current is the submission's fingerprint now. Each indicator is judged on
// its own (IndicatorRecord.Stale), so saving one does not vouch for another; Confirm
// vouches for all.
func (r Record) Stale(current string) bool {
	for _, ir := range r.Indicators {
		if ir.Stale(current) {
			return true
		}
	}
	return false
}

// Stale reports whether the submission has changed since this review was saved or
// confirmed: current is the submission's fingerprint now. It is false when no save came
// with a fingerprint.
func (ir IndicatorRecord) Stale(current string) bool {
	return ir.Fingerprint != "" && current != ir.Fingerprint
}

// Indicator returns the record of the indicator ref, if one is stored.
func (r Record) Indicator(ref string) (IndicatorRecord, bool) {
	for _, ir := range r.Indicators {
		if ir.Ref == ref {
			return ir, true
		}
	}
	return IndicatorRecord{}, false
}

// The fields named in the audit. Indicator fields carry the indicator's number; project
// fields carry 0.
const (
	FieldActual      = "actual"
	FieldScore       = "score"
	FieldReason      = "reason"
	FieldRule        = "rule"
	FieldNote        = "note"
	FieldReviewer    = "reviewer"
	FieldDate        = "date"
	FieldFingerprint = "fingerprint" // the submission changed between two saves (of an indicator: its review saved or confirmed against another)
	FieldMoved       = "moved"       // the record moved to another key (Move); old and new are the keys
)

// Change is one row of the audit: one field of one record changed by one save.
type Change struct {
	Seq   int64 // the audit's order, increasing with every change
	At    time.Time
	By    string
	Key   string
	N     int    // the indicator's number when saved; 0 for a project field
	Ref   string // the indicator's ref; "" for a project field
	Field string // one of the Field constants
	Old   string // the value before, as text; "" if there was none
	New   string // the value after, as text; "" if cleared
}

// Fingerprint is the hex SHA-256 of a submission's bytes: pass it in Author.Fingerprint, and
// compare it with Record.Last to flag a submission edited after its review was recorded.
func Fingerprint(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ProjectKey is the key of a project by what identifies it: the submission's path rel,
// relative to the batch's root, and the project's name; nth (1-based) tells apart projects
// of one file with the same name, in the order the file holds them: "county/a.xlsx#p:学前教育",
// then "county/a.xlsx#p:学前教育#2". The path is written with forward slashes so a key made
// on Windows matches one made elsewhere. A name that ends in "#2" itself spells the key
// of the second of another name: the caller gives the later of the two the next nth that
// is free. The key stays with the file and the project, so
// adding, removing or reordering the projects of a batch or of a file keeps every review
// with its project; renaming the project or moving its submission detaches its reviews.
func ProjectKey(rel, name string, nth int) string {
	return filepath.ToSlash(filepath.Clean(rel)) + "#p:" + name + nthSuffix(nth)
}

// PlaceKey is the key a store of schema 1 gave the place-th project (1-based) of the
// submission at rel: "county/a.xlsx#2". Such records are Positional.
func PlaceKey(rel string, place int) string {
	return filepath.ToSlash(filepath.Clean(rel)) + "#" + strconv.Itoa(place)
}

// IndicatorRef is the ref of an indicator by its name under its headings (一级, 二级 and
// its own, the 三级指标); nth (1-based) tells apart indicators of one project with the same
// headings and name, in the order the project holds them. Moving an indicator within its
// project keeps its review; renaming it detaches the review.
func IndicatorRef(level1, level2, name string, nth int) string {
	return "i:" + level1 + "/" + level2 + "/" + name + nthSuffix(nth)
}

// PlaceRef is the ref of the n-th indicator (1-based) known by its place alone, as a store
// of schema 1 kept every indicator: "#3".
func PlaceRef(n int) string { return "#" + strconv.Itoa(n) }

func nthSuffix(nth int) string {
	if nth <= 1 {
		return ""
	}
	return "#" + strconv.Itoa(nth)
}

// Score is a 复核得分: a decimal number of points kept as its shortest decimal text, so
// 19.81 comes back as 19.81 and never as a float's neighbour. The zero Score means not
// scored.
type Score struct {
	dec string // canonical: no '+', no leading zeros, no trailing fractional zeros, no "-0"
}

// ParseScore reads a score as typed: "19.81", "20", "20.0", "+3", ".5". Blank means not
// scored. Exponents, thousands separators, 全角 digits and units are refused (convert them
// first, e.g. with the number reader the loader uses).
func ParseScore(s string) (Score, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Score{}, nil
	}
	bad := func() (Score, error) {
		return Score{}, newInvalid(i18n.T("复核得分 %q 不是数字（应写成 19.81 这样的小数）",
			"score %q is not a number (write a decimal such as 19.81)", s))
	}
	neg := false
	body := s
	if body[0] == '+' || body[0] == '-' {
		neg = body[0] == '-'
		body = body[1:]
	}
	intPart, frac, _ := strings.Cut(body, ".")
	if intPart == "" && frac == "" || !digits(intPart) || !digits(frac) {
		return bad()
	}
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if len(intPart) > maxIntDigits || len(frac) > num.MaxDecimals {
		return Score{}, newInvalid(i18n.T("复核得分 %q 超出范围（整数部分至多 %d 位，小数至多 %d 位）",
			"score %q is out of range (at most %d digits before the point and %d after it)",
			s, maxIntDigits, num.MaxDecimals))
	}
	if intPart == "" {
		intPart = "0"
	}
	dec := intPart
	if frac != "" {
		dec += "." + frac
	}
	if neg && dec != "0" {
		dec = "-" + dec
	}
	return Score{dec: dec}, nil
}

// ScoreOf is the score x rounded half-up to d decimals (0 to 9), the way the engine rounds.
func ScoreOf(x float64, d int) (Score, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return Score{}, newInvalid(i18n.T("复核得分 %v 不是有限的数", "score %v is not a finite number", x))
	}
	return ParseScore(strconv.FormatFloat(num.Round(x, d), 'f', -1, 64))
}

// MustScore is ParseScore for constants in code and tests; it panics on a malformed score.
func MustScore(s string) Score {
	sc, err := ParseScore(s)
	if err != nil {
		panic(err)
	}
	return sc
}

// IsSet reports whether there is a score.
func (s Score) IsSet() bool { return s.dec != "" }

// String is the score's shortest decimal text ("19.81", "20"), or "" if not scored.
func (s Score) String() string { return s.dec }

// Float64 is the score as a float (the nearest to its decimal), and whether there is one.
func (s Score) Float64() (float64, bool) {
	if s.dec == "" {
		return 0, false
	}
	x, err := strconv.ParseFloat(s.dec, 64)
	return x, err == nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkText refuses a text the store would not keep faithfully.
func checkText(field, v string, limit int) error {
	if !utf8.ValidString(v) {
		return newInvalid(i18n.T("%s 不是有效的 UTF-8 文本", "%s is not valid UTF-8 text", field))
	}
	if len(v) > limit {
		return newInvalid(i18n.T("%s 过长（%d 字节，上限 %d）", "%s is too long (%d bytes, the limit is %d)",
			field, len(v), limit))
	}
	return nil
}

func checkKey(key string) error {
	if strings.TrimSpace(key) == "" {
		return newInvalid(i18n.T("项目键为空", "the project key is empty"))
	}
	return checkText("project key", key, MaxKey)
}

func checkN(n int) error {
	if n < 1 || n > MaxIndicator {
		return newInvalid(i18n.T("指标序号 %d 超出范围（1 到 %d）", "indicator number %d is out of range (1 to %d)",
			n, MaxIndicator))
	}
	return nil
}

func checkAuthor(a Author) error {
	if strings.TrimSpace(a.Name) == "" {
		return newInvalid(i18n.T("请写明保存人的姓名", "name who is saving (the audit keeps it)"))
	}
	if err := checkText("name", a.Name, MaxName); err != nil {
		return err
	}
	return checkText("fingerprint", a.Fingerprint, MaxFingerprint)
}

func (r Indicator) check() error {
	for _, f := range [...]struct{ name, v string }{
		{FieldActual, r.Actual}, {FieldReason, r.Reason}, {FieldRule, r.Rule}, {FieldNote, r.Note},
	} {
		if err := checkText(f.name, f.v, MaxText); err != nil {
			return err
		}
	}
	return nil
}

func (p Project) check() error {
	if err := checkText(FieldReviewer, p.Reviewer, MaxText); err != nil {
		return err
	}
	return checkText(FieldDate, p.Date, MaxText)
}

package report

import (
	"encoding/json"
	"io"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/num"
	"jixiao/rules"
)

// JSONDoc is the document `jixiao score --format json` prints.
type JSONDoc struct {
	Projects []JSONProject `json:"projects"`
}

// JSONProject is one scored project. Scores are JSON numbers rounded to the project's
// decimals. When a score cannot be determined, total is null and total_min / total_max
// bound it.
type JSONProject struct {
	File         string              `json:"file"`
	Line         int                 `json:"line,omitempty"` // the line of a JSON Lines input
	Name         string              `json:"name"`
	Agency       string              `json:"agency,omitempty"`
	Implementer  string              `json:"implementer,omitempty"`
	AgencyCode   string              `json:"agency_code,omitempty"`
	FunctionCode string              `json:"function_code,omitempty"`
	Year         int                 `json:"year,omitempty"`
	Total        *float64            `json:"total"`
	TotalMin     *float64            `json:"total_min,omitempty"`
	TotalMax     *float64            `json:"total_max,omitempty"`
	FullMarks    float64             `json:"full_marks"`
	Grade        string              `json:"grade"`
	GradeMax     string              `json:"grade_max,omitempty"`
	TargetsSet   int                 `json:"targets_set"`
	TargetsMet   int                 `json:"targets_met"`
	TargetsMax   *int                `json:"targets_met_max,omitempty"` // when some cannot be judged met: the met count lies in targets_met..targets_met_max
	Rescaled     bool                `json:"rescaled,omitempty"`
	Reported     indicators.Reported `json:"reported"`
	Execution    *JSONExecution      `json:"execution,omitempty"`
	Indicators   []JSONIndicator     `json:"indicators"`
	Review       *JSONReview         `json:"review,omitempty"`   // the reviewer's 复核, when recorded
	Findings     *[]JSONFinding      `json:"findings,omitempty"` // check only
}

// JSONFinding is one finding of `jixiao check`.
type JSONFinding struct {
	Code      string  `json:"code"`
	Severity  string  `json:"severity"`  // error, warning or info
	Indicator *string `json:"indicator"` // null for a project finding
	Message   string  `json:"message"`
	Hint      string  `json:"hint,omitempty"`
	Expected  any     `json:"expected"` // the value jixiao computes, or null
	Actual    any     `json:"actual"`   // the value the submission states, or null
	File      string  `json:"file"`
	Sheet     string  `json:"sheet,omitempty"` // a workbook's sheet: line is then the row, column the column (项目2!G5 is row 5, column 7)
	Page      int     `json:"page,omitempty"`  // a PDF's page: line is then the line of text on it
	Line      int     `json:"line,omitempty"`
	Column    int     `json:"column,omitempty"` // in characters
}

// JSONExecution is the 预算执行率 line.
type JSONExecution struct {
	Rate     *float64 `json:"rate"` // a fraction, 4 decimals
	Weight   float64  `json:"weight"`
	Score    *float64 `json:"score"`
	Reported *float64 `json:"reported,omitempty"`

	Review *JSONIndicatorReview `json:"review,omitempty"` // the reviewer's 复核 of the line ([funds.review])
}

// JSONIndicator is one scored indicator.
type JSONIndicator struct {
	Level1     string        `json:"level1,omitempty"`
	Level2     string        `json:"level2,omitempty"`
	Name       string        `json:"name"`
	Target     any           `json:"target"` // a number, or the text as written
	Unit       string        `json:"unit,omitempty"`
	Actual     any           `json:"actual"`
	Weight     float64       `json:"weight"`
	Reported   *float64      `json:"reported"`
	Score      *float64      `json:"score"`
	ScoreMin   *float64      `json:"score_min,omitempty"`
	ScoreMax   *float64      `json:"score_max,omitempty"`
	Accepted   bool          `json:"accepted,omitempty"` // reported score accepted within a range
	Tier       *int          `json:"tier"`
	When       string        `json:"when,omitempty"`    // the condition of the tier that fired, as an expression
	Derived    bool          `json:"derived,omitempty"` // tiers read from the criterion\'s prose
	Method     string        `json:"method,omitempty"`
	Met        *bool         `json:"met"`
	Applicable bool          `json:"applicable"`
	Unscored   *JSONUnscored `json:"unscored,omitempty"`

	Review *JSONIndicatorReview `json:"review,omitempty"` // the reviewer's 复核 of it
}

// JSONUnscored says why an indicator has no score.
type JSONUnscored struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// NewJSONProject converts a result to its JSON form, messages in lang.
func NewJSONProject(r *engine.Result, lang i18n.Lang) JSONProject {
	p := r.Project
	jp := JSONProject{
		File: p.File, Line: p.Line(), Name: p.Name, Agency: p.Agency, Implementer: p.Implementer, AgencyCode: p.AgencyCode, FunctionCode: p.FunctionCode,
		Year: p.Year, FullMarks: p.Scoring.FullMarks, Grade: r.Grade, TargetsSet: r.TargetsSet, TargetsMet: r.TargetsMet,
		Rescaled: r.Rescaled, Reported: p.Reported, Indicators: make([]JSONIndicator, len(r.Indicators)),
	}
	if r.TargetsUnknown > 0 {
		jp.TargetsMax = ptr(r.TargetsMet + r.TargetsUnknown)
	}
	if r.Exact {
		jp.Total = ptr(r.Total)
	} else {
		jp.TotalMin, jp.TotalMax = ptr(r.TotalMin), ptr(r.TotalMax)
		if r.GradeMax != r.Grade {
			jp.GradeMax = r.GradeMax
		}
	}
	if x := r.Execution; x != nil {
		je := &JSONExecution{Weight: x.Weight, Reported: x.Reported}
		if x.HasScore {
			je.Rate, je.Score = ptr(num.Round(x.Rate, 4)), ptr(x.Score)
		}
		je.Review = newJSONExecutionReview(r)
		jp.Execution = je
	}
	for i := range r.Indicators {
		ir := &r.Indicators[i]
		ind := ir.Indicator
		ji := JSONIndicator{
			Level1: ind.Level1, Level2: ind.Level2, Name: ind.Name, Target: valueJSON(ind.Target), Unit: ind.Unit,
			Actual: valueJSON(ind.Actual), Weight: ind.Weight, Reported: ind.Reported, Accepted: ir.Accepted,
			Applicable: ir.Applicable, Method: string(ir.Criterion.Method), Derived: ir.Criterion.Derived,
		}
		if ir.HasScore {
			ji.Score = ptr(ir.Score)
		} else {
			ji.ScoreMin, ji.ScoreMax = ptr(ir.Min), ptr(ir.Max)
		}
		if ir.Tier > 0 {
			ji.Tier = ptr(ir.Tier)
			ji.When = ir.FiredTier().When
		}
		if ir.MetKnown {
			ji.Met = ptr(ir.Met)
		}
		if ir.Kind == rules.Unscored {
			ji.Unscored = &JSONUnscored{Code: ir.Reason.Code, Message: reasonText(r, ir).String(lang)}
		}
		ji.Review = newJSONIndicatorReview(r, i)
		jp.Indicators[i] = ji
	}
	jp.Review = newJSONReview(r)
	return jp
}

func valueJSON(v indicators.Value) any {
	switch {
	case !v.Set:
		return nil
	case v.Plain:
		return v.Num
	}
	return v.Text
}

func ptr[T any](v T) *T { return &v }

// NewJSONFindings converts a result's findings to their JSON form, messages in lang.
func NewJSONFindings(r *engine.Result, lang i18n.Lang) []JSONFinding {
	out := make([]JSONFinding, len(r.Findings))
	d := r.Project.Scoring.Decimals
	for i := range r.Findings {
		f := &r.Findings[i]
		msg, hint := Message(r, f, lang)
		pos := r.Pos(f)
		jf := JSONFinding{Code: string(f.Code), Severity: f.Severity.String(), Message: msg, Hint: hint,
			Expected: findingValue(f.Expected, d), Actual: findingValue(f.Actual, d), File: pos.File, Sheet: pos.Sheet, Page: pos.Page, Line: pos.Line, Column: pos.Col}
		if jf.File == "" {
			jf.File = r.Project.File
		}
		if f.Indicator >= 0 {
			jf.Indicator = ptr(r.Indicators[f.Indicator].Indicator.Name)
		}
		out[i] = jf
	}
	return out
}

// JSON writes the results as one indented JSON document; with findings set (the check
// command) each project carries its findings.
func JSON(w io.Writer, results []*engine.Result, lang i18n.Lang, findings bool) error {
	doc := JSONDoc{Projects: make([]JSONProject, len(results))}
	for i, r := range results {
		doc.Projects[i] = NewJSONProject(r, lang)
		if findings {
			fs := NewJSONFindings(r, lang)
			doc.Projects[i].Findings = &fs
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

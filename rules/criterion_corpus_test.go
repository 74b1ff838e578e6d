package rules_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/num"
	"jixiao/rules"
	"jixiao/rules/prose"
)

// corpusCase is one criterion of ../shared/criteria/corpus.json (described in its README).
type corpusCase struct {
	ID        int                 `json:"id"`
	Form      string              `json:"form"`
	Text      string              `json:"text"`
	Indicator string              `json:"indicator"`
	Unit      *string             `json:"unit"`
	Target    *float64            `json:"target"`
	Weight    float64             `json:"weight"`
	Variable  string              `json:"variable"`
	Reading   string              `json:"reading"`
	Probes    [][]json.RawMessage `json:"probes"`
	Unread    bool                `json:"unread"`
}

// corpusPath is where the corpus stands beside the checkout; it is not copied into the
// project.
var corpusPath = filepath.Join("..", "..", "shared", "criteria", "corpus.json")

func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	data, err := os.ReadFile(corpusPath)
	if os.IsNotExist(err) {
		t.Skipf("the criterion corpus %s is not beside the checkout: skipped", corpusPath)
	}
	require.NoError(t, err)
	var c struct {
		Cases []corpusCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(data, &c), "reading %s", corpusPath)
	require.NotEmpty(t, c.Cases)
	return c.Cases
}

// corpusIndicator is the case's indicator with the given actual value.
func corpusIndicator(c corpusCase, actual json.RawMessage) *indicators.Indicator {
	ind := &indicators.Indicator{Name: c.Indicator, Weight: c.Weight, Criterion: c.Text, Applicable: true}
	if c.Unit != nil {
		ind.Unit = *c.Unit
	}
	if c.Target != nil {
		ind.Target = indicators.NumberValue(*c.Target)
	}
	ind.Direction = indicators.Higher // as the loader sets it for a plain number
	var f float64
	var s string
	switch {
	case actual == nil:
	case json.Unmarshal(actual, &f) == nil:
		ind.Actual = indicators.NumberValue(f)
	case json.Unmarshal(actual, &s) == nil:
		ind.Actual = indicators.Value{Set: true, Text: s}
	}
	return ind
}

// score compiles the case's criterion from its prose alone and scores it at actual, as the
// engine does.
func score(t *testing.T, c corpusCase, actual json.RawMessage) (rules.Outcome, *rules.Criterion) {
	t.Helper()
	ind := corpusIndicator(c, actual)
	p := &indicators.Project{Name: "corpus", Indicators: []*indicators.Indicator{ind},
		Scoring: indicators.Scoring{Decimals: 2, FullMarks: 100, Method: indicators.MethodProportional}}
	crits, err := rules.NewCompiler(rules.Limits{}).Project(p)
	require.NoError(t, err, "case %d: the tiers read do not compile", c.ID)
	env := rules.NewEnv(p, ind)
	return crits[0].Eval(&env), crits[0].Criterion
}

// TestCorpus reads every criterion of the corpus from its prose and scores every probe
// through the rules compiler: a case not marked unread must be read whole and score each
// probe exactly as written (a discretionary probe as its range, null as unscored); an
// unread case must be left unread with a reason.
func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	var readWhole, readable, probes, right, refused, unreadCases int
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d-%s", c.ID, c.Form), func(t *testing.T) {
			placed(t, c)
			if c.Unread {
				unreadCases++
				_, crit := score(t, c, nil)
				ok := assert.NotEmpty(t, crit.Unparsed, "case %d %q: must be left unread", c.ID, c.Text)
				for _, u := range crit.Unparsed {
					ok = assert.NotEmpty(t, u.Reason, "case %d: an unread part without a reason", c.ID) && ok
				}
				if ok {
					refused++
				}
				return
			}
			readable++
			_, crit := score(t, c, nil)
			whole := assert.True(t, crit.Derived, "case %d: no tiers read from %q", c.ID, c.Text)
			for _, u := range crit.Unparsed {
				// A list label with nothing after it stays unread where the corpus says so.
				if strings.Contains(c.Reading, "must stay unread") && u.Reason == rules.UnparsedNoScore {
					continue
				}
				whole = assert.Fail(t, "unread part", "case %d: %q left unread (%s: %s)", c.ID, u.Source, u.Reason, u.Detail) && whole
			}
			for _, p := range c.Probes {
				probes++
				o, crit := score(t, c, p[0])
				if checkProbe(t, c, p, o, crit) {
					right++
				} else {
					whole = false
				}
			}
			if whole {
				readWhole++
			}
		})
	}
	t.Logf("corpus: %d of %d readable cases read whole; %d of %d probes scored as written; %d of %d unread cases refused",
		readWhole, readable, right, probes, refused, unreadCases)
}

// placed checks that every rune of the case's text is in a used, filler or unread part.
func placed(t *testing.T, c corpusCase) {
	t.Helper()
	r := prose.Read(c.Text, rules.ContextOf(corpusIndicator(c, nil)))
	at := 0
	for _, p := range r.Parts {
		require.Equal(t, at, p.Span.Start, "case %d: the parts %+v leave a gap or overlap", c.ID, r.Parts)
		require.Greater(t, p.Span.End, p.Span.Start)
		at = p.Span.End
	}
	require.Equal(t, utf8.RuneCountInString(c.Text), at, "case %d: the parts stop short of the text", c.ID)
}

func checkProbe(t *testing.T, c corpusCase, p []json.RawMessage, o rules.Outcome, crit *rules.Criterion) bool {
	t.Helper()
	var tiers []string
	for _, tr := range crit.Tiers {
		tiers = append(tiers, tr.When+" → "+tr.Score+fmt.Sprint(tr.Min, tr.Max))
	}
	at := fmt.Sprintf("case %d at %s (tiers %q)", c.ID, p[0], tiers)
	var want float64
	var rng []float64
	switch {
	case string(p[1]) == "null":
		return assert.Equal(t, rules.Unscored, o.Kind, "%s: want unscored, got %+v", at, o) &&
			assert.Equal(t, rules.NoTierMatched, o.Reason.Code, at)
	case json.Unmarshal(p[1], &rng) == nil:
		return assert.Equal(t, rules.Ranged, o.Kind, "%s: want the range %v, got %+v", at, rng, o) &&
			assert.Equal(t, rng, []float64{o.Min, o.Max}, at)
	default:
		require.NoError(t, json.Unmarshal(p[1], &want))
		if !assert.Equal(t, rules.Scored, o.Kind, "%s: want %v, got %+v", at, want, o) {
			return false
		}
		// The engine rounds half-up to the file's decimals; the score before rounding must
		// not carry more than float noise.
		return assert.Equal(t, want, num.Round(o.Score, 2), at) &&
			assert.InDelta(t, want, o.Score, 1e-9, "%s: %v is not exact", at, o.Score) &&
			assert.False(t, math.IsNaN(o.Score), at)
	}
}

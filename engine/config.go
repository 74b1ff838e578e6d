package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/internal/near"
	"slices"
)

// Defaults of the review configuration ([review] in a file or a --config file).
const (
	DefaultTolerance         = 0.005 // points: a reported score this close to the computed one matches
	DefaultMoneyTolerance    = 0.01  // 万元: the one-cent 尾数误差 that published tables admit
	DefaultOverachievedRatio = 1.30  // actual ≥ 130 % of a higher-is-better target needs a reason
	DefaultExecutionRateMin  = 0.90  // 预算执行率 below 90 % needs a reason
	DefaultBalanceRateMax    = 0.20  // 结余率 above 20 % is flagged
	DefaultSpendGapMax       = 0.05  // indicator score share may exceed execution share by 5 points
)

// Config is the review configuration with every default applied.
type Config struct {
	Tolerance         float64
	MoneyTolerance    float64
	OverachievedRatio float64
	ExecutionRateMin  float64
	BalanceRateMax    float64
	SpendGapMax       float64
	Disabled          map[Code]bool
	// Rules are the review rules (复核口径) in force: the file's own, else the shared
	// configuration's, else DefaultReviewRules.
	Rules []indicators.ReviewRule

	inForce [noReview][]*Check // by scope, the checks that run
}

// NewConfig applies the defaults to what r leaves unset.
func NewConfig(r indicators.Thresholds) *Config {
	get := func(p *float64, def float64) float64 {
		if p == nil {
			return def
		}
		return *p
	}
	c := &Config{
		Tolerance:         get(r.Tolerance, DefaultTolerance),
		MoneyTolerance:    get(r.MoneyTolerance, DefaultMoneyTolerance),
		OverachievedRatio: get(r.OverachievedRatio, DefaultOverachievedRatio),
		ExecutionRateMin:  get(r.ExecutionRateMin, DefaultExecutionRateMin),
		BalanceRateMax:    get(r.BalanceRateMax, DefaultBalanceRateMax),
		SpendGapMax:       get(r.SpendGapMax, DefaultSpendGapMax),
		Disabled:          map[Code]bool{},
	}
	c.Rules = defaultRules
	for _, code := range r.Disable {
		c.Disabled[Code(code)] = true
	}
	for s := range c.inForce {
		c.inForce[s] = checksInForce(c.Disabled, scope(s) == reviewLint)
	}
	return c
}

// DisableErrors returns an error for each code of disable that names no check, with the
// nearest code as a suggestion: a typo there would silently leave a check running. at
// places the i-th code; others are codes known beside the engine's (a published report's
// checks, for a shared configuration).
func DisableErrors(disable []string, at func(i int) indicators.Pos, others ...string) indicators.ErrorList {
	var errs indicators.ErrorList
	for i, code := range disable {
		if _, ok := LookupCheck(Code(code)); ok || slices.Contains(others, code) {
			continue
		}
		msg := i18n.T("disable 中的 %q 不是检查代码；jixiao check --list 列出全部", "%q in disable is no check's code; jixiao check --list lists them all", code)
		if s := near.Closest(code, append(catalogueCodes(), others...)); s != "" {
			msg = i18n.T("disable 中的 %q 不是检查代码；是不是 %q？", "%q in disable is no check's code; did you mean %q?", code, s)
		}
		errs = append(errs, &indicators.Error{Pos: at(i), Kind: indicators.ErrValue, Msg: msg})
	}
	return errs
}

func catalogueCodes() []string {
	codes := make([]string, len(catalogue))
	for i, c := range catalogue {
		codes[i] = string(c.Code)
	}
	return codes
}

// SuggestCode returns the check code nearest to a mistyped one, or "".
func SuggestCode(code string) Code {
	return Code(near.Closest(code, catalogueCodes()))
}

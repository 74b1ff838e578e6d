package engine

import "jixiao/indicators"

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

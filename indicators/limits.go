package indicators

// Limits bound what one file may hold, so that a hostile or broken file is rejected with
// an error instead of exhausting memory. Zero fields take the defaults below, which no real
// self-evaluation table comes near.
type Limits struct {
	MaxFileSize   int64 // bytes; default DefaultMaxFileSize
	MaxIndicators int   // indicators per project; default DefaultMaxIndicators
	MaxTiers      int   // tiers per indicator; default DefaultMaxTiers
	MaxExprLen    int   // characters in one when or score expression; default DefaultMaxExprLen
}

// Default limits.
const (
	DefaultMaxFileSize   = 8 << 20
	DefaultMaxIndicators = 1000
	DefaultMaxTiers      = 200
	DefaultMaxExprLen    = 4000
)

// MaxMagnitude bounds every number in a file: beyond 10^15 a float64 no longer holds every
// integer or cent exactly, and no table's figure comes near it (万元 or 元 alike).
const MaxMagnitude = 1e15

func (l Limits) withDefaults() Limits {
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = DefaultMaxFileSize
	}
	if l.MaxIndicators <= 0 {
		l.MaxIndicators = DefaultMaxIndicators
	}
	if l.MaxTiers <= 0 {
		l.MaxTiers = DefaultMaxTiers
	}
	if l.MaxExprLen <= 0 {
		l.MaxExprLen = DefaultMaxExprLen
	}
	return l
}

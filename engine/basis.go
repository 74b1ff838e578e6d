package engine

import (
	"jixiao/internal/i18n"
	"jixiao/rules"
)

// Basis says how an indicator was scored: "第2档 actual >= 98.5 && actual < 99.22", a method
// name, or why it was not scored.
func Basis(ir *IndicatorResult) i18n.Text {
	o := ir.Outcome
	switch {
	case !ir.Applicable:
		return i18n.T("不适用，不计入总分", "not applicable, left out of the total")
	case o.Kind == rules.Unscored:
		return i18n.T("未计分", "not scored")
	case o.Tier > 0:
		t := ir.Criterion.Tiers[o.Tier-1]
		return i18n.T("第%d档 %s", "tier %d: %s", o.Tier, t.Source.When.Text)
	}
	name := rules.MethodName(ir.Criterion.Method)
	if ir.Criterion.Default {
		return i18n.T("%s（未写评分标准，按默认方法）", "%s (no criterion written: default method)", name)
	}
	return name
}

package engine

import "jixiao/internal/i18n"

var checkUnitMismatch = &Check{
	Code:     UnitMismatch,
	Severity: Error,
	Title:    i18n.T("实际完成值与指标值的单位不同", "the actual value's unit is not the target's"),
	Doc: i18n.T(
		"实际完成值写了单位，却与指标值的单位（指标值自带的，或度量单位一栏）不同，也无法换算："+
			"指标值是百分数（≥90%），实际完成值却是“85人”或“0.5万”；指标值是“≥100人”，实际完成值却是“95%”。"+
			"能换算的不算：“8成”“九成”是 80%、90%，“6万元”对“≥50000元”，“1.2万”对“≥10000人”。"+
			"jixiao 不拿不同单位的数字相比，该指标不计分（总分为区间）；请按指标值的单位填写实际完成值。",
		"The actual value is written with a unit that is not the target's (the target's own, or the 度量单位 column) "+
			"and does not convert to it: a target in percent (≥90%) with an actual of \"85人\" or \"0.5万\", a target of "+
			"\"≥100人\" with an actual of \"95%\". Units that convert are fine: \"8成\" and \"九成\" are 80% and 90%, "+
			"\"6万元\" against \"≥50000元\", \"1.2万\" against \"≥10000人\". jixiao does not compare numbers in different "+
			"units: the indicator is unscored (the total is a range). Write the actual value in the target's unit."),
	// Actual the actual value as written. The indicator's reason (rules.ActualUnit) says
	// whether it left it unscored.
	run: func(rv *reviewer) {
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if !ind.Applicable {
				continue
			}
			if rv.envs[i].UnitMismatch() {
				rv.report(i, FieldActual, Finding{Actual: TextOf(ind.Actual.Text)})
			}
		}
	},
}

package engine

import (
	"jixiao/indicators"
	"jixiao/internal/i18n"
)

var checkUnitMissing = &Check{
	Code:     UnitMissing,
	Severity: Info,
	Title:    i18n.T("没有填写度量单位", "no unit of measure"),
	Doc: i18n.T(
		"某指标的指标值是数字，却没有度量单位：度量单位一栏空着，指标值和实际完成值的文字里也没有（如 98%、266米）。"+
			"只在表中有度量单位一栏（工作簿有这一列，或文件中别的指标填了 unit）时检查。没有单位，读者无从知道数字指的是什么，"+
			"指标值和实际完成值也无法核对是否同一单位。",
		"An indicator's target is a number, but it has no unit of measure: the 度量单位 is blank, and neither the "+
			"target's nor the actual value's text carries one (as 98% or 266米 do). Checked only where the table has "+
			"a place for the unit (the workbook has the column, or another indicator of the file gives a unit). Without "+
			"a unit a reader cannot tell what the number counts, nor check that the target and the actual value count alike."),
	run: func(rv *reviewer) {
		p := rv.r.Project
		given := false // another indicator gives a unit: the file keeps them
		for i := range p.Indicators {
			if p.Indicators[i].Unit != "" {
				given = true
				break
			}
		}
		for i := range rv.r.Indicators {
			ind := rv.r.Indicators[i].Indicator
			if !ind.Applicable || ind.Unit != "" || !ind.Target.IsNum || carriesUnit(ind.Target) || carriesUnit(ind.Actual) {
				continue
			}
			if given || p.HasCells() && unitColumn(p, ind) {
				rv.report(i, FieldUnit, Finding{})
			}
		}
	},
}

// unitColumn reports whether the workbook has a cell for ind's unit.
func unitColumn(p *indicators.Project, ind *indicators.Indicator) bool {
	_, ok := p.Cell(ind.Path() + ".unit")
	return ok
}

// carriesUnit reports whether a value carries its unit in its own text: "98%", "≥266米".
func carriesUnit(v indicators.Value) bool { return v.Percent || v.Unit != "" }

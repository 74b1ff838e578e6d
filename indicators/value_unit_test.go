package indicators

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValueTenths(t *testing.T) {
	tests := []struct {
		text string
		op   Op
		num  float64
	}{
		{"8成", OpNone, 80},
		{"九成", OpNone, 90},
		{"0.7成", OpNone, 7},
		{"8成以上", OpGE, 80},
		{"≥9成", OpGE, 90},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			v := ParseValue(tt.text)
			assert.True(t, v.IsNum, "ParseValue(%q) reads a number", tt.text)
			assert.True(t, v.Percent, "ParseValue(%q) is a percentage", tt.text)
			assert.Equal(t, tt.num, v.Num, "ParseValue(%q)", tt.text)
			assert.Equal(t, tt.op, v.Op, "ParseValue(%q)", tt.text)
			assert.Empty(t, v.Unit, "ParseValue(%q)", tt.text)
		})
	}
}

func TestActualInTargetUnit(t *testing.T) {
	tests := []struct {
		name, target, unit, actual string
		agree                      bool
		num                        float64 // the actual in the target's unit, when they agree
	}{
		{"成 under %", "≥90%", "", "8成", true, 80},
		{"% under %", "≥90%", "", "85%", true, 85},
		{"bare number under %", "≥90%", "", "85", true, 85},
		{"人 under %", "≥90%", "", "85人", false, 0},
		{"万 under %", "≥90%", "", "0.5万", false, 0},
		{"人 under the column's %", "90", "%", "85人", false, 0},
		{"% under 人", "≥100人", "", "95%", false, 0},
		{"人次 under 人", "≥100人", "", "95人次", false, 0},
		{"万 under 人", "≥10000人", "", "1.2万", true, 12000},
		{"万元 under 元", "≥50000元", "", "6万元", true, 60000},
		{"元 under the column's 万元", "10", "万元", "60000元", true, 6},
		{"万 under the column's 万元", "10", "万元", "6万", true, 6},
		{"日 under 天", "≤5天", "", "3日", true, 3},
		{"个月 under 月", "≤3月", "", "2个月", true, 2},
		{"no unit to compare with", "≥90", "", "85人", true, 85},
		{"名 under 人", "≥100人", "", "120名", true, 120},
		{"位 under the column's 人", "100", "人", "98位", true, 98},
		{"项 under 个", "≥5个", "", "6项", true, 6},
		{"公里 under 米", "≥5000米", "", "6公里", true, 6000},
		{"米 under 公里", "≥2公里", "", "1500米", true, 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ind := &Indicator{Target: ParseValue(tt.target), Unit: tt.unit, Actual: ParseValue(tt.actual)}
			x, agree := ActualInTargetUnit(ind)
			assert.Equal(t, tt.agree, agree, "ActualInTargetUnit(%q under %q, unit %q)", tt.actual, tt.target, tt.unit)
			if tt.agree {
				assert.Equal(t, tt.num, x, "ActualInTargetUnit(%q under %q, unit %q)", tt.actual, tt.target, tt.unit)
			}
		})
	}
}

package indicators

import (
	"fmt"
	"strings"

	"github.com/valyala/fastjson"

	"jixiao/internal/i18n"
)

// MaxRuleCode bounds a review rule's code, in characters: it is typed and shown in a
// drop-down.
const MaxRuleCode = 40

// reviewRules reads the [[review_rules]]: each rule's keys, then what they say together (a
// cut rule needs its share, no other rule has one), and no code twice.
func (d *decoder) reviewRules(path string, f *Field, v any) []ReviewRule {
	items, ok := asArray(v)
	if !ok {
		d.errorf(path, ErrType, i18n.T("review_rules 应写成 [[review_rules]] 表数组", "review_rules must be written as [[review_rules]] tables"))
		return nil
	}
	rules := make([]ReviewRule, 0, len(items))
	for i, item := range items {
		rpath := fmt.Sprintf("%s[%d]", path, i)
		t, good := d.table(rpath, f.sub(), item)
		if !good {
			continue
		}
		var r ReviewRule
		d.fields(t, &r)
		d.done(t)
		if r.Code != "" {
			ruleProblems(&r, rules, func(key string, msg i18n.Text) { d.errorf(join(rpath, key), ErrValue, msg) })
		}
		rules = append(rules, r)
	}
	return rules
}

// reviewRules reads the [[review_rules]] of a JSON object the fast way, declining anything
// the validating decoder would say something about.
func (fd *fast) reviewRules(f *Field, items []*fastjson.Value) ([]ReviewRule, error) {
	rules := make([]ReviewRule, len(items))
	for i, item := range items {
		o, err := item.Object()
		if err != nil {
			return nil, declined{}
		}
		if _, ok := fd.table(o, f.spec, &rules[i]); !ok {
			return nil, declined{}
		}
		bad := false
		ruleProblems(&rules[i], rules[:i], func(string, i18n.Text) { bad = true })
		if bad {
			return nil, declined{}
		}
	}
	return rules, nil
}

// ruleProblems reports (to report, with the key concerned) what is wrong with rule r given
// the rules before it.
func ruleProblems(r *ReviewRule, before []ReviewRule, report func(key string, msg i18n.Text)) {
	if strings.ContainsAny(r.Code, ",，\"' \t\n") || len([]rune(r.Code)) > MaxRuleCode {
		report("code", i18n.T("口径代码 %q 不可用：代码不能含逗号、引号或空白，最多 %d 个字符（它会出现在工作簿的下拉列表中）",
			"the rule code %q cannot be used: a code has no commas, quotes or blanks and at most %d characters (it goes into the workbook's drop-down)",
			r.Code, MaxRuleCode))
	}
	for k := range before {
		if before[k].Code == r.Code {
			report("code", i18n.T("口径代码 %q 重复（第 %d 条已用）", "the rule code %q is used twice (by rule %d too)", r.Code, k+1))
			break
		}
	}
	switch {
	case r.Effect == EffectCut && r.Cut == 0:
		report("cut", i18n.T("口径 %q 按比例扣分（effect = \"cut\"），须给出扣分比例 cut，如 0.3", "rule %q cuts a share (effect = \"cut\"): give the share, such as cut = 0.3", r.Code))
	case r.Effect != "" && r.Effect != EffectCut && r.Cut != 0:
		report("cut", i18n.T("口径 %q 不按比例扣分，不能写 cut；按比例扣分请写 effect = \"cut\"", "rule %q does not cut a share, so it takes no cut; write effect = \"cut\" for one", r.Code))
	}
}

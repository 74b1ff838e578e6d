package prose_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
	"jixiao/rules/prose"
)

// asciiWord is a word in Latin letters: in Chinese output it may only be one the criterion
// itself wrote.
var asciiWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// Why a part is left unread is said in Chinese in Chinese output, and in English in English
// output: no English explanation leaks into a Chinese message. Criteria that leave parts
// unread for many reasons, and the shared corpus when it is beside the checkout.
func TestUnreadReasonsSpeakChinese(t *testing.T) {
	type tc struct {
		text string
		ctx  prose.Context
	}
	pct := prose.Context{Unit: "%", Target: 95, Weight: 10}
	none := prose.Context{Target: math.NaN(), Weight: 10}
	cases := []tc{
		{"90%-100%得10分，每降低1个百分点扣1分", pct},
		{"≥95%得10分，90%-95%得8分，80%-85%得5分，未达到的不得分", pct},
		{"发生1起扣10分", prose.Context{Unit: "起", Target: 0, Weight: 10}},
		{"有1人未达标的，该项不得分", none},
		{"否则不得分", pct},
		{"完成率≥95%得10分，完成率≥95%得8分", pct},
		{"95%（含）以上得10分，95%（含）以下得5分", pct},
		{"每…扣1分，每次扣2分", pct},
		{"得分=完成率×分值×系数", pct},
		{"每增加1分扣0分", pct},
		{"排名前三得满分", pct},
		{"较上年增长10%得满分", pct},
		{"≥95%且≥100人得满分", pct},
		{"1.", pct},
		{"≥", pct},
		{"达到或者超过或者", pct},
		{"按时完成得满分，每延迟3个季度扣2分", prose.Context{Target: math.NaN(), Weight: 10, Deadline: true}},
		{"按时完成得满分，好得2分", prose.Context{Target: math.NaN(), Weight: 10, Deadline: true}},
		{"偏差在±4%以内得满分，偏差>3%且>5%扣2分", pct},
		{"得分=实际值×目标值", pct},
		{"满意度达到分值的80%得满分", none},
		{strings.Repeat("完成率≥95%得10分；", 400), pct},
	}
	path := filepath.Join("..", "..", "..", "shared", "criteria", "corpus.json")
	if data, err := os.ReadFile(path); err == nil {
		var c struct {
			Cases []struct {
				Text   string   `json:"text"`
				Unit   *string  `json:"unit"`
				Target *float64 `json:"target"`
				Weight float64  `json:"weight"`
			} `json:"cases"`
		}
		require.NoError(t, json.Unmarshal(data, &c))
		for _, x := range c.Cases {
			ctx := prose.Context{Target: math.NaN(), Weight: x.Weight}
			if x.Unit != nil {
				ctx.Unit = *x.Unit
			}
			if x.Target != nil {
				ctx.Target = *x.Target
			}
			cases = append(cases, tc{x.Text, ctx}, tc{x.Text, prose.Context{Target: math.NaN(), Weight: x.Weight}})
		}
	} else {
		t.Logf("the criterion corpus %s is not beside the checkout: only the cases here", path)
	}
	details := 0
	for _, c := range cases {
		r := prose.Read(c.text, c.ctx)
		for _, u := range r.Unread {
			zh := u.Reason.Text().String(i18n.Zh)
			if !u.Detail.IsZero() {
				details++
				zh += "：" + u.Detail.String(i18n.Zh)
				assert.NotEmpty(t, u.Detail.String(i18n.En), "%q: a detail in Chinese only", c.text)
			}
			for _, w := range asciiWord.FindAllString(zh, -1) {
				assert.Contains(t, c.text, w, "%q: English in the Chinese reason %q", c.text, zh)
			}
		}
	}
	assert.Greater(t, details, 15, "the cases give details to check")
}

// A score written in words ("得一半分") is named as the part not read, with the condition
// that depends on it; it does not join the next clause's condition.
func TestScoreInWordsNamed(t *testing.T) {
	ctx := prose.Context{Unit: "%", Target: 90, Weight: 10}
	r := prose.Read("80%-90%得一半分", ctx)
	assert.Empty(t, r.Tiers)
	require.Len(t, r.Unread, 2)
	assert.Equal(t, "80%-90%", r.Unread[0].Source)
	assert.Equal(t, prose.Depends, r.Unread[0].Reason)
	assert.Equal(t, "得一半分", r.Unread[0].Detail.String(i18n.Zh))
	assert.Equal(t, "得一半分", r.Unread[1].Source)
	assert.Equal(t, prose.ScoreUnread, r.Unread[1].Reason)
	assert.Equal(t, "分数的写法读不懂", r.Unread[1].Reason.Text().String(i18n.Zh))

	r = prose.Read("≥90%得满分，80%-90%得一半分，80%以下不得分", ctx)
	assert.Equal(t, []string{"actual >= 90 → weight", "actual <= 80 → 0"}, tierLines(r))
	var sources []string
	for _, u := range r.Unread {
		sources = append(sources, u.Source)
		assert.NotEqual(t, prose.SeveralQuantities, u.Reason)
	}
	assert.Equal(t, []string{"80%-90%", "得一半分"}, sources)

	// A criterion's other words after 得 are not taken for a score.
	r = prose.Read("工作完成得好得10分，否则不得分", prose.Context{Target: math.NaN(), Weight: 10, Text: true})
	for _, u := range r.Unread {
		assert.NotEqual(t, prose.ScoreUnread, u.Reason, "%+v", u)
	}
}

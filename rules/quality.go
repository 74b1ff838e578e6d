package rules

import (
	"strings"
	"unicode/utf8"

	"jixiao/internal/num"
)

// Quality is a qualitative band (定性).
type Quality int

// The qualitative bands. Their shares of the weight are the project's ([scoring] band_met,
// band_partial, band_unmet), by default the national 80–100 %, 60–80 % and 0–60 %.
const (
	QualityUnknown Quality = iota
	QualityMet             // 达成年度指标
	QualityPartial         // 部分达成年度指标并具有一定效果
	QualityNotMet          // 未达成年度指标且效果较差
)

// WordKind is what a word of a qualitative actual says about the band.
type WordKind uint8

// The kinds of words. A text's band is 未达成 if it holds a negation or a word of failure,
// else 部分达成 if it holds a qualifier, else 达成 if it holds a word of completion. A word of
// completion under a negation (不好, 不太好, 未能达成) is a negation; a word of failure under
// one (不差) says no band.
const (
	WordDone      WordKind = iota + 1 // completion: 达成, 完成, 已建立, 健全, 有效, 显著, 按时…
	WordQualifier                     // a qualified completion: 基本, 部分, 初步, 较…
	WordNegation                      // 未, 没有, 不, 无, 否…
	WordFailure                       // a word of failure on its own: 差, 滞后, 不合格…
	WordNeutral                       // words that hold a negation's character but negate nothing: 不断, 无误…
	WordEvent                         // something that should not happen: negated (未发生, 无投诉) it is completion; alone it says nothing
)

// QualityWord is one word of the lists a qualitative actual is read with.
type QualityWord struct {
	Word string
	Kind WordKind
}

// QualityWords are the words a qualitative actual value is read with: data, not code. The
// text is cut at each place into the longest word of the list that starts there, so that
// 不断 is not read as 不, 较差 not as 较, and 无误 not as 无; characters of no word are what was
// not understood.
var QualityWords = []QualityWord{
	// Completion.
	{"达成", WordDone}, {"完成", WordDone}, {"达到", WordDone}, {"达标", WordDone}, {"实现", WordDone},
	{"建立", WordDone}, {"建成", WordDone}, {"健全", WordDone}, {"完善", WordDone}, {"有效", WordDone},
	{"显著", WordDone}, {"明显", WordDone}, {"按时", WordDone}, {"及时", WordDone}, {"按期", WordDone},
	{"到位", WordDone}, {"落实", WordDone}, {"合格", WordDone}, {"满意", WordDone}, {"良好", WordDone},
	{"优秀", WordDone}, {"优", WordDone}, {"好", WordDone}, {"提高", WordDone}, {"提升", WordDone},
	{"改善", WordDone}, {"增强", WordDone}, {"规范", WordDone}, {"保障", WordDone}, {"正常", WordDone},
	{"稳定", WordDone}, {"全部", WordDone}, {"全面", WordDone}, {"是", WordDone}, {"符合", WordDone},
	{"准确", WordDone}, {"发挥", WordDone}, {"促进", WordDone}, {"推进", WordDone}, {"开展", WordDone},
	{"无误", WordDone}, {"零差错", WordDone}, {"无差错", WordDone}, {"无投诉", WordDone}, {"无事故", WordDone},
	{"无违规", WordDone},
	// Qualified completion.
	{"基本", WordQualifier}, {"部分", WordQualifier}, {"初步", WordQualifier}, {"较", WordQualifier},
	{"大部分", WordQualifier}, {"大体", WordQualifier}, {"一般", WordQualifier}, {"有所", WordQualifier},
	{"逐步", WordQualifier}, {"一定", WordQualifier}, {"尚可", WordQualifier}, {"未全部", WordQualifier},
	{"没有全部", WordQualifier}, {"未完全", WordQualifier}, {"有待", WordQualifier}, {"尚需", WordQualifier},
	{"仍需", WordQualifier}, {"还需", WordQualifier}, {"亟待", WordQualifier},
	// Negations.
	{"未", WordNegation}, {"没有", WordNegation}, {"没", WordNegation}, {"不", WordNegation},
	{"无", WordNegation}, {"否", WordNegation}, {"尚未", WordNegation}, {"仍未", WordNegation},
	// Failure.
	{"差", WordFailure}, {"较差", WordFailure}, {"不合格", WordFailure}, {"不足", WordFailure},
	{"滞后", WordFailure}, {"延误", WordFailure}, {"延期", WordFailure}, {"逾期", WordFailure},
	{"失败", WordFailure}, {"偏低", WordFailure}, {"下降", WordFailure}, {"欠佳", WordFailure},
	// Neutral: a negation's character that negates nothing.
	{"不断", WordNeutral}, {"已", WordNeutral}, {"均", WordNeutral}, {"全年", WordNeutral},
	{"年度", WordNeutral}, {"目标", WordNeutral}, {"指标", WordNeutral}, {"预期", WordNeutral},
	{"任务", WordNeutral}, {"工作", WordNeutral}, {"效果", WordNeutral}, {"具有", WordNeutral},
	{"并", WordNeutral}, {"的", WordNeutral}, {"了", WordNeutral}, {"得到", WordNeutral},
	{"取得", WordNeutral}, {"成效", WordNeutral}, {"机制", WordNeutral}, {"制度", WordNeutral},
	{"计划", WordNeutral}, {"要求", WordNeutral}, {"情况", WordNeutral}, {"按", WordNeutral},
	{"很", WordNeutral}, {"非常", WordNeutral}, {"十分", WordNeutral}, {"都", WordNeutral},
	// Events: what a negation turns into completion.
	{"发生", WordEvent}, {"出现", WordEvent}, {"事故", WordEvent}, {"安全事故", WordEvent}, {"投诉", WordEvent},
	{"违规", WordEvent}, {"违纪", WordEvent}, {"违法", WordEvent}, {"差错", WordEvent}, {"问题", WordEvent},
	{"重大", WordEvent}, {"失误", WordEvent}, {"拖欠", WordEvent}, {"上访", WordEvent}, {"负面", WordEvent},
}

// qualityIndex is QualityWords by first rune, longest first.
var qualityIndex = func() map[rune][]QualityWord {
	m := map[rune][]QualityWord{}
	for _, w := range QualityWords {
		r, _ := utf8.DecodeRuneInString(w.Word)
		m[r] = append(m[r], w)
	}
	for r, ws := range m {
		for i := 1; i < len(ws); i++ { // insertion sort by length, longest first
			for j := i; j > 0 && len(ws[j].Word) > len(ws[j-1].Word); j-- {
				ws[j], ws[j-1] = ws[j-1], ws[j]
			}
		}
		m[r] = ws
	}
	return m
}()

// qualities remembers the band each actual text reads as (ReadQuality), so that a batch
// whose projects write the same words reads them once. Bounded: texts longer than
// maxQualityText are read each time, and it starts again when it holds maxQualities.
type qualities map[string]Quality

const (
	maxQualities   = 1024
	maxQualityText = 256 // bytes
)

// of is the band text reads as.
func (qs qualities) of(text string) Quality {
	return remember(qs, text, func(s string) Quality { q, _ := ReadQuality(s); return q })
}

// flaws remembers num.Flawed of each value's text, bounded as qualities are.
type flaws map[string]num.Flaw

func (fs flaws) of(text string) num.Flaw { return remember(fs, text, num.Flawed) }

// memo is what a compiler remembers of the texts it has read, for the environments it builds.
type memo struct {
	qualities qualities
	flaws     flaws
}

// remember is read(text), kept in m for texts of up to maxQualityText bytes; m starts again
// when it holds maxQualities.
func remember[V any](m map[string]V, text string, read func(string) V) V {
	if v, ok := m[text]; ok {
		return v
	}
	v := read(text)
	if len(text) <= maxQualityText {
		if len(m) >= maxQualities {
			clear(m)
		}
		m[strings.Clone(text)] = v // not a view into a larger text the map would keep
	}
	return v
}

// ReadQuality reads a qualitative actual value into its band, and returns the words of it
// that it did not understand (empty when it understood every character but found no band:
// the unknown are then the whole text). Punctuation separates words and says nothing.
func ReadQuality(text string) (q Quality, unknown string) {
	s := strings.ReplaceAll(num.Normalize(text), " ", "")
	var has [WordEvent + 1]bool
	var unread strings.Builder
	negated := false // the word before was a negation
	doubled := false // a word of failure under a negation (不差, 未延误): which band it means is not said
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		matched := false
		for _, w := range qualityIndex[r] {
			if !strings.HasPrefix(s[i:], w.Word) {
				continue
			}
			kind := w.Kind
			if negated {
				switch kind {
				case WordEvent:
					kind = WordDone // 未发生, 无投诉: what should not happen did not
				case WordFailure:
					kind, doubled = WordNeutral, true
				default:
					has[WordNegation] = true
				}
			}
			negated = kind == WordNegation
			if !negated {
				has[kind] = true
			}
			i += len(w.Word)
			matched = true
			break
		}
		if matched {
			continue
		}
		switch {
		case negated && strings.ContainsRune("太很够算甚能大", r):
			// A word of degree or ability keeps the negation for the word after it: 不太好, 不能按时.
			unread.WriteRune(r)
			i += size
			continue
		case negated:
			has[WordNegation], negated = true, false
		}
		if strings.ContainsRune("，,。.；;、：:！!（）()“”\"'-—", r) {
			if unread.Len() > 0 && !strings.HasSuffix(unread.String(), "…") {
				unread.WriteString("…")
			}
		} else {
			unread.WriteRune(r)
		}
		i += size
	}
	if negated {
		has[WordNegation] = true
	}
	unknown = strings.Trim(unread.String(), "…")
	switch {
	case doubled:
		return QualityUnknown, strings.TrimSpace(text)
	case has[WordNegation] || has[WordFailure]:
		return QualityNotMet, unknown
	case has[WordQualifier]:
		return QualityPartial, unknown
	case has[WordDone]:
		return QualityMet, unknown
	}
	if unknown == "" {
		unknown = strings.TrimSpace(text)
	}
	return QualityUnknown, unknown
}

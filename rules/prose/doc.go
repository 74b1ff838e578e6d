// Package prose reads a scoring criterion written as prose (评分标准) into ordered tiers: a
// condition over the actual value, its ratio to the target or its text, and a score. It is a
// parser of that language, in stages that each say what they could not place:
//
//	normalise  full-width forms, traditional characters it knows, TeX and box-drawing
//	           operators, blanks inside numbers and words, an OCR 二 for = in a formula
//	lex        numbers with their units, comparison words, score words, separators
//	clauses    sentences cut at their scores; list labels, preambles and notes set aside
//	tree       per clause a condition and a consequence (a score, full marks, nothing, a
//	           discretionary range, a deduction or bonus with its step, base, cap and floor,
//	           a formula)
//	tiers      the clauses resolved against each other and the indicator (where a deduction
//	           counts from, what 未达到 is the complement of), checked for ambiguity, and
//	           written as expressions the rules compiler compiles
//
// Every rune of the text ends in exactly one part: used by a tier, known filler, or unread
// with a named reason. Precision comes first: where two readings would score differently and
// no convention of the field settles it, the text is left unread and the reason names the
// ambiguity; a convention that settles a reading is named on the tier it shaped.
//
// prose imports neither expr nor the model (indicators): it gets what it needs of the
// indicator as a plain Context and returns expression texts.
package prose

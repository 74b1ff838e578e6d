// Package near finds the known name nearest to a mistyped one, for "did you mean" hints:
// flags, commands, check codes and formats.
package near

import "strings"

// Closest returns the candidate nearest to s: within one edit for a word of up to four
// characters, else two (or a third of its length, whichever is more); failing that, the one
// candidate that s is a prefix of. It returns "" when none is near enough or two are
// equally near: a wrong guess is worse than none.
func Closest(s string, candidates []string) string {
	if s == "" {
		return ""
	}
	n := len([]rune(s))
	limit := max(2, n/3)
	if n <= 4 {
		limit = 1
	}
	best, bestD, ties := "", limit+1, 0
	for _, c := range candidates {
		switch d := Distance(s, c); {
		case d < bestD:
			best, bestD, ties = c, d, 0
		case d == bestD && best != "" && c != best:
			ties++
		}
	}
	if best != "" && ties == 0 {
		return best
	}
	if best != "" {
		return ""
	}
	var prefixed []string
	for _, c := range candidates {
		if strings.HasPrefix(c, s) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// Distance is the edit distance between a and b, in characters: insertions, deletions,
// substitutions and swaps of two neighbours (a transposed pair is the commonest typo).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// rows i-2, i-1 and i of the table
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

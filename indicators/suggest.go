package indicators

import (
	"strings"

	"jixiao/internal/near"
)

// closest returns the known key nearest to k, if it is near enough to be a likely typo or
// shortening (within two edits, or a third of k's length) and no other is as near.
func closest(k string, known []string) string {
	limit := max(2, len([]rune(k))/3)
	best, bestD, ties := "", limit+1, 0
	for _, c := range known {
		switch dist := near.Distance(k, c); {
		case dist < bestD:
			best, bestD, ties = c, dist, 0
		case dist == bestD && best != "":
			ties++
		}
	}
	if ties > 0 {
		return ""
	}
	if best != "" {
		return best
	}
	// A shortened name: every word of k, in order, among the words of one known key
	// (execution_min for execution_rate_min).
	var found []string
	for _, c := range known {
		if wordsWithin(strings.Split(k, "_"), strings.Split(c, "_")) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

func wordsWithin(words, in []string) bool {
	if len(words) < 2 {
		return false
	}
	i := 0
	for _, w := range in {
		if i < len(words) && w == words[i] {
			i++
		}
	}
	return i == len(words)
}

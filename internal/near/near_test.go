package near

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"format", "format", 0},
		{"formt", "format", 1},
		{"fromat", "format", 1}, // a swap is one edit
		{"score-mismach", "score-mismatch", 1},
		{"lang", "long", 1},
		{"", "abc", 3},
		{"检查", "检察", 1}, // characters, not bytes
	} {
		assert.Equal(t, c.want, Distance(c.a, c.b), "Distance(%q, %q)", c.a, c.b)
		assert.Equal(t, c.want, Distance(c.b, c.a), "Distance(%q, %q)", c.b, c.a)
	}
}

func TestClosest(t *testing.T) {
	flags := []string{"format", "summary", "quiet", "lang", "color", "tolerance", "config", "list", "explain"}
	for _, c := range []struct{ in, want string }{
		{"formt", "format"},
		{"fromat", "format"},
		{"sumary", "summary"},
		{"tol", "tolerance"},   // a unique prefix
		{"co", ""},             // color and config: ambiguous
		{"colour", "color"},    // one edit
		{"xyzzy", ""},          // nothing near
		{"", ""},               // nothing typed
		{"lsit", "list"},       // a swap
		{"explian", "explain"}, // a swap
	} {
		assert.Equal(t, c.want, Closest(c.in, flags), "Closest(%q)", c.in)
	}
	assert.Equal(t, "", Closest("lang", []string{"long", "lane"}), "two at the same distance: no guess")
	assert.Equal(t, "", Closest("vet", []string{"gen", "lint"}), "two edits in three letters is no likeness")
	assert.Equal(t, "check", Closest("chek", []string{"check", "gen"}))
	assert.Equal(t, "score-mismatch", Closest("score-mismach", []string{"score-mismatch", "total-mismatch", "grade-mismatch"}))
}

package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/indicators"
	"jixiao/internal/mdblock"
)

const (
	rulesBegin = "<!-- rules:begin (generated from engine's default review rules: go test ./engine -update-readme) -->"
	rulesEnd   = "<!-- rules:end -->"
)

// rulesMarkdown renders the default review rules as the README shows them.
func rulesMarkdown() string {
	var b strings.Builder
	b.WriteString("| code | 名称 | title | effect | note |\n|---|---|---|---|---|\n")
	for _, r := range DefaultReviewRules() {
		effect := string(r.Effect)
		if r.Effect == indicators.EffectCut {
			effect += fmt.Sprintf(", cut = %v", r.Cut)
		}
		if r.CompletionAbove != nil {
			effect += fmt.Sprintf(", completion_above = %v", *r.CompletionAbove)
		}
		note := ""
		if r.Note {
			note = "required"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.Code, r.Title, r.TitleEn, effect, note)
	}
	return b.String()
}

// The README's list of the review rules that ship with jixiao is the list itself.
func TestReadmeRules(t *testing.T) {
	stale, err := mdblock.Sync("../README.md", rulesBegin, rulesEnd, rulesMarkdown(), *updateReadme)
	require.NoError(t, err)
	assert.False(t, stale, "the README's rules are stale: go test ./engine -update-readme")
}

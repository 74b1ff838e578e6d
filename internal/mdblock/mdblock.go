// Package mdblock keeps a generated block of a Markdown file in step with what generates it:
// the lines between a begin marker (an HTML comment naming the command that regenerates the
// block) and an end marker. Tests use it to hold the README's catalogues and references to
// their one source.
package mdblock

import (
	"fmt"
	"os"
	"strings"
)

// Sync compares the block of the file at path that starts at the line beginning with begin
// and ends at the line beginning with end with body. With update it writes body there and
// reports nothing stale; without, it reports whether the block differs. The markers stay
// as they are written in the file.
func Sync(path, begin, end, body string, update bool) (stale bool, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	text := string(data)
	i := strings.Index(text, begin)
	if i < 0 {
		return false, fmt.Errorf("%s has no line starting %q", path, begin)
	}
	nl := strings.IndexByte(text[i:], '\n')
	if nl < 0 {
		return false, fmt.Errorf("%s ends on the marker %q", path, begin)
	}
	i += nl + 1
	j := strings.Index(text[i:], end)
	if j < 0 {
		return false, fmt.Errorf("%s has no %q after %q", path, end, begin)
	}
	j += i
	if text[i:j] == body {
		return false, nil
	}
	if !update {
		return true, nil
	}
	return false, os.WriteFile(path, []byte(text[:i]+body+text[j:]), 0o644)
}

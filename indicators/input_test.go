package indicators

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{
		"-": JSONLines, "a.jsonl": JSONLines, "a.NDJSON": JSONLines,
		"a.toml": TOML, "a.xlsx": Workbook, "a.xlsm": Workbook,
		"r.pdf": Report, "r.PDF": Report, "r.docx": Report, "r.txt": Report, "r.md": Report, "r.markdown": Report, "r.text": Report,
		"a.conf": Unknown, "a": Unknown, "a.doc": Unknown,
	} {
		assert.Equal(t, want, FormatOf(path), path)
	}
	// In a folder, a report's text is passed over (notes and READMEs are text too), and so
	// are Office's lock files; its published forms are taken.
	for path, want := range map[string]Format{
		"r.pdf": Report, "r.docx": Report, "r.txt": Unknown, "README.md": Unknown, "a.toml": TOML,
		"~$a.xlsx": Unknown, "~$r.docx": Unknown,
	} {
		assert.Equal(t, want, FolderFormat(path), path)
	}
}

// A folder stands for its projects and its published reports as .pdf and .docx; a text file
// stands for itself only when named.
func TestFilesWithReports(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.toml", "b.xlsx", "c.pdf", "d.docx", "e.txt", "README.md", "~$d.docx"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644))
	}
	files, err := Files([]string{dir, filepath.Join(dir, "e.txt")})
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	assert.Equal(t, []string{"a.toml", "b.xlsx", "c.pdf", "d.docx", "e.txt"}, names)
}

func TestPosOfAPage(t *testing.T) {
	assert.Equal(t, "r.pdf:p5:12:8", Pos{File: "r.pdf", Page: 5, Line: 12, Col: 8}.String())
	assert.Equal(t, "r.pdf:p5:12", Pos{File: "r.pdf", Page: 5, Line: 12}.String())
	assert.Equal(t, "r.pdf:p5", Pos{File: "r.pdf", Page: 5}.String())
	assert.Equal(t, "r.docx:表3!B5", Pos{File: "r.docx", Sheet: "表3", Line: 5, Col: 2}.String(), "a table's cell, as a sheet's")
}

// A project built by another reader places its keys; a key not placed falls back to the
// nearest enclosing key that is, then to the file.
func TestProjectPlace(t *testing.T) {
	p := &Project{File: "r.txt"}
	assert.Equal(t, Pos{File: "r.txt"}, p.Pos("indicator[0].weight"), "nothing placed: the file")
	p.Place("indicator", Pos{File: "r.txt", Line: 550})
	p.Place("indicator[0]", Pos{File: "r.txt", Line: 560, Col: 1})
	p.Place("indicator[0].weight", Pos{File: "r.txt", Line: 560, Col: 40})
	assert.Equal(t, Pos{File: "r.txt", Line: 560, Col: 40}, p.Pos("indicator[0].weight"))
	assert.Equal(t, Pos{File: "r.txt", Line: 560, Col: 1}, p.Pos("indicator[0].reported"), "the indicator's row")
	assert.Equal(t, Pos{File: "r.txt", Line: 550}, p.Pos("indicator[1].weight"), "the table")
	assert.Equal(t, Pos{File: "r.txt"}, p.Pos("funds.budget"))
}

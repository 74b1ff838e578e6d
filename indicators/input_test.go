package indicators

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jixiao/internal/i18n"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{
		"-": JSONLines, "a.jsonl": JSONLines, "a.NDJSON": JSONLines,
		"a.toml": TOML, "a.xlsx": Workbook, "a.xlsm": Workbook,
		"r.pdf": Report, "r.PDF": Report, "r.docx": Report, "r.txt": Report, "r.md": Report, "r.markdown": Report, "r.text": Report,
		"a.conf": Unknown, "a": Unknown, "a.csv": Unknown,
		"a.xls": Office, "a.XLS": Office, "a.xlsb": Office, "a.ods": Office, "a.et": Office, "a.wps": Office, "a.doc": Office,
	} {
		assert.Equal(t, want, FormatOf(path), path)
	}
	// In a folder, a report's text is passed over (notes and READMEs are text too), and so
	// are Office's lock files; its published forms are taken.
	for path, want := range map[string]Format{
		"r.pdf": Report, "r.docx": Report, "r.txt": Unknown, "README.md": Unknown, "a.toml": TOML,
		"~$a.xlsx": Unknown, "~$r.docx": Unknown, "a.xls": Unknown, // Files reports it
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

// The files of office suites that jixiao does not read are each one error saying to save them
// as .xlsx, named on the command line or found in a folder; a folder's other files are still
// taken, and a folder holding nothing else says so by naming them.
func TestOfficeFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.toml", "b.xls", "c.ods", "d.et", "e.wps", "~$f.xls"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte{0xD0, 0xCF, 0x11, 0xE0}, 0o644))
	}
	files, err := Files([]string{dir})
	require.Equal(t, []string{filepath.Join(dir, "a.toml")}, files, "the project is still read")
	var list ErrorList
	require.True(t, errors.As(err, &list), "got %v", err)
	var lines []string
	for _, e := range list {
		lines = append(lines, filepath.Base(e.Localize(i18n.Zh)))
	}
	assert.Equal(t, []string{
		"b.xls: 这是旧版 Excel 工作簿（.xls），jixiao 只读 .xlsx：请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（*.xlsx）后再试",
		"c.ods: 这是 OpenDocument 电子表格（.ods），jixiao 只读 .xlsx：请在 LibreOffice、WPS 或 Excel 中打开，“另存为”Excel 工作簿（*.xlsx）后再试",
		"d.et: 这是 WPS 表格文件（.et），jixiao 只读 .xlsx：请在 WPS 中打开，“另存为”Excel 工作簿（*.xlsx）后再试",
		"e.wps: 这是 WPS 文字文档（.wps），jixiao 读不了：其中的自评表请复制到表格中另存为 .xlsx，发布的报告请在 WPS 中“另存为” Word 文档（*.docx）后再试",
	}, lines, "one error each, the lock file left alone")

	only := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(only, "自评表.xls"), []byte{0xD0, 0xCF, 0x11, 0xE0}, 0o644))
	files, err = Files([]string{only})
	assert.Empty(t, files)
	require.Error(t, err, "a folder of .xls files is no empty folder: each is named")
	assert.Contains(t, err.Error(), "自评表.xls: this is an old Excel workbook (.xls); jixiao reads .xlsx only")

	_, err = LoadAny(filepath.Join(dir, "b.xls"), Limits{})
	require.True(t, errors.As(err, &list))
	require.Len(t, list, 1, "named on the command line: one error, not a TOML syntax error")
	assert.Equal(t, ErrRead, list[0].Kind)
	assert.Contains(t, list[0].Localize(i18n.Zh), "另存为”Excel 工作簿（*.xlsx）")
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

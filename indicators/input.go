package indicators

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"jixiao/internal/i18n"
)

// Format is what an input is, decided in one place (FormatOf) for the file discovery, the
// batch's reader and the loaders alike.
type Format int

// The input formats.
const (
	Unknown   Format = iota // not an input jixiao looks for in a folder; named alone, read as TOML
	TOML                    // *.toml: one project
	Workbook                // *.xlsx, *.xlsm: one or more projects, read by their labels
	JSONLines               // *.jsonl, *.ndjson, or "-" (standard input): one project per line
	// Report is a published 部门决算 report, read whole (package published): *.pdf and *.docx,
	// and its extracted text, *.txt and *.md. Its projects are scored like any other; the
	// report's own tables and narrative are checked beside them.
	Report
	// Office is a spreadsheet or document in a form jixiao does not read (.xls, .xlsb, .ods,
	// .et, .wps, .doc): named on the command line or found in a folder, it is one error saying
	// to save it as .xlsx (or a report as .docx).
	Office
)

// FormatOf says what the input at path is, by its name. A text file (.txt, .text, .md,
// .markdown) is a published report's text: jixiao's own project format is always named .toml,
// so a text file named on the command line is never a project, and a folder's text files
// (notes, a README) are not taken at all (FolderFormat).
func FormatOf(path string) Format {
	if path == "-" {
		return JSONLines
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".toml":
		return TOML
	case ".xlsx", ".xlsm":
		return Workbook
	case ".jsonl", ".ndjson":
		return JSONLines
	case ".pdf", ".docx", ".txt", ".text", ".md", ".markdown":
		return Report
	}
	if _, ok := officeForms[strings.ToLower(filepath.Ext(path))]; ok {
		return Office
	}
	return Unknown
}

// officeForms are the files of office suites jixiao does not read, by extension: what each
// is, and what to do.
var officeForms = map[string]i18n.Text{
	".xls": i18n.T("这是旧版 Excel 工作簿（.xls），jixiao 只读 .xlsx：请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（*.xlsx）后再试",
		"this is an old Excel workbook (.xls); jixiao reads .xlsx only: open it in Excel or WPS and save it as an Excel Workbook (*.xlsx), then try again"),
	".xlsb": i18n.T("这是 Excel 二进制工作簿（.xlsb），jixiao 只读 .xlsx：请在 Excel 中打开，“另存为”Excel 工作簿（*.xlsx）后再试",
		"this is an Excel binary workbook (.xlsb); jixiao reads .xlsx only: open it in Excel and save it as an Excel Workbook (*.xlsx), then try again"),
	".ods": i18n.T("这是 OpenDocument 电子表格（.ods），jixiao 只读 .xlsx：请在 LibreOffice、WPS 或 Excel 中打开，“另存为”Excel 工作簿（*.xlsx）后再试",
		"this is an OpenDocument spreadsheet (.ods); jixiao reads .xlsx only: open it in LibreOffice, WPS or Excel and save it as an Excel Workbook (*.xlsx), then try again"),
	".et": i18n.T("这是 WPS 表格文件（.et），jixiao 只读 .xlsx：请在 WPS 中打开，“另存为”Excel 工作簿（*.xlsx）后再试",
		"this is a WPS Spreadsheets file (.et); jixiao reads .xlsx only: open it in WPS and save it as an Excel Workbook (*.xlsx), then try again"),
	".wps": i18n.T("这是 WPS 文字文档（.wps），jixiao 读不了：其中的自评表请复制到表格中另存为 .xlsx，发布的报告请在 WPS 中“另存为” Word 文档（*.docx）后再试",
		"this is a WPS Writer document (.wps), which jixiao cannot read: copy a self-evaluation table into a spreadsheet saved as .xlsx, or save a published report as a Word document (*.docx) in WPS, then try again"),
	".doc": i18n.T("这是旧版 Word 文档（.doc），jixiao 读不了：请在 Word 或 WPS 中打开，“另存为” Word 文档（*.docx）后再试；其中的自评表也可复制到表格中另存为 .xlsx",
		"this is an old Word document (.doc), which jixiao cannot read: open it in Word or WPS and save it as a Word document (*.docx), then try again; a self-evaluation table in it may also be copied into a spreadsheet saved as .xlsx"),
}

// officeError is the error of a file in a form jixiao does not read.
func officeError(path string) *Error {
	return &Error{Pos: Pos{File: path}, Kind: ErrRead, Msg: officeForms[strings.ToLower(filepath.Ext(path))]}
}

// FolderFormat says whether a file found in a folder is an input, and of what format: what
// FormatOf says, except text files (.txt, .md), which a folder holds as notes more often than
// as reports, and Office's ~$ lock files. A report's text is read when named. A file of an
// office suite that jixiao does not read (Office) is not an input either: Files reports it.
func FolderFormat(path string) Format {
	f := FormatOf(path)
	if f == Report && !binaryReport(path) || f == Office || strings.HasPrefix(filepath.Base(path), "~$") {
		return Unknown
	}
	return f
}

// binaryReport reports whether path names a report in its published form (.pdf, .docx),
// rather than its extracted text.
func binaryReport(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".pdf" || ext == ".docx"
}

// Files expands the command-line arguments into the inputs to read: a file stands for
// itself, a folder for every input below it that FolderFormat knows (projects in TOML,
// workbooks, JSON Lines, and published reports as .pdf or .docx), in lexical order, and "-"
// (standard input) for itself. A folder's files that an office suite wrote in a form jixiao
// does not read (.xls, .ods, .et…) are each an error saying to save them as .xlsx, so that
// none is passed over in silence; the folder's other files are still returned.
func Files(args []string) ([]string, error) {
	var files []string
	var errs ErrorList
	for _, arg := range args {
		if arg == "-" {
			files = append(files, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, readError(arg, err))
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, readError(path, err))
				return nil
			}
			switch {
			case d.IsDir():
			case FolderFormat(path) != Unknown:
				found = append(found, path)
			case FormatOf(path) == Office && !strings.HasPrefix(d.Name(), "~$"):
				errs = append(errs, officeError(path))
			}
			return nil
		})
		if err != nil {
			errs = append(errs, readError(arg, err))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs.Err()
}

// LoadAny reads the projects of a file that is neither a JSON Lines stream nor a published
// report (which package published reads): a workbook, or TOML.
//
// A workbook may give projects and an error together: the projects it could read, and the
// error of each it could not (LoadWorkbook).
func LoadAny(path string, lim Limits) ([]*Project, error) {
	switch FormatOf(path) {
	case Workbook:
		return LoadWorkbook(path, lim)
	case Office:
		return nil, ErrorList{officeError(path)}
	}
	p, err := Load(path, lim)
	if err != nil {
		return nil, err
	}
	return []*Project{p}, nil
}

// checkSize rejects a file that does not exist or is larger than the limit, before it is read.
func checkSize(path string, lim Limits) *Error {
	info, err := os.Stat(path)
	if err != nil {
		return readError(path, err)
	}
	if info.Size() > lim.MaxFileSize {
		return &Error{Pos: Pos{File: path}, Kind: ErrLimit, Msg: i18n.T(
			"文件大小 %d 字节，超过上限 %d 字节；真实的自评表远小于此，请检查文件，或用 --max-file-size 放宽上限",
			"the file is %d bytes, over the limit of %d; no real self-evaluation is this large: check the file, or raise the limit with --max-file-size",
			info.Size(), lim.MaxFileSize)}
	}
	return nil
}

func readError(path string, err error) *Error {
	var msg i18n.Text
	info, statErr := os.Stat(path)
	switch {
	case statErr == nil && info.IsDir():
		msg = i18n.T("这是文件夹，不是文件：请给出其中要读的文件（如 %s）",
			"this is a folder, not a file: name the files in it to read (such as %s)", filepath.Join(path, "*.xlsx"))
	case errors.Is(err, fs.ErrNotExist):
		msg = i18n.T("文件不存在，请检查路径", "no such file: check the path")
	case errors.Is(err, fs.ErrPermission):
		msg = i18n.T("没有读取权限：请检查文件的权限，或换一个能读取它的账户", "permission denied: check the file's permissions, or use an account that can read it")
	default:
		msg = i18n.T("无法读取：%s", "cannot read it: %s", i18n.OSError(err))
	}
	return &Error{Pos: Pos{File: path}, Kind: ErrRead, Msg: msg}
}

package indicators

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"unicode/utf8"

	"jixiao/internal/i18n"
)

// workbookOpenError says why a file named as a workbook could not be opened as one, from what
// the file holds: nothing at all, a document of another kind (an old .xls or an encrypted
// workbook, text such as a CSV or TOML file renamed), or a damaged archive; each with what to
// do. The library's own words follow in English alone.
func workbookOpenError(path string, err error) *Error {
	head := make([]byte, 512)
	n := 0
	if f, openErr := os.Open(path); openErr == nil {
		n, _ = io.ReadFull(f, head)
		f.Close()
	}
	head = head[:n]
	saveAs := i18n.T("请用 Excel 或 WPS 打开它，另存为 .xlsx 后再试", "open it in Excel or WPS, save it as .xlsx and try again")
	var why i18n.Text
	switch {
	case n == 0:
		why = i18n.T("文件是空的（0 字节）：多半没有保存完或没有复制完；请重新导出或复制这个工作簿",
			"the file is empty (0 bytes): it was most likely not saved or copied whole; export or copy the workbook again")
		return &Error{Pos: Pos{File: path}, Kind: ErrRead, Msg: why}
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		why = i18n.T("这是旧版 .xls 格式或加了密码的工作簿，不是 .xlsx：%s（有密码的先去掉密码）",
			"this is an old .xls workbook or one with a password, not .xlsx: %s (remove the password first, if it has one)", saveAs)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")): // a zip archive, cut short or damaged
		why = i18n.T("文件已损坏（.xlsx 压缩包不完整，多半没有保存完、下载完或复制完）：请重新导出或复制这个工作簿，或用 Excel 或 WPS 打开后另存为 .xlsx",
			"the file is damaged (the .xlsx archive is incomplete, most likely not saved, downloaded or copied whole): export or copy the workbook again, or open it in Excel or WPS and save it as .xlsx")
	case utf8.Valid(head) && !bytes.ContainsRune(head, 0):
		why = i18n.T("这个文件是文本（可能是改了扩展名的 CSV 或 TOML 文件），不是 .xlsx 工作簿：%s；TOML 文件请用 .toml 扩展名",
			"this file is text (perhaps a CSV or TOML file renamed), not an .xlsx workbook: %s; a TOML file needs the .toml extension", saveAs)
	case errors.Is(err, zip.ErrFormat):
		why = i18n.T("文件已损坏，或者不是 .xlsx 工作簿（.xlsx 是一个 zip 压缩包，而它不是）：%s",
			"the file is damaged, or not an .xlsx workbook (an .xlsx file is a zip archive, and this is not): %s", saveAs)
	default:
		why = i18n.T("无法作为 Excel 工作簿（.xlsx）打开：%s", "cannot open it as an Excel workbook (.xlsx): %s", saveAs)
	}
	return &Error{Pos: Pos{File: path}, Kind: ErrSyntax, Msg: i18n.Text{Zh: why.String(i18n.Zh), En: why.String(i18n.En) + " (" + err.Error() + ")"}}
}

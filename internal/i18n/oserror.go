package i18n

import (
	"errors"
	"io"
	"io/fs"
	"syscall"
)

// OSError says why the system refused a read or a write, in both languages: the common
// causes named with what to do, anything else in the system's own words, marked as such, so
// that no Go error text stands in a Chinese message as if it were jixiao's. The path is not
// repeated: the message it goes into names the file.
func OSError(err error) Text {
	var pe *fs.PathError
	var le interface{ Unwrap() error }
	switch {
	case errors.Is(err, syscall.EISDIR):
		return T("这是文件夹，不是文件", "this is a folder, not a file")
	case errors.Is(err, fs.ErrNotExist):
		return T("文件或文件夹不存在，请检查路径", "no such file or folder: check the path")
	case errors.Is(err, fs.ErrPermission):
		return T("没有权限：请检查文件或文件夹的权限", "permission denied: check the permissions of the file or folder")
	case errors.Is(err, syscall.ENOTDIR):
		return T("路径中有一段不是文件夹，请检查路径", "a part of the path is not a folder: check the path")
	case errors.Is(err, syscall.ENOSPC):
		return T("磁盘已满：请腾出空间后重试", "the disk is full: free some space and try again")
	case errors.Is(err, syscall.EROFS):
		return T("这个位置是只读的：请换一个可写的位置", "this place is read-only: choose one that can be written")
	case errors.Is(err, syscall.ENAMETOOLONG):
		return T("文件名或路径太长", "the file name or path is too long")
	case errors.Is(err, syscall.EIO):
		return T("读写时出现输入/输出错误：磁盘、U 盘或网络位置可能有问题", "an input/output error: the disk, USB drive or network place may be failing")
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return T("同时打开的文件太多：请稍后重试", "too many files are open: try again later")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return T("文件不完整（中途结束）：可能没有下载或复制完", "the file is cut short: it may not have been downloaded or copied whole")
	case errors.As(err, &pe):
		return T("系统报告：%s", "the system reports: %s", pe.Err.Error())
	case errors.As(err, &le) && le.Unwrap() != nil:
		return T("系统报告：%s", "the system reports: %s", le.Unwrap().Error())
	}
	return T("系统报告：%s", "the system reports: %s", err.Error())
}

package report

import "jixiao/internal/i18n"

// count is n things in both languages, the English noun agreeing with n (i18n.Count).
func count(n int, zh, one, many string) i18n.Text { return i18n.Count(n, zh, one, many) }

// severityCounts is how many findings of each severity: "3 个错误，1 个警告，0 个提示", "3
// errors, 1 warning, 0 info".
func severityCounts(errors, warnings, infos int) i18n.Text {
	return i18n.T("%s，%s，%s", "%s, %s, %s", count(errors, "个错误", "error", "errors"),
		count(warnings, "个警告", "warning", "warnings"), count(infos, "个提示", "info", "info"))
}

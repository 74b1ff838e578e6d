package web

import (
	"errors"

	"jixiao/internal/i18n"
)

// The server's own messages: what a reviewer reads when a request is refused. Findings'
// messages and the table's labels are report's (report.Message, report.Table).
var (
	msgForeignHost = i18n.T(
		"拒绝访问：请求的主机名不是本机（127.0.0.1 或 localhost）。请用 jixiao serve 打印的地址打开；要让其他电脑访问，请以 --addr 和 --token 启动",
		"refused: the request is not addressed to this machine (127.0.0.1 or localhost). Open the address jixiao serve printed; to serve other machines, start it with --addr and --token")
	msgForeignOrigin = i18n.T(
		"拒绝访问：这次修改来自另一个网站。请在 jixiao 自己的页面上修改复核记录",
		"refused: this change comes from another site. Change the review on jixiao's own pages")
	msgNeedToken = i18n.T(
		"需要访问令牌：请用 jixiao serve 打印的带 ?token= 的地址打开，脚本请加 Authorization: Bearer 令牌",
		"a token is needed: open the address with ?token= that jixiao serve printed; scripts send Authorization: Bearer TOKEN")
	msgBadFormToken = i18n.T(
		"页面已过期（服务重启过，或不是本服务生成的页面）：请刷新页面后重新填写保存",
		"the page is out of date (the server restarted, or the page did not come from it): reload the page and save again")
	msgTooLarge = i18n.T(
		"提交的内容过大（上限 %d 字节）：请缩短扣分理由或备注",
		"the request is too large (the limit is %d bytes): shorten the reason or the note")
	msgNoProject = i18n.T(
		"没有编号为 %s 的项目：自评表可能已被移走或改名，请回到项目清单",
		"no project has the ID %s: its submission may have been moved or renamed; go back to the list of projects")
	msgNoIndicator = i18n.T(
		"指标序号 %s 无效：该项目有 %d 个指标，序号从 1 开始",
		"indicator number %s is not valid: the project has %d indicators, numbered from 1")
	msgNotFound = i18n.T("没有这个页面", "no such page")
	msgBadJSON  = i18n.T(
		"请求正文不是有效的 JSON（%s）；应为 {\"score\": 18, \"reason\": \"…\", \"rule\": \"…\", \"note\": \"…\", \"reviewer\": \"姓名\"}",
		"the request body is not valid JSON (%s); send {\"score\": 18, \"reason\": \"…\", \"rule\": \"…\", \"note\": \"…\", \"reviewer\": \"NAME\"}")
	msgUnknownKey = i18n.T(
		"请求正文中有本接口不认识的键 %s；可用的键：%s",
		"the request body has the key %s, which this request does not take; the keys are: %s")
	msgBadJSONValue = i18n.T(
		"请求正文中键 %s 的值类型不对（应为%s）",
		"the key %s of the request body has a value of the wrong kind (it should be %s)")
	msgScoreNotNumber = i18n.T(
		"复核得分 %q 不是数字：请填写 18 或 17.5 这样的数，或留空表示尚未复核",
		"the review score %q is not a number: write a number such as 18 or 17.5, or leave it empty for not yet reviewed")
	msgScoreNegative = i18n.T(
		"复核得分 %s 为负数：得分最低为 0",
		"the review score %s is negative: the lowest score is 0")
	msgScoreOverWeight = i18n.T(
		"复核得分 %s 超过该指标的分值 %s：得分不能高于分值",
		"the review score %s is above the indicator's weight %s: a score cannot exceed its weight")
	msgNeedReviewer = i18n.T(
		"请填写复核人姓名：每次修改都记下是谁做的",
		"give the reviewer's name: every change records who made it")
	msgStoreBusy = i18n.T(
		"复核记录库正忙（另一个程序占用着它）：请稍后再保存",
		"the review store is busy (another program holds it): save again in a moment")
	msgSubmissionChanged = i18n.T(
		"自评表已被修改，请刷新页面核对后再保存",
		"the submission has changed since this page was shown: reload the page, check the figures and save again")
	msgReviewChanged = i18n.T(
		"这条复核记录已被 %s 于 %s 修改：请刷新页面，核对其修改后再保存",
		"%s changed this review at %s: reload the page, check their change and save again")
	msgReviewChangedAway = i18n.T(
		"这条复核记录已被他人修改：请刷新页面核对后再保存",
		"someone else changed this review: reload the page, check it and save again")
	msgBadChanged = i18n.T(
		"“changed” 的值 %q 不是时间：应照抄 GET 给出的 changed.at（如 2024-05-20T08:30:00.123456Z），从未保存过的写 \"\"",
		"the value %q of \"changed\" is not a time: copy changed.at as GET gives it (such as 2024-05-20T08:30:00.123456Z), or \"\" for a record never saved")
	msgInternal = i18n.T(
		"服务器内部错误：%s",
		"internal error: %s")
	msgMovedTwice = i18n.T(
		"按位置保存的复核记录迁移之后又出现了待迁移的记录（可能另一个 jixiao 正同时使用这个复核记录库）：请关闭另一个 jixiao 后重试",
		"review records kept by place were still to move after moving them (another jixiao may be using the review database at the same time): close it and try again")
)

// Error is a failure of the server that is none of the store's, with its message in
// both languages.
type Error struct{ Msg i18n.Text }

// Error is the message in English.
func (e *Error) Error() string { return e.Msg.String(i18n.En) }

// Localize is the message in lang.
func (e *Error) Localize(lang i18n.Lang) string { return e.Msg.String(lang) }

// localizer is an error that can say itself in either language (store.Error, Error).
type localizer interface{ Localize(i18n.Lang) string }

// internalDetail is what a reader is told of an unexpected error err: its message in
// their language when it has one; else, in Chinese, that the log says more (the cause's
// text, from a library, is in English).
func internalDetail(err error) i18n.Text {
	var l localizer
	if errors.As(err, &l) {
		return i18n.Text{Zh: l.Localize(i18n.Zh), En: l.Localize(i18n.En)}
	}
	return i18n.Text{Zh: "详情已记入 jixiao serve 的日志（运行它的窗口）；请稍后重试，仍出错请把日志发给管理员", En: err.Error()}
}

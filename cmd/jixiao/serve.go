package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"jixiao/batch"
	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/store"
	"jixiao/web"
)

// serveFlags are the settings of serve, as its flags give them.
type serveFlags struct {
	addr       string
	db         string
	token      string
	configPath string
}

// serveCommand runs the review web application: jixiao serve [--addr A] [--db FILE] DIR|FILE...
func (a *app) serveCommand() *cobra.Command {
	var sf serveFlags
	cmd := &cobra.Command{
		Use:        "serve " + a.t("[选项] 文件夹或文件...", "[flags] DIR|FILE..."),
		Short:      a.t("在浏览器中复核：项目清单、复核表、问题和复核记录", "review in a browser: the batch, each project's table, findings and the reviewer's records"),
		GroupID:    groupReview,
		SuggestFor: []string{"web", "server", "ui", "http"},
		Long: a.t(`在本机启动复核网页：项目清单（可按单位、等次变化、问题代码筛选和排序，附等次、问题和偏离度图表），
每个项目的复核表（与 check 的文本输出相同，有争议的数字标出，问题列在各行旁），评分标准各档，以及每个
指标的复核录入（复核完成值、复核得分、扣分理由、复核口径、备注）。复核记录保存在 SQLite 数据库中
（默认为第一个文件夹下的 .jixiao/review.db），每次保存都记下是谁、何时、改了什么。自评表在磁盘上
改动后自动重新读取；复核之后被改动的自评表在页面上标出。页面默认中文，?lang=en 为英文。
只监听本机地址（127.0.0.1）；要监听其他地址须同时给出 --token，此后每个请求都要带上它。
按 Ctrl-C 停止：正在处理的请求完成后关闭数据库。`,
			`Starts the review web application on this machine: the batch (sortable and filterable by unit,
grade change and finding code, with charts of grades, findings and deviation), each project's
table (as check's text output shows it, disputed figures marked, findings beside their rows),
the criterion's tiers, and each indicator's review inputs (actual, score, reason, rule, note).
The reviews are kept in an SQLite database (by default .jixiao/review.db in the first folder);
every save records who changed what and when. Submissions changed on disk are read again; a
submission edited after its review was recorded is flagged on its page. Pages are in Chinese,
in English with ?lang=en or the browser's language.
It listens on this machine only (127.0.0.1); another address needs --token, which every
request must then carry. Ctrl-C stops it: requests in flight finish, then the database is closed.`),
		Example: a.t(`  jixiao serve 自评表/
  jixiao serve --addr 127.0.0.1:9000 --db 复核.db 自评表/ 补报.xlsx
  jixiao serve --addr 0.0.0.0:8080 --token 口令 自评表/     # 让同一网络的同事访问`,
			`  jixiao serve submissions/
  jixiao serve --addr 127.0.0.1:9000 --db review.db submissions/ late.xlsx
  jixiao serve --addr 0.0.0.0:8080 --token SECRET submissions/   # colleagues on the network`),
		RunE: a.runs(func(cmd *cobra.Command, args []string) int {
			if len(args) == 0 {
				return a.usage(cmd, a.t("请给出自评表所在的文件夹或文件：jixiao serve 自评表/", "name the folder or files of the submissions: jixiao serve submissions/"))
			}
			for _, arg := range args {
				if arg == "-" {
					return a.usage(cmd, a.t("serve 读取磁盘上的文件，不能读标准输入", "serve reads files on disk, not standard input"))
				}
			}
			host, _, err := net.SplitHostPort(sf.addr)
			if err != nil {
				return a.usage(cmd, a.t("--addr %q 不是“主机:端口”的形式，例如 127.0.0.1:8080", "--addr %q is not host:port, such as 127.0.0.1:8080", sf.addr))
			}
			if !loopback(host) && sf.token == "" {
				return a.usage(cmd, a.t("--addr %s 会让其他电脑访问复核记录：请同时给出 --token 口令，或使用 127.0.0.1",
					"--addr %s lets other machines reach the reviews: give --token SECRET too, or use 127.0.0.1", sf.addr))
			}
			return a.serve(sf, args)
		}),
	}
	fs := cmd.Flags()
	fs.StringVar(&sf.addr, "addr", "127.0.0.1:8080", a.t("监听的`地址`（主机:端口；默认 127.0.0.1:8080，端口 0 表示任选空闲端口）",
		"the `address` to listen on (host:port; default 127.0.0.1:8080, port 0 picks a free one)"))
	fs.StringVar(&sf.db, "db", "", a.t("复核记录库`文件`（默认为第一个文件夹下的 .jixiao/review.db）",
		"the review database `FILE` (default .jixiao/review.db in the first folder)"))
	fs.StringVar(&sf.token, "token", "", a.t("访问`口令`：每个请求都须带上；监听本机以外的地址时必须给出",
		"the access `token` every request must carry; required to listen beyond this machine"))
	fs.StringVar(&sf.configPath, "config", "", a.t("含 [review] 阈值表的 TOML `文件`（一个省的规则）",
		"a TOML `FILE` holding a [review] table of thresholds (a province's rules)"))
	cmd.RegisterFlagCompletionFunc("db", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"db"}, cobra.ShellCompDirectiveFilterFileExt
	})
	cmd.RegisterFlagCompletionFunc("config", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return []cobra.Completion{"toml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	cmd.RegisterFlagCompletionFunc("addr", cobra.NoFileCompletions)
	cmd.RegisterFlagCompletionFunc("token", cobra.NoFileCompletions)
	return cmd
}

// started tells where the server is and what it serves: its projects, the files it
// could not read, the review database (said to be new when it is), and the address to
// open, or, for a listen on every address, this machine's addresses for colleagues.
func (a *app) started(srv *web.Server, db string, created bool, at *net.TCPAddr, token string) {
	var b strings.Builder
	b.WriteString(a.t("jixiao serve：", "jixiao serve: "))
	b.WriteString(i18n.Count(srv.Projects(), "个项目", "project", "projects").String(a.lang))
	if unread := srv.Unread(); len(unread) > 0 {
		b.WriteString(a.t("，", ", "))
		b.WriteString(i18n.Count(len(unread), "个文件无法读取", "file could not be read", "files could not be read").String(a.lang))
		b.WriteString(a.t("：", ": "))
		b.WriteString(strings.Join(unread, a.t("、", ", ")))
		b.WriteString(a.t("（原因见页面，或用 jixiao check 查看）", " (the page says why, as does jixiao check)"))
	}
	if created {
		b.WriteString(a.t("；新建复核记录库 ", "; a new review database "))
	} else {
		b.WriteString(a.t("；复核记录库 ", "; reviews in "))
	}
	b.WriteString(db)
	b.WriteString("\n")
	local, others := browseURLs(at, token, machineAddrs())
	b.WriteString(a.t("请在浏览器中打开 ", "open "))
	b.WriteString(local)
	b.WriteString(a.t("", " in a browser"))
	b.WriteString("\n")
	if at.IP.IsUnspecified() {
		if len(others) > 0 {
			b.WriteString(a.t("同一网络的同事打开 ", "colleagues on the network open "))
			b.WriteString(strings.Join(others, a.t(" 或 ", " or ")))
		} else {
			b.WriteString(a.t("同一网络的同事：把地址中的 127.0.0.1 换成本机的 IP 地址", "colleagues on the network: put this machine's IP address in place of 127.0.0.1"))
		}
		b.WriteString("\n")
	}
	b.WriteString(a.t("按 Ctrl-C 停止", "Ctrl-C stops it"))
	fmt.Fprintln(a.stdout, b.String())
}

// browseURLs are the addresses to open for a server listening at at: the one it listens
// on, or for a listen on every address (0.0.0.0, ::), 127.0.0.1 for this machine's browser
// and one for each of the machine's other addresses (addrs), for colleagues.
func browseURLs(at *net.TCPAddr, token string, addrs []net.IP) (local string, others []string) {
	link := func(ip net.IP) string {
		u := "http://" + net.JoinHostPort(ip.String(), strconv.Itoa(at.Port)) + "/"
		if token != "" {
			u += "?token=" + url.QueryEscape(token)
		}
		return u
	}
	if !at.IP.IsUnspecified() {
		return link(at.IP), nil
	}
	for _, ip := range addrs {
		if ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsUnspecified() {
			continue
		}
		if at.IP.To4() != nil && ip.To4() == nil { // an IPv4 listen is not reached over IPv6
			continue
		}
		others = append(others, link(ip))
	}
	return link(net.IPv4(127, 0, 0, 1)), others
}

// machineAddrs are this machine's IP addresses; none when they cannot be listed.
func machineAddrs() []net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []net.IP
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			out = append(out, n.IP)
		}
	}
	return out
}

// listenError says why the address cannot be listened on, and what to do.
func (a *app) listenError(addr string, err error) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return a.t("无法监听 %s：该端口已被另一个程序（或另一个 jixiao serve）占用；请换一个端口，例如 --addr 127.0.0.1:9000，或用 --addr 127.0.0.1:0 任选空闲端口",
			"cannot listen on %s: another program (or another jixiao serve) holds the port; pick another, such as --addr 127.0.0.1:9000, or let --addr 127.0.0.1:0 pick a free one", addr)
	case errors.Is(err, syscall.EACCES):
		return a.t("无法监听 %s：没有权限使用该端口（1024 以下的端口须有管理员权限）；请换用 1024 以上的端口，例如 --addr 127.0.0.1:8080",
			"cannot listen on %s: no permission for the port (ports below 1024 need an administrator); use one above 1024, such as --addr 127.0.0.1:8080", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return a.t("无法监听 %s：本机没有这个地址；请用 127.0.0.1，或本机网卡的地址", "cannot listen on %s: this machine has no such address; use 127.0.0.1, or an address of this machine's network card", addr)
	}
	return a.t("无法监听 %s（%v）；请检查 --addr", "cannot listen on %s (%v): check --addr", addr, err)
}

// isDir reports whether path is a folder that exists.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// nothingToReview refuses a batch in which no project could be read: unread are its
// files, each a published report or unreadable.
func (a *app) nothingToReview(args, unread []string) int {
	fmt.Fprintln(a.paintErr(), "jixiao serve:", a.t("%s：没有可复核的项目（%s 无法读取或不是自评表）；请用 jixiao check %s 查看原因",
		"%s: nothing to review (%s could not be read or hold no self-evaluation): see why with jixiao check %s",
		strings.Join(args, a.t("、", ", ")), strings.Join(unread, a.t("、", ", ")), strings.Join(args, " ")))
	return exitInput
}

// loopback reports whether host names this machine only.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serve opens the store, reads the submissions, listens, and serves until the run's
// context ends (Ctrl-C, SIGTERM); then it shuts down and closes the store.
func (a *app) serve(sf serveFlags, args []string) int {
	ctx, stderr := a.ctx, a.paintErr()
	fail := func(err error) int {
		var se *store.Error
		var we *web.Error
		if errors.As(err, &se) {
			fmt.Fprintln(stderr, "jixiao serve:", se.Localize(a.lang))
		} else if errors.As(err, &we) {
			fmt.Fprintln(stderr, "jixiao serve:", we.Localize(a.lang))
		} else {
			fmt.Fprint(stderr, "jixiao serve: ")
			printErrors(stderr, err, a.lang)
		}
		return exitInput
	}
	// A path that does not exist, or a folder with nothing jixiao reads, is refused as
	// check refuses it.
	files, code := a.inputs(args, stderr)
	if code != exitOK {
		return code
	}
	// Published reports alone: refused before a review database is made for them.
	if !slices.ContainsFunc(files, func(f string) bool { return indicators.FormatOf(f) != indicators.Report }) {
		return a.nothingToReview(args, files)
	}
	root := args[0]
	if fi, err := os.Stat(root); err == nil && !fi.IsDir() {
		root = filepath.Dir(root)
	}
	db := sf.db
	if db == "" {
		db = store.DefaultPath(root)
	} else if dir := filepath.Dir(db); !isDir(dir) {
		// A mistyped --db must not make a new, empty store that hides the reviews.
		fmt.Fprintln(stderr, "jixiao serve:", a.t("--db %s：文件夹 %s 不存在；请检查路径（新建复核记录库时，它所在的文件夹须已存在）",
			"--db %s: the folder %s does not exist; check the path (a new review database goes in a folder that exists)", db, dir))
		return exitInput
	}
	_, statErr := os.Stat(db)
	created := errors.Is(statErr, os.ErrNotExist)
	var eopts engine.Options
	if sf.configPath != "" {
		cfg, err := indicators.LoadConfig(sf.configPath)
		if err != nil {
			return fail(err)
		}
		eopts.Config = cfg
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return fail(err)
	}
	closed := false
	defer func() {
		if !closed {
			st.Close()
		}
	}()
	reportProjects := func(path string) (int, error) {
		ps, err := batch.Projects(path, indicators.Limits{})
		return len(ps), err
	}
	srv, err := web.New(ctx, web.Options{Inputs: args, Root: root, Store: st, Engine: eopts, Token: sf.token, Log: stderr,
		ReportProjects: reportProjects})
	if err != nil {
		return fail(err)
	}
	if srv.Projects() == 0 {
		return a.nothingToReview(args, srv.Unread())
	}
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		fmt.Fprintln(stderr, "jixiao serve:", a.listenError(sf.addr, err))
		return exitInput
	}
	a.started(srv, st.Path(), created, ln.Addr().(*net.TCPAddr), sf.token)
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "jixiao serve:", err)
		return exitInput
	}
	closed = true
	if err := st.Close(); err != nil {
		return fail(err)
	}
	fmt.Fprintln(a.stdout, a.t("jixiao serve：已停止，复核记录库已关闭", "jixiao serve: stopped, the review database closed"))
	return exitOK
}

package web

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "save the browser test's screenshots of the batch and a project in ../docs/ (for the README)")

// chromium finds the browser: JIXIAO_CHROMIUM, else chromium on the PATH (Debian's
// package). Without one the browser test is skipped here, and fails in CI, which installs it.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("JIXIAO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed: .ci/run installs Debian's chromium package for this test")
	}
	t.Skip("chromium is not installed (apt-get install -y chromium, or set JIXIAO_CHROMIUM): the browser test is skipped")
	return ""
}

// browserContext starts a headless Chromium with a fresh profile, closed when the test ends.
func browserContext(t *testing.T, path string, downloads string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("accept-lang", "zh-CN,zh"),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.Flag("force-device-scale-factor", "1"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first action starts the browser; it must run on the context without a deadline.
	require.NoError(t, chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptrTo(true)})
		return err
	})), "starting %s", path)
	return ctx
}

func ptrTo[T any](v T) *T { return &v }

// A reviewer in a real browser: opens the batch, opens a project, enters a 复核得分 and a
// reason, reloads and finds them kept, exports the workbook and finds the score in it. The
// screenshots of the batch and the project are the README's (-update-screenshots).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test starts Chromium; -short skips it")
	}
	path := chromium(t)
	dir := copySeed(t)
	generate(t, dir, "县区", 18, 11)
	f := serve(t, dir, Options{})
	reviewSome(t, f)

	downloads := t.TempDir()
	ctx := browserContext(t, path, downloads)
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		require.NoError(t, chromedp.Do(sctx, actions...), what)
	}
	textOf := func(sel string) string {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		s, err := chromedp.Run(sctx, chromedp.Text(chromedp.CSS(sel)))
		require.NoError(t, err, "the text of %s", sel)
		return s
	}
	valueOf := func(sel string) string {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		s, err := chromedp.Run(sctx, chromedp.Value(chromedp.CSS(sel)))
		require.NoError(t, err, "the value of %s", sel)
		return s
	}

	// The batch, in Chinese: the browser asks for it.
	step("open the batch", chromedp.Navigate(f.http.URL+"/"), chromedp.WaitVisible(chromedp.CSS("table.batch")))
	assert.Equal(t, "项目清单", textOf("h1"))
	batch := textOf("table.batch")
	assert.Contains(t, batch, seedShebao)
	assert.Contains(t, batch, "泉港区社会保险中心")
	screenshot(t, ctx, "serve-batch.png", true)

	// A project, from its link.
	e := f.entry(t, seedShebao)
	step("open the project", chromedp.Click(chromedp.CSS(`a[href="/projects/`+e.id+`"]`)), chromedp.WaitVisible(chromedp.CSS("#ind-2")))
	assert.Equal(t, seedShebao, textOf("h1"))
	assert.Contains(t, textOf("#ind-2"), "资金投入")
	assert.Contains(t, textOf("#detail-2 .findings-col"), "score-mismatch", "the finding beside its row")

	// The review of indicator 2: a score and a reason, saved under the reviewer's name.
	step("enter the review",
		chromedp.SetValue(chromedp.CSS("#saver"), "张三"),
		chromedp.SendKeys(chromedp.CSS("#detail-2 input[name=score]"), "6.5"),
		chromedp.SendKeys(chromedp.CSS("#detail-2 textarea[name=reason]"), "到位资金不足，按口径扣 30%"),
		chromedp.SetValue(chromedp.CSS("#detail-2 select[name=rule]"), "unassessable-30"),
		chromedp.Click(chromedp.CSS("#detail-2 form.review button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#detail-2 .saved")),
	)
	step("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#detail-2")))
	assert.Equal(t, "6.5", valueOf("#detail-2 input[name=score]"), "the score is kept")
	assert.Equal(t, "到位资金不足，按口径扣 30%", valueOf("#detail-2 textarea[name=reason]"), "the reason is kept")
	assert.Equal(t, "unassessable-30", valueOf("#detail-2 select[name=rule]"))
	assert.Contains(t, textOf("#detail-2 .review-col h3"), "张三", "the page says who changed it")
	assert.Equal(t, "张三", valueOf("#saver"), "the name is remembered")
	rec, err := f.store.Project(t.Context(), e.key)
	require.NoError(t, err)
	ir, ok := rec.Indicator(e.refs[1])
	require.True(t, ok)
	assert.Equal(t, "6.5", ir.Review.Score.String())
	assert.Equal(t, "张三", ir.Changed.By)
	screenshot(t, ctx, "serve-project.png", false)

	// The review workbook, exported from the page: the score is in it.
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	step("export", chromedp.Click(chromedp.CSS(`a[href="/export.xlsx"]`)))
	var file string
	deadline := time.After(60 * time.Second)
	done := make(chan string, 1)
	go func() {
		for ev, err := range progress {
			if err != nil {
				done <- ""
				return
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				done <- filepath.Join(downloads, ev.GUID)
				return
			}
		}
	}()
	select {
	case file = <-done:
	case <-deadline:
		t.Fatal("the workbook did not download")
	}
	require.NotEmpty(t, file, "the download failed")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	cells := workbookText(t, data)
	assert.Contains(t, cells, "到位资金不足，按口径扣 30%")
	assert.Regexp(t, `\n6\.50?\n`, cells, "the 复核得分 entered in the browser is in the workbook")

	// Another reviewer changes indicator 2 while the page still shows 张三's review: the
	// page's save is refused, saying who changed it, and theirs stands.
	f.put(t, "/api/projects/"+e.id+"/indicators/2/review", `{"score":7,"reviewer":"李四"}`)
	step("save over another's change",
		chromedp.SetValue(chromedp.CSS("#detail-2 input[name=score]"), "5"),
		chromedp.Click(chromedp.CSS("#detail-2 form.review button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#detail-2 .form-error")),
	)
	assert.Contains(t, textOf("#detail-2 .form-error"), "这条复核记录已被 李四 于")
	assert.Equal(t, "5", valueOf("#detail-2 input[name=score]"), "what was typed is kept")
	rec, err = f.store.Project(t.Context(), e.key)
	require.NoError(t, err)
	ir, _ = rec.Indicator(e.refs[1])
	assert.Equal(t, "7", ir.Review.Score.String(), "李四's score stands")
}

// reviewSome completes the review of a few generated projects, so the batch shows review
// totals, changed grades and the deviation chart.
func reviewSome(t *testing.T, f *fixture) {
	t.Helper()
	reviewed := 0
	for _, e := range f.srv.cur.Load().entries {
		if !strings.HasPrefix(e.rel, "县区/") || reviewed == 6 {
			continue
		}
		reviewed++
		for i, ir := range e.result.Indicators {
			score := ir.Score
			if !ir.HasScore {
				score = ir.Indicator.Weight / 2
			}
			body := fmt.Sprintf(`{"score": %v, "rule": "by-criterion", "reviewer": "李四"}`, score)
			if i == reviewed%len(e.result.Indicators) { // one cut per project, with its reason and rule
				body = fmt.Sprintf(`{"score": %v, "reason": "无佐证材料", "rule": "no-evidence", "reviewer": "李四"}`, 0)
			}
			r := f.do(t, http.MethodPut, fmt.Sprintf("/api/projects/%s/indicators/%d/review", e.id, i+1), body)
			require.Equal(t, http.StatusOK, r.status, r.body)
		}
	}
	require.Equal(t, 6, reviewed)
}

// screenshot saves the page: the whole page (full) or the window, in the test's folder, or
// with -update-screenshots in ../docs/ for the README.
func screenshot(t *testing.T, ctx context.Context, name string, full bool) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var png []byte
	var err error
	if full {
		png, err = chromedp.Run(sctx, chromedp.FullScreenshot(100))
	} else {
		require.NoError(t, chromedp.Do(sctx, chromedp.EmulateViewport(1440, 1500), chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0)")))
		png, err = chromedp.Run(sctx, chromedp.CaptureScreenshot())
	}
	require.NoError(t, err, "screenshot %s", name)
	require.Greater(t, len(png), 10_000, "the screenshot %s is nearly empty", name)
	dir := t.TempDir()
	if *updateScreenshots {
		dir = filepath.Join("..", "docs")
		require.NoError(t, os.MkdirAll(dir, 0o755))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), png, 0o644))
}

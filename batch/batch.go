package batch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"runtime"
	"sync"

	"jixiao/engine"
	"jixiao/indicators"
	"jixiao/internal/i18n"
	"jixiao/published"
)

// Item is one input: a file to load, or one line of a JSONL stream.
type Item struct {
	Seq  int    // 0-based place in the input
	Name string // the file, or the stream's name ("stdin")
	Line int    // 1-based line of a stream; 0 for a file
	Data []byte // the line's bytes; nil for a file
	Err  error  // the input could not be read here (a line over the size limit…)
}

// Output is what one item gave, delivered in input order.
type Output struct {
	Item    Item
	Results []*engine.Result // one per project (a workbook or a published report may hold several)
	// Document is a published report as read and, under Check, its own findings (its tables
	// and narrative, checked once its projects are scored); nil for any other input.
	Document *published.Result
	// Err says the item could not be used, an indicators.ErrorList where possible; for a
	// workbook some of whose projects could not be read, Results holds the others.
	Err      error
	Text     []byte               // the results formatted by Options.Format, if given
	Warnings indicators.ErrorList // what the loader noticed without rejecting the input
	Errors   int                  // error-severity findings among the results and the document's
}

// Mode is what is done with each project.
type Mode int

// The modes: the commands score, check and lint.
const (
	Score Mode = iota
	Check
	Lint
)

// Options configure a run.
type Options struct {
	Workers int // default GOMAXPROCS
	Mode    Mode
	Engine  engine.Options
	Limits  indicators.Limits
	// Format, if set, turns each item's results (and a published report's document) into
	// output bytes in the worker, so that the caller only writes them and results need not be
	// kept.
	Format func(results []*engine.Result, doc *published.Result) ([]byte, error)
	// Keep keeps the results in each Output even when Format is set (a report's Document is
	// always kept).
	Keep bool
}

// Run processes every item from items and calls emit with each output in input order, from
// one goroutine. It returns when items is closed and everything is emitted, or when ctx is
// cancelled.
func Run(ctx context.Context, items <-chan Item, opts Options, emit func(Output) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// At most this many items are between reading and emitting: memory stays flat.
	inFlight := make(chan struct{}, 8*workers)
	jobs := make(chan Item, 2*workers)
	done := make(chan Output, 2*workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	go func() {
		defer close(jobs)
		for {
			var item Item
			select {
			case it, ok := <-items:
				if !ok {
					return
				}
				item = it
			case <-ctx.Done(): // the input may be stalled (a terminal, a pipe): do not wait for it
				return
			}
			select {
			case inFlight <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- item:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk := worker{opts: opts, eng: engine.New(opts.Engine)}
			for item := range jobs {
				out := wk.process(item)
				select {
				case done <- out:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	pending := map[int]Output{}
	next := 0
	for out := range done {
		pending[out.Item.Seq] = out
		for {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-inFlight
			if err := emit(o); err != nil {
				cancel()
				for range done { // let the workers finish
				}
				return err
			}
		}
	}
	if len(pending) > 0 {
		return errors.New("batch: outputs lost their order") // a bug, not an input problem
	}
	return ctx.Err()
}

// worker holds one goroutine's engine (its compiled-expression cache) and JSON parser.
type worker struct {
	opts Options
	eng  *engine.Engine
	json indicators.JSONParser
}

func (wk *worker) process(item Item) Output {
	out := Output{Item: item}
	if item.Err != nil {
		out.Err = item.Err
		return out
	}
	var projects []*indicators.Project
	var doc *published.Document
	switch {
	case item.Data == nil && indicators.FormatOf(item.Name) == indicators.Report:
		d, err := readReport(item.Name)
		if err != nil {
			out.Err = err
			return out
		}
		doc = d
		for _, p := range d.Projects {
			projects = append(projects, p.Project)
		}
	case item.Data != nil:
		p, err := wk.json.Parse(item.Name, item.Line, item.Data, wk.opts.Limits)
		if err != nil {
			out.Err = err
			return out
		}
		projects = []*indicators.Project{p}
	default:
		ps, err := indicators.LoadAny(item.Name, wk.opts.Limits)
		out.Err = err // a workbook's projects that could not be read, beside those that could
		if len(ps) == 0 {
			return out
		}
		projects = ps
	}
	for _, p := range projects {
		var r *engine.Result
		var err error
		switch wk.opts.Mode {
		case Check:
			r, err = wk.eng.Check(p)
		case Lint:
			r, err = wk.eng.Lint(p)
		default:
			r, err = wk.eng.Score(p)
		}
		if err != nil {
			out.Err = err
			out.Results = nil
			return out
		}
		out.Results = append(out.Results, r)
		out.Warnings = append(out.Warnings, p.Warnings...)
		e, _, _ := engine.Count(r.Findings)
		out.Errors += e
	}
	if doc != nil {
		out.Document = wk.checkReport(doc, out.Results)
		out.Errors += documentErrors(out.Document)
	}
	if wk.opts.Format != nil {
		text, err := wk.opts.Format(out.Results, out.Document)
		if err != nil {
			out.Err = err
			return out
		}
		out.Text = text
		if !wk.opts.Keep {
			out.Results = nil // a report's document is kept: one per report, for a tail that lists them
		}
	}
	return out
}

// Sources sends the items of each input in turn, then closes the channel: a JSON Lines
// input (indicators.FormatOf) is read a line at a time, "-" from stdin, and any other file
// is one item. Lines longer than maxLine become items that carry the error. When PDF reports
// are among the inputs and their text extractor is not installed, the first carries the
// error saying how to install it, and the others a short note.
func Sources(ctx context.Context, inputs []string, stdin io.Reader, maxLine int) <-chan Item {
	ch := make(chan Item, 64)
	go func() {
		defer close(ch)
		s := sender{ctx: ctx, ch: ch}
		var pdf pdfCheck
		for _, in := range inputs {
			var ok bool
			switch {
			case isPDF(in):
				ok = s.send(Item{Name: in, Err: pdf.check(in)})
			case indicators.FormatOf(in) != indicators.JSONLines:
				ok = s.send(Item{Name: in})
			case in == "-":
				ok = s.lines(stdin, "stdin", maxLine)
			default:
				ok = s.file(in, maxLine)
			}
			if !ok {
				return
			}
		}
	}()
	return ch
}

// Lines sends each non-blank line of a JSONL stream as an item, then closes the channel.
// A line longer than maxLine becomes an item that carries the error, and the stream goes on.
// A read error ends the stream with an item that carries it.
func Lines(ctx context.Context, r io.Reader, name string, maxLine int) <-chan Item {
	ch := make(chan Item, 64)
	go func() {
		defer close(ch)
		s := sender{ctx: ctx, ch: ch}
		s.lines(r, name, maxLine)
	}()
	return ch
}

// sender numbers items across every input and stops when the context is done.
type sender struct {
	ctx context.Context
	ch  chan<- Item
	seq int
}

func (s *sender) send(it Item) bool {
	it.Seq = s.seq
	select {
	case s.ch <- it:
		s.seq++
		return true
	case <-s.ctx.Done():
		return false
	}
}

func (s *sender) file(path string, maxLine int) bool {
	f, err := os.Open(path)
	if err != nil {
		return s.send(Item{Name: path, Err: readErr(path, 0, err)})
	}
	defer f.Close()
	return s.lines(f, path, maxLine)
}

// lines sends the non-blank lines of r; it reports whether to go on with the next input.
// A leading UTF-8 byte-order mark is dropped. A stream whose first line is no JSON object
// (a TOML file piped in, a JSON document spread over lines) is one error, not one per line;
// so is a stream with no line at all: nothing read must not look like a clean batch.
func (s *sender) lines(r io.Reader, name string, maxLine int) bool {
	br := bufio.NewReaderSize(r, 1<<20)
	line := 0
	first := true // no non-blank line seen yet
	for {
		data, tooLong, err := readLine(br, maxLine)
		if line == 0 {
			data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		}
		if len(data) == 0 && err != nil {
			if !errors.Is(err, io.EOF) {
				return s.send(Item{Name: name, Line: line + 1, Err: readErr(name, line+1, err)})
			}
			if first {
				return s.send(Item{Name: name, Err: emptyStream(name)})
			}
			return true
		}
		line++
		trimmed := bytes.TrimSpace(data)
		switch {
		case tooLong:
			first = false
			if !s.send(Item{Name: name, Line: line, Err: longLine(name, line, maxLine)}) {
				return false
			}
		case len(trimmed) > 0:
			if first && (trimmed[0] != '{' || len(trimmed) == 1) {
				return s.send(Item{Name: name, Line: line, Err: notJSONLines(name, line, trimmed)})
			}
			first = false
			if !s.send(Item{Name: name, Line: line, Data: data}) {
				return false
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) && first {
				return s.send(Item{Name: name, Err: emptyStream(name)})
			}
			return errors.Is(err, io.EOF) || s.send(Item{Name: name, Line: line + 1, Err: readErr(name, line+1, err)})
		}
	}
}

// notJSONLines is the one error for a stream that is not JSON Lines, saying what it looks
// like from its first line.
func notJSONLines(name string, line int, first []byte) error {
	shown := string(first)
	if r := []rune(shown); len(r) > 30 {
		shown = string(r[:30]) + "…"
	}
	var what i18n.Text
	switch {
	case string(first) == "{" || string(first) == "[":
		what = i18n.T("看来是一个跨多行的 JSON 文档；JSON Lines 要求每个项目写在一行（可用 jq -c 转换）",
			"it looks like one JSON document spread over lines; JSON Lines wants each project on one line (jq -c converts it)")
	case bytes.HasPrefix(bytes.ReplaceAll(first, []byte(" "), nil), []byte("[{")):
		what = i18n.T("看来是一个 JSON 数组；JSON Lines 要求每个项目单独一行（可用 jq -c '.[]' 转换）",
			"it looks like a JSON array; JSON Lines wants each project on a line of its own (jq -c '.[]' converts it)")
	case first[0] == '[' || first[0] == '#' || bytes.Contains(first, []byte("=")):
		what = i18n.T("看来是 TOML；TOML 文件请直接给出文件名（如 jixiao check 项目.toml），不要从标准输入读入",
			"it looks like TOML; give a TOML file by its name (jixiao check project.toml) rather than as a stream")
	default:
		what = i18n.T("JSON Lines 每行是一个项目的 JSON 对象 {…}", "JSON Lines has one project's JSON object {…} a line")
	}
	return indicators.ErrorList{{Pos: indicators.Pos{File: name, Line: line}, Kind: indicators.ErrSyntax,
		Msg: i18n.T("这不是 JSON Lines：第一行是 %q；%s。没有读入其中任何一行", "this is not JSON Lines: the first line is %q; %s. None of it was read", shown, what)}}
}

// emptyStream is the error for a stream without a single line to read.
func emptyStream(name string) error {
	return indicators.ErrorList{{Pos: indicators.Pos{File: name}, Kind: indicators.ErrMissing,
		Msg: i18n.T("输入为空，没有读到任何项目", "the input is empty: no project was read")}}
}

// readLine reads one line without its line ending, a fresh slice each time; a line over
// max bytes is skipped to its end and reported as too long.
func readLine(br *bufio.Reader, max int) ([]byte, bool, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		if tooLong {
			return []byte{0}, true, err
		}
		return line, false, err
	}
}

func readErr(name string, line int, err error) error {
	return indicators.ErrorList{{Pos: indicators.Pos{File: name, Line: line}, Kind: indicators.ErrRead,
		Msg: i18n.T("读取输入时出错：%s", "error reading the input: %s", i18n.OSError(err))}}
}

func longLine(name string, line, max int) error {
	return indicators.ErrorList{{Pos: indicators.Pos{File: name, Line: line}, Kind: indicators.ErrLimit,
		Msg: i18n.T("这一行超过 %d 字节：一个项目不会这么大；请检查输入，或用 --max-file-size 放宽上限",
			"the line is over %d bytes: no project is this large; check the input, or raise the limit with --max-file-size", max)}}
}

// Package web is jixiao's review web application, served by `jixiao serve`: a batch of
// submissions read from disk, scored and reviewed as `jixiao check` does, shown as pages
// for finance reviewers who work in a browser, with their own 复核 entered beside each
// indicator and kept in the review store.
//
// It owns the HTTP side and nothing else: the routes (one handler per view: the batch with
// its charts, a project, the findings by code; a JSON API; the review workbook), the
// templates, style sheet and script (embedded, no build step), the charts (inline SVG drawn
// here), the requests' safety (a loopback host or a token, no write from another site, a
// token in every form, bounded bodies, no path from a URL to the file system) and the
// watching of the submissions (modification times polled; a changed file is read again).
// Scores, totals, grades and findings are engine's; every message and label of the table
// is report's (report.Message, report.Table); the records are store's. The one place
// where store records meet the model is review.go.
//
// A Server is an http.Handler; Serve runs it on a listener with timeouts and shuts it
// down gracefully when its context ends.
//
// web must not import jixiao/cmd or jixiao/batch.
package web

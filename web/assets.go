package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"sync"
)

// The pages' templates, style sheet and script are compiled into the binary: nothing is
// read from disk, and no part of a URL names a file there.
//
//go:embed templates/*.html static/*
var assets embed.FS

// templates holds each page's template set: the layout and the page.
type templates map[string]*template.Template

var pageNames = []string{"batch.html", "project.html", "findings.html", "error.html"}

// parseRow parses the template of one row of the batch (rowHTML).
func parseRow() (*template.Template, error) {
	return template.New("row.html").ParseFS(assets, "templates/row.html")
}

func parsePages() (templates, error) {
	base, err := template.New("layout.html").Funcs(template.FuncMap{
		"add": func(a, b int) int { return a + b },
	}).ParseFS(assets, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	t := templates{}
	for _, name := range pageNames {
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if t[name], err = clone.ParseFS(assets, "templates/"+name); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// ExecuteTemplate writes the page name within the layout.
func (t templates) ExecuteTemplate(w interface{ Write([]byte) (int, error) }, name string, data any) error {
	return t[name].ExecuteTemplate(w, "layout.html", data)
}

// staticHandler serves the embedded style sheet and script; no listings.
func staticHandler() http.Handler {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=300")
		files.ServeHTTP(w, r)
	})
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 4<<20 { // a workbook's buffer is not kept
		return
	}
	b.Reset()
	buffers.Put(b)
}

// Package web serves the browser UI of `callscope serve`: the pages quality
// managers and analysts use (dashboard, slice builder, call list, call card,
// search, dictionaries), built from TypeScript in this directory with Vite.
//
// The built files are embedded in the binary when it is built with the tag
// webui (`make build` builds the UI and passes it). A plain `go build` still
// compiles: its Handler serves a page that says how to build the UI.
//
// Handler serves the UI at "/" and its hashed assets under "/assets/"; the
// JSON API under /api/v1/ is the server's (internal/api), not this package's.
// Pages are addressed by the URL fragment (#/calls?...), so the server needs
// no route per page.
package web

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// ContentSecurityPolicy is sent with every page: the UI loads nothing from
// outside the server (no CDN; it works on a closed network), and a page that
// tried would be refused by the browser.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; " +
	"worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// Built reports whether the UI is embedded in this binary.
func Built() bool { return built() }

// Handler serves the UI. Files under assets/ have content hashes in their
// names and are cached for a year; index.html is revalidated each time so
// that a new binary's UI is picked up at once.
func Handler() http.Handler { return newHandler(uiFiles()) }

func newHandler(files fs.FS) http.Handler {
	if files == nil {
		return http.HandlerFunc(notBuilt)
	}
	index, err := fs.ReadFile(files, "index.html")
	if err != nil {
		return http.HandlerFunc(notBuilt)
	}
	modtime := time.Now()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		setSecurityHeaders(w.Header())
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" || name == "index.html" {
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeContent(w, r, "index.html", modtime, bytes.NewReader(index))
			return
		}
		data, err := fs.ReadFile(files, name)
		if err != nil || strings.HasPrefix(path.Base(name), ".") {
			http.NotFound(w, r)
			return
		}
		if strings.HasPrefix(name, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		http.ServeContent(w, r, name, modtime, bytes.NewReader(data))
	})
}

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
}

const notBuiltPage = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>callscope</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.5">
<h1>Веб-интерфейс не собран</h1>
<p>Этот бинарный файл собран без веб-интерфейса. Соберите его так:</p>
<pre>make build          # npm ci, vite build, go build -tags webui</pre>
<p>JSON API работает: <code>/api/v1/</code>.</p>
<hr>
<h1 lang="en">The web UI is not built</h1>
<p lang="en">This binary was built without the web UI. Build it with <code>make build</code>
(it installs the npm packages with scripts/setup.sh web, builds web/ with Vite and
embeds it with <code>go build -tags webui</code>). The JSON API works: <code>/api/v1/</code>.</p>
</body></html>
`

func notBuilt(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if r.URL.Path != "/" && r.URL.Path != "/index.html" {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(notBuiltPage))
}

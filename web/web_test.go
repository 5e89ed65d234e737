package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestHandlerServesBuiltUI(t *testing.T) {
	files := fstest.MapFS{
		"index.html":          {Data: []byte(`<!doctype html><script type="module" src="/assets/index-abc.js"></script>`)},
		"assets/index-abc.js": {Data: []byte(`console.log(1)`)},
		"assets/.hidden":      {Data: []byte(`x`)},
	}
	h := newHandler(files)
	tests := []struct {
		method, target string
		status         int
		body           string
		cache          string
	}{
		{"GET", "/", 200, "index-abc.js", "no-cache"},
		{"GET", "/index.html", 200, "index-abc.js", "no-cache"},
		{"GET", "/assets/index-abc.js", 200, "console.log", "public, max-age=31536000, immutable"},
		{"GET", "/assets/../index.html", 200, "index-abc.js", "no-cache"},
		{"GET", "/assets/.hidden", 404, "", ""},
		{"GET", "/missing.js", 404, "", ""},
		{"POST", "/", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			res, body := get(t, h, tt.method, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if !strings.Contains(body, tt.body) {
				t.Errorf("body %q lacks %q", body, tt.body)
			}
			if got := res.Header.Get("Cache-Control"); tt.cache != "" && got != tt.cache {
				t.Errorf("Cache-Control %q, want %q", got, tt.cache)
			}
			if tt.status == 200 && res.Header.Get("Content-Security-Policy") != ContentSecurityPolicy {
				t.Errorf("no Content-Security-Policy")
			}
		})
	}
}

func TestHandlerWithoutUISaysHowToBuild(t *testing.T) {
	h := newHandler(nil)
	res, body := get(t, h, "GET", "/")
	if res.StatusCode != 200 || !strings.Contains(body, "make build") {
		t.Fatalf("status %d body %q: want the page saying how to build the UI", res.StatusCode, body)
	}
	if res, _ := get(t, h, "GET", "/assets/x.js"); res.StatusCode != 404 {
		t.Errorf("asset without UI: status %d, want 404", res.StatusCode)
	}
}

// TestHandlerMatchesBuild checks the handler this binary was built with: the
// UI when built with -tags webui, else the page saying how to build it.
func TestHandlerMatchesBuild(t *testing.T) {
	res, body := get(t, Handler(), "GET", "/")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if Built() != !strings.Contains(body, "make build") {
		t.Errorf("Built()=%v but the page is %q", Built(), body)
	}
}

func TestContentSecurityPolicyAllowsOnlySelf(t *testing.T) {
	for _, part := range strings.Split(ContentSecurityPolicy, ";") {
		for _, src := range strings.Fields(part)[1:] {
			switch src {
			case "'self'", "'none'", "'unsafe-inline'", "data:", "blob:":
			default:
				t.Errorf("policy %q allows %q: the UI must load nothing from outside the server", part, src)
			}
		}
	}
}

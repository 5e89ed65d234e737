package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestDictionariesNotServed: a server given no dictionaries answers each
// dictionary endpoint 501 not_implemented, saying so, after the request
// itself was found well formed.
func TestDictionariesNotServed(t *testing.T) {
	s := &Server{}
	for _, tc := range []struct {
		name    string
		handler func(http.ResponseWriter, *http.Request, *principal)
		body    string
	}{
		{"list", s.dictionaries, ""},
		{"test", s.dictTest, `{"text": "жалоба"}`},
		{"what-if", s.dictWhatIf, `{"dictionary": "category: complaint"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/api/v1/dictionaries", strings.NewReader(tc.body))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			tc.handler(w, r, nil)
			if w.Code != http.StatusNotImplemented || !strings.Contains(w.Body.String(), `"not_implemented"`) ||
				!strings.Contains(w.Body.String(), "dictionaries are not served by this server") {
				t.Errorf("%d %s, want 501 not_implemented: dictionaries are not served", w.Code, w.Body)
			}
		})
	}
}

package api

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestParamsRefuseWhatTheyCannotRead: a query string whose pair does not
// decode, or a parameter the endpoint does not take, is a 400 naming it,
// not a request answered as if the parameter had not been given.
func TestParamsRefuseWhatTheyCannotRead(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		wantParam   string // "" when the query is fine
		wantMsg     string
		wantFilter  string
	}{
		{"fine", "filter=has+complaint&limit=5", "", "", "has complaint"},
		{"empty pairs are nothing", "&&filter=a%3Db&", "", "", "a=b"},
		{"a value that does not decode", "filter=%zz&limit=5", "filter", `filter: the value does not decode: invalid URL escape "%zz"`, ""},
		{"a name that does not decode", "fil%ter=x", "fil%ter", "the query string does not decode", ""},
		{"a misspelt name", "fliter=has+complaint", "fliter", `unknown parameter "fliter": this endpoint takes filter, limit, total`, ""},
		{"an unknown name beside known ones", "filter=x&limit=5&page=2", "page", `unknown parameter "page"`, "x"},
		{"given but empty still counts", "filter=&zzz=", "zzz", `unknown parameter "zzz"`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/api/v1/calls?"+tc.query, nil)
			ps := newParams(r)
			filter := ps.str("filter", 100)
			ps.integer("limit", 1, 1, 10)
			ps.has("total")
			w := httptest.NewRecorder()
			ok := ps.ok(w)
			if tc.wantParam == "" {
				if !ok || filter != tc.wantFilter {
					t.Fatalf("ok %v, filter %q: %s; want ok and filter %q", ok, filter, w.Body, tc.wantFilter)
				}
				return
			}
			var e apiError
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
				t.Fatalf("body %q: %v", w.Body, err)
			}
			if ok || w.Code != 400 || e.Error.Param != tc.wantParam || !strings.Contains(e.Error.Message, tc.wantMsg) {
				t.Errorf("ok %v, %d %+v; want 400 with param %q and message containing %q", ok, w.Code, e.Error, tc.wantParam, tc.wantMsg)
			}
		})
	}
}

// TestBodyErrorSpeaksJSON: a body of the wrong shape is named in JSON's
// terms (a string, a number, a list) with the field, never in Go's
// (float64, api.loginRequest), and never quoting the value.
func TestBodyErrorSpeaksJSON(t *testing.T) {
	type request struct {
		Text   string   `json:"text"`
		Limit  int      `json:"limit"`
		Score  *float64 `json:"score"`
		Labels []string `json:"labels"`
	}
	for _, tc := range []struct {
		body, wantMsg, wantParam string
	}{
		{`{"text": 5}`, `field "text": want a string, got a number`, "text"},
		{`{"limit": "ten"}`, `field "limit": want a whole number, got a string`, "limit"},
		{`{"limit": 1.5}`, `field "limit": want a whole number, got a number`, "limit"},
		{`{"score": [1]}`, `field "score": want a number, got a list`, "score"},
		{`{"labels": {"a": 1}}`, `field "labels": want a list, got an object`, "labels"},
		{`["mgr"]`, `the body must be a JSON object, got a list`, ""},
		{`"+79161234567"`, `the body must be a JSON object, got a string`, ""},
		{`{"nosuch": 1}`, `unknown field "nosuch"`, "nosuch"},
		{`{"text": "a",`, `it ends in the middle of a value`, ""},
		{`{bad}`, `the body is not valid JSON: byte 2: invalid character 'b'`, ""},
		{``, `the body is empty`, ""},
	} {
		var v request
		dec := json.NewDecoder(strings.NewReader(tc.body))
		dec.DisallowUnknownFields()
		err := dec.Decode(&v)
		if err == nil {
			t.Fatalf("%s: decoded", tc.body)
		}
		msg, param := bodyError(err)
		if !strings.Contains(msg, tc.wantMsg) || param != tc.wantParam {
			t.Errorf("%s: %q (param %q), want %q (param %q)", tc.body, msg, param, tc.wantMsg, tc.wantParam)
		}
		for _, goWord := range []string{"Go ", "float64", "request", "+7916"} {
			if strings.Contains(msg, goWord) {
				t.Errorf("%s: %q says %q", tc.body, msg, goWord)
			}
		}
	}
}

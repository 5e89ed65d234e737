package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/schemas"
)

// apiError is the body of every error.
type apiError struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
	Column  int    `json:"column,omitempty"`
	Caret   string `json:"caret,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Error: errorBody{Code: code, Message: msg}})
}

func asMaxBytes(err error, target **http.MaxBytesError) bool { return errors.As(err, target) }

// writeUseCaseError answers an error of a use case: a bad parameter or
// filter is the client's (400, naming the parameter, with the filter's
// column and caret); a call not found is 404; anything else is logged and
// answered 500 without details.
func (s *Server) writeUseCaseError(w http.ResponseWriter, r *http.Request, err error) {
	var fe *filter.Error
	if errors.As(err, &fe) {
		b := errorBody{Code: "bad_filter", Message: fe.Msg, Param: "filter", Column: fe.Column,
			Caret: fe.Src + "\n" + strings.Repeat(" ", max(fe.Column-1, 0)) + "^"}
		writeJSON(w, http.StatusBadRequest, apiError{Error: b})
		return
	}
	var pe *report.ParamError
	if errors.As(err, &pe) {
		writeJSON(w, http.StatusBadRequest, apiError{Error: errorBody{Code: "bad_request", Message: pe.Message(), Param: pe.Param}})
		return
	}
	switch {
	case errors.Is(err, report.ErrCallNotFound):
		writeError(w, http.StatusNotFound, "not_found", "no such call")
		return
	case errors.Is(err, report.ErrBadSpec), errors.Is(err, report.ErrUnknownSlice), errors.Is(err, report.ErrEmptyPhrase),
		errors.Is(err, filter.ErrSyntax), errors.Is(err, report.ErrDefinition):
		writeError(w, http.StatusBadRequest, "bad_request", report.APIText(err.Error()))
		return
	case errors.Is(err, context.Canceled):
		return // the client went away
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "unavailable", "the query took too long")
		return
	}
	s.log.Error("api: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal", "internal error")
}

// params reads query parameters with limits: a parameter given twice where
// one is expected, or too long, is refused. So is a query string that does
// not decode and a parameter the endpoint does not read: r.URL.Query()
// silently drops a pair with a bad escape (filter=%zz) and a misspelt name
// (fliter=...) would be ignored, and either way the user would get every
// call as if no filter had been asked for.
type params struct {
	q    url.Values
	read map[string]bool
	err  *errorBody
}

const maxParam = 4096

func newParams(r *http.Request) *params {
	p := &params{q: url.Values{}, read: map[string]bool{}}
	for _, pair := range strings.Split(r.URL.RawQuery, "&") {
		if pair == "" {
			continue
		}
		rawKey, rawValue, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			p.fail(truncate(rawKey, 40), "the query string does not decode: "+err.Error())
			continue
		}
		value, err := url.QueryUnescape(rawValue)
		if err != nil {
			p.fail(key, key+": the value does not decode: "+err.Error())
			continue
		}
		p.q[key] = append(p.q[key], value)
	}
	return p
}

// has says whether the parameter was given, and counts it as read.
func (p *params) has(name string) bool {
	p.read[name] = true
	_, ok := p.q[name]
	return ok
}

func (p *params) fail(name, msg string) {
	if p.err == nil {
		p.err = &errorBody{Code: "bad_request", Message: msg, Param: name}
	}
}

// str is a single parameter of at most max bytes.
func (p *params) str(name string, max int) string {
	p.read[name] = true
	vs := p.q[name]
	if len(vs) == 0 {
		return ""
	}
	if len(vs) > 1 {
		p.fail(name, name+": given "+strconv.Itoa(len(vs))+" times, want once")
		return ""
	}
	if max <= 0 {
		max = maxParam
	}
	if len(vs[0]) > max {
		p.fail(name, name+": longer than "+strconv.Itoa(max)+" bytes")
		return ""
	}
	return vs[0]
}

func (p *params) list(name string, maxItems int) []string {
	p.read[name] = true
	vs := p.q[name]
	if len(vs) > maxItems {
		p.fail(name, name+": more than "+strconv.Itoa(maxItems)+" values")
		return nil
	}
	for _, v := range vs {
		if len(v) > maxParam {
			p.fail(name, name+": longer than "+strconv.Itoa(maxParam)+" bytes")
			return nil
		}
	}
	return vs
}

func (p *params) integer(name string, def, lo, hi int) int {
	s := p.str(name, 20)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail(name, name+": want a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi)+", got "+strconv.Quote(truncate(s, 40)))
		return def
	}
	return n
}

func (p *params) boolean(name string) bool {
	s := p.str(name, 10)
	if s == "" {
		return false
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail(name, name+": want true or false")
	}
	return b
}

// ok answers the first problem and reports whether there was none. Call it
// after reading every parameter the endpoint takes: any other is unknown.
func (p *params) ok(w http.ResponseWriter) bool {
	if p.err == nil {
		p.failUnknown()
	}
	if p.err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{Error: *p.err})
		return false
	}
	return true
}

// failUnknown refuses the first parameter (in name order) that the
// endpoint did not read, listing those it takes.
func (p *params) failUnknown() {
	var unknown, known []string
	for name := range p.q {
		if !p.read[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return
	}
	for name := range p.read {
		known = append(known, name)
	}
	sort.Strings(unknown)
	sort.Strings(known)
	takes := "no parameters"
	if len(known) > 0 {
		takes = strings.Join(known, ", ")
	}
	p.fail(truncate(unknown[0], 40), "unknown parameter "+strconv.Quote(truncate(unknown[0], 40))+": this endpoint takes "+takes)
}

// bodyError says what is wrong with a JSON body in the user's terms: where
// the syntax breaks, or which field has the wrong kind of value or is
// unknown (named in param), never Go's type names. Values are not quoted:
// a body may hold personal data.
func bodyError(err error) (msg, param string) {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return "the body is empty: want a JSON object", ""
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the body is not valid JSON: it ends in the middle of a value", ""
	case errors.As(err, &syn):
		return fmt.Sprintf("the body is not valid JSON: byte %d: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: ")), ""
	case errors.As(err, &typ):
		want, got := schemas.JSONKind(typ.Type), schemas.JSONValueKind(typ.Value)
		if typ.Field == "" {
			if want == "an object" {
				want = "a JSON object" // the whole body: say what it is
			}
			return fmt.Sprintf("the body must be %s, got %s", want, got), ""
		}
		return fmt.Sprintf("field %q: want %s, got %s", typ.Field, want, got), typ.Field
	}
	// encoding/json words the unknown-field error only as text.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if field, err := strconv.Unquote(name); err == nil {
			return fmt.Sprintf("unknown field %q", field), field
		}
	}
	return "the body is not valid JSON of the expected shape: " + truncate(err.Error(), 200), ""
}

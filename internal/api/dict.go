package api

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/report"
)

// Dictionaries are the dictionary use cases the API serves (the same as
// the `dict` commands'): wired by the server's owner (internal/app).
type Dictionaries interface {
	List(ctx context.Context) (DictList, error)
	// Test finds the hits in a sentence, or in a stored call when CallID
	// is set (read in the caller's scope: ctx carries it); the result is
	// the JSON of `dict test --format json`.
	Test(ctx context.Context, req DictTestRequest) (any, error)
	// WhatIf compares a changed dictionary with the current one over the
	// stored calls of the filter and period.
	WhatIf(ctx context.Context, req WhatIfRequest) (any, error)
}

// ErrNotImplemented is returned by a Dictionaries method the build lacks.
var ErrNotImplemented = errors.New("not implemented in this build")

// DictList is the body of GET /api/v1/dictionaries.
type DictList struct {
	Version      string     `json:"version"`
	Dictionaries []DictInfo `json:"dictionaries"`
}

// DictInfo describes one dictionary.
type DictInfo struct {
	Name     string `json:"name"`
	Category string `json:"category"`
	Language string `json:"language"`
	Phrases  int    `json:"phrases"`
}

// DictTestRequest is the body of POST /api/v1/dictionaries/test.
type DictTestRequest struct {
	Text     string `json:"text,omitempty"`
	Language string `json:"language,omitempty"`
	// Channel is who says Text: operator, client or mixed (default).
	Channel string `json:"channel,omitempty"`
	CallID  string `json:"call_id,omitempty"`
}

// WhatIfRequest is the body of POST /api/v1/dictionaries/whatif.
type WhatIfRequest struct {
	Dictionary string `json:"dictionary"`
	Filter     string `json:"filter,omitempty"`
	From       string `json:"from,omitempty"`
	To         string `json:"to,omitempty"`
	TZ         string `json:"tz,omitempty"`
}

// dictionariesServed answers 501 (and false) when this server was given no
// dictionaries.
func (s *Server) dictionariesServed(w http.ResponseWriter) bool {
	if s.cfg.Dictionaries == nil {
		writeError(w, http.StatusNotImplemented, "not_implemented", "dictionaries are not served by this server")
		return false
	}
	return true
}

func (s *Server) dictionaries(w http.ResponseWriter, r *http.Request, p *principal) {
	if !s.dictionariesServed(w) {
		return
	}
	l, err := s.cfg.Dictionaries.List(r.Context())
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, l)
}

func (s *Server) dictTest(w http.ResponseWriter, r *http.Request, p *principal) {
	var req DictTestRequest
	if !readJSON(w, r, &req, 64<<10) {
		return
	}
	if (req.Text == "") == (req.CallID == "") {
		writeError(w, http.StatusBadRequest, "bad_request", "give text or call_id")
		return
	}
	if !s.dictionariesServed(w) {
		return
	}
	res, err := s.cfg.Dictionaries.Test(r.Context(), req)
	if err != nil {
		if errors.Is(err, report.ErrCallNotFound) && req.CallID != "" {
			s.record(r, p, audit.Denied, req.CallID, "", http.StatusNotFound, "dictionary test")
		}
		s.dictError(w, r, err)
		return
	}
	s.record(r, p, audit.DictTested, req.CallID, "", http.StatusOK, truncate(req.Text, 200))
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) dictWhatIf(w http.ResponseWriter, r *http.Request, p *principal) {
	var req WhatIfRequest
	if !readJSON(w, r, &req, 1<<20) {
		return
	}
	if req.Dictionary == "" {
		writeError(w, http.StatusBadRequest, "bad_request", "give dictionary (YAML)")
		return
	}
	if !s.dictionariesServed(w) {
		return
	}
	res, err := s.cfg.Dictionaries.WhatIf(r.Context(), req)
	if err != nil {
		s.dictError(w, r, err)
		return
	}
	s.record(r, p, audit.DictTested, "", "", http.StatusOK, "what-if")
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) dictError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, ErrNotImplemented) {
		writeError(w, http.StatusNotImplemented, "not_implemented", err.Error())
		return
	}
	var be badInput
	if errors.As(err, &be) {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	s.writeUseCaseError(w, r, err)
}

// BadInput marks an error a Dictionaries implementation returns for input
// that is not valid (answered 400 with its message).
func BadInput(err error) error { return badInput{err} }

type badInput struct{ error }

func (b badInput) Unwrap() error { return b.error }

func (s *Server) auditRead(w http.ResponseWriter, r *http.Request, p *principal) {
	ps := newParams(r)
	q := audit.Query{User: ps.str("user", 128), Action: ps.str("action", 40), CallID: ps.str("call_id", 256),
		Limit: ps.integer("limit", 100, 1, 1000), Cursor: ps.str("cursor", 64)}
	from, to := ps.str("from", 10), ps.str("to", 10)
	if !ps.ok(w) {
		return
	}
	_, f, t, err := report.DayRange("UTC", from, to)
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	q.From, q.To = f, t
	page, err := audit.Read(r.Context(), s.cfg.DB, q)
	for param, bad := range map[string]error{"cursor": audit.ErrBadCursor, "action": audit.ErrUnknownAction} {
		if errors.Is(err, bad) {
			writeJSON(w, http.StatusBadRequest, apiError{Error: errorBody{Code: "bad_request",
				Message: strings.TrimPrefix(err.Error(), "audit: "), Param: param}})
			return
		}
	}
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	s.record(r, p, audit.AuditRead, q.CallID, "", http.StatusOK, truncate(r.URL.RawQuery, 512))
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) usersList(w http.ResponseWriter, r *http.Request, p *principal) {
	if s.cfg.Users == nil {
		writeJSON(w, http.StatusOK, map[string]any{"users": []users.User{}})
		return
	}
	list, err := s.cfg.Users.List()
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	if list == nil {
		list = []users.User{}
	}
	s.record(r, p, audit.UsersRead, "", "", http.StatusOK, "")
	writeJSON(w, http.StatusOK, map[string]any{"users": list})
}

// dictionaryCategories are the categories of the dictionaries in use: a
// filter naming another that no stored call has either is refused
// (report.WithCategories).
func (s *Server) dictionaryCategories(ctx context.Context) ([]string, error) {
	list, err := s.cfg.Dictionaries.List(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range list.Dictionaries {
		out = append(out, d.Category)
	}
	return out, nil
}

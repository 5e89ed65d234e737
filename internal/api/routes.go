package api

import (
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/report"
)

// access is what a route needs.
type access int

const (
	public    access = iota // no login (login itself, health)
	anyUser                 // any logged-in user
	dictUser                // analyst, manager, admin
	adminOnly               // admin
)

// Route is one endpoint.
type Route struct {
	Method, Path string
	access       access
	handle       func(w http.ResponseWriter, r *http.Request, p *principal)
}

// Routes lists the endpoints (for the OpenAPI check and docs).
func (s *Server) Routes() []Route { return s.routes() }

// routes is the API: every endpoint, once, with what it needs.
func (s *Server) routes() []Route {
	return []Route{
		{"GET", "/healthz", public, s.healthz},
		{"GET", "/readyz", public, s.readyz},
		{"GET", "/metrics", public, s.serveMetrics},
		{"POST", "/api/v1/login", public, s.login},
		{"POST", "/api/v1/logout", anyUser, s.logout},
		{"GET", "/api/v1/me", anyUser, s.me},
		{"GET", "/api/v1/report", anyUser, s.report},
		{"GET", "/api/v1/report/export", anyUser, s.reportExport},
		{"GET", "/api/v1/calls", anyUser, s.calls},
		{"GET", "/api/v1/calls/{id}", anyUser, s.call},
		{"GET", "/api/v1/calls/{id}/audio", anyUser, s.callAudio},
		{"GET", "/api/v1/search", anyUser, s.search},
		{"GET", "/api/v1/fields", anyUser, s.fields},
		{"GET", "/api/v1/values", anyUser, s.values},
		{"GET", "/api/v1/dictionaries", anyUser, s.dictionaries},
		{"GET", "/api/v1/dictionaries/{language}/{category}", anyUser, s.dictPhrases},
		{"POST", "/api/v1/dictionaries/test", dictUser, s.dictTest},
		{"POST", "/api/v1/dictionaries/whatif", dictUser, s.dictWhatIf},
		{"GET", "/api/v1/audit", adminOnly, s.auditRead},
		{"GET", "/api/v1/users", adminOnly, s.usersList},
	}
}

// wrap adds to a route: metrics, recovery, authentication, the role
// check, CSRF on state-changing requests, and the user's scope in the
// request's context.
func (s *Server) wrap(rt Route) http.Handler {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("api: panic", "route", rt.Path, "panic", v, "stack", string(debug.Stack()))
				writeError(w, http.StatusInternalServerError, "internal", "internal error")
			}
		}()
		if rt.access == public {
			rt.handle(w, r, nil)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		p, ok := s.authenticate(w, r)
		if !ok {
			writeError(w, http.StatusUnauthorized, "unauthorized", "log in first: POST /api/v1/login")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if !s.checkCSRF(r, p) {
				s.record(r, p, audit.Denied, "", "", http.StatusForbidden, "csrf")
				writeError(w, http.StatusForbidden, "csrf", "missing or wrong X-CSRF-Token header")
				return
			}
		}
		if !p.may(rt.access) {
			s.record(r, p, audit.Denied, "", "", http.StatusForbidden, "role "+string(p.Role))
			writeError(w, http.StatusForbidden, "forbidden", "the role "+string(p.Role)+" may not do this")
			return
		}
		ctx := report.WithScope(r.Context(), p.scope())
		if s.cfg.Dictionaries != nil {
			ctx = report.WithCategories(ctx, s.dictionaryCategories)
		}
		r = r.WithContext(ctx)
		rt.handle(w, r, p)
	})
	return s.instrument(rt.Path, h)
}

// may reports whether the principal's role opens a route.
func (p *principal) may(a access) bool {
	switch a {
	case public, anyUser:
		return true
	case dictUser:
		return slices.Contains([]users.Role{users.Admin, users.Manager, users.Analyst}, p.Role)
	case adminOnly:
		return p.Role == users.Admin
	}
	return false
}

func (p *principal) scope() report.Scope {
	if p.Role.AllDepartments() {
		return report.Scope{All: true}
	}
	return report.Scope{Departments: p.Departments}
}

// record writes an audit event of a request.
func (s *Server) record(r *http.Request, p *principal, action, callID, department string, status int, detail string) {
	e := audit.Event{At: s.cfg.Now(), Action: action, CallID: callID, Department: department, Status: status,
		Method: r.Method, Path: truncate(r.URL.Path, 512), Remote: remoteIP(r).String(), Detail: truncate(detail, 1024)}
	if p != nil {
		e.User, e.Role = p.Name, string(p.Role)
	}
	s.cfg.Audit.Record(e)
	if action == audit.Denied || action == audit.LoginFailed {
		s.log.Info("api: "+action, slog.String("user", e.User), slog.String("path", e.Path), slog.String("remote", e.Remote))
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

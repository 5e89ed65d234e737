// Package api is the HTTP server of `callscope serve`: the JSON API under
// /api/v1/ (docs/api.md, docs/openapi.yaml), the login and its session,
// roles and department scope, CSRF protection, the audit trail, /healthz,
// /readyz and /metrics, and the web UI mounted at "/".
//
// Everything is wired in one place, New: the routes table (routes.go) is
// the list of endpoints, each with the permission it needs; a test checks
// it against the OpenAPI file. Handlers call the same use cases as the
// command line (report.Run, report.Calls, report.Show, report.Search), and
// the user's department scope goes into the request's context, where the
// report package adds it to every query it builds.
package api

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

// Objects reads recordings, sidecars and transcripts from object storage.
type Objects interface {
	Get(ctx context.Context, bucket, key string, maxBytes int64) ([]byte, error)
}

// Users authenticates local users and looks them up by name.
type Users interface {
	Authenticate(name, password string) (users.User, error)
	Get(name string) (users.User, bool)
	List() ([]users.User, error)
}

// Auditor records audit events.
type Auditor interface {
	Record(audit.Event)
}

// ProxyGroup is what a group named by the trusted proxy grants.
type ProxyGroup struct {
	Role        users.Role `yaml:"role"`
	Departments []string   `yaml:"departments"`
	Listen      bool       `yaml:"listen"`
	// RawAudio grants the original recordings (and implies Listen).
	RawAudio bool `yaml:"raw_audio"`
}

// Config configures the server. DB is required; the rest have defaults.
type Config struct {
	// DB is only read (reports, calls, the audit trail's pages): the
	// server's own writes to ClickHouse go through Audit.
	DB      store.Querier
	Objects Objects
	// Bucket holds the recordings and sidecars, TranscriptsBucket the
	// transcripts the transcribe stage wrote.
	Bucket, TranscriptsBucket string
	// RedactedBucket holds the redacted copies of the recordings
	// (privacy.audio_bucket; "" when audio is not redacted), and
	// RestrictedBucket the originals moved out of Bucket
	// (privacy.original_audio: restrict). Users without the raw-audio
	// permission are served the redacted copy (audio.go).
	RedactedBucket, RestrictedBucket string
	Users                            Users
	Audit                            Auditor
	// UI serves every path outside /api/, /healthz, /readyz and /metrics
	// (the web UI, package web); nil answers 404 there.
	UI http.Handler
	// Dictionaries serves /api/v1/dictionaries*; nil answers 501.
	Dictionaries Dictionaries
	// TLS says the server runs with TLS: session cookies are Secure.
	TLS bool
	// SessionIdle ends a session after this long without a request
	// (default 30m); SessionMax ends it at the latest (default 12h).
	SessionIdle, SessionMax time.Duration
	// TrustedProxies are the addresses a reverse proxy's identity headers
	// are accepted from; empty turns proxy login off.
	TrustedProxies []netip.Prefix
	// ProxyUserHeader and ProxyGroupsHeader name the headers (default
	// X-Forwarded-User and X-Forwarded-Groups, as oauth2-proxy sends).
	ProxyUserHeader, ProxyGroupsHeader string
	// ProxyGroups maps the proxy's groups to roles; a user in several gets
	// the strongest role, the union of departments, of listen and of
	// raw audio.
	ProxyGroups map[string]ProxyGroup
	// Ready reports whether the servers behind the API answer (/readyz);
	// nil checks the database only.
	Ready func(context.Context) error
	// Healthy reports whether the process is fine (/healthz); nil is ok.
	Healthy func() error
	// ExtraMetrics writes more Prometheus text after the HTTP metrics
	// (the stage metrics when the server runs workers).
	ExtraMetrics func(ctx context.Context, w io.Writer)
	Logger       *slog.Logger
	// LoginDelay is added to every failed login (default 300ms).
	LoginDelay time.Duration
	// Now is the clock (tests); nil is time.Now.
	Now func() time.Time
}

// Server is the HTTP API.
type Server struct {
	cfg      Config
	log      *slog.Logger
	mux      *http.ServeMux
	sessions *sessions
	limiter  *loginLimiter
	metrics  *httpMetrics
	audio    *audioCache
	// reports keeps recent reports' rows while the calls are unchanged
	// (report.Cache): a page opened again is not read from 10 M calls again.
	reports *report.Cache
	// proxyKey signs proxy users' CSRF tokens.
	proxyKey []byte
}

// New builds the server from its configuration.
func New(cfg Config) *Server {
	if cfg.SessionIdle <= 0 {
		cfg.SessionIdle = 30 * time.Minute
	}
	if cfg.SessionMax <= 0 {
		cfg.SessionMax = 12 * time.Hour
	}
	if cfg.ProxyUserHeader == "" {
		cfg.ProxyUserHeader = "X-Forwarded-User"
	}
	if cfg.ProxyGroupsHeader == "" {
		cfg.ProxyGroupsHeader = "X-Forwarded-Groups"
	}
	if cfg.LoginDelay == 0 {
		cfg.LoginDelay = 300 * time.Millisecond
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Audit == nil {
		cfg.Audit = discardAudit{}
	}
	if cfg.Bucket == "" {
		cfg.Bucket = "calls"
	}
	if cfg.TranscriptsBucket == "" {
		cfg.TranscriptsBucket = "callscope-transcripts"
	}
	s := &Server{cfg: cfg, log: cfg.Logger, mux: http.NewServeMux(), reports: report.NewCache(64),
		sessions: newSessions(cfg.SessionIdle, cfg.SessionMax, cfg.Now),
		limiter:  newLoginLimiter(cfg.Now), metrics: newHTTPMetrics(), audio: newAudioCache(64 << 20)}
	s.proxyKey = make([]byte, 32)
	_, _ = rand.Read(s.proxyKey)
	for _, rt := range s.routes() {
		s.mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	s.mux.Handle("/api/", s.instrument("/api/*", http.HandlerFunc(s.noRoute)))
	ui := cfg.UI
	if ui == nil {
		ui = http.NotFoundHandler()
	}
	s.mux.Handle("/", ui)
	return s
}

// Handler is the server's root handler.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Limits of every request: a long URL or header is refused by
		// net/http (MaxHeaderBytes); bodies are limited per endpoint.
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		s.mux.ServeHTTP(w, r)
	})
}

// Close stops the background work (session sweeping).
func (s *Server) Close() { s.sessions.close() }

// noRoute answers a path under /api/ that no route takes: 405 with Allow
// when another method has it, 404 otherwise.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/api/" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed here")
		return
	}
	writeError(w, http.StatusNotFound, "not_found", "no such endpoint")
}

type discardAudit struct{}

func (discardAudit) Record(audit.Event) {}

package app

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/dicttest"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/internal/api"
	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/whatif"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
	"github.com/callscope/callscope/web"
)

// ServeOptions choose what `callscope serve` runs.
type ServeOptions struct {
	// Embedded starts the servers the configuration does not name (as
	// `run`), with the stage workers; otherwise every server must be named.
	Embedded bool
	// Workers runs the stage workers in this process too (always with
	// Embedded).
	Workers bool
	// RescanEvery lists the bucket again this often for recordings that
	// have no status (missed events); 0 is 5 minutes, <0 never. Embedded
	// only.
	RescanEvery time.Duration
	// UI is the web UI handler; nil is package web's.
	UI http.Handler
}

// Serve is a running `callscope serve`: the servers or connections, the
// stage workers, the audit writer and the HTTP API, wired in one place.
type Serve struct {
	Env    *Env
	Stages *Stages
	API    *api.Server
	Audit  *audit.Writer
	Users  *users.File
	// Addr is the address the HTTP server listens on.
	Addr string
	// TLS says the server speaks HTTPS.
	TLS bool

	cfg  config.Config
	opts ServeOptions
	log  *slog.Logger
	ln   net.Listener
	http *http.Server
	// dictionaries reloads the API's dictionary set when this process
	// runs no workers to share theirs with (dictionarySource); nil
	// otherwise.
	dictionaries *match.Watcher
}

// ErrInsecureListen means a plain-HTTP server asked to listen beyond
// loopback.
var ErrInsecureListen = errors.New("refusing to serve plain HTTP beyond loopback")

// StartServe connects or embeds the servers, builds the API and binds its
// address; Run serves.
func StartServe(ctx context.Context, cfg config.Config, opts ServeOptions, log *slog.Logger) (*Serve, error) {
	tlsOn := cfg.Server.TLSCert != "" || cfg.Server.TLSKey != ""
	if tlsOn && (cfg.Server.TLSCert == "" || cfg.Server.TLSKey == "") {
		return nil, errors.New("server: give both --tls-cert and --tls-key")
	}
	if err := checkListen(cfg.Server.HTTP, tlsOn, cfg.Server.AllowRemote); err != nil {
		return nil, err
	}
	proxies, err := parsePrefixes(cfg.Server.TrustedProxies)
	if err != nil {
		return nil, err
	}
	// The embedded S3 server changes the working directory: paths first.
	for _, p := range []*string{&cfg.Server.Users, &cfg.Server.TLSCert, &cfg.Server.TLSKey} {
		if *p != "" {
			if *p, err = filepath.Abs(*p); err != nil {
				return nil, err
			}
		}
	}
	s := &Serve{cfg: cfg, opts: opts, log: log, TLS: tlsOn}
	fail := func(err error) (*Serve, error) {
		s.Close()
		return nil, err
	}
	if opts.Embedded {
		opts.Workers = true
		s.opts.Workers = true
		s.Env, err = StartEmbeddedWith(ctx, &cfg, log, EmbedOptions{S3Listen: cfg.Server.S3Listen, S3Events: true})
	} else {
		s.Env, err = Connect(ctx, cfg, log)
	}
	if err != nil {
		return fail(err)
	}
	s.cfg = cfg
	// The reports' monthly rollup, before the first page asks for a report:
	// every month the first time (about a second of CPU per million
	// calls), then only the months that changed since.
	s.refreshRollup(ctx)
	usersPath := cfg.Server.Users
	if usersPath == "" {
		usersPath = filepath.Join(cfg.DataDir, "users.yaml")
	}
	if s.Users, err = users.Open(usersPath, users.Params{}); err != nil {
		return fail(err)
	}
	if opts.Workers {
		if !opts.Embedded && cfg.Privacy.ClientIDKey == "" {
			return fail(errors.New("privacy.client_id_key is empty: set CALLSCOPE_PRIVACY_CLIENT_ID_KEY to the same secret on every worker"))
		}
		if s.Stages, err = NewStages(cfg, s.Env, log); err != nil {
			return fail(err)
		}
	}
	s.Audit = audit.NewWriter(s.Env.DB, audit.Config{Logger: log})
	ui := opts.UI
	if ui == nil {
		ui = web.Handler()
	}
	groups := map[string]api.ProxyGroup{}
	for name, g := range cfg.Server.ProxyGroups {
		role := users.Role(g.Role)
		if !role.Valid() {
			return fail(fmt.Errorf("server.proxy_groups.%s: role %q: want admin, manager, supervisor or analyst", name, g.Role))
		}
		groups[name] = api.ProxyGroup{Role: role, Departments: g.Departments, Listen: g.Listen, RawAudio: g.RawAudio}
	}
	current, own, err := dictionarySource(cfg, s.Stages, log)
	if err != nil {
		return fail(err)
	}
	s.dictionaries = own
	dicts := &dictionaries{matcher: current, env: s.Env, transcripts: cfg.S3.TranscriptsBucket}
	env := s.Env
	restricted := ""
	if cfg.Privacy.AudioBucket != "" && cfg.Privacy.OriginalAudio == "restrict" {
		restricted = cfg.Privacy.RestrictedBucket
	}
	if cfg.Privacy.AudioBucket == "" {
		log.Info("serve: privacy.audio_bucket is empty: users with the listen permission hear the original recordings (docs/privacy.md)")
	}
	s.API = api.New(api.Config{
		DB: env.DB, Objects: env.Objects, Bucket: cfg.S3.Bucket, TranscriptsBucket: cfg.S3.TranscriptsBucket,
		RedactedBucket: cfg.Privacy.AudioBucket, RestrictedBucket: restricted,
		Users: s.Users, Audit: s.Audit, UI: ui, Dictionaries: dicts, TLS: tlsOn,
		SessionIdle: cfg.Server.SessionIdle, SessionMax: cfg.Server.SessionMax,
		TrustedProxies: proxies, ProxyUserHeader: cfg.Server.ProxyUserHeader, ProxyGroupsHeader: cfg.Server.ProxyGroupsHeader,
		ProxyGroups: groups, Logger: log,
		Healthy: func() error {
			if st := env.NC.Status(); st != nats.CONNECTED {
				return fmt.Errorf("nats: %s", st)
			}
			return nil
		},
		Ready: func(ctx context.Context) error {
			rows, err := env.DB.Query(ctx, "SELECT 1")
			if err != nil {
				return fmt.Errorf("clickhouse: %w", err)
			}
			_ = rows.Close()
			if _, err := env.Objects.Client().BucketExists(ctx, cfg.S3.Bucket); err != nil {
				return fmt.Errorf("s3: %w", err)
			}
			return nil
		},
		ExtraMetrics: func(ctx context.Context, w io.Writer) {
			if s.Stages == nil {
				return
			}
			qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			defer cancel()
			depths, _ := pipeline.QueueDepths(qctx, env.JS, pipeline.Stages...)
			_ = s.Stages.Metrics.WritePrometheus(w, depths)
		},
	})
	ln, err := net.Listen("tcp", cfg.Server.HTTP)
	if err != nil {
		return fail(fmt.Errorf("server: listen %s: %w", cfg.Server.HTTP, err))
	}
	s.ln, s.Addr = ln, ln.Addr().String()
	s.http = &http.Server{
		Handler: s.API.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
	if tlsOn {
		cert, err := tls.LoadX509KeyPair(cfg.Server.TLSCert, cfg.Server.TLSKey)
		if err != nil {
			return fail(fmt.Errorf("server: TLS: %w", err))
		}
		s.http.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	return s, nil
}

// URL is the server's base URL.
func (s *Serve) URL() string {
	if s.TLS {
		return "https://" + s.Addr
	}
	return "http://" + s.Addr
}

// Run serves HTTP (and runs the workers) until ctx ends, then shuts down
// gracefully: requests in flight finish (up to 15 s), workers finish the
// jobs in hand, the audit queue is written.
func (s *Serve) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	wg.Add(1)
	go func() {
		defer wg.Done()
		var err error
		if s.TLS {
			err = s.http.ServeTLS(s.ln, "", "")
		} else {
			err = s.http.Serve(s.ln)
		}
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs <- fmt.Errorf("server: %w", err)
			cancel()
		}
	}()
	if s.Stages != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Stages.Run(ctx); err != nil {
				errs <- err
				cancel()
			}
		}()
		if s.opts.Embedded {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.rescan(ctx)
			}()
		}
	}
	if s.dictionaries != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.dictionaries.Run(ctx)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(rollupEvery):
				s.refreshRollup(ctx)
			}
		}
	}()
	<-ctx.Done()
	sctx, scancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer scancel()
	if err := s.http.Shutdown(sctx); err != nil {
		s.log.Warn("server: shutdown", "err", err)
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// rescan queues every recording of the bucket that has no status yet: at
// start, and then every RescanEvery (new recordings normally arrive as the
// embedded S3 server's events).
// rollupEvery is how often the server brings the reports' monthly rollup
// up to date (store.RefreshRollup): reports read the months changed since
// from calls meanwhile, so it only bounds how much of the archive they scan.
const rollupEvery = 5 * time.Minute

func (s *Serve) refreshRollup(ctx context.Context) {
	st, err := store.RefreshRollup(ctx, s.Env.DB)
	switch {
	case err != nil && ctx.Err() == nil:
		s.log.Warn("serve: report rollup", "err", err)
	case st.Built > 0:
		s.log.Info("serve: report rollup built", "months", st.Built, "of", st.Months, "dropped", st.Dropped, "took", st.Took.Round(time.Millisecond))
	}
}

func (s *Serve) rescan(ctx context.Context) {
	every := s.opts.RescanEvery
	if every == 0 {
		every = 5 * time.Minute
	}
	for {
		latest, err := store.LatestStatuses(ctx, s.Env.DB)
		if err == nil {
			var res struct{ queued int }
			r, err := s.Stages.Ingest.Scan(ctx, s.cfg.S3.Bucket, "", "serve", func(key, etag string) bool {
				st, ok := latest[key]
				return ok && st.ETag == etag && (st.State == schemas.StateAnalysed || st.State == schemas.StateFailed || st.State == schemas.StateQueued)
			})
			res.queued = len(r.Queued)
			if err != nil && ctx.Err() == nil {
				s.log.Warn("serve: scan", "err", err)
			} else if res.queued > 0 {
				s.log.Info("serve: queued recordings found in the bucket", "recordings", res.queued)
			}
		} else if ctx.Err() == nil {
			s.log.Warn("serve: scan", "err", err)
		}
		if every < 0 {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// Close releases what StartServe made (Run's shutdown does the serving
// part).
func (s *Serve) Close() {
	if s.API != nil {
		s.API.Close()
	}
	if s.Audit != nil {
		if err := s.Audit.Close(); err != nil {
			s.log.Error("audit", "err", err)
		}
	}
	if s.ln != nil {
		_ = s.ln.Close()
	}
	if s.Env != nil {
		s.Env.Close()
	}
}

// checkListen refuses plain HTTP beyond loopback unless allowed.
func checkListen(addr string, tlsOn, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("server: --http %q: want HOST:PORT, e.g. 127.0.0.1:8080", addr)
	}
	if tlsOn || allowRemote {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.IsLoopback() {
		return fmt.Errorf("%w: --http %s: give --tls-cert/--tls-key, or --allow-remote behind a TLS proxy", ErrInsecureListen, addr)
	}
	return nil
}

func parsePrefixes(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, p := range strings.Split(list, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			a, err := netip.ParseAddr(p)
			if err != nil {
				return nil, fmt.Errorf("server.trusted_proxies: %q is not an address or CIDR", p)
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		pr, err := netip.ParsePrefix(p)
		if err != nil {
			return nil, fmt.Errorf("server.trusted_proxies: %q is not an address or CIDR", p)
		}
		out = append(out, pr.Masked())
	}
	return out, nil
}

// dictionaries serves the dictionary endpoints with the use cases of the
// dict commands (analyze/dicttest, report/whatif) over the dictionaries
// the workers use.
type dictionaries struct {
	matcher     func() *match.Matcher
	env         *Env
	transcripts string
}

// dictionarySource is where the API reads the dictionaries in use. When
// this process runs the workers and they reload the set, it is their
// watcher: a dictionary an analyst publishes reaches the filters' known
// categories, the dictionary list and dict test when it reaches the
// analyses, without a restart, and the two never disagree. An API-only
// server whose configuration reloads the set watches it itself: own is
// that watcher, for Run to run. Otherwise the set is loaded once.
func dictionarySource(cfg config.Config, stages *Stages, log *slog.Logger) (current func() *match.Matcher, own *match.Watcher, err error) {
	if stages != nil && stages.dictionaries != nil {
		return stages.dictionaries.Current, nil, nil
	}
	if cfg.Dictionaries.Dir != "" && cfg.Dictionaries.Reload > 0 {
		w, err := match.NewWatcher(cfg.Dictionaries.Dir, cfg.Dictionaries.Reload, cfg.Dictionaries.Models, log)
		if err != nil {
			return nil, nil, err
		}
		return w.Current, w, nil
	}
	m, err := analyze.LoadMatcher(cfg.Dictionaries.Dir, cfg.Dictionaries.Models)
	if err != nil {
		return nil, nil, err
	}
	return func() *match.Matcher { return m }, nil, nil
}

func (d *dictionaries) List(ctx context.Context) (api.DictList, error) {
	m := d.matcher()
	out := api.DictList{Version: m.Version(), Dictionaries: []api.DictInfo{}}
	for _, dict := range m.Set().Dictionaries {
		out.Dictionaries = append(out.Dictionaries, api.DictInfo{Name: dict.Language + "/" + dict.Category,
			Category: dict.Category, Language: dict.Language, Phrases: len(dict.Phrases)})
	}
	return out, nil
}

// Test finds the hits in a sentence, or in a stored call's transcript (in
// the caller's scope) beside the hits its analysis stored.
func (d *dictionaries) Test(ctx context.Context, req api.DictTestRequest) (any, error) {
	m := d.matcher()
	if req.CallID == "" {
		lang := analyze.BaseLanguage(req.Language)
		if lang == "" {
			lang = "ru"
		}
		if !m.HasLanguage(lang) {
			return nil, api.BadInput(fmt.Errorf("no dictionaries in language %q", lang))
		}
		role := req.Channel
		switch role {
		case "":
			role = schemas.RoleMixed
		case schemas.RoleOperator, schemas.RoleClient, schemas.RoleMixed:
		default:
			return nil, api.BadInput(fmt.Errorf("channel: want operator, client or mixed, got %q", role))
		}
		return dicttest.Text(m, lang, role, req.Text, false), nil
	}
	c, err := whatif.ReadStoredCall(ctx, d.env.DB, d.env.Objects, d.transcripts, req.CallID)
	if err != nil {
		return nil, err
	}
	return c.Test(m, "", match.CallOptions{}), nil
}

// WhatIf compiles the set with one dictionary file replaced and compares
// it with the stored analyses of the calls the filter and period select.
func (d *dictionaries) WhatIf(ctx context.Context, req api.WhatIfRequest) (any, error) {
	m, err := whatif.Replace(d.matcher().Set(), "dictionary", []byte(req.Dictionary))
	if err != nil {
		// Each line already names the place as dictionary:LINE:COL.
		return nil, api.BadInput(errors.New(strings.Join(match.ErrorLines(err), "; ")))
	}
	q, err := whatif.Request{Filter: req.Filter, From: req.From, To: req.To, TZ: req.TZ}.Query()
	if err != nil {
		return nil, err
	}
	// The filter selects stored calls: its categories are those of the
	// dictionaries in use (the request's context) or of a stored call.
	if err := report.CheckFilterCategories(ctx, d.env.DB, req.Filter); err != nil {
		return nil, err
	}
	return whatif.Run(ctx, d.env.DB, m, q)
}

package api

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/users"
)

// Cookie names.
const (
	SessionCookie = "callscope_session"
	CSRFCookie    = "callscope_csrf"
	CSRFHeader    = "X-CSRF-Token"
)

// principal is the user of a request.
type principal struct {
	Name        string
	Role        users.Role
	Departments []string
	Listen      bool
	// RawAudio: the original recording, not the redacted copy.
	RawAudio  bool
	Auth      string // password or proxy
	CSRF      string
	sessionID string
}

// userJSON is the User of the API.
type userJSON struct {
	Name        string   `json:"name"`
	Role        string   `json:"role"`
	Departments []string `json:"departments,omitempty"`
	Listen      bool     `json:"listen"`
	RawAudio    bool     `json:"raw_audio"`
	CSRFToken   string   `json:"csrf_token"`
	Auth        string   `json:"auth"`
}

func (p *principal) json() userJSON {
	return userJSON{Name: p.Name, Role: string(p.Role), Departments: p.Departments, Listen: p.Listen, RawAudio: p.RawAudio, CSRFToken: p.CSRF, Auth: p.Auth}
}

// session is a logged-in browser.
type session struct {
	user      string
	csrf      string
	created   time.Time
	lastSeen  time.Time
	expiresAt time.Time
}

// sessions are kept in memory, by the SHA-256 of their token: a restart
// logs everyone out, and a memory dump does not hold usable tokens.
type sessions struct {
	idle, max time.Duration
	now       func() time.Time
	mu        sync.Mutex
	m         map[[32]byte]*session
	stop      chan struct{}
	once      sync.Once
}

func newSessions(idle, max time.Duration, now func() time.Time) *sessions {
	s := &sessions{idle: idle, max: max, now: now, m: map[[32]byte]*session{}, stop: make(chan struct{})}
	go s.sweep()
	return s
}

func (s *sessions) close() { s.once.Do(func() { close(s.stop) }) }

func (s *sessions) sweep() {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			now := s.now()
			s.mu.Lock()
			for k, v := range s.m {
				if s.expired(v, now) {
					delete(s.m, k)
				}
			}
			s.mu.Unlock()
		}
	}
}

func (s *sessions) expired(v *session, now time.Time) bool {
	return now.Sub(v.lastSeen) > s.idle || now.After(v.expiresAt)
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *sessions) create(user string) (token string, v *session) {
	token = randomToken()
	now := s.now()
	v = &session{user: user, csrf: randomToken(), created: now, lastSeen: now, expiresAt: now.Add(s.max)}
	s.mu.Lock()
	s.m[sha256.Sum256([]byte(token))] = v
	s.mu.Unlock()
	return token, v
}

// get returns the live session of a token and marks it used.
func (s *sessions) get(token string) (*session, bool) {
	if len(token) > 100 {
		return nil, false
	}
	k := sha256.Sum256([]byte(token))
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	if !ok {
		return nil, false
	}
	if s.expired(v, now) {
		delete(s.m, k)
		return nil, false
	}
	v.lastSeen = now
	c := *v
	return &c, true
}

func (s *sessions) delete(token string) {
	s.mu.Lock()
	delete(s.m, sha256.Sum256([]byte(token)))
	s.mu.Unlock()
}

// authenticate finds the request's user: a trusted proxy's headers, else
// the session cookie. A session of a user since disabled, or whose
// password changed after it began, is ended.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) (*principal, bool) {
	if p, ok := s.proxyPrincipal(r); ok {
		return p, true
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil, false
	}
	v, ok := s.sessions.get(c.Value)
	if !ok {
		return nil, false
	}
	if s.cfg.Users == nil {
		return nil, false
	}
	u, ok := s.cfg.Users.Get(v.user)
	if !ok || u.Disabled || u.PasswordAt.After(v.created) {
		s.sessions.delete(c.Value)
		return nil, false
	}
	return &principal{Name: u.Name, Role: u.Role, Departments: u.Departments, Listen: u.Listen, RawAudio: u.Listen && u.RawAudio,
		Auth: "password", CSRF: v.csrf, sessionID: c.Value}, true
}

// remoteIP is the address the connection comes from (never a header: the
// forwarded-for headers are the client's to write).
func remoteIP(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

// proxyPrincipal reads the user and groups a trusted reverse proxy set.
// Headers from any other address are ignored.
func (s *Server) proxyPrincipal(r *http.Request) (*principal, bool) {
	if len(s.cfg.TrustedProxies) == 0 {
		return nil, false
	}
	ip := remoteIP(r)
	trusted := false
	for _, p := range s.cfg.TrustedProxies {
		trusted = trusted || p.Contains(ip)
	}
	name := strings.TrimSpace(r.Header.Get(s.cfg.ProxyUserHeader))
	if !trusted || name == "" || len(name) > 256 {
		return nil, false
	}
	p := &principal{Name: name, Auth: "proxy"}
	rank := map[users.Role]int{users.Supervisor: 1, users.Analyst: 2, users.Manager: 3, users.Admin: 4}
	found := false
	for _, g := range strings.Split(r.Header.Get(s.cfg.ProxyGroupsHeader), ",") {
		grant, ok := s.cfg.ProxyGroups[strings.TrimSpace(g)]
		if !ok || !grant.Role.Valid() {
			continue
		}
		found = true
		if rank[grant.Role] > rank[p.Role] {
			p.Role = grant.Role
		}
		for _, d := range grant.Departments {
			if !slices.Contains(p.Departments, d) {
				p.Departments = append(p.Departments, d)
			}
		}
		p.Listen = p.Listen || grant.Listen || grant.RawAudio
		p.RawAudio = p.RawAudio || grant.RawAudio
	}
	if !found {
		return nil, false
	}
	if p.Role.AllDepartments() {
		p.Departments = nil
	}
	mac := hmac.New(sha256.New, s.proxyKey)
	mac.Write([]byte(name))
	p.CSRF = base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	return p, true
}

// checkCSRF: the header must carry the session's token, and a browser's
// Origin, when sent, must be this server.
func (s *Server) checkCSRF(r *http.Request, p *principal) bool {
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host {
			return false
		}
	}
	got := r.Header.Get(CSRFHeader)
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(p.CSRF)) == 1
}

func (s *Server) setCookies(w http.ResponseWriter, token, csrf string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.cfg.TLS, SameSite: http.SameSiteLaxMode, MaxAge: maxAge})
	http.SetCookie(w, &http.Cookie{Name: CSRFCookie, Value: csrf, Path: "/", HttpOnly: false,
		Secure: s.cfg.TLS, SameSite: http.SameSiteStrictMode, MaxAge: maxAge})
}

type loginRequest struct {
	User     string `json:"user"`
	Password string `json:"password"`
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, _ *principal) {
	var req loginRequest
	if !readJSON(w, r, &req, 16<<10) {
		return
	}
	if req.User == "" || req.Password == "" {
		writeError(w, http.StatusBadRequest, "bad_request", "give user and password")
		return
	}
	ip := remoteIP(r)
	user := truncate(req.User, 128)
	if wait := s.limiter.wait(ip, user); wait > 0 {
		s.record(r, &principal{Name: user}, audit.LoginThrottle, "", "", http.StatusTooManyRequests, "")
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds()+0.999)))
		writeError(w, http.StatusTooManyRequests, "rate_limited", "too many failed logins: try again in "+wait.Round(time.Second).String())
		return
	}
	if s.cfg.Users == nil {
		writeError(w, http.StatusUnauthorized, "unauthorized", "wrong user name or password")
		return
	}
	u, err := s.cfg.Users.Authenticate(req.User, req.Password)
	if err != nil {
		s.limiter.fail(ip, user)
		// Every failure takes at least LoginDelay, whatever the reason.
		time.Sleep(s.cfg.LoginDelay)
		s.record(r, &principal{Name: user}, audit.LoginFailed, "", "", http.StatusUnauthorized, "")
		writeError(w, http.StatusUnauthorized, "unauthorized", "wrong user name or password")
		return
	}
	s.limiter.succeed(ip, user)
	token, v := s.sessions.create(u.Name)
	s.setCookies(w, token, v.csrf, 0)
	p := &principal{Name: u.Name, Role: u.Role, Departments: u.Departments, Listen: u.Listen, RawAudio: u.Listen && u.RawAudio, Auth: "password", CSRF: v.csrf}
	s.record(r, p, audit.Login, "", "", http.StatusOK, "")
	writeJSON(w, http.StatusOK, p.json())
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, p *principal) {
	if p.sessionID != "" {
		s.sessions.delete(p.sessionID)
	}
	s.setCookies(w, "", "", -1)
	s.record(r, p, audit.Logout, "", "", http.StatusNoContent, "")
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) me(w http.ResponseWriter, r *http.Request, p *principal) {
	if p.Auth == "proxy" {
		http.SetCookie(w, &http.Cookie{Name: CSRFCookie, Value: p.CSRF, Path: "/", Secure: s.cfg.TLS, SameSite: http.SameSiteStrictMode})
	}
	writeJSON(w, http.StatusOK, p.json())
}

// loginLimiter slows down guessing: after loginFree failures of a user
// name (loginFreeIP of an address: an office may share one) within
// loginWindow, each further attempt must wait twice as long as the one
// before (1s, 2s, 4s ... up to loginMaxWait).
type loginLimiter struct {
	now func() time.Time
	mu  sync.Mutex
	m   map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

const (
	loginFree    = 5
	loginFreeIP  = 20
	loginWindow  = 15 * time.Minute
	loginMaxWait = 15 * time.Minute
)

func newLoginLimiter(now func() time.Time) *loginLimiter {
	return &loginLimiter{now: now, m: map[string]*failures{}}
}

func limiterKeys(ip netip.Addr, user string) []string {
	return []string{"ip:" + ip.String(), "user:" + strings.ToLower(user)}
}

// wait is how long the caller must still wait before trying again.
func (l *loginLimiter) wait(ip netip.Addr, user string) time.Duration {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	var longest time.Duration
	for _, k := range limiterKeys(ip, user) {
		f, ok := l.m[k]
		if !ok {
			continue
		}
		if now.Sub(f.last) > loginWindow {
			delete(l.m, k)
			continue
		}
		free := loginFree
		if strings.HasPrefix(k, "ip:") {
			free = loginFreeIP
		}
		if f.n < free {
			continue
		}
		d := min(time.Second<<min(f.n-free, 20), loginMaxWait)
		if left := f.last.Add(d).Sub(now); left > longest {
			longest = left
		}
	}
	return longest
}

func (l *loginLimiter) fail(ip netip.Addr, user string) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.m) > 100000 { // a flood of names: forget the oldest state
		clear(l.m)
	}
	for _, k := range limiterKeys(ip, user) {
		f, ok := l.m[k]
		if !ok {
			f = &failures{}
			l.m[k] = f
		}
		f.n++
		f.last = now
	}
}

func (l *loginLimiter) succeed(ip netip.Addr, user string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.m, limiterKeys(ip, user)[1])
}

// readJSON decodes a JSON body of at most limit bytes into v, answering
// the error itself; unknown fields are errors.
func readJSON(w http.ResponseWriter, r *http.Request, v any, limit int64) bool {
	ct := r.Header.Get("Content-Type")
	if ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, "bad_request", "send Content-Type: application/json")
		return false
	}
	if ct == "" {
		writeError(w, http.StatusUnsupportedMediaType, "bad_request", "send Content-Type: application/json")
		return false
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if asMaxBytes(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "too_large", "the body is larger than "+strconv.FormatInt(limit, 10)+" bytes")
			return false
		}
		msg, param := bodyError(err)
		writeJSON(w, http.StatusBadRequest, apiError{Error: errorBody{Code: "bad_request", Message: msg, Param: param}})
		return false
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "bad_request", "the body has more than one JSON value")
		return false
	}
	return true
}

package api_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/internal/api"
	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestOpenAPIMatchesRoutes: every route the server registers is in
// docs/openapi.yaml with its method, and the file names no other.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	data, err := os.ReadFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI string                               `yaml:"openapi"`
		Paths   map[string]map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi: %q, want 3.x", doc.OpenAPI)
	}
	var documented, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	s := api.New(api.Config{})
	defer s.Close()
	for _, rt := range s.Routes() {
		served = append(served, rt.Method+" "+rt.Path)
	}
	sort.Strings(documented)
	sort.Strings(served)
	if !slices.Equal(documented, served) {
		t.Errorf("openapi.yaml and the routes differ:\n documented %v\n served     %v", documented, served)
	}
}

// fixture is a server over real ClickHouse (both backends) and MinIO with
// two departments' calls and four users.
type fixture struct {
	t      *testing.T
	db     store.DB
	srv    *httptest.Server
	api    *api.Server
	audit  *audit.Writer
	users  *users.File
	logs   *testenv.SyncBuffer
	now    *clock
	objs   *objstore.Store
	bucket string
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

const (
	deptA = "Поддержка"
	deptB = "Продажи"
)

func fp(v float64) *float64 { return &v }

// muLawWAV is a two-channel 8 kHz mu-law recording of n frames.
func muLawWAV(n int) []byte {
	var b bytes.Buffer
	data := make([]byte, 2*n)
	for i := range data {
		data[i] = byte(i * 7)
	}
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(4+8+18+8+len(data)))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, binary.LittleEndian, uint32(18))
	binary.Write(&b, binary.LittleEndian, uint16(7))    // mu-law
	binary.Write(&b, binary.LittleEndian, uint16(2))    // channels
	binary.Write(&b, binary.LittleEndian, uint32(8000)) // rate
	binary.Write(&b, binary.LittleEndian, uint32(16000))
	binary.Write(&b, binary.LittleEndian, uint16(2))
	binary.Write(&b, binary.LittleEndian, uint16(8))
	binary.Write(&b, binary.LittleEndian, uint16(0))
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(len(data)))
	b.Write(data)
	return b.Bytes()
}

func analyses() []schemas.Analysis {
	at := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	mk := func(id, dept, op string, day int, dur float64, text string) schemas.Analysis {
		return schemas.Analysis{CallID: id, ObjectKey: "calls/" + id + ".wav", Version: "v1", DictionaryVersion: "d1", AnalyzedAt: at,
			Meta: schemas.Metadata{StartedAt: time.Date(2026, 11, day, 10, 0, 0, 0, time.UTC), Direction: "inbound", Language: "ru",
				Operator: schemas.Operator{ID: op, Name: op, Department: dept}, Queue: "q"},
			ASR:        schemas.ASRInfo{Adapter: "import"},
			Metrics:    schemas.Metrics{Duration: dur, Channels: 2, OperatorTalk: fp(dur / 3), ClientTalk: fp(dur / 3), TotalTalk: dur / 2},
			Categories: map[string]int{"complaint": 1},
			Hits:       []schemas.Hit{{Category: "complaint", PhraseID: "p", Channel: "client", Start: 5, End: 6, Text: "пожаловаться"}},
			Score:      &schemas.Score{Profile: "default", ProfileVersion: "1", Value: dur / 10, Max: 5},
			Segments: analyze.IndexSegments(schemas.Transcript{Language: "ru", Duration: dur, Channels: []schemas.TranscriptChannel{
				{Role: "operator", Segments: []schemas.Segment{{Start: 0.5, End: 4, Text: "Компания Ромашка, слушаю вас"}}},
				{Role: "client", Segments: []schemas.Segment{{Start: 3.5, End: 8, Text: text}}},
			}}, "ru")}
	}
	return []schemas.Analysis{
		mk("a1", deptA, "op-1", 18, 30, "Я хочу пожаловаться на интернет"),
		mk("a2", deptA, "op-2", 19, 20, "Хочу пожаловаться снова"),
		mk("a3", deptA, "op-1", 20, 40, "Всё хорошо, спасибо"),
		mk("b1", deptB, "op-9", 19, 25, "Жалоба на доставку, хочу пожаловаться"),
		mk("b2", deptB, "op-9", 21, 10, "Подключайте тариф"),
	}
}

const pw = "correct horse battery"

func newFixture(t *testing.T, dsn string, minio testenv.MinIOServer) *fixture {
	ctx := context.Background()
	db := storetest.Migrated(t, dsn)
	if err := store.WriteAnalyses(ctx, db, analyses()); err != nil {
		t.Fatal(err)
	}
	objs, err := objstore.New(objstore.Config{Endpoint: minio.Endpoint, AccessKey: minio.AccessKey, SecretKey: minio.SecretKey, Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	bucket := fmt.Sprintf("calls-%d", time.Now().UnixNano())
	for _, b := range []string{bucket, bucket + "-tr"} {
		if err := objs.EnsureBucket(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range analyses() {
		if _, err := objs.Put(ctx, bucket, a.ObjectKey, muLawWAV(8000*int(a.Metrics.Duration)/10), "audio/wav", nil); err != nil {
			t.Fatal(err)
		}
		tr := transcriptOf(a)
		tr.Channels[0].Speech = []schemas.Interval{{Start: 0.4, End: 4.1}}
		tr.Channels[0].Segments = []schemas.Segment{{Start: 0.5, End: 4, Text: "Компания Ромашка, слушаю вас",
			Words: []schemas.Word{{W: "компания", Start: 0.5, End: 1.1}}}}
		tr.Channels[1].Speech = []schemas.Interval{{Start: 3.5, End: 8}}
		data, _ := json.Marshal(tr)
		if _, err := objs.Put(ctx, bucket+"-tr", schemas.TranscriptKey(a.ObjectKey), data, "application/json", nil); err != nil {
			t.Fatal(err)
		}
		side := `{"holds": [{"start": 10, "end": 12.5}]}`
		if _, err := objs.Put(ctx, bucket, strings.TrimSuffix(a.ObjectKey, ".wav")+".json", []byte(side), "application/json", nil); err != nil {
			t.Fatal(err)
		}
	}
	uf, err := users.Open(t.TempDir()+"/users.yaml", users.Params{Memory: 1024, Time: 1, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []users.User{
		{Name: "admin", Role: users.Admin, Listen: true},
		{Name: "mgr", Role: users.Manager, Listen: true},
		{Name: "sup", Role: users.Supervisor, Departments: []string{deptA}, Listen: true},
		{Name: "deaf", Role: users.Supervisor, Departments: []string{deptA}},
		{Name: "analyst", Role: users.Analyst},
	} {
		if err := uf.Add(u, pw); err != nil {
			t.Fatal(err)
		}
	}
	logs := &testenv.SyncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	aw := audit.NewWriter(db, audit.Config{Logger: log, FlushInterval: time.Hour})
	clk := &clock{t: time.Now()}
	s := api.New(api.Config{DB: db, Objects: objs, Bucket: bucket, TranscriptsBucket: bucket + "-tr", Users: uf, Audit: aw,
		Logger: log, LoginDelay: 20 * time.Millisecond, Now: clk.Now, Dictionaries: categoriesOnly{"greeting", "farewell"},
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")},
		ProxyGroups:    map[string]api.ProxyGroup{"qa": {Role: users.Manager}}})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() { srv.Close(); s.Close(); aw.Close() })
	return &fixture{t: t, db: db, srv: srv, api: s, audit: aw, users: uf, logs: logs, now: clk, objs: objs, bucket: bucket}
}

// client is a browser: a cookie jar and the CSRF token of its login.
type client struct {
	f    *fixture
	http *http.Client
	csrf string
}

func (f *fixture) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{f: f, http: &http.Client{Jar: jar}}
}

func (f *fixture) login(name string) *client {
	f.t.Helper()
	c := f.anon()
	resp, body := c.do("POST", "/api/v1/login", `{"user":"`+name+`","password":"`+pw+`"}`, nil)
	if resp.StatusCode != 200 {
		f.t.Fatalf("login %s: %d %s", name, resp.StatusCode, body)
	}
	var u struct {
		CSRF string `json:"csrf_token"`
	}
	json.Unmarshal(body, &u)
	c.csrf = u.CSRF
	return c
}

func (c *client) do(method, path, body string, hdr map[string]string) (*http.Response, []byte) {
	c.f.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.f.srv.URL+path, rd)
	if err != nil {
		c.f.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp, data
}

func (c *client) get(path string) (int, []byte) {
	c.f.t.Helper()
	resp, body := c.do("GET", path, "", nil)
	return resp.StatusCode, body
}

func (c *client) getJSON(path string, v any) {
	c.f.t.Helper()
	code, body := c.get(path)
	if code != 200 {
		c.f.t.Fatalf("GET %s: %d %s", path, code, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		c.f.t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// auditRows reads the trail after writing what is queued.
func (f *fixture) auditRows(q audit.Query) []audit.Event {
	f.t.Helper()
	if err := f.audit.Flush(context.Background()); err != nil {
		f.t.Fatal(err)
	}
	p, err := audit.Read(context.Background(), f.db, q)
	if err != nil {
		f.t.Fatal(err)
	}
	return p.Events
}

func backends(t *testing.T, run func(t *testing.T, f *fixture)) {
	testenv.SkipIfShort(t)
	minio := testenv.MinIO(t, testenv.MinIOOptions{})
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) { run(t, newFixture(t, b.DSN(t), minio)) })
	}
}

func TestAPI(t *testing.T) {
	backends(t, func(t *testing.T, f *fixture) {
		t.Run("unauthenticated", func(t *testing.T) { testUnauthenticated(t, f) })
		t.Run("report is the CLI's JSON", func(t *testing.T) { testReport(t, f) })
		t.Run("calls pages", func(t *testing.T) { testCallsPages(t, f) })
		t.Run("one call and audio", func(t *testing.T) { testCallAndAudio(t, f) })
		t.Run("supervisor scope", func(t *testing.T) { testSupervisorScope(t, f) })
		t.Run("roles", func(t *testing.T) { testRoles(t, f) })
		t.Run("csrf", func(t *testing.T) { testCSRF(t, f) })
		t.Run("bad input", func(t *testing.T) { testBadInput(t, f) })
		t.Run("unknown category", func(t *testing.T) { testUnknownCategory(t, f) })
		t.Run("sessions", func(t *testing.T) { testSessions(t, f) })
		t.Run("proxy", func(t *testing.T) { testProxy(t, f) })
		t.Run("login throttling and logs", func(t *testing.T) { testLoginThrottle(t, f) })
		t.Run("health and metrics", func(t *testing.T) { testHealth(t, f) })
	})
}

func testUnauthenticated(t *testing.T, f *fixture) {
	c := f.anon()
	for _, rt := range f.api.Routes() {
		path := strings.ReplaceAll(rt.Path, "{id}", "a1")
		if slices.Contains([]string{"/healthz", "/readyz", "/metrics", "/api/v1/login"}, path) {
			continue
		}
		resp, body := c.do(rt.Method, path, "", nil)
		if resp.StatusCode != 401 || !strings.Contains(string(body), `"unauthorized"`) {
			t.Errorf("%s %s without a session: %d %s, want 401", rt.Method, path, resp.StatusCode, body)
		}
	}
	// A forged session cookie is no session.
	c.http.Jar.SetCookies(mustURL(f.srv.URL), []*http.Cookie{{Name: api.SessionCookie, Value: "forged"}})
	if code, _ := c.get("/api/v1/me"); code != 401 {
		t.Errorf("forged cookie: %d, want 401", code)
	}
}

func mustURL(s string) *url.URL { u, _ := url.Parse(s); return u }

func testReport(t *testing.T, f *fixture) {
	c := f.login("mgr")
	q := "by=department,month&measures=calls,avg_score,pct:complaint&from=2026-11-01&to=2026-11-30&compare=true&filter=" + url.QueryEscape("duration > 15s")
	code, body := c.get("/api/v1/report?" + q)
	if code != 200 {
		t.Fatalf("report: %d %s", code, body)
	}
	// The same definition through the use case the CLI runs, written as
	// `callscope report --format json` writes it.
	res, err := report.Run(context.Background(), f.db, report.Definition{By: []string{"department", "month"},
		Measures: []string{"calls", "avg_score", "pct:complaint"}, From: "2026-11-01", To: "2026-11-30", Compare: true, Filter: "duration > 15s"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := res.Write(&want, report.FormatJSON); err != nil {
		t.Fatal(err)
	}
	if string(body) != want.String() {
		t.Errorf("report JSON differs from the CLI's:\n got %s\nwant %s", body, want.String())
	}
	var got struct {
		Rows []struct {
			Keys   map[string]string   `json:"keys"`
			Values map[string]*float64 `json:"values"`
		} `json:"rows"`
	}
	json.Unmarshal(body, &got)
	if len(got.Rows) != 2 || *got.Rows[0].Values["calls"] != 3 {
		t.Errorf("report rows: %s", body)
	}
	// A bad filter: code, column and caret.
	code, body = c.get("/api/v1/report?filter=" + url.QueryEscape("department = x and duraton > 2m"))
	var e struct {
		Error struct {
			Code   string `json:"code"`
			Column int    `json:"column"`
			Caret  string `json:"caret"`
		} `json:"error"`
	}
	json.Unmarshal(body, &e)
	if code != 400 || e.Error.Code != "bad_filter" || e.Error.Column != 20 || !strings.HasSuffix(e.Error.Caret, "\n"+strings.Repeat(" ", 19)+"^") {
		t.Errorf("bad filter: %d %s", code, body)
	}
	if code, body := c.get("/api/v1/report?by=nonsense"); code != 400 || !strings.Contains(string(body), "nonsense") {
		t.Errorf("bad dimension: %d %s", code, body)
	}
	if code, body := c.get("/api/v1/report?tz=Mars/Olympus"); code != 400 || !strings.Contains(string(body), `"param":"tz"`) {
		t.Errorf("bad tz: %d %s", code, body)
	}
}

type page struct {
	Total uint64 `json:"total"`
	Calls []struct {
		CallID   string  `json:"call_id"`
		Duration float64 `json:"duration_seconds"`
	} `json:"calls"`
	Next string `json:"next_cursor"`
}

func testCallsPages(t *testing.T, f *fixture) {
	c := f.login("mgr")
	for _, tc := range []struct {
		sort, want string
	}{
		{"", "a1 a2 b1 a3 b2"},
		{"-started_at", "b2 a3 b1 a2 a1"},
		{"duration", "b2 a2 b1 a1 a3"},
		{"-duration", "a3 a1 b1 a2 b2"},
		{"-score", "a3 a1 b1 a2 b2"},
	} {
		var ids []string
		cursor := ""
		for i := 0; i < 10; i++ {
			var p page
			c.getJSON("/api/v1/calls?limit=2&sort="+tc.sort+"&cursor="+cursor, &p)
			if p.Total != 5 {
				t.Errorf("total %d", p.Total)
			}
			for _, r := range p.Calls {
				ids = append(ids, r.CallID)
			}
			if p.Next == "" {
				break
			}
			cursor = p.Next
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("sort %q pages: %s, want %s", tc.sort, got, tc.want)
		}
	}
	var p page
	c.getJSON("/api/v1/calls?slice=operator=op-1&slice=month=2026-11", &p)
	if p.Total != 2 {
		t.Errorf("slice: %+v", p)
	}
	// total=false: the same page without the count of all matching calls
	code, body := c.get("/api/v1/calls?limit=2&sort=-started_at&total=false")
	if code != 200 || strings.Contains(string(body), `"total"`) || !strings.Contains(string(body), `"call_id":"b2"`) {
		t.Errorf("total=false: %d %s", code, body)
	}
	if code, body := c.get("/api/v1/calls?total=maybe"); code != 400 || !strings.Contains(string(body), `"total"`) {
		t.Errorf("total=maybe: %d %s", code, body)
	}
	var first page
	c.getJSON("/api/v1/calls?limit=1", &first)
	if code, body := c.get("/api/v1/calls?limit=1&sort=duration&cursor=" + first.Next); code != 400 || !strings.Contains(string(body), `"cursor"`) {
		t.Errorf("cursor of another sort: %d %s", code, body)
	}
	if code, _ := c.get("/api/v1/calls?cursor=%22%27%3B--"); code != 400 {
		t.Errorf("garbage cursor: %d", code)
	}
}

func testCallAndAudio(t *testing.T, f *fixture) {
	c := f.login("mgr")
	var d struct {
		CallID   string `json:"call_id"`
		Segments []any  `json:"segments"`
		Hits     []any  `json:"hits"`
		Audio    bool   `json:"audio"`
		Timeline struct {
			Channels []struct {
				Role   string             `json:"role"`
				Speech []schemas.Interval `json:"speech"`
				Words  []schemas.Word     `json:"words"`
			} `json:"channels"`
			Holds    []schemas.Interval `json:"holds"`
			Overtalk []schemas.Interval `json:"overtalk"`
		} `json:"timeline"`
	}
	c.getJSON("/api/v1/calls/a1", &d)
	if d.CallID != "a1" || len(d.Segments) != 2 || len(d.Hits) != 1 || !d.Audio {
		t.Errorf("call: %+v", d)
	}
	tl := d.Timeline
	if len(tl.Channels) != 2 || len(tl.Channels[0].Words) != 1 || len(tl.Holds) != 1 || tl.Holds[0].End != 12.5 ||
		len(tl.Overtalk) != 1 || tl.Overtalk[0] != (schemas.Interval{Start: 3.5, End: 4.1}) {
		t.Errorf("timeline: %+v", tl)
	}
	// The show JSON is inside, field for field.
	var show, got map[string]any
	det, err := report.Show(context.Background(), f.db, "a1", "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	report.WriteCallDetailJSON(&buf, det)
	json.Unmarshal(buf.Bytes(), &show)
	_, body := c.get("/api/v1/calls/a1")
	json.Unmarshal(body, &got)
	for k, v := range show {
		if fmt.Sprint(got[k]) != fmt.Sprint(v) {
			t.Errorf("call JSON %s = %v, show has %v", k, got[k], v)
		}
	}

	// Audio: mu-law stored, PCM16 served, ranges and caching.
	resp, wavData := c.do("GET", "/api/v1/calls/a1/audio", "", nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "audio/wav" || resp.Header.Get("Accept-Ranges") != "bytes" ||
		resp.Header.Get("ETag") == "" || resp.Header.Get("Cache-Control") != "private, no-cache" {
		t.Fatalf("audio: %d %v", resp.StatusCode, resp.Header)
	}
	if binary.LittleEndian.Uint16(wavData[20:]) != 1 || binary.LittleEndian.Uint16(wavData[34:]) != 16 || len(wavData) != 44+2*2*8000*3 {
		t.Errorf("audio is not PCM16 of the recording: header % x, %d bytes", wavData[:44], len(wavData))
	}
	resp, part := c.do("GET", "/api/v1/calls/a1/audio", "", map[string]string{"Range": "bytes=44-1043"})
	if resp.StatusCode != 206 || len(part) != 1000 || !bytes.Equal(part, wavData[44:1044]) {
		t.Errorf("range: %d, %d bytes", resp.StatusCode, len(part))
	}
	// A Range that cannot be served is the API's JSON error, like every other.
	for _, rg := range []string{"bytes=999999999-", "bytes=abc", "bytes=5-1"} {
		resp, body := c.do("GET", "/api/v1/calls/a1/audio", "", map[string]string{"Range": rg})
		if resp.StatusCode != 416 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") ||
			!strings.Contains(string(body), `"code":"bad_range"`) || !strings.Contains(string(body), "the recording has") {
			t.Errorf("Range %s: %d %s %s, want 416 with a JSON error", rg, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
	resp, _ = c.do("GET", "/api/v1/calls/a1/audio", "", map[string]string{"If-None-Match": resp.Header.Get("ETag")})
	if resp.StatusCode != 304 {
		t.Errorf("If-None-Match: %d, want 304", resp.StatusCode)
	}
	if ev := f.auditRows(audit.Query{User: "mgr", Action: audit.Listened, CallID: "a1"}); len(ev) != 1 {
		t.Errorf("listened rows: %d, want 1 (ranges within a minute write one)", len(ev))
	}
	if ev := f.auditRows(audit.Query{User: "mgr", Action: audit.Viewed, CallID: "a1"}); len(ev) != 2 {
		t.Errorf("viewed rows: %d, want 2", len(ev))
	}
	// A user without the listen permission.
	deaf := f.login("deaf")
	if code, body := deaf.get("/api/v1/calls/a1/audio"); code != 403 {
		t.Errorf("audio without listen: %d %s", code, body)
	}
	// Search with snippets.
	var s struct {
		Hits []struct {
			CallID  string               `json:"call_id"`
			Snippet []report.SnippetPart `json:"snippet"`
		} `json:"hits"`
	}
	c.getJSON("/api/v1/search?q="+url.QueryEscape("жалоба"), &s)
	if len(s.Hits) != 1 || s.Hits[0].CallID != "b1" || !slices.Contains(s.Hits[0].Snippet, report.SnippetPart{Text: "Жалоба", Hit: true}) {
		t.Errorf("search: %+v", s)
	}
}

func testSupervisorScope(t *testing.T, f *fixture) {
	sup := f.login("sup")
	for _, path := range []string{"/api/v1/calls/b1", "/api/v1/calls/b1/audio"} {
		code, body := sup.get(path)
		if code != 404 || !strings.Contains(string(body), `"not_found"`) {
			t.Errorf("%s for another department: %d %s, want 404", path, code, body)
		}
	}
	// Same answer as a call that does not exist.
	_, missing := sup.get("/api/v1/calls/zz")
	_, other := sup.get("/api/v1/calls/b1")
	if string(missing) != string(other) {
		t.Errorf("another department's call is told apart from a missing one: %s vs %s", other, missing)
	}
	ev := f.auditRows(audit.Query{User: "sup", Action: audit.Denied, CallID: "b1"})
	if len(ev) != 3 || ev[0].Department != deptB || ev[0].Status != 404 {
		t.Errorf("denied audit rows: %+v", ev)
	}
	var p page
	sup.getJSON("/api/v1/calls", &p)
	if p.Total != 3 {
		t.Errorf("supervisor lists %d calls, want 3", p.Total)
	}
	sup.getJSON("/api/v1/calls?filter="+url.QueryEscape(`department = "`+deptB+`"`), &p)
	if p.Total != 0 {
		t.Errorf("a filter on another department: %d calls", p.Total)
	}
	var s struct {
		Hits []struct {
			CallID string `json:"call_id"`
		} `json:"hits"`
	}
	sup.getJSON("/api/v1/search?q="+url.QueryEscape("пожаловаться"), &s)
	for _, h := range s.Hits {
		if strings.HasPrefix(h.CallID, "b") {
			t.Errorf("search hit of another department: %s", h.CallID)
		}
	}
	if len(s.Hits) != 2 {
		t.Errorf("search hits: %+v", s.Hits)
	}
	_, body := sup.get("/api/v1/report?by=department")
	if strings.Contains(string(body), deptB) {
		t.Errorf("report shows another department: %s", body)
	}
	var vals struct {
		Values []report.FieldValue `json:"values"`
	}
	sup.getJSON("/api/v1/values?field=department", &vals)
	if len(vals.Values) != 1 || vals.Values[0].Value != deptA {
		t.Errorf("values: %+v", vals)
	}
}

func testRoles(t *testing.T, f *fixture) {
	for _, tc := range []struct {
		user string
		path string
		code int
	}{
		{"sup", "/api/v1/audit", 403}, {"mgr", "/api/v1/audit", 403}, {"analyst", "/api/v1/users", 403},
		{"admin", "/api/v1/audit", 200}, {"admin", "/api/v1/users", 200}, {"analyst", "/api/v1/calls", 200},
	} {
		if code, body := f.login(tc.user).get(tc.path); code != tc.code {
			t.Errorf("%s GET %s: %d %s, want %d", tc.user, tc.path, code, body, tc.code)
		}
	}
	sup := f.login("sup")
	resp, _ := sup.do("POST", "/api/v1/dictionaries/test", `{"text":"хочу пожаловаться"}`, map[string]string{api.CSRFHeader: sup.csrf})
	if resp.StatusCode != 403 {
		t.Errorf("supervisor dictionary test: %d, want 403", resp.StatusCode)
	}
	_, body := f.login("admin").get("/api/v1/users")
	if strings.Contains(string(body), "argon2") || !strings.Contains(string(body), `"sup"`) {
		t.Errorf("users list: %s", body)
	}
	// The audit trail refuses what it cannot answer, naming the
	// parameter: an action it never records would read as "nobody did it".
	admin := f.login("admin")
	for _, tc := range []struct {
		query, param, message string
	}{
		{"action=viewd", "action", `unknown action \"viewd\": want one of login,`},
		{"cursor=abc", "cursor", "not a cursor of the audit trail"},
		{"action=" + audit.UsersRead, "", ""},
	} {
		code, body := admin.get("/api/v1/audit?" + tc.query)
		if tc.param == "" {
			if code != 200 {
				t.Errorf("audit?%s: %d %s, want 200", tc.query, code, body)
			}
			continue
		}
		if code != 400 || !strings.Contains(string(body), `"param":"`+tc.param+`"`) || !strings.Contains(string(body), tc.message) {
			t.Errorf("audit?%s: %d %s, want 400 naming %s with %q", tc.query, code, body, tc.param, tc.message)
		}
	}
}

func testCSRF(t *testing.T, f *fixture) {
	c := f.login("mgr")
	for _, hdr := range []map[string]string{nil, {api.CSRFHeader: "forged"}, {api.CSRFHeader: c.csrf, "Origin": "https://evil.example"}} {
		resp, body := c.do("POST", "/api/v1/logout", "", hdr)
		if resp.StatusCode != 403 || !strings.Contains(string(body), `"csrf"`) {
			t.Errorf("logout with %v: %d %s, want 403", hdr, resp.StatusCode, body)
		}
	}
	if code, _ := c.get("/api/v1/me"); code != 200 {
		t.Fatalf("a refused logout ended the session")
	}
	// Another user's token is no good either.
	other := f.login("sup")
	if resp, _ := c.do("POST", "/api/v1/logout", "", map[string]string{api.CSRFHeader: other.csrf}); resp.StatusCode != 403 {
		t.Errorf("another session's token: %d", resp.StatusCode)
	}
	if resp, _ := c.do("POST", "/api/v1/logout", "", map[string]string{api.CSRFHeader: c.csrf}); resp.StatusCode != 204 {
		t.Errorf("logout: %d", resp.StatusCode)
	}
	if code, _ := c.get("/api/v1/me"); code != 401 {
		t.Errorf("after logout: %d, want 401", code)
	}
}

func testBadInput(t *testing.T, f *fixture) {
	c := f.login("mgr")
	count := func() int {
		var p page
		c.getJSON("/api/v1/calls", &p)
		return int(p.Total)
	}
	before := count()
	for _, q := range []string{
		`department = "x' OR 1=1 --"`, `department = x; DROP TABLE calls`, `operator = '); DROP TABLE calls; --`,
		`tag.x' OR '1'='1 = y`, `param.a') OR 1=1 -- > 1`, "duration > 1s\x00",
	} {
		code, body := c.get("/api/v1/calls?filter=" + url.QueryEscape(q))
		switch code {
		case 200:
			var p page
			json.Unmarshal(body, &p)
			if p.Total != 0 {
				t.Errorf("filter %q matched %d calls", q, p.Total)
			}
		case 400:
		default:
			t.Errorf("filter %q: %d %s", q, code, body)
		}
	}
	if after := count(); after != before {
		t.Errorf("calls before %d, after %d", before, after)
	}
	for _, path := range []string{
		"/api/v1/calls/..%2F..%2Fetc%2Fpasswd", "/api/v1/calls/%00", "/api/v1/calls/a1%0a", "/api/v1/calls/" + strings.Repeat("x", 300),
		"/api/v1/calls/a1'%20OR%20'1'='1", "/api/v1/calls/..%2fa1/audio",
	} {
		if code, body := c.get(path); code != 404 {
			t.Errorf("GET %s: %d %s, want 404", path, code, body)
		}
	}
	for _, tc := range []struct{ path, param string }{
		{"/api/v1/calls?filter=" + strings.Repeat("a", 5000), "filter"},
		{"/api/v1/calls?limit=100000000000000000000", "limit"},
		{"/api/v1/calls?limit=-1", "limit"},
		{"/api/v1/calls?limit=1&limit=2", "limit"},
		{"/api/v1/calls?" + strings.Repeat("slice=operator=x&", 50), "slice"},
		{"/api/v1/search?q=" + url.QueryEscape(strings.Repeat("слово ", 200)), "q"},
		{"/api/v1/search?q=" + url.QueryEscape(`"" ,.`), "q"}, // no word in it
		{"/api/v1/report?by=" + strings.Repeat("operator,", 100), "by"},
		{"/api/v1/calls?from=2026-13-45", "from"},
		{"/api/v1/values?field=password", "field"},
		// A pair that does not decode or a misspelt name would otherwise
		// be dropped, and the list answered as if unfiltered.
		{"/api/v1/calls?filter=%zz", "filter"},
		{"/api/v1/calls?fliter=" + url.QueryEscape("has complaint"), "fliter"},
		{"/api/v1/report?measure=calls", "measure"},
		{"/api/v1/search?q=x&lmit=3", "lmit"},
		{"/api/v1/report?by=operator,nonsense", "by"},
		{"/api/v1/report?measures=calls,nosuch", "measures"},
		{"/api/v1/report?period=someday", "period"},
		{"/api/v1/report?from=2026-11-30&to=2026-11-01", "from"},
		{"/api/v1/report?period=last-week&from=2026-11-01", "period"},
		{"/api/v1/report?top=3&bottom=2", ""},
	} {
		code, body := c.get(tc.path)
		if code != 400 || !strings.Contains(string(body), `"param":"`+tc.param+`"`) && tc.param != "" {
			t.Errorf("GET %.80s: %d %s, want 400 naming %s", tc.path, code, body, tc.param)
		}
		// An API user has parameters, not the command line's flags.
		if strings.Contains(string(body), "--") {
			t.Errorf("GET %.80s: %s names a command-line flag", tc.path, body)
		}
	}
	anon := f.anon()
	for _, tc := range []struct {
		body, ctype string
		code        int
	}{
		{`{"user":"mgr",`, "application/json", 400},
		{`{"user":"mgr","password":"x","admin":true}`, "application/json", 400},
		{`["mgr"]`, "application/json", 400},
		{`{"user":"mgr","password":"` + strings.Repeat("p", 20000) + `"}`, "application/json", 413},
		{`user=mgr&password=x`, "application/x-www-form-urlencoded", 415},
	} {
		resp, body := anon.do("POST", "/api/v1/login", tc.body, map[string]string{"Content-Type": tc.ctype})
		if resp.StatusCode != tc.code {
			t.Errorf("login body %.40q: %d %s, want %d", tc.body, resp.StatusCode, body, tc.code)
		}
	}
	resp, body := c.do("POST", "/api/v1/dictionaries/test", `{"text": 5}`, map[string]string{api.CSRFHeader: c.csrf})
	if resp.StatusCode != 400 || !strings.Contains(string(body), `field \"text\": want a string, got a number`) || !strings.Contains(string(body), `"param":"text"`) {
		t.Errorf("malformed dictionary test: %d %s, want 400 naming the field text", resp.StatusCode, body)
	}
	if code, _ := c.get("/api/v1/nothing"); code != 404 {
		t.Errorf("unknown endpoint: %d", code)
	}
	if resp, _ := c.do("DELETE", "/api/v1/calls/a1", "", map[string]string{api.CSRFHeader: c.csrf}); resp.StatusCode != 405 {
		t.Errorf("DELETE a call: %d, want 405", resp.StatusCode)
	}
}

// categoriesOnly are dictionaries that only list their categories.
type categoriesOnly []string

func (c categoriesOnly) List(context.Context) (api.DictList, error) {
	var l api.DictList
	for _, name := range c {
		l.Dictionaries = append(l.Dictionaries, api.DictInfo{Name: "ru/" + name, Category: name, Language: "ru"})
	}
	return l, nil
}

func (categoriesOnly) Test(context.Context, api.DictTestRequest) (any, error) {
	return nil, api.ErrNotImplemented
}

func (categoriesOnly) WhatIf(context.Context, api.WhatIfRequest) (any, error) {
	return nil, api.ErrNotImplemented
}

// testUnknownCategory: a filter may name a category of the dictionaries
// (greeting, though no call has it) or of a stored call (complaint, which
// the dictionaries lack); any other is a 400 bad_filter at its column
// that lists both kinds, on every endpoint that takes a filter.
func testUnknownCategory(t *testing.T, f *fixture) {
	c := f.login("mgr")
	for _, tc := range []struct {
		path, filter string
		code         int
		column       int
		msg          string
	}{
		{"/api/v1/calls", "has greeting", 200, 0, ""},
		{"/api/v1/calls", "has complaint and category != farewell", 200, 0, ""},
		{"/api/v1/calls", "has complant", 400, 5, `unknown category \"complant\" (did you mean complaint?): the known categories are complaint, farewell, greeting`},
		{"/api/v1/report", "duration > 1s and category.nosuch > 0", 400, 28, `unknown category \"nosuch\"`},
		{"/api/v1/search?q=" + url.QueryEscape("пожаловаться"), "category in (complaint, greting)", 400, 25, `unknown category \"greting\" (did you mean greeting?)`},
	} {
		sep := "?"
		if strings.Contains(tc.path, "?") {
			sep = "&"
		}
		code, body := c.get(tc.path + sep + "filter=" + url.QueryEscape(tc.filter))
		if code != tc.code {
			t.Errorf("%s %q: %d %s, want %d", tc.path, tc.filter, code, body, tc.code)
			continue
		}
		if tc.code == 200 {
			continue
		}
		var e struct {
			Error struct {
				Code   string `json:"code"`
				Column int    `json:"column"`
			} `json:"error"`
		}
		json.Unmarshal(body, &e)
		if e.Error.Code != "bad_filter" || e.Error.Column != tc.column || !strings.Contains(string(body), tc.msg) {
			t.Errorf("%s %q: %s, want bad_filter at column %d saying %s", tc.path, tc.filter, body, tc.column, tc.msg)
		}
	}
	// A report cell's category is checked too.
	if code, body := c.get("/api/v1/calls?slice=" + url.QueryEscape("category=complant")); code != 400 ||
		!strings.Contains(string(body), `"param":"slice"`) || !strings.Contains(string(body), `category=complant: unknown category \"complant\" (did you mean complaint?)`) {
		t.Errorf("slice category=complant: %d %s, want 400 naming the slice", code, body)
	}
}

func testSessions(t *testing.T, f *fixture) {
	c := f.login("mgr")
	f.now.Add(29 * time.Minute)
	if code, _ := c.get("/api/v1/me"); code != 200 {
		t.Fatalf("session ended before the idle time")
	}
	f.now.Add(31 * time.Minute)
	if code, _ := c.get("/api/v1/me"); code != 401 {
		t.Errorf("idle session: %d, want 401", code)
	}
	c = f.login("analyst")
	if err := f.users.SetDisabled("analyst", true); err != nil {
		t.Fatal(err)
	}
	if code, _ := c.get("/api/v1/me"); code != 401 {
		t.Errorf("disabled user's session: %d, want 401", code)
	}
	if resp, _ := f.anon().do("POST", "/api/v1/login", `{"user":"analyst","password":"`+pw+`"}`, nil); resp.StatusCode != 401 {
		t.Errorf("disabled user's login: %d", resp.StatusCode)
	}
	if err := f.users.SetDisabled("analyst", false); err != nil {
		t.Fatal(err)
	}
	resp, _ := f.anon().do("POST", "/api/v1/login", `{"user":"admin","password":"`+pw+`"}`, nil)
	var flags []string
	for _, ck := range resp.Cookies() {
		if ck.Name == api.SessionCookie {
			flags = append(flags, fmt.Sprint(ck.HttpOnly), fmt.Sprint(ck.SameSite == http.SameSiteLaxMode))
		}
	}
	if strings.Join(flags, " ") != "true true" {
		t.Errorf("session cookie flags: %v", resp.Header.Values("Set-Cookie"))
	}
}

func testProxy(t *testing.T, f *fixture) {
	// The test client is 127.0.0.1, not the trusted 192.0.2.0/24: the
	// headers are ignored.
	c := f.anon()
	resp, _ := c.do("GET", "/api/v1/me", "", map[string]string{"X-Forwarded-User": "mallory", "X-Forwarded-Groups": "qa"})
	if resp.StatusCode != 401 {
		t.Errorf("proxy headers from an untrusted address: %d, want 401", resp.StatusCode)
	}
	// From a trusted address (the handler called directly).
	req := httptest.NewRequest("GET", "/api/v1/me", nil)
	req.RemoteAddr = "192.0.2.7:5555"
	req.Header.Set("X-Forwarded-User", "olga")
	req.Header.Set("X-Forwarded-Groups", "staff, qa")
	rec := httptest.NewRecorder()
	f.api.Handler().ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"role":"manager"`) || !strings.Contains(rec.Body.String(), `"auth":"proxy"`) {
		t.Errorf("trusted proxy: %d %s", rec.Code, rec.Body)
	}
	req.Header.Set("X-Forwarded-Groups", "staff")
	rec = httptest.NewRecorder()
	f.api.Handler().ServeHTTP(rec, req)
	if rec.Code != 401 {
		t.Errorf("proxy user in no mapped group: %d", rec.Code)
	}
}

func testLoginThrottle(t *testing.T, f *fixture) {
	c := f.anon()
	const secret = "Wr0ng-S3cret-Pw!"
	start := time.Now()
	codes := map[int]int{}
	for i := 0; i < 10; i++ {
		resp, _ := c.do("POST", "/api/v1/login", `{"user":"sup","password":"`+secret+`"}`, nil)
		codes[resp.StatusCode]++
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			t.Errorf("429 without Retry-After")
		}
	}
	if codes[401] != 5 || codes[429] != 5 {
		t.Errorf("ten wrong passwords: %v, want 5 x 401 then 429", codes)
	}
	if took := time.Since(start); took < 5*20*time.Millisecond {
		t.Errorf("five failures took %s: not slowed", took)
	}
	// Even the right password waits now.
	if resp, _ := c.do("POST", "/api/v1/login", `{"user":"sup","password":"`+pw+`"}`, nil); resp.StatusCode != 429 {
		t.Errorf("right password while throttled: %d", resp.StatusCode)
	}
	f.now.Add(2 * time.Hour)
	if resp, _ := c.do("POST", "/api/v1/login", `{"user":"sup","password":"`+pw+`"}`, nil); resp.StatusCode != 200 {
		t.Errorf("after the window: %d", resp.StatusCode)
	}
	if ev := f.auditRows(audit.Query{User: "sup", Action: audit.LoginFailed}); len(ev) < 5 {
		t.Errorf("login_failed rows: %d", len(ev))
	}
	// No secret reaches the logs or the trail: passwords, session tokens.
	var session string
	for _, ck := range c.http.Jar.Cookies(mustURL(f.srv.URL)) {
		if ck.Name == api.SessionCookie {
			session = ck.Value
		}
	}
	trail, _ := audit.MarshalJSONLines(f.auditRows(audit.Query{Limit: 1000}))
	for _, s := range []string{secret, pw, session} {
		if s == "" {
			t.Fatal("no session cookie")
		}
		if strings.Contains(f.logs.String(), s) || bytes.Contains(trail, []byte(s)) {
			t.Errorf("secret %.6q... in the logs or the audit trail", s)
		}
	}
}

func testHealth(t *testing.T, f *fixture) {
	c := f.anon()
	for _, p := range []string{"/healthz", "/readyz"} {
		if code, body := c.get(p); code != 200 {
			t.Errorf("%s: %d %s", p, code, body)
		}
	}
	_, body := c.get("/metrics")
	for _, want := range []string{`callscope_http_request_duration_seconds_bucket{route="/api/v1/calls",method="GET",le="0.1"}`,
		`callscope_http_requests_total{route="/api/v1/me",method="GET",code="401"}`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// transcriptOf is the transcript an analysis's segments came from.
func transcriptOf(a schemas.Analysis) schemas.Transcript {
	tr := schemas.Transcript{Language: "ru", Duration: a.Metrics.Duration}
	for _, seg := range a.Segments {
		if n := len(tr.Channels); n == 0 || tr.Channels[n-1].Role != seg.Channel {
			tr.Channels = append(tr.Channels, schemas.TranscriptChannel{Role: seg.Channel})
		}
		ch := &tr.Channels[len(tr.Channels)-1]
		ch.Segments = append(ch.Segments, schemas.Segment{Start: seg.Start, End: seg.End, Text: seg.Text})
	}
	return tr
}

package app

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/users"
)

// TestServeEmbedded runs `callscope serve --data DIR` in-process: a
// recording PUT into the embedded S3 server after the start is analysed as
// it arrives (the server's event, no scan), and the API serves it to a user
// of the users file; the UI answers at /; the server stops gracefully.
func TestServeEmbedded(t *testing.T) {
	testenv.SkipIfShort(t)
	cfg := serveConfig(t)
	// Absolute: the embedded chDB changes the working directory.
	calls, err := filepath.Abs("../../testdata/calls")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	srv, stop := startServe(t, ctx, cfg, users.User{Name: "anna", Role: users.Manager, Listen: true})
	defer stop()

	// A PBX uploads a recording with its sidecar and transcript.
	for _, f := range []string{"01_polite_model.json", "01_polite_model.transcript.json", "01_polite_model.wav"} {
		data, err := os.ReadFile(filepath.Join(calls, f))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := srv.Env.Objects.Put(ctx, cfg.S3.Bucket, "pbx/"+f, data, "application/octet-stream", nil); err != nil {
			t.Fatal(err)
		}
	}

	c := loginAs(t, srv, "anna")
	var page struct {
		Total int `json:"total"`
		Calls []struct {
			CallID string `json:"call_id"`
		} `json:"calls"`
	}
	deadline := time.Now().Add(2 * time.Minute)
	for page.Total == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the uploaded recording was not analysed within 2 minutes")
		}
		time.Sleep(300 * time.Millisecond)
		resp, err := c.Get(srv.URL() + "/api/v1/calls")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
	}
	if page.Total != 1 {
		t.Errorf("calls: %+v", page)
	}
	// What-if: an analyst's complaint dictionary that also counts «тариф»
	// flags the stored call, which asks to change its tariff.
	var login struct {
		CSRF string `json:"csrf_token"`
	}
	resp, err := c.Get(srv.URL() + "/api/v1/me")
	if err == nil {
		json.NewDecoder(resp.Body).Decode(&login)
		resp.Body.Close()
	}
	body, _ := json.Marshal(map[string]string{"dictionary": "category: complaint\nlanguage: ru\nchannel: client\nphrases:\n  - id: tarif\n    text: тариф\n"})
	req, _ := http.NewRequest("POST", srv.URL()+"/api/v1/dictionaries/whatif", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", login.CSRF)
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var wi struct {
		Calls      int `json:"calls"`
		Compared   int `json:"compared"`
		Categories []struct {
			Category       string `json:"category"`
			Gained         int    `json:"gained"`
			GainedExamples []struct {
				CallID string `json:"call_id"`
				Hit    struct {
					PhraseID string `json:"phrase_id"`
				} `json:"hit"`
			} `json:"gained_examples"`
		} `json:"categories"`
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := json.Unmarshal(raw, &wi); err != nil || resp.StatusCode != 200 || wi.Calls != 1 || wi.Compared != 1 {
		t.Errorf("what-if: %d %v\n%s", resp.StatusCode, err, raw)
	}
	gained := false
	for _, c := range wi.Categories {
		if c.Category == "complaint" && c.Gained == 1 && len(c.GainedExamples) == 1 && c.GainedExamples[0].Hit.PhraseID == "tarif" {
			gained = true
		}
	}
	if !gained {
		t.Errorf("what-if: the call does not gain a complaint by «тариф»:\n%s", raw)
	}
	// A dictionary that is not valid: 400, each mistake with its line and
	// column in the text sent, named once.
	for _, tc := range []struct{ yaml, want string }{
		{"category: complaint\nlanguage: ru\nphrases:\n  - id: a\n    text: \"жалоба\n", `not valid YAML`},
		{"category: complaint\nlanguage: ru\nphrases:\n  - id: a\n    text: \"{жалоба руководитель:3\"\n", `a word set is {words}`},
	} {
		body, _ := json.Marshal(map[string]string{"dictionary": tc.yaml})
		req, _ := http.NewRequest("POST", srv.URL()+"/api/v1/dictionaries/whatif", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", login.CSRF)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 400 || !strings.Contains(string(raw), tc.want) || !strings.Contains(string(raw), `"message":"dictionary:`) ||
			strings.Contains(string(raw), "dictionary: dictionary") {
			t.Errorf("what-if of a broken dictionary: %d %s, want 400 with %q", resp.StatusCode, raw, tc.want)
		}
	}
	// A filter naming a category that neither the served dictionaries nor
	// a stored call has: 400 bad_filter at its column, on the call list and
	// on the what-if, whose filter selects stored calls too.
	resp, err = c.Get(srv.URL() + "/api/v1/calls?filter=" + url.QueryEscape("has complant"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(raw), `"code":"bad_filter"`) || !strings.Contains(string(raw), `"column":5`) ||
		!strings.Contains(string(raw), `unknown category \"complant\" (did you mean complaint?): the known categories are apology,`) {
		t.Errorf("calls with an unknown category: %d %s", resp.StatusCode, raw)
	}
	body, _ = json.Marshal(map[string]string{"dictionary": "category: complaint\nlanguage: ru\nphrases:\n  - {id: a, text: жалоба}\n",
		"filter": "duration > 1s and category in (complaint, greting)"})
	req, _ = http.NewRequest("POST", srv.URL()+"/api/v1/dictionaries/whatif", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", login.CSRF)
	if resp, err = c.Do(req); err != nil {
		t.Fatal(err)
	}
	raw, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(raw), `"code":"bad_filter"`) || !strings.Contains(string(raw), `"column":43`) ||
		!strings.Contains(string(raw), `unknown category \"greting\" (did you mean greeting?)`) {
		t.Errorf("what-if with an unknown category: %d %s", resp.StatusCode, raw)
	}

	resp, err = c.Get(srv.URL() + "/api/v1/calls/" + page.Calls[0].CallID + "/audio")
	if err != nil {
		t.Fatal(err)
	}
	audio, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(audio[:4]) != "RIFF" {
		t.Errorf("audio: %d", resp.StatusCode)
	}
	// Dictionary test of a sentence and of the stored call.
	for _, body := range []string{`{"text":"я хочу пожаловаться на ваш сервис","channel":"client"}`,
		`{"call_id":"` + page.Calls[0].CallID + `"}`} {
		req, _ := http.NewRequest("POST", srv.URL()+"/api/v1/dictionaries/test", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", login.CSRF)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var res struct {
			Hits []struct {
				Category string `json:"category"`
			} `json:"hits"`
			// For a call: what its analysis stored (whatif.ReadStoredCall,
			// as `dict test --call` reads it).
			Stored *struct {
				DictionaryVersion string            `json:"dictionary_version"`
				Hits              []json.RawMessage `json:"hits"`
			} `json:"stored"`
		}
		json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(res.Hits) == 0 || strings.Contains(body, "call_id") != (res.Stored != nil) ||
			res.Stored != nil && (res.Stored.DictionaryVersion == "" || len(res.Stored.Hits) == 0) {
			t.Errorf("dictionary test %s: %d %+v", body, resp.StatusCode, res)
		}
	}
	for _, p := range []string{"/", "/healthz", "/readyz"} {
		resp, err := c.Get(srv.URL() + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, resp.StatusCode)
		}
	}
}

// serveConfig is the configuration of `callscope serve --data DIR` in a
// temporary directory, listening on a free loopback port, its store
// flushing often.
func serveConfig(t *testing.T) config.Config {
	cfg := config.Default()
	cfg.DataDir = filepath.Join(t.TempDir(), "data")
	cfg.Server.HTTP = "127.0.0.1:0"
	cfg.Workers.Flush = 100 * time.Millisecond
	return cfg
}

// startServe runs `callscope serve` in-process on cfg, with the embedded
// servers and no rescan, for a users file of people, each with the
// password of its name and "-password" (see loginAs). stop ends the run,
// fails the test unless it ends cleanly within 30 s, and closes the server.
func startServe(t *testing.T, ctx context.Context, cfg config.Config, people ...users.User) (srv *Serve, stop func()) {
	t.Helper()
	uf, err := users.Open(filepath.Join(cfg.DataDir, "users.yaml"), users.Params{Memory: 1024, Time: 1, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range people {
		if err := uf.Add(u, u.Name+"-password"); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err = StartServe(ctx, cfg, ServeOptions{Embedded: true, RescanEvery: -1}, log)
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancelRun := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Run(runCtx) }()
	return srv, func() {
		defer srv.Close()
		cancelRun()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve stopped with %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	}
}

// loginAs logs the user name in to srv with the password startServe gave
// it; the client keeps the session cookie.
func loginAs(t *testing.T, srv *Serve, name string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	resp, err := c.Post(srv.URL()+"/api/v1/login", "application/json", strings.NewReader(`{"user":"`+name+`","password":"`+name+`-password"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("login %s: %d", name, resp.StatusCode)
	}
	return c
}

func TestCheckListen(t *testing.T) {
	for _, tc := range []struct {
		addr        string
		tls, remote bool
		ok          bool
	}{
		{"127.0.0.1:8080", false, false, true},
		{"[::1]:8080", false, false, true},
		{"localhost:8080", false, false, true},
		{"0.0.0.0:8080", false, false, false},
		{":8080", false, false, false},
		{"10.1.2.3:8080", false, false, false},
		{"0.0.0.0:8443", true, false, true},
		{"0.0.0.0:8080", false, true, true},
		{"nonsense", false, false, false},
	} {
		err := checkListen(tc.addr, tc.tls, tc.remote)
		if (err == nil) != tc.ok {
			t.Errorf("checkListen(%q, tls=%v, remote=%v) = %v", tc.addr, tc.tls, tc.remote, err)
		}
		if tc.addr == "0.0.0.0:8080" && !tc.remote && !errors.Is(err, ErrInsecureListen) {
			t.Errorf("want ErrInsecureListen, got %v", err)
		}
	}
	if _, err := parsePrefixes("10.0.0.0/8, 192.0.2.7 ,::1"); err != nil {
		t.Error(err)
	}
	if _, err := parsePrefixes("10.0.0.0/33"); err == nil {
		t.Error("a bad CIDR is accepted")
	}
}

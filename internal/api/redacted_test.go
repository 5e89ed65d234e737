package api_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/api"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// pcmWAV is a one-channel 8 kHz PCM16 recording of n frames whose
// samples start at seed: served as it is stored.
func pcmWAV(n int, seed int16) []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(36+2*n))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(8000), uint32(16000), uint16(2), uint16(16)} {
		binary.Write(&b, binary.LittleEndian, v)
	}
	b.WriteString("data")
	binary.Write(&b, binary.LittleEndian, uint32(2*n))
	for i := 0; i < n; i++ {
		binary.Write(&b, binary.LittleEndian, seed+int16(i%100))
	}
	return b.Bytes()
}

// TestRedactedAudioPolicy: which version of a recording each user gets
// with privacy.audio_bucket and original_audio: restrict, on both
// ClickHouse backends and MinIO. Users with raw audio get the original
// (from the restricted bucket when it was moved there, the copy when none
// is kept); the others the redacted copy, the original only for a call in
// which nothing was masked, and nothing for a call with personal data or
// unseen by redaction whose copy is missing (fail closed).
func TestRedactedAudioPolicy(t *testing.T) {
	backends(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		redacted, restricted := f.bucket+"-red", f.bucket+"-raw"
		for _, b := range []string{redacted, restricted} {
			if err := f.objs.EnsureBucket(ctx, b); err != nil {
				t.Fatal(err)
			}
		}
		base := analyses()[0]
		var calls []schemas.Analysis
		// id, pii_count (-1: redaction did not run), where the original
		// is ("" none, "calls", "restricted"), whether a copy exists.
		type setup struct {
			id       string
			pii      float64
			original string
			copy     bool
		}
		setups := []setup{
			{"p2", 2, "calls", true},
			{"p0", 0, "calls", false},
			{"pn", -1, "calls", false},
			{"pm", 3, "calls", false},
			{"pd", 1, "", true},
			{"pr", 1, "restricted", true},
		}
		orig, red := map[string][]byte{}, map[string][]byte{}
		for i, s := range setups {
			a := base
			a.CallID, a.ObjectKey = s.id, "calls/"+s.id+".wav"
			a.Parameters = map[string]float64{"talk_ratio": 0.5}
			if s.pii >= 0 {
				a.Parameters["pii_count"] = s.pii
			}
			calls = append(calls, a)
			orig[s.id], red[s.id] = pcmWAV(4000, int16(100*i+1)), pcmWAV(4000, 0)
			put := func(bucket string, data []byte) {
				if _, err := f.objs.Put(ctx, bucket, a.ObjectKey, data, "audio/wav", nil); err != nil {
					t.Fatal(err)
				}
			}
			switch s.original {
			case "calls":
				put(f.bucket, orig[s.id])
			case "restricted":
				put(restricted, orig[s.id])
			}
			if s.copy {
				put(redacted, red[s.id])
			}
		}
		if err := store.WriteAnalyses(ctx, f.db, calls); err != nil {
			t.Fatal(err)
		}
		if err := f.users.Add(users.User{Name: "rawmgr", Role: users.Manager, Listen: true, RawAudio: true}, pw); err != nil {
			t.Fatal(err)
		}
		s := api.New(api.Config{DB: f.db, Objects: f.objs, Bucket: f.bucket, RedactedBucket: redacted, RestrictedBucket: restricted,
			Users: f.users, Audit: f.audit, LoginDelay: 1,
			TrustedProxies: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")},
			ProxyGroups: map[string]api.ProxyGroup{"qa": {Role: users.Manager, Listen: true},
				"qa-raw": {Role: users.Manager, RawAudio: true}}})
		defer s.Close()
		srv := httptest.NewServer(s.Handler())
		defer srv.Close()
		g := *f
		g.srv = srv
		plain, raw := g.login("mgr"), g.login("rawmgr")

		var me struct {
			Listen   bool `json:"listen"`
			RawAudio bool `json:"raw_audio"`
		}
		raw.getJSON("/api/v1/me", &me)
		if !me.Listen || !me.RawAudio {
			t.Errorf("me of the raw-audio user: %+v", me)
		}

		for _, tc := range []struct {
			c       *client
			id      string
			status  int
			version string
			want    []byte
		}{
			{raw, "p2", 200, api.AudioOriginal, orig["p2"]},
			{raw, "p0", 200, api.AudioOriginal, orig["p0"]},
			{raw, "pn", 200, api.AudioOriginal, orig["pn"]},
			{raw, "pd", 200, api.AudioRedacted, red["pd"]},  // original deleted
			{raw, "pr", 200, api.AudioOriginal, orig["pr"]}, // from the restricted bucket
			{plain, "p2", 200, api.AudioRedacted, red["p2"]},
			{plain, "p0", 200, api.AudioOriginal, orig["p0"]}, // nothing masked, no copy
			{plain, "pn", 403, "", nil},                       // redaction did not see it
			{plain, "pm", 403, "", nil},                       // personal data, copy missing
			{plain, "pd", 200, api.AudioRedacted, red["pd"]},
			{plain, "pr", 200, api.AudioRedacted, red["pr"]},
		} {
			who := "listen-only"
			if tc.c == raw {
				who = "raw-audio"
			}
			resp, body := tc.c.do("GET", "/api/v1/calls/"+tc.id+"/audio", "", nil)
			if resp.StatusCode != tc.status || resp.Header.Get(api.AudioVersionHeader) != tc.version ||
				(tc.want != nil && !bytes.Equal(body, tc.want)) {
				t.Errorf("%s user, call %s: %d %q, %d bytes; want %d %q", who, tc.id, resp.StatusCode,
					resp.Header.Get(api.AudioVersionHeader), len(body), tc.status, tc.version)
			}
			if tc.status == 403 && !strings.Contains(string(body), `"redacted_audio_missing"`) {
				t.Errorf("%s user, call %s: %s", who, tc.id, body)
			}
			var d struct {
				Audio            bool   `json:"audio"`
				AudioVersion     string `json:"audio_version"`
				AudioUnavailable string `json:"audio_unavailable"`
			}
			tc.c.getJSON("/api/v1/calls/"+tc.id, &d)
			if d.Audio != (tc.status == 200) || d.AudioVersion != tc.version || (d.Audio == (d.AudioUnavailable != "")) {
				t.Errorf("%s user, call %s JSON: %+v, want version %q", who, tc.id, d, tc.version)
			}
		}

		// Proxy groups: raw_audio grants the originals (and listening).
		for group, want := range map[string]string{"qa": api.AudioRedacted, "qa-raw": api.AudioOriginal} {
			req := httptest.NewRequest("GET", "/api/v1/calls/p2/audio", nil)
			req.RemoteAddr = "192.0.2.7:5555"
			req.Header.Set("X-Forwarded-User", "olga-"+group)
			req.Header.Set("X-Forwarded-Groups", group)
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != 200 || rec.Header().Get(api.AudioVersionHeader) != want {
				t.Errorf("proxy group %s: %d %q, want %q", group, rec.Code, rec.Header().Get(api.AudioVersionHeader), want)
			}
			req = httptest.NewRequest("GET", "/api/v1/me", nil)
			req.RemoteAddr = "192.0.2.7:5555"
			req.Header.Set("X-Forwarded-User", "olga-"+group)
			req.Header.Set("X-Forwarded-Groups", group)
			rec = httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			json.Unmarshal(rec.Body.Bytes(), &me)
			if !me.Listen || me.RawAudio != (want == api.AudioOriginal) {
				t.Errorf("proxy group %s: me %+v", group, me)
			}
		}
	})
}

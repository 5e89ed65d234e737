package app

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/api"
	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/schemas"
)

// TestServeRedactedAudio runs `callscope serve --data DIR` with
// privacy.audio_bucket set on two calls that dictate personal data
// (testdata/pii-calls): the transcribe stage stores a redacted copy of
// each, and the API serves the original to a user with the raw-audio
// permission and the redacted copy to one without it: the masked spans
// silent, every other sample the original's. A call whose copy is missing
// is refused to the second user (fail closed), not served as the original.
func TestServeRedactedAudio(t *testing.T) {
	testenv.SkipIfShort(t)
	cfg := serveConfig(t)
	cfg.Privacy.AudioBucket = "callscope-redacted"
	// Absolute: the embedded chDB changes the working directory.
	pii, err := filepath.Abs(filepath.Join("..", "..", "testdata", "pii-calls"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	srv, stop := startServe(t, ctx, cfg,
		users.User{Name: "raw", Role: users.Manager, Listen: true, RawAudio: true},
		users.User{Name: "plain", Role: users.Manager, Listen: true})
	defer stop()

	names := []string{"17_pii_card_payment", "18_pii_personal_data"}
	for _, n := range names {
		for _, suffix := range []string{".json", ".transcript.json", ".wav"} {
			data, err := os.ReadFile(filepath.Join(pii, n+suffix))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := srv.Env.Objects.Put(ctx, cfg.S3.Bucket, "pbx/"+n+suffix, data, "application/octet-stream", nil); err != nil {
				t.Fatal(err)
			}
		}
	}

	get := func(c *http.Client, path string) (*http.Response, []byte) {
		t.Helper()
		resp, err := c.Get(srv.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, body
	}
	raw, plain := loginAs(t, srv, "raw"), loginAs(t, srv, "plain")

	// Both calls analysed; their ids by scenario.
	ids := map[string]string{}
	deadline := time.Now().Add(2 * time.Minute)
	for len(ids) < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the uploaded recordings were not analysed within 2 minutes: %v", ids)
		}
		time.Sleep(300 * time.Millisecond)
		var page struct {
			Calls []struct {
				CallID    string `json:"call_id"`
				ObjectKey string `json:"object_key"`
			} `json:"calls"`
		}
		_, body := get(raw, "/api/v1/calls")
		json.Unmarshal(body, &page)
		for _, c := range page.Calls {
			ids[c.CallID] = c.CallID
		}
	}
	card, personal := "2026-11-21-000401", ""
	for id := range ids {
		if id != card {
			personal = id
		}
	}
	if ids[card] == "" || personal == "" {
		t.Fatalf("calls: %v, want %s and another", ids, card)
	}

	// 18's copy is lost (a failed write, a bucket emptied by hand): the
	// user without raw audio must not get the original instead.
	key18 := "pbx/18_pii_personal_data.wav"
	if _, err := srv.Env.Objects.Stat(ctx, cfg.Privacy.AudioBucket, key18); err != nil {
		t.Fatalf("no redacted copy of 18 stored: %v", err)
	}
	if err := srv.Env.Objects.Remove(ctx, cfg.Privacy.AudioBucket, key18); err != nil {
		t.Fatal(err)
	}

	type callJSON struct {
		Parameters       map[string]float64 `json:"parameters"`
		Audio            bool               `json:"audio"`
		AudioVersion     string             `json:"audio_version"`
		AudioUnavailable string             `json:"audio_unavailable"`
	}
	callOf := func(c *http.Client, id string) callJSON {
		t.Helper()
		resp, body := get(c, "/api/v1/calls/"+id)
		var d callJSON
		if resp.StatusCode != 200 || json.Unmarshal(body, &d) != nil {
			t.Fatalf("call %s: %d %s", id, resp.StatusCode, body)
		}
		return d
	}
	if d := callOf(raw, card); !d.Audio || d.AudioVersion != api.AudioOriginal || d.Parameters["pii_count"] == 0 {
		t.Errorf("call %s for the raw-audio user: %+v", card, d)
	}
	if d := callOf(plain, card); !d.Audio || d.AudioVersion != api.AudioRedacted {
		t.Errorf("call %s for the listen-only user: %+v", card, d)
	}
	if d := callOf(plain, personal); d.Audio || d.AudioVersion != "" || !strings.Contains(d.AudioUnavailable, "redacted copy") {
		t.Errorf("call %s without its copy, for the listen-only user: %+v", personal, d)
	}
	if d := callOf(raw, personal); !d.Audio || d.AudioVersion != api.AudioOriginal {
		t.Errorf("call %s for the raw-audio user: %+v", personal, d)
	}

	orig, err := os.ReadFile(filepath.Join(pii, names[0]+".wav"))
	if err != nil {
		t.Fatal(err)
	}
	resp, heard := get(raw, "/api/v1/calls/"+card+"/audio")
	if resp.StatusCode != 200 || resp.Header.Get(api.AudioVersionHeader) != api.AudioOriginal || string(heard) != string(orig) {
		t.Errorf("raw-audio user: %d %s, %d bytes, equal to the original %v", resp.StatusCode,
			resp.Header.Get(api.AudioVersionHeader), len(heard), string(heard) == string(orig))
	}
	resp, red := get(plain, "/api/v1/calls/"+card+"/audio")
	if resp.StatusCode != 200 || resp.Header.Get(api.AudioVersionHeader) != api.AudioRedacted {
		t.Fatalf("listen-only user: %d %s %.200q", resp.StatusCode, resp.Header.Get(api.AudioVersionHeader), red)
	}

	// The masked spans are those the stored transcript lists (widened by
	// 0.15 s, word times being estimates), on their own channel.
	data, err := srv.Env.Objects.Get(ctx, cfg.S3.TranscriptsBucket, schemas.TranscriptKey("pbx/"+names[0]+".wav"), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var tr schemas.Transcript
	if err := json.Unmarshal(data, &tr); err != nil || tr.PII == nil || len(tr.PII.Spans) < 3 {
		t.Fatalf("stored transcript: %v, pii %+v", err, tr.PII)
	}
	checkRedactedPCM16(t, orig, red, tr.PII.Spans, 0.15)

	// 18 without its copy: refused to the listen-only user, with a reason;
	// the raw-audio user gets the original.
	resp, body := get(plain, "/api/v1/calls/"+personal+"/audio")
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	json.Unmarshal(body, &e)
	if resp.StatusCode != http.StatusForbidden || e.Error.Code != "redacted_audio_missing" || !strings.Contains(e.Error.Message, "raw-audio") {
		t.Errorf("listen-only user, no redacted copy: %d %.200q", resp.StatusCode, body)
	}
	orig18, _ := os.ReadFile(filepath.Join(pii, names[1]+".wav"))
	if resp, heard := get(raw, "/api/v1/calls/"+personal+"/audio"); resp.StatusCode != 200 || string(heard) != string(orig18) {
		t.Errorf("raw-audio user, call without a copy: %d, %d bytes", resp.StatusCode, len(heard))
	}

	// The audit trail says who heard which version, and the refusal.
	if err := srv.Audit.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	rows := func(user, action, call string) []audit.Event {
		p, err := audit.Read(ctx, srv.Env.DB, audit.Query{User: user, Action: action, CallID: call})
		if err != nil {
			t.Fatal(err)
		}
		return p.Events
	}
	if ev := rows("raw", audit.Listened, card); len(ev) != 1 || ev[0].Detail != api.AudioOriginal {
		t.Errorf("raw-audio user's listened rows: %+v", ev)
	}
	if ev := rows("plain", audit.Listened, card); len(ev) != 1 || ev[0].Detail != api.AudioRedacted {
		t.Errorf("listen-only user's listened rows: %+v", ev)
	}
	if ev := rows("plain", audit.Denied, personal); len(ev) != 1 || ev[0].Status != http.StatusForbidden || !strings.Contains(ev[0].Detail, "redacted") {
		t.Errorf("listen-only user's denied rows: %+v", ev)
	}
	if ev := rows("plain", audit.Listened, personal); len(ev) != 0 {
		t.Errorf("listen-only user heard the call without a copy: %+v", ev)
	}
}

// checkRedactedPCM16 compares a redacted PCM16 WAV with its original
// sample by sample: silent in every span widened by pad on its channel,
// equal everywhere else, headers equal.
func checkRedactedPCM16(t *testing.T, orig, red []byte, spans []schemas.PIISpan, pad float64) {
	t.Helper()
	if len(red) != len(orig) {
		t.Fatalf("redacted copy: %d bytes, original %d", len(red), len(orig))
	}
	channels := int(binary.LittleEndian.Uint16(orig[22:]))
	rate := float64(binary.LittleEndian.Uint32(orig[24:]))
	if binary.LittleEndian.Uint16(orig[20:]) != 1 || binary.LittleEndian.Uint16(orig[34:]) != 16 || string(orig[36:40]) != "data" {
		t.Fatalf("want a plain PCM16 WAV with data at 44: % x", orig[:44])
	}
	if string(red[:44]) != string(orig[:44]) {
		t.Errorf("headers differ")
	}
	frames := (len(orig) - 44) / (2 * channels)
	masked := make([][]bool, channels)
	for c := range masked {
		masked[c] = make([]bool, frames)
	}
	for _, s := range spans {
		from := max(0, int(math.Floor((s.Start-pad)*rate)))
		to := min(frames, int(math.Ceil((s.End+pad)*rate)))
		for f := from; f < to; f++ {
			masked[s.Channel][f] = true
		}
	}
	silenced, voiced, kept := 0, 0, 0
	for f := 0; f < frames; f++ {
		for c := 0; c < channels; c++ {
			off := 44 + (f*channels+c)*2
			o, r := int16(binary.LittleEndian.Uint16(orig[off:])), int16(binary.LittleEndian.Uint16(red[off:]))
			if masked[c][f] {
				silenced++
				if o != 0 {
					voiced++
				}
				if r != 0 {
					t.Fatalf("channel %d at %.3f s (a masked span): sample %d, want silence", c, float64(f)/rate, r)
				}
				continue
			}
			kept++
			if o != r {
				t.Fatalf("channel %d at %.3f s (outside the spans): sample %d, original %d", c, float64(f)/rate, r, o)
			}
		}
	}
	// The test means something only if speech was masked and most kept.
	if voiced < int(rate) || kept < silenced {
		t.Errorf("masked %d samples (%d of them not silent in the original), kept %d", silenced, voiced, kept)
	}
}

package schemas

import (
	"errors"
	"strings"
	"testing"
)

func TestParseTranscript(t *testing.T) {
	tests := []struct {
		name, doc string
		wantErr   string // "" = valid
	}{
		{"valid", `{"duration":3,"asr":{"adapter":"pbx"},"channels":[{"role":"operator","segments":[{"start":0.5,"end":1.5,"text":"Здравствуйте"}]},{"role":"client","segments":[]}]}`, ""},
		{"with a UTF-8 byte-order mark", "\xef\xbb\xbf" + `{"duration":3,"asr":{"adapter":"pbx"},"channels":[{"role":"mixed","segments":[{"start":0,"end":1,"text":"алло"}]}]}`, ""},
		{"mixed", `{"duration":3,"asr":{"adapter":"pbx"},"channels":[{"role":"mixed","segments":[{"start":0,"end":1,"text":"алло"}]}]}`, ""},
		{"not json", `{"channels": [`, "not valid transcript JSON"},
		{"no channels", `{"duration":3,"asr":{"adapter":"x"},"channels":[]}`, "no channels"},
		{"unknown role", `{"channels":[{"role":"agent","segments":[]}]}`, `channel 0: unknown role "agent"`},
		{"end before start", `{"channels":[{"role":"client","segments":[{"start":2,"end":1,"text":"a"}]}]}`, "channel 0 (client) segment 0: bad times"},
		{"negative time", `{"channels":[{"role":"client","segments":[{"start":-1,"end":1,"text":"a"}]}]}`, "bad times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTranscript([]byte(tt.doc))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseTranscript: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrBadTranscript) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("ParseTranscript: %v; want ErrBadTranscript containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestTranscriptKey(t *testing.T) {
	for in, want := range map[string]string{
		"calls/01.wav":       "calls/01.transcript.json",
		"a.b/rec.WAV":        "a.b/rec.transcript.json",
		"2026/11/20/x y.wav": "2026/11/20/x y.transcript.json",
	} {
		if got := TranscriptKey(in); got != want {
			t.Errorf("TranscriptKey(%q) = %q, want %q", in, got, want)
		}
	}
}

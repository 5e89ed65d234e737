package ingest

import "testing"

// TestRecordingBase: which events are a recording's sidecar or transcript
// (and so may re-take it when they arrive late).
func TestRecordingBase(t *testing.T) {
	tests := []struct {
		key, base, kind string
		ok              bool
	}{
		{"calls/2026/0001.json", "calls/2026/0001", "sidecar", true},
		{"calls/2026/0001.transcript.json", "calls/2026/0001", "transcript", true},
		{"0001.JSON", "", "", false}, // S3 rules are case-sensitive: .json only
		{"calls/.json", "", "", false},
		{"calls/.transcript.json", "calls/.transcript", "sidecar", true}, // the sidecar of calls/.transcript.wav
		{"calls/0001.wav", "", "", false},
		{"calls/0001.txt", "", "", false},
	}
	for _, tt := range tests {
		base, kind, ok := recordingBase(tt.key)
		if base != tt.base || kind != tt.kind || ok != tt.ok {
			t.Errorf("recordingBase(%q) = %q, %q, %v; want %q, %q, %v", tt.key, base, kind, ok, tt.base, tt.kind, tt.ok)
		}
	}
}

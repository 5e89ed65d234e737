package transcribe

import (
	"errors"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/wav"
)

func TestSplitChannels(t *testing.T) {
	stereo := &wav.Audio{SampleRate: 8000, Channels: [][]float32{{0.1}, {0.2}}}
	tests := []struct {
		name    string
		audio   *wav.Audio
		chmap   map[string]string
		want    []string // roles in channel order
		wantErr string
	}{
		{"default map", stereo, nil, []string{"operator", "client"}, ""},
		{"swapped", stereo, map[string]string{"left": "client", "right": "operator"}, []string{"client", "operator"}, ""},
		{"left only", stereo, map[string]string{"left": "client"}, []string{"client", "operator"}, ""},
		{"right only", stereo, map[string]string{"right": "operator"}, []string{"client", "operator"}, ""},
		{"mono", &wav.Audio{SampleRate: 8000, Channels: [][]float32{{0}}}, nil, []string{"mixed"}, ""},
		{"three", &wav.Audio{SampleRate: 8000, Channels: [][]float32{{0}, {0}, {0}}}, nil, nil, "3 channels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chs, err := splitChannels(tt.audio, tt.chmap)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var roles []string
			for i, c := range chs {
				roles = append(roles, c.Role)
				if &c.Samples[0] != &tt.audio.Channels[i][0] {
					t.Errorf("channel %d is not the audio's channel %d", i, i)
				}
			}
			if strings.Join(roles, ",") != strings.Join(tt.want, ",") {
				t.Errorf("roles = %v, want %v", roles, tt.want)
			}
		})
	}
}

func TestCheckFits(t *testing.T) {
	tr := schemas.Transcript{Duration: 10, Channels: []schemas.TranscriptChannel{{Role: "client",
		Segments: []schemas.Segment{{Start: 1, End: 11.5}}}}}
	if err := checkFits(tr, 2); err != nil {
		t.Errorf("within tolerance: %v", err)
	}
	tr.Channels[0].Segments[0].End = 95
	if err := checkFits(tr, 2); !errors.Is(err, ErrBadTranscript) || !strings.Contains(err.Error(), "ends at 95.0 s but the audio lasts 10.0 s") {
		t.Errorf("mismatch: %v", err)
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

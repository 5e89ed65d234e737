package transcribe

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
	"github.com/callscope/callscope/transcribe/wav"
)

// rawWAV encodes channels whose samples are all 0.1, 0.2, ... by channel,
// and parses the file back: a recording as the stage sees it.
func rawWAV(t *testing.T, channels int) *wav.Raw {
	t.Helper()
	a := &wav.Audio{SampleRate: 8000}
	for c := range channels {
		a.Channels = append(a.Channels, []float32{float32(c+1) / 10, float32(c+1) / 10})
	}
	var file bytes.Buffer
	if err := wav.Encode(&file, a); err != nil {
		t.Fatal(err)
	}
	r, err := wav.Parse(file.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSplitChannels(t *testing.T) {
	tests := []struct {
		name     string
		channels int
		chmap    map[string]string
		want     []string // roles in channel order
		wantErr  string
	}{
		{"default map", 2, nil, []string{"operator", "client"}, ""},
		{"swapped", 2, map[string]string{"left": "client", "right": "operator"}, []string{"client", "operator"}, ""},
		{"left only", 2, map[string]string{"left": "client"}, []string{"client", "operator"}, ""},
		{"right only", 2, map[string]string{"right": "operator"}, []string{"client", "operator"}, ""},
		{"mono", 1, nil, []string{"mixed"}, ""},
		{"three", 3, nil, nil, "3 channels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chs, err := splitChannels(rawWAV(t, tt.channels), tt.chmap)
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
				// Channel i holds the file's channel i: its samples are (i+1)/10.
				got := make([]float32, 2)
				if n := c.Samples.Read(got, 0); n != 2 || math.Abs(float64(got[1])-float64(i+1)/10) > 1e-4 || c.SampleRate != 8000 {
					t.Errorf("channel %d (%s): %d samples %v at %d Hz, want the file's channel %d", i, c.Role, n, got, c.SampleRate, i)
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
	if err := CheckFits(tr, 2); err != nil {
		t.Errorf("within tolerance: %v", err)
	}
	tr.Channels[0].Segments[0].End = 95
	if err := CheckFits(tr, 2); !errors.Is(err, schemas.ErrBadTranscript) || !strings.Contains(err.Error(), "ends at 95.0 s but the audio lasts 10.0 s") {
		t.Errorf("mismatch: %v", err)
	}
}

// TestStageRedacts: the stage masks personal data before the transcript
// leaves it, records what it masked (never the value), and leaves the
// transcript alone when redaction is off.
func TestStageRedacts(t *testing.T) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tr := schemas.Transcript{CallID: "c1", Language: "ru", Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{{Start: 0, End: 2, Text: "назовите номер карты"}}},
		{Role: "client", Segments: []schemas.Segment{{Start: 2.5, End: 6, Text: "4276 1600 1234 5675 и тариф 500 рублей"}}},
	}}
	s := &Stage{cfg: Config{Redactor: r, Logger: slog.Default()}}
	got := s.redact(tr)
	if txt := got.Channels[1].Segments[0].Text; txt != "[card] и тариф 500 рублей" {
		t.Errorf("client text %q", txt)
	}
	if got.PII == nil || len(got.PII.Spans) != 1 || got.PII.Spans[0].Type != "card" || got.PII.Spans[0].Role != "client" || len(got.PII.Types) != 13 {
		t.Errorf("PII %+v", got.PII)
	}
	if tr.Channels[1].Segments[0].Text == got.Channels[1].Segments[0].Text {
		t.Error("the input was modified")
	}
	s.cfg.Redactor = nil
	if off := s.redact(tr); off.PII != nil || off.Channels[1].Segments[0].Text != tr.Channels[1].Segments[0].Text {
		t.Errorf("redaction off changed the transcript: %+v", off)
	}
}

// mapObjects is object storage in a map, for the stage's own logic.
type mapObjects map[string][]byte

func (m mapObjects) ReadObject(_ context.Context, b, k string, _ int64) ([]byte, bool, error) {
	d, ok := m[b+"/"+k]
	return d, ok, nil
}
func (m mapObjects) PutObject(_ context.Context, b, k string, d []byte, _ string) error {
	m[b+"/"+k] = bytes.Clone(d)
	return nil
}
func (m mapObjects) RemoveObject(_ context.Context, b, k string) error {
	delete(m, b+"/"+k)
	return nil
}

// TestRedactAudio: the redacted copy goes to its bucket with the spans
// silent and every other byte equal; the original is kept, moved to the
// restricted bucket or deleted by the policy.
func TestRedactAudio(t *testing.T) {
	orig, err := os.ReadFile("../testdata/calls/01_polite_model.wav")
	if err != nil {
		t.Fatal(err)
	}
	tr := schemas.Transcript{Duration: 23, Channels: []schemas.TranscriptChannel{{Role: "operator"}, {Role: "client"}},
		PII: &schemas.PIIRedaction{Spans: []schemas.PIISpan{{Type: "phone", Channel: 1, Role: "client", Start: 2, End: 3}}}}
	job := schemas.TranscribeJob{Audio: schemas.Object{Bucket: "calls", Key: "a/01.wav"}}
	for _, policy := range []string{OriginalKeep, OriginalRestrict, OriginalDelete} {
		t.Run(policy, func(t *testing.T) {
			objs := mapObjects{"calls/a/01.wav": orig}
			s := &Stage{cfg: Config{Audio: AudioRedaction{Bucket: "redacted", Original: policy, RestrictedBucket: "restricted"}}, objects: objs}
			if err := s.redactAudio(context.Background(), job, tr, orig); err != nil {
				t.Fatal(err)
			}
			copyData := objs["redacted/a/01.wav"]
			want, _ := wav.Mask(orig, []wav.Span{{Channel: 1, Start: 2 - pad, End: 3 + pad}}, wav.MaskSilence)
			if !bytes.Equal(copyData, want) || bytes.Equal(copyData, orig) {
				t.Error("the redacted copy is not the original with the span silenced")
			}
			r, _ := wav.Parse(copyData)
			got := make([]float32, 8000)
			r.Channel(1).Read(got, 16000)
			for i, v := range got {
				if v != 0 {
					t.Fatalf("sample %d of the span is %v", i, v)
				}
			}
			_, kept := objs["calls/a/01.wav"]
			_, restricted := objs["restricted/a/01.wav"]
			if kept != (policy == OriginalKeep) || restricted != (policy == OriginalRestrict) {
				t.Errorf("original kept %v, restricted %v", kept, restricted)
			}
		})
	}
}

package transcribe

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

// TestNoneAdapter: with asr.adapter none a recording gets the VAD's speech
// of each channel and no text; without the VAD it is an error, not a
// silent call.
func TestNoneAdapter(t *testing.T) {
	a, err := NewAdapter(schemas.ASRNone, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Transcribe(context.Background(), Call{Channels: []Channel{{Role: schemas.RoleOperator}}}); !errors.Is(err, ErrNoVAD) {
		t.Errorf("without the VAD: %v, want ErrNoVAD", err)
	}

	d, err := vad.New(vad.Config{})
	if errors.Is(err, vad.ErrUnavailable) {
		t.Skipf("no VAD: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "testdata", "calls", "10_interrupt.wav"))
	if err != nil {
		t.Fatal(err)
	}
	audio, err := wav.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	channels, err := splitChannels(audio, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Stage{cfg: Config{VAD: d}}
	if _, err := s.detectSpeech(context.Background(), channels); err != nil {
		t.Fatal(err)
	}
	tr, err := a.Transcribe(context.Background(), Call{Duration: audio.Duration(), Channels: channels})
	if err != nil {
		t.Fatal(err)
	}
	if tr.ASR.Adapter != schemas.ASRNone || tr.TextKnown() || len(tr.Channels) != 2 {
		t.Fatalf("transcript %+v", tr)
	}
	for i, ch := range tr.Channels {
		if ch.Role != channels[i].Role || len(ch.Segments) != 0 || len(ch.Speech) == 0 {
			t.Errorf("channel %d: role %s, %d segments, %d speech intervals", i, ch.Role, len(ch.Segments), len(ch.Speech))
		}
		for _, iv := range ch.Speech {
			if iv.Start < 0 || iv.End <= iv.Start || iv.End > audio.Duration()+0.1 {
				t.Errorf("channel %s: interval %+v outside the %.1f s call", ch.Role, iv, audio.Duration())
			}
		}
	}
	if err := CheckFits(tr, 2); err != nil {
		t.Error(err)
	}
}

package transcribe

import (
	"context"
	"errors"
	"fmt"

	"github.com/callscope/callscope/schemas"
)

// ErrNoVAD means the none adapter got a channel the VAD did not run on:
// without recognition the VAD is the only source of a call's timing.
var ErrNoVAD = errors.New("the VAD did not run: asr.adapter none takes every timing from the VAD")

func init() {
	Register(schemas.ASRNone, func(map[string]any) (Adapter, error) { return noneAdapter{}, nil })
}

// noneAdapter recognizes nothing: for a site without a speech model it
// passes on the speech the VAD found in each channel, so that the call
// still gets every timing parameter (talk, silence, overtalk,
// interruptions, per side) while its text parameters stay unknown.
type noneAdapter struct{}

func (noneAdapter) Transcribe(_ context.Context, call Call) (schemas.Transcript, error) {
	tr := schemas.Transcript{ASR: schemas.ASRInfo{Adapter: schemas.ASRNone}}
	for _, ch := range call.Channels {
		if !ch.VADRan {
			return schemas.Transcript{}, fmt.Errorf("none: %s channel: %w", ch.Role, ErrNoVAD)
		}
		speech := ch.Speech
		if speech == nil {
			speech = []schemas.Interval{}
		}
		tr.Channels = append(tr.Channels, schemas.TranscriptChannel{Role: ch.Role, Segments: []schemas.Segment{}, Speech: speech})
	}
	return tr, nil
}

package transcribe

import (
	"context"
	"errors"
	"fmt"

	"github.com/callscope/callscope/schemas"
)

// ErrNoTranscript means the import adapter found no transcript beside the
// recording.
var ErrNoTranscript = errors.New("no transcript beside the recording")

func init() {
	Register("import", func(map[string]any) (Adapter, error) { return importAdapter{}, nil })
}

// importAdapter takes transcripts that a PBX or an ASR provider already made,
// stored as <recording>.transcript.json in the format of schemas.Transcript.
type importAdapter struct{}

func (importAdapter) Transcribe(ctx context.Context, call Call) (schemas.Transcript, error) {
	if call.Sibling == nil {
		return schemas.Transcript{}, fmt.Errorf("import: %w: no object storage", ErrNoTranscript)
	}
	data, found, err := call.Sibling(ctx, schemas.TranscriptSuffix)
	if err != nil {
		return schemas.Transcript{}, fmt.Errorf("import: read %s: %w", schemas.TranscriptSuffix, err)
	}
	if !found {
		return schemas.Transcript{}, fmt.Errorf("import: %w (expected %s)", ErrNoTranscript, schemas.TranscriptSuffix)
	}
	tr, err := schemas.ParseTranscript(data)
	if err != nil {
		return schemas.Transcript{}, fmt.Errorf("import: %s: %w", schemas.TranscriptSuffix, err)
	}
	if tr.ASR.Adapter == "" {
		tr.ASR.Adapter = "import"
	}
	return tr, nil
}

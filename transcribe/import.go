package transcribe

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/callscope/callscope/schemas"
)

// TranscriptSuffix is the suffix of a transcript stored beside a recording
// for the import adapter: calls/0001.wav -> calls/0001.transcript.json.
const TranscriptSuffix = ".transcript.json"

// ErrNoTranscript means the import adapter found no transcript beside the
// recording.
var ErrNoTranscript = errors.New("no transcript beside the recording")

// ErrBadTranscript wraps every problem with a transcript's content.
var ErrBadTranscript = errors.New("bad transcript")

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
	data, found, err := call.Sibling(ctx, TranscriptSuffix)
	if err != nil {
		return schemas.Transcript{}, fmt.Errorf("import: read %s: %w", TranscriptSuffix, err)
	}
	if !found {
		return schemas.Transcript{}, fmt.Errorf("import: %w (expected %s)", ErrNoTranscript, TranscriptSuffix)
	}
	tr, err := ParseTranscript(data)
	if err != nil {
		return schemas.Transcript{}, fmt.Errorf("import: %s: %w", TranscriptSuffix, err)
	}
	if tr.ASR.Adapter == "" {
		tr.ASR.Adapter = "import"
	}
	return tr, nil
}

// ParseTranscript reads and checks a transcript document: known roles,
// times that are finite, non-negative and ordered.
func ParseTranscript(data []byte) (schemas.Transcript, error) {
	var tr schemas.Transcript
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&tr); err != nil {
		return tr, fmt.Errorf("%w: not valid transcript JSON: %v", ErrBadTranscript, err)
	}
	if len(tr.Channels) == 0 {
		return tr, fmt.Errorf("%w: no channels", ErrBadTranscript)
	}
	for ci, ch := range tr.Channels {
		switch ch.Role {
		case schemas.RoleOperator, schemas.RoleClient, schemas.RoleMixed:
		default:
			return tr, fmt.Errorf("%w: channel %d: unknown role %q (want operator, client or mixed)", ErrBadTranscript, ci, ch.Role)
		}
		for si, s := range ch.Segments {
			if bad(s.Start) || bad(s.End) || s.End < s.Start {
				return tr, fmt.Errorf("%w: channel %d (%s) segment %d: bad times start %g end %g", ErrBadTranscript, ci, ch.Role, si, s.Start, s.End)
			}
			tr.Channels[ci].Segments[si].Text = strings.TrimSpace(s.Text)
		}
	}
	return tr, nil
}

func bad(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) || f < 0 }

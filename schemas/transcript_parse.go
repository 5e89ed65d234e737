package schemas

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"path"
	"strings"
)

// TranscriptSuffix ends the key of a transcript: stored beside a recording
// for the import adapter (calls/0001.wav -> calls/0001.transcript.json) and
// in the transcripts bucket under the same name.
const TranscriptSuffix = ".transcript.json"

// ErrBadTranscript wraps every problem with a transcript's content.
var ErrBadTranscript = errors.New("bad transcript")

// MaxTranscriptBytes is the largest transcript callscope reads (64 MiB):
// beside a recording, in the transcripts bucket, or a file given to
// `callscope analyze`. Readers read one byte more and report
// ErrTranscriptTooLarge, never a transcript cut short.
const MaxTranscriptBytes = 64 << 20

// ErrTranscriptTooLarge is a transcript of more than MaxTranscriptBytes. It
// wraps ErrBadTranscript: retrying cannot mend it.
var ErrTranscriptTooLarge = fmt.Errorf("%w: too large: more than %d bytes (64 MiB), the limit for a transcript", ErrBadTranscript, MaxTranscriptBytes)

// TranscriptKey is where the transcript of a recording is stored, beside it
// or in the transcripts bucket: the recording's key with .transcript.json
// instead of its extension.
func TranscriptKey(audioKey string) string {
	return strings.TrimSuffix(audioKey, path.Ext(audioKey)) + TranscriptSuffix
}

// ParseTranscript reads and checks a transcript document: known roles,
// times that are finite, non-negative and ordered.
func ParseTranscript(data []byte) (Transcript, error) {
	var tr Transcript
	data = WithoutBOM(data)
	if err := decodeFirst(data, &tr, func() { tr = Transcript{} }); err != nil {
		return tr, fmt.Errorf("%w: not valid transcript JSON: %v", ErrBadTranscript, err)
	}
	if len(tr.Channels) == 0 {
		return tr, fmt.Errorf("%w: no channels", ErrBadTranscript)
	}
	for ci, ch := range tr.Channels {
		switch ch.Role {
		case RoleOperator, RoleClient, RoleMixed:
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

// WithoutBOM is data without a leading UTF-8 byte-order mark. Windows
// tools (Notepad, spreadsheet exports, some PBXs) start the JSON they save
// with one; JSON has no place for it and it means nothing, so a sidecar or
// a transcript is not failed for it.
func WithoutBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
}

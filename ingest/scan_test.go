package ingest

import (
	"context"
	"iter"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
)

// listing is an Objects that only lists (what a scan reads).
type listing []ObjectInfo

func (l listing) ReadObject(context.Context, string, string, int64) ([]byte, bool, error) {
	return nil, false, nil
}

func (l listing) StatObject(context.Context, string, string) (ObjectInfo, bool, error) {
	return ObjectInfo{}, false, nil
}

func (l listing) ListObjects(context.Context, string, string) iter.Seq2[ObjectInfo, error] {
	return func(yield func(ObjectInfo, error) bool) {
		for _, o := range l {
			if !yield(o, nil) {
				return
			}
		}
	}
}

type jobs []schemas.Job

func (j *jobs) Publish(_ context.Context, job schemas.Job) error { *j = append(*j, job); return nil }

// TestScanRetakesRecordingsWithNewerInputs: a scan queues a recording
// analysed at its content again when its sidecar (or imported transcript)
// in the listing is newer than the analysis, wherever the listing puts it
// (.WAV sorts before .json, .wav after), and not when it is older.
func TestScanRetakesRecordingsWithNewerInputs(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	analysed := t0.Add(time.Minute)
	before, after := t0, t0.Add(time.Hour)
	tests := []struct {
		name    string
		objects []ObjectInfo
		imports bool
		since   time.Time
		want    []string // queued
	}{
		{"sidecar older than the analysis", []ObjectInfo{{Key: "a.json", LastModified: before}, {Key: "a.wav", LastModified: before}}, false, time.Time{}, nil},
		{"sidecar newer", []ObjectInfo{{Key: "a.json", LastModified: after}, {Key: "a.wav", LastModified: before}}, false, time.Time{}, []string{"a.wav"}},
		{"sidecar newer, listed after an upper-case recording", []ObjectInfo{{Key: "a.WAV", LastModified: before}, {Key: "a.json", LastModified: after}}, false, time.Time{}, []string{"a.WAV"}},
		{"transcript newer, imported", []ObjectInfo{{Key: "a.transcript.json", LastModified: after}, {Key: "a.wav", LastModified: before}}, true, time.Time{}, []string{"a.wav"}},
		{"transcript newer, made by the ASR", []ObjectInfo{{Key: "a.transcript.json", LastModified: after}, {Key: "a.wav", LastModified: before}}, false, time.Time{}, nil},
		{"another recording's sidecar", []ObjectInfo{{Key: "ab.json", LastModified: after}, {Key: "a.wav", LastModified: before}}, false, time.Time{}, nil},
		{"newer sidecar, recording older than --since", []ObjectInfo{{Key: "a.json", LastModified: after}, {Key: "a.wav", LastModified: before}}, false, t0.Add(30 * time.Minute), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var published jobs
			in := New(Config{ImportsTranscripts: tt.imports}, listing(tt.objects), &published)
			res, err := in.ScanWith(context.Background(), "calls", ScanOptions{
				Run: "r", Since: tt.since,
				HasResult: func(string, string) bool { return true },
				ResultAt:  func(string) time.Time { return analysed },
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Queued) != len(tt.want) || len(published) != len(tt.want) || (len(tt.want) == 1 && res.Queued[0] != tt.want[0]) {
				t.Errorf("queued %v (%d jobs), want %v", res.Queued, len(published), tt.want)
			}
			recordings := 1
			if !tt.since.IsZero() {
				recordings = 0
			}
			if res.Skipped != recordings-len(tt.want) {
				t.Errorf("skipped %d, want %d", res.Skipped, recordings-len(tt.want))
			}
		})
	}
}

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

func (l listing) ReadObjectInfo(context.Context, string, string, int64) ([]byte, ObjectInfo, bool, error) {
	return nil, ObjectInfo{}, false, nil
}

func (l listing) StatObject(context.Context, string, string) (ObjectInfo, bool, error) {
	return ObjectInfo{}, false, nil
}

func (l listing) ObjectVersion(context.Context, string, string) (ObjectInfo, bool, error) {
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

// TestScanRetakesRecordingsWithChangedInputs: a scan queues a recording
// analysed at its content again when its sidecar (or imported transcript)
// in the listing has another ETag than the one the analysis read, or is
// there when the analysis found none, wherever the listing puts it (.WAV
// sorts before .json, .wav after), whatever the times say (an input put in
// the same second as the analysis); not when it is the version read, or
// gone since. An analysis that recorded no versions (made before they
// were) falls back to the times: newer than the analysis.
func TestScanRetakesRecordingsWithChangedInputs(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	analysed := t0.Add(time.Minute + 400*time.Millisecond)
	before, after := t0, t0.Add(time.Hour)
	sameSecond := analysed.Truncate(time.Second) // listed to the second, the analysis a moment later
	read := schemas.Inputs{Sidecar: "s1", Transcript: "t1"}
	noSidecar := schemas.Inputs{Sidecar: schemas.InputAbsent, Transcript: "t1"}
	tests := []struct {
		name     string
		objects  []ObjectInfo
		recorded schemas.Inputs
		imports  bool
		since    time.Time
		want     []string // queued
	}{
		{"sidecar the version read", []ObjectInfo{{Key: "a.json", ETag: "s1", LastModified: after}, {Key: "a.wav", LastModified: before}}, read, false, time.Time{}, nil},
		{"sidecar changed", []ObjectInfo{{Key: "a.json", ETag: "s2", LastModified: after}, {Key: "a.wav", LastModified: before}}, read, false, time.Time{}, []string{"a.wav"}},
		{"sidecar changed in the second of the analysis", []ObjectInfo{{Key: "a.json", ETag: "s2", LastModified: sameSecond}, {Key: "a.wav", LastModified: before}}, read, false, time.Time{}, []string{"a.wav"}},
		{"sidecar added in the second of the analysis", []ObjectInfo{{Key: "a.json", ETag: "s1", LastModified: sameSecond}, {Key: "a.wav", LastModified: before}}, noSidecar, false, time.Time{}, []string{"a.wav"}},
		{"sidecar changed, listed after an upper-case recording", []ObjectInfo{{Key: "a.WAV", LastModified: before}, {Key: "a.json", ETag: "s2", LastModified: before}}, read, false, time.Time{}, []string{"a.WAV"}},
		{"sidecar gone since", []ObjectInfo{{Key: "a.wav", LastModified: before}}, read, false, time.Time{}, nil},
		{"transcript changed, imported", []ObjectInfo{{Key: "a.json", ETag: "s1"}, {Key: "a.transcript.json", ETag: "t2", LastModified: before}, {Key: "a.wav", LastModified: before}}, read, true, time.Time{}, []string{"a.wav"}},
		{"transcript the version read, imported", []ObjectInfo{{Key: "a.json", ETag: "s1"}, {Key: "a.transcript.json", ETag: "t1", LastModified: after}, {Key: "a.wav", LastModified: before}}, read, true, time.Time{}, nil},
		{"transcript changed, made by the ASR", []ObjectInfo{{Key: "a.json", ETag: "s1"}, {Key: "a.transcript.json", ETag: "t2", LastModified: after}, {Key: "a.wav", LastModified: before}}, read, false, time.Time{}, nil},
		{"another recording's sidecar", []ObjectInfo{{Key: "ab.json", ETag: "s2", LastModified: after}, {Key: "a.wav", LastModified: before}}, noSidecar, false, time.Time{}, nil},
		{"changed sidecar, recording older than --since", []ObjectInfo{{Key: "a.json", ETag: "s2", LastModified: after}, {Key: "a.wav", LastModified: before}}, read, false, t0.Add(30 * time.Minute), nil},
		{"no versions recorded, sidecar older than the analysis", []ObjectInfo{{Key: "a.json", ETag: "s2", LastModified: before}, {Key: "a.wav", LastModified: before}}, schemas.Inputs{}, false, time.Time{}, nil},
		{"no versions recorded, sidecar newer", []ObjectInfo{{Key: "a.json", ETag: "s2", LastModified: after}, {Key: "a.wav", LastModified: before}}, schemas.Inputs{}, false, time.Time{}, []string{"a.wav"}},
		{"listing without ETags, sidecar older", []ObjectInfo{{Key: "a.json", LastModified: before}, {Key: "a.wav", LastModified: before}}, read, false, time.Time{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var published jobs
			in := New(Config{ImportsTranscripts: tt.imports}, listing(tt.objects), &published)
			res, err := in.ScanWith(context.Background(), "calls", ScanOptions{
				Run: "r", Since: tt.since,
				HasResult: func(string, string) bool { return true },
				Result:    func(string) (schemas.Inputs, time.Time) { return tt.recorded, analysed },
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

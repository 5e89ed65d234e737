package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
)

// TestPublishTwiceStoresOnce: every kind of job, published twice (a stage
// redelivered and publishing its result again, a resumed run), is stored
// once; the same recording asked for by another run, taken again with
// another version of its sidecar or transcript, or an analysis of another
// version, is not swallowed.
func TestPublishTwiceStoresOnce(t *testing.T) {
	js := startJetStream(t)
	ctx := context.Background()
	audio := schemas.Object{Bucket: "calls", Key: "2026/11/20/c1.wav", ETag: "e1"}
	tr := schemas.Object{Bucket: "callscope-transcripts", Key: schemas.TranscriptKey(audio.Key)}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	a := &schemas.Analysis{CallID: "c1", ObjectKey: audio.Key, ETag: "e1", AnalyzedAt: at}
	a2 := &schemas.Analysis{CallID: "c1", ObjectKey: audio.Key, ETag: "e1", AnalyzedAt: at.Add(time.Hour)}
	st := &schemas.Status{ObjectKey: audio.Key, ETag: "e1", CallID: "c1", Stage: schemas.StageAnalyze, State: schemas.StateFailed, Attempts: 3, At: at}
	tests := []struct {
		name  string
		job   schemas.Job
		other schemas.Job // the same recording asked for again: a new message
	}{
		{"ingest", schemas.IngestJob{Audio: audio, Run: "r1"}, schemas.IngestJob{Audio: audio, Run: "r2"}},
		{"ingest with transcript", schemas.IngestJob{Audio: audio, Run: "r1", Transcript: &tr}, schemas.IngestJob{Audio: audio, Run: "r3", Transcript: &tr}},
		{"transcribe", schemas.TranscribeJob{CallID: "c1", Audio: audio, Origin: "scan:r1", RequestedAt: at}, schemas.TranscribeJob{CallID: "c1", Audio: audio, Origin: "s3:0001"}},
		{"analyze", schemas.AnalyzeJob{CallID: "c1", Audio: audio, Transcript: tr, Origin: "scan:r1", RequestedAt: at}, schemas.AnalyzeJob{CallID: "c1", Audio: audio, Transcript: tr, Origin: "reprocess:r9"}},
		// A bucket notification's retake: the same recording and origin,
		// another version of its sidecar or transcript (a late one, put
		// within the duplicate window of the first take).
		{"transcribe, sidecar changed", schemas.TranscribeJob{CallID: "c1", Audio: audio, Origin: "s3:", Inputs: schemas.Inputs{Sidecar: "s1", Transcript: "-"}, RequestedAt: at},
			schemas.TranscribeJob{CallID: "c1", Audio: audio, Origin: "s3:", Inputs: schemas.Inputs{Sidecar: "s2", Transcript: "-"}, RequestedAt: at}},
		{"transcribe, sidecar added", schemas.TranscribeJob{CallID: "c1", Audio: audio, Origin: "s3:", Inputs: schemas.Inputs{Sidecar: "-", Transcript: "t1"}, RequestedAt: at},
			schemas.TranscribeJob{CallID: "c1", Audio: audio, Origin: "s3:", Inputs: schemas.Inputs{Sidecar: "s1", Transcript: "t1"}, RequestedAt: at}},
		{"analyze, transcript added", schemas.AnalyzeJob{CallID: "c1", Audio: audio, Transcript: tr, Origin: "s3:", Inputs: schemas.Inputs{Sidecar: "s1", Transcript: "-"}, RequestedAt: at},
			schemas.AnalyzeJob{CallID: "c1", Audio: audio, Transcript: tr, Origin: "s3:", Inputs: schemas.Inputs{Sidecar: "s1", Transcript: "t1"}, RequestedAt: at}},
		{"analysis", schemas.StoreJob{Analysis: a}, schemas.StoreJob{Analysis: a2}},
		{"status", schemas.StoreJob{Status: st}, schemas.StoreJob{Status: &schemas.Status{ObjectKey: audio.Key, ETag: "e1", CallID: "c1", Stage: schemas.StageAnalyze, State: schemas.StateFailed, Attempts: 4, At: at}}},
	}
	stream, err := js.Stream(ctx, StreamJobs)
	if err != nil {
		t.Fatal(err)
	}
	count := func() uint64 {
		info, err := stream.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return info.State.Msgs
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := MsgID(tt.job)
			if id == "" || strings.Contains(id, time.Now().Format("2006-01-02")) {
				t.Errorf("MsgID = %q", id)
			}
			time.Sleep(2 * time.Millisecond) // no time of publishing in the id
			if again := MsgID(tt.job); again != id {
				t.Errorf("MsgID changed: %q, then %q", id, again)
			}
			before := count()
			for range 2 {
				if err := Publish(ctx, js, tt.job); err != nil {
					t.Fatal(err)
				}
			}
			if got := count() - before; got != 1 {
				t.Errorf("published twice, stored %d", got)
			}
			if err := Publish(ctx, js, tt.other); err != nil {
				t.Fatal(err)
			}
			if got := count() - before; got != 2 {
				t.Errorf("another request of the same recording: %d stored, want 2 (MsgID %q and %q)", got, id, MsgID(tt.other))
			}
		})
	}
}

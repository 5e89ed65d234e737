package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
)

// TestLateSidecarAndTranscript puts recordings, sidecars and transcripts
// into a real MinIO in different orders; MinIO's bucket notifications go to
// a nats-server with JetStream, and each is handed to the ingest stage in
// a chosen order. A sidecar or transcript that arrives after its recording
// must queue the recording again, with the sidecar's metadata; two events
// handled when everything is in the bucket, or one event delivered twice,
// must queue it once, with one queued status.
func TestLateSidecarAndTranscript(t *testing.T) {
	testenv.SkipIfShort(t)
	natsURL := testenv.NATSServer(t)
	minio := testenv.MinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	js := testenv.JetStream(t, natsURL)
	nc := js.Conn()
	if err := pipeline.EnsureStream(ctx, js, pipeline.StreamConfig{}); err != nil {
		t.Fatal(err)
	}
	objects, err := objstore.New(objstore.Config{Endpoint: minio.Endpoint, AccessKey: minio.AccessKey, SecretKey: minio.SecretKey})
	if err != nil {
		t.Fatal(err)
	}
	defer objects.Close()
	const bucket = "calls"
	if err := objects.EnsureBucket(ctx, bucket); err != nil {
		t.Fatal(err)
	}
	if err := objects.NotifyNATS(ctx, bucket, minio.ARN, append(NotifySuffixes(), ".canary")...); err != nil {
		t.Fatal(err)
	}
	events, err := nc.SubscribeSync(pipeline.SubjectIngestS3)
	if err != nil {
		t.Fatal(err)
	}
	defer events.Unsubscribe()
	env := &Env{NC: nc, JS: js, Objects: objects}
	waitForNotifications(t, ctx, env, bucket)
	for { // the canaries' events
		if _, err := events.NextMsg(500 * time.Millisecond); err != nil {
			break
		}
	}

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	in := ingest.New(ingest.Config{ClientIDKey: []byte("k"), Logger: log, ImportsTranscripts: true},
		env.objects(), ingestPublisher{pipeline.NewPublisher(js), js})

	sidecar := []byte(`{"operator": {"id": "op-7", "department": "Поддержка"}, "started_at": "2026-11-20T10:15:00Z"}`)
	transcript := []byte(`{"language": "ru", "duration": 1, "channels": [{"role": "operator", "segments": [{"start": 0, "end": 1, "text": "здравствуйте"}]}]}`)
	wav := []byte("RIFF....WAVE") // ingest does not decode it

	// A step puts an object (its event is then read) or hands the event
	// read for a key to the ingest stage.
	type step struct {
		put    string // suffix put: .wav, .json, .transcript.json
		body   []byte // what is put; nil: the suffix's usual content
		later  bool   // put in a later second than the step before (a GET's or HEAD's time is to the second)
		handle string // suffix whose event is handled now
	}
	sidecar8 := []byte(`{"operator": {"id": "op-8", "department": "Поддержка"}, "started_at": "2026-11-20T10:15:00Z"}`)
	tests := []struct {
		name  string
		steps []step
		// want is the operator id of each transcribe job, in order.
		want []string
	}{
		{"sidecar after the recording was taken", []step{
			{put: ".wav"}, {handle: ".wav"}, {put: ".json"}, {handle: ".json"},
		}, []string{"", "op-7"}},
		{"sidecar first, the documented order", []step{
			{put: ".json"}, {handle: ".json"}, {put: ".wav"}, {handle: ".wav"},
		}, []string{"op-7"}},
		{"sidecar just after, both events handled after both arrived", []step{
			{put: ".wav"}, {put: ".json"}, {handle: ".wav"}, {handle: ".json"},
		}, []string{"op-7"}},
		{"the late sidecar's event handled first", []step{
			{put: ".wav"}, {put: ".json"}, {handle: ".json"}, {handle: ".wav"},
		}, []string{"op-7"}},
		{"late sidecar event delivered twice", []step{
			{put: ".wav"}, {handle: ".wav"}, {put: ".json"}, {handle: ".json"}, {handle: ".json"},
		}, []string{"", "op-7"}},
		{"transcript after the recording was taken", []step{
			{put: ".json"}, {put: ".wav"}, {handle: ".json"}, {handle: ".wav"}, {put: ".transcript.json"}, {handle: ".transcript.json"},
		}, []string{"op-7", "op-7"}},
		{"sidecar changed and changed back within the duplicate window", []step{
			{put: ".wav"}, {handle: ".wav"}, {put: ".json"}, {handle: ".json"}, {put: ".json", body: sidecar8}, {handle: ".json"},
			{put: ".json", later: true}, {handle: ".json"},
		}, []string{"", "op-7", "op-8", "op-7"}},
		{"sidecar and transcript late, both events after both arrived", []step{
			{put: ".wav"}, {handle: ".wav"}, {put: ".json"}, {put: ".transcript.json"}, {handle: ".json"}, {handle: ".transcript.json"},
		}, []string{"", "op-7"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := fmt.Sprintf("late%d/call", i)
			read := map[string][]byte{} // events read, by suffix
			for _, s := range tt.steps {
				if s.put != "" {
					data := map[string][]byte{".wav": wav, ".json": sidecar, ".transcript.json": transcript}[s.put]
					if s.body != nil {
						data = s.body
					}
					if s.later {
						time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 50*time.Millisecond)))
					}
					if _, err := objects.Put(ctx, bucket, base+s.put, data, "application/octet-stream", nil); err != nil {
						t.Fatal(err)
					}
					msg, err := events.NextMsg(10 * time.Second)
					if err != nil {
						t.Fatalf("no event for %s: %v", base+s.put, err)
					}
					if !strings.Contains(string(msg.Data), strings.ReplaceAll(base, "/", "%2F")+s.put) && !strings.Contains(string(msg.Data), base+s.put) {
						t.Fatalf("event for %s is about something else: %s", base+s.put, msg.Data)
					}
					read[s.put] = msg.Data
					continue
				}
				err := in.Handle(ctx, pipeline.Delivery{Subject: pipeline.SubjectIngestS3, Data: read[s.handle], Attempt: 1})
				if err != nil {
					t.Fatalf("handle %s: %v", s.handle, err)
				}
			}
			jobs := transcribeJobs(t, ctx, js, base+".wav")
			var got []string
			for _, j := range jobs {
				got = append(got, j.Meta.Operator.ID)
				if j.CallID != base {
					t.Errorf("call_id %q, want %q (the same call)", j.CallID, base)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("transcribe jobs' operators %q, want %q", got, tt.want)
			}
			if n := queuedStatuses(t, ctx, js, base+".wav"); n != len(tt.want) {
				t.Errorf("%d queued statuses, want %d (one per job)", n, len(tt.want))
			}
		})
	}
}

// transcribeJobs reads every transcribe job of a recording in the stream.
func transcribeJobs(t *testing.T, ctx context.Context, js jetstream.JetStream, key string) []schemas.TranscribeJob {
	t.Helper()
	var out []schemas.TranscribeJob
	for _, data := range streamMessages(t, ctx, js, pipeline.SubjectTranscribe) {
		var j schemas.TranscribeJob
		if err := json.Unmarshal(data, &j); err != nil {
			t.Fatal(err)
		}
		if j.Audio.Key == key {
			out = append(out, j)
		}
	}
	return out
}

// queuedStatuses counts the queued statuses of a recording in the stream.
func queuedStatuses(t *testing.T, ctx context.Context, js jetstream.JetStream, key string) int {
	t.Helper()
	n := 0
	for _, data := range streamMessages(t, ctx, js, pipeline.SubjectStore) {
		j, err := schemas.DecodeStoreJob(data)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != nil && j.Status.ObjectKey == key && j.Status.State == schemas.StateQueued {
			n++
		}
	}
	return n
}

// streamMessages takes every job waiting on subject off the work-queue
// stream (each subtest's recordings have their own keys).
func streamMessages(t *testing.T, ctx context.Context, js jetstream.JetStream, subject string) [][]byte {
	t.Helper()
	c, err := js.CreateOrUpdateConsumer(ctx, pipeline.StreamJobs, jetstream.ConsumerConfig{
		Durable: "test-" + strings.ReplaceAll(subject, ".", "-"), FilterSubject: subject, AckPolicy: jetstream.AckExplicitPolicy,
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for {
		batch, err := c.FetchNoWait(100)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for m := range batch.Messages() {
			out = append(out, m.Data())
			if err := m.Ack(); err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n == 0 {
			return out
		}
	}
}

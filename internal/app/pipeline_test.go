package app

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// copyCalls copies the named recordings of a testdata directory, with their
// sidecars and transcripts, into dir.
func copyCalls(t *testing.T, from, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		for _, suffix := range []string{".json", ".transcript.json", ".wav"} {
			data, err := os.ReadFile(filepath.Join(from, n+suffix))
			if os.IsNotExist(err) && suffix != ".wav" {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, n+suffix), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestPipelineOnServers runs the production path: recordings PUT into a real
// MinIO, whose bucket notifications reach a nats-server with JetStream, go
// through every stage and end as rows in a real ClickHouse server over the
// native protocol. Then every call is sent through again, as a redelivery would,
// and no number may change.
func TestPipelineOnServers(t *testing.T) {
	testenv.SkipIfShort(t)
	natsURL := testenv.NATSServer(t)
	minio := testenv.MinIO(t, testenv.MinIOOptions{NATSURL: natsURL})
	dsn := testenv.ClickHouse(t)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cfg := config.Default()
	cfg.NATS.URL = natsURL
	cfg.S3.Endpoint, cfg.S3.AccessKey, cfg.S3.SecretKey = minio.Endpoint, minio.AccessKey, minio.SecretKey
	cfg.ClickHouse.DSN = dsn
	cfg.Privacy.ClientIDKey = "test-key"
	cfg.Privacy.AudioBucket = "callscope-redacted"
	cfg.Workers.Flush = 100 * time.Millisecond
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	env, err := Connect(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	if err := env.Objects.NotifyNATS(ctx, cfg.S3.Bucket, minio.ARN, ".wav", ".canary"); err != nil {
		t.Fatal(err)
	}
	stages, err := NewStages(cfg, env, log)
	if err != nil {
		t.Fatal(err)
	}
	done, stop := runStages(t, ctx, stages)
	defer stop()

	// MinIO may drop the events of the first uploads after the rule is set
	// (design.md): wait until a canary's event has come through.
	waitForNotifications(t, ctx, env, cfg.S3.Bucket)

	dir := filepath.Join(t.TempDir(), "upload")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copyCalls(t, filepath.Join("..", "..", "testdata", "calls"), dir,
		"02_complaint", "06_incompetent", "08_negated_complaint", "12_mono_mixed", "13_swapped_channels")
	copyCalls(t, filepath.Join("..", "..", "testdata", "bad"), dir, "not_wav_text", "bad_sidecar_types")
	// One sidecar with a misspelt extra field: analysed, with a warning the
	// run's summary lists.
	negated := filepath.Join(dir, "08_negated_complaint.json")
	side, err := os.ReadFile(negated)
	if err != nil {
		t.Fatal(err)
	}
	side = []byte(strings.Replace(string(side), "{", `{"qeueu": "sales-2",`, 1))
	if err := os.WriteFile(negated, side, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	n, err := Upload(ctx, env, cfg.S3.Bucket, dir)
	if err != nil || n != 7 {
		t.Fatalf("upload: %d recordings, %v", n, err)
	}
	keys := []string{"upload/02_complaint.wav", "upload/06_incompetent.wav", "upload/08_negated_complaint.wav",
		"upload/12_mono_mixed.wav", "upload/13_swapped_channels.wav", "upload/not_wav_text.wav", "upload/bad_sidecar_types.wav"}
	if err := WaitDone(ctx, env, keys, start, func(int, int) {}, done); err != nil {
		t.Fatalf("waiting for the calls (no bucket notification?): %v", err)
	}

	sum, err := Summarize(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Analysed != 5 || len(sum.Failed) != 2 {
		t.Fatalf("summary: %d analysed, %d failed %+v; want 5 and 2", sum.Analysed, len(sum.Failed), sum.Failed)
	}
	if sum.WarnedTotal != 1 || len(sum.Warned) != 1 || sum.Warned[0].CallID != "2026-11-19-000203" ||
		sum.Warned[0].ObjectKey != "upload/08_negated_complaint.wav" ||
		!strings.Contains(sum.Warned[0].Warnings, `s3://calls/upload/08_negated_complaint.json: unknown field "qeueu" is kept as a tag: did you mean queue?`) {
		t.Errorf("summary warnings: %d %+v; want the misspelt queue of 08", sum.WarnedTotal, sum.Warned)
	}
	wantFailure := map[string][]string{
		"upload/bad_sidecar_types.wav": {schemas.StageIngest, "bad_sidecar_types.json", "started_at"},
		"upload/not_wav_text.wav":      {schemas.StageTranscribe, "not_wav_text.wav", "RIFF"},
	}
	for _, f := range sum.Failed {
		want := wantFailure[f.ObjectKey]
		if want == nil {
			t.Errorf("unexpected failure %s: %s", f.ObjectKey, f.Error)
			continue
		}
		if f.Stage != want[0] || !strings.Contains(f.Error, want[1]) || !strings.Contains(f.Error, want[2]) {
			t.Errorf("failure %s: stage %s, %q; want stage %s naming %q and %q", f.ObjectKey, f.Stage, f.Error, want[0], want[1], want[2])
		}
	}

	before := operatorReport(t, ctx, env.DB)
	wantRows := map[string][4]uint64{ // calls, complaint, repeat, incompetence
		"op-12": {1, 1, 0, 0},
		"op-22": {1, 0, 0, 1},
		"op-21": {1, 0, 0, 0}, // negated complaint: no hit
		"op-11": {1, 0, 1, 0}, // mono: repeat on the mixed channel
		"op-13": {1, 0, 0, 1}, // swapped channels: the operator's phrase
	}
	for id, want := range wantRows {
		r := before[id]
		if got := [4]uint64{r.Calls, r.Complaints, r.RepeatContacts, r.Incompetence}; got != want {
			t.Errorf("%s: calls/complaint/repeat/incompetence = %v, want %v", id, got, want)
		}
	}
	hits, err := store.CallHits(ctx, env.DB, "2026-11-20-000304")
	if err != nil {
		t.Fatal(err)
	}
	// The incompetence phrase is the operator's, on the right channel of
	// this recording (more dictionaries may find more operator phrases).
	incompetence := 0
	for _, h := range hits {
		if h.Category == "incompetence" {
			incompetence++
			if h.Channel != schemas.RoleOperator {
				t.Errorf("swapped-channels call: incompetence hit on %s: %+v", h.Channel, h)
			}
		}
	}
	if incompetence != 1 {
		t.Errorf("swapped-channels call hits = %+v; want one incompetence hit on the operator", hits)
	}

	// Personal data is masked before anything is stored: 02 dictates an
	// address. Its segments, its stored transcript and its redacted audio.
	rows, err := env.DB.Query(ctx, "SELECT text FROM segments WHERE call_id = ?", "2026-11-18-000102")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, s)
	}
	rows.Close()
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "[address]") || strings.Contains(all, "Садовая") {
		t.Errorf("segments of 02 are not masked:\n%s", all)
	}
	stored, err := env.Objects.Get(ctx, cfg.S3.TranscriptsBucket, "upload/02_complaint.transcript.json", 1<<20)
	if err != nil || !strings.Contains(string(stored), `"pii"`) || strings.Contains(string(stored), "Садовая") {
		t.Errorf("stored transcript of 02: %v\n%s", err, stored)
	}
	orig, err := os.ReadFile(filepath.Join("..", "..", "testdata", "calls", "02_complaint.wav"))
	if err != nil {
		t.Fatal(err)
	}
	red, err := env.Objects.Get(ctx, cfg.Privacy.AudioBucket, "upload/02_complaint.wav", 64<<20)
	if err != nil || len(red) != len(orig) || string(red) == string(orig) {
		t.Errorf("redacted audio of 02: %v, %d bytes (original %d), differs %v", err, len(red), len(orig), string(red) != string(orig))
	}

	// Redelivery: every recording is taken again (a new scan run, as after a
	// lost acknowledgement). Writes are idempotent, so nothing may change.
	again := time.Now()
	res, err := stages.Ingest.Scan(ctx, cfg.S3.Bucket, "", "again", nil)
	if err != nil || len(res.Queued) != 7 {
		t.Fatalf("scan: %+v, %v", res, err)
	}
	if err := WaitDone(ctx, env, keys, again, func(int, int) {}, done); err != nil {
		t.Fatal(err)
	}
	after := operatorReport(t, ctx, env.DB)
	for id, r := range before {
		if after[id] != r {
			t.Errorf("%s changed after reprocessing: %+v -> %+v", id, r, after[id])
		}
	}
}

func operatorReport(t *testing.T, ctx context.Context, db store.DB) map[string]report.OperatorRow {
	t.Helper()
	rows, err := report.ByOperator(ctx, db, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]report.OperatorRow{}
	for _, r := range rows {
		m[r.OperatorID] = r
	}
	return m
}

// waitForNotifications uploads a canary (a key ingest ignores) until its
// bucket notification arrives on the ingest subject.
func waitForNotifications(t *testing.T, ctx context.Context, env *Env, bucket string) {
	t.Helper()
	sub, err := env.NC.SubscribeSync(pipeline.SubjectIngestS3)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	for i := 0; ; i++ {
		if _, err := env.Objects.Put(ctx, bucket, "canary/events.canary", []byte("canary"), "text/plain", nil); err != nil {
			t.Fatal(err)
		}
		if _, err := sub.NextMsg(time.Second); err == nil {
			return
		}
		if i == 20 {
			t.Fatal("no bucket notification from MinIO after 20 s")
		}
	}
}

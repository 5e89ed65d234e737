package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// embeddedEnv starts the one-machine default in a temporary directory.
func embeddedEnv(b *testing.B) (config.Config, *Env) {
	b.Helper()
	testenv.ChDB(b) // skips without libchdb.so
	cfg := config.Default()
	cfg.DataDir = b.TempDir()
	// cfg.Workers.Flush stays the default (200 ms), as in production.
	if v, err := strconv.Atoi(os.Getenv("CALLSCOPE_BENCH_ANALYZE")); err == nil {
		cfg.Workers.Analyze = v
	}
	// CALLSCOPE_BENCH_FLUSH and CALLSCOPE_BENCH_MAX_BATCH try other store
	// batch settings (workers.flush, workers.max_batch).
	if v, err := time.ParseDuration(os.Getenv("CALLSCOPE_BENCH_FLUSH")); err == nil {
		cfg.Workers.Flush = v
	}
	if v, err := strconv.Atoi(os.Getenv("CALLSCOPE_BENCH_MAX_BATCH")); err == nil {
		cfg.Workers.MaxBatch = v
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	env, err := StartEmbedded(context.Background(), &cfg, log)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(env.Close)
	return cfg, env
}

// s3Event is a MinIO bucket notification for one new recording, with its
// user metadata, as MinIO publishes it.
func s3Event(bucket, key, etag string, i int) []byte {
	ev := map[string]any{"EventName": "s3:ObjectCreated:Put", "Key": bucket + "/" + key, "Records": []any{map[string]any{
		"eventVersion": "2.0", "eventName": "s3:ObjectCreated:Put",
		"s3": map[string]any{"configurationId": "Config", "bucket": map[string]any{"name": bucket},
			"object": map[string]any{"key": key, "size": 1000, "eTag": etag, "sequencer": strconv.Itoa(i),
				"userMetadata": map[string]string{"X-Amz-Meta-Operator-Id": "op-1", "X-Amz-Meta-Department": "support", "content-type": "audio/wav"}}},
	}}}
	data, _ := json.Marshal(ev)
	return data
}

// BenchmarkEventsToJobs: S3 event payloads on callscope.jobs.ingest.s3 to
// transcribe jobs, through the ingest worker, against embedded NATS and S3
// (each event costs a sidecar lookup in S3 and two JetStream publishes;
// with asr.adapter import, the default, also the transcript's ETag).
// CALLSCOPE_BENCH_ADAPTER sets asr.adapter (none: an audio adapter's
// ingest, which asks nothing about transcripts).
func BenchmarkEventsToJobs(b *testing.B) {
	cfg, env := embeddedEnv(b)
	if a := os.Getenv("CALLSCOPE_BENCH_ADAPTER"); a != "" {
		cfg.ASR.Adapter = a
	}
	ctx := context.Background()
	for i := range b.N {
		if err := publishRaw(ctx, env.JS, pipeline.SubjectIngestS3, s3Event(cfg.S3.Bucket, fmt.Sprintf("bench/%08d.wav", i), "etag", i)); err != nil {
			b.Fatal(err)
		}
	}
	var jobs atomic.Int64
	sub, err := env.NC.Subscribe(pipeline.SubjectTranscribe, func(*nats.Msg) { jobs.Add(1) })
	if err != nil {
		b.Fatal(err)
	}
	defer sub.Unsubscribe()
	in := NewIngester(cfg, env, slog.New(slog.NewTextHandler(io.Discard, nil)))
	w := pipeline.NewWorker(pipeline.WorkerConfig{Stage: "ingest", Subject: pipeline.SubjectIngest, Concurrency: ingestConcurrency,
		Consumer: pipeline.ConsumerConfig{AckWait: 30 * time.Second, MaxDeliver: 5}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))},
		env.JS, in.Handle, in.Fail)
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	b.ResetTimer()
	start, cpu0 := time.Now(), testenv.ProcessCPU()
	go func() { done <- w.Run(runCtx) }()
	for jobs.Load() < int64(b.N) {
		time.Sleep(time.Millisecond)
	}
	elapsed, cpu := time.Since(start), testenv.ProcessCPU()-cpu0
	b.StopTimer()
	stop()
	<-done
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "events/s")
	// The process's CPU time (the embedded servers' included) per event,
	// which other work on a shared machine inflates less than wall time.
	b.ReportMetric(cpu.Seconds()*1e6/float64(b.N), "cpu-µs/event")
}

// BenchmarkReprocessAnalyze: re-analysis of archived calls from their
// stored transcripts (no ASR) on the embedded default, from publishing the
// jobs to the last result written. CALLSCOPE_BENCH_CALLS sets how many
// calls are archived (default 2000); the time for one million is
// extrapolated linearly. Besides calls/s it reports the process's CPU time
// per call (user + system), which a shared machine does not inflate the
// way it does wall time. CALLSCOPE_BENCH_CPUPROFILE=FILE writes a CPU
// profile of the reprocessing alone (not of loading the archive).
func BenchmarkReprocessAnalyze(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("CALLSCOPE_BENCH_CALLS")); err == nil && v > 0 {
		n = v
	}
	// Read before the embedded S3 server changes the working directory.
	tr, err := os.ReadFile("../../testdata/calls/02_complaint.transcript.json")
	if err != nil {
		b.Fatal(err)
	}
	var side schemas.Metadata
	if data, err := os.ReadFile("../../testdata/calls/02_complaint.json"); err == nil {
		_ = json.Unmarshal(data, &side)
	}
	cfg, env := embeddedEnv(b)
	ctx := context.Background()
	// The transcripts go in from a few goroutines: loading 200,000 of them
	// one by one takes longer than reprocessing them.
	var putErr atomic.Value
	var wg sync.WaitGroup
	const putters = 8
	for w := range putters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += putters {
				key := schemas.TranscriptKey(fmt.Sprintf("archive/%07d.wav", i))
				if _, err := env.Objects.Put(ctx, cfg.S3.TranscriptsBucket, key, tr, "application/json", nil); err != nil {
					putErr.Store(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if err, ok := putErr.Load().(error); ok {
		b.Fatal(err)
	}
	archive := make([]schemas.Analysis, 0, n)
	for i := range n {
		key := fmt.Sprintf("archive/%07d.wav", i)
		m := side
		m.CallID = fmt.Sprintf("call-%07d", i)
		archive = append(archive, schemas.Analysis{CallID: m.CallID, ObjectKey: key, ETag: "e", Version: "1+old",
			DictionaryVersion: "old", AnalyzedAt: time.Now().Add(-time.Hour), Meta: m, Metrics: schemas.Metrics{Duration: 20, Channels: 2}})
	}
	if err := store.WriteAnalyses(ctx, env.DB, archive); err != nil {
		b.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	stages, err := NewStages(cfg, env, log)
	if err != nil {
		b.Fatal(err)
	}
	done, stop := runStages(b, ctx, stages)
	defer stop()
	if f := os.Getenv("CALLSCOPE_BENCH_CPUPROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			b.Fatal(err)
		}
		defer func() { pprof.StopCPUProfile(); out.Close() }()
	}
	cpu0 := testenv.ProcessCPU()
	b.ResetTimer()
	var total time.Duration
	for i := range b.N {
		start := time.Now()
		res, err := Reprocess(ctx, env, ReprocessOptions{Stage: ReprocessAnalyze, Run: fmt.Sprintf("bench-%d-%d", time.Now().UnixNano(), i),
			CheckpointDir: b.TempDir(), Bucket: cfg.S3.Bucket, TranscriptsBucket: cfg.S3.TranscriptsBucket})
		if err != nil || res.Published != uint64(n) {
			b.Fatalf("reprocess: %d of %d queued, %v", res.Published, n, err)
		}
		if err := WaitDrained(ctx, env, start, nil, done); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
	}
	perCall := total.Seconds() / float64(b.N*n)
	cpuPerCall := (testenv.ProcessCPU() - cpu0).Seconds() * 1e6 / float64(b.N*n)
	b.ReportMetric(1/perCall, "calls/s")
	b.ReportMetric(cpuPerCall, "cpu-µs/call")
	b.ReportMetric(perCall*1e6/60, "min/1M-calls")
	// Shown with -v, or if stopping fails (the result line is then not).
	b.Logf("%d calls: %.0f calls/s, %.1f cpu-µs/call", b.N*n, 1/perCall, cpuPerCall)
}

// publishRaw publishes data as it is, as MinIO publishes a bucket
// notification.
func publishRaw(ctx context.Context, js jetstream.JetStream, subject string, data []byte) error {
	_, err := js.Publish(ctx, subject, data)
	return err
}

package analyze

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

// s3Transcripts reads transcripts from S3 as the stage's production
// adapter does (internal/app's objectsAdapter over objstore).
type s3Transcripts struct{ s *objstore.Store }

func (o s3Transcripts) ReadObject(ctx context.Context, bucket, key string, maxBytes int64) ([]byte, bool, error) {
	data, err := o.s.Get(ctx, bucket, key, maxBytes)
	if errors.Is(err, objstore.ErrNotFound) {
		return nil, false, nil
	}
	return data, err == nil, err
}

// BenchmarkAnalyzeStageServed is the analyze stage as a worker process
// runs it: a pipeline.Worker (4 jobs at once, the default) takes each job
// from JetStream, the stage reads the transcript from S3, analyzes it and
// publishes the result through JetStream, and the job is acknowledged;
// nats-server and MinIO are processes of their own, so this process's
// CPU time (every thread: the worker, the NATS and S3 clients, the
// garbage collector) is the stage's cost per call. The jobs are queued
// before the worker starts, so queueing them is not counted. Sets as in
// BenchmarkRedactShare, whose redaction cost per call this is the other
// side of (docs/privacy.md). CALLSCOPE_BENCH_JOBS sets the jobs per
// round (default 1000).
func BenchmarkAnalyzeStageServed(b *testing.B) {
	jobs := 1000
	if v, err := strconv.Atoi(os.Getenv("CALLSCOPE_BENCH_JOBS")); err == nil && v > 0 {
		jobs = v
	}
	natsURL := testenv.NATSServer(b)
	s3 := testenv.MinIO(b, testenv.MinIOOptions{})
	ctx := context.Background()
	store, err := objstore.New(objstore.Config{Endpoint: s3.Endpoint, AccessKey: s3.AccessKey, SecretKey: s3.SecretKey})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	js := testenv.JetStream(b, natsURL)
	if err := pipeline.EnsureStream(ctx, js, pipeline.StreamConfig{}); err != nil {
		b.Fatal(err)
	}
	const bucket = "callscope-transcripts"
	if err := store.EnsureBucket(ctx, bucket); err != nil {
		b.Fatal(err)
	}
	r, err := redact.New(redact.Config{})
	if err != nil {
		b.Fatal(err)
	}
	m := builtin(b)
	a := NewWith(Config{}, func() *match.Matcher { return m }, builtinProfiles(b))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	round := 0
	for _, set := range shareSets(b) {
		b.Run(set.name, func(b *testing.B) {
			var keys []string
			for i, tr := range set.calls {
				key := fmt.Sprintf("%s/%02d.transcript.json", set.name, i)
				if _, err := store.Put(ctx, bucket, key, storedTranscript(b, r, tr), "application/json", nil); err != nil {
					b.Fatal(err)
				}
				keys = append(keys, key)
			}
			stage := NewStage(StageConfig{}, a, s3Transcripts{store}, pipeline.NewPublisher(js))
			var cpu time.Duration
			n := 0
			for b.Loop() {
				round++
				for j := range jobs {
					job := schemas.AnalyzeJob{CallID: fmt.Sprintf("c-%d-%d", round, j),
						Audio:       schemas.Object{Bucket: "calls", Key: fmt.Sprintf("r%d/%d.wav", round, j), ETag: "e"},
						Meta:        schemas.Metadata{Language: "ru", Operator: schemas.Operator{ID: "op-1", Department: "Поддержка"}},
						Transcript:  schemas.Object{Bucket: bucket, Key: keys[j%len(keys)]},
						RequestedAt: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
					if err := pipeline.Publish(ctx, js, job); err != nil {
						b.Fatal(err)
					}
				}
				metrics := pipeline.NewMetrics()
				w := pipeline.NewWorker(pipeline.WorkerConfig{Stage: "analyze", Subject: pipeline.SubjectAnalyze,
					Consumer: pipeline.ConsumerConfig{AckWait: 30 * time.Second, MaxDeliver: 5}, Concurrency: 4,
					Metrics: metrics, Logger: log}, js,
					func(ctx context.Context, d pipeline.Delivery) error { return stage.Handle(ctx, d.Data) },
					func(ctx context.Context, d pipeline.Delivery, cause error) error {
						return stage.Fail(ctx, d.Data, d.Attempt, cause)
					})
				runCtx, stop := context.WithCancel(ctx)
				done := make(chan error, 1)
				c0 := testenv.ProcessCPU()
				go func() { done <- w.Run(runCtx) }()
				for {
					processed, failed := metrics.Counts("analyze")
					if failed > 0 {
						b.Fatalf("%d jobs failed", failed)
					}
					if processed >= uint64(jobs) {
						break
					}
					time.Sleep(5 * time.Millisecond)
				}
				cpu += testenv.ProcessCPU() - c0
				stop()
				if err := <-done; err != nil {
					b.Fatal(err)
				}
				n += jobs
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(n)/1e3, "stage-process-cpu-µs/call")
		})
	}
}

type shareSet struct {
	name  string
	calls []schemas.Transcript
}

// shareSets are the sets of calls of BenchmarkRedactShare.
func shareSets(b *testing.B) []shareSet {
	demo := func(globs ...string) []schemas.Transcript {
		trs, err := fixtures.Transcripts(globs...)
		if err != nil {
			b.Fatal(err)
		}
		return trs
	}

	return []shareSet{
		{"five_minute", []schemas.Transcript{fiveMinuteCall()}},
		{"demo_5min", padAll(demo("../testdata/calls/*.transcript.json", "../testdata/pii-calls/*.transcript.json"))},
		{"demo_calls", demo("../testdata/calls/*.transcript.json", "../testdata/pii-calls/*.transcript.json")},
		{"pii_calls", demo("../testdata/pii-calls/*.transcript.json")},
	}
}

package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"sync"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/redact"
	"github.com/callscope/callscope/transcribe/wav"
)

// Stages runs every stage worker of one process until ctx is cancelled.
// Several processes running Stages share the work through the durable
// consumers.
type Stages struct {
	cfg        config.Config
	env        *Env
	log        *slog.Logger
	Ingest     *ingest.Ingester
	Transcribe *transcribe.Stage
	Analyze    *analyze.Stage
	Store      *store.Stage
	// Metrics counts what this process's workers did (served at
	// workers.health_addr by ServeHealth).
	Metrics *pipeline.Metrics
	// dictionaries reloads a changed dictionary set while the workers run;
	// nil when reloading is off.
	dictionaries *match.Watcher
}

// NewStages builds the stages from the configuration.
func NewStages(cfg config.Config, env *Env, log *slog.Logger) (*Stages, error) {
	opts := maps.Clone(cfg.ASR.Options)
	if opts == nil {
		opts = map[string]any{}
	}
	if cfg.ASR.ModelsDir != "" {
		opts[transcribe.ModelsDirOption] = cfg.ASR.ModelsDir
	}
	adapter, err := transcribe.NewAdapter(cfg.ASR.Adapter, opts)
	if err != nil {
		return nil, err
	}
	analyzer, watcher, err := newAnalyzer(cfg, log)
	if err != nil {
		return nil, err
	}
	icfg, err := ingestConfig(cfg, log)
	if err != nil {
		return nil, err
	}
	redactor, err := NewRedactor(cfg.Privacy.Redact)
	if err != nil {
		return nil, err
	}
	audio, err := audioRedaction(cfg.Privacy)
	if err != nil {
		return nil, err
	}
	if audio.Bucket != "" && redactor == nil {
		return nil, fmt.Errorf("privacy.audio_bucket is set but privacy.redact is off: nothing to redact in the audio")
	}
	if cfg.ASR.Adapter == "openai" {
		log.Warn("asr: the openai adapter sends each call's audio to the configured service before anything is redacted (docs/privacy.md)", "url", fmt.Sprint(cfg.ASR.Options["url"]))
	}
	claims, err := pipeline.OpenCallIDClaims(context.Background(), env.JS)
	if err != nil {
		return nil, err
	}
	objects := env.objects()
	tstage := transcribe.NewStage(transcribe.Config{
		TranscriptsBucket: cfg.S3.TranscriptsBucket, AdapterName: cfg.ASR.Adapter,
		ModelsDir: cfg.ASR.ModelsDir, Logger: log, Redactor: redactor, Audio: audio,
	}, objects, adapter, pipeline.NewPublisher(env.JS))
	if cfg.ASR.Adapter == schemas.ASRNone && tstage.VADModel() == "" {
		// Without recognition the VAD is the only source of timing: a
		// stage without it would record every call as silent.
		return nil, fmt.Errorf("%w: asr.adapter none takes every timing from the VAD, and the VAD cannot run here (install the Silero VAD model: scripts/setup.sh vad, docs/asr.md)", config.ErrConfig)
	}
	return &Stages{
		cfg: cfg, env: env, log: log, dictionaries: watcher,
		Ingest:     ingest.New(icfg, objects, ingestPublisher{pipeline.NewPublisher(env.JS), env.JS}),
		Transcribe: tstage,
		Analyze:    analyze.NewStage(analyze.StageConfig{}, analyzer, objects, pipeline.NewPublisher(env.JS)),
		Store:      store.NewStage(env.DB, claims),
		Metrics:    pipeline.NewMetrics(),
	}, nil
}

// ingestConfig is the ingest stage's configuration: the client-id key and
// what to do with phone-number tags.
func ingestConfig(cfg config.Config, log *slog.Logger) (ingest.Config, error) {
	mode, err := ingest.ParsePhoneTags(cfg.Privacy.PhoneTags)
	if err != nil {
		return ingest.Config{}, fmt.Errorf("%w: %w", config.ErrConfig, err)
	}
	return ingest.Config{ClientIDKey: []byte(cfg.Privacy.ClientIDKey), PhoneTags: mode, Logger: log,
		ImportsTranscripts: cfg.ASR.Adapter == "import"}, nil
}

// ingestPublisher is the ingest stage's publisher: it says when JetStream
// dropped a job as a duplicate (ingest.DedupPublisher), so that a recording
// queued twice at once (its own event and its late sidecar's) gets one
// queued status.
type ingestPublisher struct {
	*pipeline.Publisher
	js jetstream.JetStream
}

func (p ingestPublisher) PublishNew(ctx context.Context, job schemas.Job) (bool, error) {
	msg, err := pipeline.NewMsg(job)
	if err != nil {
		return false, err
	}
	ack, err := p.js.PublishMsg(ctx, msg)
	if err != nil {
		return false, fmt.Errorf("pipeline: publish to %s: %w", msg.Subject, err)
	}
	return !ack.Duplicate, nil
}

// ingestConcurrency is how many notifications one process handles at once:
// ingest waits on S3 and NATS round trips, not on the CPU.
const ingestConcurrency = 32

// consumerConfigs are the durable consumers of the stages, by stage name,
// with their subjects: the same for Run and InitIngest.
func consumerConfigs(w config.Workers) []stageConsumer {
	c := pipeline.ConsumerConfig{AckWait: w.AckWait, MaxDeliver: w.MaxDeliver}
	return []stageConsumer{
		{"ingest", pipeline.SubjectIngest, c},
		{"transcribe", pipeline.SubjectTranscribe, c},
		{"analyze", pipeline.SubjectAnalyze, c},
		// The store stage retries for ever: a result is never dropped
		// because ClickHouse was away. It holds a whole batch
		// unacknowledged while writing it, and may fetch the next.
		{"store", pipeline.SubjectStore, pipeline.ConsumerConfig{AckWait: w.AckWait, MaxDeliver: -1, MaxAckPending: max(1000, 2*w.MaxBatch)}},
	}
}

type stageConsumer struct {
	stage, subject string
	consumer       pipeline.ConsumerConfig
}

// Run starts every worker and blocks until ctx is cancelled and the work in
// hand is finished, or a worker fails. A job a stage gives up on goes to
// callscope.dead.<stage> and is recorded as failed with the reason.
func (s *Stages) Run(ctx context.Context) error {
	w := s.cfg.Workers
	cc := consumerConfigs(w)
	type runner interface{ Run(context.Context) error }
	worker := func(i, concurrency int, h pipeline.Handler, fail pipeline.FailureHandler) runner {
		return pipeline.NewWorker(pipeline.WorkerConfig{Stage: cc[i].stage, Subject: cc[i].subject, Consumer: cc[i].consumer,
			Concurrency: concurrency, Metrics: s.Metrics, Logger: s.log}, s.env.JS, h, fail)
	}
	workers := []runner{
		worker(0, ingestConcurrency, s.Ingest.Handle, s.Ingest.Fail),
		worker(1, w.Transcribe, s.Transcribe.Handle, s.Transcribe.Fail),
		worker(2, w.Analyze,
			func(ctx context.Context, d pipeline.Delivery) error { return s.Analyze.Handle(ctx, d.Data) },
			func(ctx context.Context, d pipeline.Delivery, cause error) error {
				return s.Analyze.Fail(ctx, d.Data, d.Attempt, cause)
			}),
		pipeline.NewBatchWorker(pipeline.BatchConfig{Stage: cc[3].stage, Subject: cc[3].subject, Consumer: cc[3].consumer,
			MaxBatch: w.MaxBatch, FlushInterval: w.Flush, Metrics: s.Metrics, Logger: s.log}, s.env.JS, s.Store.Handle),
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if s.dictionaries != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.dictionaries.Run(ctx)
		}()
	}
	errs := make([]error, len(workers))
	for i, wk := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := wk.Run(ctx); err != nil {
				errs[i] = err
				cancel()
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("workers: %w", err)
	}
	return nil
}

// NewRedactor reads privacy.redact: "all" (or empty) masks every type,
// "off" none (nil), else a comma-separated list of types.
func NewRedactor(setting string) (*redact.Redactor, error) {
	switch strings.TrimSpace(setting) {
	case "off", "none", "false":
		return nil, nil
	}
	types, err := redact.ParseTypes(setting)
	if err != nil {
		return nil, fmt.Errorf("privacy.redact: %w", err)
	}
	return redact.New(redact.Config{Types: types})
}

// audioRedaction reads the privacy.audio_* settings.
func audioRedaction(p config.Privacy) (transcribe.AudioRedaction, error) {
	mode, err := wav.ParseMaskMode(p.AudioMask)
	if err != nil {
		return transcribe.AudioRedaction{}, fmt.Errorf("privacy.audio_mask: %w", err)
	}
	a := transcribe.AudioRedaction{Bucket: p.AudioBucket, Mode: mode, Original: p.OriginalAudio, RestrictedBucket: p.RestrictedBucket}
	switch a.Original {
	case "":
		a.Original = transcribe.OriginalKeep
	case transcribe.OriginalKeep, transcribe.OriginalDelete:
	case transcribe.OriginalRestrict:
		if a.RestrictedBucket == "" {
			return a, fmt.Errorf("privacy.original_audio: restrict needs privacy.restricted_bucket")
		}
	default:
		return a, fmt.Errorf("privacy.original_audio %q: want keep, restrict or delete", a.Original)
	}
	return a, nil
}

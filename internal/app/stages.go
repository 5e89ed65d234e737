package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/store"
	"github.com/callscope/callscope/transcribe"
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
}

// NewStages builds the stages from the configuration.
func NewStages(cfg config.Config, env *Env, log *slog.Logger) (*Stages, error) {
	adapter, err := transcribe.NewAdapter(cfg.ASR.Adapter, cfg.ASR.Options)
	if err != nil {
		return nil, err
	}
	analyzer, err := newAnalyzer(cfg)
	if err != nil {
		return nil, err
	}
	objects := objectsAdapter{env.Objects}
	return &Stages{
		cfg: cfg, env: env, log: log,
		Ingest: ingest.New(ingest.Config{ClientIDKey: []byte(cfg.Privacy.ClientIDKey), Logger: log}, objects, env.JS),
		Transcribe: transcribe.NewStage(transcribe.Config{
			TranscriptsBucket: cfg.S3.TranscriptsBucket, AdapterName: cfg.ASR.Adapter,
		}, objects, adapter, env.JS),
		Analyze: analyze.NewStage(analyze.StageConfig{}, analyzer, objects, env.JS),
		Store:   store.NewStage(env.DB),
	}, nil
}

// Run starts every worker and blocks until ctx is cancelled and the work in
// hand is finished, or a worker fails.
func (s *Stages) Run(ctx context.Context) error {
	w := s.cfg.Workers
	consumer := pipeline.ConsumerConfig{AckWait: w.AckWait, MaxDeliver: w.MaxDeliver}
	type runner interface{ Run(context.Context) error }
	workers := []runner{
		pipeline.NewWorker(pipeline.WorkerConfig{Stage: "ingest", Subject: pipeline.SubjectIngest, Consumer: consumer, Concurrency: 4, Logger: s.log}, s.env.JS, s.Ingest.Handle, nil),
		pipeline.NewWorker(pipeline.WorkerConfig{Stage: "transcribe", Subject: pipeline.SubjectTranscribe, Consumer: consumer, Concurrency: w.Transcribe, Logger: s.log}, s.env.JS, s.Transcribe.Handle, s.Transcribe.Fail),
		pipeline.NewWorker(pipeline.WorkerConfig{Stage: "analyze", Subject: pipeline.SubjectAnalyze, Consumer: consumer, Concurrency: w.Analyze, Logger: s.log}, s.env.JS, s.Analyze.Handle, s.Analyze.Fail),
		// The store stage retries for ever: a result is never dropped
		// because ClickHouse was away.
		pipeline.NewBatchWorker(pipeline.BatchConfig{Stage: "store", Subject: pipeline.SubjectStore,
			Consumer: pipeline.ConsumerConfig{AckWait: w.AckWait, MaxDeliver: -1},
			MaxBatch: w.MaxBatch, FlushInterval: w.Flush, Logger: s.log}, s.env.JS, s.Store.Handle),
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
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

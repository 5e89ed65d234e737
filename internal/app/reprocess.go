package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// Stages at which reprocessing re-queues calls.
const (
	ReprocessAnalyze    = "analyze"    // reuse the stored transcripts: no ASR
	ReprocessTranscribe = "transcribe" // run ASR again (through ingest, which re-reads the metadata)
)

// ErrBadReprocess is wrapped by errors about reprocessing options.
var ErrBadReprocess = errors.New("reprocess")

// ReprocessOptions configure a reprocessing run.
type ReprocessOptions struct {
	Selection store.Selection
	// Stage is ReprocessAnalyze or ReprocessTranscribe.
	Stage string
	// RereadMetadata sends analyze jobs through ingest, which reads the
	// sidecar again, instead of rebuilding the metadata from the stored
	// analysis (faster, but holds and the channel map are not stored).
	// Failed recordings, which have no stored analysis, always go through
	// ingest.
	RereadMetadata bool
	// Run names the run: its checkpoint, and the de-duplication ids of its
	// jobs. A run with an existing checkpoint resumes after its last page.
	Run string
	// CheckpointDir holds <run>.json checkpoints.
	CheckpointDir string
	// Rate caps published jobs per second (0: as fast as NATS takes them).
	Rate float64
	// Bucket and TranscriptsBucket are s3.bucket and s3.transcripts_bucket.
	Bucket, TranscriptsBucket string
	// PageSize is how many calls are read and published at a time (default
	// 5000); the checkpoint advances per page.
	PageSize int
	// Progress, when set, is told after every page.
	Progress func(published, total uint64)
}

// Checkpoint is the saved state of a reprocessing run.
type Checkpoint struct {
	Run       string          `json:"run"`
	Stage     string          `json:"stage"`
	Reread    bool            `json:"reread_metadata,omitempty"`
	Selection store.Selection `json:"selection"`
	// After is the cursor of the last call published.
	After     string    `json:"after"`
	Published uint64    `json:"published"`
	Total     uint64    `json:"total"`
	Started   time.Time `json:"started"`
	Done      bool      `json:"done"`
}

var runIDRe = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,100}$`)

// CheckpointPath is where a run's checkpoint lives.
func CheckpointPath(dir, run string) string { return filepath.Join(dir, run+".json") }

// LoadCheckpoint reads a run's checkpoint; found is false when there is none.
func LoadCheckpoint(dir, run string) (cp Checkpoint, found bool, err error) {
	if !runIDRe.MatchString(run) {
		return cp, false, fmt.Errorf("%w: run id %q: use letters, digits, '.', '_' or '-'", ErrBadReprocess, run)
	}
	data, err := os.ReadFile(CheckpointPath(dir, run))
	if errors.Is(err, os.ErrNotExist) {
		return cp, false, nil
	}
	if err != nil {
		return cp, false, fmt.Errorf("%w: checkpoint: %w", ErrBadReprocess, err)
	}
	if err := json.Unmarshal(data, &cp); err != nil {
		return cp, false, fmt.Errorf("%w: checkpoint %s: %w", ErrBadReprocess, CheckpointPath(dir, run), err)
	}
	return cp, true, nil
}

func saveCheckpoint(dir string, cp Checkpoint) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("checkpoint dir: %w", err)
	}
	data, err := json.MarshalIndent(cp, "", "  ")
	if err != nil {
		return err
	}
	// Write then rename: an interrupted write never leaves a torn checkpoint.
	tmp := CheckpointPath(dir, cp.Run) + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if err := os.Rename(tmp, CheckpointPath(dir, cp.Run)); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// ReprocessResult says what a run published.
type ReprocessResult struct {
	Checkpoint
	// Resumed is true when the run continued an earlier one.
	Resumed bool
	// PublishedNow counts the jobs published by this call.
	PublishedNow uint64
}

// Reprocess selects archived calls and publishes them again at the chosen
// stage, page by page, saving a checkpoint after each page so that an
// interrupted run (ctx cancelled) resumes where it stopped when called again
// with the same Run. A resumed run uses the selection and stage saved in its
// checkpoint. Jobs carry de-duplication ids made of the run and the call, so
// a page published twice around an interruption is queued once.
func Reprocess(ctx context.Context, env *Env, opt ReprocessOptions) (ReprocessResult, error) {
	if opt.Stage != ReprocessAnalyze && opt.Stage != ReprocessTranscribe {
		return ReprocessResult{}, fmt.Errorf("%w: stage %q: want %s or %s", ErrBadReprocess, opt.Stage, ReprocessAnalyze, ReprocessTranscribe)
	}
	if opt.PageSize <= 0 {
		opt.PageSize = 5000
	}
	cp, found, err := LoadCheckpoint(opt.CheckpointDir, opt.Run)
	if err != nil {
		return ReprocessResult{}, err
	}
	res := ReprocessResult{Resumed: found}
	if found {
		opt.Selection, opt.Stage, opt.RereadMetadata = cp.Selection, cp.Stage, cp.Reread
	} else {
		if err := opt.Selection.Check(); err != nil {
			return res, err
		}
		total, _, err := store.SelectionSize(ctx, env.DB, opt.Selection)
		if err != nil {
			return res, err
		}
		cp = Checkpoint{Run: opt.Run, Stage: opt.Stage, Reread: opt.RereadMetadata, Selection: opt.Selection,
			Total: total, Started: time.Now().UTC()}
		if err := saveCheckpoint(opt.CheckpointDir, cp); err != nil {
			return res, err
		}
	}
	res.Checkpoint = cp
	if cp.Done {
		return res, nil
	}
	limiter := newRateLimiter(opt.Rate)
	for {
		page, err := store.SelectCalls(ctx, env.DB, opt.Selection, cp.After, opt.PageSize)
		if err != nil {
			return res, err
		}
		n, perr := publishPage(ctx, env.JS, opt, page, limiter)
		if n > 0 {
			last := page[n-1]
			cp.After = last.CallID
			if opt.Selection.Failed {
				cp.After = last.ObjectKey
			}
			cp.Published += uint64(n)
			res.PublishedNow += uint64(n)
		}
		if len(page) < opt.PageSize && perr == nil {
			cp.Done = true
			cp.Total = max(cp.Total, cp.Published)
		}
		if err := saveCheckpoint(opt.CheckpointDir, cp); err != nil {
			return res, err
		}
		res.Checkpoint = cp
		if opt.Progress != nil {
			opt.Progress(cp.Published, max(cp.Total, cp.Published))
		}
		if perr != nil {
			return res, perr
		}
		if cp.Done {
			return res, nil
		}
	}
}

// publishPage publishes the jobs of a page asynchronously and returns how
// many of its calls, from the first, are known to be queued. On an error or
// cancellation that count stops before the first job not confirmed.
func publishPage(ctx context.Context, js jetstream.JetStream, opt ReprocessOptions, page []store.CallRef, limiter *rateLimiter) (int, error) {
	futures := make([]jetstream.PubAckFuture, 0, len(page))
	var perr error
	for _, ref := range page {
		if err := limiter.wait(ctx); err != nil {
			perr = err
			break
		}
		msg, err := reprocessMsg(opt, ref)
		if err != nil {
			perr = err
			break
		}
		f, err := publishAsync(ctx, js, msg)
		if err != nil {
			perr = fmt.Errorf("reprocess: publish %s: %w", ref.ObjectKey, err)
			break
		}
		futures = append(futures, f)
	}
	confirmed := 0
	for _, f := range futures {
		select {
		case <-f.Ok():
			confirmed++
		case err := <-f.Err():
			return confirmed, fmt.Errorf("reprocess: publish %s: %w", f.Msg().Subject, err)
		case <-time.After(30 * time.Second):
			return confirmed, fmt.Errorf("reprocess: publish: no acknowledgement from NATS in 30 s")
		}
	}
	return confirmed, perr
}

// publishAsync publishes msg without waiting for its acknowledgement. When
// too many are outstanding (NATS acknowledges slowly: a loaded machine), it
// waits for them, up to 30 s at a time, and tries again instead of giving
// up on the run: the bench of 20,000 calls on a shared machine stalled so.
func publishAsync(ctx context.Context, js jetstream.JetStream, msg *nats.Msg) (jetstream.PubAckFuture, error) {
	for {
		f, err := js.PublishMsgAsync(msg)
		if !errors.Is(err, jetstream.ErrTooManyStalledMsgs) {
			return f, err
		}
		select {
		case <-js.PublishAsyncComplete():
		case <-time.After(30 * time.Second):
			return nil, fmt.Errorf("no acknowledgement from NATS in 30 s: %w", err)
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// reprocessMsg is the job that re-queues one call.
func reprocessMsg(opt ReprocessOptions, ref store.CallRef) (*nats.Msg, error) {
	audio := schemas.Object{Bucket: opt.Bucket, Key: ref.ObjectKey, ETag: ref.ETag}
	transcript := schemas.Object{Bucket: opt.TranscriptsBucket, Key: schemas.TranscriptKey(ref.ObjectKey)}
	var job schemas.Job
	switch {
	case opt.Stage == ReprocessAnalyze && ref.Meta != nil && !opt.RereadMetadata:
		job = schemas.AnalyzeJob{CallID: ref.CallID, Audio: audio, Transcript: transcript, Meta: *ref.Meta, Origin: "reprocess:" + opt.Run, RequestedAt: time.Now().UTC()}
	case opt.Stage == ReprocessAnalyze:
		job = schemas.IngestJob{Audio: audio, Run: opt.Run, Transcript: &transcript}
	default:
		job = schemas.IngestJob{Audio: audio, Run: opt.Run}
	}
	msg, err := pipeline.NewMsg(job)
	if err != nil {
		return nil, fmt.Errorf("reprocess: %s: %w", ref.ObjectKey, err)
	}
	return msg, nil
}

// rateLimiter spaces events at most rate per second (nil: no limit).
type rateLimiter struct {
	interval time.Duration
	next     time.Time
}

func newRateLimiter(rate float64) *rateLimiter {
	if rate <= 0 {
		return nil
	}
	return &rateLimiter{interval: time.Duration(float64(time.Second) / rate)}
}

func (l *rateLimiter) wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if l == nil {
		return nil
	}
	now := time.Now()
	if l.next.Before(now) {
		l.next = now
	}
	if d := l.next.Sub(now); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	l.next = l.next.Add(l.interval)
	return nil
}

// progressEvery is how often WaitDrained tells its progress.
const progressEvery = time.Second

// WaitDrained waits until the jobs stream is empty (every job of every
// stage acknowledged), calling progress with the recordings finished since
// `since` as it goes. It is how a process that runs the stages itself knows
// its re-queued calls are done.
func WaitDrained(ctx context.Context, env *Env, since time.Time, progress func(analysed, failed uint64), workersDone <-chan error) error {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	var told time.Time
	// tell counts the finished calls, which scans the statuses since the
	// start: nothing asks without a progress line to tell.
	tell := func() error {
		if progress == nil {
			return nil
		}
		a, f, err := store.FinishedSince(ctx, env.DB, since)
		if err != nil {
			return err
		}
		progress(a, f)
		told = time.Now()
		return nil
	}
	for {
		// Once a second is enough for a progress line.
		if time.Since(told) >= progressEvery {
			if err := tell(); err != nil {
				return err
			}
		}
		n, err := pipeline.Pending(ctx, env.JS)
		if err != nil {
			return err
		}
		if n == 0 {
			return tell()
		}
		if err := awaitTick(ctx, tick, workersDone); err != nil {
			return err
		}
	}
}

// awaitTick waits for tick's next tick, the loop of a wait for the stages
// to finish: it returns ctx's error if ctx ends first, and the workers'
// (or that they stopped) if they stop first, since nothing would finish.
func awaitTick(ctx context.Context, tick *time.Ticker, workersDone <-chan error) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-workersDone:
		if err == nil {
			err = errors.New("workers stopped")
		}
		return err
	case <-tick.C:
		return nil
	}
}

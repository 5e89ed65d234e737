package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The dead-letter stream keeps every job a stage gave up on, with the
// reason, for inspection and replay. It is a plain limits stream (not a work
// queue): nothing consumes it by default, and old entries age out.
const (
	StreamDead = "CALLSCOPE_DEAD"
	// SubjectDeadPrefix + stage is where a stage's given-up jobs go, e.g.
	// callscope.dead.transcribe.
	SubjectDeadPrefix = "callscope.dead."
	subjectAllDead    = "callscope.dead.>"
	defaultDeadMaxAge = 30 * 24 * time.Hour
)

// Headers of a dead-letter message; the body is the job exactly as the stage
// received it.
const (
	HeaderDeadStage    = "Callscope-Stage"
	HeaderDeadSubject  = "Callscope-Subject"
	HeaderDeadReason   = "Callscope-Reason"
	HeaderDeadAttempts = "Callscope-Attempts"
	HeaderDeadAt       = "Callscope-At"
)

// DeadSubject is the dead-letter subject of a stage.
func DeadSubject(stage string) string { return SubjectDeadPrefix + stage }

// ensureDeadStream creates or updates the dead-letter stream.
func ensureDeadStream(ctx context.Context, js jetstream.JetStream, cfg StreamConfig) error {
	maxAge := cfg.DeadMaxAge
	if maxAge == 0 {
		maxAge = defaultDeadMaxAge
	}
	_, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        StreamDead,
		Description: "callscope jobs that a stage gave up on, with the reason",
		Subjects:    []string{subjectAllDead},
		Retention:   jetstream.LimitsPolicy,
		Storage:     cfg.storage(),
		Replicas:    cfg.Replicas,
		MaxAge:      maxAge,
		MaxBytes:    cfg.DeadMaxBytes,
		Discard:     jetstream.DiscardOld,
	})
	if err != nil {
		return fmt.Errorf("pipeline: create stream %s: %w", StreamDead, err)
	}
	return nil
}

// publishDead copies a job a stage gave up on to the stage's dead-letter
// subject with the reason in headers.
func publishDead(ctx context.Context, js jetstream.JetStream, stage string, d Delivery, cause error) error {
	msg := nats.NewMsg(DeadSubject(stage))
	msg.Data = d.Data
	msg.Header.Set(HeaderDeadStage, stage)
	msg.Header.Set(HeaderDeadSubject, d.Subject)
	msg.Header.Set(HeaderDeadReason, headerValue(cause.Error()))
	msg.Header.Set(HeaderDeadAttempts, strconv.Itoa(d.Attempt))
	msg.Header.Set(HeaderDeadAt, time.Now().UTC().Format(time.RFC3339Nano))
	if _, err := js.PublishMsg(ctx, msg); err != nil {
		return fmt.Errorf("pipeline: dead-letter %s: %w", DeadSubject(stage), err)
	}
	return nil
}

// DeadLetter is one job read back from the dead-letter stream.
type DeadLetter struct {
	Seq      uint64
	Stage    string
	Subject  string // where the job was first published
	Reason   string
	Attempts int
	At       time.Time
	Data     []byte
}

// DeadLetters reads up to limit dead-letter entries of a stage ("" for
// every stage), oldest first.
func DeadLetters(ctx context.Context, js jetstream.JetStream, stage string, limit int) ([]DeadLetter, error) {
	s, err := js.Stream(ctx, StreamDead)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("pipeline: stream %s: %w", StreamDead, err)
	}
	filter := subjectAllDead
	if stage != "" {
		filter = DeadSubject(stage)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("pipeline: stream %s: %w", StreamDead, err)
	}
	last := info.State.LastSeq
	c, err := s.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	if err != nil {
		return nil, fmt.Errorf("pipeline: read %s: %w", StreamDead, err)
	}
	var out []DeadLetter
	var seen uint64 // the last stream sequence read: an ordered consumer
	// may hand a message again after it resets, so read forward only,
	// up to the last letter there was when the read began.
	for len(out) < limit && seen < last {
		batch, err := c.FetchNoWait(min(limit-len(out), 256))
		if err != nil {
			return out, fmt.Errorf("pipeline: read %s: %w", StreamDead, err)
		}
		n := 0
		for m := range batch.Messages() {
			md, err := m.Metadata()
			if err != nil || md.Sequence.Stream <= seen {
				continue
			}
			seen = md.Sequence.Stream
			n++
			if len(out) == limit {
				continue
			}
			dl := DeadLetter{Seq: seen, Data: m.Data(), Stage: m.Headers().Get(HeaderDeadStage),
				Subject: m.Headers().Get(HeaderDeadSubject), Reason: m.Headers().Get(HeaderDeadReason)}
			dl.Attempts, _ = strconv.Atoi(m.Headers().Get(HeaderDeadAttempts))
			dl.At, _ = time.Parse(time.RFC3339Nano, m.Headers().Get(HeaderDeadAt))
			out = append(out, dl)
		}
		if n == 0 || batch.Error() != nil {
			break
		}
	}
	return out, nil
}

// headerValue makes a reason fit a NATS header: one line, at most 4 KiB.
func headerValue(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
	if len(s) > 4096 {
		s = strings.ToValidUTF8(s[:4096], "") + "…"
	}
	return s
}

// ErrNotReplayable means a dead letter that names no jobs subject to go
// back to (one written by hand, or by another program).
var ErrNotReplayable = errors.New("pipeline: dead letter cannot be replayed")

// ReplayDead publishes a dead letter's job again, unchanged, to the
// subject it was first published to, and then removes the letter from the
// dead-letter stream: the job starts afresh with a full set of attempts.
// If it fails again it is dead-lettered again, with the new reason.
func ReplayDead(ctx context.Context, js jetstream.JetStream, dl DeadLetter) error {
	if !strings.HasPrefix(dl.Subject, subjectJobsPrefix) {
		return fmt.Errorf("%w: #%d was published to %q, not a callscope.jobs subject", ErrNotReplayable, dl.Seq, dl.Subject)
	}
	msg := nats.NewMsg(dl.Subject)
	msg.Data = dl.Data
	// An id of its own: the job's first publication may still be in the
	// duplicate window, which would swallow the replay. The letter's
	// sequence is unique and stable, so replaying one letter twice (two
	// operators at once) queues it once.
	msg.Header.Set(jetstream.MsgIDHeader, ReplayMsgID(dl.Seq))
	if _, err := js.PublishMsg(ctx, msg); err != nil {
		return fmt.Errorf("pipeline: replay dead letter #%d to %s: %w", dl.Seq, dl.Subject, err)
	}
	s, err := js.Stream(ctx, StreamDead)
	if err != nil {
		return fmt.Errorf("pipeline: stream %s: %w", StreamDead, err)
	}
	if err := s.DeleteMsg(ctx, dl.Seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		return fmt.Errorf("pipeline: remove replayed dead letter #%d: %w", dl.Seq, err)
	}
	return nil
}

// DeadQuery selects dead letters: a stage ("" for every stage), at most
// Limit of them, and when Seqs is set only those stream sequences.
type DeadQuery struct {
	Stage string
	Limit int
	Seqs  []uint64
}

// SelectDeadLetters reads the dead letters q selects, oldest first: what
// `callscope dead list` and `dead replay` work on.
func SelectDeadLetters(ctx context.Context, js jetstream.JetStream, q DeadQuery) ([]DeadLetter, error) {
	all, err := DeadLetters(ctx, js, q.Stage, q.Limit)
	if err != nil || len(q.Seqs) == 0 {
		return all, err
	}
	var out []DeadLetter
	for _, d := range all {
		if slices.Contains(q.Seqs, d.Seq) {
			out = append(out, d)
		}
	}
	return out, nil
}

// Recording is the recording a dead job was about: the object key of an
// ingest, transcribe or analyze job, of a status, or of an S3
// notification; "" when the body names none.
func (d DeadLetter) Recording() string {
	var job struct {
		Audio    struct{ Key string } `json:"audio"`
		Analysis *struct {
			ObjectKey string `json:"object_key"`
		}
		Status *struct {
			ObjectKey string `json:"object_key"`
		}
		Records []struct {
			S3 struct {
				Object struct{ Key string } `json:"object"`
			} `json:"s3"`
		} `json:"Records"`
	}
	if json.Unmarshal(d.Data, &job) != nil {
		return ""
	}
	switch {
	case job.Audio.Key != "":
		return job.Audio.Key
	case job.Analysis != nil:
		return job.Analysis.ObjectKey
	case job.Status != nil:
		return job.Status.ObjectKey
	case len(job.Records) > 0:
		return job.Records[0].S3.Object.Key
	}
	return ""
}

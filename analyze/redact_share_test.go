package analyze

import (
	"context"
	"encoding/json"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

// memObjects is object storage in memory: the benchmark measures the
// stage's own work, not a network.
type memObjects map[string][]byte

func (m memObjects) ReadObject(_ context.Context, bucket, key string, _ int64) ([]byte, bool, error) {
	d, ok := m[bucket+"/"+key]
	return d, ok, nil
}

// msgPublisher makes each job's message as the queue's publisher does
// (pipeline.NewMsg: the store job's own encoder, the message id), short
// of sending it.
type msgPublisher struct{ bytes int }

func (p *msgPublisher) Publish(_ context.Context, job schemas.Job) error {
	m, err := pipeline.NewMsg(job)
	if err == nil {
		p.bytes += len(m.Data)
	}
	return err
}

// cloneTranscript copies tr, strings included: redaction reads a
// transcript the recognizer has just written, in the cache, not one the
// analyze stage's work has pushed out of it.
func cloneTranscript(tr schemas.Transcript) schemas.Transcript {
	out := tr
	out.Channels = make([]schemas.TranscriptChannel, len(tr.Channels))
	for ci, ch := range tr.Channels {
		c := ch
		c.Segments = make([]schemas.Segment, len(ch.Segments))
		for k, seg := range ch.Segments {
			seg.Text = strings.Clone(seg.Text)
			if seg.Words != nil {
				ws := make([]schemas.Word, len(seg.Words))
				for j, w := range seg.Words {
					w.W = strings.Clone(w.W)
					ws[j] = w
				}
				seg.Words = ws
			}
			c.Segments[k] = seg
		}
		out.Channels[ci] = c
	}
	return out
}

// storedTranscript is what the transcribe stage stores of tr: the redacted
// copy with its record of what was masked (Apply), which the analyze stage
// reads too (the operator's card data, pii_count).
func storedTranscript(b *testing.B, r *redact.Redactor, tr schemas.Transcript) []byte {
	b.Helper()
	red, err := r.Apply(tr)
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(red)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// shareCall is one call of BenchmarkRedactShare: the transcript as the
// recognizer made it (what redaction reads) and the analyze job of its
// redacted copy (what the analyze stage reads).
type shareCall struct {
	raw schemas.Transcript
	job []byte
}

// BenchmarkRedactShare measures what redaction costs against the analyze
// stage, per call: the redaction of the recognizer's transcript as the
// transcribe stage runs it (Redactor.Apply: the masked copy and its
// record of what was masked) and the analyze stage's whole work on the
// stored, redacted transcript, that record included (Stage.Handle: the
// job's and the transcript's JSON, the dictionaries, parameters and
// built-in scoring profile, the operator's card data and pii_count read
// from the record, the segments' search terms, the result's JSON for the
// store stage; storage and queue in memory). The two run in turn on each call, on one locked
// thread, and are timed by that thread's CPU clock (and by the wall
// clock): on a shared machine the CPU time is what each costs.
// redact-of-process-% divides instead by all the process's CPU time
// besides the redaction's and the copies': the stage with the garbage
// collection its allocations cause. A third piece that does nothing,
// timed the same way, measures what the timing itself costs (clock-cpu-
// µs/call, the ends of two clock reads); it is taken off both sides
// (raw-redact-% leaves it in). Redaction
// gets a fresh copy of the transcript each time (made untimed), as the
// transcribe stage hands it the recognizer's output; its own tables are
// as cold as the stage's work between leaves them. redact-%
// is the redaction's CPU time as a share of the stage's (the target is
// under 2); wall-% the same by wall time.
//
//	five_minute: the 5-minute call (750 words, no personal data)
//	demo_5min:   every call of testdata/calls and testdata/pii-calls,
//	             lengthened to 5 minutes of talk (padTo5Minutes): the
//	             operator's greeting with their name, three of 18
//	             dictating personal data; the realistic case
//	demo_calls:  the same calls as recorded (20-45 s each)
//	pii_calls:   the calls of testdata/pii-calls alone, as recorded (a
//	             card payment, a change of personal data: the costliest)
func BenchmarkRedactShare(b *testing.B) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		b.Fatal(err)
	}
	m := builtin(b)
	a := NewWith(Config{}, func() *match.Matcher { return m }, builtinProfiles(b))
	sets := shareSets(b)
	for _, set := range sets {
		b.Run(set.name, func(b *testing.B) {
			objs := memObjects{}
			var calls []shareCall
			for i, tr := range set.calls {
				key := filepath.Join("calls", string(rune('a'+i))+".transcript.json")
				objs["callscope-transcripts/"+key] = storedTranscript(b, r, tr)
				job, _ := json.Marshal(schemas.AnalyzeJob{CallID: "c", Audio: schemas.Object{Bucket: "calls", Key: key},
					Meta:        schemas.Metadata{Language: "ru", Operator: schemas.Operator{ID: "op-1", Department: "Поддержка"}},
					Transcript:  schemas.Object{Bucket: "callscope-transcripts", Key: key},
					RequestedAt: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)})
				calls = append(calls, shareCall{raw: tr, job: job})
			}
			pub := &msgPublisher{}
			stage := NewStage(StageConfig{}, a, objs, pub)
			ctx := context.Background()
			// Each side runs on a goroutine of its own, locked to its
			// thread: its thread's CPU clock times it, and the garbage
			// collector's assists charge each for its own allocations.
			redCPU, redWall := worker(func(c shareCall) { _, _ = r.Apply(c.raw) })
			redCPU.prepare = func(c shareCall) shareCall { c.raw = cloneTranscript(c.raw); return c }
			stageCPU, stageWall := worker(func(c shareCall) {
				if err := stage.Handle(ctx, c.job); err != nil {
					panic(err)
				}
			})
			// The clock's own cost: a piece that does nothing, timed the
			// same way (the ends of the two clock reads around it).
			floorCPU, floorWall := worker(func(shareCall) {})
			p0 := testenv.ProcessCPU()
			for b.Loop() {
				for _, c := range calls {
					redCPU.do(c)
					stageCPU.do(c)
					floorCPU.do(c)
				}
			}
			process := testenv.ProcessCPU() - p0
			redCPU.stop()
			stageCPU.stop()
			floorCPU.stop()
			n := float64(b.N * len(calls))
			// Each timed piece includes the clock's own cost (about
			// 0.8 µs here: the ends of two clock_gettime system calls),
			// which is neither redaction nor analysis: it is measured on
			// the empty piece and taken off both.
			floor, floorW := floorCPU.cpu, *floorWall
			red, stg := redCPU.cpu-floor, stageCPU.cpu-floor
			b.ReportMetric(100*float64(red)/float64(stg), "redact-%")
			b.ReportMetric(100*float64(*redWall-floorW)/float64(*stageWall-floorW), "wall-%")
			b.ReportMetric(float64(red.Nanoseconds())/n/1e3, "redact-cpu-µs/call")
			b.ReportMetric(float64(stg.Nanoseconds())/n/1e3, "stage-cpu-µs/call")
			b.ReportMetric(float64(floor.Nanoseconds())/n/1e3, "clock-cpu-µs/call")
			// As measured, the clock's cost left in (comparable with the
			// figures before it was taken off).
			b.ReportMetric(100*float64(redCPU.cpu)/float64(stageCPU.cpu), "raw-redact-%")
			// The process's CPU time besides the redaction's, the
			// copies' and the clocks': the stage and the collector's
			// background work, nearly all of it for the stage's garbage.
			b.ReportMetric(100*float64(red)/float64(process-redCPU.cpu-redCPU.prep-floorCPU.cpu-floor), "redact-of-process-%")
		})
	}
}

func padAll(trs []schemas.Transcript) []schemas.Transcript {
	out := make([]schemas.Transcript, len(trs))
	for i, tr := range trs {
		out[i] = fixtures.PadTo5Minutes(tr, uint64(i))
	}
	return out
}

// timedWorker runs work on its own goroutine locked to one thread and sums
// the thread CPU time and the wall time of each piece.
type timedWorker struct {
	// prepare, when set, runs before each piece, untimed.
	prepare func(shareCall) shareCall
	in      chan shareCall
	done    chan struct{}
	cpu     time.Duration
	wall    time.Duration
	prep    time.Duration // of prepare
}

func worker(f func(shareCall)) (*timedWorker, *time.Duration) {
	w := &timedWorker{in: make(chan shareCall), done: make(chan struct{})}
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for c := range w.in {
			if w.prepare != nil {
				p0 := testenv.ThreadCPU()
				c = w.prepare(c)
				w.prep += testenv.ThreadCPU() - p0
			}
			c0, w0 := testenv.ThreadCPU(), time.Now()
			f(c)
			w.cpu += testenv.ThreadCPU() - c0
			w.wall += time.Since(w0)
			w.done <- struct{}{}
		}
		close(w.done)
	}()
	return w, &w.wall
}

// do runs one piece and waits for it.
func (w *timedWorker) do(c shareCall) {
	w.in <- c
	<-w.done
}

func (w *timedWorker) stop() {
	close(w.in)
	<-w.done
}

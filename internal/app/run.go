package app

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// Upload puts the recordings at path (a WAV file or a directory of them),
// with the sidecar and transcript beside each, into the bucket. Keys are
// paths relative to the parent of path, so a directory's name becomes the
// key prefix ("calls/01.wav" for calls/01.wav) and a file's key is its own
// name. Companions
// go first, so an event-driven ingest finds the sidecar when the audio
// arrives; objects already stored with the same content are not sent again.
// It returns the number of recordings uploaded. A recording whose name S3
// cannot hold (objstore.CheckKey) is not uploaded: it is recorded as failed
// at ingest with the reason, under its name as objstore.PrintableKey
// writes it.
func Upload(ctx context.Context, env *Env, bucket, path string) (int, error) {
	st, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("upload: %w", err)
	}
	path = filepath.Clean(path)
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	root := filepath.Dir(path)
	var recordings []string
	if st.IsDir() {
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".wav") {
				recordings = append(recordings, p)
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("upload: %w", err)
		}
	} else {
		recordings = []string{path}
	}
	sort.Strings(recordings)
	var refused []schemas.Status
	for _, rec := range recordings {
		// A name S3 cannot list back as itself (a control character, not
		// UTF-8) is refused here, with a reason, and the others go on: in
		// the bucket it would be a recording no stage can find again.
		if rel, err := filepath.Rel(root, rec); err == nil {
			if err := objstore.CheckKey(filepath.ToSlash(rel)); err != nil {
				key := objstore.PrintableKey(filepath.ToSlash(rel))
				refused = append(refused, schemas.Status{
					ObjectKey: key, CallID: ingest.CallIDFromKey(key),
					Stage: schemas.StageIngest, State: schemas.StateFailed,
					Error: "refused at upload: " + err.Error(), Attempts: 1, At: time.Now().UTC(),
				})
				continue
			}
		}
		base := strings.TrimSuffix(rec, filepath.Ext(rec))
		for _, file := range []string{base + ".json", base + schemas.TranscriptSuffix, rec} {
			if _, err := os.Stat(file); err != nil && file != rec {
				continue
			}
			rel, err := filepath.Rel(root, file)
			if err != nil {
				return 0, err
			}
			if err := putIfChanged(ctx, env, bucket, filepath.ToSlash(rel), file); err != nil {
				return 0, err
			}
		}
	}
	if err := store.WriteStatuses(ctx, env.DB, refused); err != nil {
		return 0, fmt.Errorf("upload: record refused files: %w", err)
	}
	return len(recordings) - len(refused), nil
}

func putIfChanged(ctx context.Context, env *Env, bucket, key, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	sum := md5.Sum(data)
	if info, found, err := env.objects().StatObject(ctx, bucket, key); err == nil && found &&
		strings.EqualFold(info.ETag, hex.EncodeToString(sum[:])) {
		return nil
	}
	ctype := "application/octet-stream"
	switch {
	case strings.HasSuffix(key, ".json"):
		ctype = "application/json"
	case strings.HasSuffix(strings.ToLower(key), ".wav"):
		ctype = "audio/wav"
	}
	if err := env.objects().PutObject(ctx, bucket, key, data, ctype); err != nil {
		return fmt.Errorf("upload %s: %w", file, err)
	}
	return nil
}

// ScanPending publishes an ingest job for every recording in the bucket that
// has not been analysed at its current content, or whose sidecar or
// transcript is not the version its analysis read.
func ScanPending(ctx context.Context, env *Env, in *ingest.Ingester, bucket, run string) (ingest.ScanResult, error) {
	latest, err := store.LatestStatuses(ctx, env.DB)
	if err != nil {
		return ingest.ScanResult{}, err
	}
	return in.ScanWith(ctx, bucket, ingest.ScanOptions{Run: run,
		HasResult: func(key, etag string) bool {
			st, ok := latest[key]
			return ok && st.State == schemas.StateAnalysed && st.ETag == etag
		},
		// A sidecar or transcript added or changed since the analysis
		// (run again with it added or fixed) takes the recording again.
		Result: func(key string) (schemas.Inputs, time.Time) { return latest[key].Inputs, latest[key].At }})
}

// WaitDone waits until every key has a final state (analysed or failed)
// recorded at or after since (this process's clock: statuses are stamped by
// the stages it runs), reporting progress as it goes. It returns early if
// the workers stop (their error arrives on workersDone).
func WaitDone(ctx context.Context, env *Env, keys []string, since time.Time, progress func(analysed, failed int), workersDone <-chan error) error {
	return waitDone(ctx, env, keys, since, progress, workersDone, false)
}

// WaitQueued is WaitDone for keys whose jobs the caller has already
// published (run, a local scan), so that empty queues mean nothing more
// will come: it never waits for a recording that no stage holds a job
// for. Once every stage's queue has been empty for LostAfter, the keys
// still without a final state are recorded as failed (ErrLost) and count
// as failed. (WaitDone cannot do this: bucket notifications may still be
// on their way.)
func WaitQueued(ctx context.Context, env *Env, keys []string, since time.Time, progress func(analysed, failed int), workersDone <-chan error) error {
	return waitDone(ctx, env, keys, since, progress, workersDone, true)
}

func waitDone(ctx context.Context, env *Env, keys []string, since time.Time, progress func(analysed, failed int), workersDone <-chan error, queued bool) error {
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	var idleSince time.Time // when the queues were first seen empty, zero while busy
	for {
		// Queues first, statuses second: a status is written before its
		// job leaves the store queue, so empty queues seen before the
		// statuses were read mean every status there will be is in them.
		idle := queued && env.JS != nil && queuesEmpty(ctx, env)
		latest, err := store.LatestStatuses(ctx, env.DB)
		if err != nil {
			return err
		}
		analysed, failed := 0, 0
		var open []string
		for _, k := range keys {
			st, ok := latest[k]
			final := ok && !st.At.Before(since)
			switch {
			case final && st.State == schemas.StateAnalysed:
				analysed++
			case final && st.State == schemas.StateFailed:
				failed++
			default:
				open = append(open, k)
			}
		}
		progress(analysed, failed)
		if len(open) == 0 {
			return nil
		}
		switch {
		case !idle:
			idleSince = time.Time{}
		case idleSince.IsZero():
			idleSince = time.Now()
		case time.Since(idleSince) >= LostAfter:
			if err := recordLost(ctx, env, open, latest); err != nil {
				return err
			}
			idleSince = time.Time{}
			continue
		}
		if err := awaitTick(ctx, tick, workersDone); err != nil {
			return err
		}
	}
}

// LostAfter is how long WaitQueued lets every queue stay empty while
// recordings still have no final state before it records them as lost.
var LostAfter = 2 * time.Second

// ErrLost is the reason recorded for a recording no stage finished: its job
// left the queues without a final status (a notification or scan for an
// object the store could not find, a bug).
var ErrLost = errors.New("lost: no stage holds a job for this recording and none recorded a result")

func queuesEmpty(ctx context.Context, env *Env) bool {
	depths, err := pipeline.QueueDepths(ctx, env.JS, pipeline.Stages...)
	if err != nil || len(depths) < len(pipeline.Stages) {
		return false // a consumer not made yet holds nothing but will
	}
	for _, d := range depths {
		if d.Waiting > 0 || d.InFlight > 0 {
			return false
		}
	}
	return true
}

// recordLost writes a failed status for each key, at the stage it was last
// seen in.
func recordLost(ctx context.Context, env *Env, keys []string, latest map[string]schemas.Status) error {
	now := time.Now().UTC()
	lost := make([]schemas.Status, 0, len(keys))
	for _, k := range keys {
		st := latest[k]
		stage := st.Stage
		if stage == "" {
			stage = schemas.StageIngest
		}
		callID := st.CallID
		if callID == "" {
			callID = ingest.CallIDFromKey(k)
		}
		lost = append(lost, schemas.Status{
			ObjectKey: k, ETag: st.ETag, CallID: callID, Stage: stage, State: schemas.StateFailed,
			Error: ErrLost.Error() + "; run again to retry it", Attempts: max(st.Attempts, 1), At: now,
		})
	}
	return store.WriteStatuses(ctx, env.DB, lost)
}

// Summary is the final state of every recording the store knows.
type Summary struct {
	Analysed int
	Failed   []schemas.Status
	// Warned are the analysed calls whose metadata had warnings (a field
	// that looks misspelt, an implausible start time): kept, but worth a
	// look. At most MaxWarned, by call id; WarnedTotal counts them all.
	Warned      []CallWarning
	WarnedTotal int
}

// CallWarning is an analysed call and the warnings about its metadata
// (the tag schemas.WarningsTag of its latest analysis).
type CallWarning struct {
	CallID, ObjectKey, Warnings string
}

// MaxWarned caps the calls with warnings a summary lists.
const MaxWarned = 20

// Summarize counts analysed and failed recordings.
func Summarize(ctx context.Context, env *Env) (Summary, error) {
	latest, err := store.LatestStatuses(ctx, env.DB)
	if err != nil {
		return Summary{}, err
	}
	var s Summary
	for _, st := range latest {
		switch st.State {
		case schemas.StateAnalysed:
			s.Analysed++
		case schemas.StateFailed:
			s.Failed = append(s.Failed, st)
		}
	}
	sort.Slice(s.Failed, func(i, j int) bool { return s.Failed[i].ObjectKey < s.Failed[j].ObjectKey })
	s.Warned, s.WarnedTotal, err = warnedCalls(ctx, env.DB)
	return s, err
}

// warnedCalls finds the calls whose latest analysis carries metadata
// warnings: the first MaxWarned by call id, and how many there are.
func warnedCalls(ctx context.Context, db store.DB) ([]CallWarning, int, error) {
	rows, err := db.Query(ctx, `SELECT call_id, argMax(object_key, row_version) AS k,
       argMax(tag_values[indexOf(tag_keys, ?)], row_version) AS w
FROM calls WHERE has(tag_keys, ?) GROUP BY call_id HAVING w != '' ORDER BY call_id`, schemas.WarningsTag, schemas.WarningsTag)
	if err != nil {
		return nil, 0, fmt.Errorf("calls with metadata warnings: %w", err)
	}
	defer rows.Close()
	var out []CallWarning
	n := 0
	for rows.Next() {
		var c CallWarning
		if err := rows.Scan(&c.CallID, &c.ObjectKey, &c.Warnings); err != nil {
			return nil, 0, fmt.Errorf("calls with metadata warnings: %w", err)
		}
		if n++; len(out) < MaxWarned {
			out = append(out, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("calls with metadata warnings: %w", err)
	}
	return out, n, nil
}

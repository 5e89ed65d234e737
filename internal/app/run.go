package app

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/callscope/callscope/ingest"
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
// It returns the number of recordings.
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
	for _, rec := range recordings {
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
	return len(recordings), nil
}

func putIfChanged(ctx context.Context, env *Env, bucket, key, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	sum := md5.Sum(data)
	if info, found, err := (objectsAdapter{env.Objects}).StatObject(ctx, bucket, key); err == nil && found &&
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
	if err := (objectsAdapter{env.Objects}).PutObject(ctx, bucket, key, data, ctype); err != nil {
		return fmt.Errorf("upload %s: %w", file, err)
	}
	return nil
}

// ScanPending publishes an ingest job for every recording in the bucket that
// has not been analysed at its current content.
func ScanPending(ctx context.Context, env *Env, in *ingest.Ingester, bucket, run string) (ingest.ScanResult, error) {
	latest, err := store.LatestStatuses(ctx, env.DB)
	if err != nil {
		return ingest.ScanResult{}, err
	}
	return in.Scan(ctx, bucket, "", run, func(key, etag string) bool {
		st, ok := latest[key]
		return ok && st.State == schemas.StateAnalysed && st.ETag == etag
	})
}

// WaitDone waits until every key has a final state (analysed or failed)
// recorded at or after since (this process's clock: statuses are stamped by
// the stages it runs), reporting progress as it goes. It returns early if
// the workers stop (their error arrives on workersDone).
func WaitDone(ctx context.Context, env *Env, keys []string, since time.Time, progress func(analysed, failed int), workersDone <-chan error) error {
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		latest, err := store.LatestStatuses(ctx, env.DB)
		if err != nil {
			return err
		}
		analysed, failed := 0, 0
		for _, k := range keys {
			st, ok := latest[k]
			if !ok || st.At.Before(since) {
				continue
			}
			switch st.State {
			case schemas.StateAnalysed:
				analysed++
			case schemas.StateFailed:
				failed++
			}
		}
		progress(analysed, failed)
		if analysed+failed == len(keys) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-workersDone:
			if err == nil {
				err = fmt.Errorf("workers stopped")
			}
			return err
		case <-tick.C:
		}
	}
}

// Summary is the final state of every recording the store knows.
type Summary struct {
	Analysed int
	Failed   []schemas.Status
}

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
	return s, nil
}

package app

import (
	"context"
	"errors"
	"iter"
	"log/slog"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/embedded"
	"github.com/callscope/callscope/internal/objstore"
)

// objectsAdapter gives each stage the object-storage interface it declares
// (ingest.Objects, transcribe.Objects, analyze.TranscriptReader) over one
// objstore.Store. "Not found" becomes found=false: the stages treat a
// missing sidecar or transcript as an expected case, not an error.
type objectsAdapter struct {
	s *objstore.Store
	// files, when set (the embedded S3 server of this process), reads
	// objects from their files without an HTTP request.
	files objectFiles
}

// objectFiles reads objects from their files: embedded.S3 is one. An
// error wrapping embedded.ErrNotDirect sends the read to S3.
type objectFiles interface {
	ReadObject(bucket, key string, maxBytes int64) (data []byte, found bool, err error)
	ReadObjectVersion(bucket, key string, maxBytes int64) (data []byte, v embedded.Version, found bool, err error)
	ObjectVersion(bucket, key string) (v embedded.Version, found bool, err error)
}

// objects is the object-storage adapter of env.
func (e *Env) objects() objectsAdapter { return objectsAdapter{s: e.Objects, files: e.files} }

func (o objectsAdapter) ReadObject(ctx context.Context, bucket, key string, maxBytes int64) ([]byte, bool, error) {
	if o.files != nil {
		data, found, err := o.files.ReadObject(bucket, key, maxBytes)
		if !errors.Is(err, embedded.ErrNotDirect) {
			return data, found, err
		}
	}
	data, err := o.s.Get(ctx, bucket, key, maxBytes)
	if errors.Is(err, objstore.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return data, true, nil
}

// ReadObjectInfo is ReadObject with the version (ETag, modification
// time) of the bytes read: the same GET's.
func (o objectsAdapter) ReadObjectInfo(ctx context.Context, bucket, key string, maxBytes int64) ([]byte, ingest.ObjectInfo, bool, error) {
	if o.files != nil {
		data, v, found, err := o.files.ReadObjectVersion(bucket, key, maxBytes)
		if !errors.Is(err, embedded.ErrNotDirect) {
			return data, ingest.ObjectInfo{Key: key, ETag: v.ETag, Size: int64(len(data)), LastModified: v.Modified}, found, err
		}
	}
	data, info, err := o.s.GetWithInfo(ctx, bucket, key, maxBytes)
	if errors.Is(err, objstore.ErrNotFound) {
		return nil, ingest.ObjectInfo{}, false, nil
	}
	if err != nil {
		return nil, ingest.ObjectInfo{}, false, err
	}
	return data, objectInfo(info), true, nil
}

// ObjectVersion is a HEAD's ETag and time; the embedded server's are read
// from its files.
func (o objectsAdapter) ObjectVersion(ctx context.Context, bucket, key string) (ingest.ObjectInfo, bool, error) {
	if o.files != nil {
		v, found, err := o.files.ObjectVersion(bucket, key)
		if !errors.Is(err, embedded.ErrNotDirect) {
			return ingest.ObjectInfo{Key: key, ETag: v.ETag, LastModified: v.Modified}, found, err
		}
	}
	return o.StatObject(ctx, bucket, key)
}

func (o objectsAdapter) StatObject(ctx context.Context, bucket, key string) (ingest.ObjectInfo, bool, error) {
	info, err := o.s.Stat(ctx, bucket, key)
	if errors.Is(err, objstore.ErrNotFound) {
		return ingest.ObjectInfo{}, false, nil
	}
	if err != nil {
		return ingest.ObjectInfo{}, false, err
	}
	return objectInfo(info), true, nil
}

func (o objectsAdapter) ListObjects(ctx context.Context, bucket, prefix string) iter.Seq2[ingest.ObjectInfo, error] {
	return func(yield func(ingest.ObjectInfo, error) bool) {
		for info, err := range o.s.List(ctx, bucket, prefix) {
			if !yield(objectInfo(info), err) {
				return
			}
		}
	}
}

func (o objectsAdapter) PutObject(ctx context.Context, bucket, key string, data []byte, contentType string) error {
	_, err := o.s.Put(ctx, bucket, key, data, contentType, nil)
	return err
}

func objectInfo(i objstore.Info) ingest.ObjectInfo {
	return ingest.ObjectInfo{Key: i.Key, ETag: i.ETag, Size: i.Size, LastModified: i.LastModified, UserMetadata: i.UserMetadata}
}

// newAnalyzer loads the dictionaries and scoring profiles the configuration
// names (the built-in ones when it names none) and builds the analyzer.
// With a dictionaries directory and a reload interval it also returns a
// watcher that swaps in a changed set once it validates; the caller runs
// it.
func newAnalyzer(cfg config.Config, log *slog.Logger) (*analyze.Analyzer, *match.Watcher, error) {
	profiles, err := analyze.LoadProfiles(cfg.Scoring.Dir)
	if err != nil {
		return nil, nil, err
	}
	if cfg.Dictionaries.Dir != "" && cfg.Dictionaries.Reload > 0 {
		w, err := match.NewWatcher(cfg.Dictionaries.Dir, cfg.Dictionaries.Reload, cfg.Dictionaries.Models, log)
		if err != nil {
			return nil, nil, err
		}
		return analyze.NewWith(analyze.Config{}, w.Current, profiles), w, nil
	}
	m, err := analyze.LoadMatcher(cfg.Dictionaries.Dir, cfg.Dictionaries.Models)
	if err != nil {
		return nil, nil, err
	}
	return analyze.NewWith(analyze.Config{}, func() *match.Matcher { return m }, profiles), nil, nil
}

func (o objectsAdapter) RemoveObject(ctx context.Context, bucket, key string) error {
	return o.s.Remove(ctx, bucket, key)
}

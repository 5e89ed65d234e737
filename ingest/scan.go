package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/callscope/callscope/schemas"
)

// ScanResult counts what a scan found.
type ScanResult struct {
	Recordings int      // audio objects under the prefix
	Queued     []string // keys published for ingest
	Skipped    int      // recordings that already have a result
}

// ScanOptions choose what a scan enqueues.
type ScanOptions struct {
	// Prefix limits the scan to keys that start with it.
	Prefix string
	// Since, when set, skips objects last modified before it.
	Since time.Time
	// Run distinguishes this scan's jobs from an earlier scan's in
	// JetStream's de-duplication.
	Run string
	// HasResult reports whether a recording already has a result at this
	// content (it is then skipped); nil enqueues every recording.
	HasResult func(key, etag string) bool
	// Limit, when positive, stops after that many jobs.
	Limit int
	// Result, when set, says what the result HasResult found for a
	// recording was made with: the versions of its sidecar and transcript
	// (schemas.Inputs) and when it was recorded. Such a recording is
	// queued all the same when its sidecar, or its transcript with
	// Config.ImportsTranscripts, is in the bucket at another ETag than the
	// one the analysis read (inputsChanged). The listing gives the ETags,
	// so this costs no request, only memory for the .json keys' ETags
	// until the listing ends.
	Result func(key string) (inputs schemas.Inputs, at time.Time)
}

// listedInput is a sidecar's or transcript's version in a listing.
type listedInput struct {
	etag     string
	modified time.Time
}

// Scan lists the bucket and publishes an ingest job for every recording for
// which hasResult reports false: the backfill for archives and for bucket
// notifications that were missed. run distinguishes this scan's jobs from an
// earlier scan's in JetStream's de-duplication.
func (in *Ingester) Scan(ctx context.Context, bucket, prefix, run string, hasResult func(key, etag string) bool) (ScanResult, error) {
	return in.ScanWith(ctx, bucket, ScanOptions{Prefix: prefix, Run: run, HasResult: hasResult})
}

// ScanWith lists the bucket and publishes an ingest job for every recording
// the options select. Recordings modified before Since are neither counted
// nor queued.
func (in *Ingester) ScanWith(ctx context.Context, bucket string, opt ScanOptions) (ScanResult, error) {
	var res ScanResult
	prefix, run, hasResult := opt.Prefix, opt.Run, opt.HasResult
	// With Result: the versions of sidecars and transcripts, and the
	// recordings with a result, decided once the listing has given every
	// key (a recording's .json keys sort before or after it).
	inputs := map[string]listedInput{}
	var done []ObjectInfo
	for obj, err := range in.objects.ListObjects(ctx, bucket, prefix) {
		if err != nil {
			return res, fmt.Errorf("ingest: list s3://%s/%s: %w", bucket, prefix, err)
		}
		if !in.IsAudio(obj.Key) {
			// Only those modified since Since: an older one was in the
			// bucket before any recording the scan looks at, so their
			// analyses read it.
			if opt.Result != nil && strings.HasSuffix(obj.Key, ".json") && (opt.Since.IsZero() || !obj.LastModified.Before(opt.Since)) {
				inputs[obj.Key] = listedInput{etag: obj.ETag, modified: obj.LastModified}
			}
			continue
		}
		if !opt.Since.IsZero() && !obj.LastModified.IsZero() && obj.LastModified.Before(opt.Since) {
			continue
		}
		if opt.Limit > 0 && len(res.Queued) >= opt.Limit {
			break
		}
		res.Recordings++
		if hasResult != nil && hasResult(obj.Key, obj.ETag) {
			if opt.Result != nil {
				done = append(done, obj)
				continue
			}
			res.Skipped++
			continue
		}
		if err := in.queueScanned(ctx, bucket, obj, run, &res); err != nil {
			return res, err
		}
	}
	for _, obj := range done {
		recorded, at := opt.Result(obj.Key)
		if !in.inputsChanged(obj.Key, recorded, at, inputs) || (opt.Limit > 0 && len(res.Queued) >= opt.Limit) {
			res.Skipped++
			continue
		}
		in.cfg.Logger.Info("a sidecar or transcript differs from the one the recording's analysis read: the recording is queued again", "key", obj.Key)
		if err := in.queueScanned(ctx, bucket, obj, run, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

func (in *Ingester) queueScanned(ctx context.Context, bucket string, obj ObjectInfo, run string, res *ScanResult) error {
	job := schemas.IngestJob{Audio: schemas.Object{Bucket: bucket, Key: obj.Key, ETag: obj.ETag, Size: obj.Size}, Run: run}
	if err := in.pub.Publish(ctx, job); err != nil {
		return err
	}
	res.Queued = append(res.Queued, obj.Key)
	return nil
}

// inputsChanged reports whether the recording's sidecar (or, when
// transcripts are imported, its transcript) in the listing is another
// version than the one its analysis read: its ETag differs from the
// recorded one, or it is there and the analysis found none. An input the
// analysis read and that is gone since changes nothing (the analysis
// stands). For an analysis that recorded no version of an input (made
// before versions were recorded), or a listing without ETags, the
// listing's time decides: modified
// after the analysis. Times alone cannot decide: some servers list them to
// the second, and an input put in the same second as the analysis ended
// would be missed.
func (in *Ingester) inputsChanged(audioKey string, recorded schemas.Inputs, resultAt time.Time, listed map[string]listedInput) bool {
	type input struct{ key, recorded string }
	check := []input{{SidecarKey(audioKey), recorded.Sidecar}}
	if in.cfg.ImportsTranscripts {
		check = append(check, input{schemas.TranscriptKey(audioKey), recorded.Transcript})
	}
	for _, c := range check {
		l, ok := listed[c.key]
		switch {
		case !ok:
		case c.recorded == "" || l.etag == "":
			if !resultAt.IsZero() && l.modified.After(resultAt) {
				return true
			}
		case l.etag != c.recorded:
			return true
		}
	}
	return false
}

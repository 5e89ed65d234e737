package ingest

import (
	"context"
	"fmt"
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
	for obj, err := range in.objects.ListObjects(ctx, bucket, prefix) {
		if err != nil {
			return res, fmt.Errorf("ingest: list s3://%s/%s: %w", bucket, prefix, err)
		}
		if !in.IsAudio(obj.Key) {
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
			res.Skipped++
			continue
		}
		job := schemas.IngestJob{Audio: schemas.Object{Bucket: bucket, Key: obj.Key, ETag: obj.ETag, Size: obj.Size}, Run: run}
		if err := in.pub.Publish(ctx, job); err != nil {
			return res, err
		}
		res.Queued = append(res.Queued, obj.Key)
	}
	return res, nil
}

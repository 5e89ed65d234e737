package ingest

import (
	"context"
	"fmt"

	"github.com/callscope/callscope/pipeline"
)

// ScanResult counts what a scan found.
type ScanResult struct {
	Recordings int      // audio objects under the prefix
	Queued     []string // keys published for ingest
	Skipped    int      // recordings that already have a result
}

// Scan lists the bucket and publishes an ingest job for every recording for
// which hasResult reports false: the backfill for archives and for bucket
// notifications that were missed. run distinguishes this scan's jobs from an
// earlier scan's in JetStream's de-duplication.
func (in *Ingester) Scan(ctx context.Context, bucket, prefix, run string, hasResult func(key, etag string) bool) (ScanResult, error) {
	var res ScanResult
	for obj, err := range in.objects.ListObjects(ctx, bucket, prefix) {
		if err != nil {
			return res, fmt.Errorf("ingest: list s3://%s/%s: %w", bucket, prefix, err)
		}
		if !in.IsAudio(obj.Key) {
			continue
		}
		res.Recordings++
		if hasResult != nil && hasResult(obj.Key, obj.ETag) {
			res.Skipped++
			continue
		}
		job := pipeline.IngestJob{Audio: pipeline.Object{Bucket: bucket, Key: obj.Key, ETag: obj.ETag, Size: obj.Size}, Run: run}
		msgID := "ingest:" + bucket + "/" + obj.Key + ":" + obj.ETag + ":" + run
		if err := pipeline.Publish(ctx, in.js, pipeline.SubjectIngestScan, msgID, job); err != nil {
			return res, err
		}
		res.Queued = append(res.Queued, obj.Key)
	}
	return res, nil
}

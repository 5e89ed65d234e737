package ingest

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/callscope/callscope/schemas"
)

// NotifySuffixes are the key endings, beside the recordings', whose
// s3:ObjectCreated events ingest wants: sidecars (NAME.json) and transcripts
// (NAME.transcript.json), so that one arriving after its recording re-takes
// it (takeLate).
var NotifySuffixes = []string{".json"}

// recordingBase is the key of the recording that key (a sidecar
// NAME.json or a transcript NAME.transcript.json) belongs to, without the
// recording's extension; ok is false for any other key.
func recordingBase(key string) (base, kind string, ok bool) {
	if b, found := strings.CutSuffix(key, schemas.TranscriptSuffix); found && b != "" && !strings.HasSuffix(b, "/") {
		return b, "transcript", true
	}
	if b, found := strings.CutSuffix(key, ".json"); found && b != "" && !strings.HasSuffix(b, "/") {
		return b, "sidecar", true
	}
	return "", "", false
}

// takeLate handles the event of a sidecar or transcript. Ingest reads both
// when the recording's own event arrives; one uploaded after the recording
// would otherwise be ignored, and the call kept without its operator or
// failed for want of its transcript, silently. So when the recording is
// already in the bucket and is not newer than this object, the recording
// is taken again (take, with the origin of a bucket notification). The
// job's message id names the recording's content and its inputs (their
// ETags, and their times in notifiedOrigin): the recording's own event and
// this one, handled when both objects are in the bucket, or an event
// delivered twice, give the same id, and JetStream queues the recording
// once, as it queues a `reprocess` run's jobs once. The new analysis
// replaces the one made without them (the same recording; under a new
// call_id the store removes its call under the earlier one). Errors
// returned are transient (storage, NATS), or a *RecordingError for a bad
// sidecar.
//
// One listing of the keys that start with the recording's base gives both
// objects with their times to the millisecond (a HEAD gives whole
// seconds): a sidecar put just before its recording, the documented
// order, is told from one put just after.
func (in *Ingester) takeLate(ctx context.Context, bucket, key string) error {
	base, kind, ok := recordingBase(key)
	if !ok {
		return nil
	}
	if kind == "transcript" && !in.cfg.ImportsTranscripts {
		return nil // the ASR makes the transcript: one beside is not read
	}
	var late, rec ObjectInfo
	var foundLate, foundRec bool
	for obj, err := range in.objects.ListObjects(ctx, bucket, base+".") {
		if err != nil {
			return fmt.Errorf("ingest: list s3://%s/%s.: %w", bucket, base, err)
		}
		switch {
		case obj.Key == key:
			late, foundLate = obj, true
		case !foundRec && in.IsAudio(obj.Key) && strings.TrimSuffix(obj.Key, path.Ext(obj.Key)) == base:
			rec, foundRec = obj, true
		}
	}
	if !foundLate || !foundRec {
		// Deleted since; or the recording comes later, and its own event
		// reads this object.
		return nil
	}
	if late.LastModified.Before(rec.LastModified) {
		// Put before the recording (the documented order): the
		// recording's own event reads it.
		return nil
	}
	in.cfg.Logger.Info("a "+kind+" arrived after its recording: the recording is taken again", "key", key, "recording", rec.Key)
	// A listing carries no user metadata: take reads it with the object.
	audio := schemas.Object{Bucket: bucket, Key: rec.Key, ETag: rec.ETag, Size: rec.Size}
	return in.take(ctx, audio, nil, originS3, nil)
}

package ingest

import (
	"context"
	"fmt"
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
// already in the bucket and is older than this object, the recording is
// queued again as an ingest job, as `reprocess --status failed` queues one.
// The job's Run names the versions (ETags) of the sidecar and the
// transcript as they are now: the events of a sidecar and a transcript
// that both arrived late, or an event delivered twice, give the same
// message id, and JetStream queues the recording once. The new analysis
// replaces the one made without them (the same recording, the same
// call_id). Errors returned are transient (storage, NATS).
func (in *Ingester) takeLate(ctx context.Context, bucket, key string) error {
	base, kind, ok := recordingBase(key)
	if !ok {
		return nil
	}
	if kind == "transcript" && !in.cfg.ImportsTranscripts {
		return nil // the ASR makes the transcript: one beside is not read
	}
	late, found, err := in.objects.StatObject(ctx, bucket, key)
	if err != nil {
		return fmt.Errorf("ingest: stat %s: %w", objectURL(bucket, key), err)
	}
	if !found {
		return nil // deleted since
	}
	rec, found, err := in.findRecording(ctx, bucket, base)
	if err != nil || !found {
		// Not found: the recording comes later, and its own event reads
		// this object.
		return err
	}
	if late.LastModified.Before(rec.LastModified) {
		// Uploaded before the recording (the documented order): the
		// recording's own event reads it.
		return nil
	}
	in.cfg.Logger.Info("a "+kind+" arrived after its recording: the recording is taken again", "key", key, "recording", rec.Key)
	audio := schemas.Object{Bucket: bucket, Key: rec.Key, ETag: rec.ETag, Size: rec.Size}
	return in.take(ctx, audio, rec.UserMetadata, originS3, nil)
}

// findRecording finds the recording named base plus one of the audio
// suffixes (as configured, then in upper case: PBXes write .WAV).
func (in *Ingester) findRecording(ctx context.Context, bucket, base string) (ObjectInfo, bool, error) {
	seen := map[string]bool{}
	for _, s := range in.cfg.AudioSuffixes {
		for _, suffix := range []string{s, strings.ToLower(s), strings.ToUpper(s)} {
			k := base + suffix
			if seen[k] {
				continue
			}
			seen[k] = true
			info, found, err := in.objects.StatObject(ctx, bucket, k)
			if err != nil {
				return ObjectInfo{}, false, fmt.Errorf("ingest: stat %s: %w", objectURL(bucket, k), err)
			}
			if found {
				info.Key = k
				return info, true, nil
			}
		}
	}
	return ObjectInfo{}, false, nil
}

// Package ingest turns "a recording arrived" into a transcribe job. It reads
// the call's metadata from a sidecar JSON beside the audio (or from the
// object's user metadata), validates it, replaces the client's identifier by
// a keyed hash, and publishes the job. A recording whose metadata is broken
// is recorded as failed with the reason, never dropped.
package ingest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
)

// ObjectInfo describes a stored object.
type ObjectInfo struct {
	Key          string
	ETag         string
	Size         int64
	LastModified time.Time
	UserMetadata map[string]string
}

// Objects is what ingest needs from object storage.
type Objects interface {
	// ReadObjectInfo returns at most maxBytes of an object and the version
	// read: its ETag (unquoted, as a listing gives it) and modification
	// time (no user metadata); found is false when the object does not
	// exist.
	ReadObjectInfo(ctx context.Context, bucket, key string, maxBytes int64) (data []byte, info ObjectInfo, found bool, err error)
	StatObject(ctx context.Context, bucket, key string) (info ObjectInfo, found bool, err error)
	// ObjectVersion returns an object's ETag (unquoted) and modification
	// time; found is false when the object does not exist. It may cost
	// less than StatObject (no user metadata to fetch).
	ObjectVersion(ctx context.Context, bucket, key string) (info ObjectInfo, found bool, err error)
	ListObjects(ctx context.Context, bucket, prefix string) iter.Seq2[ObjectInfo, error]
}

// Config configures ingest.
type Config struct {
	// AudioSuffixes are the key endings taken as recordings (default .wav).
	AudioSuffixes []string
	// ClientIDKey keys the hash that replaces client identifiers.
	ClientIDKey []byte
	// PhoneTags says what happens to tags that hold a phone number
	// (default PhoneTagsHash); see Protect.
	PhoneTags PhoneTags
	// MaxSidecarBytes caps a sidecar's size (default MaxSidecarBytes).
	MaxSidecarBytes int64
	// ImportsTranscripts says the transcribe stage reads the transcript
	// beside the recording (asr.adapter import): a transcript that arrives
	// after its recording then queues the recording again, as a late
	// sidecar does.
	ImportsTranscripts bool
	Logger             *slog.Logger
}

// Ingester is the ingest stage.
type Ingester struct {
	cfg     Config
	objects Objects
	pub     Publisher
}

// Publisher is what the ingest stage needs from the job queue: to send
// the next stage's job and statuses. pipeline.Publisher is one; it gives
// every job its message id (pipeline.MsgID).
type Publisher interface {
	Publish(ctx context.Context, job schemas.Job) error
}

// DedupPublisher is a Publisher that also says whether the job was new:
// JetStream drops a job whose message id it saw within its duplicate
// window. Ingest sends no queued status for a dropped one: that status
// would be newer than the statuses of the job already running.
type DedupPublisher interface {
	Publisher
	PublishNew(ctx context.Context, job schemas.Job) (fresh bool, err error)
}

// New builds the ingest stage.
func New(cfg Config, objects Objects, pub Publisher) *Ingester {
	if len(cfg.AudioSuffixes) == 0 {
		cfg.AudioSuffixes = []string{".wav"}
	}
	if cfg.MaxSidecarBytes == 0 {
		cfg.MaxSidecarBytes = MaxSidecarBytes
	}
	if cfg.PhoneTags == "" {
		cfg.PhoneTags = PhoneTagsHash
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Ingester{cfg: cfg, objects: objects, pub: pub}
}

// IsAudio reports whether key names a recording (by its suffix).
func (in *Ingester) IsAudio(key string) bool {
	lower := strings.ToLower(key)
	for _, s := range in.cfg.AudioSuffixes {
		if strings.HasSuffix(lower, strings.ToLower(s)) {
			return true
		}
	}
	return false
}

// Handle processes one message from callscope.jobs.ingest.*: an S3 bucket
// notification or a scan job.
func (in *Ingester) Handle(ctx context.Context, d pipeline.Delivery) error {
	switch d.Subject {
	case pipeline.SubjectIngestScan:
		var job schemas.IngestJob
		if err := json.Unmarshal(d.Data, &job); err != nil {
			return pipeline.Permanent(fmt.Errorf("ingest: scan job is not valid JSON: %w", err))
		}
		return in.take(ctx, job.Audio, nil, "scan:"+job.Run, job.Transcript)
	default:
		events, err := ParseS3Event(d.Data)
		if err != nil {
			return pipeline.Permanent(fmt.Errorf("ingest: %w", err))
		}
		var broken []error // recordings with bad metadata: the others go on
		for _, ev := range events {
			if !strings.HasPrefix(ev.EventName, "s3:ObjectCreated") && ev.EventName != "" {
				continue
			}
			var err error
			if in.IsAudio(ev.Key) {
				obj := schemas.Object{Bucket: ev.Bucket, Key: ev.Key, ETag: ev.ETag, Size: ev.Size}
				err = in.take(ctx, obj, ev.UserMetadata, originS3, nil)
			} else {
				err = in.takeLate(ctx, ev.Bucket, ev.Key)
			}
			var rf *RecordingError
			if errors.As(err, &rf) {
				broken = append(broken, err)
				continue
			}
			if err != nil {
				return err
			}
		}
		return pipeline.Permanent(errors.Join(broken...))
	}
}

// originS3 marks a recording taken on a bucket notification (its own or,
// late, its sidecar's or transcript's); take completes it with the times
// of the sidecar and transcript it read (notifiedOrigin). Jobs of this
// origin differ only by the recording's ETag and the versions of its
// sidecar and transcript (their ETags in the inputs, their times in the
// origin), all in the message id (pipeline.MsgID): the events that find
// the same objects queue the recording once, a sidecar or transcript put
// after it was taken queues it again.
const originS3 = "s3:"

// take validates one recording and publishes its transcribe job (or, with
// a stored transcript, its analyze job). Broken metadata is a permanent
// *RecordingError (the job is dead-lettered, Fail records the recording as
// failed); other errors returned are transient (storage, NATS).
func (in *Ingester) take(ctx context.Context, audio schemas.Object, userMeta map[string]string, origin string, transcript *schemas.Object) error {
	if !in.IsAudio(audio.Key) {
		return nil // sidecars and transcripts arrive in the same bucket
	}
	if audio.ETag == "" || userMeta == nil {
		info, found, err := in.objects.StatObject(ctx, audio.Bucket, audio.Key)
		if err != nil {
			return fmt.Errorf("ingest: stat %s: %w", objectURL(audio.Bucket, audio.Key), err)
		}
		if !found {
			if origin == originS3 {
				// A notification of an object deleted since: nothing to do.
				in.cfg.Logger.Info("recording is gone; skipping", "key", audio.Key)
				return nil
			}
			// A scan listed it, so it was there: say why it ends here,
			// or whoever waits for it waits for ever.
			reason := fmt.Sprintf("%s: listed in the bucket but not found when read: deleted since the scan", objectURL(audio.Bucket, audio.Key))
			if strings.ContainsRune(audio.Key, utf8.RuneError) {
				reason = fmt.Sprintf("%s: listed in the bucket but not found when read: the listing replaced characters of its name by U+FFFD (a control character or invalid UTF-8 in the file name): rename the file", objectURL(audio.Bucket, audio.Key))
			}
			return in.status(ctx, schemas.Status{
				ObjectKey: audio.Key, ETag: audio.ETag, CallID: CallIDFromKey(audio.Key),
				Stage: schemas.StageIngest, State: schemas.StateFailed,
				Error: reason, Attempts: 1, At: time.Now().UTC(),
			})
		}
		audio.ETag, audio.Size = info.ETag, info.Size
		userMeta = info.UserMetadata
	}

	meta, sidecar, err := in.readMetadata(ctx, audio, userMeta)
	callID := meta.CallID
	if callID == "" {
		callID = CallIDFromKey(audio.Key)
	}
	if errors.Is(err, ErrBadMetadata) {
		// Broken metadata is the upload's fault: a permanent failure,
		// dead-lettered like a broken recording at any other stage (so
		// `dead replay` retries it once the sidecar is fixed) and
		// recorded as failed by Fail.
		return pipeline.Permanent(&RecordingError{Object: audio, CallID: callID, Err: err})
	}
	if err != nil {
		return err // storage: transient
	}
	meta.CallID = callID
	inputs := schemas.Inputs{Sidecar: versionETag(sidecar)}
	var tr *ObjectInfo
	if in.cfg.ImportsTranscripts && transcript == nil {
		if tr, err = in.transcriptVersion(ctx, audio); err != nil {
			return err
		}
		inputs.Transcript = versionETag(tr)
	}
	if origin == originS3 {
		origin = notifiedOrigin(sidecar, tr)
	}
	if w := meta.Tags[schemas.WarningsTag]; w != "" {
		// Kept with the call (a tag) and said here, where whoever runs
		// the workers looks.
		in.cfg.Logger.Warn("metadata warning; the call goes on", "key", audio.Key, "call_id", callID, "warnings", w)
	}
	in.protectClient(&meta)

	// The queued status is stamped before the job is published: a later
	// stage may fail the call within milliseconds, and its status must be
	// the newer one. It is sent only when the job is new: a job JetStream
	// drops as a duplicate is already queued or running, and a queued
	// status now would hide that job's own statuses.
	queuedAt := time.Now().UTC()
	var job schemas.Job = schemas.TranscribeJob{CallID: callID, Audio: audio, Meta: meta, Inputs: inputs, Origin: origin, RequestedAt: queuedAt}
	if transcript != nil {
		job = schemas.AnalyzeJob{CallID: callID, Audio: audio, Transcript: *transcript, Meta: meta, Inputs: inputs, Origin: origin, RequestedAt: queuedAt}
	}
	fresh, err := in.publishJob(ctx, job)
	if err != nil || !fresh {
		return err
	}
	return in.status(ctx, schemas.Status{
		ObjectKey: audio.Key, ETag: audio.ETag, CallID: callID,
		Stage: schemas.StageIngest, State: schemas.StateQueued, Attempts: 1, At: queuedAt,
	})
}

// publishJob publishes job and says whether it was new (see DedupPublisher;
// a plain Publisher's jobs are all new).
func (in *Ingester) publishJob(ctx context.Context, job schemas.Job) (fresh bool, err error) {
	if dp, ok := in.pub.(DedupPublisher); ok {
		return dp.PublishNew(ctx, job)
	}
	return true, in.pub.Publish(ctx, job)
}

// transcriptVersion is the version of the transcript beside the
// recording (asr.adapter import), nil when there is none. Its ETag goes
// into the job's inputs, and so into its message id (pipeline.MsgID): the
// recording's own event and a late transcript's event, handled when both
// are in the bucket, give the same id and queue the recording once, while
// a transcript put after the recording was taken gives a new one. One HEAD
// on an external server; the embedded one reads its files.
func (in *Ingester) transcriptVersion(ctx context.Context, audio schemas.Object) (*ObjectInfo, error) {
	k := schemas.TranscriptKey(audio.Key)
	info, found, err := in.objects.ObjectVersion(ctx, audio.Bucket, k)
	if err != nil {
		return nil, fmt.Errorf("ingest: stat %s: %w", objectURL(audio.Bucket, k), err)
	}
	if !found {
		return nil, nil
	}
	return &info, nil
}

// versionETag is the ETag of an input as schemas.Inputs records it.
func versionETag(v *ObjectInfo) string {
	if v == nil {
		return schemas.InputAbsent
	}
	return v.ETag
}

// notifiedOrigin is the origin of a recording taken on a bucket
// notification: the modification times (to the second, as a GET or HEAD
// gives them) of the sidecar and transcript read, which the message id
// holds beside their ETags. A sidecar changed and changed back within
// JetStream's duplicate window has the ETag of the first again, but not
// its time: the third take is not dropped as a duplicate of the first.
// The events that read the same objects still give one id.
func notifiedOrigin(sidecar, transcript *ObjectInfo) string {
	at := func(v *ObjectInfo) string {
		if v == nil || v.LastModified.IsZero() {
			return "-"
		}
		return strconv.FormatInt(v.LastModified.Unix(), 10)
	}
	return originS3 + "at:" + at(sidecar) + ":" + at(transcript)
}

// Fail records the recordings of an ingest job that will not be retried as
// failed with the reason. A notification that cannot be read names no
// recording: it is only dead-lettered (the worker does that), and the next
// `ingest scan` finds the recording.
func (in *Ingester) Fail(ctx context.Context, d pipeline.Delivery, cause error) error {
	if rfs := recordingErrors(cause); len(rfs) > 0 {
		// Only the recordings that failed, each with its own reason.
		for _, rf := range rfs {
			err := in.status(ctx, schemas.Status{
				ObjectKey: rf.Object.Key, ETag: rf.Object.ETag, CallID: rf.CallID,
				Stage: schemas.StageIngest, State: schemas.StateFailed,
				Error: rf.Err.Error(), Attempts: d.Attempt, At: time.Now().UTC(),
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
	var objs []schemas.Object
	if d.Subject == pipeline.SubjectIngestScan {
		var job schemas.IngestJob
		if json.Unmarshal(d.Data, &job) == nil && job.Audio.Key != "" {
			objs = append(objs, job.Audio)
		}
	} else if events, err := ParseS3Event(d.Data); err == nil {
		for _, ev := range events {
			objs = append(objs, schemas.Object{Bucket: ev.Bucket, Key: ev.Key, ETag: ev.ETag})
		}
	}
	for _, o := range objs {
		if !in.IsAudio(o.Key) {
			continue
		}
		err := in.status(ctx, schemas.Status{
			ObjectKey: o.Key, ETag: o.ETag, CallID: CallIDFromKey(o.Key),
			Stage: schemas.StageIngest, State: schemas.StateFailed,
			Error: cause.Error(), Attempts: d.Attempt, At: time.Now().UTC(),
		})
		if err != nil {
			return err
		}
	}
	if len(objs) == 0 {
		in.cfg.Logger.Warn("ingest job names no recording; dead-lettered only", "subject", d.Subject, "err", cause)
	}
	return nil
}

// RecordingError is the permanent failure of one recording of an ingest
// job: its metadata is broken (it wraps ErrBadMetadata). The job is
// dead-lettered and Fail records this recording as failed with Err.
type RecordingError struct {
	Object schemas.Object
	CallID string
	Err    error
}

func (e *RecordingError) Error() string { return e.Err.Error() }
func (e *RecordingError) Unwrap() error { return e.Err }

// recordingErrors finds every RecordingError in err's tree.
func recordingErrors(err error) []*RecordingError {
	var out []*RecordingError
	var walk func(error)
	walk = func(e error) {
		switch x := e.(type) {
		case nil:
		case *RecordingError:
			out = append(out, x)
		case interface{ Unwrap() []error }:
			for _, inner := range x.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	return out
}

// readMetadata prefers the sidecar <base>.json; without one it reads the
// object's user metadata. version is that of the sidecar read, nil
// without one.
func (in *Ingester) readMetadata(ctx context.Context, audio schemas.Object, userMeta map[string]string) (meta schemas.Metadata, version *ObjectInfo, err error) {
	sidecar := SidecarKey(audio.Key)
	data, info, found, err := in.objects.ReadObjectInfo(ctx, audio.Bucket, sidecar, in.cfg.MaxSidecarBytes+1)
	if err != nil {
		return schemas.Metadata{}, nil, fmt.Errorf("ingest: read sidecar %s: %w", objectURL(audio.Bucket, sidecar), err)
	}
	if found {
		if int64(len(data)) > in.cfg.MaxSidecarBytes {
			return schemas.Metadata{}, nil, fmt.Errorf("%w: %s: larger than %d bytes", ErrBadMetadata, objectURL(audio.Bucket, sidecar), in.cfg.MaxSidecarBytes)
		}
		meta, err = ParseMetadata(data, objectURL(audio.Bucket, sidecar))
		return meta, &info, err
	}
	meta, err = MetadataFromUser(userMeta, objectURL(audio.Bucket, audio.Key))
	return meta, nil, err
}

// protectClient replaces the client's raw identifier (a phone number), and
// tags that hold one, by a keyed hash: reports can still tell a repeat
// caller, nobody can read the number back.
func (in *Ingester) protectClient(m *schemas.Metadata) {
	Protect(m, in.cfg.ClientIDKey, in.cfg.PhoneTags)
}

// MaxSidecarBytes is the largest sidecar (NAME.json) callscope reads, in
// ingest and in `callscope analyze` alike.
const MaxSidecarBytes = 1 << 20

// HashClientID is the keyed hash (HMAC-SHA-256, 128 bits in hex) that
// replaces a client identifier. Digits-only normalization makes
// "+7 900 000-00-00" and "79000000000" the same client.
func HashClientID(key []byte, id string) string {
	norm := id
	if digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, id); len(digits) >= 5 && strings.Trim(id, "+-() 0123456789") == "" {
		norm = digits
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(norm))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// SidecarKey is the key of a recording's sidecar metadata: the same key with
// its extension replaced by .json (calls/0001.wav -> calls/0001.json).
func SidecarKey(audioKey string) string {
	return strings.TrimSuffix(audioKey, path.Ext(audioKey)) + ".json"
}

// CallIDFromKey derives a call id from a recording's key when the metadata
// has none: the key without its extension.
func CallIDFromKey(key string) string {
	return strings.TrimSuffix(key, path.Ext(key))
}

func objectURL(bucket, key string) string { return "s3://" + bucket + "/" + key }

func (in *Ingester) status(ctx context.Context, st schemas.Status) error {
	return in.pub.Publish(ctx, schemas.StoreJob{Status: &st})
}

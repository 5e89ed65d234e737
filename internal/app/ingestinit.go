package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// AudioSuffixes are the key endings of recordings that bucket notification
// rules are set for (S3 suffix filters are case-sensitive); InitIngest sets
// rules for ingest.NotifySuffixes too (sidecars and transcripts).
var AudioSuffixes = []string{".wav", ".WAV"}

// NotifySuffixes are the key endings the bucket's notification rules are
// set for: the recordings' and their sidecars' and transcripts' (one that
// arrives after its recording queues the recording again).
func NotifySuffixes() []string {
	return append(append([]string{}, AudioSuffixes...), ingest.NotifySuffixes...)
}

// ErrNotifyTarget means the object store does not know the notification
// target s3.notify_arn names (MinIO: no MINIO_NOTIFY_NATS_*_<ID> settings
// for that ID), or no ARN is configured.
var ErrNotifyTarget = errors.New("bucket notification target unknown to the object store")

// InitResult says what InitIngest set up.
type InitResult struct {
	Streams   []string
	Consumers []string
	// Rules are the suffixes whose s3:ObjectCreated events now go to ARN;
	// empty when no rule could be set (see the error).
	Rules []string
	ARN   string
}

// InitIngest creates the streams, the stages' durable consumers and the
// bucket's notification rules (s3:ObjectCreated:* of the audio suffixes and
// of .json, sidecars and transcripts, to s3.notify_arn). Everything it does is idempotent. Without an ARN, or with
// one the object store does not know, the streams and consumers are still
// made and the error wraps ErrNotifyTarget.
func InitIngest(ctx context.Context, env *Env, cfg config.Config) (InitResult, error) {
	res := InitResult{Streams: []string{pipeline.StreamJobs, pipeline.StreamDead}, ARN: cfg.S3.NotifyARN}
	for _, c := range consumerConfigs(cfg.Workers) {
		if _, err := pipeline.EnsureConsumer(ctx, env.JS, c.stage, c.subject, c.consumer); err != nil {
			return res, err
		}
		res.Consumers = append(res.Consumers, "callscope-"+c.stage)
	}
	arn := cfg.S3.NotifyARN
	if arn == "" {
		return res, fmt.Errorf("%w: s3.notify_arn is empty", ErrNotifyTarget)
	}
	suffixes := NotifySuffixes()
	if err := env.Objects.NotifyNATS(ctx, cfg.S3.Bucket, arn, suffixes...); err != nil {
		msg := strings.ToLower(err.Error())
		// MinIO: "A specified destination ARN does not exist or is not
		// well-formed."
		if strings.Contains(msg, "arn") && (strings.Contains(msg, "does not exist") || strings.Contains(msg, "not found") ||
			strings.Contains(msg, "not well-formed") || strings.Contains(msg, "unknown")) {
			return res, fmt.Errorf("%w: %s: %w", ErrNotifyTarget, arn, err)
		}
		return res, err
	}
	res.Rules = suffixes
	return res, nil
}

// MinIONotifySettings are the MinIO server settings that make it publish a
// bucket's events to callscope's NATS subject, for a target ID (the ARN is
// then arn:minio:sqs::<ID>:nats).
func MinIONotifySettings(id, natsAddr, queueDir string) string {
	if id == "" {
		id = "CALLSCOPE"
	}
	var b strings.Builder
	for _, kv := range [][2]string{
		{"ENABLE", "on"},
		{"ADDRESS", natsAddr},
		{"SUBJECT", pipeline.SubjectIngestS3},
		{"JETSTREAM", "on"},
		{"QUEUE_DIR", queueDir},
	} {
		fmt.Fprintf(&b, "MINIO_NOTIFY_NATS_%s_%s=%s\n", kv[0], id, kv[1])
	}
	return b.String()
}

// ARNTargetID is the target ID in a MinIO ARN (arn:minio:sqs::ID:nats), or
// "" when arn is not one.
func ARNTargetID(arn string) string {
	parts := strings.Split(arn, ":")
	if len(parts) == 6 && parts[0] == "arn" && parts[1] == "minio" && parts[5] == "nats" {
		return parts[4]
	}
	return ""
}

// ScanOptions choose what ScanPendingWith queues.
type ScanOptions struct {
	Prefix string
	Since  time.Time
	Run    string
}

// ScanPendingWith lists the bucket under a prefix and queues every
// recording, modified at or after Since, that has not been analysed at its
// current content, or whose sidecar or transcript is not the version its
// analysis read (a late one whose notification was missed).
func ScanPendingWith(ctx context.Context, env *Env, in *ingest.Ingester, bucket string, opt ScanOptions) (ingest.ScanResult, error) {
	latest, err := store.LatestStatuses(ctx, env.DB)
	if err != nil {
		return ingest.ScanResult{}, err
	}
	return in.ScanWith(ctx, bucket, ingest.ScanOptions{Prefix: opt.Prefix, Since: opt.Since, Run: opt.Run,
		HasResult: func(key, etag string) bool {
			st, ok := latest[key]
			return ok && st.State == schemas.StateAnalysed && st.ETag == etag
		},
		Result: func(key string) (schemas.Inputs, time.Time) { return latest[key].Inputs, latest[key].At }})
}

// NewIngester builds the ingest stage alone (for scans that only publish).
func NewIngester(cfg config.Config, env *Env, log *slog.Logger) *ingest.Ingester {
	icfg, _ := ingestConfig(cfg, log) // a scan only publishes: the phone-tag mode is not used
	icfg.ClientIDKey, icfg.Logger = []byte(cfg.Privacy.ClientIDKey), log
	return ingest.New(icfg, env.objects(), pipeline.NewPublisher(env.JS))
}

// Embedded reports whether the configuration leaves a server to embed:
// commands then start it in-process and run the stages themselves.
func Embedded(cfg config.Config) bool {
	return cfg.NATS.URL == "" || cfg.S3.Endpoint == "" || cfg.ClickHouse.DSN == ""
}

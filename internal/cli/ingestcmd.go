package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/internal/config"
)

func init() { registerCommand(newIngestCmd) }

func newIngestCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ingest",
		Short: "Set up event-driven ingest, or queue what the bucket holds",
		Long: `ingest init prepares the production path: the NATS streams and the stages'
durable consumers, and the bucket's notification rule that makes the object
store publish every new recording to NATS.

ingest scan lists the bucket and queues every recording that has no result
yet: the backfill for archives and for notifications that were missed (an
outage, a bucket without a rule). Run it after any outage.`,
	}
	cmd.AddCommand(newIngestInitCmd(g), newIngestScanCmd(g))
	return cmd
}

type ingestInitOptions struct{ g *globals }

func newIngestInitCmd(g *globals) *cobra.Command {
	opts := &ingestInitOptions{g: g}
	cmd := &cobra.Command{
		Use:   "init --nats URL --s3 HOST:PORT --clickhouse DSN --notify-arn ARN",
		Short: "Create the streams, consumers and the bucket's notification rule",
		Long: `init creates (or updates; it is idempotent) the CALLSCOPE_JOBS work-queue
stream, the CALLSCOPE_DEAD dead-letter stream, the durable consumer of every
stage, the ClickHouse schema, both buckets, and a notification rule on the
recordings bucket that sends s3:ObjectCreated:* events of .wav/.WAV keys to
the target s3.notify_arn.

MinIO must know that target: it is configured on the MinIO server with
MINIO_NOTIFY_NATS_*_<ID> settings (the ARN is arn:minio:sqs::<ID>:nats).
When no ARN is given or MinIO does not know it, init prints the settings to
put on the MinIO server and fails; set them, restart MinIO, run init again.`,
		Example: `  callscope ingest init --nats nats://nats:4222 --s3 minio:9000 \
    --clickhouse clickhouse://default:@ch:9000/callscope --notify-arn arn:minio:sqs::CALLSCOPE:nats`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runIngestInit(cmd.Context(), opts) },
	}
	bindServers(g, cmd)
	g.bind(cmd.Flags(), "notify-arn", "s3.notify_arn", "", "notification target of the bucket, e.g. arn:minio:sqs::CALLSCOPE:nats")
	return cmd
}

func bindServers(g *globals, cmd *cobra.Command) {
	g.bind(cmd.Flags(), "nats", "nats.url", "", "NATS server URL")
	g.bind(cmd.Flags(), "s3", "s3.endpoint", "", "S3 endpoint host:port")
	g.bind(cmd.Flags(), "clickhouse", "clickhouse.dsn", "", "ClickHouse DSN")
}

func runIngestInit(ctx context.Context, opts *ingestInitOptions) error {
	g := opts.g
	cfg := g.cfg
	env, err := app.Connect(ctx, cfg, g.log)
	if err != nil {
		return err
	}
	defer env.Close()
	res, err := app.InitIngest(ctx, env, cfg)
	fmt.Fprintf(g.out, "streams:   %s\nconsumers: %s\n", strings.Join(res.Streams, ", "), strings.Join(res.Consumers, ", "))
	if errors.Is(err, app.ErrNotifyTarget) {
		id := app.ARNTargetID(cfg.S3.NotifyARN)
		if id == "" {
			id = "CALLSCOPE"
		}
		fmt.Fprintf(g.out, `
The object store does not know the notification target %q.
Give the MinIO server these settings (environment), restart it, and run
'callscope ingest init --notify-arn arn:minio:sqs::%s:nats' again:

%s
QUEUE_DIR keeps events on MinIO's disk while NATS is unreachable; without it
they are lost (run 'callscope ingest scan' after an outage either way).
`, cfg.S3.NotifyARN, id, app.MinIONotifySettings(id, natsHostPort(cfg.NATS.URL), "/var/lib/minio/events"))
		return err
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(g.out, "bucket:    s3://%s: s3:ObjectCreated:* of %s -> %s (subject %s)\n",
		cfg.S3.Bucket, strings.Join(res.Rules, ", "), res.ARN, "callscope.jobs.ingest.s3")
	return nil
}

// natsHostPort is the host:port MinIO's NATS target wants (no scheme), from
// the first URL of nats.url.
func natsHostPort(urls string) string {
	first, _, _ := strings.Cut(urls, ",")
	if u, err := url.Parse(strings.TrimSpace(first)); err == nil && u.Host != "" {
		return u.Host
	}
	return "nats.internal:4222"
}

type ingestScanOptions struct {
	g       *globals
	prefix  string
	since   string
	timeout time.Duration
}

func newIngestScanCmd(g *globals) *cobra.Command {
	opts := &ingestScanOptions{g: g}
	cmd := &cobra.Command{
		Use:   "scan [--prefix P] [--since T]",
		Short: "Queue every recording in the bucket that has no result yet",
		Long: `scan lists the recordings bucket (under --prefix, modified at or after
--since) and queues every recording that is not analysed at its current
content: recordings never seen, failed ones, ones whose content changed,
and ones whose sidecar (or imported transcript) is not the one their
analysis read.

Against external servers (nats.url, s3.endpoint and clickhouse.dsn all set)
it only queues: running workers do the work. On the embedded default
(--data DIR) it also runs the stages and waits until the queued recordings
are analysed or failed.

--since takes an RFC 3339 time, a date (2026-11-20, UTC), or a duration
back from now (36h).`,
		Example: `  callscope ingest scan --nats nats://nats:4222 --s3 minio:9000 --clickhouse clickhouse://ch:9000/callscope --since 36h
  callscope ingest scan --data .callscope --prefix 2026/11/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runIngestScan(cmd.Context(), opts) },
	}
	bindServers(g, cmd)
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded servers")
	cmd.Flags().StringVar(&opts.prefix, "prefix", "", "only keys that start with this")
	cmd.Flags().StringVar(&opts.since, "since", "", "only objects modified at or after this time, date or duration ago")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", 30*time.Minute, "embedded: give up waiting for the calls after this long")
	return cmd
}

// ErrBadTime is wrapped by errors about a time flag.
var ErrBadTime = app.ErrBadTime

// parseSince reads --since, --from and --to (app.ParseSince).
func parseSince(s string, now time.Time) (time.Time, error) { return app.ParseSince(s, now) }

func runIngestScan(ctx context.Context, opts *ingestScanOptions) error {
	g := opts.g
	cfg := g.cfg
	since, err := parseSince(opts.since, time.Now())
	if err != nil {
		return fmt.Errorf("--since: %w", err)
	}
	start := time.Now()
	runID := fmt.Sprintf("scan-%d", start.UnixNano())
	if !app.Embedded(cfg) {
		env, err := app.Connect(ctx, cfg, g.log)
		if err != nil {
			return err
		}
		defer env.Close()
		res, err := app.ScanPendingWith(ctx, env, app.NewIngester(cfg, env, g.log), cfg.S3.Bucket, app.ScanOptions{Prefix: opts.prefix, Since: since, Run: runID})
		if err != nil {
			return err
		}
		fmt.Fprintf(g.out, "%d recordings, %d already analysed, %d queued\n", res.Recordings, res.Skipped, len(res.Queued))
		return nil
	}

	local, err := startLocal(ctx, g, &cfg)
	if err != nil {
		return err
	}
	defer local.close()
	res, err := app.ScanPendingWith(ctx, local.env, local.stages.Ingest, cfg.S3.Bucket, app.ScanOptions{Prefix: opts.prefix, Since: since, Run: runID})
	if err != nil {
		_ = local.stop()
		return err
	}
	fmt.Fprintf(g.errOut, "callscope: %d recordings, %d already analysed, %d queued\n", res.Recordings, res.Skipped, len(res.Queued))
	waitCtx, cancel := context.WithTimeout(ctx, opts.timeout)
	defer cancel()
	bar := newProgress(g.errOut, len(res.Queued))
	werr := app.WaitQueued(waitCtx, local.env, res.Queued, start, bar.update, local.done)
	bar.finish()
	if serr := local.stop(); werr == nil {
		werr = serr
	}
	if werr != nil {
		return werr
	}
	sum, err := app.Summarize(ctx, local.env)
	if err != nil {
		return err
	}
	writeSummary(g.out, sum)
	return nil
}

// localStages are the embedded servers and the stages of a command that
// does the work itself (the one-machine default).
type localStages struct {
	env    *app.Env
	stages *app.Stages
	// done receives the stages' error if they stop on their own (for
	// WaitDone); finished is closed when they have stopped, err set.
	done     chan error
	finished chan struct{}
	err      error
	cancel   context.CancelFunc
	close    func()
}

// startLocal starts the embedded servers that cfg does not name and the
// stage workers, like `run` does.
func startLocal(ctx context.Context, g *globals, cfg *config.Config) (*localStages, error) {
	if d := cfg.DataDir; d != "" {
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil, err
		}
		cfg.DataDir = abs
	}
	env, err := app.StartEmbedded(ctx, cfg, g.log)
	if err != nil {
		return nil, err
	}
	stageLog := g.log
	if cfg.Log.Level == "" || strings.EqualFold(cfg.Log.Level, "info") {
		stageLog = newLogger(g.errOut, config.Log{Level: "warn", Format: cfg.Log.Format})
	}
	stages, err := app.NewStages(*cfg, env, stageLog)
	if err != nil {
		env.Close()
		return nil, err
	}
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	l := &localStages{env: env, stages: stages, done: make(chan error, 1), finished: make(chan struct{}), cancel: cancel}
	go func() {
		l.err = stages.Run(sctx)
		l.done <- l.err
		close(l.finished)
	}()
	l.close = func() {
		_ = l.stop()
		env.Close()
	}
	return l, nil
}

// stop stops the stages (the jobs in hand finish) and returns their error.
func (l *localStages) stop() error {
	l.cancel()
	<-l.finished
	return l.err
}

package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
)

type workerOptions struct{ g *globals }

func newWorkerCmd(g *globals) *cobra.Command {
	opts := &workerOptions{g: g}
	cmd := &cobra.Command{
		Use:   "worker --nats URL --s3 HOST:PORT --clickhouse DSN",
		Short: "Run the pipeline stages against external NATS, S3 and ClickHouse",
		Long: `worker runs every stage (ingest, transcribe, analyze, store) against external
servers: a NATS cluster with JetStream, S3-compatible object storage (MinIO,
AWS S3, Ceph...) and a ClickHouse server over the native protocol. Start as
many workers on as many machines as the load needs: they share the work
through durable JetStream consumers, and a job a worker dies on is
delivered to another.

Recordings arrive as S3 bucket notifications that the object store
publishes to the subject callscope.jobs.ingest.s3 (see docs/servers.md for
MinIO's settings). The worker stops gracefully on SIGTERM or Ctrl-C: jobs
in hand are finished and acknowledged (a job waiting for a server that is
away is handed back), and the store batch in hand is written.

A job a stage gives up on (after workers.max_deliver attempts, or at once
when the input itself is broken) is copied to callscope.dead.<stage> and
recorded as failed with the reason. With workers.health_addr set, the
worker serves /healthz and Prometheus /metrics there (see
docs/operations.md).`,
		Example: `  callscope worker --nats nats://127.0.0.1:4222 --s3 127.0.0.1:9100 \
    --clickhouse clickhouse://default:@127.0.0.1:9000/default`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWorker(cmd.Context(), opts)
		},
	}
	g.bind(cmd.Flags(), "nats", "nats.url", "", "NATS server URL")
	g.bind(cmd.Flags(), "s3", "s3.endpoint", "", "S3 endpoint host:port")
	g.bind(cmd.Flags(), "clickhouse", "clickhouse.dsn", "", "ClickHouse DSN")
	g.bind(cmd.Flags(), "health-addr", "workers.health_addr", "", "address of /healthz and /metrics, e.g. :9464")
	return cmd
}

func runWorker(ctx context.Context, opts *workerOptions) error {
	g := opts.g
	if err := app.CheckServers(g.cfg); err != nil {
		return err
	}
	// Without a secret key a phone number's hash can be reversed by trying
	// every number; every worker must use the same key so that a client's
	// calls stay linked.
	if g.cfg.Privacy.ClientIDKey == "" {
		return errors.New("privacy.client_id_key is empty: set CALLSCOPE_PRIVACY_CLIENT_ID_KEY to the same secret on every worker (client numbers are stored only as a keyed hash)")
	}
	env, err := app.Connect(ctx, g.cfg, g.log)
	if err != nil {
		return err
	}
	defer env.Close()
	if arn := g.cfg.S3.NotifyARN; arn != "" {
		if err := env.Objects.NotifyNATS(ctx, g.cfg.S3.Bucket, arn, app.NotifySuffixes()...); err != nil {
			return fmt.Errorf("bucket notifications: %w", err)
		}
	}
	stages, err := app.NewStages(g.cfg, env, g.log)
	if err != nil {
		return err
	}
	health := ""
	if addr := g.cfg.Workers.HealthAddr; addr != "" {
		bound, err := app.ServeHealth(ctx, addr, env, stages.Metrics, g.log)
		if err != nil {
			return err
		}
		health = ", health and metrics on http://" + bound
	}
	fmt.Fprintf(g.errOut, "callscope worker: NATS %s, S3 %s, ClickHouse %s%s; stop with Ctrl-C\n", env.NATSURL, env.S3Endpoint, env.DSNForDisplay, health)
	return stages.Run(ctx)
}

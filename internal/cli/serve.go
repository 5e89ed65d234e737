package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
)

func init() { registerCommand(newServeCmd) }

type serveOptions struct {
	g       *globals
	workers bool
}

func newServeCmd(g *globals) *cobra.Command {
	opts := &serveOptions{g: g}
	cmd := &cobra.Command{
		Use:   "serve [--data DIR | --nats URL --s3 HOST:PORT --clickhouse DSN [--workers]] [--http ADDR]",
		Short: "Serve the web UI and the JSON API, with users, roles and an audit trail",
		Long: `serve runs callscope as an always-on server: the web UI at /, the JSON API
under /api/v1/ (docs/api.md), /healthz, /readyz and Prometheus /metrics.

With --data (or no servers named) it is the one-machine default: an embedded
NATS, S3 and ClickHouse as in 'run', and the stage workers running all the
time, so a recording put into the bucket is analysed as it arrives. The
embedded S3 server listens on --s3-listen (default: a free loopback port)
with the s3.access_key / s3.secret_key credentials, for a PBX or an
uploader.

With --nats, --s3 and --clickhouse it serves the API over those servers;
--workers runs the stages in the same process too, so API servers and
workers can be scaled separately.

Users log in with the accounts of 'callscope users' (DATA/users.yaml or
server.users), or come through a trusted reverse proxy (server.
trusted_proxies, server.proxy_groups): see docs/security.md. Without TLS
(--tls-cert, --tls-key) the server listens only on loopback unless
--allow-remote says a TLS proxy is in front. Stop it with Ctrl-C or
SIGTERM: requests and jobs in hand are finished.`,
		Example: `  callscope users add --data .callscope anna --role manager --listen
  callscope serve --data .callscope
  callscope serve --nats nats://nats:4222 --s3 minio:9000 --clickhouse clickhouse://reader:pw@ch:9000/callscope \
    --http 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), opts)
		},
	}
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded servers")
	g.bind(cmd.Flags(), "nats", "nats.url", "", "NATS server URL (with --s3 and --clickhouse: no embedded servers)")
	g.bind(cmd.Flags(), "s3", "s3.endpoint", "", "S3 endpoint host:port")
	g.bind(cmd.Flags(), "clickhouse", "clickhouse.dsn", "", "ClickHouse DSN")
	g.bind(cmd.Flags(), "http", "server.http", "", "address of the web UI and API (default 127.0.0.1:8080)")
	g.bind(cmd.Flags(), "tls-cert", "server.tls_cert", "", "TLS certificate (PEM)")
	g.bind(cmd.Flags(), "tls-key", "server.tls_key", "", "TLS private key (PEM)")
	g.bind(cmd.Flags(), "allow-remote", "server.allow_remote", "", "listen beyond loopback without TLS (true/false)")
	g.bind(cmd.Flags(), "users", "server.users", "", "users file (default DATA/users.yaml)")
	g.bind(cmd.Flags(), "s3-listen", "server.s3_listen", "", "address of the embedded S3 server, e.g. 0.0.0.0:9100")
	cmd.Flags().BoolVar(&opts.workers, "workers", false, "with external servers: run the stage workers in this process too")
	return cmd
}

func runServe(ctx context.Context, opts *serveOptions) error {
	g := opts.g
	cfg := g.cfg
	external := cfg.NATS.URL != "" && cfg.S3.Endpoint != "" && cfg.ClickHouse.DSN != ""
	srv, err := app.StartServe(ctx, cfg, app.ServeOptions{Embedded: !external, Workers: opts.workers}, g.log)
	if err != nil {
		return err
	}
	defer srv.Close()
	users, _ := srv.Users.List()
	mode := "API only"
	if srv.Stages != nil {
		mode = "API and workers"
	}
	fmt.Fprintf(g.errOut, "callscope serve: %s on %s (NATS %s, S3 %s, ClickHouse %s); %d users in %s; stop with Ctrl-C\n",
		mode, srv.URL(), srv.Env.NATSURL, srv.Env.S3Endpoint, srv.Env.DSNForDisplay, len(users), srv.Users.Path())
	if len(users) == 0 && len(cfg.Server.TrustedProxies) == 0 {
		fmt.Fprintf(g.errOut, "callscope serve: no users yet: add one with 'callscope users add NAME --role admin --data %s'\n", cfg.DataDir)
	}
	return srv.Run(ctx)
}

package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/embedded"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/safefile"
	"github.com/callscope/callscope/internal/secrets"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/store"
)

// Env is what a process works with: NATS, object storage and ClickHouse,
// connected and ready (stream, buckets and schema in place).
type Env struct {
	NC      *nats.Conn
	JS      jetstream.JetStream
	Objects *objstore.Store
	DB      store.DB

	NATSURL, S3Endpoint, DSNForDisplay string

	// files reads objects of the embedded S3 server from their files
	// (nil with an external S3).
	files objectFiles

	closers []func()
}

// Close disconnects and stops embedded servers, in reverse order of start.
func (e *Env) Close() {
	for i := len(e.closers) - 1; i >= 0; i-- {
		e.closers[i]()
	}
	e.closers = nil
}

// StartEmbedded prepares the one-machine default: every server that the
// configuration does not name is started in this process with its data
// under cfg.DataDir. cfg is completed with what was started (DSN, client
// id key) so the stages see the same settings.
func StartEmbedded(ctx context.Context, cfg *config.Config, log *slog.Logger) (*Env, error) {
	return StartEmbeddedWith(ctx, cfg, log, EmbedOptions{})
}

// embeddedGCPercent is the garbage collector's target (GOGC) of a process
// running the embedded servers, unless the GOGC environment variable says
// otherwise. The embedded NATS server keeps its message blocks' caches
// behind weak pointers, which every collection drops: a busy pipeline then
// re-reads blocks from disk to append or delete a job, on top of the
// collections' own cost. At 200 an analysis-only reprocess of 200,000
// calls took 457 CPU-µs a call against 577 at Go's default of 100
// (BenchmarkReprocessAnalyze), for a larger heap between collections.
const embeddedGCPercent = 200

// tuneGC sets embeddedGCPercent unless GOGC is set.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(embeddedGCPercent)
	}
}

// EmbedOptions change how the embedded servers start.
type EmbedOptions struct {
	// S3Listen is the HOST:PORT of the embedded S3 server; empty is a free
	// loopback port.
	S3Listen string
	// S3Events makes the embedded S3 server publish an event for every new
	// object to the ingest subject, so recordings are processed as they
	// arrive (`serve`).
	S3Events bool
}

// StartEmbeddedWith is StartEmbedded with options.
func StartEmbeddedWith(ctx context.Context, cfg *config.Config, log *slog.Logger, o EmbedOptions) (*Env, error) {
	dir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("data dir %s: %w", cfg.DataDir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	// Said plainly and at once: the servers would fail on it later, NATS
	// after a 30 s wait and chDB as "is another process using it?".
	if err := safefile.CheckWritable(dir); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	cfg.DataDir = dir
	tuneGC()
	// The embedded S3 server (versitygw's posix backend) changes the
	// process's working directory until it stops: every relative path in
	// the configuration must be resolved first.
	if d := cfg.Dictionaries.Dir; d != "" {
		if cfg.Dictionaries.Dir, err = filepath.Abs(d); err != nil {
			return nil, fmt.Errorf("dictionaries dir %s: %w", d, err)
		}
	}
	if cfg.Privacy.ClientIDKey == "" {
		key, err := clientIDKey(filepath.Join(dir, "client-id.key"))
		if err != nil {
			return nil, err
		}
		cfg.Privacy.ClientIDKey = key
	}

	env := &Env{}
	fail := func(err error) (*Env, error) {
		env.Close()
		return nil, err
	}
	if cfg.NATS.URL == "" {
		ns, err := embedded.StartNATS(embedded.NATSConfig{Dir: filepath.Join(dir, "nats")})
		if err != nil {
			return fail(err)
		}
		env.closers = append(env.closers, ns.Shutdown)
		cfg.NATS.URL = ns.ClientURL()
	}
	if cfg.S3.Endpoint == "" {
		s3cfg := embedded.S3Config{
			Dir: filepath.Join(dir, "objects"), AccessKey: cfg.S3.AccessKey, SecretKey: cfg.S3.SecretKey,
			Log: log,
		}
		if o.S3Listen != "" {
			host, port, err := net.SplitHostPort(o.S3Listen)
			n, perr := strconv.Atoi(port)
			if err != nil || perr != nil {
				return fail(fmt.Errorf("server.s3_listen %q: want HOST:PORT", o.S3Listen))
			}
			s3cfg.Host, s3cfg.Port = host, n
		}
		if o.S3Events {
			s3cfg.EventsNATSURL, s3cfg.EventsSubject = cfg.NATS.URL, pipeline.SubjectIngestS3
		}
		s3, err := embedded.StartS3(s3cfg)
		if err != nil {
			return fail(err)
		}
		env.closers = append(env.closers, func() { _ = s3.Close() })
		cfg.S3.Endpoint = s3.Endpoint()
		env.files = s3
	}
	if cfg.ClickHouse.DSN, err = ClickHouseDSN(*cfg); err != nil {
		return fail(err)
	}
	if err := env.connect(ctx, *cfg, log); err != nil {
		return fail(err)
	}
	return env, nil
}

// ClickHouseDSN is the ClickHouse of the configuration: clickhouse.dsn, else
// the embedded engine in DATA/clickhouse. The one rule, so the commands
// that open the database without starting the servers (report, calls,
// migrate, bench) find what `run` and `serve` wrote.
func ClickHouseDSN(cfg config.Config) (string, error) {
	if cfg.ClickHouse.DSN != "" {
		return cfg.ClickHouse.DSN, nil
	}
	dir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return "", fmt.Errorf("data dir %s: %w", cfg.DataDir, err)
	}
	return "chdb://" + filepath.Join(dir, "clickhouse"), nil
}

// Open is the servers a command works on: the external ones when the
// configuration names them all (Connect), else the embedded ones of the
// data directory for those it does not (StartEmbedded, which completes
// cfg).
func Open(ctx context.Context, cfg *config.Config, log *slog.Logger) (*Env, error) {
	if Embedded(*cfg) {
		return StartEmbedded(ctx, cfg, log)
	}
	return Connect(ctx, *cfg, log)
}

// Connect connects to external servers named by the configuration.
func Connect(ctx context.Context, cfg config.Config, log *slog.Logger) (*Env, error) {
	if err := CheckServers(cfg); err != nil {
		return nil, err
	}
	env := &Env{}
	if err := env.connect(ctx, cfg, log); err != nil {
		env.Close()
		return nil, err
	}
	return env, nil
}

// CheckServers reports every external server the configuration fails to
// name, in one error.
func CheckServers(cfg config.Config) error {
	var missing []string
	if cfg.NATS.URL == "" {
		missing = append(missing, "--nats (nats.url)")
	}
	if cfg.S3.Endpoint == "" {
		missing = append(missing, "--s3 (s3.endpoint)")
	}
	if cfg.ClickHouse.DSN == "" {
		missing = append(missing, "--clickhouse (clickhouse.dsn)")
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	return nil
}

func (e *Env) connect(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	e.NATSURL, e.S3Endpoint, e.DSNForDisplay = secrets.MaskURL(cfg.NATS.URL), secrets.MaskURL(cfg.S3.Endpoint), RedactDSN(cfg.ClickHouse.DSN)

	nc, err := nats.Connect(cfg.NATS.URL, nats.Name("callscope"), nats.Timeout(5*time.Second),
		nats.MaxReconnects(-1), nats.RetryOnFailedConnect(false))
	if err != nil {
		return fmt.Errorf("nats %s: %w", e.NATSURL, secrets.Scrub(err, cfg.NATS.URL))
	}
	e.closers = append(e.closers, func() { _ = nc.Drain() })
	e.NC = nc
	if e.JS, err = jetstream.New(nc); err != nil {
		return fmt.Errorf("nats %s: jetstream: %w", e.NATSURL, secrets.Scrub(err, cfg.NATS.URL))
	}
	if err := pipeline.EnsureStream(ctx, e.JS, pipeline.StreamConfig{Replicas: cfg.NATS.Replicas}); err != nil {
		return fmt.Errorf("nats %s: %w", e.NATSURL, secrets.Scrub(err, cfg.NATS.URL))
	}

	e.Objects, err = objstore.New(objstore.Config{
		Endpoint: cfg.S3.Endpoint, AccessKey: cfg.S3.AccessKey, SecretKey: cfg.S3.SecretKey,
		Region: cfg.S3.Region, Secure: cfg.S3.Secure,
	})
	if err != nil {
		return err
	}
	e.closers = append(e.closers, e.Objects.Close) // before an embedded S3 server stops: see Close
	buckets := []string{cfg.S3.Bucket, cfg.S3.TranscriptsBucket}
	if cfg.Privacy.AudioBucket != "" {
		buckets = append(buckets, cfg.Privacy.AudioBucket)
		if cfg.Privacy.OriginalAudio == "restrict" {
			buckets = append(buckets, cfg.Privacy.RestrictedBucket)
		}
	}
	for _, b := range buckets {
		if err := e.Objects.EnsureBucket(ctx, b); err != nil {
			return err
		}
	}

	db, err := store.Open(ctx, cfg.ClickHouse.DSN)
	if err != nil {
		return err
	}
	e.closers = append(e.closers, func() { _ = db.Close() })
	e.DB = db
	if err := store.Migrate(ctx, db); err != nil {
		return err
	}
	log.Debug("connected", "nats", e.NATSURL, "s3", e.S3Endpoint, "clickhouse", e.DSNForDisplay)
	return nil
}

// RedactDSN hides the password of a DSN for messages.
func RedactDSN(dsn string) string { return secrets.MaskURL(dsn) }

// clientIDKey reads the data dir's client-id hash key, creating it once.
func clientIDKey(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err == nil {
		return strings.TrimSpace(string(data)), nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("client id key %s: %w", path, err)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	key := hex.EncodeToString(b)
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("client id key %s: %w", path, err)
	}
	return key, nil
}

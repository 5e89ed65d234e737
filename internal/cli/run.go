package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
)

type runOptions struct {
	g       *globals
	paths   []string
	timeout time.Duration
}

func newRunCmd(g *globals) *cobra.Command {
	opts := &runOptions{g: g}
	cmd := &cobra.Command{
		Use:   "run [--data DIR] [PATH...]",
		Short: "Analyse calls on this machine with embedded servers and print a slice report",
		Long: `run is the one-machine default. In one process it starts an embedded NATS
JetStream server, an embedded S3 server (versitygw, files under DIR/objects)
and the embedded ClickHouse engine (chDB, under DIR/clickhouse). It uploads
the WAV files given as PATHs (files or directories) with their sidecar
metadata (NAME.json) and transcripts (NAME.transcript.json) into the bucket,
or takes what is already there, and sends every recording that has no
result yet through ingest -> transcribe -> analyze -> store over NATS,
exactly as separate workers would. It waits until every call is analysed or
failed, prints a slice report per operator and a summary line, and exits.

Running it again on the same data directory changes no count: a recording
already analysed at the same content, with the same sidecar and transcript,
is not analysed again; one whose sidecar was added or changed is.

Settings given in the configuration (nats.url, s3.endpoint, clickhouse.dsn)
replace the matching embedded server with an external one.`,
		Example: `  callscope run --data .callscope testdata/calls
  callscope run --data /srv/callscope          # what is already in the bucket`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runRun(cmd.Context(), opts)
		},
	}
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded servers")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", 30*time.Minute, "give up waiting for the calls after this long")
	return cmd
}

func runRun(ctx context.Context, opts *runOptions) error {
	g := opts.g
	cfg := g.cfg
	start := time.Now()
	// Absolute paths first: an embedded engine may change the working
	// directory as it starts.
	for i, p := range opts.paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if _, err := os.Stat(abs); err != nil {
			return fmt.Errorf("run: %w", err)
		}
		opts.paths[i] = abs
	}
	env, err := app.StartEmbedded(ctx, &cfg, g.log)
	if err != nil {
		return err
	}
	defer env.Close()
	fmt.Fprintf(g.errOut, "callscope: data in %s (NATS %s, S3 %s, ClickHouse %s) ready in %s\n",
		cfg.DataDir, env.NATSURL, env.S3Endpoint, env.DSNForDisplay, time.Since(start).Round(time.Millisecond))

	for _, p := range opts.paths {
		n, err := app.Upload(ctx, env, cfg.S3.Bucket, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(g.errOut, "callscope: %s: %d recordings in the bucket\n", p, n)
	}

	// Per-job messages would scroll the progress line away and run lists
	// every failure in its summary, so the stages log warnings and worse
	// unless --log-level debug asks for everything.
	stageLog := g.log
	if cfg.Log.Level == "" || strings.EqualFold(cfg.Log.Level, "info") {
		stageLog = newLogger(g.errOut, config.Log{Level: "warn", Format: cfg.Log.Format})
	}
	stages, err := app.NewStages(cfg, env, stageLog)
	if err != nil {
		return err
	}
	stageCtx, stopStages := context.WithCancel(ctx)
	stagesDone := make(chan error, 1)
	go func() { stagesDone <- stages.Run(stageCtx) }()
	stop := func() error {
		stopStages()
		return <-stagesDone
	}

	runID := fmt.Sprintf("run-%d", start.UnixNano())
	scan, err := app.ScanPending(ctx, env, stages.Ingest, cfg.S3.Bucket, runID)
	if err != nil {
		_ = stop()
		return err
	}
	fmt.Fprintf(g.errOut, "callscope: %d recordings, %d already analysed, %d queued\n", scan.Recordings, scan.Skipped, len(scan.Queued))

	waitCtx, cancelWait := context.WithTimeout(ctx, opts.timeout)
	defer cancelWait()
	progress := newProgress(g.errOut, len(scan.Queued))
	werr := app.WaitQueued(waitCtx, env, scan.Queued, start, progress.update, stagesDone)
	progress.finish()
	if serr := stop(); werr == nil && serr != nil {
		werr = serr
	}
	if werr != nil {
		if errors.Is(werr, context.DeadlineExceeded) {
			return fmt.Errorf("calls not finished after %s: %w", opts.timeout, werr)
		}
		return werr
	}

	rows, err := report.ByOperator(ctx, env.DB, report.Options{})
	if err != nil {
		return err
	}
	if err := report.WriteTable(g.out, rows); err != nil {
		return err
	}
	sum, err := app.Summarize(ctx, env)
	if err != nil {
		return err
	}
	writeSummary(g.out, sum)
	return nil
}

// writeSummary prints "N analysed, M failed" and each failure's reason.
func writeSummary(w io.Writer, s app.Summary) {
	fmt.Fprintf(w, "\n%d calls: %d analysed, %d failed\n", s.Analysed+len(s.Failed), s.Analysed, len(s.Failed))
	for _, f := range s.Failed {
		fmt.Fprintf(w, "  failed  %s  [%s] %s\n", report.TerminalText(f.ObjectKey), f.Stage, report.TerminalText(f.Error))
	}
	if s.WarnedTotal == 0 {
		return
	}
	// Kept, but the call may lack its operator or sit on a wrong day:
	// say so where the user looks after a run.
	fmt.Fprintf(w, "%d analysed with metadata warnings (kept; callscope show CALL_ID):\n", s.WarnedTotal)
	for _, c := range s.Warned {
		fmt.Fprintf(w, "  warning %s  %s\n", report.TerminalText(c.CallID), report.TerminalText(c.Warnings))
	}
	if more := s.WarnedTotal - len(s.Warned); more > 0 {
		fmt.Fprintf(w, "  ... and %d more: callscope calls --filter 'tag.%s != \"\"'\n", more, schemas.WarningsTag)
	}
}

// progress shows how many calls are done while run waits: one rewritten
// line on a terminal, a line per change otherwise.
type progress struct {
	w     io.Writer
	total int
	tty   bool
	last  string
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, tty: isTerminal(w)}
}

func (p *progress) update(analysed, failed int) {
	done := analysed + failed
	bar := ""
	if p.total > 0 {
		filled := 30 * done / p.total
		bar = "[" + strings.Repeat("#", filled) + strings.Repeat(".", 30-filled) + "] "
	}
	line := fmt.Sprintf("callscope: %s%d/%d done (%d analysed, %d failed)", bar, done, p.total, analysed, failed)
	if line == p.last {
		return
	}
	p.last = line
	if p.tty {
		fmt.Fprintf(p.w, "\r%s", line)
	} else {
		fmt.Fprintln(p.w, line)
	}
}

func (p *progress) finish() {
	if p.tty && p.last != "" {
		fmt.Fprintln(p.w)
	}
}

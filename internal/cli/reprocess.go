package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

func init() { registerCommand(newReprocessCmd) }

// analysisCallsPerSecond is what one 2-core machine analyses per second when
// reprocessing without ASR (BenchmarkReprocessAnalyze, embedded servers):
// the basis of the dry run's estimate.
const analysisCallsPerSecond = 1000

type reprocessOptions struct {
	g                     *globals
	from, to              string
	operators, depts      []string
	categories            []string
	status                string
	dictVersion, staleDic string
	filter, tz            string
	stage                 string
	reread, dryRun        bool
	rate                  float64
	run                   string
	timeout               time.Duration
}

func newReprocessCmd(g *globals) *cobra.Command {
	opts := &reprocessOptions{g: g}
	cmd := &cobra.Command{
		Use:   "reprocess [selection flags] [--stage analyze|transcribe] [--dry-run] [--rate N] [--run ID]",
		Short: "Re-queue archived calls: analysis only (new dictionaries) or ASR again",
		Long: `reprocess selects archived calls from ClickHouse (each call's latest
analysis) and queues them again:

  --stage analyze     reuse the stored transcripts: no ASR (after a dictionary
                      or scoring change); the metadata comes from the stored
                      analysis, or from the sidecar again with --reread-metadata
  --stage transcribe  run ASR again: the recording goes through ingest, which
                      re-reads its metadata

Without --stage, archived calls go to analyze and failed recordings
(--status failed) to transcribe: most failures (a bad sidecar, audio that
does not decode, a missing transcript) happened before any transcript was
stored, so analysis alone would fail them again.

Selection flags combine with AND; repeatable ones match any of their values.
--filter takes the expressions of callscope report and calls (callscope calls
--fields lists them) and applies to each call's latest analysis.
--status failed selects recordings whose latest state is failed instead
(only --from/--to apply to them: the time of the failure).

--dry-run prints how many calls and an estimate, and queues nothing; with
--status failed it lists them by stage and reason too. The real
run shows a progress bar with rate and ETA (plain lines when stderr is not a
terminal), saves a checkpoint after every page under DATA/reprocess/<run>.json,
and can be interrupted (Ctrl-C) and resumed with --run <id>; --rate caps the
jobs queued per second.

Against external servers (nats.url, s3.endpoint, clickhouse.dsn all set) it
only queues: the workers do the work. On the embedded default (--data DIR)
it runs the stages too and waits until the queue is empty.`,
		Example: `  callscope reprocess --data .callscope --stale-dictionary $(callscope dict version) --dry-run
  callscope reprocess --department Поддержка --from 2026-11-01 --to 2026-12-01 --stage analyze --rate 500
  callscope reprocess --filter 'has complaint and score < 3' --from 2026-11-01 --stage analyze
  callscope reprocess --status failed --stage transcribe
  callscope reprocess --run rp-20261120-101500      # resume an interrupted run`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.stage = reprocessStage(opts.stage, opts.status)
			return runReprocess(cmd.Context(), opts)
		},
	}
	bindServers(g, cmd)
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory (embedded servers, checkpoints)")
	f := cmd.Flags()
	f.StringVar(&opts.from, "from", "", "calls started at or after this time or date (UTC)")
	f.StringVar(&opts.to, "to", "", "calls started before this time or date (UTC)")
	f.StringSliceVar(&opts.operators, "operator", nil, "operator id (repeatable)")
	f.StringSliceVar(&opts.depts, "department", nil, "department (repeatable)")
	f.StringSliceVar(&opts.categories, "category", nil, "calls with a hit in this dictionary category (repeatable)")
	f.StringVar(&opts.status, "status", "analysed", "analysed (archived calls) or failed (recordings that failed)")
	f.StringVar(&opts.dictVersion, "dictionary-version", "", "calls last analysed with this dictionary version")
	f.StringVar(&opts.staleDic, "stale-dictionary", "", "calls last analysed with any dictionary version but this one")
	f.StringVar(&opts.filter, "filter", "", "calls whose latest analysis matches this filter expression (see callscope calls --fields)")
	f.StringVar(&opts.tz, "tz", "UTC", "time zone of dates, days and hours in --filter (IANA name, e.g. Europe/Moscow)")
	f.StringVar(&opts.stage, "stage", "", "analyze (reuse transcripts) or transcribe (ASR again); default: analyze, transcribe with --status failed")
	f.BoolVar(&opts.reread, "reread-metadata", false, "analyze: read the sidecar metadata again instead of the stored values")
	f.BoolVar(&opts.dryRun, "dry-run", false, "print how many calls and an estimate; queue nothing")
	f.Float64Var(&opts.rate, "rate", 0, "queue at most N calls per second (0: no limit)")
	f.StringVar(&opts.run, "run", "", "run id: resumes the run's checkpoint if it exists (default: a new id)")
	f.DurationVar(&opts.timeout, "timeout", 24*time.Hour, "embedded: give up waiting for the calls after this long")
	return cmd
}

func (o *reprocessOptions) selection() (store.Selection, error) {
	return app.ReprocessRequest{From: o.from, To: o.to, Status: o.status, Operators: o.operators, Departments: o.depts,
		Categories: o.categories, DictionaryVersion: o.dictVersion, StaleDictionary: o.staleDic,
		Filter: o.filter, TZ: o.tz, Stage: o.stage}.Selection(time.Now())
}

func runReprocess(ctx context.Context, opts *reprocessOptions) error {
	g := opts.g
	cfg := g.cfg
	sel, err := opts.selection()
	if err != nil {
		return err
	}
	dataDir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return err
	}
	cfg.DataDir = dataDir
	checkpoints := filepath.Join(dataDir, "reprocess")
	run := opts.run
	if run == "" {
		run = "rp-" + time.Now().UTC().Format("20060102-150405")
	}
	if _, _, err := app.LoadCheckpoint(checkpoints, run); err != nil {
		return err
	}

	embedded := app.Embedded(cfg)
	var env *app.Env
	var local *localStages
	if embedded && !opts.dryRun {
		if local, err = startLocal(ctx, g, &cfg); err != nil {
			return err
		}
		defer local.close()
		env = local.env
	} else if embedded {
		if env, err = app.StartEmbedded(ctx, &cfg, g.log); err != nil {
			return err
		}
		defer env.Close()
	} else {
		if env, err = app.Connect(ctx, cfg, g.log); err != nil {
			return err
		}
		defer env.Close()
	}

	// A category no dictionary and no stored call has would select no
	// call: say so rather than "0 calls".
	known := withDictionaryCategories(ctx, g)
	if err := report.CheckFilterCategories(known, env.DB, opts.filter); err != nil {
		return err
	}
	if err := report.CheckCategoryFlag(known, env.DB, "category", opts.categories); err != nil {
		return err
	}
	if opts.dryRun {
		n, seconds, err := store.SelectionSize(ctx, env.DB, sel)
		if err != nil {
			return err
		}
		var reasons []store.FailureReason
		if sel.Failed {
			// What failed and why, before queueing it again: the failure
			// report of the operator who fixed the uploader or the sidecars.
			if reasons, err = store.FailureReasons(ctx, env.DB, sel.From, sel.To); err != nil {
				return err
			}
		}
		writeEstimate(g.out, n, seconds, opts.stage, sel.Failed, reasons)
		return nil
	}

	start := time.Now()
	bar := newRateBar(g.errOut, "queued")
	res, err := app.Reprocess(ctx, env, app.ReprocessOptions{
		Selection: sel, Stage: opts.stage, RereadMetadata: opts.reread, Run: run,
		CheckpointDir: checkpoints, Rate: opts.rate,
		Bucket: cfg.S3.Bucket, TranscriptsBucket: cfg.S3.TranscriptsBucket,
		Progress: func(published, total uint64) { bar.update(published, total) },
	})
	bar.finish()
	if res.Resumed {
		fmt.Fprintf(g.errOut, "callscope: resumed run %s (stage %s, %d of %d calls queued before)\n", run, res.Stage, res.Published-res.PublishedNow, res.Total)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) || ctx.Err() != nil {
			return fmt.Errorf("interrupted after %d of %d calls queued; resume with: callscope reprocess --run %s", res.Published, res.Total, run)
		}
		return err
	}
	fmt.Fprintf(g.errOut, "callscope: run %s: %d calls queued at stage %s (%d now) in %s\n", run, res.Published, res.Stage, res.PublishedNow, time.Since(start).Round(time.Millisecond))
	if local == nil {
		fmt.Fprintf(g.out, "%d calls queued; the workers do the work\n", res.Published)
		return nil
	}

	waitCtx, cancel := context.WithTimeout(ctx, opts.timeout)
	defer cancel()
	done := newRateBar(g.errOut, "done")
	werr := app.WaitDrained(waitCtx, env, start, func(analysed, failed uint64) { done.update(analysed+failed, res.PublishedNow) }, local.done)
	done.finish()
	if serr := local.stop(); werr == nil {
		werr = serr
	}
	if werr != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted; the queued calls stay in DATA/nats and are done on the next run over %s (e.g. callscope reprocess --run %s)", dataDir, run)
		}
		return werr
	}
	analysed, failed, err := store.FinishedSince(ctx, env.DB, start)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.out, "%d calls reprocessed in %s: %d analysed, %d failed\n", res.PublishedNow, time.Since(start).Round(time.Millisecond), analysed, failed)
	return nil
}

// reprocessStage is the stage to re-queue at: the one asked for, else
// transcribe for failed recordings (re-reading the sidecar and the audio
// is what fixes them) and analyze for archived calls.
func reprocessStage(stage, status string) string {
	switch {
	case stage != "":
		return stage
	case status == "failed":
		return app.ReprocessTranscribe
	}
	return app.ReprocessAnalyze
}

func writeEstimate(w io.Writer, n uint64, seconds float64, stage string, failed bool, reasons []store.FailureReason) {
	what := "calls"
	if failed {
		what = "failed recordings"
	}
	fmt.Fprintf(w, "%d %s selected", n, what)
	if seconds > 0 {
		fmt.Fprintf(w, " (%.1f hours of audio)", seconds/3600)
	}
	if len(reasons) > 0 {
		fmt.Fprint(w, ", by stage and reason:")
	}
	fmt.Fprintln(w)
	writeFailureReasons(w, reasons, maxFailureReasons)
	analysis := time.Duration(float64(n) / analysisCallsPerSecond * float64(time.Second))
	switch stage {
	case app.ReprocessAnalyze:
		fmt.Fprintf(w, "stage analyze (stored transcripts, no ASR): about %s on one 2-core worker (%d calls/s); divide by the number of workers\n",
			fmtDuration(analysis), analysisCallsPerSecond)
	default:
		fmt.Fprintf(w, "stage transcribe (ASR again): ASR time depends on the adapter and hardware (%.1f hours of audio), plus about %s of analysis\n",
			seconds/3600, fmtDuration(analysis))
	}
}

// maxFailureReasons is how many reasons a dry run of --status failed lists.
const maxFailureReasons = 20

// writeFailureReasons lists the failed recordings by stage and reason, most
// frequent first, at most max lines.
func writeFailureReasons(w io.Writer, reasons []store.FailureReason, max int) {
	for i, r := range reasons {
		if i == max {
			fmt.Fprintf(w, "  … %d more reasons\n", len(reasons)-max)
			break
		}
		fmt.Fprintf(w, "  %6d  [%s] %s\n", r.Calls, r.Stage, report.TerminalText(r.Error))
	}
}

func fmtDuration(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// rateBar is a progress bar with rate and ETA: one rewritten line on a
// terminal, a line every few seconds otherwise.
type rateBar struct {
	w         io.Writer
	label     string
	tty       bool
	start     time.Time
	lastPrint time.Time
	last      string
}

func newRateBar(w io.Writer, label string) *rateBar {
	return &rateBar{w: w, label: label, tty: isTerminal(w), start: time.Now()}
}

// line renders the bar for done of total after elapsed.
func barLine(label string, done, total uint64, elapsed time.Duration) string {
	const width = 30
	filled := width
	pct := 100.0
	if total > 0 {
		filled = int(min(done, total) * width / total)
		pct = float64(min(done, total)) * 100 / float64(total)
	}
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(done) / s
	}
	eta := "--:--"
	if rate > 0 && total >= done {
		eta = fmtDuration(time.Duration(float64(total-done) / rate * float64(time.Second)))
	}
	return fmt.Sprintf("callscope: [%s%s] %d/%d %s %3.0f%% %.0f/s ETA %s",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total, label, pct, rate, eta)
}

func (b *rateBar) update(done, total uint64) {
	line := barLine(b.label, done, total, time.Since(b.start))
	if b.tty {
		if line != b.last {
			fmt.Fprintf(b.w, "\r%s", line)
		}
		b.last = line
		return
	}
	if done < total && time.Since(b.lastPrint) < 2*time.Second {
		b.last = line
		return
	}
	if line != b.last || b.lastPrint.IsZero() {
		fmt.Fprintln(b.w, line)
		b.lastPrint = time.Now()
	}
	b.last = line
}

func (b *rateBar) finish() {
	if b.tty && b.last != "" {
		fmt.Fprintln(b.w)
	}
}

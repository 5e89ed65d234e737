package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

func init() { registerCommand(newDeadCmd) }

type deadOptions struct {
	g       *globals
	stage   string
	limit   int
	seqs    []uint
	format  string
	timeout time.Duration
}

func newDeadCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dead list|replay [--stage S] [--seq N]...",
		Short: "Jobs the stages gave up on (the dead-letter stream): list them, replay them",
		Long: `Every job a stage gives up on (a permanent error, or its attempts used up)
is kept on the CALLSCOPE_DEAD stream with the stage, the reason and the
number of attempts, for 30 days by default.

  dead list     prints them, oldest first: sequence number, stage, time,
                attempts, the recording the job was about, the reason
  dead replay   publishes them again, unchanged, to the stage that gave
                up, and removes them from the stream; a job that fails
                again is dead-lettered again with its new reason

--stage (ingest, transcribe, analyze, store) and --seq narrow both. On the
embedded default (--data DIR) replay runs the stages and waits until the
jobs are done; against external servers it only queues them for the workers.

Failed recordings can also be re-queued by what ClickHouse knows of them:
callscope reprocess --status failed.`,
		Example: `  callscope dead list --data .callscope
  callscope dead list --stage transcribe --format json
  callscope dead replay --stage transcribe          # after the ASR server is back
  callscope dead replay --seq 17 --seq 18`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"list", "replay"},
	}
	opts := &deadOptions{g: g}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		switch args[0] {
		case "list":
			return runDeadList(cmd.Context(), opts)
		case "replay":
			return runDeadReplay(cmd.Context(), opts)
		}
		return fmt.Errorf("want list or replay, got %q", args[0])
	}
	bindServers(g, cmd)
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded servers")
	f := cmd.Flags()
	f.StringVar(&opts.stage, "stage", "", "only this stage's dead letters: ingest, transcribe, analyze or store")
	f.UintSliceVar(&opts.seqs, "seq", nil, "only the dead letter with this sequence number (repeatable)")
	f.IntVar(&opts.limit, "limit", 1000, "at most this many dead letters")
	f.StringVar(&opts.format, "format", "table", "list output: table or json")
	f.DurationVar(&opts.timeout, "timeout", time.Hour, "replay on the embedded default: give up waiting for the jobs after this long")
	return cmd
}

var deadStages = []string{"ingest", "transcribe", "analyze", "store"}

func (o *deadOptions) check() error {
	if o.stage != "" && !slices.Contains(deadStages, o.stage) {
		return fmt.Errorf("--stage %q: want one of %s", o.stage, strings.Join(deadStages, ", "))
	}
	if o.limit <= 0 {
		return fmt.Errorf("--limit: want a positive number, got %d", o.limit)
	}
	if o.format != "table" && o.format != "json" {
		return fmt.Errorf("--format %q: want table or json", o.format)
	}
	return nil
}

// letters reads the dead letters the options select.
func (o *deadOptions) letters(ctx context.Context, env *app.Env) ([]pipeline.DeadLetter, error) {
	q := pipeline.DeadQuery{Stage: o.stage, Limit: o.limit}
	for _, s := range o.seqs {
		q.Seqs = append(q.Seqs, uint64(s))
	}
	letters, err := pipeline.SelectDeadLetters(ctx, env.JS, q)
	if err != nil {
		return nil, err
	}
	return letters, missingDeadLetters(o.seqs, o.stage, letters)
}

// missingDeadLetters names the --seq numbers that select no letter (a
// mistyped number, one of another --stage, one older than the stream
// keeps), so that a replay of them says so rather than "no dead letters
// to replay", and replays nothing until they are right.
func missingDeadLetters(seqs []uint, stage string, letters []pipeline.DeadLetter) error {
	found := map[uint64]bool{}
	for _, d := range letters {
		found[d.Seq] = true
	}
	var missing []string
	for _, s := range seqs {
		if !found[uint64(s)] {
			missing = append(missing, strconv.FormatUint(uint64(s), 10))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	where := "no such dead letter"
	if stage != "" {
		where += " of --stage " + stage
	}
	return fmt.Errorf("--seq %s: %s (callscope dead list shows the letters kept, with their numbers)", strings.Join(missing, ", "), where)
}

func runDeadList(ctx context.Context, opts *deadOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	cfg := opts.g.cfg
	env, err := app.Open(ctx, &cfg, opts.g.log)
	if err != nil {
		return err
	}
	defer env.Close()
	letters, err := opts.letters(ctx, env)
	if err != nil {
		return err
	}
	return writeDeadLetters(opts.g.out, letters, opts.format)
}

func writeDeadLetters(w io.Writer, letters []pipeline.DeadLetter, format string) error {
	if format == "json" {
		type entry struct {
			Seq       uint64          `json:"seq"`
			Stage     string          `json:"stage"`
			Subject   string          `json:"subject"`
			At        time.Time       `json:"at"`
			Attempts  int             `json:"attempts"`
			Recording string          `json:"recording,omitempty"`
			Reason    string          `json:"reason"`
			Job       json.RawMessage `json:"job"`
		}
		out := make([]entry, 0, len(letters))
		for _, d := range letters {
			job := json.RawMessage(d.Data)
			if !json.Valid(job) {
				job, _ = json.Marshal(string(d.Data))
			}
			out = append(out, entry{d.Seq, d.Stage, d.Subject, d.At.UTC(), d.Attempts, d.Recording(), d.Reason, job})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(letters) == 0 {
		_, err := fmt.Fprintln(w, "no dead letters")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tSTAGE\tAT (UTC)\tATTEMPTS\tRECORDING\tREASON")
	for _, d := range letters {
		reason := d.Reason
		if r := []rune(reason); len(r) > 120 {
			reason = string(r[:119]) + "…"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", d.Seq, d.Stage, d.At.UTC().Format("2006-01-02 15:04:05"), d.Attempts, report.TerminalText(orDash(d.Recording())), report.TerminalText(reason))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d dead %s; replay with: callscope dead replay [--stage S] [--seq N]\n", len(letters), plural(len(letters), "letter", "letters"))
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func runDeadReplay(ctx context.Context, opts *deadOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	g := opts.g
	cfg := g.cfg
	var env *app.Env
	var local *localStages
	var err error
	if app.Embedded(cfg) {
		if local, err = startLocal(ctx, g, &cfg); err != nil {
			return err
		}
		defer local.close()
		env = local.env
	} else {
		if env, err = app.Connect(ctx, cfg, g.log); err != nil {
			return err
		}
		defer env.Close()
	}
	letters, err := opts.letters(ctx, env)
	if err != nil {
		return err
	}
	if len(letters) == 0 {
		fmt.Fprintln(g.out, "no dead letters to replay")
		return nil
	}
	start := time.Now()
	replayed := 0
	for _, d := range letters {
		if err := pipeline.ReplayDead(ctx, env.JS, d); err != nil {
			return fmt.Errorf("%w (%d of %d replayed before)", err, replayed, len(letters))
		}
		replayed++
	}
	if local == nil {
		fmt.Fprintf(g.out, "%d dead %s queued again; the workers do the work\n", replayed, plural(replayed, "letter", "letters"))
		return nil
	}
	waitCtx, cancel := context.WithTimeout(ctx, opts.timeout)
	defer cancel()
	bar := newRateBar(g.errOut, "done")
	werr := app.WaitDrained(waitCtx, env, start, func(analysed, failed uint64) { bar.update(analysed+failed, uint64(replayed)) }, local.done)
	bar.finish()
	if serr := local.stop(); werr == nil {
		werr = serr
	}
	if werr != nil {
		return werr
	}
	analysed, failed, err := store.FinishedSince(ctx, env.DB, start)
	if err != nil {
		return err
	}
	left, err := pipeline.DeadLetters(ctx, env.JS, "", opts.limit)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.out, "%d dead %s replayed in %s: %d analysed, %d failed; %d dead %s now (callscope dead list)\n",
		replayed, plural(replayed, "letter", "letters"), time.Since(start).Round(time.Millisecond), analysed, failed,
		len(left), plural(len(left), "letter", "letters"))
	return nil
}

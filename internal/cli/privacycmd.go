package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/privacy"
)

func init() {
	registerCommand(newForgetCmd)
	registerCommand(newRetentionCmd)
}

// privacyEnv connects to the servers the configuration names, or starts
// the embedded ones over the data directory.
func privacyEnv(ctx context.Context, g *globals) (*app.Env, privacy.Config, error) {
	cfg := g.cfg
	env, err := app.Open(ctx, &cfg, g.log)
	if err != nil {
		return nil, privacy.Config{}, err
	}
	pc := privacy.Config{CallsBucket: cfg.S3.Bucket, TranscriptsBucket: cfg.S3.TranscriptsBucket,
		ClientIDKey: []byte(cfg.Privacy.ClientIDKey), AudioBucket: cfg.Privacy.AudioBucket}
	if cfg.Privacy.AudioBucket != "" && cfg.Privacy.OriginalAudio == "restrict" {
		pc.RestrictedBucket = cfg.Privacy.RestrictedBucket
	}
	return env, pc, nil
}

type forgetOptions struct {
	g      *globals
	client string
	dryRun bool
}

func newForgetCmd(g *globals) *cobra.Command {
	opts := &forgetOptions{g: g}
	cmd := &cobra.Command{
		Use:   "forget --client PHONE [--dry-run]",
		Short: "Delete every call of a client on their request: recordings, transcripts, analyses, hits, segments, search terms",
		Long: `forget finds the client's calls by the keyed hash ingest stored instead of
their number (privacy.client_id_key; the number itself is never stored), in
every spelling of a Russian number (8 916..., +7 916..., 916...), and
removes them everywhere: the recording, its sidecar and transcript in the
calls bucket, the transcript in the transcripts bucket, and in ClickHouse
every analysis of the call, its hits, criteria, transcript segments and
search terms, its processing statuses, and the client's first-contact
record. The erasure is recorded in the erasures table with counts only,
never the number or its hash.

--dry-run lists what would go and removes nothing. An interrupted run is
finished by running it again.`,
		Example: `  callscope forget --client "+7 916 123-45-67" --dry-run
  callscope forget --client 89161234567`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runForget(cmd.Context(), opts) },
	}
	bindServers(g, cmd)
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded servers")
	cmd.Flags().StringVar(&opts.client, "client", "", "the client's id as the PBX sends it (a phone number)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "list what would be removed, remove nothing")
	_ = cmd.MarkFlagRequired("client")
	return cmd
}

func runForget(ctx context.Context, opts *forgetOptions) error {
	// Before the servers start: an empty --client (a script's unset
	// variable) would start them only to say so.
	if strings.TrimSpace(opts.client) == "" {
		return fmt.Errorf("forget: --client is empty: give the client's phone number as the PBX sends it, e.g. --client \"+7 916 123-45-67\"")
	}
	env, pcfg, err := privacyEnv(ctx, opts.g)
	if err != nil {
		return err
	}
	defer env.Close()
	rep, err := privacy.Forget(ctx, env.DB, env.Objects, pcfg, opts.client, opts.dryRun)
	if err != nil {
		return err
	}
	w := opts.g.out
	if opts.dryRun {
		fmt.Fprintf(w, "would forget %d calls (dry run; nothing removed):\n", len(rep.Calls))
		for _, c := range rep.Calls {
			fmt.Fprintf(w, "  %s  %s  %s\n", c.CallID, c.StartedAt.Format(time.DateTime), c.ObjectKey)
		}
		fmt.Fprintln(w, "objects:")
		for _, o := range rep.Objects {
			fmt.Fprintln(w, "  "+o)
		}
	} else {
		fmt.Fprintf(w, "forgot %d calls: %d objects removed\n", len(rep.Calls), len(rep.Objects))
	}
	fmt.Fprintln(w, "rows:")
	tables := make([]string, 0, len(rep.Rows))
	for t := range rep.Rows {
		tables = append(tables, t)
	}
	slices.Sort(tables)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, t := range tables {
		fmt.Fprintf(tw, "  %s\t%d\n", t, rep.Rows[t])
	}
	return tw.Flush()
}

type retentionOptions struct {
	g      *globals
	dryRun bool
	ttl    bool
}

func newRetentionCmd(g *globals) *cobra.Command {
	opts := &retentionOptions{g: g}
	cmd := &cobra.Command{
		Use:   "retention apply [--dry-run] [--ttl]",
		Short: "Remove what is older than the retention policy (privacy.*_days)",
		Long: `retention apply enforces the retention policy of the configuration:

  privacy.recordings_days   recordings and sidecars in the calls bucket
  privacy.transcripts_days  transcripts in both buckets, and the transcript
                            segments and search terms in ClickHouse
  privacy.analyses_days     analyses: calls, hits, criteria, segments, statuses,
                            and the clients' first-contact records
  privacy.audit_days        the audit trail (0, the default, keeps it)

0 keeps that data. Objects go by their age in the bucket, rows by the
call's start (when unknown, by when it was analysed). It prints each step; every step can be repeated, so an
interrupted run is finished by running it again. --dry-run counts and
removes nothing. --ttl also gives the tables a TTL where the server has it
(ClickHouse 19.6 and newer, chDB), so the server removes old rows between
runs; on older servers run retention apply regularly (cron). Each run is
recorded in the erasures table.`,
		Example: `  callscope retention apply --dry-run
  CALLSCOPE_PRIVACY_ANALYSES_DAYS=365 callscope retention apply --ttl`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"apply"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != "apply" {
				return fmt.Errorf("retention: want apply, got %q", args[0])
			}
			return runRetention(cmd.Context(), opts)
		},
	}
	bindServers(g, cmd)
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded servers")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "count what would be removed, remove nothing")
	cmd.Flags().BoolVar(&opts.ttl, "ttl", false, "also set the tables' TTL where the server has it")
	return cmd
}

func runRetention(ctx context.Context, opts *retentionOptions) error {
	c := opts.g.cfg.Privacy
	p := privacy.Policy{RecordingsDays: c.RecordingsDays, TranscriptsDays: c.TranscriptsDays, AnalysesDays: c.AnalysesDays, AuditDays: c.AuditDays}
	if p == (privacy.Policy{}) {
		return fmt.Errorf("retention: no policy: set privacy.recordings_days, privacy.transcripts_days, privacy.analyses_days or privacy.audit_days (callscope config lists them)")
	}
	env, pcfg, err := privacyEnv(ctx, opts.g)
	if err != nil {
		return err
	}
	defer env.Close()
	w := opts.g.out
	pcfg.Progress = func(s string) { fmt.Fprintln(w, s) }
	rep, err := privacy.ApplyRetention(ctx, env.DB, env.Objects, pcfg, p, time.Now(), opts.dryRun, opts.ttl)
	if err != nil {
		return err
	}
	var objects int
	var rows uint64
	for _, n := range rep.Objects {
		objects += n
	}
	for _, n := range rep.Rows {
		rows += n
	}
	verb := "removed"
	if opts.dryRun {
		verb = "would be removed (dry run)"
	}
	_, err = fmt.Fprintf(w, "%d objects and %d rows %s%s\n", objects, rows, verb, ttlNote(rep.TTL))
	return err
}

func ttlNote(tables []string) string {
	if len(tables) == 0 {
		return ""
	}
	return "; TTL set on " + strings.Join(tables, ", ")
}

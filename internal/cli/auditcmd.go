package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

func init() { registerCommand(newAuditCmd) }

type auditOptions struct {
	g                    *globals
	user, action, callID string
	from, to             string
	limit                int
	format               string
}

func newAuditCmd(g *globals) *cobra.Command {
	opts := &auditOptions{g: g}
	cmd := &cobra.Command{
		Use:   "audit [--user NAME] [--action ACTION] [--call ID] [--from DATE] [--to DATE]",
		Short: "Print the audit trail of 'callscope serve': who viewed, listened, searched",
		Long: `audit prints the audit trail that 'callscope serve' writes to ClickHouse,
newest first: when, who (and their role), what (login, login_failed,
viewed, listened, searched, reported, listed, denied, dictionary_tested,
audit_read...), which call, the HTTP status and the client address.
--from and --to are UTC days, --to excluded.`,
		Example: `  callscope audit --data .callscope --call 2026-11-18-000102
  callscope audit --user anna --from 2026-12-01 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runAudit(cmd.Context(), opts) },
	}
	g.bindStore(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&opts.user, "user", "", "only this user's events")
	f.StringVar(&opts.action, "action", "", "only this action")
	f.StringVar(&opts.callID, "call", "", "only events of this call")
	f.StringVar(&opts.from, "from", "", "first day, YYYY-MM-DD (UTC, included)")
	f.StringVar(&opts.to, "to", "", "the day after the last, YYYY-MM-DD (UTC, excluded)")
	f.IntVar(&opts.limit, "limit", 100, "most events, 1..1000")
	f.StringVar(&opts.format, "format", "table", "output: table or json (one event a line)")
	return cmd
}

func runAudit(ctx context.Context, opts *auditOptions) error {
	if opts.format != "table" && opts.format != "json" {
		return fmt.Errorf("--format: want table or json, got %q", opts.format)
	}
	if opts.limit <= 0 || opts.limit > 1000 {
		return fmt.Errorf("--limit: want 1..1000, got %d", opts.limit)
	}
	_, from, to, err := report.DayRange("UTC", opts.from, opts.to)
	if err != nil {
		return err
	}
	db, err := openDrillDB(ctx, opts.g)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := store.CheckSchema(ctx, db); err != nil {
		return err
	}
	page, err := audit.Read(ctx, db, audit.Query{User: opts.user, Action: opts.action, CallID: opts.callID, From: from, To: to, Limit: opts.limit})
	if err != nil {
		return err
	}
	if opts.format == "json" {
		enc := json.NewEncoder(opts.g.out)
		for _, e := range page.Events {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(opts.g.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "AT (UTC)\tUSER\tROLE\tACTION\tCALL\tSTATUS\tREMOTE\tDETAIL")
	for _, e := range page.Events {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", e.At.Format("2006-01-02 15:04:05.000"), e.User, orDash(e.Role),
			e.Action, orDash(e.CallID), e.Status, e.Remote, truncateText(e.Detail, 60))
	}
	return tw.Flush()
}

func truncateText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

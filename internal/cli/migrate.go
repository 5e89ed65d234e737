package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/store"
)

type migrateOptions struct{ g *globals }

func newMigrateCmd(g *globals) *cobra.Command {
	opts := &migrateOptions{g: g}
	cmd := &cobra.Command{
		Use:   "migrate [up|status] [--clickhouse DSN | --data DIR]",
		Short: "Create or update the ClickHouse schema",
		Long: `migrate (or 'migrate up') applies the schema migrations
(store/migrations/*.sql) that the database has not seen yet, in order,
and records each one. It is idempotent: running it again changes nothing.
'run' and 'worker' migrate on start too.

'migrate status' lists every migration and whether it is applied; it
changes nothing, so a read-only user may run it.

Without --clickhouse it works on the embedded engine in the data directory.`,
		Example: `  callscope migrate --clickhouse clickhouse://admin:pw@ch:9000/callscope
  callscope migrate status --data .callscope`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"up", "status"},
		RunE: func(cmd *cobra.Command, args []string) error {
			action := "up"
			if len(args) == 1 {
				action = args[0]
			}
			switch action {
			case "up":
				return runMigrate(cmd.Context(), opts)
			case "status":
				return runMigrateStatus(cmd.Context(), opts)
			}
			return fmt.Errorf("migrate: want up or status, got %q", action)
		},
	}
	g.bindStore(cmd.Flags())
	return cmd
}

// openDB opens the ClickHouse of the configuration (app.ClickHouseDSN)
// with open: store.Open, or store.OpenExisting for a command that only
// reads and must not create the embedded engine's data directory.
func openDB(ctx context.Context, g *globals, open func(context.Context, string) (store.DB, error)) (store.DB, error) {
	dsn, err := app.ClickHouseDSN(g.cfg)
	if err != nil {
		return nil, err
	}
	return open(ctx, dsn)
}

func runMigrate(ctx context.Context, opts *migrateOptions) error {
	db, err := openDB(ctx, opts.g, store.Open)
	if err != nil {
		return err
	}
	defer db.Close()
	before, err := store.MigrationStatus(ctx, db)
	if err != nil {
		return err
	}
	if err := store.Migrate(ctx, db); err != nil {
		return err
	}
	applied := 0
	for _, m := range before {
		if !m.Applied {
			fmt.Fprintf(opts.g.out, "applied %s\n", m.Name)
			applied++
		}
	}
	// The reports' monthly rollup (migration 0012): built here, where an
	// operator waits for an upgrade anyway, rather than by the first page.
	st, err := store.RefreshRollup(ctx, db)
	if err != nil {
		return err
	}
	if st.Built > 0 {
		fmt.Fprintf(opts.g.out, "report rollup: built %d of %d months in %s\n", st.Built, st.Months, st.Took.Round(time.Millisecond))
	}
	if applied == 0 {
		fmt.Fprintln(opts.g.out, "schema is up to date")
	} else {
		fmt.Fprintf(opts.g.out, "schema is up to date (%d migrations applied)\n", applied)
	}
	return nil
}

func runMigrateStatus(ctx context.Context, opts *migrateOptions) error {
	db, err := openDB(ctx, opts.g, store.Open)
	if err != nil {
		return err
	}
	defer db.Close()
	ms, err := store.MigrationStatus(ctx, db)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(opts.g.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tNAME\tSTATE\tAPPLIED AT (UTC)")
	pending := 0
	for _, m := range ms {
		state, at := "pending", ""
		if m.Applied {
			state, at = "applied", m.AppliedAt.Format("2006-01-02 15:04:05")
		} else {
			pending++
		}
		fmt.Fprintf(tw, "%04d\t%s\t%s\t%s\n", m.Version, m.Name, state, at)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if pending > 0 {
		fmt.Fprintf(opts.g.out, "%d pending: run `callscope migrate`\n", pending)
	}
	return nil
}

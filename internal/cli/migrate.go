package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/store"
)

type migrateOptions struct{ g *globals }

func newMigrateCmd(g *globals) *cobra.Command {
	opts := &migrateOptions{g: g}
	cmd := &cobra.Command{
		Use:   "migrate [--clickhouse DSN | --data DIR]",
		Short: "Create or update the ClickHouse schema",
		Long: `migrate applies the schema migrations (schemas/clickhouse/*.sql) that the
database has not seen yet, in order, and records each one. It is
idempotent: running it again changes nothing. 'run' and 'worker' migrate
on start too.

Without --clickhouse it migrates the embedded engine in the data directory.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runMigrate(cmd.Context(), opts)
		},
	}
	g.bind(cmd.Flags(), "clickhouse", "clickhouse.dsn", "", "ClickHouse DSN")
	g.bind(cmd.Flags(), "data", "data_dir", "", "data directory of the embedded engine")
	return cmd
}

// dsnOf is the ClickHouse DSN of the configuration: the embedded engine in
// the data directory unless one is given.
func dsnOf(g *globals) (string, error) {
	if g.cfg.ClickHouse.DSN != "" {
		return g.cfg.ClickHouse.DSN, nil
	}
	dir, err := filepath.Abs(g.cfg.DataDir)
	if err != nil {
		return "", err
	}
	return "chdb://" + filepath.Join(dir, "clickhouse"), nil
}

func runMigrate(ctx context.Context, opts *migrateOptions) error {
	dsn, err := dsnOf(opts.g)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := store.Migrate(ctx, db); err != nil {
		return err
	}
	fmt.Fprintln(opts.g.out, "schema is up to date")
	return nil
}

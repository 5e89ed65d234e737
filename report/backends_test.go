package report_test

import (
	"context"
	"testing"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/store"
)

// onBackends runs test on a fresh, migrated database of each backend: the
// embedded chDB and the ClickHouse 18.16 server, which must agree.
func onBackends(t *testing.T, test func(t *testing.T, ctx context.Context, db store.DB)) {
	for _, b := range []struct {
		name string
		dsn  func(testing.TB) string
	}{{"chdb", testenv.ChDB}, {"clickhouse-18.16", testenv.ClickHouse}} {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, b.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := store.Migrate(ctx, db); err != nil {
				t.Fatal(err)
			}
			test(t, ctx, db)
		})
	}
}

// Package storetest runs tests on a fresh, migrated store of each backend.
// It is apart from testenv, which store's own tests import, because it
// imports store.
package storetest

import (
	"context"
	"testing"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/store"
)

// OnBackends runs test in a subtest of each of testenv.Backends, on a
// fresh database migrated to the current schema, closed when the subtest
// ends.
func OnBackends(t *testing.T, test func(t *testing.T, ctx context.Context, db store.DB)) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, b.DSN(t))
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

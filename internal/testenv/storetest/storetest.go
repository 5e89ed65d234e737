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
			test(t, context.Background(), Migrated(t, b.DSN(t)))
		})
	}
}

// Migrated opens the database at dsn, migrates it to the current schema
// and closes it when the test or benchmark ends; for a test that needs one
// backend only (a benchmark, or SQL only that engine runs).
func Migrated(tb testing.TB, dsn string) store.DB {
	tb.Helper()
	db := Open(tb, dsn)
	if err := store.Migrate(context.Background(), db); err != nil {
		tb.Fatal(err)
	}
	return db
}

// Open opens the database at dsn as it is, closed when the test or
// benchmark ends.
func Open(tb testing.TB, dsn string) store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

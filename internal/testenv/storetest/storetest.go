// Package storetest runs tests on a fresh, migrated store of each backend.
// It is apart from testenv, which store's own tests import, because it
// imports store.
package storetest

import (
	"context"
	"testing"
	"time"

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

// PauseMerges stops the merges of calls on a server, which also runs its
// deletions in the background, and starts them again a second later; the
// channel says how that went. chDB deletes within the statement and runs
// one statement at a time: its merges stay on.
func PauseMerges(t *testing.T, ctx context.Context, db store.DB) <-chan error {
	t.Helper()
	restarted := make(chan error, 1)
	if db.Backend() == store.BackendChDB {
		restarted <- nil
		return restarted
	}
	if err := db.Exec(ctx, "SYSTEM STOP MERGES calls"); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(time.Second)
		err := db.Exec(ctx, "SYSTEM START MERGES calls")
		if err == nil {
			// a new mutation wakes the background pool, which 18.16
			// may otherwise leave asleep for up to 10 s
			err = db.Exec(ctx, "ALTER TABLE calls DELETE WHERE call_id = 'none'")
		}
		restarted <- err
	}()
	return restarted
}

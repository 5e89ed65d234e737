package store_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// stepPausingDB is a DB whose Exec stops once, before the first statement that
// starts with at, until resume is closed: the migrator using it is frozen
// between a step's guard and the step while another one migrates.
type stepPausingDB struct {
	store.DB
	at     string
	once   sync.Once
	paused chan struct{} // closed when it stopped
	resume chan struct{}
}

func (d *stepPausingDB) Exec(ctx context.Context, query string, args ...any) error {
	if strings.HasPrefix(strings.TrimSpace(query), d.at) {
		d.once.Do(func() {
			close(d.paused)
			<-d.resume
		})
	}
	return d.DB.Exec(ctx, query, args...)
}

// TestMigratorPausedMidStep: a migrator stopped just before a step of a
// table rebuild or column addition (its guard already answered) while a
// second migrator runs, then let go, leaves the schema complete: CheckSchema
// passes and a call can be written. Each case stops the first migrator
// before another statement; the second runs until it is done or waits for
// the first (the migration lock). No timing is involved. Before the lock,
// the renames of calls and of segments lost the table on both backends.
// chDB (several migrators of one process, each statement in turn) runs the
// cases marked for it: a case costs it a few seconds.
func TestMigratorPausedMidStep(t *testing.T) {
	pausePoints := []struct {
		at   string
		chdb bool
	}{
		{"CREATE TABLE IF NOT EXISTS calls_v4", false},
		{"INSERT INTO calls_v4", false},
		{"RENAME TABLE calls TO calls_v1", true},
		{"RENAME TABLE calls_v4 TO calls", false},
		{"DROP TABLE IF EXISTS calls_v4", false},
		{"CREATE TABLE IF NOT EXISTS segments_v6", false},
		{"RENAME TABLE segments TO segments_v5", true},
		{"RENAME TABLE segments_v6 TO segments", false},
		{"ALTER TABLE calls ADD COLUMN client_key", false},
		{"DROP TABLE IF EXISTS calls_v1", false},
		{"ALTER TABLE calls ADD COLUMN hold_starts", true},
		{"ALTER TABLE call_status ADD COLUMN sidecar_etag", false},
	}
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			fresh := freshDatabases(t, b)
			for i, p := range pausePoints {
				if b.Name == "chdb" && !p.chdb {
					continue
				}
				at := p.at
				t.Run(at, func(t *testing.T) {
					dsn := fresh(i)
					ctx := context.Background()
					db, err := store.Open(ctx, dsn)
					if err != nil {
						t.Fatal(err)
					}
					defer db.Close()
					first := &stepPausingDB{DB: db, at: at, paused: make(chan struct{}), resume: make(chan struct{})}
					firstDone := make(chan error, 1)
					go func() { firstDone <- store.Migrate(ctx, first) }()
					select {
					case <-first.paused:
					case err := <-firstDone:
						t.Fatalf("the first migrator never ran %q (migrate: %v)", at, err)
					}

					secondDone := make(chan error, 1)
					waiting := make(chan struct{}, 1)
					restore := store.SetMigrationLockWait(func() {
						select {
						case waiting <- struct{}{}:
						default:
						}
					})
					defer restore()
					go func() { secondDone <- store.Migrate(ctx, db) }()
					var secondErr error
					finished := false
					select {
					case secondErr = <-secondDone:
						finished = true
					case <-waiting:
					}
					close(first.resume)
					if err := <-firstDone; err != nil {
						t.Errorf("first migrator: %v", err)
					}
					if !finished {
						secondErr = <-secondDone
					}
					if secondErr != nil {
						t.Errorf("second migrator: %v", secondErr)
					}
					if err := store.CheckSchema(ctx, db); err != nil {
						t.Errorf("CheckSchema: %v", err)
					}
					if left, err := store.TableExists(ctx, db, "schema_migrations_lock"); err != nil || left {
						t.Errorf("the migration lock is still there after both migrators (%v)", err)
					}
					if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{scored("call-p", t0)}); err != nil {
						t.Errorf("write: %v", err)
					}
				})
			}
		})
	}
}

// freshDatabases returns a function giving the DSN of an empty database
// of backend b for each case: one server with a database per case, or a
// new chDB directory (closed by the case before the next opens).
func freshDatabases(t *testing.T, b testenv.Backend) func(i int) string {
	if b.Name == "chdb" {
		return func(int) string { return b.DSN(t) }
	}
	server := b.DSN(t)
	return func(i int) string { return databaseDSN(t, server, fmt.Sprintf("paused_%d", i)) }
}

// databaseDSN is the DSN of database name on the server of dsn (created
// by store.Open when missing).
func databaseDSN(t *testing.T, dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestMigrationLockHolders: a lock whose holder was last seen an hour ago
// (a worker killed mid-migration) is broken and the migration goes on; a
// lock whose holder was seen just now is waited for, and left alone.
func TestMigrationLockHolders(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, b.DSN(t))
			takeLock := func(owner string, agoSeconds int) {
				t.Helper()
				if err := db.Exec(ctx, "CREATE TABLE schema_migrations_lock (owner String, seen DateTime('UTC')) ENGINE = Log"); err != nil {
					t.Fatal(err)
				}
				if err := db.Exec(ctx, "INSERT INTO schema_migrations_lock (owner, seen) SELECT ?, now() - ?", owner, agoSeconds); err != nil {
					t.Fatal(err)
				}
			}

			takeLock("alive", 0)
			short, cancel := context.WithTimeout(ctx, 1500*time.Millisecond)
			err := store.Migrate(short, db)
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "schema_migrations_lock") {
				t.Errorf("migrate while a live migrator holds the lock: %v, want it to wait for schema_migrations_lock until the deadline", err)
			}
			if holders := queryStrings(t, db, "SELECT owner FROM schema_migrations_lock"); strings.Join(holders, ",") != "alive" {
				t.Errorf("the live lock's rows are %v, want [alive]", holders)
			}
			if made, err := store.TableExists(ctx, db, "calls"); err != nil || made {
				t.Errorf("a migrator that never got the lock created calls (%v)", err)
			}
			if err := db.Exec(ctx, "DROP TABLE schema_migrations_lock"); err != nil {
				t.Fatal(err)
			}

			takeLock("killed", 3600)
			bounded, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if err := store.Migrate(bounded, db); err != nil {
				t.Fatalf("migrate past a stale lock: %v", err)
			}
			if left, err := store.TableExists(ctx, db, "schema_migrations_lock"); err != nil || left {
				t.Errorf("the stale lock is still there after migrating (%v)", err)
			}
			if err := store.CheckSchema(ctx, db); err != nil {
				t.Errorf("CheckSchema: %v", err)
			}
		})
	}
}

// TestCheckSchemaColumns: a schema with every migration recorded but a
// column the writer inserts missing, or a table it writes, is refused by
// CheckSchema and Migrate, naming them, before a write fails on them.
func TestCheckSchemaColumns(t *testing.T) {
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		for _, st := range []string{"ALTER TABLE calls DROP COLUMN hold_ends", "RENAME TABLE segments TO segments_elsewhere"} {
			if err := db.Exec(ctx, st); err != nil {
				t.Fatal(err)
			}
		}
		for name, check := range map[string]func(context.Context, store.DB) error{"CheckSchema": store.CheckSchema, "Migrate": store.Migrate} {
			err := check(ctx, db)
			if !errors.Is(err, store.ErrSchemaIncomplete) || !strings.HasSuffix(err.Error(), ": calls.hold_ends, segments (the whole table)") {
				t.Errorf("%s without calls.hold_ends and segments: %v, want ErrSchemaIncomplete naming them", name, err)
			}
		}
	})
}

// TestRestoreLostColumns: a database that lost columns to migrators racing
// before the lock (every migration up to 0013 recorded, calls without
// client_key and hold_ends, call_status without transcript_etag) gets them
// back from 0014, and a call can be written again.
func TestRestoreLostColumns(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, b.DSN(t))
			var before []string
			entries, err := fs.ReadDir(store.Migrations, ".")
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.Name() < "0014" {
					before = append(before, e.Name())
				}
			}
			migrateTo(t, db, before...)
			for _, st := range []string{
				"ALTER TABLE calls DROP COLUMN client_key",
				"ALTER TABLE calls DROP COLUMN hold_ends",
				"ALTER TABLE call_status DROP COLUMN transcript_etag",
			} {
				if err := db.Exec(ctx, st); err != nil {
					t.Fatal(err)
				}
			}
			if err := store.Migrate(ctx, db); err != nil {
				t.Fatalf("migrate: %v", err)
			}
			got := queryStrings(t, db, `SELECT concat(table, '.', name) FROM system.columns WHERE database = currentDatabase()
  AND (table, name) IN (('calls', 'client_key'), ('calls', 'hold_ends'), ('call_status', 'transcript_etag')) ORDER BY table, name`)
			if strings.Join(got, ",") != "call_status.transcript_etag,calls.client_key,calls.hold_ends" {
				t.Errorf("columns restored: %v", got)
			}
			if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{scored("call-r", t0)}); err != nil {
				t.Errorf("write: %v", err)
			}
		})
	}
}

// TestMigrationLockLost: a migrator whose lock was broken as stale and
// taken by another (it stalled past the stale limit) stops before its next
// migration, and leaves the new holder's lock alone.
func TestMigrationLockLost(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, b.DSN(t))
			stalled := &stepPausingDB{DB: db, at: "ALTER TABLE calls ADD COLUMN hold_starts", paused: make(chan struct{}), resume: make(chan struct{})}
			done := make(chan error, 1)
			go func() { done <- store.Migrate(ctx, stalled) }()
			select {
			case <-stalled.paused:
			case err := <-done:
				t.Fatalf("the migrator never reached 0008 (migrate: %v)", err)
			}
			for _, st := range []string{
				"DROP TABLE schema_migrations_lock",
				"CREATE TABLE schema_migrations_lock (owner String, seen DateTime('UTC')) ENGINE = Log",
				"INSERT INTO schema_migrations_lock (owner, seen) SELECT 'breaker', now()",
			} {
				if err := db.Exec(ctx, st); err != nil {
					t.Fatal(err)
				}
			}
			close(stalled.resume)
			if err := <-done; err == nil || !strings.Contains(err.Error(), "0010_erasures.sql") || !strings.Contains(err.Error(), "no longer ours") {
				t.Errorf("migrate after losing the lock: %v, want it to stop before 0010, the lock no longer its own", err)
			}
			if holders := queryStrings(t, db, "SELECT DISTINCT owner FROM schema_migrations_lock"); strings.Join(holders, ",") != "breaker" {
				t.Errorf("the new holder's lock has rows of %v, want [breaker] only", holders)
			}
		})
	}
}

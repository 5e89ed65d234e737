package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"time"
)

// The migration lock. ClickHouse has no advisory locks, but it creates a
// table of a given name once: of several CREATE TABLE statements for one
// name (without IF NOT EXISTS), one succeeds and the others fail, on a
// server (DDL of one name is serialized) as in chDB (one statement at a
// time). So the migrator that creates schema_migrations_lock holds the lock
// and drops the table when done; the others wait for it to go.
//
// The holder writes a row (owner, seen) when it takes the lock and again
// every lockHeartbeat while it holds it, so a lock whose holder died (killed
// mid-migration) can be told from one held by a long migration (0006 on a
// large archive takes minutes): once its newest row is older than
// lockStaleAfter by the server's clock, a waiter breaks it. Breaking is done
// under a second lock table (schema_migrations_lock_break), after checking
// again that the lock is still the stale one, so two waiters never both
// break it and a fresh lock taken meanwhile is not dropped.
const (
	migrationLockTable = "schema_migrations_lock"
	lockBreakTable     = "schema_migrations_lock_break"
)

var (
	lockPoll       = 200 * time.Millisecond // first wait between tries; grows to 2 s
	lockHeartbeat  = 10 * time.Second
	lockStaleAfter = 2 * time.Minute
	// lockWaitHook, when set (tests), is called each time Migrate finds the
	// lock held by another migrator.
	lockWaitHook func()
)

// migrationLock is a held migration lock.
type migrationLock struct {
	db    DB
	owner string
	stop  chan struct{}
	done  chan struct{}
}

// lockOwner names this migrator: host, process and a random part (two
// migrators of one process are two owners).
func lockOwner() string {
	host, _ := os.Hostname()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
}

// acquireMigrationLock waits until it holds the migration lock (or ctx
// ends).
func acquireMigrationLock(ctx context.Context, db DB) (*migrationLock, error) {
	owner := lockOwner()
	create := "CREATE TABLE " + migrationLockTable + " (owner String, seen DateTime('UTC')) ENGINE = Log"
	wait := lockPoll
	vanished := 0
	for {
		err := db.Exec(ctx, create)
		if err == nil {
			l := &migrationLock{db: db, owner: owner, stop: make(chan struct{}), done: make(chan struct{})}
			if err := l.beat(ctx, true); err != nil {
				_ = db.Exec(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS "+migrationLockTable)
				return nil, fmt.Errorf("store: migration lock: %w", err)
			}
			go l.heartbeat()
			return l, nil
		}
		// The CREATE failed: either another migrator holds the lock, or
		// something else is wrong (no right to create tables), which the
		// table's absence tells.
		held, xerr := TableExists(ctx, db, migrationLockTable)
		if xerr != nil {
			return nil, fmt.Errorf("store: migration lock: %w", xerr)
		}
		if held {
			vanished = 0
			if lockWaitHook != nil {
				lockWaitHook()
			}
			if err := breakIfStale(ctx, db); err != nil {
				return nil, err
			}
		} else if vanished++; vanished >= 10 {
			// Released between the CREATE and the look, or being created
			// by another (servers before 20 fail a CREATE while another
			// creates the same table): try again, but not forever if the
			// CREATE itself is what fails.
			return nil, fmt.Errorf("store: take the migration lock (create table %s): %w", migrationLockTable, err)
		}
		jitter := time.Duration(mrand.Int64N(int64(wait)/2 + 1))
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("store: waiting for the migration lock (table %s): %w", migrationLockTable, ctx.Err())
		case <-time.After(wait + jitter):
		}
		wait = min(2*wait, 2*time.Second)
	}
}

// createTable runs stmt, a CREATE TABLE IF NOT EXISTS of table, again a
// few times if it fails while the table is still missing: servers before
// 20 fail concurrent CREATEs of one new table ("is creating or attaching
// right now") even with IF NOT EXISTS, and every migrator starts by
// creating schema_migrations.
func createTable(ctx context.Context, db DB, table, stmt string) error {
	for attempt := 1; ; attempt++ {
		err := db.Exec(ctx, stmt)
		if err == nil {
			return nil
		}
		if made, xerr := TableExists(ctx, db, table); xerr == nil && made {
			return nil
		}
		if attempt == 5 {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt) * 100 * time.Millisecond):
		}
	}
}

// beat writes a row saying the holder is alive, if it still holds the lock
// (the first row is the holder's: first is the beat that writes it, right
// after the CREATE; a lock without a row later is another's, just made).
func (l *migrationLock) beat(ctx context.Context, first bool) error {
	holder, _, err := lockState(ctx, l.db, migrationLockTable)
	if err != nil {
		return err
	}
	if holder != l.owner && !(first && holder == "") {
		return fmt.Errorf("the migration lock is no longer ours (held by %q)", holder)
	}
	return l.db.Exec(ctx, "INSERT INTO "+migrationLockTable+" (owner, seen) SELECT ?, now()", l.owner)
}

func (l *migrationLock) heartbeat() {
	defer close(l.done)
	t := time.NewTicker(lockHeartbeat)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			// A missed beat only makes the lock look older; the next one
			// catches up.
			ctx, cancel := context.WithTimeout(context.Background(), lockHeartbeat)
			_ = l.beat(ctx, false)
			cancel()
		}
	}
}

// release drops the lock if this migrator still holds it.
func (l *migrationLock) release(ctx context.Context) error {
	close(l.stop)
	<-l.done
	ctx = context.WithoutCancel(ctx)
	holder, _, err := lockState(ctx, l.db, migrationLockTable)
	if err != nil {
		if held, xerr := TableExists(ctx, l.db, migrationLockTable); xerr == nil && !held {
			return nil // broken as stale: nothing to release
		}
		return fmt.Errorf("store: release the migration lock: %w", err)
	}
	if holder != l.owner {
		return nil // broken as stale and taken by another: not ours to drop
	}
	if err := l.db.Exec(ctx, "DROP TABLE IF EXISTS "+migrationLockTable); err != nil {
		return fmt.Errorf("store: release the migration lock: %w", err)
	}
	return nil
}

// lockState reads a lock table: its holder (the owner of its first row, ""
// before that row is written) and how long ago it was last seen alive, by
// the server's clock: its newest row, or its creation while it has none.
func lockState(ctx context.Context, db DB, table string) (holder string, age time.Duration, err error) {
	var secs int64
	q := "SELECT argMin(owner, seen), toInt64(now()) - toInt64(if(count() = 0, " +
		"toUInt32((SELECT max(metadata_modification_time) FROM system.tables WHERE database = currentDatabase() AND name = ?)), " +
		"toUInt32(max(seen)))) FROM " + table
	if err := QueryRow(ctx, db, []any{&holder, &secs}, q, table); err != nil {
		return "", 0, err
	}
	return holder, time.Duration(secs) * time.Second, nil
}

// breakIfStale drops the migration lock if its holder has not been seen
// for lockStaleAfter, under the break lock; a break lock left by a breaker
// that died is itself dropped once as old.
func breakIfStale(ctx context.Context, db DB) error {
	holder, age, err := lockState(ctx, db, migrationLockTable)
	if err != nil || age < lockStaleAfter {
		return nil // released meanwhile, or alive: wait
	}
	if err := db.Exec(ctx, "CREATE TABLE "+lockBreakTable+" (owner String, seen DateTime('UTC')) ENGINE = Log"); err != nil {
		if _, bage, berr := lockState(ctx, db, lockBreakTable); berr == nil && bage >= lockStaleAfter {
			_ = db.Exec(ctx, "DROP TABLE IF EXISTS "+lockBreakTable)
		}
		return nil // another waiter is breaking it
	}
	defer db.Exec(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS "+lockBreakTable)
	again, age, err := lockState(ctx, db, migrationLockTable)
	if err != nil || again != holder || age < lockStaleAfter {
		return nil
	}
	if err := db.Exec(ctx, "DROP TABLE IF EXISTS "+migrationLockTable); err != nil {
		return fmt.Errorf("store: break the stale migration lock of %s (not seen for %s): %w", holder, age, err)
	}
	return nil
}

package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
)

// TestChDBQueue: while a statement runs, callers wait in the queue; the
// same read waiting twenty times runs once and every caller gets all its
// rows; a caller that gives up while waiting leaves without its statement
// running (a read, and a write alike).
func TestChDBQueue(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, testenv.ChDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	d := db.(*chdbDB)
	if err := db.Exec(ctx, "CREATE TABLE q (n UInt64) ENGINE = MergeTree ORDER BY n"); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(ctx, "INSERT INTO q SELECT number FROM numbers(5)"); err != nil {
		t.Fatal(err)
	}
	queued := func(q string) int {
		d.qmu.Lock()
		defer d.qmu.Unlock()
		if f := d.queued[q]; f != nil {
			return f.refs
		}
		return 0
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for start := time.Now(); !ok(); time.Sleep(time.Millisecond) {
			if time.Since(start) > 10*time.Second {
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}

	d.turn <- struct{}{} // a long statement runs
	const same = "SELECT n FROM q ORDER BY n"
	var wg sync.WaitGroup
	sums := make([]uint64, 20)
	errs := make([]error, 20)
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows, err := db.Query(ctx, same)
			if err != nil {
				errs[i] = err
				return
			}
			defer rows.Close()
			for rows.Next() {
				var n uint64
				if err := rows.Scan(&n); err != nil {
					errs[i] = err
					return
				}
				sums[i] += n + 1
			}
		}()
	}
	waitFor("20 callers of one read", func() bool { return queued(same) == 20 })

	// Callers that give up while they wait.
	gaveUp, cancel := context.WithCancel(ctx)
	readDone := make(chan error, 1)
	go func() { _, err := db.Query(gaveUp, "SELECT count() FROM q"); readDone <- err }()
	waitFor("the other read", func() bool { return queued("SELECT count() FROM q") == 1 })
	writeDone := make(chan error, 1)
	go func() { writeDone <- db.Exec(gaveUp, "INSERT INTO q VALUES (100)") }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if err := <-readDone; !errors.Is(err, context.Canceled) {
		t.Errorf("read given up: %v", err)
	}
	if err := <-writeDone; !errors.Is(err, context.Canceled) {
		t.Errorf("write given up: %v", err)
	}
	if n := queued("SELECT count() FROM q"); n != 0 {
		t.Errorf("the read given up still waits (%d)", n)
	}

	d.qmu.Lock()
	ran := d.ran
	d.qmu.Unlock()
	d.release()
	wg.Wait()
	for i := range sums {
		if errs[i] != nil || sums[i] != 15 {
			t.Fatalf("caller %d: sum %d, %v", i, sums[i], errs[i])
		}
	}
	d.qmu.Lock()
	if d.ran != ran+1 {
		t.Errorf("the read waiting 20 times ran %d times", d.ran-ran)
	}
	d.qmu.Unlock()

	// The write given up never ran; a read after a write sees it.
	n, err := count(ctx, db, "SELECT count() FROM q WHERE n = 100")
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("the write given up ran")
	}
	if err := db.Exec(ctx, "INSERT INTO q VALUES (100)"); err != nil {
		t.Fatal(err)
	}
	if n, err = count(ctx, db, "SELECT count() FROM q WHERE n = 100"); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("a read after a write: %d rows", n)
	}
}

func TestIsRead(t *testing.T) {
	for q, want := range map[string]bool{
		"SELECT 1": true, "  select x FROM t": true, "(SELECT 1)": true, "WITH a AS (SELECT 1) SELECT * FROM a": true,
		"INSERT INTO t SELECT 1": false, "OPTIMIZE TABLE t FINAL": false, "WITHOUT": false, "ALTER TABLE t DELETE WHERE 1": false,
	} {
		if got := isRead(q); got != want {
			t.Errorf("isRead(%q) = %v", q, got)
		}
	}
}

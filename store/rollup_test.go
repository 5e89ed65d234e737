package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestRollupBuildsAndDrops: the first refresh builds every month, a second
// nothing; a change to one month rebuilds it alone; a replaced build is
// dropped after the grace and the current ones kept. Reports
// reading the rollup are compared with calls in report's
// TestRollupEqualsCalls.
func TestRollupBuildsAndDrops(t *testing.T) {
	testenv.SkipIfShort(t)
	ctx := context.Background()
	db := storetest.Open(t, testenv.ChDB(t))
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	nov, oct := sample("r1", t0), sample("r2", t0)
	oct.Meta.StartedAt = t0.AddDate(0, -1, 0)
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{nov, oct}); err != nil {
		t.Fatal(err)
	}
	refresh := func(want int) store.RollupStats {
		t.Helper()
		st, err := store.RefreshRollup(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if st.Months != 2 || st.Built != want {
			t.Fatalf("refresh: %+v, want 2 months, %d built", st, want)
		}
		return st
	}
	refresh(2)
	refresh(0)
	months, err := store.RollupState(ctx, db)
	if err != nil || len(months) != 2 || months[0].Month != 202610 || months[1].Month != 202611 || months[0].Build == "" || months[1].Build == "" {
		t.Fatalf("state %+v, %v", months, err)
	}
	// A re-analysis in November: November alone is built again; its old
	// build stays for the grace (a report may have just chosen it), then
	// goes; October's stays.
	nov.AnalyzedAt = nov.AnalyzedAt.Add(time.Hour)
	nov.Categories = map[string]int{"churn_threat": 1}
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{nov}); err != nil {
		t.Fatal(err)
	}
	// one part again, so that no background merge changes it later
	if err := db.Exec(ctx, "OPTIMIZE TABLE calls PARTITION 202611 FINAL"); err != nil {
		t.Fatal(err)
	}
	after, err := store.RollupState(ctx, db)
	if err != nil || after[1].Build != "" || after[0].Build != months[0].Build {
		t.Fatalf("after a write: %+v, %v", after, err)
	}
	if st := refresh(1); st.Dropped != 0 {
		t.Errorf("dropped %d builds within the grace", st.Dropped)
	}
	defer store.SetRollupGrace(0)()
	if st := refresh(0); st.Dropped != 1 {
		t.Errorf("dropped %d old builds after the grace, want 1", st.Dropped)
	}
	now, err := store.RollupState(ctx, db)
	if err != nil || now[0].Build != months[0].Build || now[1].Build == "" || now[1].Build == months[1].Build {
		t.Fatalf("after the rebuild: %+v, %v", now, err)
	}
	rows, err := db.Query(ctx, "SELECT build, toUInt64(count()), toUInt64(sum(calls)), toUInt64(sum(category_calls[indexOf(category_names, 'churn_threat')])) FROM calls_rollup GROUP BY build ORDER BY build")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string][3]uint64{}
	for rows.Next() {
		var b string
		var n, calls, churn uint64
		if err := rows.Scan(&b, &n, &calls, &churn); err != nil {
			t.Fatal(err)
		}
		got[b] = [3]uint64{n, calls, churn}
	}
	if len(got) != 2 || got[now[0].Build][1] != 1 || got[now[1].Build] != [3]uint64{1, 1, 1} {
		t.Errorf("rollup rows by build %v, want October's and November's new build, one call each, November's with a churn threat", got)
	}
}

// TestRollupKeepsUntouchedMonths: a deletion in calls renames the parts of
// every month, but only the months whose rows it removed are read from
// calls and built again: a call forgotten in November leaves September's
// and October's builds current, and a re-analysis that moves a call from
// November to October rebuilds those two and not September.
func TestRollupKeepsUntouchedMonths(t *testing.T) {
	testenv.SkipIfShort(t)
	ctx := context.Background()
	db := storetest.Migrated(t, testenv.ChDB(t))
	sep, oct, nov, nov2 := sample("u1", t0), sample("u2", t0), sample("u3", t0), sample("u4", t0)
	sep.Meta.StartedAt, oct.Meta.StartedAt = t0.AddDate(0, -2, 0), t0.AddDate(0, -1, 0)
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{sep, oct, nov, nov2}); err != nil {
		t.Fatal(err)
	}
	// one part a month, so that no background merge changes them later
	for _, m := range []int{202609, 202610, 202611} {
		if err := db.Exec(ctx, fmt.Sprintf("OPTIMIZE TABLE calls PARTITION %d FINAL", m)); err != nil {
			t.Fatal(err)
		}
	}
	refresh := func(step string, want int) {
		t.Helper()
		st, err := store.RefreshRollup(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if st.Built != want {
			t.Errorf("%s: built %d months, want %d (%+v)", step, st.Built, want, st)
		}
	}
	current := func(step string, want ...bool) {
		t.Helper()
		months, err := store.RollupState(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		var got []bool
		for _, m := range months {
			got = append(got, m.Build != "")
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: September, October, November built and current: %v, want %v", step, got, want)
		}
	}
	refresh("first", 3)
	if _, err := store.DeleteCalls(ctx, db, []store.StoredCall{{CallID: nov2.CallID, ObjectKey: nov2.ObjectKey}}); err != nil {
		t.Fatal(err)
	}
	current("a call forgotten in November", true, true, false)
	refresh("a call forgotten in November", 1)
	moved := nov
	moved.AnalyzedAt = moved.AnalyzedAt.Add(time.Hour)
	moved.Meta.StartedAt = oct.Meta.StartedAt.Add(time.Hour)
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{moved}); err != nil {
		t.Fatal(err)
	}
	current("a call moved from November to October", true, false, false)
	refresh("a call moved from November to October", 2)
}

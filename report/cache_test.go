package report_test

import (
	"context"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

// TestCacheKeepsUntouchedMonths: the cache stamps a report by the parts of
// the months its period reads, as the rollup stamps its builds
// (store.PartitionStamps). A client forgotten in November leaves October's
// cached report in use where the server has the stamp by files (21.1 and
// later: chDB here), and on 18.16 (stamps by part names, which every
// deletion changes) reads it again; November's report, and October's after
// a deletion in October, are read again on both, with the new numbers.
func TestCacheKeepsUntouchedMonths(t *testing.T) {
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		first, _ := sliceFixture()
		if err := store.WriteAnalyses(ctx, db, first); err != nil {
			t.Fatal(err)
		}
		v, err := store.ServerVersion(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		byFiles := store.RollupSupported(v)
		cache := report.NewCache(0)
		cctx := report.WithCache(ctx, cache)
		month := func(m time.Month) report.Spec {
			from := time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC)
			return report.Spec{By: []string{"operator"}, Measures: []string{"calls"}, From: from, To: from.AddDate(0, 1, 0)}
		}
		oct, nov := month(time.October), month(time.November)
		// run reports spec with the cache and says whether it was
		// answered from it, checking it against the report without.
		run := func(step string, spec report.Spec, wantCalls float64) bool {
			t.Helper()
			hits := cache.Hits()
			cached := string(sliceOutput(t, cctx, db, spec, "json"))
			if want := string(sliceOutput(t, ctx, db, spec, "json")); cached != want {
				t.Errorf("%s, %s: cached\n%s\nwant\n%s", step, spec.From.Month(), cached, want)
			}
			res, err := report.Slice(ctx, db, spec)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total.Values[0] != wantCalls {
				t.Errorf("%s, %s: %v calls, want %v", step, spec.From.Month(), res.Total.Values[0], wantCalls)
			}
			return cache.Hits() > hits
		}
		forget := func(client string) {
			t.Helper()
			refs, err := store.ClientCalls(ctx, db, []string{client})
			if err != nil || len(refs) == 0 {
				t.Fatalf("calls of %s: %v %v", client, refs, err)
			}
			if _, err := store.DeleteCalls(ctx, db, refs); err != nil {
				t.Fatal(err)
			}
		}
		for _, hit := range []bool{false, true} {
			if got := run("unchanged", oct, 3); got != hit {
				t.Errorf("unchanged, October: from the cache %v, want %v", got, hit)
			}
			if got := run("unchanged", nov, 5); got != hit {
				t.Errorf("unchanged, November: from the cache %v, want %v", got, hit)
			}
		}
		forget("cl-a") // n1 and n3, both in November
		if got := run("November forgotten", oct, 3); got != byFiles {
			t.Errorf("a deletion in November: October from the cache %v, want %v (stamps by files: %v)", got, byFiles, byFiles)
		}
		if run("November forgotten", nov, 3) {
			t.Error("a deletion in November: November's report came from the cache")
		}
		forget("cl-d") // o1, October
		if run("October forgotten", oct, 2) {
			t.Error("a deletion in October: October's report came from the cache")
		}
		if got := run("October forgotten", nov, 3); got != byFiles {
			t.Errorf("a deletion in October: November from the cache %v, want %v", got, byFiles)
		}
	})
}

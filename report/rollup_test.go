package report_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// rollupSpecs are reports the monthly rollup may answer (the dashboard's
// tiles, scoped and not, periods that take whole months or cut them, by
// category, by month and year in UTC) and some it may not (a filter on
// another field, months in another time zone, by category with a measure
// other than calls).
var rollupSpecs = []report.Spec{
	{By: []string{"operator"}, Measures: []string{"calls", "avg_score", "csat_index", "pct:complaint", "pct:repeat_contact",
		"pct:incompetence", "pct:churn_threat", "avg_wait", "avg_talk", "param:overtalk_total"}},
	{By: []string{"operator"}, Measures: []string{"calls", "avg_score", "pct:complaint", "avg_duration"}, Filter: "department = Поддержка"},
	{By: []string{"operator"}, From: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
	{By: []string{"operator"}, From: time.Date(2026, 10, 27, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
	{By: []string{"department"}, From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)},
	{By: []string{"queue", "direction", "language", "channels", "profile"}, Measures: []string{"calls", "avg_wait", "csat_responses", "scored", "cat:complaint"}},
	{Measures: []string{"calls", "avg_score", "pct:greeting", "param:overtalk_total", "param:silence_total"}},
	{By: []string{"operator"}, Filter: "operator in (op-1, op-2) and not channels = 1 and operator_name ~ анна or queue != sales"},
	{By: []string{"direction", "language"}, Filter: "direction = inbound and language = ru and score_profile = default"},
	{By: []string{"operator"}, Filter: "duration > 2m"},
	{By: []string{"month"}, Measures: []string{"calls", "pct:complaint"}},
	{By: []string{"year", "month", "department"}, Measures: []string{"calls", "avg_score"}, Compare: true},
	{By: []string{"month"}, Measures: []string{"calls"}, Location: mustLoc("Asia/Vladivostok")},
	{By: []string{"category"}, Measures: []string{"calls"}},
	{By: []string{"operator", "category"}, Measures: []string{"calls"}, Filter: "department = Поддержка"},
	{By: []string{"category"}, Measures: []string{"calls", "avg_score"}},
}

// sameReport compares two reports' keys, labels and values (floating-point
// sums may differ in their last bits: they are added in another order).
func sameReport(a, b *report.Result) error {
	if len(a.Rows) != len(b.Rows) {
		return fmt.Errorf("%d rows, want %d", len(a.Rows), len(b.Rows))
	}
	rows := append(append([]report.Row(nil), a.Rows...), a.Total)
	want := append(append([]report.Row(nil), b.Rows...), b.Total)
	for i := range rows {
		if strings.Join(rows[i].Keys, "|") != strings.Join(want[i].Keys, "|") || strings.Join(rows[i].Labels, "|") != strings.Join(want[i].Labels, "|") {
			return fmt.Errorf("row %d: keys %q %q, want %q %q", i, rows[i].Keys, rows[i].Labels, want[i].Keys, want[i].Labels)
		}
		for j, v := range rows[i].Values {
			w := want[i].Values[j]
			if math.IsNaN(v) != math.IsNaN(w) || math.Abs(v-w) > 1e-9*math.Max(1, math.Abs(w)) {
				return fmt.Errorf("row %v, %s: %v, want %v", rows[i].Keys, a.Measures[j].Name, v, w)
			}
		}
	}
	return nil
}

// TestRollupEqualsCalls: every report the rollup answers gives the numbers
// the same report gives over calls, on both backends, as the archive
// changes under it (new calls, a re-analysis that moves a call to another
// month, a client's calls forgotten, retention), before and after the
// rollup is brought up to date. On the embedded backend it also shows that
// the reports do read the rollup.
func TestRollupEqualsCalls(t *testing.T) {
	testenv.SkipIfShort(t)
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		v, err := store.ServerVersion(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		supported := store.RollupSupported(v)
		first, again := sliceFixture()
		if err := store.WriteAnalyses(ctx, db, first); err != nil {
			t.Fatal(err)
		}
		if err := store.WriteAnalyses(ctx, db, again); err != nil {
			t.Fatal(err)
		}
		// merge merges a month's parts into one, so that no background
		// merge changes its parts (and so its stamp) between the steps
		// that count the months a refresh builds.
		merge := func(months ...int) {
			t.Helper()
			for _, m := range months {
				if err := db.Exec(ctx, fmt.Sprintf("OPTIMIZE TABLE calls PARTITION %d FINAL", m)); err != nil {
					t.Fatal(err)
				}
			}
		}
		check := func(step string) {
			t.Helper()
			for i, spec := range rollupSpecs {
				got, err := report.Slice(ctx, db, spec)
				if err != nil {
					t.Fatalf("%s: spec %d: %v", step, i, err)
				}
				want, err := report.Slice(report.WithoutRollup(ctx), db, spec)
				if err != nil {
					t.Fatalf("%s: spec %d without the rollup: %v", step, i, err)
				}
				if err := sameReport(got, want); err != nil {
					t.Errorf("%s: spec %d (%v by %v, filter %q): %v", step, i, spec.Measures, spec.By, spec.Filter, err)
				}
			}
		}
		// built < 0: any number of months
		refresh := func(step string, built int) {
			t.Helper()
			st, err := store.RefreshRollup(ctx, db)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			if !supported {
				built = 0
			}
			if built >= 0 && st.Built != built {
				t.Errorf("%s: built %d months, want %d (%+v)", step, st.Built, built, st)
			}
			check(step)
		}
		check("before the first build")
		merge(202610, 202611)
		refresh("built", 2)
		refresh("unchanged", 0)
		if supported {
			// The reports read the rollup: a change to its rows (and
			// not to calls) shows in them.
			if err := db.Exec(ctx, "ALTER TABLE calls_rollup UPDATE calls = calls + 1000 WHERE 1 SETTINGS mutations_sync = 2"); err != nil {
				t.Fatal(err)
			}
			res, err := report.Slice(ctx, db, rollupSpecs[0])
			if err != nil {
				t.Fatal(err)
			}
			if res.Total.Values[0] < 1000 {
				t.Errorf("the report did not read the rollup: %v calls", res.Total.Values[0])
			}
			if err := db.Exec(ctx, "ALTER TABLE calls_rollup UPDATE calls = calls - 1000 WHERE 1 SETTINGS mutations_sync = 2"); err != nil {
				t.Fatal(err)
			}
		}

		// A new call in November: November is read from calls until
		// it is built again.
		a := first[0]
		a.CallID, a.ObjectKey = "new-1", "new-1.wav"
		a.Categories = map[string]int{"churn_threat": 1}
		a.Meta.Operator = schemas.Operator{ID: "op-3", Name: "Олег", Department: "Поддержка"}
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a}); err != nil {
			t.Fatal(err)
		}
		check("a new call")
		merge(202611)
		refresh("a new call, built", 1)

		// A re-analysis moves n3 from November to October. A server
		// deletes its November row in the background, and merges run
		// the deletion: they are stopped while it is written, so that
		// a write that returned before the deletion would leave n3 in
		// November's reports (4 calls of Поддержка from the 1st to the
		// 10th, not 3) every time, not once in thirty runs.
		restarted := storetest.PauseMerges(t, ctx, db)
		n3 := first[2]
		n3.AnalyzedAt = n3.AnalyzedAt.Add(2 * time.Hour)
		n3.Meta.StartedAt = time.Date(2026, 10, 30, 10, 0, 0, 0, time.UTC)
		n3.Categories = map[string]int{"incompetence": 1}
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{n3}); err != nil {
			t.Fatal(err)
		}
		check("a re-analysis")
		novemberSpec := report.Spec{Measures: []string{"calls"},
			From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
		for _, c := range []context.Context{ctx, report.WithoutRollup(ctx)} {
			res, err := report.Slice(c, db, novemberSpec)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total.Values[0] != 5 {
				t.Errorf("a re-analysis: November has %v calls, want 5 (n1, n2, n4, n5, new-1)", res.Total.Values[0])
			}
		}
		if err := <-restarted; err != nil {
			t.Fatal(err)
		}
		merge(202610)
		refresh("a re-analysis, built", 2)

		// A client forgotten (calls of cl-b in both months).
		refs, err := store.ClientCalls(ctx, db, []string{"cl-b"})
		if err != nil || len(refs) == 0 {
			t.Fatalf("client calls: %v %v", refs, err)
		}
		if _, err := store.DeleteCalls(ctx, db, refs); err != nil {
			t.Fatal(err)
		}
		check("forget")
		refresh("forget, built", 2)

		// Retention: everything before November goes, and October
		// with it.
		if _, err := store.DeleteOlder(ctx, db, "calls", "started_at", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), false); err != nil {
			t.Fatal(err)
		}
		check("retention")
		refresh("retention, built", -1) // November's parts changed too, October's may be gone
		res, err := report.Slice(ctx, db, report.Spec{Measures: []string{"calls"}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total.Values[0] != 4 {
			t.Errorf("after retention %v calls, want 4 (November: n1, n4, n5, new-1)", res.Total.Values[0])
		}
	})
}

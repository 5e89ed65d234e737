package report_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// sliceFixture is a small archive with every dimension represented: two
// months, two departments, scores, CSAT on 5- and 3-point scales, a repeat
// client, a mono call, and re-analysed calls whose old versions must not
// count.
func sliceFixture() (first, again []schemas.Analysis) {
	nov := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC) // a Monday
	oct := time.Date(2026, 10, 26, 14, 0, 0, 0, time.UTC)
	mk := func(id, op string, started time.Time, cats map[string]int, score float64, csat *schemas.CSAT, client string, dur float64) schemas.Analysis {
		a := call(id, op, 0, day.Add(30*24*time.Hour), cats, dur*0.7, dur)
		a.Meta.StartedAt = started
		a.Meta.Direction = "inbound"
		a.Meta.Language = "ru"
		a.Meta.CSAT = csat
		a.Meta.Client.IDHash = client
		if op == "op-2" {
			a.Meta.Queue = "sales"
		}
		if score > 0 {
			a.Score = &schemas.Score{Profile: "default", ProfileVersion: "p1", Value: score, Max: 5}
		}
		a.Parameters = map[string]float64{"overtalk_total": dur / 100}
		return a
	}
	five := func(s float64) *schemas.CSAT { return &schemas.CSAT{Score: s, Scale: 5} }
	first = []schemas.Analysis{
		mk("n1", "op-1", nov, map[string]int{"complaint": 1}, 2.5, five(2), "cl-a", 300),
		mk("n2", "op-1", nov.Add(time.Hour), map[string]int{"greeting": 1}, 4.5, five(5), "cl-b", 120),
		mk("n3", "op-1", nov.AddDate(0, 0, 1), nil, 3.5, five(4), "cl-a", 200),
		mk("n4", "op-2", nov.AddDate(0, 0, 2), map[string]int{"repeat_contact": 1, "complaint": 2}, 1.5, &schemas.CSAT{Score: 3, Scale: 3}, "cl-c", 600),
		mk("n5", "op-2", nov.AddDate(0, 0, 8), map[string]int{"greeting": 1}, 0, nil, "", 60),
		mk("o1", "op-1", oct, map[string]int{"complaint": 1}, 2, five(1), "cl-d", 240),
		mk("o2", "op-2", oct.Add(2*time.Hour), nil, 5, five(5), "cl-e", 90),
		mk("o3", "op-2", oct.AddDate(0, 0, 1), map[string]int{"complaint": 1}, 3, nil, "cl-b", 150),
	}
	first[4].Metrics.Channels = 1
	first[4].Meta.Direction = "outbound"
	// Re-analyses: n2 now has a complaint; o3 no longer has one and
	// scores 4.
	n2 := first[1]
	n2.AnalyzedAt = n2.AnalyzedAt.Add(time.Hour)
	n2.Categories = map[string]int{"greeting": 1, "complaint": 1}
	o3 := first[7]
	o3.AnalyzedAt = o3.AnalyzedAt.Add(time.Hour)
	o3.Categories = nil
	o3.Score = &schemas.Score{Profile: "default", ProfileVersion: "p2", Value: 4, Max: 5}
	return first, []schemas.Analysis{n2, o3}
}

var sliceCases = []struct {
	name   string
	spec   report.Spec
	format string
}{
	{"operator", report.Spec{By: []string{"operator"}}, "table"},
	{"operator_month", report.Spec{By: []string{"operator", "month"}, Compare: true}, "table"},
	{"department_period", report.Spec{By: []string{"department"}, Compare: true,
		From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, "table"},
	{"category", report.Spec{By: []string{"category"}, Measures: []string{"calls", "avg_score", "csat_index"}}, "table"},
	{"week_weekday_hour", report.Spec{By: []string{"week", "weekday", "hour"}, Measures: []string{"calls"}}, "table"},
	{"day_year", report.Spec{By: []string{"year", "day"}, Measures: []string{"calls", "cat:complaint"}}, "csv"},
	{"score_band", report.Spec{By: []string{"score_band"}, Measures: []string{"calls", "scored", "avg_score"}}, "table"},
	{"client", report.Spec{By: []string{"client"}, Measures: []string{"calls"}}, "table"},
	{"queue_direction_language", report.Spec{By: []string{"queue", "direction", "language", "channels", "profile"}, Measures: []string{"calls", "avg_wait", "param:overtalk_total"}}, "table"},
	{"filter", report.Spec{By: []string{"operator"}, Filter: `has complaint and duration > 2m`}, "table"},
	{"top", report.Spec{By: []string{"operator"}, Sort: "avg_score", Top: 1}, "table"},
	{"bottom_markdown", report.Spec{By: []string{"operator"}, Sort: "avg_score", Bottom: 1}, "markdown"},
	{"json", report.Spec{By: []string{"department"}, Measures: []string{"calls", "csat_index", "avg_score"}}, "json"},
	{"timezone", report.Spec{By: []string{"day"}, Measures: []string{"calls"}, Location: mustLoc("Asia/Vladivostok"),
		From: time.Date(2026, 10, 27, 0, 0, 0, 0, mustLoc("Asia/Vladivostok"))}, "table"},
	{"empty", report.Spec{By: []string{"operator"}, From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC)}, "table"},
	{"total_only", report.Spec{}, "table"},
}

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// TestSlice runs every case on both backends against the same golden
// files: the two engines must agree to the byte.
func TestSlice(t *testing.T) {
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		first, again := sliceFixture()
		for i := 0; i < 2; i++ { // a redelivered batch
			if err := store.WriteAnalyses(ctx, db, first); err != nil {
				t.Fatal(err)
			}
		}
		if err := store.WriteAnalyses(ctx, db, again); err != nil {
			t.Fatal(err)
		}
		for _, tc := range sliceCases {
			t.Run(tc.name, func(t *testing.T) {
				out := sliceOutput(t, ctx, db, tc.spec, tc.format)
				sliceGolden(t, tc.name, out)
				// With a cache: the first run reads and keeps the
				// rows, the second answers from them; both the same
				// bytes as without.
				cache := report.NewCache(0)
				cctx := report.WithCache(ctx, cache)
				for run := 0; run < 2; run++ {
					if cached := sliceOutput(t, cctx, db, tc.spec, tc.format); string(cached) != string(out) {
						t.Errorf("run %d with a cache:\n%s\nwithout:\n%s", run, cached, out)
					}
				}
				if cache.Hits() == 0 {
					t.Error("the second run did not use the cache")
				}
			})
		}
		// The same bytes once the monthly rollup is built (the
		// reports it answers read it; on 18.16 it stays empty).
		if _, err := store.RefreshRollup(ctx, db); err != nil {
			t.Fatal(err)
		}
		for _, tc := range sliceCases {
			sliceGolden(t, tc.name, sliceOutput(t, ctx, db, tc.spec, tc.format))
		}
		testCacheSeesWrites(t, db)
	})
}

// sliceOutput is the slice report of spec on db, written in format.
func sliceOutput(t *testing.T, ctx context.Context, db store.DB, spec report.Spec, format string) []byte {
	t.Helper()
	res, err := report.Slice(ctx, db, spec)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := res.Write(&out, format); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// sliceGolden checks a slice report's output against its golden file.
func sliceGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "slice_"+name+".golden"), got, *update, "go test ./report -update")
}

func TestSliceSpecErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		spec report.Spec
		want string
	}{
		{report.Spec{By: []string{"colour"}}, `unknown dimension "colour"`},
		{report.Spec{Measures: []string{"avg_mood"}}, `unknown measure "avg_mood"`},
		{report.Spec{Measures: []string{"pct:it's"}}, `unknown measure "pct:it's"`},
		{report.Spec{Measures: []string{"param:holds_total"}}, `measure "param:holds_total": unknown parameter "holds_total": renamed, write hold_total`},
		{report.Spec{Measures: []string{"param:silence_max"}}, `renamed, write silence_longest`},
		{report.Spec{Sort: "avg_score", Measures: []string{"calls"}}, `--sort "avg_score" is not one of`},
		{report.Spec{Top: 3, Bottom: 2}, "one of --top N or --bottom N"},
		{report.Spec{From: day, To: day}, "the period is empty"},
	} {
		_, err := report.Slice(ctx, nil, tc.spec)
		if !errors.Is(err, report.ErrBadSpec) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want ErrBadSpec with %q", tc.spec, err, tc.want)
		}
	}
}

// testCacheSeesWrites: a cached report is read again once the calls change
// (a re-analysis, a new call), so it never answers with the old numbers.
func testCacheSeesWrites(t *testing.T, db store.DB) {
	ctx := context.Background()
	cache := report.NewCache(0)
	cctx := report.WithCache(ctx, cache)
	spec := report.Spec{By: []string{"operator"}, Measures: []string{"calls", "pct:complaint", "avg_score"}}
	text := func(ctx context.Context) string {
		res, err := report.Slice(ctx, db, spec)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := res.Write(&b, "json"); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	before := text(cctx)
	if again := text(cctx); again != before || cache.Hits() == 0 {
		t.Fatalf("unchanged tables: hits %d, %s vs %s", cache.Hits(), again, before)
	}
	first, _ := sliceFixture()
	a := first[0]
	a.CallID, a.ObjectKey = "cache-new", "cache-new.wav"
	a.Categories = map[string]int{"complaint": 1}
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	after, want := text(cctx), text(ctx)
	if after != want {
		t.Errorf("after a write, cached:\n%s\nuncached:\n%s", after, want)
	}
	if after == before {
		t.Errorf("a new call did not change the report: %s", after)
	}
}

package store_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// scored is sample with parameters, a score and a transcript.
func scored(id string, analyzedAt time.Time) schemas.Analysis {
	a := sample(id, analyzedAt)
	a.Parameters = map[string]float64{"overtalk_total": 7.5, "silence_longest": 3}
	a.Score = &schemas.Score{Profile: "default", ProfileVersion: "p1", Value: 4, Max: 5, Criteria: []schemas.CriterionResult{
		{ID: "greeting", Text: "Operator greets", Weight: 1, Outcome: schemas.CriterionPassed, Evidence: "«здравствуйте» at 0.8 s", Start: fptr(0.8)},
		{ID: "no_overtalk", Text: "No overtalk over 5 s", Weight: 2, Outcome: schemas.CriterionFailed, Evidence: "overtalk_total 7.5 s > 5 s"},
	}}
	a.Segments = analyze.IndexSegments(schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{
		{Role: schemas.RoleOperator, Segments: []schemas.Segment{{Start: 0.8, End: 4.1, Text: "Здравствуйте, компания Ромашка"}}},
		{Role: schemas.RoleClient, Segments: []schemas.Segment{{Start: 4.6, End: 9, Text: "Хочу оставить жалобу"}, {Start: 10, End: 11, Text: "Жалобы!"}}},
	}}, "ru")
	return a
}

func TestScoreParametersSegments(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			db := storetest.Open(t, b.DSN(t))
			ctx := context.Background()
			if err := store.CheckSchema(ctx, db); !errors.Is(err, store.ErrSchemaMissing) {
				t.Errorf("CheckSchema before migrate: %v, want ErrSchemaMissing", err)
			}
			if err := store.Migrate(ctx, db); err != nil {
				t.Fatal(err)
			}
			if err := store.CheckSchema(ctx, db); err != nil {
				t.Errorf("CheckSchema after migrate: %v", err)
			}
			a := scored("call-s", t0.Add(time.Hour))
			for i := 0; i < 2; i++ {
				if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a}); err != nil {
					t.Fatal(err)
				}
			}
			rows, err := db.Query(ctx, `SELECT toUInt64(count()), any(param_names), any(param_values), any(score), any(score_max),
       toString(any(score_profile)), any(criteria_ids), any(criteria_outcomes),
       any(if(has(param_names, 'overtalk_total'), param_values[indexOf(param_names, 'overtalk_total')], NULL))
FROM calls FINAL WHERE call_id = ?`, "call-s")
			if err != nil {
				t.Fatal(err)
			}
			rows.Next()
			var n uint64
			var pn, ids, outs []string
			var pv []float64
			var score, smax, overtalk *float64
			var profile string
			if err := rows.Scan(&n, &pn, &pv, &score, &smax, &profile, &ids, &outs, &overtalk); err != nil {
				t.Fatal(err)
			}
			rows.Close()
			if n != 1 || strings.Join(pn, ",") != "overtalk_total,silence_longest" || pv[0] != 7.5 || *score != 4 || *smax != 5 ||
				profile != "default" || strings.Join(ids, ",") != "greeting,no_overtalk" || strings.Join(outs, ",") != "passed,failed" ||
				overtalk == nil || *overtalk != 7.5 {
				t.Errorf("calls row: n=%d params %v %v score %v/%v %q criteria %v %v overtalk %v", n, pn, pv, score, smax, profile, ids, outs, overtalk)
			}
			rows, err = db.Query(ctx, `SELECT toString(criterion_id), toString(outcome), evidence, start_sec, weight
FROM criteria FINAL WHERE call_id = ? ORDER BY crit_index`, "call-s")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for rows.Next() {
				var id, out, ev string
				var start *float64
				var w float64
				if err := rows.Scan(&id, &out, &ev, &start, &w); err != nil {
					t.Fatal(err)
				}
				s := id + " " + out + " " + ev
				if start != nil {
					s += " @"
				}
				got = append(got, s)
			}
			rows.Close()
			want := "greeting passed «здравствуйте» at 0.8 s @|no_overtalk failed overtalk_total 7.5 s > 5 s"
			if strings.Join(got, "|") != want {
				t.Errorf("criteria:\n got %q\nwant %q", strings.Join(got, "|"), want)
			}
			// Search by an inflected form finds both forms of the word.
			terms := analyze.SearchTerms("жалоба", "ru")
			rows, err = db.Query(ctx, `SELECT toString(channel), seg_index, text FROM segments FINAL
WHERE call_id = ? AND hasAll(terms, ?) ORDER BY channel, seg_index`, "call-s", terms)
			if err != nil {
				t.Fatal(err)
			}
			got = got[:0]
			for rows.Next() {
				var ch, text string
				var idx uint32
				if err := rows.Scan(&ch, &idx, &text); err != nil {
					t.Fatal(err)
				}
				got = append(got, ch+":"+text)
			}
			rows.Close()
			if strings.Join(got, "|") != "client:Хочу оставить жалобу|client:Жалобы!" {
				t.Errorf("segments with %v: %q", terms, got)
			}
		})
	}
}

// TestCallMovesMonth: a re-analysis that moves a call to another month
// leaves one row for it, even in a report that reads one partition, by the
// time WriteAnalyses returns (two calls moved in one batch, one later and
// one earlier). A server deletes the old month's row in the
// background, and merges run the deletions: they are stopped while the
// re-analysis is written and started again a second later, so a write
// that did not wait for the deletion would return with both rows there,
// every time.
func TestCallMovesMonth(t *testing.T) {
	testenv.SkipIfShort(t)
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		a, c := sample("call-m", t0.Add(time.Hour)), sample("call-n", t0.Add(time.Hour))
		b, d := sample("call-m", t0.Add(2*time.Hour)), sample("call-n", t0.Add(2*time.Hour))
		b.Meta.StartedAt, d.Meta.StartedAt = t0.AddDate(0, 1, 0), t0.AddDate(0, -1, 0)
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a, c}); err != nil {
			t.Fatal(err)
		}
		restarted := storetest.PauseMerges(t, ctx, db)
		check := func(step string) {
			t.Helper()
			got := queryStrings(t, db, "SELECT concat(call_id, ' ', toString(toYYYYMM(started_at))) FROM calls ORDER BY call_id, started_at")
			if want := "call-m 202612,call-n 202610"; strings.Join(got, ",") != want {
				t.Errorf("%s: calls rows %q, want %s", step, got, want)
			}
		}
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{b, d}); err != nil {
			t.Fatal(err)
		}
		check("moved")
		if err := <-restarted; err != nil {
			t.Fatal(err)
		}
		// The older analyses arriving again must not come back.
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a, c}); err != nil {
			t.Fatal(err)
		}
		check("older again")
	})
}

// TestUpgrade migrates a database made by the first schema, with a call in
// it, to the current one: the call survives the rebuild of calls.
func TestUpgrade(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			db := storetest.Open(t, b.DSN(t))
			ctx := context.Background()
			migrateTo(t, db, "0001_calls.sql", "0002_hits.sql", "0003_call_status.sql")
			if err := store.CheckSchema(ctx, db); !errors.Is(err, store.ErrSchemaOutdated) {
				t.Errorf("CheckSchema on the old schema: %v, want ErrSchemaOutdated", err)
			}
			err := db.Insert(ctx, "calls", []string{"call_id", "row_version", "started_at", "operator_id", "category_names", "category_counts"},
				[][]any{{"old-1", uint64(5), t0, "op-1", []string{"complaint"}, []uint32{1}}})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 2; i++ {
				if err := store.Migrate(ctx, db); err != nil {
					t.Fatalf("migrate #%d: %v", i+1, err)
				}
			}
			ids := queryStrings(t, db, "SELECT concat(call_id, '/', toString(operator_id), '/', score_profile) FROM calls FINAL")
			if strings.Join(ids, ",") != "old-1/op-1/" {
				t.Errorf("calls after upgrade: %v", ids)
			}
		})
	}
}

// migrateTo applies only the named migrations: a database as an older
// callscope left it.
func migrateTo(t *testing.T, db store.DB, names ...string) {
	t.Helper()
	old := fstest.MapFS{}
	for _, name := range names {
		data, err := fs.ReadFile(store.Migrations, name)
		if err != nil {
			t.Fatal(err)
		}
		old[name] = &fstest.MapFile{Data: data}
	}
	if err := store.MigrateFS(context.Background(), db, old); err != nil {
		t.Fatal(err)
	}
}

// TestFinalFiltersLatest: a filter on `calls FINAL` sees only the latest
// analysis, on every backend: the old version matching the filter must not
// count (old servers applied PREWHERE before FINAL).
func TestFinalFiltersLatest(t *testing.T) {
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		a := sample("call-f", t0.Add(time.Hour))
		a2 := sample("call-f", t0.Add(2*time.Hour))
		a2.Meta.Operator.Department = "Продажи"
		a2.Metrics.Duration = 10
		for _, x := range []schemas.Analysis{a, a2} { // two inserts: two parts
			if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{x}); err != nil {
				t.Fatal(err)
			}
		}
		for _, where := range []string{"department = 'Поддержка'", "duration > 100", "duration > 100 AND started_at >= toDateTime(0)"} {
			rows, err := db.Query(ctx, "SELECT toUInt64(count()) FROM calls FINAL WHERE "+where)
			if err != nil {
				t.Fatal(err)
			}
			rows.Next()
			var n uint64
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			rows.Close()
			if n != 0 {
				t.Errorf("WHERE %s: %d calls, want 0 (an old version counted)", where, n)
			}
		}
	})
}

// TestConcurrentMigrate: workers starting together migrate the same server
// at once; all succeed and the schema ends complete, round after round
// (each on a fresh database).
func TestConcurrentMigrate(t *testing.T) {
	const rounds, workers = 3, 6
	server := testenvClickHouse(t)
	ctx := context.Background()
	for r := 0; r < rounds; r++ {
		dsn := databaseDSN(t, server, fmt.Sprintf("concurrent_%d", r))
		db := storetest.Open(t, dsn) // creates the database: the workers only migrate it
		errs := make(chan error, workers)
		for i := 0; i < workers; i++ {
			go func() {
				db, err := store.Open(ctx, dsn)
				if err != nil {
					errs <- err
					return
				}
				defer db.Close()
				errs <- store.Migrate(ctx, db)
			}()
		}
		for i := 0; i < workers; i++ {
			if err := <-errs; err != nil {
				t.Errorf("round %d: migrate: %v", r, err)
			}
		}
		if err := store.CheckSchema(ctx, db); err != nil {
			t.Errorf("round %d: after concurrent migrations: %v", r, err)
		}
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{scored("call-c", t0)}); err != nil {
			t.Errorf("round %d: write after concurrent migrations: %v", r, err)
		}
	}
}

func testenvClickHouse(t *testing.T) string { return testenv.ClickHouse(t) }

// TestUpgradeTo6 migrates a database of schema 0005 that holds analysed
// calls: their segments survive the rebuild of segments (now sorted by
// time), and the first contact of each client is known without a rewrite
// of the calls.
func TestUpgradeTo6(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			db := storetest.Open(t, b.DSN(t))
			ctx := context.Background()
			migrateTo(t, db, "0001_calls.sql", "0002_hits.sql", "0003_call_status.sql", "0004_calls_v4.sql", "0005_criteria_segments.sql")
			first := scored("call-1", t0)
			first.Meta.Client.IDHash = "client-a"
			second := scored("call-2", t0.Add(time.Hour))
			second.Meta.Client.IDHash = "client-a"
			second.Meta.StartedAt = first.Meta.StartedAt.Add(24 * time.Hour)
			if err := store.WriteAnalysesSchema7(ctx, db, []schemas.Analysis{first, second}); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 2; i++ {
				if err := store.Migrate(ctx, db); err != nil {
					t.Fatalf("migrate #%d: %v", i+1, err)
				}
			}
			got := queryStrings(t, db, `SELECT concat(call_id, ':', toString(count())) FROM segments GROUP BY call_id ORDER BY call_id`)
			if strings.Join(got, ",") != "call-1:3,call-2:3" {
				t.Errorf("segments after upgrade: %v", got)
			}
			got = queryStrings(t, db, `SELECT sorting_key FROM system.tables WHERE database = currentDatabase() AND name = 'segments'`)
			if len(got) != 1 || !strings.HasPrefix(got[0], "started_at") {
				t.Errorf("segments sorting key %v, want it to start with started_at", got)
			}
			got = queryStrings(t, db, `SELECT concat(call_id, ':', toString(started_at = first_started))
FROM calls FINAL ANY LEFT JOIN (SELECT client_key, minMerge(first_at) AS first_started FROM first_contacts GROUP BY client_key) AS f USING client_key
ORDER BY call_id`)
			if strings.Join(got, ",") != "call-1:1,call-2:0" {
				t.Errorf("first contacts after upgrade: %v, want call-1 first and call-2 repeat", got)
			}
			got = queryStrings(t, db, `SELECT name FROM system.tables WHERE database = currentDatabase() AND name IN ('calls_v1', 'segments_v5', 'segments_v6', 'client_first', 'client_first_mv')`)
			if len(got) != 0 {
				t.Errorf("tables left behind by the upgrade: %v", got)
			}
		})
	}
}

// queryStrings runs a query of one String column.
func queryStrings(t *testing.T, db store.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSegmentsSearchIndex: where the server has a full-text index (chDB
// 26.7), segments.terms has one and the bloom filter it replaces is gone;
// a search through it finds every inflection the terms were stemmed to.
func TestSegmentsSearchIndex(t *testing.T) {
	db := storetest.Open(t, testenv.ChDB(t))
	ctx := context.Background()
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	got := queryStrings(t, db, `SELECT concat(name, ' ', type) FROM system.data_skipping_indices WHERE database = currentDatabase() AND table = 'segments' ORDER BY name`)
	if strings.Join(got, ",") != "terms_text text" {
		t.Errorf("indices of segments: %v, want terms_text (text) only", got)
	}
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{scored("call-t", t0)}); err != nil {
		t.Fatal(err)
	}
	got = queryStrings(t, db, `SELECT concat(call_id, '@', toString(start_sec)) FROM segments WHERE hasAll(terms, ['`+analyze.SearchTerms("жалобы", "ru")[0]+`']) ORDER BY start_sec`)
	if strings.Join(got, ",") != "call-t@4.6,call-t@10" {
		t.Errorf("segments with a form of «жалоба»: %v", got)
	}
}

// TestCallMovesMonthOnce: a call ends in one month, whichever way its
// analyses arrive. Two analyses of it in one batch that place it in two
// months (the batch holds both, in either order) leave the newest one's
// row only; a re-analysis without an analysis time (row version 0, as the
// first) that moves it deletes the old month's row, as a later one does.
func TestCallMovesMonthOnce(t *testing.T) {
	testenv.SkipIfShort(t)
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		older, newer := sample("call-b", t0.Add(time.Hour)), sample("call-b", t0.Add(2*time.Hour))
		newer.Meta.StartedAt = t0.AddDate(0, 1, 0)
		first, second := sample("call-r", t0.Add(time.Hour)), sample("call-r", t0.Add(2*time.Hour))
		second.Meta.StartedAt = t0.AddDate(0, -1, 0)
		unversioned, moved := sample("call-z", time.Time{}), sample("call-z", time.Time{})
		moved.Meta.StartedAt = t0.AddDate(0, 1, 0)
		for _, batch := range [][]schemas.Analysis{{older, newer, second, first}, {unversioned}, {moved}} {
			if err := store.WriteAnalyses(ctx, db, batch); err != nil {
				t.Fatal(err)
			}
		}
		got := queryStrings(t, db, "SELECT concat(call_id, ' ', toString(toYYYYMM(started_at))) FROM calls ORDER BY call_id, started_at")
		if want := "call-b 202612,call-r 202610,call-z 202612"; strings.Join(got, ",") != want {
			t.Errorf("calls rows %q, want %s", got, want)
		}
	})
}

// TestMutateStuckSaysWhich: a deletion that a server does not finish in
// time fails with what an operator needs to act: the stuck mutation's id
// and its command. Merges of calls, which run its
// deletions, are stopped for it. chDB deletes within the statement.
func TestMutateStuckSaysWhich(t *testing.T) {
	testenv.SkipIfShort(t)
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		if db.Backend() == store.BackendChDB {
			t.Skip("chDB deletes within the statement: nothing waits")
		}
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{sample("call-k", t0)}); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, "SYSTEM STOP MERGES calls"); err != nil {
			t.Fatal(err)
		}
		defer store.SetMutateWait(time.Second)()
		_, err := store.DeleteOlder(ctx, db, "calls", "started_at", t0.Add(time.Hour), false)
		if err := db.Exec(ctx, "SYSTEM START MERGES calls"); err != nil {
			t.Fatal(err)
		}
		if err == nil {
			t.Fatal("DeleteOlder with the merges of calls stopped: no error")
		}
		t.Logf("the error: %v", err)
		for _, want := range []string{"1 mutations of calls still running after 1s", `mutation_id "mutation_`, "DELETE WHERE"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q\nwants %q", err, want)
			}
		}
		// The id named is the stuck one's in system.mutations.
		id, _, _ := strings.Cut(err.Error()[strings.Index(err.Error(), `mutation_id "`)+len(`mutation_id "`):], `"`)
		got := queryStrings(t, db, "SELECT concat(table, ' ', command) FROM system.mutations WHERE database = currentDatabase() AND mutation_id = '"+id+"'")
		if len(got) != 1 || !strings.HasPrefix(got[0], "calls DELETE WHERE") {
			t.Errorf("system.mutations of %q: %q, want the deletion of calls", id, got)
		}
	})
}

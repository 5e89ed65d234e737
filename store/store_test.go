package store_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// migratedChDB opens an embedded chDB database with every migration applied.
func migratedChDB(t testing.TB) store.DB { return storetest.Migrated(t, testenv.ChDB(t)) }

func fptr(f float64) *float64 { return &f }
func iptr(i int) *int         { return &i }

var t0 = time.Date(2026, 11, 20, 7, 15, 0, 0, time.UTC)

// sample is a call with a complaint and a repeat contact.
func sample(id string, analyzedAt time.Time) schemas.Analysis {
	return schemas.Analysis{
		CallID: id, ObjectKey: "calls/" + id + ".wav", ETag: "etag-" + id,
		Version: "v1+d1", DictionaryVersion: "d1", AnalyzedAt: analyzedAt,
		Meta: schemas.Metadata{
			CallID: id, StartedAt: t0, Direction: "inbound", Language: "ru",
			Operator: schemas.Operator{ID: "op-17", Name: "Анна Петрова", Department: "Поддержка"},
			Client:   schemas.Client{IDHash: "h1"},
			Queue:    "internet", WaitSeconds: fptr(42), Transfers: iptr(1),
			CSAT: &schemas.CSAT{Score: 4, Scale: 5},
			Tags: map[string]string{"tariff": "home-100", "quote": "it's \\ 'odd'"},
		},
		ASR:        schemas.ASRInfo{Adapter: "import"},
		Metrics:    schemas.Metrics{Duration: 312.4, Channels: 2, OperatorTalk: fptr(120), ClientTalk: fptr(90), TotalTalk: 210},
		Categories: map[string]int{"complaint": 2, "repeat_contact": 1},
		Hits: []schemas.Hit{
			{Category: "complaint", PhraseID: "c1", Channel: "client", Start: 4.6, End: 5.2, Text: "жалобу"},
			{Category: "complaint", PhraseID: "c2", Channel: "client", Start: 10, End: 11, Text: "безобразие"},
			{Category: "repeat_contact", PhraseID: "r1", Channel: "client", Start: 6, End: 7, Text: "третий раз"},
		},
	}
}

func TestBackends(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			db := storetest.Open(t, b.DSN(t))
			ctx := context.Background()
			for i := 0; i < 2; i++ {
				if err := store.Migrate(ctx, db); err != nil {
					t.Fatalf("migrate #%d: %v", i+1, err)
				}
			}
			ms, err := store.MigrationStatus(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if !m.Applied {
					t.Errorf("migration %s not applied", m.Name)
				}
			}
			t.Run("bind", func(t *testing.T) { testBind(t, db) })
			t.Run("analyses", func(t *testing.T) { testAnalyses(t, db) })
			t.Run("statuses", func(t *testing.T) { testStatuses(t, db) })
		})
	}
}

// testBind round-trips awkward values through ? placeholders.
func testBind(t *testing.T, db store.DB) {
	ctx := context.Background()
	for _, s := range []string{"plain", "it's", `back\slash`, "new\nline", "tab\tx", "Анна ?", "'; DROP TABLE calls; --", "\x00nul"} {
		rows, err := db.Query(ctx, "SELECT ? AS s, length(?) AS n", s, s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if !rows.Next() {
			t.Fatalf("%q: no row", s)
		}
		var got string
		var n uint64
		if err := rows.Scan(&got, &n); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if got != s || n != uint64(len(s)) {
			t.Errorf("bind %q: got %q (length %d)", s, got, n)
		}
	}
	rows, err := db.Query(ctx, "SELECT toUInt64(?) + 1, ? * 2, has(?, 'b'), toUnixTimestamp(?)", 41, 1.5, []string{"a", "b"}, t0)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	rows.Next()
	var u uint64
	var f float64
	var has uint8
	var ts uint32
	if err := rows.Scan(&u, &f, &has, &ts); err != nil {
		t.Fatal(err)
	}
	if u != 42 || f != 3 || has != 1 || int64(ts) != t0.Unix() {
		t.Errorf("got %d %v %d %d", u, f, has, ts)
	}
}

func testAnalyses(t *testing.T, db store.DB) {
	ctx := context.Background()
	a := sample("call-1", t0.Add(time.Hour))
	b := sample("call-2", t0.Add(time.Hour))
	b.Meta.Operator = schemas.Operator{ID: "op-2", Name: "Иван", Department: "Продажи"}
	b.Categories = map[string]int{"incompetence": 1}
	b.Hits = []schemas.Hit{{Category: "incompetence", PhraseID: "i1", Channel: "operator", Start: 1, End: 2, Text: "не знаю"}}
	b.Metrics.OperatorTalk, b.Metrics.ClientTalk, b.Metrics.Channels = nil, nil, 1
	b.Meta.CSAT, b.Meta.Transfers, b.Meta.WaitSeconds = nil, nil, nil

	for i := 0; i < 2; i++ { // written twice: nothing may double
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a, b}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(stage string, wantHitsA int) {
		t.Helper()
		got := countCalls(t, db)
		if got != 2 {
			t.Errorf("%s: %d calls, want 2", stage, got)
		}
		hits, err := store.CallHits(ctx, db, "call-1")
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != wantHitsA {
			t.Errorf("%s: call-1 has %d hits, want %d: %+v", stage, len(hits), wantHitsA, hits)
		}
	}
	check("written twice", 3)
	if hits, _ := store.CallHits(ctx, db, "call-1"); len(hits) > 0 && hits[0] != a.Hits[0] {
		t.Errorf("hit round trip: got %+v, want %+v", hits[0], a.Hits[0])
	}

	// A re-analysis with fewer hits replaces the old one entirely.
	a2 := sample("call-1", t0.Add(2*time.Hour))
	a2.Version = "v2+d2"
	a2.Categories = map[string]int{"complaint": 1}
	a2.Hits = a2.Hits[:1]
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a2}); err != nil {
		t.Fatal(err)
	}
	// An older analysis arriving late changes nothing.
	if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	check("re-analysed", 1)

	rows, err := db.Query(ctx, `SELECT argMax(version, row_version), argMax(category_names, row_version),
       argMax(operator_talk, row_version), argMax(client_talk, row_version), argMax(tag_values, row_version),
       argMax(started_at, row_version), argMax(operator_name, row_version)
FROM calls WHERE call_id = ? GROUP BY call_id`, "call-1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatal("call-1 missing")
	}
	var version, name string
	var cats, tags []string
	var opTalk, clTalk *float64
	var started time.Time
	if err := rows.Scan(&version, &cats, &opTalk, &clTalk, &tags, &started, &name); err != nil {
		t.Fatal(err)
	}
	if version != "v2+d2" || strings.Join(cats, ",") != "complaint" || opTalk == nil || *opTalk != 120 ||
		!started.Equal(t0) || name != "Анна Петрова" || tags[0] != "it's \\ 'odd'" {
		t.Errorf("latest call-1: version %q cats %v opTalk %v started %v name %q tags %q", version, cats, opTalk, started, name, tags)
	}
}

func countCalls(t *testing.T, db store.DB) uint64 {
	t.Helper()
	rows, err := db.Query(context.Background(), "SELECT toUInt64(uniqExact(call_id)) FROM calls")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var n uint64
	rows.Next()
	if err := rows.Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func testStatuses(t *testing.T, db store.DB) {
	ctx := context.Background()
	at := t0.Add(3 * time.Hour)
	st := []schemas.Status{
		{ObjectKey: "a.wav", ETag: "e1", CallID: "a", Stage: schemas.StageIngest, State: schemas.StateQueued, Attempts: 1, At: at},
		{ObjectKey: "a.wav", ETag: "e1", CallID: "a", Stage: schemas.StageStore, State: schemas.StateAnalysed, Attempts: 1, At: at.Add(time.Millisecond)},
		{ObjectKey: "b.wav", ETag: "e2", CallID: "b", Stage: schemas.StageTranscribe, State: schemas.StateFailed, Error: "audio: not a WAV file", Attempts: 3, At: at},
		{ObjectKey: "c.wav", ETag: "e3", Stage: schemas.StageIngest, State: schemas.StateFailed, Error: "audio: not a WAV file", Attempts: 1, At: at},
	}
	for i := 0; i < 2; i++ {
		if err := store.WriteStatuses(ctx, db, st); err != nil {
			t.Fatal(err)
		}
	}
	all, err := store.LatestStatuses(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all["a.wav"].State != schemas.StateAnalysed || !all["a.wav"].At.Equal(at.Add(time.Millisecond)) {
		t.Errorf("latest: %+v", all)
	}
	some, err := store.Statuses(ctx, db, []string{"b.wav", "x.wav"})
	if err != nil {
		t.Fatal(err)
	}
	if len(some) != 1 || some["b.wav"].Error != "audio: not a WAV file" || some["b.wav"].Attempts != 3 {
		t.Errorf("statuses(b, x): %+v", some)
	}
	failed, err := store.Failures(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 2 || failed[0].ObjectKey != "b.wav" || failed[1].Stage != schemas.StageIngest {
		t.Errorf("failures: %+v", failed)
	}
	// The failures by stage and reason, over the period of the failure
	// (from included, to excluded), as reprocess --status failed selects.
	for _, tc := range []struct {
		name     string
		from, to time.Time
		want     []store.FailureReason
	}{
		{name: "all", want: []store.FailureReason{
			{Stage: schemas.StageIngest, Error: "audio: not a WAV file", Calls: 1},
			{Stage: schemas.StageTranscribe, Error: "audio: not a WAV file", Calls: 1}}},
		{name: "from the failure on", from: at, want: []store.FailureReason{
			{Stage: schemas.StageIngest, Error: "audio: not a WAV file", Calls: 1},
			{Stage: schemas.StageTranscribe, Error: "audio: not a WAV file", Calls: 1}}},
		{name: "after it", from: at.Add(time.Millisecond)},
		{name: "before it", to: at},
	} {
		reasons, err := store.FailureReasons(ctx, db, tc.from, tc.to)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(reasons, tc.want) {
			t.Errorf("reasons %s: %+v, want %+v", tc.name, reasons, tc.want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	_, err := store.Open(ctx, "postgres://u:secret@h/db")
	if !errors.Is(err, store.ErrBadDSN) || strings.Contains(err.Error(), "secret") {
		t.Errorf("unknown scheme: %v", err)
	}
	_, err = store.Open(ctx, "chdb://relative/dir")
	if !errors.Is(err, store.ErrBadDSN) {
		t.Errorf("relative chdb path: %v", err)
	}
	if testing.Short() {
		return
	}
	port := testenv.FreePort(t)
	dsn := "clickhouse://u:secret@127.0.0.1:" + strconv.Itoa(port) + "/db?dial_timeout=500ms"
	_, err = store.Open(ctx, dsn)
	if err == nil || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "127.0.0.1:"+strconv.Itoa(port)) {
		t.Errorf("no server: %v", err)
	}
	t.Logf("no server: %v", err)
}

// TestManyBlocks reads a result that arrives as many small blocks: every
// row of every block must come back, the last ones included.
func TestManyBlocks(t *testing.T) {
	for _, b := range testenv.Backends {
		t.Run(b.Name, func(t *testing.T) {
			db := storetest.Open(t, b.DSN(t))
			rows, err := db.Query(context.Background(), "SELECT number FROM system.numbers LIMIT 1000 SETTINGS max_block_size = 7")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var n, sum uint64
			for rows.Next() {
				var v uint64
				if err := rows.Scan(&v); err != nil {
					t.Fatal(err)
				}
				n++
				sum += v
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if n != 1000 || sum != 999*1000/2 {
				t.Errorf("read %d rows summing to %d, want 1000 rows summing to %d", n, sum, 999*1000/2)
			}
		})
	}
}

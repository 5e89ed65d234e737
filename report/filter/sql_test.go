package filter

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Moscow without the system's zone files

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// contractTable is the calls table of the schema contract, created here so
// the test does not depend on the migrations' progress.
const contractTable = `CREATE TABLE calls (
    call_id String, row_version UInt64, object_key String, etag String, version String,
    dictionary_version String, analyzed_at DateTime('UTC'), started_at DateTime('UTC'),
    operator_id String, operator_name String, department String, queue String,
    direction String, language String, client_hash String,
    wait_seconds Nullable(Float64), transfers Nullable(Int32),
    csat_score Nullable(Float64), csat_scale Nullable(Float64),
    duration Float64, channels UInt8, operator_talk Nullable(Float64), client_talk Nullable(Float64),
    total_talk Float64, category_names Array(String), category_counts Array(UInt32),
    asr_adapter String, asr_model String, tag_keys Array(String), tag_values Array(String),
    param_names Array(String), param_values Array(Float64),
    score Nullable(Float64), score_max Float64, score_profile String, score_profile_version String,
    criteria_ids Array(String), criteria_outcomes Array(String)
) ENGINE = ReplacingMergeTree(row_version) ORDER BY call_id`

var contractColumns = []string{"call_id", "row_version", "analyzed_at", "started_at", "operator_id",
	"operator_name", "department", "queue", "direction", "language", "client_hash", "wait_seconds",
	"transfers", "csat_score", "csat_scale", "duration", "channels", "operator_talk", "client_talk",
	"total_talk", "category_names", "category_counts", "asr_adapter", "asr_model", "tag_keys", "tag_values",
	"param_names", "param_values", "score", "score_max", "score_profile", "score_profile_version",
	"criteria_ids", "criteria_outcomes", "object_key", "etag", "version", "dictionary_version"}

func f64(v float64) *float64 { return &v }
func i32(v int) *int         { return &v }

// sampleCalls cover known and unknown values of every kind.
func sampleCalls() []schemas.Analysis {
	msk := time.FixedZone("MSK", 3*3600)
	return []schemas.Analysis{
		{CallID: "c1", ObjectKey: "a/c1.wav", AnalyzedAt: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC),
			Meta: schemas.Metadata{StartedAt: time.Date(2026, 11, 18, 9, 5, 0, 0, msk), Direction: "inbound", Language: "ru",
				Operator: schemas.Operator{ID: "op-11", Name: "Анна Петрова", Department: "Поддержка"}, Queue: "internet",
				Client: schemas.Client{IDHash: "h1"}, WaitSeconds: f64(12), CSAT: &schemas.CSAT{Score: 5, Scale: 5},
				Tags: map[string]string{"scenario": "polite", "sales channel": "web shop"}},
			ASR:        schemas.ASRInfo{Adapter: "import", Model: "m1"},
			Metrics:    schemas.Metrics{Duration: 23.1, Channels: 2, OperatorTalk: f64(12), ClientTalk: f64(6), TotalTalk: 17},
			Parameters: map[string]float64{"silence_longest": 2.5, "talk_share_operator": 66, "overtalk_total": 0},
			Score: &schemas.Score{Profile: "default", ProfileVersion: "1", Value: 5, Max: 5,
				Criteria: []schemas.CriterionResult{{ID: "greeting", Outcome: "passed"}, {ID: "farewell", Outcome: "passed"}}}},
		{CallID: "c2", ObjectKey: "a/c2.wav", AnalyzedAt: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC),
			Meta: schemas.Metadata{StartedAt: time.Date(2026, 11, 20, 21, 30, 0, 0, time.UTC), Direction: "inbound", Language: "ru",
				Operator: schemas.Operator{ID: "op-12", Name: "Дмитрий Соколов", Department: "Поддержка"}, Queue: "tv",
				Client: schemas.Client{IDHash: "h2"}, WaitSeconds: f64(95), Transfers: i32(1), CSAT: &schemas.CSAT{Score: 2, Scale: 5}},
			Metrics:    schemas.Metrics{Duration: 400, Channels: 2, OperatorTalk: f64(200), ClientTalk: f64(150), TotalTalk: 330},
			Categories: map[string]int{"complaint": 3, "repeat_contact": 1},
			Parameters: map[string]float64{"silence_longest": 14, "talk_share_operator": 35, "overtalk_total": 7.2, "hold_count": 2, "first_response_time": 1.5},
			Score: &schemas.Score{Profile: "support", Value: 2.5, Max: 5,
				Criteria: []schemas.CriterionResult{{ID: "greeting", Outcome: "failed"}, {ID: "apology", Outcome: "n/a"}}}},
		{CallID: "c3", ObjectKey: "b/c3.wav", AnalyzedAt: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
			Meta: schemas.Metadata{Direction: "outbound", Language: "en",
				Operator: schemas.Operator{ID: "op-21", Name: "Елена Смирнова", Department: "Продажи"},
				Tags:     map[string]string{"scenario": "sales"}},
			Metrics:    schemas.Metrics{Duration: 16.9, Channels: 1, TotalTalk: 12},
			Categories: map[string]int{"incompetence": 1}},
		{CallID: "c4", ObjectKey: "b/c4.wav", AnalyzedAt: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
			Meta: schemas.Metadata{StartedAt: time.Date(2026, 11, 22, 18, 0, 0, 0, time.UTC), Direction: "inbound",
				Operator: schemas.Operator{ID: "op-12", Department: "Поддержка"}, Transfers: i32(0), WaitSeconds: f64(30)},
			Metrics:    schemas.Metrics{Duration: 3600, Channels: 2, OperatorTalk: f64(1000), ClientTalk: f64(900), TotalTalk: 1900},
			Categories: map[string]int{"complaint": 1},
			Parameters: map[string]float64{"silence_longest": 10, "interruptions_operator": 4},
			Score:      &schemas.Score{Profile: "default", Value: 8, Max: 10}},
	}
}

// contractDB opens a fresh database of backend whose table, the contract's
// calls table under that name, holds rows; it is closed when the test ends.
func contractDB(t *testing.T, ctx context.Context, backend testenv.Backend, table string, rows [][]any) store.DB {
	t.Helper()
	db := storetest.Open(t, backend.DSN(t))
	if db.Backend() == store.BackendClickHouse {
		if err := db.Exec(ctx, "CREATE DATABASE IF NOT EXISTS callscope"); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Exec(ctx, strings.Replace(contractTable, "CREATE TABLE calls", "CREATE TABLE "+table, 1)); err != nil {
		t.Fatal(err)
	}
	if err := db.Insert(ctx, table, contractColumns, rows); err != nil {
		t.Fatal(err)
	}
	return db
}

// contractRows are calls as rows of the contract's calls table.
func contractRows(calls []schemas.Analysis) [][]any {
	rows := make([][]any, 0, len(calls))
	for _, a := range calls {
		rows = append(rows, contractRow(a))
	}
	return rows
}

// evalIDs are the ids of the calls that e selects by Eval with dates in
// loc, in the calls' order: what the SQL must select.
func evalIDs(e Expr, loc *time.Location, calls []schemas.Analysis) ([]string, error) {
	var ids []string
	for i := range calls {
		ok, err := EvalIn(e, loc, ValuesIn(&calls[i], loc))
		if err != nil {
			return nil, err
		}
		if ok {
			ids = append(ids, calls[i].CallID)
		}
	}
	return ids, nil
}

func contractRow(a schemas.Analysis) []any {
	started := a.Meta.StartedAt.UTC()
	if a.Meta.StartedAt.IsZero() {
		started = time.Unix(0, 0).UTC()
	}
	var cats []string
	var counts []uint32
	for k, n := range a.Categories {
		cats, counts = append(cats, k), append(counts, uint32(n))
	}
	var tk, tv []string
	for k, v := range a.Meta.Tags {
		tk, tv = append(tk, k), append(tv, v)
	}
	var pn []string
	var pv []float64
	for k, v := range a.Parameters {
		pn, pv = append(pn, k), append(pv, v)
	}
	var score *float64
	var smax float64
	var prof, profVer string
	var cid, cout []string
	if a.Score != nil {
		score, smax, prof, profVer = f64(a.Score.Value), a.Score.Max, a.Score.Profile, a.Score.ProfileVersion
		for _, c := range a.Score.Criteria {
			cid, cout = append(cid, c.ID), append(cout, c.Outcome)
		}
	}
	var transfers *int32
	if a.Meta.Transfers != nil {
		v := int32(*a.Meta.Transfers)
		transfers = &v
	}
	var csat, scale *float64
	if a.Meta.CSAT != nil {
		csat, scale = f64(a.Meta.CSAT.Score), f64(a.Meta.CSAT.Scale)
	}
	m := a.Meta
	return []any{a.CallID, uint64(1), a.AnalyzedAt.UTC(), started, m.Operator.ID, m.Operator.Name,
		m.Operator.Department, m.Queue, m.Direction, m.Language, m.Client.IDHash, m.WaitSeconds,
		transfers, csat, scale, a.Metrics.Duration, uint8(a.Metrics.Channels), a.Metrics.OperatorTalk,
		a.Metrics.ClientTalk, a.Metrics.TotalTalk, nonNil(cats), nonNilU(counts), a.ASR.Adapter, a.ASR.Model,
		nonNil(tk), nonNil(tv), nonNil(pn), nonNilF(pv), score, smax, prof, profVer, nonNil(cid), nonNil(cout),
		a.ObjectKey, "", "", ""}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
func nonNilU(s []uint32) []uint32 {
	if s == nil {
		return []uint32{}
	}
	return s
}
func nonNilF(s []float64) []float64 {
	if s == nil {
		return []float64{}
	}
	return s
}

// backendExprs run against both servers; every one must select the same
// calls in SQL as Eval does in memory.
var backendExprs = []string{
	"duration > 5m",
	"duration <= 23.1s",
	"silence_longest >= 10s",
	"not silence_longest >= 10s",
	"silence_longest is unknown",
	"talk_share_operator < 40%",
	"param.interruptions_operator > 3",
	"param.time_to_greeting > 0 or param.time_to_greeting is unknown",
	"has complaint",
	"not has complaint",
	"category in (incompetence, repeat_contact)",
	"category not in (incompetence, repeat_contact)",
	"category.complaint >= 2",
	"category.complaint = 0",
	"operator = op-12",
	"operator in (op-11, op-21)",
	"operator not in (op-11, op-21)",
	"operator_name ~ ПЕТРОВ",
	"operator_name !~ петров",
	"department = 'Поддержка' and queue != tv",
	"direction = outbound or language = en",
	"tag.scenario = polite",
	"tag.scenario != polite",
	"not tag.scenario = polite",
	"tag.'sales channel' ~ shop",
	"tag.scenario is unknown",
	"started >= 2026-11-20",
	"started < 2026-11-20",
	"not started < 2026-11-20",
	"started = 2026-11-20",
	"started != 2026-11",
	"started = 2026-W47",
	"started in (2026-11-18, 2026-11-22)",
	"started not in (2026-11-18)",
	"started is unknown",
	"started = 2026-11-18T09:05+03:00",
	"analyzed >= 2026-11-22",
	"hour >= 18",
	"weekday in (6, 7)",
	"wait > 30s",
	"not wait > 30s",
	"wait in (12, 30)",
	"wait not in (12, 30)",
	"transfers > 0",
	"transfers not in (1)",
	"csat <= 2 or csat is unknown",
	"csat_scale = 5",
	"operator_talk > 100 and client_talk is known",
	"total_talk > 1m",
	"channels = 1",
	"categories = 0 or categories >= 2",
	"score >= 4",
	"not score >= 4",
	"score_profile = default",
	"criterion.greeting = failed",
	"criterion.greeting != failed",
	"criterion.apology = n/a",
	"criterion.greeting is unknown",
	"not (has complaint or wait > 30s) and direction = inbound",
	"!(duration < 30 && csat is known) || hour >= 18",
	"client = h1 or object_key ~ 'b/'",
	"asr_adapter = import and asr_model = m1",
	"dictionary_version = ''",
	"hold_count = 2 or first_response_time is known",
	"param.first_response_time > 1s and param.talk_share_operator < 40%",
	"operator = op-99", // only an older analysis of c1 has it
	"started = '2026-11-21 00:30'",
}

// TestEvalGolden pins what Eval selects from sampleCalls for each of
// backendExprs (testdata/eval.golden, reviewed by hand); TestSQLOnBackends
// then holds the SQL to the same answers.
func TestEvalGolden(t *testing.T) {
	calls := sampleCalls()
	var b strings.Builder
	for _, src := range backendExprs {
		e, err := Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		ids, err := evalIDs(e, time.UTC, calls)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		fmt.Fprintf(&b, "%-55s %s\n", src, strings.Join(ids, " "))
	}
	checkGolden(t, "eval.golden", b.String())
}

func TestSQLOnBackends(t *testing.T) {
	testenv.SkipIfShort(t)
	for _, backend := range testenv.Backends {
		t.Run(backend.Name, func(t *testing.T) {
			ctx := context.Background()
			calls := sampleCalls()
			// An older analysis of c1, which FINAL must hide from every
			// filter.
			old := contractRow(calls[0])
			old[1], old[4] = uint64(0), "op-99"
			db := contractDB(t, ctx, backend, "calls", append(contractRows(calls), old))
			for _, loc := range locations(t) {
				for _, src := range backendExprs {
					e, err := Parse(src)
					if err != nil {
						t.Fatalf("%s: %v", src, err)
					}
					where, args, err := CompileIn(e, loc)
					if err != nil {
						t.Fatal(err)
					}
					got, err := queryIDs(ctx, db, "SELECT call_id FROM calls FINAL WHERE "+where+" ORDER BY call_id SETTINGS optimize_move_to_prewhere = 0", args...)
					if err != nil {
						t.Errorf("%s: %v\nSQL: %s", src, err, where)
						continue
					}
					want, err := evalIDs(e, loc, calls)
					if err != nil {
						t.Fatalf("%s: eval: %v", src, err)
					}
					sort.Strings(want)
					if !slices.Equal(got, want) {
						t.Errorf("%s in %s: SQL selects %v, Eval %v\nSQL: %s %v", src, loc, got, want, where, args)
					}
				}
			}
		})
	}
}

// locations are the time zones the backend test runs in: UTC and one where
// days begin three hours earlier.
func locations(t *testing.T) []*time.Location {
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	return []*time.Location{time.UTC, msk}
}

func queryIDs(ctx context.Context, db store.DB, q string, args ...any) ([]string, error) {
	rows, err := db.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// TestEvalInZone: dates, hours and weekdays are read in the query's zone.
func TestEvalInZone(t *testing.T) {
	c2 := sampleCalls()[1] // started 2026-11-20 21:30 UTC = 2026-11-21 00:30 MSK, a Saturday
	msk := locations(t)[1]
	for _, tc := range []struct {
		src     string
		utc, in bool
	}{
		{"started = '2026-11-21 00:30'", false, true},
		{"started = 2026-11-20", true, false},
		{"started = 2026-11-20T21:30Z", true, true},
		{"hour = 0", false, true},
		{"weekday = 6", false, true},
	} {
		e, err := Parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		utc, err1 := Eval(e, ValuesOf(&c2))
		in, err2 := EvalIn(e, msk, ValuesIn(&c2, msk))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if utc != tc.utc || in != tc.in {
			t.Errorf("%s: UTC %v, Moscow %v; want %v, %v", tc.src, utc, in, tc.utc, tc.in)
		}
	}
}

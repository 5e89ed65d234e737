package privacy_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/privacy"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

var key = []byte("test-key")

var t0 = time.Date(2026, 11, 20, 7, 15, 0, 0, time.UTC)

func analysis(id, client string, started time.Time) schemas.Analysis {
	tr := &schemas.Transcript{Language: "ru", Duration: 10, Channels: []schemas.TranscriptChannel{
		{Role: "client", Segments: []schemas.Segment{{Start: 1, End: 3, Text: "я хочу пожаловаться"}}}}}
	return schemas.Analysis{
		CallID: id, ObjectKey: "2026/11/" + id + ".wav", ETag: "e-" + id, Version: "v1", DictionaryVersion: "d1",
		AnalyzedAt: started.Add(time.Hour),
		Meta:       schemas.Metadata{CallID: id, StartedAt: started, Language: "ru", Client: schemas.Client{IDHash: ingest.HashClientID(key, client)}},
		Metrics:    schemas.Metrics{Duration: 10, Channels: 2},
		Categories: map[string]int{"complaint": 1},
		Hits:       []schemas.Hit{{Category: "complaint", PhraseID: "c1", Channel: "client", Start: 1, End: 3, Text: "пожаловаться"}},
		Segments:   analyze.IndexSegments(*tr, "ru"),
	}
}

type fixture struct {
	db   store.DB
	objs *objstore.Store
	cfg  privacy.Config
}

func setup(t *testing.T, dsn string) fixture {
	ctx := context.Background()
	db := storetest.Migrated(t, dsn)
	m := testenv.MinIO(t, testenv.MinIOOptions{})
	objs, err := objstore.New(objstore.Config{Endpoint: m.Endpoint, AccessKey: m.AccessKey, SecretKey: m.SecretKey})
	if err != nil {
		t.Fatal(err)
	}
	cfg := privacy.Config{CallsBucket: "calls", TranscriptsBucket: "callscope-transcripts", ClientIDKey: key, AudioBucket: "redacted"}
	for _, b := range []string{cfg.CallsBucket, cfg.TranscriptsBucket, cfg.AudioBucket} {
		if err := objs.EnsureBucket(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	as := []schemas.Analysis{
		analysis("a1", "+7 916 123-45-67", t0), analysis("a2", "89161234567", t0.Add(24*time.Hour)),
		analysis("b1", "+79035550000", t0.Add(-40*24*time.Hour)),
	}
	if err := store.WriteAnalyses(ctx, db, as); err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		base := strings.TrimSuffix(a.ObjectKey, ".wav")
		for _, o := range [][2]string{{cfg.CallsBucket, a.ObjectKey}, {cfg.CallsBucket, base + ".json"}, {cfg.TranscriptsBucket, base + ".transcript.json"}, {cfg.AudioBucket, a.ObjectKey}} {
			if _, err := objs.Put(ctx, o[0], o[1], []byte("x"), "application/octet-stream", nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	return fixture{db, objs, cfg}
}

func (f fixture) rows(t *testing.T, ids ...string) map[string]uint64 {
	var refs []store.StoredCall
	for _, id := range ids {
		refs = append(refs, store.StoredCall{CallID: id, ObjectKey: "2026/11/" + id + ".wav"})
	}
	n, err := store.CountCallRows(context.Background(), f.db, refs)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (f fixture) keys(t *testing.T, bucket string) []string {
	var out []string
	for info, err := range f.objs.List(context.Background(), bucket, "") {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, info.Key)
	}
	slices.Sort(out)
	return out
}

// TestForget: a client's calls go from every table and both buckets, the
// other client's stay, the dry run removes nothing, and the record of the
// erasure holds counts, not the number or its hash.
func TestForget(t *testing.T) {
	for _, be := range testenv.Backends {
		t.Run(be.Name, func(t *testing.T) {
			f := setup(t, be.DSN(t))
			ctx := context.Background()
			dry, err := privacy.Forget(ctx, f.db, f.objs, f.cfg, "+7 (916) 123-45-67", true)
			if err != nil {
				t.Fatal(err)
			}
			if len(dry.Calls) != 2 || len(dry.Objects) != 10 || dry.Rows["calls"] != 2 || dry.Rows["hits"] != 2 || dry.Rows["segments"] != 2 {
				t.Fatalf("dry run: %+v", dry)
			}
			if n := f.rows(t, "a1", "a2"); n["calls"] != 2 || len(f.keys(t, "calls")) != 6 {
				t.Fatalf("the dry run removed something: %v", n)
			}
			rep, err := privacy.Forget(ctx, f.db, f.objs, f.cfg, "8 916 123 45 67", false)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Calls) != 2 {
				t.Errorf("forgot %d calls", len(rep.Calls))
			}
			for table, n := range f.rows(t, "a1", "a2") {
				if n != 0 {
					t.Errorf("%s: %d rows of the forgotten client left", table, n)
				}
			}
			if n := f.rows(t, "b1"); n["calls"] != 1 || n["hits"] != 1 || n["segments"] != 1 {
				t.Errorf("the other client's rows: %v", n)
			}
			if got := f.keys(t, "calls"); !slices.Equal(got, []string{"2026/11/b1.json", "2026/11/b1.wav"}) {
				t.Errorf("calls bucket: %v", got)
			}
			if got := f.keys(t, "callscope-transcripts"); !slices.Equal(got, []string{"2026/11/b1.transcript.json"}) {
				t.Errorf("transcripts bucket: %v", got)
			}
			if got := f.keys(t, "redacted"); !slices.Equal(got, []string{"2026/11/b1.wav"}) {
				t.Errorf("redacted audio bucket: %v", got)
			}
			again, err := privacy.Forget(ctx, f.db, f.objs, f.cfg, "+79161234567", false)
			if err != nil || len(again.Calls) != 0 {
				t.Errorf("second run: %+v %v", again, err)
			}
			es, err := store.Erasures(ctx, f.db)
			if err != nil {
				t.Fatal(err)
			}
			// Both runs are in the same second (the column's precision):
			// their order is the server's.
			slices.SortFunc(es, func(a, b store.Erasure) int { return b.Calls - a.Calls })
			if len(es) != 2 || es[0].Kind != "forget" || es[0].Calls != 2 || es[0].Objects != 10 || es[0].Rows == 0 || es[1].Calls != 0 {
				t.Errorf("erasures %+v", es)
			}
			hash := ingest.HashClientID(key, "+79161234567")
			for _, e := range es {
				if strings.Contains(e.Note, hash) || strings.Contains(e.Note, "916") {
					t.Errorf("the erasure record names the client: %+v", e)
				}
			}
		})
	}
}

// TestRetention: a dry run counts, a run removes what is older than the
// policy (objects by age, rows by the call's start) and nothing younger;
// TTL is set where the server has it.
func TestRetention(t *testing.T) {
	for _, be := range testenv.Backends {
		t.Run(be.Name, func(t *testing.T) {
			f := setup(t, be.DSN(t))
			ctx := context.Background()
			var steps []string
			f.cfg.Progress = func(s string) { steps = append(steps, s) }
			now := t0.Add(10 * 24 * time.Hour)
			cut := now.Add(-30 * 24 * time.Hour)
			// b1's client called again within the policy (b2); two calls
			// without a start (no sidecar) are aged by their analysis: u0
			// long ago, u1 yesterday.
			b2 := analysis("b2", "+79035550000", t0)
			u0, u1 := analysis("u0", "+79990000000", time.Time{}), analysis("u1", "+79990000001", time.Time{})
			u0.AnalyzedAt, u1.AnalyzedAt = t0.Add(-60*24*time.Hour), now.Add(-24*time.Hour)
			if err := store.WriteAnalyses(ctx, f.db, []schemas.Analysis{b2, u0, u1}); err != nil {
				t.Fatal(err)
			}
			// The audit trail: one row older than its policy, one younger.
			aw := audit.NewWriter(f.db, audit.Config{FlushInterval: time.Hour})
			aw.Record(audit.Event{At: now.Add(-100 * 24 * time.Hour), User: "anna", Action: audit.Viewed, CallID: "b1"})
			aw.Record(audit.Event{At: now.Add(-time.Hour), User: "anna", Action: audit.Viewed, CallID: "a1"})
			if err := aw.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			aw.Close()
			p := privacy.Policy{AnalysesDays: 30, TranscriptsDays: 30, AuditDays: 90}
			dry, err := privacy.ApplyRetention(ctx, f.db, f.objs, f.cfg, p, now, true, true)
			if err != nil {
				t.Fatal(err)
			}
			// First contacts: b's client (b1), and the clients of u0 and u1,
			// recorded at the epoch (an unknown start).
			if dry.Rows["calls"] != 2 || dry.Rows["segments"] != 4 || dry.Rows["first_contacts"] != 3 || dry.Rows["audit"] != 1 || len(dry.TTL) != 0 {
				t.Errorf("dry run %+v", dry)
			}
			if n := f.rows(t, "b1"); n["calls"] != 1 {
				t.Fatal("the dry run removed rows")
			}
			rep, err := privacy.ApplyRetention(ctx, f.db, f.objs, f.cfg, p, now, false, true)
			if err != nil {
				t.Fatal(err)
			}
			for table, n := range f.rows(t, "b1", "u0") {
				if n != 0 && table != "call_status" {
					t.Errorf("%s: %d rows older than the policy left", table, n)
				}
			}
			if n := f.rows(t, "a1", "a2", "b2", "u1"); n["calls"] != 4 || n["segments"] != 4 || n["hits"] != 4 {
				t.Errorf("younger rows removed: %v", n)
			}
			// First contacts: none older than the policy; b1's client's
			// first call is now b2, the earliest kept; a1's is kept.
			first := map[uint64]time.Time{}
			rows, err := f.db.Query(ctx, "SELECT client_key, minMerge(first_at) FROM first_contacts GROUP BY client_key")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var k uint64
				var at time.Time
				if err := rows.Scan(&k, &at); err != nil {
					t.Fatal(err)
				}
				first[k] = at.UTC()
			}
			rows.Close()
			for k, at := range first {
				if at.Before(cut) {
					t.Errorf("first contact of client %x at %v, older than the policy", k, at)
				}
			}
			keyOf := func(client string) uint64 {
				var k uint64
				rows, err := f.db.Query(ctx, "SELECT cityHash64(?)", ingest.HashClientID(key, client))
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				for rows.Next() {
					rows.Scan(&k)
				}
				return k
			}
			if got := first[keyOf("+79035550000")]; !got.Equal(t0) {
				t.Errorf("first contact of b's client: %v, want b2's start %v", got, t0)
			}
			if got := first[keyOf("+79161234567")]; !got.Equal(t0) {
				t.Errorf("first contact of a's client: %v, want %v", got, t0)
			}
			ev, err := audit.Read(ctx, f.db, audit.Query{})
			if err != nil || len(ev.Events) != 1 || ev.Events[0].CallID != "a1" {
				t.Errorf("audit after retention: %+v %v", ev.Events, err)
			}
			if len(steps) == 0 {
				t.Error("no progress")
			}
			// TTL where the server has it (chDB; not ClickHouse 18.16),
			// on every table retention prunes by age but first_contacts.
			var wantTTL []string
			if be.Name == "chdb" {
				wantTTL = []string{"audit", "call_status", "calls", "criteria", "hits", "segments"}
			}
			if !slices.Equal(rep.TTL, wantTTL) {
				t.Errorf("TTL on %v, want %v", rep.TTL, wantTTL)
			}
			// A second run finds nothing more.
			again, err := privacy.ApplyRetention(ctx, f.db, f.objs, f.cfg, p, now, false, false)
			if err != nil {
				t.Fatal(err)
			}
			for table, n := range again.Rows {
				if n != 0 {
					t.Errorf("second run: %d %s rows", n, table)
				}
			}
			// Objects by age: a policy of 1 day a year from now removes every one.
			rep, err = privacy.ApplyRetention(ctx, f.db, f.objs, f.cfg, privacy.Policy{RecordingsDays: 1, TranscriptsDays: 1}, time.Now().Add(365*24*time.Hour), false, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.keys(t, "calls")) != 0 || len(f.keys(t, "callscope-transcripts")) != 0 || len(f.keys(t, "redacted")) != 0 || rep.Objects["calls"] != 6 {
				t.Errorf("objects left: %v %v (%+v)", f.keys(t, "calls"), f.keys(t, "callscope-transcripts"), rep)
			}
		})
	}
}

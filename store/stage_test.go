package store_test

import (
	"context"
	"encoding/json"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

func TestStage(t *testing.T) {
	db := storetest.Open(t, testenv.ChDB(t))
	ctx := context.Background()
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	a := sample("call-9", t0)
	a.Inputs = schemas.Inputs{Sidecar: "5e1d", Transcript: schemas.InputAbsent}
	job := func(v schemas.StoreJob) pipeline.Delivery {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return pipeline.Delivery{Subject: pipeline.SubjectStore, Data: data, Attempt: 1}
	}
	failed := schemas.Status{ObjectKey: "bad.wav", Stage: schemas.StageTranscribe, State: schemas.StateFailed, Error: "boom", Attempts: 5, At: time.Now()}
	batch := []pipeline.Delivery{job(schemas.StoreJob{Analysis: &a}), job(schemas.StoreJob{Status: &failed}), {Data: []byte("not json")}}
	st := store.NewStage(db, nil)
	for i := 0; i < 2; i++ { // a redelivered batch
		if err := st.Handle(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	latest, err := store.LatestStatuses(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if latest[a.ObjectKey].State != schemas.StateAnalysed || latest["bad.wav"].State != schemas.StateFailed || len(latest) != 2 {
		t.Errorf("latest statuses: %+v", latest)
	}
	// What the scans compare with the bucket's listing.
	if got := latest[a.ObjectKey].Inputs; got != a.Inputs {
		t.Errorf("analysed status's inputs %+v, want the analysis's %+v", got, a.Inputs)
	}
	// An analysis that records no inputs (reprocess --stage analyze, from
	// the stored metadata and transcript) leaves the recorded ones.
	before := latest[a.ObjectKey]
	again := a
	again.AnalyzedAt, again.Inputs = t0.Add(time.Hour), schemas.Inputs{}
	if err := st.Handle(ctx, []pipeline.Delivery{job(schemas.StoreJob{Analysis: &again})}); err != nil {
		t.Fatal(err)
	}
	if latest, err = store.LatestStatuses(ctx, db); err != nil {
		t.Fatal(err)
	}
	if got := latest[a.ObjectKey]; got.Inputs != a.Inputs {
		t.Errorf("after an analysis without inputs: %+v, want the inputs recorded before, %+v", got, a.Inputs)
	}
	if got := latest[a.ObjectKey].At; !got.After(before.At) {
		t.Errorf("the latest status is from %s, not after the earlier analysis's %s: the new analysis recorded none", got, before.At)
	}
	if n := countCalls(t, db); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
}

// TestStageCallIDCollision: a call_id belongs to the first recording stored
// under it. Another recording with the same call_id is recorded as failed
// with a reason naming both objects, never silently written over the first;
// a new analysis of the same recording still replaces the old one.
func TestStageCallIDCollision(t *testing.T) {
	ctx := context.Background()
	job := func(t *testing.T, a schemas.Analysis) pipeline.Delivery {
		data, err := json.Marshal(schemas.StoreJob{Analysis: &a})
		if err != nil {
			t.Fatal(err)
		}
		return pipeline.Delivery{Subject: pipeline.SubjectStore, Data: data, Attempt: 1}
	}
	first := sample("dup-1", t0)
	first.ObjectKey = "in/01_polite.wav"
	second := sample("dup-1", t0.Add(time.Minute))
	second.ObjectKey = "in/02_complaint.wav"
	second.Meta.Operator.ID = "op-99"
	again := first
	again.AnalyzedAt = t0.Add(2 * time.Minute)
	again.Meta.Operator.ID = "op-18"

	for _, tc := range []struct {
		name      string
		batches   [][]schemas.Analysis
		wantOp    string // operator of the stored dup-1
		wantState map[string]string
	}{
		{"second recording in a later batch", [][]schemas.Analysis{{first}, {second}}, "op-17",
			map[string]string{first.ObjectKey: schemas.StateAnalysed, second.ObjectKey: schemas.StateFailed}},
		{"both in one batch", [][]schemas.Analysis{{first, second}}, "op-17",
			map[string]string{first.ObjectKey: schemas.StateAnalysed, second.ObjectKey: schemas.StateFailed}},
		{"same recording analysed again", [][]schemas.Analysis{{first}, {again}}, "op-18",
			map[string]string{first.ObjectKey: schemas.StateAnalysed}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := storetest.Open(t, testenv.ChDB(t))
			if err := store.Migrate(ctx, db); err != nil {
				t.Fatal(err)
			}
			st := store.NewStage(db, nil)
			for _, b := range tc.batches {
				var ds []pipeline.Delivery
				for _, a := range b {
					ds = append(ds, job(t, a))
				}
				for range 2 { // a redelivered batch changes nothing
					if err := st.Handle(ctx, ds); err != nil {
						t.Fatal(err)
					}
				}
			}
			if n := countCalls(t, db); n != 1 {
				t.Errorf("%d calls, want 1", n)
			}
			ops := queryStrings(t, db, "SELECT operator_id FROM calls FINAL WHERE call_id = 'dup-1'")
			if len(ops) != 1 || ops[0] != tc.wantOp {
				t.Errorf("stored operator %v, want %s", ops, tc.wantOp)
			}
			latest, err := store.LatestStatuses(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if len(latest) != len(tc.wantState) {
				t.Errorf("statuses %+v, want %v", latest, tc.wantState)
			}
			for key, want := range tc.wantState {
				got := latest[key]
				if got.State != want {
					t.Errorf("%s: state %q (%s), want %q", key, got.State, got.Error, want)
				}
				if want == schemas.StateFailed && (got.Stage != schemas.StageStore ||
					!strings.Contains(got.Error, first.ObjectKey) || !strings.Contains(got.Error, second.ObjectKey) ||
					!strings.Contains(got.Error, `"dup-1"`)) {
					t.Errorf("%s: reason %q at %s does not name the call id and both recordings", key, got.Error, got.Stage)
				}
			}
		})
	}
}

// TestStageCallIDChanged: a recording analysed again under another
// call_id (a late sidecar that gives it one, a sidecar fixed) is one call:
// the rows of the earlier id are removed, hits and all, while the
// recording's statuses stay. An earlier id that another recording holds
// now, or whose analysis is newer than the one being stored (delivered
// out of order), is left.
func TestStageCallIDChanged(t *testing.T) {
	ctx := context.Background()
	at := func(id, key string, minute int) schemas.Analysis {
		a := sample(id, t0.Add(time.Duration(minute)*time.Minute))
		a.ObjectKey = key
		a.Score = &schemas.Score{Profile: "p", Value: 4, Max: 5, Criteria: []schemas.CriterionResult{{ID: "greet", Text: "Поздоровался", Weight: 1, Outcome: schemas.CriterionPassed}}}
		a.Segments = []schemas.IndexedSegment{{Channel: "client", Start: 4.6, End: 5.2, Text: "жалобу", Terms: []string{"жалоб"}}}
		return a
	}
	const rec, other = "in/02.wav", "in/03.wav"
	tests := []struct {
		name    string
		batches [][]schemas.Analysis
		want    map[string]string // stored call_id -> its recording
	}{
		{"late sidecar gives a call_id", [][]schemas.Analysis{{at("in/02", rec, 1)}, {at("C-1", rec, 2)}},
			map[string]string{"C-1": rec}},
		{"call_id fixed twice", [][]schemas.Analysis{{at("in/02", rec, 1)}, {at("C-1", rec, 2)}, {at("C-2", rec, 3)}},
			map[string]string{"C-2": rec}},
		{"sidecar with the call_id removed", [][]schemas.Analysis{{at("C-1", rec, 1)}, {at("in/02", rec, 2)}},
			map[string]string{"in/02": rec}},
		{"both analyses in one batch", [][]schemas.Analysis{{at("in/02", rec, 1)}, {at("C-1", rec, 2), at("C-1", rec, 2)}},
			map[string]string{"C-1": rec}},
		{"earlier id held by another recording now", [][]schemas.Analysis{{at("A", rec, 1)}, {at("B", rec, 2)}, {at("A", other, 3)}, {at("C", rec, 4)}},
			map[string]string{"A": other, "C": rec}},
		{"newer analysis under the earlier id", [][]schemas.Analysis{{at("A", rec, 2)}, {at("B", rec, 1)}},
			map[string]string{"A": rec, "B": rec}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := storetest.Open(t, testenv.ChDB(t))
			if err := store.Migrate(ctx, db); err != nil {
				t.Fatal(err)
			}
			st := store.NewStage(db, nil)
			for _, b := range tt.batches {
				var ds []pipeline.Delivery
				for _, a := range b {
					data, err := json.Marshal(schemas.StoreJob{Analysis: &a})
					if err != nil {
						t.Fatal(err)
					}
					ds = append(ds, pipeline.Delivery{Subject: pipeline.SubjectStore, Data: data, Attempt: 1})
				}
				for range 2 { // a redelivered batch changes nothing
					if err := st.Handle(ctx, ds); err != nil {
						t.Fatal(err)
					}
				}
			}
			got := map[string]string{}
			for _, row := range queryStrings(t, db, "SELECT concat(call_id, ' ', object_key) FROM calls FINAL") {
				id, key, _ := strings.Cut(row, " ")
				got[id] = key
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("calls %v, want %v", got, tt.want)
			}
			for _, table := range []string{"hits", "criteria", "segments"} {
				ids := queryStrings(t, db, "SELECT DISTINCT call_id FROM "+table)
				for _, id := range ids {
					if _, ok := tt.want[id]; !ok {
						t.Errorf("%s keeps rows of the removed call %s", table, id)
					}
				}
				if len(ids) != len(tt.want) {
					t.Errorf("%s has the calls %v, want those of %v", table, ids, tt.want)
				}
			}
			latest, err := store.LatestStatuses(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if s := latest[rec]; s.State != schemas.StateAnalysed {
				t.Errorf("%s: latest status %+v, want analysed", rec, s)
			}
		})
	}
}

// TestStageCallIDChangedFreesTheID: once a recording is stored under a
// new call_id, its earlier id is free: another recording that takes it is
// stored, not failed on the claim the first recording held (store workers
// sharing claims in NATS).
func TestStageCallIDChangedFreesTheID(t *testing.T) {
	ctx := context.Background()
	db, claims := dbWithClaims(t)
	st := store.NewStage(db, claims)
	at := func(id, key string, minute int) schemas.Analysis {
		a := sample(id, t0.Add(time.Duration(minute)*time.Minute))
		a.ObjectKey = key
		return a
	}
	for _, a := range []schemas.Analysis{at("free-A", "pbx/1.wav", 1), at("free-B", "pbx/1.wav", 2), at("free-A", "pbx/2.wav", 3)} {
		data, err := json.Marshal(schemas.StoreJob{Analysis: &a})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Handle(ctx, []pipeline.Delivery{{Subject: pipeline.SubjectStore, Data: data, Attempt: 1}}); err != nil {
			t.Fatal(err)
		}
	}
	latest, err := store.LatestStatuses(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"pbx/1.wav", "pbx/2.wav"} {
		if s := latest[key]; s.State != schemas.StateAnalysed {
			t.Errorf("%s: %s %s, want analysed", key, s.State, s.Error)
		}
	}
	// A claim another recording holds is not released.
	if err := claims.Release(ctx, "free-A", "pbx/1.wav"); err != nil {
		t.Fatal(err)
	}
	if owner, err := claims.Claim(ctx, "free-A", "pbx/3.wav"); err != nil || owner != "pbx/2.wav" {
		t.Errorf("claim on free-A after another recording's release: owner %q, %v; want pbx/2.wav", owner, err)
	}
}

// dbWithClaims opens a migrated chDB database and the call_id claims that
// store workers share in NATS (on a stream in memory).
func dbWithClaims(t *testing.T) (store.DB, *pipeline.CallIDClaims) {
	t.Helper()
	ctx := context.Background()
	db := migratedChDB(t)
	claims, err := pipeline.OpenCallIDClaims(ctx, memoryStream(t, ctx))
	if err != nil {
		t.Fatal(err)
	}
	return db, claims
}

// memoryStream connects to a NATS server of the test and makes the
// pipeline's stream on it, in memory.
func memoryStream(t *testing.T, ctx context.Context) jetstream.JetStream {
	t.Helper()
	js := testenv.JetStream(t, testenv.NATS(t))
	if err := pipeline.EnsureStream(ctx, js, pipeline.StreamConfig{Memory: true}); err != nil {
		t.Fatal(err)
	}
	return js
}

// pausingDB stands for a store worker that has looked up a batch's call
// ids in ClickHouse and not yet written: it holds the look-up's answer
// until released.
type pausingDB struct {
	store.DB
	looked  chan struct{} // closed after the look-up
	release chan struct{} // closed to let the worker go on
	once    bool
}

func (p *pausingDB) Query(ctx context.Context, query string, args ...any) (store.Rows, error) {
	rows, err := p.DB.Query(ctx, query, args...)
	if !p.once && strings.Contains(query, "argMax(object_key") {
		p.once = true
		close(p.looked)
		<-p.release
	}
	return rows, err
}

// TestStageCallIDRace: two store workers meet two recordings with the same
// new call_id at the same instant. Both ClickHouse look-ups find no owner;
// before claims, both INSERTs landed, both recordings were recorded
// analysed, and one call silently replaced the other. With the shared claim
// one is stored and the other recorded failed, naming both.
func TestStageCallIDRace(t *testing.T) {
	ctx := context.Background()
	db, claims := dbWithClaims(t)

	a := sample("dup-2", t0)
	a.ObjectKey, a.Meta.Operator.ID = "pbx1/0001.wav", "op-a"
	b := sample("dup-2", t0.Add(time.Second))
	b.ObjectKey, b.Meta.Operator.ID = "pbx2/0001.wav", "op-b"
	job := func(a schemas.Analysis) []pipeline.Delivery {
		data, err := json.Marshal(schemas.StoreJob{Analysis: &a})
		if err != nil {
			t.Fatal(err)
		}
		return []pipeline.Delivery{{Subject: pipeline.SubjectStore, Data: data, Attempt: 1}}
	}

	slow := &pausingDB{DB: db, looked: make(chan struct{}), release: make(chan struct{})}
	workerA, workerB := store.NewStage(slow, claims), store.NewStage(db, claims)
	doneA := make(chan error, 1)
	go func() { doneA <- workerA.Handle(ctx, job(a)) }()
	<-slow.looked // A has found no owner for dup-2
	if err := workerB.Handle(ctx, job(b)); err != nil {
		t.Fatal(err)
	}
	close(slow.release)
	if err := <-doneA; err != nil {
		t.Fatal(err)
	}

	if n := countCalls(t, db); n != 1 {
		t.Fatalf("%d calls, want 1", n)
	}
	ops := queryStrings(t, db, "SELECT operator_id FROM calls FINAL WHERE call_id = 'dup-2'")
	latest, err := store.LatestStatuses(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	stored, lost := b, a // B claimed first: A was paused before its claim
	if len(ops) != 1 || ops[0] != stored.Meta.Operator.ID {
		t.Errorf("stored operator %v, want %s", ops, stored.Meta.Operator.ID)
	}
	if got := latest[stored.ObjectKey]; got.State != schemas.StateAnalysed {
		t.Errorf("%s: state %q (%s), want analysed", stored.ObjectKey, got.State, got.Error)
	}
	got := latest[lost.ObjectKey]
	if got.State != schemas.StateFailed || !strings.Contains(got.Error, a.ObjectKey) || !strings.Contains(got.Error, b.ObjectKey) {
		t.Errorf("%s: state %q, reason %q; want failed naming both recordings", lost.ObjectKey, got.State, got.Error)
	}
}

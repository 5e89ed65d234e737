package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

func TestStage(t *testing.T) {
	db := openDB(t, testenv.ChDB(t))
	ctx := context.Background()
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	a := sample("call-9", t0)
	job := func(v pipeline.StoreJob) pipeline.Delivery {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return pipeline.Delivery{Subject: pipeline.SubjectStore, Data: data, Attempt: 1}
	}
	failed := schemas.Status{ObjectKey: "bad.wav", Stage: schemas.StageTranscribe, State: schemas.StateFailed, Error: "boom", Attempts: 5, At: time.Now()}
	batch := []pipeline.Delivery{job(pipeline.StoreJob{Analysis: &a}), job(pipeline.StoreJob{Status: &failed}), {Data: []byte("not json")}}
	st := store.NewStage(db)
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
	if n := countCalls(t, db); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
}

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

// TestWriteAnalysesLargeBatch: one call writing more calls than fit in one
// lookup query (an archive import, a benchmark) must work, and writing the
// batch again must not add a call.
func TestWriteAnalysesLargeBatch(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t, testenv.ChDB(t))
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	const n = 20000 // ids of 12 characters: about 320 KB of IN list in one query
	batch := make([]schemas.Analysis, n)
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for i := range batch {
		batch[i] = schemas.Analysis{CallID: fmt.Sprintf("call-%07d", i), ObjectKey: fmt.Sprintf("k/%d.wav", i),
			AnalyzedAt: at, Meta: schemas.Metadata{StartedAt: at}, Metrics: schemas.Metrics{Duration: 10, Channels: 2}}
	}
	for range 2 {
		if err := store.WriteAnalyses(ctx, db, batch); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.Query(ctx, "SELECT toUInt64(count()) FROM calls FINAL")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got uint64
	for rows.Next() {
		if err := rows.Scan(&got); err != nil {
			t.Fatal(err)
		}
	}
	if got != n {
		t.Fatalf("calls FINAL = %d, want %d", got, n)
	}
}

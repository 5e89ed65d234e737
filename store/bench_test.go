package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// BenchmarkInsertHitsChDB measures batched hit inserts into the embedded
// engine (10 000 rows per INSERT, as the store stage batches them).
func BenchmarkInsertHitsChDB(b *testing.B) {
	db, err := store.Open(context.Background(), testenv.ChDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := store.Migrate(ctx, db); err != nil {
		b.Fatal(err)
	}
	const batch = 10000
	rows := make([][]any, batch)
	started := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for i := range rows {
		rows[i] = []any{fmt.Sprintf("call-%d", i/10), uint64(1), uint32(i % 10), "v1", started,
			"complaint", "c1", "client", 1.5, 2.5, "жалобу на оператора"}
	}
	cols := []string{"call_id", "row_version", "hit_index", "version", "started_at", "category",
		"phrase_id", "channel", "start_sec", "end_sec", "text"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := db.Insert(ctx, "hits", cols, rows); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkWriteAnalysesChDB measures whole analyses (one calls row and 5
// hits each) written 1 000 per batch.
func BenchmarkWriteAnalysesChDB(b *testing.B) {
	db, err := store.Open(context.Background(), testenv.ChDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := store.Migrate(ctx, db); err != nil {
		b.Fatal(err)
	}
	const batch = 1000
	as := make([]schemas.Analysis, batch)
	for i := range as {
		as[i] = sample(fmt.Sprintf("call-%d", i), t0)
		as[i].Hits = append(as[i].Hits, as[i].Hits[:2]...)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := store.WriteAnalyses(ctx, db, as); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "calls/s")
}

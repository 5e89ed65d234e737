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

// BenchmarkInsertHitsColumnsChDB measures the bulk path (InsertColumns, as
// `bench generate` uses): 100 000 hit rows per INSERT.
func BenchmarkInsertHitsColumnsChDB(b *testing.B) {
	db, err := store.Open(context.Background(), testenv.ChDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := store.Migrate(ctx, db); err != nil {
		b.Fatal(err)
	}
	const batch = 100000
	started := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	ids, vers, idx, version, st, cat, phrase, ch, s, e, text :=
		make([]string, batch), make([]uint64, batch), make([]uint32, batch), make([]string, batch), make([]time.Time, batch),
		make([]string, batch), make([]string, batch), make([]string, batch), make([]float64, batch), make([]float64, batch), make([]string, batch)
	for i := 0; i < batch; i++ {
		ids[i], vers[i], idx[i], version[i], st[i] = fmt.Sprintf("20261120-100000-%d", i/7), 1, uint32(i%7), "v1", started
		cat[i], phrase[i], ch[i], s[i], e[i], text[i] = "complaint", "c1", "client", 1.5, 2.5, "жалобу на оператора"
	}
	cols := []string{"call_id", "row_version", "hit_index", "version", "started_at", "category",
		"phrase_id", "channel", "start_sec", "end_sec", "text"}
	data := []any{ids, vers, idx, version, st, cat, phrase, ch, s, e, text}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := db.InsertColumns(ctx, "hits", cols, data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "rows/s")
}

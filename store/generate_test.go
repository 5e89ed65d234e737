package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/store"
)

func TestGenerate(t *testing.T) {
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		end := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		var progress []int
		st, err := store.Generate(ctx, db, store.GenerateConfig{Calls: 2500, Batch: 1000, End: end, Days: 60, Seed: 1, Criteria: true, Segments: true,
			Progress: func(n int) { progress = append(progress, n) }})
		if err != nil {
			t.Fatal(err)
		}
		if st.Calls != 2500 || st.Hits < 2500 || st.Criteria != 2500*5 || st.Segments < 2*2500 || st.Segments > 20*2500 || len(progress) != 3 || progress[2] != 2500 {
			t.Errorf("stats %+v, progress %v", st, progress)
		}
		rows, err := db.Query(ctx, `SELECT toUInt64(count()), toUInt64(uniqExact(operator_id)), min(started_at), max(started_at),
       toFloat64(avg(has(category_names, 'complaint'))), toFloat64(avg(score)), toUInt64(uniqExact(client_hash))
FROM calls FINAL`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		rows.Next()
		var n, ops, clients uint64
		var lo, hi time.Time
		var complaint, score float64
		if err := rows.Scan(&n, &ops, &lo, &hi, &complaint, &score, &clients); err != nil {
			t.Fatal(err)
		}
		if n != 2500 || ops < 10 || lo.Before(end.AddDate(0, 0, -60)) || !hi.Before(end) ||
			complaint < 0.03 || complaint > 0.15 || score < 2 || score > 4.8 || clients >= 2500 || clients < 500 {
			t.Errorf("calls %d operators %d period %v..%v complaint share %.3f avg score %.2f clients %d", n, ops, lo, hi, complaint, score, clients)
		}

		// Every hit is said in a segment of its call, in its channel,
		// with search terms, so search finds what the report counts.
		rows2, err := db.Query(ctx, `SELECT toUInt64(count()), toUInt64(countIf((call_id, channel, text) NOT IN (SELECT call_id, channel, text FROM segments)))
FROM hits`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows2.Close()
		rows2.Next()
		var hits, unsaid uint64
		if err := rows2.Scan(&hits, &unsaid); err != nil {
			t.Fatal(err)
		}
		if hits != uint64(st.Hits) || unsaid != 0 {
			t.Errorf("%d hits, %d without a segment saying them", hits, unsaid)
		}
		rows3, err := db.Query(ctx, "SELECT toUInt64(countIf(empty(terms))) FROM segments")
		if err != nil {
			t.Fatal(err)
		}
		defer rows3.Close()
		rows3.Next()
		var empty uint64
		if err := rows3.Scan(&empty); err != nil {
			t.Fatal(err)
		}
		if empty != 0 {
			t.Errorf("%d segments without search terms", empty)
		}
	})
}

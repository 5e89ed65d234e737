package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// BenchmarkInsertHitsChDB measures batched hit inserts into the embedded
// engine (10 000 rows per INSERT, as the store stage batches them).
func BenchmarkInsertHitsChDB(b *testing.B) {
	db := migratedChDB(b)
	ctx := context.Background()
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

// BenchmarkWriteAnalysesChDB measures whole analyses (a calls row, 5 hits,
// 6 criteria and 10 segments each) written 1 000 per batch, in wall time
// and in CPU time of every thread (chDB's own included) per call.
func BenchmarkWriteAnalysesChDB(b *testing.B) {
	db := migratedChDB(b)
	ctx := context.Background()
	const batch = 1000
	as := make([]schemas.Analysis, batch)
	for i := range as {
		as[i] = sample(fmt.Sprintf("call-%d", i), t0)
		as[i].Hits = append(as[i].Hits, as[i].Hits[:2]...)
		// As an analysed call carries them: parameters, a score with its
		// criteria, indexed segments.
		as[i].Parameters = map[string]float64{}
		for _, p := range []string{"talk_share_operator", "overtalk_total", "silence_longest", "hold_count", "hold_total",
			"first_response_time", "dead_air_longest", "speech_rate_operator", "speech_rate_client", "interruptions_operator"} {
			as[i].Parameters[p] = float64(len(p)) / 3
		}
		five := 5.0
		as[i].Score = &schemas.Score{Profile: "default", ProfileVersion: "1", Value: 4.2, Max: 5}
		for _, c := range []string{"greeting", "competent", "solution_confirmed", "next_steps", "farewell", "no_overtalk"} {
			as[i].Score.Criteria = append(as[i].Score.Criteria, schemas.CriterionResult{ID: c, Text: "Оператор " + c, Weight: 1, Outcome: "passed", Evidence: "фраза «" + c + "»", Start: &five})
		}
		for k := range 10 {
			as[i].Segments = append(as[i].Segments, schemas.IndexedSegment{Channel: []string{"operator", "client"}[k%2], Index: k / 2,
				Start: float64(k), End: float64(k) + 0.9, Text: "Добрый день, чем могу помочь по вашему тарифу", Terms: []string{"добр", "ден", "мог", "помоч", "ваш", "тариф"}})
		}
	}
	cpu0 := testenv.ProcessCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := store.WriteAnalyses(ctx, db, as); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "calls/s")
	b.ReportMetric((testenv.ProcessCPU()-cpu0).Seconds()*1e6/float64(b.N*batch), "cpu-µs/call")
}

// BenchmarkInsertHitsColumnsChDB measures the bulk path (InsertColumns, as
// `bench generate` uses): 100 000 hit rows per INSERT.
func BenchmarkInsertHitsColumnsChDB(b *testing.B) {
	db := migratedChDB(b)
	ctx := context.Background()
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

// BenchmarkStageNewCallsChDB measures the store stage writing batches of
// 1 000 analyses of recordings it has not stored before (the usual batch
// while calls arrive), against a call_status of 100 000 earlier
// recordings: what the look-up for a recording's earlier call_id costs
// (supersedeEarlierIDs) shows here. Calls/s and CPU time of every thread
// per call.
func BenchmarkStageNewCallsChDB(b *testing.B) {
	db := migratedChDB(b)
	ctx := context.Background()
	var earlier []schemas.Status
	for i := range 100000 {
		earlier = append(earlier, schemas.Status{ObjectKey: fmt.Sprintf("old/%07d.wav", i), ETag: "e", CallID: fmt.Sprintf("old/%07d", i),
			Stage: schemas.StageStore, State: schemas.StateAnalysed, Attempts: 1, At: t0.Add(time.Duration(i) * time.Millisecond)})
	}
	if err := store.WriteStatuses(ctx, db, earlier); err != nil {
		b.Fatal(err)
	}
	st := store.NewStage(db, nil)
	const batch = 1000
	cpu0 := testenv.ProcessCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ds := make([]pipeline.Delivery, batch)
		for j := range ds {
			a := sample(fmt.Sprintf("new/%03d/%04d", i, j), t0.Add(time.Hour))
			data, err := json.Marshal(schemas.StoreJob{Analysis: &a})
			if err != nil {
				b.Fatal(err)
			}
			ds[j] = pipeline.Delivery{Subject: pipeline.SubjectStore, Data: data, Attempt: 1}
		}
		b.StartTimer()
		if err := st.Handle(ctx, ds); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "calls/s")
	b.ReportMetric((testenv.ProcessCPU()-cpu0).Seconds()*1e6/float64(b.N*batch), "cpu-µs/call")
}

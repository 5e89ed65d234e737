package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestSelectCalls: reprocessing selects by the latest analysis of each
// call, pages by a stable cursor, and rebuilds the stored metadata; failed
// recordings come from call_status.
func TestSelectCalls(t *testing.T) {
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		a := sample("c-1", t0)
		b2 := sample("c-2", t0)
		b2.Meta.Operator.ID, b2.Meta.Operator.Department = "op-22", "Продажи"
		b2.Categories = map[string]int{"politeness": 1}
		b2.Meta.WaitSeconds, b2.Meta.Transfers, b2.Meta.CSAT, b2.Meta.Tags = nil, nil, nil, nil
		c := sample("c-3", t0)
		c.Meta.StartedAt = t0.Add(48 * time.Hour)
		// c-1 was analysed again with new dictionaries by another operator:
		// only the latest analysis counts.
		old := sample("c-1", t0.Add(-time.Hour))
		old.DictionaryVersion = "d0"
		old.Meta.Operator.ID = "op-99"
		if err := store.WriteAnalyses(ctx, db, []schemas.Analysis{old, a, b2, c}); err != nil {
			t.Fatal(err)
		}
		if err := store.WriteStatuses(ctx, db, []schemas.Status{
			{ObjectKey: "bad/x.wav", ETag: "e1", CallID: "bad/x", Stage: "transcribe", State: schemas.StateFailed, Error: "not audio", At: t0},
			{ObjectKey: "bad/y.wav", ETag: "e2", CallID: "bad/y", Stage: "ingest", State: schemas.StateFailed, Error: "x", At: t0},
			{ObjectKey: "bad/y.wav", ETag: "e2", CallID: "bad/y", Stage: "store", State: schemas.StateAnalysed, At: t0.Add(time.Second)},
		}); err != nil {
			t.Fatal(err)
		}
		ids := func(sel store.Selection) []string {
			t.Helper()
			var out []string
			after := ""
			for {
				page, err := store.SelectCalls(ctx, db, sel, after, 2)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range page {
					out = append(out, r.CallID)
				}
				if len(page) < 2 {
					return out
				}
				after = page[len(page)-1].CallID
				if sel.Failed {
					after = page[len(page)-1].ObjectKey
				}
			}
		}
		tests := []struct {
			name string
			sel  store.Selection
			want []string
		}{
			{"all", store.Selection{}, []string{"c-1", "c-2", "c-3"}},
			{"operator", store.Selection{Operators: []string{"op-17"}}, []string{"c-1", "c-3"}},
			{"old operator is gone", store.Selection{Operators: []string{"op-99"}}, nil},
			{"department", store.Selection{Departments: []string{"Продажи"}}, []string{"c-2"}},
			{"category", store.Selection{Categories: []string{"complaint"}}, []string{"c-1", "c-3"}},
			{"period", store.Selection{From: t0, To: t0.Add(time.Hour)}, []string{"c-1", "c-2"}},
			{"stale dictionary", store.Selection{StaleDictionary: "d1"}, nil},
			{"dictionary", store.Selection{DictionaryVersion: "d1"}, []string{"c-1", "c-2", "c-3"}},
			{"filter", store.Selection{Where: "operator_id = ? AND has(category_names, ?)", WhereArgs: []any{"op-17", "complaint"}}, []string{"c-1", "c-3"}},
			{"filter and operator", store.Selection{Operators: []string{"op-17"}, Where: "department = ?", WhereArgs: []any{"Продажи"}}, nil},
			{"failed", store.Selection{Failed: true}, []string{"bad/x"}},
		}
		for _, tt := range tests {
			if got := ids(tt.sel); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			}
			n, _, err := store.SelectionSize(ctx, db, tt.sel)
			if err != nil || n != uint64(len(tt.want)) {
				t.Errorf("%s: size %d, %v; want %d", tt.name, n, err, len(tt.want))
			}
		}
		page, err := store.SelectCalls(ctx, db, store.Selection{}, "", 10)
		if err != nil || len(page) != 3 {
			t.Fatalf("select: %v, %v", page, err)
		}
		want := a.Meta
		want.Client.ID = ""
		if got := *page[0].Meta; !reflect.DeepEqual(got, want) {
			t.Errorf("stored metadata of c-1:\n got %+v\nwant %+v", got, want)
		}
		if m := page[1].Meta; m.WaitSeconds != nil || m.Transfers != nil || m.CSAT != nil || m.Tags != nil {
			t.Errorf("unknown values must stay unknown: %+v", m)
		}
		if page[0].ObjectKey != "calls/c-1.wav" || page[0].ETag != "etag-c-1" || page[0].Duration != 312.4 {
			t.Errorf("ref = %+v", page[0])
		}
		if _, err := store.SelectCalls(ctx, db, store.Selection{Failed: true, Operators: []string{"x"}}, "", 1); !errors.Is(err, store.ErrSelection) {
			t.Errorf("failed + operator: %v, want ErrSelection", err)
		}
		a2, f2, err := store.FinishedSince(ctx, db, t0)
		if err != nil || a2 != 1 || f2 != 2 {
			t.Errorf("finished since t0: %d analysed %d failed, %v", a2, f2, err)
		}
	})
}

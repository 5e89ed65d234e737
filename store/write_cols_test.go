package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/schemas"
)

// TestColumnBuilders: the column builders of the store stage's batches
// name the same columns, in the same order, as the tables' column lists
// (which the generator and the upgrade tests also use).
func TestColumnBuilders(t *testing.T) {
	for _, tc := range []struct {
		table string
		got   []namedCol
		want  []string
	}{
		{"calls", newCallCols(0).named(), callColumns},
		{"hits", (&hitCols{}).named(), hitColumns},
		{"criteria", (&criterionCols{}).named(), criterionColumns},
		{"segments", (&segmentCols{}).named(), segmentColumns},
	} {
		names, data := columnsOf(tc.got, -1)
		if !slices.Equal(names, tc.want) {
			t.Errorf("%s: builder names\n%v\nthe column list is\n%v", tc.table, names, tc.want)
		}
		if len(data) != len(names) {
			t.Errorf("%s: %d data slices for %d names", tc.table, len(data), len(names))
		}
	}
}

func TestPlainType(t *testing.T) {
	for in, want := range map[string]string{
		"String":                             "String",
		"LowCardinality(String)":             "String",
		"Array(LowCardinality(String))":      "Array(String)",
		"LowCardinality(Nullable(String))":   "Nullable(String)",
		"Map(LowCardinality(String), UInt8)": "Map(String, UInt8)",
		"Tuple(LowCardinality(String), Array(LowCardinality(String)))": "Tuple(String, Array(String))",
		"LowCardinality(": "LowCardinality(",
	} {
		if got := plainType(in); got != want {
			t.Errorf("plainType(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNativeBlockCoversTables: every column the store stage writes to chDB
// goes through the direct Native encoding, none falls back to the slower
// column layer unnoticed (the values themselves are checked by the
// backends' round-trip tests).
func TestNativeBlockCoversTables(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, testenv.ChDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	five, three := 5.0, int(3)
	a := schemas.Analysis{CallID: "c", ObjectKey: "k", AnalyzedAt: time.Now(),
		Meta:       schemas.Metadata{StartedAt: time.Now(), WaitSeconds: &five, Transfers: &three, Tags: map[string]string{"a": "b"}},
		Categories: map[string]int{"x": 1}, Parameters: map[string]float64{"p": 1},
		Hits:     []schemas.Hit{{Category: "x"}},
		Score:    &schemas.Score{Max: 5, Criteria: []schemas.CriterionResult{{ID: "g", Start: &five}}},
		Segments: []schemas.IndexedSegment{{Text: "t", Terms: []string{"t"}}},
	}
	var hits hitCols
	var crit criterionCols
	var segs segmentCols
	calls := newCallCols(1)
	hits.add(&a, 1, time.Now())
	crit.add(&a, 1, time.Now())
	segs.add(&a, 1, time.Now())
	calls.add(&a, 1, time.Now())
	for _, tc := range []struct {
		table string
		cols  []namedCol
	}{{"hits", hits.named()}, {"criteria", crit.named()}, {"segments", segs.named()}, {"calls", calls.named()}} {
		types, err := db.(*chdbDB).columnTypes(ctx, tc.table)
		if err != nil {
			t.Fatal(err)
		}
		names, data := columnsOf(tc.cols, -1)
		if _, ok, err := nativeBlock(types, names, data); !ok || err != nil {
			for i, n := range names {
				if !nativeKnows(plainType(types[n]), data[i]) {
					t.Errorf("%s.%s: %s from %T is not encoded directly", tc.table, n, types[n], data[i])
				}
			}
			t.Errorf("%s: ok %v, error %v", tc.table, ok, err)
		}
		if err := db.InsertColumns(ctx, tc.table, names, data); err != nil {
			t.Errorf("%s: %v", tc.table, err)
		}
	}
}

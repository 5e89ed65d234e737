package report_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var sampleRows = []report.OperatorRow{
	{OperatorID: "op-17", OperatorName: "Анна Петрова", Department: "Поддержка", Calls: 120, Complaints: 14, RepeatContacts: 9, Incompetence: 2, AvgTalk: 201.4, AvgDuration: 312.6},
	{OperatorID: "op-2", OperatorName: "Jo", Department: "Sales", Calls: 3, Complaints: 0, RepeatContacts: 1, Incompetence: 0, AvgTalk: 65, AvgDuration: 3725},
	{OperatorID: "", OperatorName: "", Department: "", Calls: 1, AvgTalk: 0, AvgDuration: 10},
}

func TestWriters(t *testing.T) {
	for _, tc := range []struct {
		golden string
		write  func(*bytes.Buffer, []report.OperatorRow) error
	}{
		{"table.golden", func(b *bytes.Buffer, r []report.OperatorRow) error { return report.WriteTable(b, r) }},
		{"table_empty.golden", func(b *bytes.Buffer, _ []report.OperatorRow) error { return report.WriteTable(b, nil) }},
		{"report.csv", func(b *bytes.Buffer, r []report.OperatorRow) error { return report.WriteCSV(b, r) }},
		{"report.json", func(b *bytes.Buffer, r []report.OperatorRow) error { return report.WriteJSON(b, r) }},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b, sampleRows); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.golden), b.Bytes(), *update, "go test ./report -update")
		})
	}
}

func fptr(f float64) *float64 { return &f }

var day = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

func call(id, op string, startHour int, analyzed time.Time, cats map[string]int, talk, dur float64) schemas.Analysis {
	names := map[string]schemas.Operator{
		"op-1": {ID: "op-1", Name: "Анна Петрова", Department: "Поддержка"},
		"op-2": {ID: "op-2", Name: "Иван Сидоров", Department: "Продажи"},
	}
	var hits []schemas.Hit
	for c, n := range cats {
		for i := 0; i < n; i++ {
			hits = append(hits, schemas.Hit{Category: c, PhraseID: c + "-p", Channel: "client", Start: float64(i), End: float64(i) + 1, Text: c})
		}
	}
	return schemas.Analysis{
		CallID: id, ObjectKey: id + ".wav", ETag: "e", Version: "v1", AnalyzedAt: analyzed,
		Meta:       schemas.Metadata{StartedAt: day.Add(time.Duration(startHour) * time.Hour), Operator: names[op], Queue: "internet"},
		Metrics:    schemas.Metrics{Duration: dur, Channels: 2, OperatorTalk: fptr(talk / 2), ClientTalk: fptr(talk / 2), TotalTalk: talk},
		Categories: cats, Hits: hits,
	}
}

func TestByOperator(t *testing.T) {
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		a1 := day.Add(48 * time.Hour)
		calls := []schemas.Analysis{
			call("c1", "op-1", 9, a1, map[string]int{"complaint": 2, "greeting": 1}, 100, 200),
			call("c2", "op-1", 10, a1, map[string]int{"repeat_contact": 1, "complaint": 1}, 200, 300),
			call("c3", "op-1", 11, a1, nil, 60, 100),
			call("c4", "op-2", 12, a1, map[string]int{"incompetence": 1}, 30, 50),
			call("c5", "op-2", 30, a1, map[string]int{"complaint": 1}, 30, 50), // next day
		}
		// Written twice, as a redelivered batch would be.
		for i := 0; i < 2; i++ {
			if err := store.WriteAnalyses(ctx, db, calls); err != nil {
				t.Fatal(err)
			}
		}
		// c3 re-analysed with a new dictionary: now a complaint. c1
		// re-analysed: no longer a complaint, longer talk.
		re := []schemas.Analysis{
			call("c3", "op-1", 11, a1.Add(time.Hour), map[string]int{"complaint": 1}, 60, 100),
			call("c1", "op-1", 9, a1.Add(time.Hour), map[string]int{"greeting": 1}, 130, 200),
		}
		if err := store.WriteAnalyses(ctx, db, re); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			opts report.Options
			want []report.OperatorRow
		}{
			{"all", report.Options{}, []report.OperatorRow{
				{OperatorID: "op-1", OperatorName: "Анна Петрова", Department: "Поддержка", Calls: 3, Complaints: 2, RepeatContacts: 1, AvgTalk: 130, AvgDuration: 200},
				{OperatorID: "op-2", OperatorName: "Иван Сидоров", Department: "Продажи", Calls: 2, Complaints: 1, Incompetence: 1, AvgTalk: 30, AvgDuration: 50},
			}},
			{"one day", report.Options{From: day, To: day.Add(24 * time.Hour)}, []report.OperatorRow{
				{OperatorID: "op-1", OperatorName: "Анна Петрова", Department: "Поддержка", Calls: 3, Complaints: 2, RepeatContacts: 1, AvgTalk: 130, AvgDuration: 200},
				{OperatorID: "op-2", OperatorName: "Иван Сидоров", Department: "Продажи", Calls: 1, Incompetence: 1, AvgTalk: 30, AvgDuration: 50},
			}},
			{"department", report.Options{Department: "Продажи", From: day.Add(24 * time.Hour)}, []report.OperatorRow{
				{OperatorID: "op-2", OperatorName: "Иван Сидоров", Department: "Продажи", Calls: 1, Complaints: 1, AvgTalk: 30, AvgDuration: 50},
			}},
			{"empty", report.Options{From: day.Add(-48 * time.Hour), To: day.Add(-24 * time.Hour)}, nil},
		} {
			got, err := report.ByOperator(ctx, db, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
				continue
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("%s row %d:\n got %+v\nwant %+v", tc.name, i, got[i], tc.want[i])
				}
			}
		}
	})
}

func ExampleWriteTable() {
	_ = report.WriteTable(os.Stdout, []report.OperatorRow{
		{OperatorID: "op-17", OperatorName: "Анна Петрова", Department: "Поддержка", Calls: 12, Complaints: 2, RepeatContacts: 1, AvgTalk: 190, AvgDuration: 260},
		{OperatorID: "op-2", OperatorName: "Ivan", Department: "Sales", Calls: 8, Incompetence: 1, AvgTalk: 95, AvgDuration: 130},
	})
	// Output:
	// OPERATOR  NAME          DEPARTMENT  CALLS  COMPLAINT  REPEAT  INCOMPETENCE  AVG TALK  AVG DURATION
	// --------------------------------------------------------------------------------------------------
	// op-17     Анна Петрова  Поддержка      12          2       1             0      3:10          4:20
	// op-2      Ivan          Sales           8          0       0             1      1:35          2:10
	// --------------------------------------------------------------------------------------------------
	// TOTAL                                  20          2       1             1      2:32          3:28
}

// The list a manager writes after --by or by=: spaces and empty names
// around the commas do not count.
func ExampleSplitList() {
	fmt.Printf("%q\n", report.SplitList(" operator, month,,pct:complaint "))
	fmt.Printf("%q\n", report.SplitList(""))
	// Output:
	// ["operator" "month" "pct:complaint"]
	// []
}

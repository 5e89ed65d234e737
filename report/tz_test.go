package report

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestTimeZoneAroundMidnight runs the same filters in UTC and in
// Europe/Moscow (UTC+3) over calls around midnight: the slice's day
// buckets, the rows it counts, the compared period and the calls listed
// all use the report's time zone, so a filtered day is the day of the
// bucket it is shown in.
func TestTimeZoneAroundMidnight(t *testing.T) {
	testenv.SkipIfShort(t)
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		timeZoneAroundMidnight(t, ctx, db, msk)
	})
}

func timeZoneAroundMidnight(t *testing.T, ctx context.Context, db store.DB, msk *time.Location) {
	at := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	call := func(id string, started time.Time) schemas.Analysis {
		return schemas.Analysis{CallID: id, ObjectKey: "calls/" + id + ".wav", Version: "v1", DictionaryVersion: "d", AnalyzedAt: at,
			Meta:    schemas.Metadata{StartedAt: started, Operator: schemas.Operator{ID: "op-1"}, Language: "ru"},
			Metrics: schemas.Metrics{Duration: 60, Channels: 2, TotalTalk: 50}}
	}
	calls := []schemas.Analysis{
		call("late19", time.Date(2026, 11, 19, 20, 30, 0, 0, time.UTC)), // 19th 23:30 MSK
		call("msk20", time.Date(2026, 11, 19, 21, 30, 0, 0, time.UTC)),  // 20th 00:30 MSK, 19th in UTC
		call("utc20", time.Date(2026, 11, 20, 0, 30, 0, 0, time.UTC)),   // 20th in both
		call("late20", time.Date(2026, 11, 20, 22, 30, 0, 0, time.UTC)), // 21st 01:30 MSK, 20th in UTC
	}
	if err := store.WriteAnalyses(ctx, db, calls); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		loc      *time.Location
		filter   string
		buckets  string // day=calls of the slice by day
		compared string // day=calls of the previous bucket
		calls    string // ListCalls, by start
	}{
		{time.UTC, "", "2026-11-19=2 2026-11-20=2", "2026-11-19=NaN 2026-11-20=2", "late19 msk20 utc20 late20"},
		{msk, "", "2026-11-19=1 2026-11-20=2 2026-11-21=1", "2026-11-19=NaN 2026-11-20=1 2026-11-21=2", "late19 msk20 utc20 late20"},
		{time.UTC, "started = 2026-11-20", "2026-11-20=2", "2026-11-20=NaN", "utc20 late20"},
		{msk, "started = 2026-11-20", "2026-11-20=2", "2026-11-20=NaN", "msk20 utc20"},
		{time.UTC, "hour = 0", "2026-11-20=1", "2026-11-20=NaN", "utc20"},
		{msk, "hour = 0", "2026-11-20=1", "2026-11-20=NaN", "msk20"},
		{time.UTC, "weekday = 4", "2026-11-19=2", "2026-11-19=NaN", "late19 msk20"}, // 2026-11-19 is a Thursday
		{msk, "weekday = 4", "2026-11-19=1", "2026-11-19=NaN", "late19"},
	}
	for _, tt := range tests {
		t.Run(tt.loc.String()+"/"+tt.filter, func(t *testing.T) {
			res, err := Slice(ctx, db, Spec{By: []string{"day"}, Measures: []string{"calls"}, Filter: tt.filter, Location: tt.loc, Compare: true})
			if err != nil {
				t.Fatal(err)
			}
			var buckets, compared []string
			for _, r := range res.Rows {
				buckets = append(buckets, fmt.Sprintf("%s=%g", r.Keys[0], r.Values[0]))
				compared = append(compared, fmt.Sprintf("%s=%g", r.Keys[0], r.Prev[0]))
			}
			if got := strings.Join(buckets, " "); got != tt.buckets {
				t.Errorf("buckets %s, want %s", got, tt.buckets)
			}
			if got := strings.Join(compared, " "); got != tt.compared {
				t.Errorf("compared %s, want %s", got, tt.compared)
			}
			list, err := ListCalls(ctx, db, CallsQuery{Filter: mustFilter(t, orAll(tt.filter)), Location: tt.loc})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range list.Calls {
				ids = append(ids, c.CallID)
			}
			if got := strings.Join(ids, " "); got != tt.calls {
				t.Errorf("calls %s, want %s", got, tt.calls)
			}
		})
	}
}

func orAll(f string) string {
	if f == "" {
		return "duration >= 0"
	}
	return f
}

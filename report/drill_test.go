package report

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

var updateDrill = flag.Bool("update-drill", false, "rewrite the drill-down golden files")

func fp(v float64) *float64 { return &v }

// drillCalls are three analysed calls with transcripts, parameters and
// scores, written through the store as the pipeline writes them.
func drillCalls() []schemas.Analysis {
	at := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	seg := func(start, end float64, text string) schemas.Segment {
		return schemas.Segment{Start: start, End: end, Text: text}
	}
	return []schemas.Analysis{
		{CallID: "d1", ObjectKey: "calls/d1.wav", Version: "v1", DictionaryVersion: "dict1", AnalyzedAt: at,
			Meta: schemas.Metadata{StartedAt: time.Date(2026, 11, 18, 7, 40, 0, 0, time.UTC), Direction: "inbound", Language: "ru",
				Operator: schemas.Operator{ID: "op-12", Name: "Дмитрий Соколов", Department: "Поддержка"}, Queue: "tv",
				Client: schemas.Client{IDHash: "h1"}, WaitSeconds: fp(48), CSAT: &schemas.CSAT{Score: 2, Scale: 5},
				Tags: map[string]string{"scenario": "complaint"}},
			ASR:        schemas.ASRInfo{Adapter: "import", Model: "script"},
			Metrics:    schemas.Metrics{Duration: 25.7, Channels: 2, OperatorTalk: fp(12.6), ClientTalk: fp(10), TotalTalk: 22.6},
			Categories: map[string]int{"complaint": 1, "greeting": 1},
			Hits: []schemas.Hit{
				{Category: "greeting", PhraseID: "company", Channel: "operator", Start: 0.5, End: 2.5, Text: "Компания Ромашка"},
				{Category: "complaint", PhraseID: "zhalovatsya", Channel: "client", Start: 5.6, End: 7.2, Text: "хочу пожаловаться"},
			},
			Parameters: map[string]float64{"silence_longest": 3.2, "talk_share_operator": 55, "overtalk_count": 1},
			Score: &schemas.Score{Profile: "default", ProfileVersion: "3", Value: 2, Max: 5, Criteria: []schemas.CriterionResult{
				{ID: "greeting", Text: "Приветствие с названием компании", Weight: 1, Outcome: schemas.CriterionPassed, Evidence: "«Компания Ромашка»", Start: fp(0.5)},
				{ID: "farewell", Text: "Прощание", Weight: 1, Outcome: schemas.CriterionFailed, Evidence: "no farewell phrase"},
				{ID: "transfers", Text: "Без лишних переводов", Weight: 0.5, Outcome: schemas.CriterionNotApplicable},
			}},
			Segments: idx(schemas.Transcript{Language: "ru", Duration: 25.7, Channels: []schemas.TranscriptChannel{
				{Role: "operator", Segments: []schemas.Segment{
					seg(0.5, 4.0, "Компания Ромашка, меня зовут Дмитрий, добрый день"),
					seg(9.0, 11.0, "Приношу извинения, я вам перезвоню"),
				}},
				{Role: "client", Segments: []schemas.Segment{
					seg(5.0, 8.0, "Здравствуйте, я хочу пожаловаться на ваш сервис"),
				}},
			}})},
		{CallID: "d2", ObjectKey: "calls/d2.wav", Version: "v1", DictionaryVersion: "dict1", AnalyzedAt: at,
			Meta: schemas.Metadata{StartedAt: time.Date(2026, 11, 20, 22, 30, 0, 0, time.UTC), Direction: "inbound", Language: "ru",
				Operator: schemas.Operator{ID: "op-11", Name: "Анна Петрова", Department: "Поддержка"}, Queue: "internet",
				Client: schemas.Client{IDHash: "h1"}},
			ASR:     schemas.ASRInfo{Adapter: "import"},
			Metrics: schemas.Metrics{Duration: 16, Channels: 2, OperatorTalk: fp(7), ClientTalk: fp(6), TotalTalk: 13},
			Score:   &schemas.Score{Profile: "default", ProfileVersion: "3", Value: 4.5, Max: 5},
			Segments: idx(schemas.Transcript{Language: "ru", Duration: 16, Channels: []schemas.TranscriptChannel{
				{Role: "operator", Segments: []schemas.Segment{seg(0.4, 3, "Ромашка, Анна, слушаю вас")}},
				{Role: "client", Segments: []schemas.Segment{seg(3.5, 6, "Мне обещали перезвонить и не перезвонили, хочу пожаловаться")}},
			}})},
		{CallID: "d3", ObjectKey: "calls/d3.wav", Version: "v1", DictionaryVersion: "dict1", AnalyzedAt: at,
			Meta: schemas.Metadata{Direction: "outbound", Language: "en",
				Operator: schemas.Operator{ID: "op-21", Name: "Elena", Department: "Продажи"}},
			ASR:     schemas.ASRInfo{Adapter: "import"},
			Metrics: schemas.Metrics{Duration: 20, Channels: 1, TotalTalk: 15},
			Segments: idx(schemas.Transcript{Language: "en", Duration: 20, Channels: []schemas.TranscriptChannel{
				{Role: "mixed", Segments: []schemas.Segment{seg(1, 4, "Our deliveries are late again, I want to complain")}},
			}})},
	}
}

// drillBackends runs run on a fresh database of each backend holding
// drillCalls.
func drillBackends(t *testing.T, run func(t *testing.T, db store.DB)) {
	testenv.SkipIfShort(t)
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		calls := drillCalls()
		// An older analysis of d1 by another operator: never shown.
		old := drillCalls()[0]
		old.AnalyzedAt = old.AnalyzedAt.Add(-time.Hour)
		old.Meta.Operator.ID = "op-99"
		if err := store.WriteAnalyses(ctx, db, append([]schemas.Analysis{old}, calls...)); err != nil {
			t.Fatal(err)
		}
		run(t, db)
	})
}

func mustFilter(t *testing.T, src string) filter.Expr {
	t.Helper()
	e, err := filter.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDrillDown(t *testing.T) {
	drillBackends(t, func(t *testing.T, db store.DB) {
		ctx := context.Background()
		msk, err := time.LoadLocation("Europe/Moscow")
		if err != nil {
			t.Fatal(err)
		}
		ids := func(l CallList) string {
			var out []string
			for _, c := range l.Calls {
				out = append(out, c.CallID)
			}
			return strings.Join(out, " ")
		}
		slice := func(loc *time.Location, kv ...string) CallsQuery {
			q := CallsQuery{Location: loc}
			for i := 0; i < len(kv); i += 2 {
				if err := q.AddSlice(kv[i], kv[i+1]); err != nil {
					t.Fatal(err)
				}
			}
			return q
		}
		for _, tc := range []struct {
			name  string
			q     CallsQuery
			want  string
			total uint64
		}{
			{"all", CallsQuery{}, "d3 d1 d2", 3},
			{"limit", CallsQuery{Limit: 1}, "d3", 3},
			{"filter", CallsQuery{Filter: mustFilter(t, "has complaint or score >= 4")}, "d1 d2", 2},
			{"old analysis hidden", CallsQuery{Filter: mustFilter(t, "operator = op-99")}, "", 0},
			{"parameters", CallsQuery{Filter: mustFilter(t, "silence_longest > 3s and talk_share_operator > 50%")}, "d1", 1},
			{"criterion", CallsQuery{Filter: mustFilter(t, "criterion.farewell = failed")}, "d1", 1},
			{"period", CallsQuery{From: time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)}, "d2", 1},
			{"operator slice", slice(nil, "operator", "op-12"), "d1", 1},
			{"day slice UTC", slice(nil, "day", "2026-11-20"), "d2", 1},
			{"day slice Moscow", slice(msk, "day", "2026-11-21"), "d2", 1},
			{"week slice by Monday", slice(nil, "week", "2026-11-16"), "d1 d2", 2},
			{"month and category", slice(nil, "month", "2026-11", "category", "complaint"), "d1", 1},
			{"weekday as the report prints it", slice(msk, "weekday", "6 Sat"), "d2", 1},
			{"score band", slice(nil, "score_band", "4-5"), "d2", 1},
			{"no score", slice(nil, "score_band", "no score"), "d3", 1},
			{"first-time client", slice(nil, "client", "first"), "d1", 1},
			{"repeat client", slice(nil, "client", "repeat"), "d2", 1},
			{"channels", slice(nil, "channels", "mono"), "d3", 1},
			{"calls without hits", slice(nil, "category", "(none)"), "d3 d2", 2},
		} {
			list, err := ListCalls(ctx, db, tc.q)
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			if got := ids(list); got != tc.want || list.Total != tc.total {
				t.Errorf("%s: calls %q of %d, want %q of %d", tc.name, got, list.Total, tc.want, tc.total)
			}
		}

		d, err := ShowCall(ctx, db, "d1", msk)
		if err != nil {
			t.Fatal(err)
		}
		var text bytes.Buffer
		if err := WriteCallDetail(&text, d, ShowOptions{}); err != nil {
			t.Fatal(err)
		}
		drillGolden(t, "show_d1.golden", text.String())
		var colored bytes.Buffer
		if err := WriteCallDetail(&colored, d, ShowOptions{Color: true}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(colored.String(), "\x1b[1;31mхочу пожаловаться\x1b[0m") {
			t.Errorf("colour output does not highlight the hit:\n%s", colored.String())
		}
		if _, err := ShowCall(ctx, db, "nope", nil); !errors.Is(err, ErrCallNotFound) {
			t.Errorf("show of a missing call: %v, want ErrCallNotFound", err)
		}

		for _, tc := range []struct {
			name string
			q    SearchQuery
			want string // call:side@start
		}{
			{"inflection", SearchQuery{Phrase: "пожалуюсь"}, "d2:client@3.5 d1:client@5"},
			{"all words in one segment", SearchQuery{Phrase: "перезвоню извинения"}, "d1:operator@9"},
			{"words split across segments do not match", SearchQuery{Phrase: "Ромашка пожаловаться"}, ""},
			{"channel", SearchQuery{Phrase: "перезвонить", Channel: "operator"}, "d1:operator@9"},
			{"filter", SearchQuery{Phrase: "перезвонить", Filter: mustFilter(t, "operator = op-11")}, "d2:client@3.5"},
			{"english stems", SearchQuery{Phrase: "delivery complaints"}, "d3:mixed@1"},
			{"period", SearchQuery{Phrase: "пожаловаться", To: time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)}, "d1:client@5"},
			{"limit", SearchQuery{Phrase: "пожалуюсь", Limit: 1}, "d2:client@3.5"},
		} {
			// Pages of one segment: every search then runs through the page
			// cut, several pages and the joined query after searchPages.
			for _, page := range []int{0, 1} {
				saved := searchPage
				if page > 0 {
					searchPage = func(int) int { return page }
				}
				hits, err := SearchCalls(ctx, db, tc.q)
				searchPage = saved
				if err != nil {
					t.Errorf("%s: %v", tc.name, err)
					continue
				}
				var got []string
				for _, h := range hits {
					got = append(got, h.CallID+":"+h.Channel+"@"+num(h.Start))
				}
				if strings.Join(got, " ") != tc.want {
					t.Errorf("search %s (%q), pages of %d: %v, want %s", tc.name, tc.q.Phrase, page, got, tc.want)
				}
			}
		}
		if _, err := SearchCalls(ctx, db, SearchQuery{Phrase: "?!"}); !errors.Is(err, ErrEmptyPhrase) {
			t.Errorf("search without words: %v, want ErrEmptyPhrase", err)
		}

		list, err := ListCalls(ctx, db, CallsQuery{Location: msk})
		if err != nil {
			t.Fatal(err)
		}
		var table bytes.Buffer
		if err := WriteCalls(&table, list, FormatTable); err != nil {
			t.Fatal(err)
		}
		drillGolden(t, "calls.golden", table.String())
		hits, err := SearchCalls(ctx, db, SearchQuery{Phrase: "пожаловаться"})
		if err != nil {
			t.Fatal(err)
		}
		var found bytes.Buffer
		if err := WriteSearchHits(&found, hits, FormatTable); err != nil {
			t.Fatal(err)
		}
		drillGolden(t, "search.golden", found.String())
	})
}

func num(v float64) string { return drillNum(v) }

func TestSliceFilterErrors(t *testing.T) {
	for _, tc := range []struct{ name, value, want string }{
		{"operatr", "op-1", "unknown slice"},
		{"day", "yesterday", "want a date or time"},
		{"score_band", "great", "want 1-2, 2-3"},
		{"hour", "noon", "want a number"},
	} {
		_, err := SliceFilter(tc.name, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("SliceFilter(%s, %s) = %v, want an error with %q", tc.name, tc.value, err, tc.want)
		}
	}
}

func drillGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "drill", name), []byte(got), *updateDrill, "go test ./report -update-drill")
}

// TestReportCellsDrillDown opens every cell of a report by each dimension
// with --slice: the calls listed must be as many as the cell counts.
func TestReportCellsDrillDown(t *testing.T) {
	drillBackends(t, func(t *testing.T, db store.DB) {
		ctx := context.Background()
		msk, err := time.LoadLocation("Europe/Moscow")
		if err != nil {
			t.Fatal(err)
		}
		cells := 0
		for _, d := range Dimensions() {
			res, err := Slice(ctx, db, Spec{By: []string{d.Name}, Measures: []string{"calls"}, Location: msk})
			if err != nil {
				t.Errorf("report by %s: %v", d.Name, err)
				continue
			}
			for _, row := range res.Rows {
				q := CallsQuery{Location: msk}
				if err := q.AddSlice(d.Name, row.Keys[0]); err != nil {
					t.Errorf("slice %s=%q: %v", d.Name, row.Keys[0], err)
					continue
				}
				list, err := ListCalls(ctx, db, q)
				if err != nil {
					t.Errorf("calls --slice %s=%q: %v", d.Name, row.Keys[0], err)
					continue
				}
				if float64(list.Total) != row.Values[0] {
					t.Errorf("--slice %s=%q lists %d calls, the report cell counts %v", d.Name, row.Keys[0], list.Total, row.Values[0])
				}
				cells++
			}
		}
		if cells < 20 {
			t.Errorf("only %d report cells checked", cells)
		}
	})
}

// TestDrillDownOldSchema reads a database made by the first migrations
// only (no scores, parameters, criteria or segments): calls and show work
// with what there is, search says what is missing.
func TestDrillDownOldSchema(t *testing.T) {
	testenv.SkipIfShort(t)
	ctx := context.Background()
	db := storetest.Open(t, testenv.ChDB(t))
	for _, name := range []string{"0001_calls.sql", "0002_hits.sql"} {
		ddl, err := fs.ReadFile(store.Migrations, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, strings.TrimSuffix(strings.TrimSpace(stripComments(string(ddl))), ";")); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	started := time.Date(2026, 11, 18, 7, 40, 0, 0, time.UTC)
	if err := db.Insert(ctx, "calls", []string{"call_id", "row_version", "started_at", "operator_id", "duration", "category_names", "category_counts"},
		[][]any{{"old1", uint64(1), started, "op-12", 20.5, []string{"complaint"}, []uint32{2}}}); err != nil {
		t.Fatal(err)
	}
	list, err := ListCalls(ctx, db, CallsQuery{Filter: mustFilter(t, "has complaint and operator = op-12")})
	if err != nil {
		t.Fatal(err)
	}
	if list.Total != 1 || list.Calls[0].CallID != "old1" || list.Calls[0].Score != nil {
		t.Errorf("old schema: calls %+v", list)
	}
	d, err := ShowCall(ctx, db, "old1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Score != nil || d.Segments != nil || d.Criteria != nil || d.Categories["complaint"] != 2 {
		t.Errorf("old schema: show %+v", d)
	}
	var out bytes.Buffer
	if err := WriteCallDetail(&out, d, ShowOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"no transcript stored", "Score: none"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("old schema: show lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := SearchCalls(ctx, db, SearchQuery{Phrase: "жалоба"}); err == nil || !strings.Contains(err.Error(), "table segments is missing") {
		t.Errorf("old schema: search: %v", err)
	}
}

// stripComments drops -- comment lines of a migration file.
func stripComments(sql string) string {
	var b strings.Builder
	for _, line := range strings.Split(sql, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// idx is what analysis stores of a transcript: its segments with terms.
func idx(tr schemas.Transcript) []schemas.IndexedSegment {
	return analyze.IndexSegments(tr, tr.Language)
}

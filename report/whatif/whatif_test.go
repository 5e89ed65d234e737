package whatif_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/report/whatif"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// The stored analyses were made by a set with «жалоб нет» excluded and a
// refund phrase; the changed set drops both, and its category "twice"
// needs two hits of «тариф» in a call.
const storedSet = `
category: complaint
language: ru
channel: client
exclude: [жалоб нет]
phrases:
  - id: zhaloba
    text: жалоба
  - id: verni_dengi
    text: верните деньги
`

// negatable: false, or the negation rule would cancel «Жалоб нет» as the
// exclusion did.
const changedComplaint = `
category: complaint
language: ru
channel: client
phrases:
  - id: zhaloba
    text: жалоба
    negatable: false
`

const changedTwice = `
category: twice
language: ru
channel: any
min_count: 2
phrases:
  - id: tarif
    text: тариф
`

const changedEn = `
category: complaint
language: en
channel: client
phrases:
  - id: complaint
    text: complaint
`

func matcher(t *testing.T, files ...string) *match.Matcher {
	t.Helper()
	m, err := match.CompileYAML(files...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var base = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// call is an analysed call with a two-channel transcript.
func call(id string, hours int, dept, lang string, cats map[string]int, hits []schemas.Hit, client ...string) schemas.Analysis {
	var segs []schemas.Segment
	for i, s := range client {
		segs = append(segs, schemas.Segment{Start: float64(5 + 10*i), End: float64(9 + 10*i), Text: s})
	}
	return schemas.Analysis{CallID: id, ObjectKey: "calls/" + id + ".wav", Version: "v1", DictionaryVersion: "sha256:old",
		AnalyzedAt: base.Add(240 * time.Hour),
		Meta: schemas.Metadata{StartedAt: base.Add(time.Duration(hours) * time.Hour), Language: lang,
			Operator: schemas.Operator{ID: "op-1", Department: dept}},
		Metrics:    schemas.Metrics{Duration: 60, Channels: 2},
		Categories: cats, Hits: hits,
		Segments: analyze.IndexSegments(schemas.Transcript{Language: lang, Duration: 60, Channels: []schemas.TranscriptChannel{
			{Role: "operator", Segments: []schemas.Segment{{Start: 0.5, End: 3, Text: "Компания Ромашка, слушаю вас"}}},
			{Role: "client", Segments: segs},
		}}, lang),
	}
}

func archive() []schemas.Analysis {
	complaint := map[string]int{"complaint": 1}
	hit := func(phrase, text string) []schemas.Hit {
		return []schemas.Hit{{Category: "complaint", PhraseID: phrase, Channel: "client", Start: 5, End: 7, Text: text}}
	}
	calls := []schemas.Analysis{
		// kept: a complaint before and after
		call("w1", 0, "Поддержка", "ru", complaint, hit("zhaloba", "жалоба"), "У меня жалоба на связь"),
		// gains complaint: «жалоб нет» no longer excluded
		call("w2", 1, "Поддержка", "ru", nil, nil, "Жалоб нет, всё хорошо"),
		// loses complaint: the refund phrase is gone
		call("w3", 2, "Поддержка", "ru", complaint, hit("verni_dengi", "Верните деньги"), "Верните деньги немедленно"),
		// gains twice: «тариф» twice in the call
		call("w4", 30, "Поддержка", "ru", nil, nil, "Какой у меня тариф", "Хочу другой тариф"),
		// once only: no twice
		call("w5", 31, "Поддержка", "ru-RU", nil, nil, "Какой у меня тариф"),
		// English
		call("w6", 50, "Поддержка", "en", nil, nil, "I want to file a complaint"),
		// another department: left out by the filter
		call("w7", 3, "Продажи", "ru", nil, nil, "Это жалоба"),
		// no transcript at all
		call("w8", 4, "Поддержка", "ru", complaint, hit("zhaloba", "жалоба")),
	}
	calls[7].Segments = nil
	return calls
}

// backends runs run on a fresh database of each backend holding archive,
// with an older analysis of w2 and w5 written twice.
func backends(t *testing.T, run func(t *testing.T, db store.DB)) {
	testenv.SkipIfShort(t)
	storetest.OnBackends(t, func(t *testing.T, ctx context.Context, db store.DB) {
		calls := archive()
		// An older analysis of w2 whose transcript says «тариф» twice:
		// its segments must not count.
		old := calls[1]
		old.AnalyzedAt = old.AnalyzedAt.Add(-time.Hour)
		old.Segments = analyze.IndexSegments(schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{
			{Role: "client", Segments: []schemas.Segment{{Start: 1, End: 2, Text: "тариф тариф"}}}}}, "ru")
		if err := store.WriteAnalyses(ctx, db, append([]schemas.Analysis{old}, calls...)); err != nil {
			t.Fatal(err)
		}
		// w5 written again by the same analysis: its segments are
		// stored twice until a merge, and must count once (else its
		// one «тариф» would make two).
		if err := store.WriteAnalyses(ctx, db, calls[4:5]); err != nil {
			t.Fatal(err)
		}
		run(t, db)
	})
}

// summary is a result in one line per category, examples by call id.
func summary(r *whatif.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "calls=%d compared=%d without=%d changed=%d\n", r.Calls, r.Compared, r.WithoutTranscript, r.Changed)
	for _, c := range r.Categories {
		var g, l []string
		for _, e := range c.GainedExamples {
			g = append(g, fmt.Sprintf("%s %s/%s %s %.1f «%s»", e.CallID, e.Hit.Category, e.Hit.PhraseID, e.Hit.Channel, e.Hit.Start, e.Hit.Text))
		}
		for _, e := range c.LostExamples {
			s := e.CallID
			if e.Hit != nil {
				s += fmt.Sprintf(" was %s «%s»", e.Hit.PhraseID, e.Hit.Text)
			}
			l = append(l, s)
		}
		fmt.Fprintf(&b, "%s before=%d after=%d +%d -%d net=%d gained[%s] lost[%s]\n", c.Category, c.Before, c.After,
			c.Gained, c.Lost, c.Net, strings.Join(g, "; "), strings.Join(l, "; "))
	}
	return b.String()
}

func TestRun(t *testing.T) {
	backends(t, func(t *testing.T, db store.DB) {
		ctx := context.Background()
		m := matcher(t, changedComplaint, changedTwice, changedEn)
		dept, err := filter.Parse(`department = "Поддержка"`)
		if err != nil {
			t.Fatal(err)
		}
		want := `calls=7 compared=6 without=1 changed=4
complaint before=2 after=3 +2 -1 net=1 gained[w2 complaint/zhaloba client 5.0 «Жалоб»; w6 complaint/complaint client 8.3 «complaint»] lost[w3 was verni_dengi «Верните деньги»]
twice before=0 after=1 +1 -0 net=1 gained[w4 twice/tarif client 8.0 «тариф»] lost[]
`
		// Windows of one call and one of all give the same result.
		for _, window := range []int{1, 0} {
			var progress []whatif.Progress
			res, err := whatif.Run(ctx, db, m, whatif.Query{Filter: dept, WindowCalls: window, Workers: 2,
				Progress: func(p whatif.Progress) { progress = append(progress, p) }})
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(res); got != want {
				t.Errorf("window %d:\ngot\n%s\nwant\n%s", window, got, want)
			}
			if res.Dictionaries != m.Version() || len(res.Stored) != 1 || res.Stored[0] != (whatif.VersionCount{Version: "sha256:old", Calls: 6}) {
				t.Errorf("versions: %s, stored %v", res.Dictionaries, res.Stored)
			}
			if len(progress) < 2 || progress[len(progress)-1] != (whatif.Progress{Done: 7, Total: 7}) ||
				!slices.IsSortedFunc(progress, func(a, b whatif.Progress) int { return a.Done - b.Done }) {
				t.Errorf("window %d: progress %v", window, progress)
			}
			if window == 1 && len(progress) < 7 {
				t.Errorf("window of one call: %d progress reports, want one a window", len(progress))
			}
		}

		// The period: only the first day's calls (w1..w5 minus w4, w5),
		// dates in Moscow time: 2026-11-20 00:00 MSK is 21:00 UTC the day
		// before, so w4 (at 15:00 UTC on the 21st) is out.
		msk, _ := time.LoadLocation("Europe/Moscow")
		res, err := whatif.Run(ctx, db, m, whatif.Query{Filter: dept, Location: msk,
			From: time.Date(2026, 11, 20, 0, 0, 0, 0, msk), To: time.Date(2026, 11, 21, 0, 0, 0, 0, msk)})
		if err != nil {
			t.Fatal(err)
		}
		if got := summary(res); !strings.HasPrefix(got, "calls=4 compared=3 without=1 changed=2\n") {
			t.Errorf("period:\n%s", got)
		}
		for _, c := range res.Categories {
			for _, e := range c.GainedExamples {
				if e.Started.Location() != msk {
					t.Errorf("example %s started in %v, want the query's zone", e.CallID, e.Started.Location())
				}
			}
		}

		// Without a filter the other department's call counts; the set the
		// calls were analysed with changes nothing on the ones it covers.
		res, err = whatif.Run(ctx, db, matcher(t, storedSet), whatif.Query{Examples: -1})
		if err != nil {
			t.Fatal(err)
		}
		if got := summary(res); got != "calls=8 compared=7 without=1 changed=1\ncomplaint before=2 after=3 +1 -0 net=1 gained[] lost[]\n" {
			// w7 (Продажи) was stored without its complaint.
			t.Errorf("unchanged set:\n%s", got)
		}

		// A bad filter names the problem.
		bad, err := filter.Parse(`no_such_field = 1`)
		if err == nil {
			_, err = whatif.Run(ctx, db, m, whatif.Query{Filter: bad})
		}
		if err == nil {
			t.Error("a filter on an unknown field was accepted")
		}
	})
}

// A database migrated before transcripts were stored has no segments.
func TestRunWithoutSegments(t *testing.T) {
	testenv.SkipIfShort(t)
	ctx := context.Background()
	db := storetest.Open(t, testenv.ChDB(t))
	_, err := whatif.Run(ctx, db, matcher(t, storedSet), whatif.Query{})
	if err == nil || !strings.Contains(err.Error(), "segments") {
		t.Errorf("got %v", err)
	}
}

// Replace swaps one dictionary of a set for an edited file, or adds it.
func TestReplace(t *testing.T) {
	base := matcher(t, storedSet, changedTwice)
	m, err := whatif.Replace(base.Set(), "complaint.yaml", []byte(changedComplaint))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(m.Set().Dictionaries); n != 2 {
		t.Errorf("%d dictionaries after replacing one of 2", n)
	}
	if m.Version() != matcher(t, changedComplaint, changedTwice).Version() && m.Version() != matcher(t, changedTwice, changedComplaint).Version() {
		t.Error("the replaced set is not the edited one")
	}
	if len(base.Set().Dictionaries[0].Exclude) == 0 {
		t.Error("Replace changed the base set")
	}
	m, err = whatif.Replace(base.Set(), "en.yaml", []byte(changedEn))
	if err != nil || len(m.Set().Dictionaries) != 3 {
		t.Errorf("adding a language: %v", err)
	}
	if _, err := whatif.Replace(base.Set(), "bad.yaml", []byte("category: complaint\nlanguage: ru\nphrases: []\n")); err == nil || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("a bad file: %v", err)
	}
}

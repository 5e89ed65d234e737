package dicttest_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/callscope/callscope/analyze/dicttest"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/schemas"
)

func matcher(t testing.TB) *match.Matcher {
	t.Helper()
	m, err := match.CompileYAML(`
category: complaint
language: ru
channel: client
exclude: [жалоб нет]
phrases:
  - id: zhaloba
    text: жалоба
    weight: 2
`, `
category: greeting
language: ru
channel: operator
window: {first: 10s}
phrases:
  - id: zdravstvuyte
    text: здравствуйте
`)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestText(t *testing.T) {
	m := matcher(t)
	tests := []struct {
		role, text string
		strict     bool
		want       string
	}{
		{"client", "Здравствуйте, у меня жалоба!", false, `complaint/zhaloba client «жалоба» [38,50) w2`},
		{"operator", "Здравствуйте, у меня жалоба!", false, `greeting/zdravstvuyte operator «Здравствуйте» [0,24) w1`},
		{"mixed", "Жалоб нет, здравствуйте", false, `greeting/zdravstvuyte mixed «здравствуйте» [19,43) w1`},
		{"mixed", "у меня жалоба", true, ``},
	}
	for _, tt := range tests {
		res := dicttest.Text(m, "ru", tt.role, tt.text, tt.strict)
		got := ""
		for _, h := range res.Hits {
			got += fmt.Sprintf("%s/%s %s «%s» [%d,%d) w%g", h.Category, h.PhraseID, h.Channel, h.Text, h.From, h.To, h.Weight)
			if tt.text[h.From:h.To] != h.Text {
				t.Errorf("%q: offsets [%d,%d) are %q, not the hit's words %q", tt.text, h.From, h.To, tt.text[h.From:h.To], h.Text)
			}
		}
		if got != tt.want || res.DictionaryVersion != m.Version() || res.Language != "ru" {
			t.Errorf("%s %q: %s, want %s", tt.role, tt.text, got, tt.want)
		}
		if n := len(res.Categories); n != len(res.Hits) {
			t.Errorf("%q: categories %v for %d hits", tt.text, res.Categories, len(res.Hits))
		}
	}
}

// TestTranscript: windows and channels apply as in the analyzer, and each
// segment lists the hits it holds.
func TestTranscript(t *testing.T) {
	m := matcher(t)
	tr := schemas.Transcript{Duration: 60, Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{
			{Start: 1, End: 3, Text: "Здравствуйте, слушаю"},
			{Start: 30, End: 32, Text: "Здравствуйте ещё раз"}, // after the 10 s window
		}},
		{Role: "client", Segments: []schemas.Segment{
			{Start: 4, End: 8, Text: "У меня жалоба, и ещё одна жалоба"},
			{Start: 40, End: 42, Text: "Жалоб нет"},
		}},
	}}
	res := dicttest.Transcript(m, tr, "ru", match.CallOptions{})
	data, _ := json.Marshal(res)
	want := `{"dictionary_version":"` + m.Version() + `","language":"ru","hits":[` +
		`{"category":"greeting","phrase_id":"zdravstvuyte","channel":"operator","start":1,"end":2,"text":"Здравствуйте","weight":1},` +
		`{"category":"complaint","phrase_id":"zhaloba","channel":"client","start":5.143,"end":5.714,"text":"жалоба","weight":2},` +
		`{"category":"complaint","phrase_id":"zhaloba","channel":"client","start":7.429,"end":8,"text":"жалоба","weight":2}],` +
		`"categories":{"complaint":2,"greeting":1},` +
		`"segments":[{"channel":"operator","start":1,"end":3,"text":"Здравствуйте, слушаю","hits":[0]},` +
		`{"channel":"client","start":4,"end":8,"text":"У меня жалоба, и ещё одна жалоба","hits":[1,2]}]}`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}

	// A transcript without text (asr.adapter none) has no hits to show.
	none := dicttest.Transcript(m, schemas.Transcript{ASR: schemas.ASRInfo{Adapter: schemas.ASRNone},
		Channels: []schemas.TranscriptChannel{{Role: "operator", Speech: []schemas.Interval{{Start: 0, End: 5}}}}}, "ru", match.CallOptions{})
	if len(none.Hits) != 0 || none.Hits == nil || none.Categories == nil {
		t.Errorf("timing-only transcript: %+v", none)
	}
}

// A sentence tried as a client would say it.
func ExampleText() {
	d, _ := match.Parse("complaint.yaml", []byte("category: complaint\nlanguage: ru\nchannel: client\nphrases:\n  - id: zhaloba\n    text: жалоба\n"))
	m, _ := match.Compile(&match.Set{Dictionaries: []match.Dictionary{d}})
	res := dicttest.Text(m, "ru", "client", "Хочу оставить жалобу", false)
	for _, h := range res.Hits {
		fmt.Printf("%s/%s «%s»\n", h.Category, h.PhraseID, h.Text)
	}
	// Output: complaint/zhaloba «жалобу»
}

// TestModels: with the built-ins, a sentence gets the scores of the models
// of its role, and a transcript the model's hit on the segment it fired on.
func TestModels(t *testing.T) {
	m, err := match.CompileBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	// Which models ship changes as they are retrained: count what the
	// built-ins hold. A sentence gets the scores of the models of its
	// role; a mixed one, of every model.
	perRole := map[string]int{}
	for _, md := range m.Models("ru") {
		perRole[md.Channel]++
		perRole[schemas.RoleMixed]++
	}
	if perRole[schemas.RoleClient] == 0 {
		t.Fatal("no built-in ru model reads the client channel: nothing to test")
	}
	grievance := "интернет опять не работает, и мне никто не перезвонил, сколько можно" // 18 features, under every min_features
	for _, tt := range []struct {
		role   string
		models int
	}{{"client", perRole["client"]}, {"mixed", perRole["mixed"]}, {"operator", perRole["operator"]}} {
		res := dicttest.Text(m, "ru", tt.role, grievance, false)
		if len(res.Models) != tt.models {
			t.Fatalf("%s: %d model scores, want %d", tt.role, len(res.Models), tt.models)
		}
		for _, ms := range res.Models {
			// Scored (features found) though shorter than a call's
			// window, and leaning to a complaint; whether it clears the
			// threshold is the model's accuracy (analyze/dicteval), not
			// this package's.
			if ms.Category == "complaint" && (ms.Probability <= 0.5 || ms.N == 0 || ms.MinFeatures <= ms.N || len(ms.Features) == 0) {
				t.Errorf("%s: %+v: a complaint, scored though shorter than a call's window", tt.role, ms)
			}
		}
	}
	tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{
		{Role: schemas.RoleOperator, Segments: []schemas.Segment{{Start: 0, End: 2, Text: "Компания Ромашка, здравствуйте"}}},
		{Role: schemas.RoleClient, Segments: []schemas.Segment{
			{Start: 3, End: 9, Text: "Здравствуйте. Я уже звонил вчера, интернет опять не работает, прошло два дня, никто не звонит."}}},
	}}
	res := dicttest.Transcript(m, tr, "ru", match.CallOptions{})
	found := false
	for _, seg := range res.Segments {
		for _, i := range seg.Hits {
			if h := res.Hits[i]; h.PhraseID == "model:complaint" {
				found = seg.Start == 3 && h.Probability >= 0.5 && h.Text == seg.Text
			}
		}
	}
	if !found {
		t.Errorf("no model:complaint hit on the client's segment: %+v", res)
	}
}

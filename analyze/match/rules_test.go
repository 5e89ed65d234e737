package match

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// rulesSet is a small set that uses every rule of issue 16: negation,
// word sets, synonyms, positions and exclusions in the next utterances.
func rulesSet(t *testing.T) *Matcher {
	t.Helper()
	fsys := fstest.MapFS{
		"ru/synonyms.yaml": {Data: []byte(`language: ru
synonyms:
  leave: [уйду, перейду, сбегу, расторгну договор]
  rival: [к конкурентам, в другой банк]
  called: [звонила, звонил]
  past: [вчера, не раз]
`)},
		"ru/again.yaml": {Data: []byte(`category: again
language: ru
channel: client
phrases:
  - id: called
    text: "{@called @past}:6"
`)},
		"ru/churn.yaml": {Data: []byte(`category: churn
language: ru
channel: client
phrases:
  - id: leave
    text: "{@leave @rival}:5"
  - id: terminate
    text: "@leave"
    exclude: [уйду на]
`)},
		"ru/complaint.yaml": {Data: []byte(`category: complaint
language: ru
channel: client
phrases:
  - id: claim
    text: претензия
  - id: not_ok
    text: меня не устраивает
  - id: strict
    text: жалоба
    negatable: false
`)},
		"ru/greet.yaml": {Data: []byte(`category: greet
language: ru
channel: operator
position: first_utterance
phrases:
  - id: hello
    text: здравствуйте
`)},
		"ru/bye.yaml": {Data: []byte(`category: bye
language: ru
channel: operator
position: last_utterance
phrases:
  - id: bye
    text: до свидания
`)},
		"ru/incomp.yaml": {Data: []byte(`category: incomp
language: ru
channel: operator
exclude_utterances: 1
exclude: [сейчас уточню]
phrases:
  - id: dont_know
    text: не знаю
  - id: repeat
    text: я уже звонил
`)},
	}
	set, err := LoadFS(fsys, "rules")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNegationAndSets(t *testing.T) {
	m := rulesSet(t)
	for _, tt := range []struct{ text, want string }{
		{"у меня претензия", "complaint/claim"},
		{"претензий нет", ""},                        // «нет» after the hit
		{"претензий у меня нет", ""},                 // after two bridge words
		{"никаких претензий", ""},                    // a negator before
		{"я не хочу писать претензию", ""},           // through bridge words
		{"не то чтобы претензия", "complaint/claim"}, // «то чтобы»: «чтобы» is no bridge
		{"меня не устраивает", "complaint/not_ok"},   // the phrase is negative itself
		{"не жалоба а вопрос", "complaint/strict"},   // negatable: false
		{"я уйду к конкурентам", "churn/leave"},
		{"к конкурентам я уйду", "churn/leave"},                                // any order
		{"перейду пожалуй наверное всё таки в другой банк", "churn/terminate"}, // the set is too far apart; the bare verb matches
		{"я не собираюсь уходить к конкурентам", ""},                           // «уходить» is not in the set
		{"я не уйду к конкурентам", ""},                                        // negated
		// A negator stays in its clause: the chain of bridges changes subject.
		{"если так не будет я уйду к конкурентам", "churn/leave"},
		{"если решения не будет буду писать претензию", "complaint/claim"},
		{"не будет буду претензия", "complaint/claim"},
		{"не будет претензия", ""},  // an impersonal bridge alone: one clause
		{"не хочу я претензию", ""}, // one subject
		{"я не буду претензию", ""},
		// A modal governs an infinitive, not a verb in the first person.
		{"я так больше не могу уйду к конкурентам", "churn/leave"},
		{"не могу я уйду к конкурентам", "churn/leave"},
		{"я не могу претензию", ""}, // «-ию»: a noun
		{"не хочу претензию", ""},
		// «нет» before a verb in the first person is a clause of its own.
		{"сил нет уйду к конкурентам", "churn/leave"},
		{"а нет так уйду к конкурентам", "churn/leave"},
		{"нет я не уйду к конкурентам", ""},
		// «нет» before a subject pronoun answers; its clause ends there.
		{"нет я вчера звонила", "again/called"},
		{"претензий нет я звонила вчера", "again/called"},
		{"нет у меня претензий", ""}, // «меня» is no subject: «нет» governs the hit
		{"нет претензий", ""},
		{"расторгну договор", "churn/terminate"}, // a synonym of several words
		{"я уйду на обед", ""},                   // the phrase's exclusion
		// A synonym member with a negator of its own («не раз») does not
		// shield the set's other members from negation.
		{"я вам вчера не звонила", ""},
		{"не звонила вчера", ""},
		{"вчера звонила", "again/called"},
		{"я не раз звонила", "again/called"},
		{"звонила вам не раз", "again/called"},
	} {
		var got []string
		for _, h := range m.Match(nil, "ru", "client", text.Tokenize(tt.text)) {
			got = append(got, h.Category+"/"+h.PhraseID)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

func utt(start float64, text string) schemas.Segment {
	return schemas.Segment{Start: start, End: start + 1.5, Text: text}
}

func TestPositionAndAdjacentUtterances(t *testing.T) {
	m := rulesSet(t)
	tr := schemas.Transcript{Duration: 100, Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{
			utt(0, "алло вас не слышно"), // the first utterance: no greeting
			utt(3, "здравствуйте"),       // greets, but second
			utt(10, "не знаю"),           // cancelled: the next utterance, 2.5 s later
			utt(14, "сейчас уточню"),
			utt(30, "не знаю"), // kept: the next utterance is 40 s later
			utt(50, "до свидания"),
			utt(90, "всё"), // the last utterance: the goodbye is not in it
		}},
		{Role: "client", Segments: []schemas.Segment{
			utt(5, "я уже"), // a phrase cut in two by the recognizer
			utt(6.8, "звонил"),
		}},
	}}
	var got []string
	for _, h := range m.MatchCall(tr, "ru", CallOptions{}) {
		got = append(got, fmt.Sprintf("%s/%s@%g", h.Category, h.PhraseID, h.Start))
	}
	// The client's «я уже» | «звонил» is the operator's phrase: not matched.
	if g := strings.Join(got, " "); g != "incomp/dont_know@30" {
		t.Errorf("hits: %s", g)
	}
	// «я уже» | «звонил» on the operator channel is one phrase across two
	// utterances 0.3 s apart, quoted from both.
	tr.Channels[0].Segments = []schemas.Segment{utt(0, "здравствуйте"), utt(2, "я уже"), utt(3.8, "звонил"), utt(20, "до свидания")}
	var cats []string
	for _, h := range m.MatchCall(tr, "ru", CallOptions{}) {
		cats = append(cats, h.Category+"/"+h.PhraseID+"«"+h.Text+"»")
	}
	want := "greet/hello«здравствуйте» incomp/repeat«я уже звонил» bye/bye«до свидания»"
	if g := strings.Join(cats, " "); g != want {
		t.Errorf("hits: %s\nwant %s", g, want)
	}
}

func TestRuleErrors(t *testing.T) {
	for _, tt := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"ru/a.yaml": "category: a\nlanguage: ru\nphrases:\n  - id: x\n    text: \"{уйду}\"\n"}, "a word set has from 2 to 6 elements"},
		{map[string]string{"ru/a.yaml": "category: a\nlanguage: ru\nphrases:\n  - id: x\n    text: \"{уйду к}:1\"\n"}, "the span must be from the number of words"},
		{map[string]string{"ru/a.yaml": "category: a\nlanguage: ru\nphrases:\n  - id: x\n    text: \"@nope уйду\"\n"}, "@nope is not a synonym set"},
		{map[string]string{"ru/a.yaml": "category: a\nlanguage: ru\nposition: middle\nphrases:\n  - id: x\n    text: уйду\n"}, `position "middle" is not one of first_utterance, last_utterance`},
		{map[string]string{"ru/a.yaml": "category: a\nlanguage: ru\nexclude_utterances: 9\nphrases:\n  - id: x\n    text: уйду\n"}, "exclude_utterances must be"},
		{map[string]string{"ru/s.yaml": "language: ru\nsynonyms:\n  Leave: [уйду]\n", "ru/a.yaml": "category: a\nlanguage: ru\nphrases:\n  - id: x\n    text: уйду\n"}, `synonym set name "Leave"`},
		{map[string]string{"ru/s.yaml": "language: ru\nsynonyms:\n  leave: [уйду NEAR:2 к]\n", "ru/a.yaml": "category: a\nlanguage: ru\nphrases:\n  - id: x\n    text: уйду\n"}, "must be plain words"},
	} {
		fsys := fstest.MapFS{}
		for k, v := range tt.files {
			fsys[k] = &fstest.MapFile{Data: []byte(v)}
		}
		_, err := LoadFS(fsys, "d")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %v, want %q", tt.files, err, tt.want)
		}
	}
}

// TestSentenceStops: with punctuation, negation does not cross the end of
// a sentence; without it (ASR text) «претензия нет» is a denial.
func TestSentenceStops(t *testing.T) {
	m := rulesSet(t)
	for _, tt := range []struct{ text, want string }{
		{"У меня претензия! Нет, правда.", "complaint/claim"},
		{"у меня претензия нет правда", ""},
		{"Нет. Претензия у меня.", "complaint/claim"},
	} {
		seg := schemas.Segment{Text: tt.text}
		toks, words := SegmentTokens(nil, nil, seg)
		var got []string
		for _, h := range m.MatchSegment(nil, "ru", "client", seg, toks, words) {
			got = append(got, h.Category+"/"+h.PhraseID)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

// TestHasStop: the byte loop finds a stop where strings.ContainsAny does,
// the two multi-byte ones and invalid UTF-8 included.
func TestHasStop(t *testing.T) {
	for _, tt := range []struct {
		tail string
		want bool
	}{
		{" ", false},
		{", ", true},
		{" — ", true},
		{"…", true},
		{" – ", false}, // an en dash: not a stop, though it begins like «—»
		{"\u2025", false},
		{"\xe2", false},
		{"\xe2\x80", false},
		{"\xe2…", true},
		{"\x80\xa6", false},
		{" ) ", false},
		{"?!", true},
	} {
		if got := hasStop(tt.tail); got != tt.want || got != strings.ContainsAny(tt.tail, ".!?;…,:—") {
			t.Errorf("hasStop(%q) = %v, want %v (strings.ContainsAny agrees)", tt.tail, got, tt.want)
		}
	}
}

// A phrase that ends an utterance does not reach into the speaker's next
// one through the filler it starts with («вот»), even where another phrase
// goes on from its last word: the hit and its quote stay in the first
// utterance.
func TestFillerAfterPhraseEnd(t *testing.T) {
	fsys := fstest.MapFS{"ru/steps.yaml": {Data: []byte(`category: steps
language: ru
channel: operator
phrases:
  - id: term
    text: в течение BEFORE:2 дней
  - id: long
    text: дней не могу решить
`)}}
	set, err := LoadFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	for _, next := range []string{"вот", "ну вот так"} {
		tr := schemas.Transcript{Duration: 30, Channels: []schemas.TranscriptChannel{
			{Role: "operator", Segments: []schemas.Segment{utt(1, "доставят в течение четырёх дней"), utt(2.55, next)}},
		}}
		var got []string
		for _, h := range m.MatchCall(tr, "ru", CallOptions{}) {
			got = append(got, h.PhraseID+"«"+h.Text+"»")
		}
		if g, want := strings.Join(got, " "), "term«в течение четырёх дней»"; g != want {
			t.Errorf("then %q: got %s, want %s", next, g, want)
		}
	}
}

// Explain says which rule took back a wording whose words were all said.
func TestExplainCancellations(t *testing.T) {
	m := rulesSet(t)
	for _, tt := range []struct{ text, want string }{
		{"я не уйду к конкурентам", "churn/terminate negated by «не»; churn/leave negated by «не»"},
		{"претензий у меня нет", "complaint/claim negated by «нет»"},
		{"я уйду на обед", "churn/terminate excluded by «уйду на»"}, // the bare verb's exclusion
		{"я уйду к конкурентам", ""},                                // a hit: nothing cancelled
	} {
		seg := schemas.Segment{Text: tt.text}
		toks, words := SegmentTokens(nil, nil, seg)
		_, cancelled := m.Explain("ru", "client", seg, toks, words)
		var got []string
		for _, c := range cancelled {
			got = append(got, c.Category+"/"+c.PhraseID+" "+c.Reason(toks))
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

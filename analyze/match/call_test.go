package match

import (
	"fmt"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

const callDict = `category: greeting
language: ru
channel: operator
window: {first: 10s}
phrases:
  - id: hello
    text: здравствуйте
  - id: bye
    text: до свидания
    window: {last: 20%}
  - id: name
    text: меня зовут
    channel: any
    window: {last: 5s}
`

const fillerDict = `category: filler
language: ru
channel: operator
min_count: 3
phrases:
  - id: nu
    text: =ну
  - id: koroche
    text: =короче
  - id: tipa
    text: =типа
    min_count: 2
`

func renderCall(hits []CallHit) string {
	var parts []string
	for _, h := range hits {
		parts = append(parts, fmt.Sprintf("%s/%s@%s[%g:%g]%q", h.Category, h.PhraseID, h.Channel, h.Start, h.End, h.Text))
	}
	return strings.Join(parts, " ")
}

func seg(start, end float64, s string) schemas.Segment {
	return schemas.Segment{Start: start, End: end, Text: s}
}

func TestMatchCallWindows(t *testing.T) {
	m := compileYAML(t, callDict)
	tests := []struct {
		name     string
		duration float64
		op, cl   []schemas.Segment
		want     string
	}{
		{"first seconds", 100, []schemas.Segment{seg(1, 3, "Здравствуйте!")}, nil,
			`greeting/hello@operator[1:3]"Здравствуйте"`},
		{"too late for a greeting", 100, []schemas.Segment{seg(10, 12, "Здравствуйте!")}, nil, ""},
		{"last percent", 100, []schemas.Segment{seg(81, 83, "до свидания")}, nil,
			`greeting/bye@operator[81:83]"до свидания"`},
		{"too early for a farewell", 100, []schemas.Segment{seg(50, 52, "до свидания")}, nil, ""},
		{"phrase window overrides, client on any", 100, nil, []schemas.Segment{seg(96, 100, "меня зовут Пётр")},
			`greeting/name@client[96:98.667]"меня зовут"`},
		{"duration from segments when unknown", 0, []schemas.Segment{seg(1, 2, "здравствуйте"), seg(90, 100, "до свидания")}, nil,
			`greeting/hello@operator[1:2]"здравствуйте" greeting/bye@operator[90:100]"до свидания"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := schemas.Transcript{Duration: tt.duration, Channels: []schemas.TranscriptChannel{
				{Role: "operator", Segments: tt.op}, {Role: "client", Segments: tt.cl}}}
			if got := renderCall(m.MatchCall(tr, "ru", CallOptions{})); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestMatchCallMinCount(t *testing.T) {
	m := compileYAML(t, fillerDict)
	tests := []struct {
		text string
		want string // phrase ids
	}{
		{"ну вот", ""},
		{"ну ну", ""},                    // category needs 3
		{"ну ну ну", "nu nu nu"},         // category has 3
		{"ну короче типа", "nu koroche"}, // 3 in the category, but типа needs 2 itself
		{"ну типа короче типа", "nu tipa koroche tipa"},
	}
	for _, tt := range tests {
		tr := schemas.Transcript{Duration: 10, Channels: []schemas.TranscriptChannel{
			{Role: "operator", Segments: []schemas.Segment{seg(0, 10, tt.text)}}}}
		var got []string
		for _, h := range m.MatchCall(tr, "ru", CallOptions{}) {
			got = append(got, h.PhraseID)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestMatchCallWordsAndMixed(t *testing.T) {
	m := compileYAML(t, testDict, testDict2)
	tr := schemas.Transcript{Duration: 20, Channels: []schemas.TranscriptChannel{{
		Role: "mixed",
		Segments: []schemas.Segment{
			{Start: 1, End: 3, Text: "Я не знаю, мне,", Words: []schemas.Word{
				{W: "Я", Start: 1, End: 1.2}, {W: "не", Start: 1.2, End: 1.4}, {W: "знаю,", Start: 1.5, End: 2}, {W: "мне,", Start: 2, End: 3}}},
			seg(5, 9, "ужасное обслуживание"),
		},
	}}}
	if got, want := renderCall(m.MatchCall(tr, "ru", CallOptions{})),
		`incompetence/ya_ne_znayu@mixed[1:2]"Я не знаю" complaint/uzhas@mixed[5:9]"ужасное обслуживание"`; got != want {
		t.Errorf("mixed:\n got %s\nwant %s", got, want)
	}
	if got, want := renderCall(m.MatchCall(tr, "ru", CallOptions{StrictMixed: true})),
		`complaint/uzhas@mixed[5:9]"ужасное обслуживание"`; got != want {
		t.Errorf("strict mixed:\n got %s\nwant %s", got, want)
	}
	if got := m.MatchCall(tr, "en", CallOptions{}); got != nil {
		t.Errorf("a language without dictionaries gave %v", got)
	}
	if h := m.MatchCall(tr, "ru", CallOptions{})[0]; h.Weight != 2 {
		t.Errorf("weight %v, want 2", h.Weight)
	}
}

// TestMinCountRepeated: the counters MatchCall reuses start from zero on
// every call, whatever the previous call dropped.
func TestMinCountRepeated(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	few := schemas.Transcript{Duration: 10, Channels: []schemas.TranscriptChannel{{Role: "operator",
		Segments: []schemas.Segment{{Start: 0, End: 5, Text: "ну вот ну значит ну"}}}}}
	many := schemas.Transcript{Duration: 10, Channels: []schemas.TranscriptChannel{{Role: "operator",
		Segments: []schemas.Segment{{Start: 0, End: 5, Text: "ну как бы ну типа ну короче ну"}}}}}
	count := func(tr schemas.Transcript) int {
		n := 0
		for _, h := range m.MatchCall(tr, "ru", CallOptions{}) {
			if h.Category == "filler_words" {
				n++
			}
		}
		return n
	}
	want := count(many)
	for range 3 {
		if n := count(few); n != 0 {
			t.Errorf("few fillers: %d hits, want 0 (under min_count)", n)
		}
		if n := count(many); n != want || n < 5 {
			t.Errorf("many fillers: %d hits, want %d (5 or more)", n, want)
		}
	}
}

// TestAppendCallDirtyBuffer: hits appended into a reused buffer full of a
// previous call's hits (and of junk beyond its length) are exactly
// MatchCall's, and what dst held before is kept.
func TestAppendCallDirtyBuffer(t *testing.T) {
	m := builtinMatcher(t)
	tr := fiveMinuteCall(t)
	want := m.MatchCall(tr, "ru", CallOptions{})
	if len(want) == 0 {
		t.Fatal("the 5-minute call has no hits")
	}
	junk := CallHit{Hit: schemas.Hit{Category: "junk", PhraseID: "junk", Channel: "junk", Start: -1, End: -1, Text: "junk"}, Weight: -1}
	buf := make([]CallHit, 3*len(want))
	for i := range buf {
		buf[i] = junk
	}
	got := m.AppendCall(buf[:1], tr, "ru", CallOptions{})
	if len(got) != 1+len(want) || got[0] != junk {
		t.Fatalf("AppendCall onto 1 hit: %d hits, first %+v; want %d, first kept", len(got), got[0], 1+len(want))
	}
	for i, h := range got[1:] {
		if h != want[i] {
			t.Fatalf("hit %d: %+v, want %+v", i, h, want[i])
		}
	}
	if again := m.AppendCall(got[:0], tr, "ru", CallOptions{}); len(again) != len(want) || again[len(want)-1] != want[len(want)-1] {
		t.Fatalf("AppendCall onto its own result: %d hits, want %d", len(again), len(want))
	}
	if m.AppendCall(buf[:2], tr, "xx", CallOptions{}) == nil {
		t.Fatal("a language without dictionaries must return dst, not nil")
	}
}
